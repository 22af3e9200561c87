import os

from natoar.build.cache import SITE, clear_if_stale, inputs_digest, record, site_current


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


def test_library_code_is_an_input_but_the_measuring_tools_and_the_build_machinery_are_not(project):
    for folder in ("tools", "build"):
        (project / "natoar" / folder).mkdir(parents=True)
    (project / "natoar" / "analysis.py").write_text("A = 1\n")
    (project / "natoar" / "tools" / "bench.py").write_text("B = 1\n")
    (project / "natoar" / "build" / "pdf.py").write_text("C = 1\n")
    (project / "natoar" / "build" / "execute.py").write_text("D = 1\n")
    (project / "_build" / ".jupyter_cache").mkdir(parents=True)
    record(project)
    (project / "natoar" / "tools" / "bench.py").write_text("B = 2\n")
    (project / "natoar" / "build" / "pdf.py").write_text("C = 2\n")
    assert not clear_if_stale(project)
    (project / "natoar" / "build" / "execute.py").write_text("D = 2\n")  # it runs the notebooks
    assert clear_if_stale(project)
    (project / "_build" / ".jupyter_cache").mkdir(parents=True)
    record(project)
    (project / "natoar" / "analysis.py").write_text("A = 2\n")
    assert clear_if_stale(project)
    assert not (project / "_build" / ".jupyter_cache").exists()


def test_sphinx_is_spared_only_for_the_same_bytes_and_a_site_in_place(project):
    files = ["_config.yml", "data/documents.csv"]
    for page in SITE:
        (project / page).parent.mkdir(parents=True, exist_ok=True)
        (project / page).write_text("<html></html>")
    assert not site_current(files, project)  # never recorded
    record(project, files)
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
