"""Same inputs, same outputs: a clean build in another folder gives a byte-identical site, figures and notebooks,
and rebuilding there after touching inputs without changing them executes nothing and changes no byte."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from conftest import copy_project, make

# Marked by hand: it asks for the shared build only after making its own (so that another worker can build that
# meanwhile), so its fixtures do not show that it builds.
pytestmark = pytest.mark.build
PRODUCED_BY_OTHER_TESTS = ("pdf",)


def digests(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in skip
    }


def outputs(book: Path) -> dict[str, str]:
    """The built site, and the figures and notebooks under chapters/."""
    site = digests(book / "_build" / "html", PRODUCED_BY_OTHER_TESTS)
    chapters = {k: v for k, v in digests(book / "chapters").items() if k.endswith((".csv", ".png", ".ipynb"))}
    return {**{f"html/{k}": v for k, v in site.items()}, **{f"chapters/{k}": v for k, v in chapters.items()}}


def test_a_clean_build_elsewhere_is_byte_identical_and_touching_inputs_changes_nothing(tmp_path, request):
    book = copy_project(tmp_path / "elsewhere")
    result = make(book)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    here, there = outputs(request.getfixturevalue("built")), outputs(book)
    assert here.keys() == there.keys()
    assert [name for name in here if here[name] != there[name]] == []
    # Sphinx rewrites every page; they must not change (e.g. a stylesheet link gaining a checksum only because
    # the file was already in the output), and nothing is executed again
    for notebook in (book / "chapters").rglob("*.ipynb"):
        os.utime(notebook)
    os.utime(book / "data" / "glosses.csv")
    result = make(book)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert "executed 0 notebooks into the build cache" in log and "Executing notebook" not in log
    again = outputs(book)
    assert [name for name in there if there[name] != again.get(name)] == []
