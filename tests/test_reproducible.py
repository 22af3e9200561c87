"""Same inputs, same outputs: a clean build in another folder gives a byte-identical site, figures and notebooks,
and so does rebuilding there after touching every chapter."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from conftest import make

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")
PRODUCED_BY_OTHER_TESTS = ("pdf",)


def digests(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in skip
    }


def test_a_clean_build_elsewhere_is_byte_identical(tmp_path, html):
    copy = tmp_path / "elsewhere"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    result = make(copy)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    here = digests(html, PRODUCED_BY_OTHER_TESTS)
    there = digests(copy / "_build" / "html", PRODUCED_BY_OTHER_TESTS)
    assert here.keys() == there.keys()
    assert [name for name in here if here[name] != there[name]] == []
    for folder in ("chapters/figures", "chapters"):
        assert {k: v for k, v in digests(ROOT / folder).items() if k.endswith((".csv", ".png", ".ipynb"))} == {
            k: v for k, v in digests(copy / folder).items() if k.endswith((".csv", ".png", ".ipynb"))
        }
    # Sphinx rewrites every touched page; the pages must not change (e.g. a stylesheet link gaining a checksum
    # only because the file was already in the output)
    for notebook in (copy / "chapters").rglob("*.ipynb"):
        os.utime(notebook)
    result = make(copy)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    again = digests(copy / "_build" / "html", PRODUCED_BY_OTHER_TESTS)
    assert [name for name in there if there[name] != again.get(name)] == []
