"""Same inputs, same outputs: the book built in this checkout and the test run's clean build of a copy in another
folder are byte-identical, rebuilding after touching inputs without changing them executes nothing and changes
no byte (nor runs Sphinx: the site was built from the same bytes), and a rebuild after an edit, which writes only
the pages the edit changed, gives the bytes of a clean build of the edited book.

`make test` builds this checkout's book first (it is the book a reader gets from `make book`), so the comparison
costs no build of its own; run outside `make`, the test fails if that book is older than its inputs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, copy_project, make

PRODUCED_BY_OTHER_TESTS = "pdf"  # make pdf writes _build/html/pdf/ and _build/html/ar/pdf/ in the shared build


def site(book: Path) -> dict[str, str]:
    """The SHA-256 of every file of the built site, by path, without the PDFs."""
    folder = book / "_build" / "html"
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and PRODUCED_BY_OTHER_TESTS not in p.relative_to(folder).parts[:2]
    }


def test_the_checkouts_book_and_a_clean_build_elsewhere_are_byte_identical(built):
    current = subprocess.run(["make", "-q", "-o", ".venv/.installed", "_build/.book-built"], cwd=ROOT)
    assert current.returncode == 0, "the checkout's book is older than its inputs: run `make book` (make test does)"
    here, there = site(ROOT), site(built)
    assert here.keys() == there.keys()
    assert [name for name in here if here[name] != there[name]] == []


def test_touching_inputs_without_changing_them_executes_nothing_and_changes_no_byte(built, copy):
    for notebook in (copy / "chapters").rglob("*.ipynb"):
        os.utime(notebook)
    os.utime(copy / "data" / "glosses.csv")
    result = make(copy)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert "executed 0 notebooks into the build cache" in log and "Executing notebook" not in log
    assert "Sphinx skipped" in log and "jupyter-book build" not in log
    assert site(copy) == site(built)


def test_a_rebuild_writes_only_the_pages_an_edit_changed_and_gives_a_clean_builds_bytes(copy, tmp_path):
    # Sphinx starts afresh in a folder other than the one its environment was saved in: build here once first
    rebased = make(copy, "html")
    assert rebased.returncode == 0, (rebased.stdout + rebased.stderr)[-4000:]
    work = copy / "_build" / "work"
    untouched = [work / "en" / "_build" / "html" / "chapters" / "licence.html",
                 work / "ar" / "_build" / "html" / "chapters" / "licence.html"]
    written_before = [page.stat().st_mtime_ns for page in untouched]
    catalogue = copy / "data" / "documents.csv"
    text = catalogue.read_text(encoding="utf-8")
    assert text.count("Celebratory:") == 1
    catalogue.write_text(text.replace("Celebratory:", "Glowing:"), encoding="utf-8")

    result = make(copy)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert "en: rebuilding what changed since the last build" in log
    assert "every page is written again" not in log
    assert [page.stat().st_mtime_ns for page in untouched] == written_before  # not written again
    assert "Glowing:" in (copy / "_build" / "html" / "chapters" / "sources.html").read_text(encoding="utf-8")

    clean = copy_project(tmp_path / "clean")
    shutil.copy(catalogue, clean / "data" / "documents.csv")
    result = make(clean)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    here, there = site(copy), site(clean)
    assert here.keys() == there.keys()
    assert [name for name in here if here[name] != there[name]] == []
