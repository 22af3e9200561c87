import os

from natoar.build.cache import CACHE, KEEP, KEPT, SITE, inputs_digest, record, site_current, switch_cache


def test_digest_follows_seeds_and_data(project):
    before = inputs_digest(project)
    assert inputs_digest(project) == before
    with (project / "data" / "documents.csv").open("a", encoding="utf-8") as f:
        f.write("\n")
    assert inputs_digest(project) != before


def _cached(project, text):
    """Give the cache folder in place an output (a file holding `text`)."""
    (project / CACHE / "output.txt").write_text(text)


def _output(project):
    path = project / CACHE / "output.txt"
    return path.read_text() if path.is_file() else None


def test_outputs_of_other_inputs_are_set_aside_and_come_back_with_their_inputs(project):
    seed = project / "seeds" / "000_9ac74bd8921543b6.txt"
    (project / CACHE).mkdir(parents=True)
    _cached(project, "unlabelled")
    assert switch_cache(project) == "new"  # unlabelled: nothing can be trusted, and nothing is kept
    assert _output(project) is None and not (project / KEPT).exists()
    _cached(project, "first")
    assert switch_cache(project) == "unchanged" and _output(project) == "first"
    original = seed.read_bytes()
    seed.write_bytes(b"changed")
    assert switch_cache(project) == "new" and _output(project) is None
    _cached(project, "second")  # say the build then fails: these outputs are for the changed seed all the same
    seed.write_bytes(original)  # the edit undone: the first outputs come back, the second are kept
    assert switch_cache(project) == "restored" and _output(project) == "first"
    seed.write_bytes(b"changed")
    assert switch_cache(project) == "restored" and _output(project) == "second"


def test_only_the_last_few_caches_are_kept(project):
    seed = project / "seeds" / "000_9ac74bd8921543b6.txt"
    for n in range(KEEP + 3):
        seed.write_bytes(f"version {n}".encode())
        switch_cache(project)
        _cached(project, str(n))
    assert len(list((project / KEPT).iterdir())) == KEEP
    for n in range(KEEP + 2, 1, -1):  # the current one, then the KEEP set aside last; the oldest are gone
        seed.write_bytes(f"version {n}".encode())
        switch_cache(project)
        assert _output(project) == str(n), n
    seed.write_bytes(b"version 0")
    assert switch_cache(project) == "new"


def test_library_code_is_an_input_but_the_measuring_tools_and_the_build_machinery_are_not(project):
    for folder in ("tools", "build"):
        (project / "natoar" / folder).mkdir(parents=True)
    (project / "natoar" / "analysis.py").write_text("A = 1\n")
    (project / "natoar" / "tools" / "bench.py").write_text("B = 1\n")
    (project / "natoar" / "build" / "pdf.py").write_text("C = 1\n")
    (project / "natoar" / "build" / "execute.py").write_text("D = 1\n")
    assert switch_cache(project) == "new"
    (project / "natoar" / "tools" / "bench.py").write_text("B = 2\n")
    (project / "natoar" / "build" / "pdf.py").write_text("C = 2\n")
    assert switch_cache(project) == "unchanged"
    (project / "natoar" / "build" / "execute.py").write_text("D = 2\n")  # it runs the notebooks
    assert switch_cache(project) == "new"
    (project / "natoar" / "analysis.py").write_text("A = 2\n")
    assert switch_cache(project) == "new"


def test_sphinx_is_spared_only_for_the_same_bytes_and_a_site_in_place(project):
    files = ["_config.yml", "data/documents.csv"]
    for page in SITE:
        (project / page).parent.mkdir(parents=True, exist_ok=True)
        (project / page).write_text("<html></html>")
    assert not site_current(files, project)  # never recorded
    record(files, project)
    assert site_current(files, project)
    os.utime(project / "_config.yml")  # touched, same bytes
    assert site_current(files, project)
    assert not site_current([*files, "_toc.yml"], project)  # another input
    (project / SITE[1]).unlink()  # the Arabic edition is gone
    assert not site_current(files, project)
    (project / SITE[1]).write_text("<html></html>")
    with (project / "data" / "documents.csv").open("a", encoding="utf-8") as f:
        f.write("\n")
    assert not site_current(files, project)
