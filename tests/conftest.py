"""Shared fixtures: the real project root, and small throwaway copies of it to break."""

from __future__ import annotations

import shutil
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
