"""Rebuilds that reuse Sphinx's working folders: when they are trusted, what is written again, and what an earlier
build left that is removed. That the result is a clean build's, byte for byte, is tested on whole builds in
tests/test_reproducible.py."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from natoar.build import html, workdir
from natoar.build.incremental import (
    notebooks_with_other_outputs,
    pages_to_write_again,
    references,
    stale_outputs,
    what_changed,
)

LABEL_A = "('chapters/sources/2014', 'src-a', 'A')"
RETITLED = {"intro": "Introduction", "chapters/sources": "Sources"}
# the target names each page refers to
REFERS_TO = {"intro": {"src-a"}, "chapters/sources": {"glossary"}, "chapters/sources/2014": set()}


def state(titles: dict | None = None, **targets: str) -> tuple[dict, dict]:
    navigation = {"titles": titles or {"intro": "Introduction", "chapters/sources": "The sources"}}
    return navigation, {("std", "labels", key, key): value for key, value in targets.items()}


def test_a_new_target_alone_writes_nothing_more():
    before = state(a=LABEL_A)
    after = state(a=LABEL_A, b="('chapters/sources/2014', 'src-b', 'B')")
    assert pages_to_write_again(before, after, REFERS_TO) == []


@pytest.mark.parametrize(
    "after",
    [
        state(**{"src-a": "('chapters/sources/2014', 'src-a', 'A renamed')"}),  # a reference's text changes
        state(),  # a target went away: a page pointing to it must say so (the build then fails)
    ],
    ids=["target-changed", "target-removed"],
)
def test_a_changed_target_writes_the_pages_that_refer_to_it(after):
    before = state(**{"src-a": LABEL_A})
    assert pages_to_write_again(before, after, REFERS_TO) == ["intro"]


def test_changed_navigation_writes_every_page():
    before = state(a=LABEL_A)
    assert pages_to_write_again(before, state(RETITLED, a=LABEL_A), REFERS_TO) == sorted(REFERS_TO)


def test_what_changed_names_the_navigation_and_the_targets():
    before = state(a=LABEL_A, b=LABEL_A)
    assert what_changed(before, state(a=LABEL_A, b=LABEL_A)) == ("", set())
    assert what_changed(before, state(a=LABEL_A)) == ("", {"b"})
    assert what_changed(before, state(RETITLED, a=LABEL_A, b=LABEL_A)) == (
        "the navigation (titles of chapters/sources)", set())


def test_a_pages_references_are_the_target_names_it_carries():
    from docutils import nodes
    from sphinx import addnodes

    page = nodes.paragraph()
    page += addnodes.pending_xref(refdomain="std", reftype="ref", reftarget="Fig-Actors")
    page += addnodes.pending_xref(refdomain="cite", reftype="p", reftarget="lesser2000, nato2004")
    assert references(page) == {"fig-actors", "lesser2000", "nato2004", "lesser2000, nato2004"}


def test_a_notebook_page_is_read_again_when_its_cached_outputs_are_not_those_it_was_read_with():
    notebooks = {"chapters/intro": "chapters/intro.ipynb", "chapters/gulf": "chapters/gulf.ipynb",
                 "chapters/timeline": "chapters/timeline.ipynb"}
    digests = {"chapters/intro.ipynb": "new", "chapters/gulf.ipynb": "same"}  # the timeline is not in the cache
    read_with = {"chapters/intro": "old", "chapters/gulf": "same", "chapters/timeline": "old"}
    assert notebooks_with_other_outputs(notebooks, digests, read_with) == ["chapters/intro", "chapters/timeline"]


def test_what_an_earlier_build_left_is_found_and_what_this_one_wrote_is_kept(tmp_path):
    for name in ("intro.html", "search.html", "genindex.html", "chapters/sources.html", "chapters/gone.html",
                 "_static/theme.html", "_images/kept.png", "_images/old.png", "_downloads/ab/kept.csv",
                 "_downloads/cd/old.csv", "_sources/intro.ipynb", "_sources/chapters/gone.md.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    env = SimpleNamespace(
        found_docs={"intro", "chapters/sources"},
        images={"figures/a.png": ({"intro"}, "kept.png")},
        dlfiles={"figures/a.csv": ({"intro"}, "ab/kept.csv")},
    )
    stale = [p.relative_to(tmp_path).as_posix() for p in stale_outputs(tmp_path, env)]
    assert stale == ["_downloads/cd/old.csv", "_images/old.png", "_sources/chapters/gone.md.txt", "chapters/gone.html"]


def _book(root: Path) -> Path:
    (root / "seeds").mkdir()
    (root / "natoar").mkdir()
    (root / "natoar" / "code.py").write_text("A = 1\n")
    (root / "_config.yml").write_text("title: t\n")
    return root


def _finish_build(root: Path) -> None:
    """Stand in for Sphinx: each edition's folder gets a finished site."""
    for language in workdir.EDITIONS:
        site = workdir.work_folder(language, root) / "_build" / "html"
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text(language)


