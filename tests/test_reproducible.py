"""Same inputs, same outputs: the book built in this checkout and the test run's clean build of a copy in another
folder are byte-identical, rebuilding after touching inputs without changing them executes nothing and changes
no byte (nor runs Sphinx: the site was built from the same bytes). Rebuilds that reuse Sphinx's working folders
are compared with the clean build in tests/test_new_document.py.

`make test` builds this checkout's book first (it is the book a reader gets from `make book`), so the comparison
costs no build of its own; run outside `make`, the test fails if that book is older than its inputs.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from conftest import ROOT, make

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

