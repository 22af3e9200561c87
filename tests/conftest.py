"""Shared fixtures, and the kind of every test.

Kinds are pytest markers, set here from what a test uses (a module may also mark itself):
  unit       the package on the real inputs or on small copies of them: no build, no kernel, no browser
  notebooks  Jupyter kernels: nbval over every notebook, the notebook executor
  build      `make` in a copy of the project
  browser    Chromium on the built book: its pages and its PDFs
`make check` runs the unit tests; `make test` runs all four, spread over pytest-xdist workers a file at a time
(`--dist loadfile`: nbval runs a notebook's cells in order in one kernel), in the order sorted here.

The book is built once per test run, in a copy of the project that tests only read (`built`, `html`,
`pdfs`); a test that changes the project changes its own copy of that build (`copy`).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("build", "browser", "notebooks", "unit")  # also the order tests are handed out: longest first
BUILT_BOOK = {"built", "html", "pdfs", "copy"}
BROWSER = {"browser", "pdfs"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its kind, and put the long kinds first (`--no-loadscope-reorder` keeps this order)."""
    kinds = {item: kind(item) for item in items}
    for item, name in kinds.items():
        item.add_marker(name)
    # A build that does not wait for the shared book goes first, so that another worker builds that meanwhile.
    items.sort(key=lambda item: (KINDS.index(kinds[item]), bool(BUILT_BOOK & set(fixtures(item)))))


def fixtures(item: pytest.Item) -> list[str]:
    return getattr(item, "fixturenames", [])


def kind(item: pytest.Item) -> str:
    """Return the test's kind: its own mark, else what its fixtures need."""
    marked = [mark.name for mark in item.iter_markers() if mark.name in KINDS]
    if marked:
        return marked[0]
    if isinstance(item, IPyNbCell):
        return "notebooks"
    if BROWSER & set(fixtures(item)):
        return "browser"
    if BUILT_BOOK & set(fixtures(item)):
        return "build"
    return "unit"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Start nbval's kernels one at a time, across workers and test runs: each listens on TCP ports it found
    free, and two started at the same moment could pick the same port (the book's executor uses Unix sockets)."""
    if isinstance(item, IPyNbCell) and item.parent.kernel is None:
        with locked(Path(tempfile.gettempdir()) / "natoar-nbval-kernel-start.lock"):
            return (yield)
    return (yield)


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


def _not_copied(folder: str, names: list[str]) -> set[str]:
    """What a copy of the project leaves out: the environment (the copy links to it), build outputs, and
    chapters/figures/, which nbval rewrites while the other workers copy; building the copy writes them again."""
    skipped = {n for n in names if n in {".venv", "_build", ".git", "__pycache__"} or n.endswith(".egg-info")}
    return skipped | ({"figures"} if Path(folder) == ROOT / "chapters" else set())


def copy_project(target: Path) -> Path:
    """Copy this checkout's project, unbuilt, to `target`, sharing its virtual environment."""
    shutil.copytree(ROOT, target, ignore=_not_copied)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def make(root: Path, target: str = "book") -> subprocess.CompletedProcess:
    """Run a Makefile target in `root` and return the finished process (output captured).

    `-o .venv/.installed`: a copy shares this checkout's environment and must never install into it (an
    editable install from a copy would point the environment at a temporary folder).
    """
    command = ["make", "-o", ".venv/.installed", target]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=1200)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` inside the `with` block; other processes asking for it wait."""
    with path.open("w") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        yield


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this test run that every xdist worker sees (each has its own below it)."""
    base = factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def once(factory: pytest.TempPathFactory, name: str, run: Callable[[], subprocess.CompletedProcess]) -> None:
    """Run `run` once per test run, in whichever worker asks first; the others wait and share its outcome."""
    folder = shared_folder(factory)
    outcome = folder / f"{name}.json"
    with locked(folder / f"{name}.lock"):
        if not outcome.exists():
            result = run()
            outcome.write_text(json.dumps([result.returncode, (result.stdout + result.stderr)[-4000:]]))
    returncode, output = json.loads(outcome.read_text())
    assert returncode == 0, output


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project built by `make book` (warnings are errors), once per test run; only read it."""
    folder = shared_folder(tmp_path_factory) / "built"
    once(tmp_path_factory, "book", lambda: make(copy_project(folder)))
    return folder


@pytest.fixture(scope="session")
def html(built: Path) -> Path:
    """The shared built book's HTML."""
    return built / "_build" / "html"


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory, built: Path) -> Path:
    """The PDFs written by `make pdf` from the shared built book, once per test run."""
    once(tmp_path_factory, "pdf", lambda: make(built, "pdf"))
    return built / "_build" / "html" / "pdf"


@pytest.fixture
def copy(tmp_path: Path, built: Path) -> Path:
    """A copy of the shared built book, its build cache included, that a test may change and rebuild."""
    return shutil.copytree(built, tmp_path / "book", symlinks=True)
