"""Time the book's builds on this machine, in a throwaway copy of the project.

Run as `python -m natoar.tools.buildbench [--with-tests]` (or `make buildbench`). Prints: the cold build (every notebook
executed), the warm rebuild with no change, Sphinx's own writing time (the whole book written from cached
outputs), the rebuild after editing one code cell of one chapter (with the number of notebooks re-executed),
optionally `make test`, and a floor: all notebooks' code run in one plain Python process; then the goals.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from natoar.build.execute import book_notebooks as notebooks
from natoar.sources.paths import project_root

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")
# The copy borrows this project's virtual environment; `-o` stops make from reinstalling the package into it
# (an editable install from the copy would point this project's environment at a temporary folder).
MAKE = ["make", "-o", ".venv/.installed"]
MAKE_BOOK = [*MAKE, "book"]
EDITED = Path("chapters") / "gulf.ipynb"


def _timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, result.stdout + result.stderr


def floor(root: Path) -> float:
    """Return the seconds to run every notebook's code cells in this one process (Agg backend, no kernel)."""
    import matplotlib

    matplotlib.use("Agg")
    start = time.perf_counter()
    for path in notebooks(root):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        previous = Path.cwd()
        os.chdir(path.parent)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, str(path), "exec"), {"__name__": "__main__"})
        finally:
            os.chdir(previous)
    return time.perf_counter() - start


def _executed(output: str) -> int:
    """Return how many notebooks a `make book` run executed (as `natoar.build.prepare` reports)."""
    found = re.search(r"executed (\d+) notebooks into the build cache", output)
    return int(found.group(1)) if found else 0


def _writing_time(book: Path) -> float:
    """Return the seconds Sphinx takes to write the whole book when every notebook's outputs are cached."""
    for name in ("html", ".doctrees", "jupyter_execute"):
        shutil.rmtree(book / "_build" / name, ignore_errors=True)
    seconds, _ = _timed([*MAKE, "html"], book)
    return seconds


def main(with_tests: bool) -> None:
    """Print the timing table and the goals."""
    root = project_root()
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book"
        shutil.copytree(root, book, ignore=IGNORE)
        (book / ".venv").symlink_to(root / ".venv")
        rows = {}
        seconds, output = _timed(MAKE_BOOK, book)
        rows["cold build (every notebook executed)"] = (seconds, _executed(output))
        seconds, output = _timed(MAKE_BOOK, book)
        rows["warm rebuild, no change"] = (seconds, _executed(output))
        rows["Sphinx writing time (every notebook cached)"] = (_writing_time(book), 0)
        notebook = nbformat.read(book / EDITED, as_version=4)
        next(c for c in notebook.cells if c.cell_type == "code").source += "\n# edited"
        nbformat.write(notebook, book / EDITED)
        seconds, output = _timed(MAKE_BOOK, book)
        rows[f"rebuild after editing a code cell of {EDITED.name}"] = (seconds, _executed(output))
        if with_tests:
            rows["make test"] = (_timed([*MAKE, "test"], book)[0], 0)
        rows["floor: all notebooks' code in one Python process"] = (floor(book), len(notebooks(book)))
    print(f"{'step':<55} {'seconds':>8} {'notebooks run':>14}")
    for step, (seconds, executed) in rows.items():
        print(f"{step:<55} {seconds:>8.1f} {executed:>14}")
    cold, warm = rows["cold build (every notebook executed)"][0], rows["warm rebuild, no change"][0]
    bound = 1.5 * (
        rows["floor: all notebooks' code in one Python process"][0]
        + rows["Sphinx writing time (every notebook cached)"][0]
    )
    edited = rows[f"rebuild after editing a code cell of {EDITED.name}"][1]
    print(f"goal: cold build within 1.5 x (floor + writing) = {bound:.1f} s: {'met' if cold <= bound else 'not met'}")
    print(f"goal: warm rebuild under a tenth of the cold build: {'met' if warm < cold / 10 else 'not met'}")
    print(f"goal: editing one chapter re-executes only it: {'met' if edited == 1 else 'not met'} ({edited} run)")


if __name__ == "__main__":
    main("--with-tests" in sys.argv[1:])