def test_a_working_folder_is_kept_only_after_a_successful_build_by_the_same_machinery(tmp_path):
    root = _book(tmp_path)
    assert workdir.open_folders(root) == {"en": False, "ar": False}  # nothing built yet
    _finish_build(root)
    workdir.close_folders(root)
    assert (root / "_build" / "next" / "_build" / "html" / "index.html").read_text() == "en"
    assert (root / "_build" / "next-ar" / "_build" / "html" / "index.html").read_text() == "ar"

    assert workdir.open_folders(root) == {"en": True, "ar": True}
    # this build is interrupted: nothing vouches for the folders any more, and the next build starts afresh
    assert workdir.open_folders(root) == {"en": False, "ar": False}
    assert not (workdir.work_folder("en", root) / "_build").exists()

    _finish_build(root)
    workdir.close_folders(root)
    (root / "natoar" / "code.py").write_text("A = 2\n")  # the package changed: every page may differ
    assert workdir.open_folders(root) == {"en": False, "ar": False}


def test_closing_without_a_finished_build_names_the_missing_site(tmp_path):
    root = _book(tmp_path)
    workdir.open_folders(root)
    with pytest.raises(FileNotFoundError, match=r"_build/work/en/_build/html: no finished build"):
        workdir.close_folders(root)


def _waits_for(mine: Path, other: Path, says: str, code: int) -> list[str]:
    """A command that marks its start, waits until the other has started, prints and exits with `code`."""
    script = (
        "import pathlib, sys, time\n"
        f"pathlib.Path({str(mine)!r}).touch()\n"
        "deadline = time.monotonic() + 20\n"
        f"while not pathlib.Path({str(other)!r}).exists() and time.monotonic() < deadline:\n"
        "    time.sleep(0.05)\n"
        f"print({says!r} if pathlib.Path({str(other)!r}).exists() else 'alone')\n"
        f"sys.exit({code})\n"
    )
    return [sys.executable, "-c", script]


def test_the_editions_build_at_the_same_time_and_a_failure_names_its_edition(tmp_path, capfd):
    en, ar = tmp_path / "en", tmp_path / "ar"
    failed = html.run_all({"en": _waits_for(en, ar, "English built", 0), "ar": _waits_for(ar, en, "Arabic broke", 1)},
                          tmp_path)
    assert failed == ["ar"]
    out = capfd.readouterr().out
    assert "English built" in out and "Arabic broke" in out  # each saw the other running
    assert out.index("English built") < out.index("Arabic broke")  # the held output comes after, whole


def test_the_editions_build_commands_give_each_edition_its_folder_and_configuration(project):
    built = html.commands(["-W"], project)
    assert built["en"][1:] == ["build", ".", "--toc", "_toc.yml", "--path-output", "_build/work/en", "-W"]
    assert built["ar"][1:6] == ["build", ".", "--toc", "_toc.yml", "--config"]
    assert (project / built["ar"][6]).read_text(encoding="utf-8").count("language: ar") == 1
    assert built["ar"][7:] == ["--path-output", "_build/work/ar", "-W"]


def test_an_edition_whose_configuration_cannot_be_written_is_a_clear_error_before_any_build(project, monkeypatch,
                                                                                            capsys):
    config = project / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("natoar_title_ar:", "natoar_title_xx:"),
                      encoding="utf-8")
    monkeypatch.chdir(project)
    assert html.main(["-W"]) == 1
    printed = capsys.readouterr()
    assert "error:" in printed.err and "natoar_title_ar" in printed.err
    assert "jupyter-book" not in printed.out  # no edition started
