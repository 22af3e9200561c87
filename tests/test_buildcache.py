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
