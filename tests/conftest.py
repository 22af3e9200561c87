"""Shared fixtures, and the kind of every test.

Kinds are pytest markers, set here from what a test uses (a module may also mark itself):
  unit       the package on the real inputs or on small copies of them: no build, no kernel, no browser
  scale      the same at the size of a grown corpus (250 synthetic documents, a 10 MB file): seconds each, so
             marked by the test itself and left to `make test`
  drawing    the same, drawing whole figures and reading their pixels (each chart's Arabic glyph order, a drawing
             byte for byte, legibility at phone width): about a second each, marked by the test, `make test` only
  tool       the same, run through a whole outside tool or command line (frictionless's validator, the add
             command in a subprocess): a second or more each, marked by the test, `make test` only
  notebooks  Jupyter kernels: nbval over every notebook, the notebook executor
  build      `make` in a copy of the project
  browser    Chromium on the built book: its pages and its PDFs
`make check` runs the unit tests; `make test` runs all seven, spread over pytest-xdist workers a file at a time
(`--dist loadfile`, the PDF tests an edition at a time: `pytest_xdist_make_scheduler`), in the order sorted here.

The book is built once per test run, in a copy of the project that tests only read (`built`, `html`,
`printed`); a test that changes the project changes its own copy of that build (`copy`).
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell

ROOT = Path(__file__).resolve().parents[1]
# Also the order tests are handed out, after the first file.
KINDS = ("notebooks", "browser", "build", "scale", "drawing", "tool", "unit")
BUILT_BOOK = {"built", "html", "printed", "copy"}
BROWSER = {"browser", "printed"}
EDITION_FILES = ("tests/test_pdf.py::",)  # files whose tests of each edition may run on different workers


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its kind, and sort the tests in the order `make test` hands them out (with
    `--no-loadscope-reorder`): one browser test file first, whose worker builds the shared book; then the notebooks,
    which need no built book, so that the other workers run them meanwhile instead of waiting; then the other
    browser and build tests, the longest; then the scale, drawing and tool tests; and the unit tests last, short ones
    that fill the workers' last gaps."""
    kinds = {item: kind(item) for item in items}
    for item, name in kinds.items():
        item.add_marker(name)
    whole = [item.path for item in items if kinds[item] == "browser" and not item.nodeid.startswith(EDITION_FILES)]
    first = whole[0] if whole else None  # a browser test file that one worker takes whole
    items.sort(key=lambda item: -1 if item.path == first else KINDS.index(kinds[item]))


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: `pytest -p no:xdist` runs without it
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With `--dist loadfile` (make test), hand out tests a file at a time, as pytest-xdist does, but each edition
    of a file's tests that take an `edition` (the PDFs) on its own, so that two workers can print the two editions.
    A file's tests stay on one worker: nbval runs a notebook's cells in order in one kernel, and a browser test
    reads the pages its file's other tests visited."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class ByFileAndEdition(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            edition = re.search(r"\[(en|ar)\]$", nodeid) if nodeid.startswith(EDITION_FILES) else None
            return super()._split_scope(nodeid) + (f"[{edition[1]}]" if edition else "")

    return ByFileAndEdition(config, log)


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


# Held while a kernel that listens on TCP starts (nbval's, nbclient's in a test), by any worker of any test run.
KERNEL_START = Path(tempfile.gettempdir()) / "natoar-nbval-kernel-start.lock"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Start nbval's kernels one at a time, across workers and test runs: each listens on TCP ports it found
    free, and two started at the same moment could pick the same port (the book's executor uses Unix sockets)."""
    if isinstance(item, IPyNbCell) and item.parent.kernel is None:
        with locked(KERNEL_START):
            return (yield)
    return (yield)


@pytest.fixture(autouse=True, scope="module")
def close_figures() -> Iterator[None]:
    """Close the figures a test module left open, so that they do not pile up in a worker (matplotlib warns
    above 20 open figures)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


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


def make(root: Path, target: str = "book", *variables: str) -> subprocess.CompletedProcess:
    """Run a Makefile target in `root` and return the finished process (output captured).

    `-o .venv/.installed`: a copy shares this checkout's environment and must never install into it (an
    editable install from a copy would point the environment at a temporary folder).
    """
    command = ["make", "-o", ".venv/.installed", target, *variables]
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
def printed(tmp_path_factory: pytest.TempPathFactory, built: Path) -> Callable[[str], Path]:
    """Return a function that gives the folder of one edition's PDFs, which `make pdf PDF_LANGUAGES=<language>`
    writes from the shared built book once per test run and edition (so that two workers can print the two)."""
    from natoar.build.pdf import pdf_folder

    def edition(language: str) -> Path:
        once(tmp_path_factory, f"pdf-{language}", lambda: make(built, "pdf", f"PDF_LANGUAGES={language}"))
        return pdf_folder(built, language)

    return edition


@pytest.fixture
def copy(tmp_path: Path, built: Path) -> Path:
    """A copy of the shared built book, its build cache included, that a test may change and rebuild."""
    return shutil.copytree(built, tmp_path / "book", symlinks=True)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def server(html: Path) -> Iterator[str]:
    """Serve the shared built book on a loopback port for the duration of the module; return its address."""
    handler = functools.partial(QuietHandler, directory=str(html))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Chromium, in one browser context for the module: its pages share one cache of the theme's scripts and styles."""
    from playwright.sync_api import sync_playwright

    from natoar.build.pdf import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium.new_context()
        chromium.close()


def visit(browser: object, url: str, width: int = 1280, height: int = 900, wait_until: str = "networkidle"):
    """Open `url` and return the page with the console errors and failed requests seen while loading it."""
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": height})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until=wait_until)
    return page, problems


TABS = 8  # pages loading at once: the half second each waits for its network to go quiet overlaps


def visit_all(browser: object, base: str, names: list[str], width: int, height: int, wait_until: str,
              inspect: Callable[[object, str], dict]) -> dict[str, dict]:
    """Open every page `base`/<name>.html once at this screen size, TABS at a time, and return by name what
    `inspect(page, name)` found there, with the errors and failed requests seen while loading it ("problems").

    The browser tests read these facts instead of visiting each page again: one visit per page and screen size."""
    found = {}
    for start in range(0, len(names), TABS):
        opened = {name: visit(browser, f"{base}/{name}.html", width, height, "commit")
                  for name in names[start : start + TABS]}
        for name, (page, problems) in opened.items():
            page.wait_for_load_state(wait_until)
            found[name] = {**inspect(page, name), "problems": list(problems)}
            page.close()
    return found
