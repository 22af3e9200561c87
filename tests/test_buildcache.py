from natoar.build.cache import clear_if_stale, inputs_digest, record


def test_digest_follows_seeds_and_data(project):
    before = inputs_digest(project)
    assert inputs_digest(project) == before
    with (project / "data" / "documents.csv").open("a", encoding="utf-8") as f:
        f.write("\n")
    assert inputs_digest(project) != before


def test_stale_outputs_are_cleared_and_fresh_ones_kept(project):
    cache = project / "_build" / ".jupyter_cache"
    cache.mkdir(parents=True)
    assert clear_if_stale(project)  # no record yet: nothing can be trusted
    assert not cache.exists()
    cache.mkdir(parents=True)
    record(project)
    assert not clear_if_stale(project)
    assert cache.exists()
    (project / "seeds" / "000_9ac74bd8921543b6.txt").write_bytes(b"changed")
    assert clear_if_stale(project)
    assert not cache.exists()


def test_library_code_is_an_input_but_the_measuring_tools_are_not(project):
    (project / "natoar" / "tools").mkdir(parents=True)
    (project / "natoar" / "analysis.py").write_text("A = 1\n")
    (project / "natoar" / "tools" / "bench.py").write_text("B = 1\n")
    (project / "_build" / ".jupyter_cache").mkdir(parents=True)
    record(project)
    (project / "natoar" / "tools" / "bench.py").write_text("B = 2\n")
    assert not clear_if_stale(project)
    (project / "natoar" / "analysis.py").write_text("A = 2\n")
    assert clear_if_stale(project)
    assert not (project / "_build" / ".jupyter_cache").exists()
