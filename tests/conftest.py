"""Shared fixtures: the real project root, and small throwaway copies of it to break."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    """The real book root."""
    return ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the book's inputs (config, seeds, catalogue) that a test may damage."""
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def make(root: Path, target: str = "book") -> subprocess.CompletedProcess:
    """Run a Makefile target in `root` and return the finished process (output captured)."""
    return subprocess.run(["make", target], cwd=root, capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="session")
def html() -> Path:
    """The book built by `make book` (warnings are errors), once per test session."""
    result = make(ROOT)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def pdfs(html: Path) -> Path:
    """The PDFs written by `make pdf`, once per test session."""
    result = make(ROOT, "pdf")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return html / "pdf"
