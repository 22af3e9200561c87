"""Time the book's builds on this machine, in a throwaway copy of the project.

Run as `python -m natoar.buildbench [--with-tests]` (or `make buildbench`). Prints: the cold build (every notebook
executed), the warm rebuild with no change, the rebuild after editing one code cell of one chapter (with the
number of notebooks re-executed), optionally `make test`, and a floor: all notebooks' code run in one plain
Python process.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from .paths import project_root

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


def notebooks(root: Path) -> list[Path]:
    """Return every chapter notebook of the book."""
    return sorted((root / "chapters").rglob("*.ipynb"))


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


def main(with_tests: bool) -> None:
    """Print the timing table."""
    root = project_root()
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book"
        shutil.copytree(root, book, ignore=IGNORE)
        (book / ".venv").symlink_to(root / ".venv")
        rows = []
        seconds, _ = _timed(MAKE_BOOK, book)
        rows.append(("cold build (every notebook executed)", seconds, len(notebooks(book))))
        seconds, _ = _timed(MAKE_BOOK, book)
        rows.append(("warm rebuild, no change", seconds, 0))
        notebook = nbformat.read(book / EDITED, as_version=4)
        next(c for c in notebook.cells if c.cell_type == "code").source += "\n# edited"
        nbformat.write(notebook, book / EDITED)
        seconds, output = _timed(MAKE_BOOK, book)
        rows.append(
            (f"rebuild after editing a code cell of {EDITED.name}", seconds, output.count("Executing notebook"))
        )
        if with_tests:
            seconds, _ = _timed([*MAKE, "test"], book)
            rows.append(("make test", seconds, 0))
        rows.append(("floor: all notebooks' code in one Python process", floor(book), len(notebooks(book))))
    print(f"{'step':<55} {'seconds':>8} {'notebooks run':>14}")
    for step, seconds, executed in rows:
        print(f"{step:<55} {seconds:>8.1f} {executed:>14}")


if __name__ == "__main__":
    main("--with-tests" in sys.argv[1:])
