"""Time the book's builds on this machine, in a throwaway copy of the project.

Run as `python -m natoar.tools.buildbench [--with-tests]` (or `make buildbench`). Prints: the cold build (every notebook
executed), the warm rebuild with no change, Sphinx's own writing time (the whole book written from cached
outputs), the rebuild after editing one code cell of one chapter (with the number of notebooks re-executed),
optionally `make test`, and a floor: all notebooks' code run in one plain Python process; then the goals.

Each step gets two figures: wall seconds, which the goals use, and CPU seconds (user and system, the step's own
processes and all they started, kernels included). On a machine shared with other work the wall figures drift
with the load, while the CPU figures still show how much work each step does.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import nbformat

from natoar.build.execute import book_notebooks as notebooks
from natoar.sources.paths import project_root

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")
# The copy borrows this project's virtual environment; `-o` stops make from reinstalling the package into it
# (an editable install from the copy would point this project's environment at a temporary folder).
MAKE = ["make", "-o", ".venv/.installed"]
MAKE_BOOK = [*MAKE, "book"]
EDITED = Path("chapters") / "gulf.ipynb"


class Timing(NamedTuple):
    """A step's wall seconds, CPU seconds and notebooks executed."""

    wall: float
    cpu: float
    executed: int = 0


def _children_cpu() -> float:
    """Return the CPU seconds used so far by this process's finished child processes and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], cwd: Path) -> tuple[Timing, str]:
    """Run `command` in `cwd`; return its timing (no notebook count) and its output."""
    cpu, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-6000:]
        raise SystemExit(f"error: `{' '.join(command)}` failed in the benchmark's copy ({cwd}):\n{tail}")
    return Timing(time.perf_counter() - start, _children_cpu() - cpu), result.stdout + result.stderr


def floor(root: Path) -> Timing:
    """Time running every notebook's code cells in this one process (Agg backend, no kernel)."""
    import matplotlib

    matplotlib.use("Agg")
    cpu, start = time.process_time(), time.perf_counter()
    for path in notebooks(root):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        previous = Path.cwd()
        os.chdir(path.parent)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, str(path), "exec"), {"__name__": "__main__"})
        finally:
            os.chdir(previous)
    return Timing(time.perf_counter() - start, time.process_time() - cpu, len(notebooks(root)))


def _executed(output: str) -> int:
    """Return how many notebooks a `make book` run executed (as `natoar.build.prepare` reports)."""
    found = re.search(r"executed (\d+) notebooks into the build cache", output)
    return int(found.group(1)) if found else 0


def _writing_time(book: Path) -> Timing:
    """Time Sphinx writing the whole book when every notebook's outputs are cached (without the working folders
    that let a rebuild write only what changed)."""
    for name in ("html", "work", ".doctrees", "jupyter_execute"):
        shutil.rmtree(book / "_build" / name, ignore_errors=True)
    return _timed([*MAKE, "html"], book)[0]


def _book(book: Path) -> Timing:
    """Time `make book` in `book`, with the number of notebooks it executed."""
    timing, output = _timed(MAKE_BOOK, book)
    return timing._replace(executed=_executed(output))


def main(with_tests: bool) -> None:
    """Print the timing table and the goals."""
    root = project_root()
    cold, warm, writing, edit, floor_ = (
        "cold build (every notebook executed)",
        "warm rebuild, no change",
        "Sphinx writing time (every notebook cached)",
        f"rebuild after editing a code cell of {EDITED.name}",
        "floor: all notebooks' code in one Python process",
    )
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book"
        shutil.copytree(root, book, ignore=IGNORE)
        (book / ".venv").symlink_to(root / ".venv")
        rows = {cold: _book(book), warm: _book(book), writing: _writing_time(book)}
        notebook = nbformat.read(book / EDITED, as_version=4)
        next(c for c in notebook.cells if c.cell_type == "code").source += "\n# edited"
        nbformat.write(notebook, book / EDITED)
        rows[edit] = _book(book)
        if with_tests:
            rows["make test"] = _timed([*MAKE, "test"], book)[0]
        rows[floor_] = floor(book)
    print(f"{'step':<55} {'seconds':>8} {'CPU s':>8} {'notebooks run':>14}")
    for step, timing in rows.items():
        print(f"{step:<55} {timing.wall:>8.1f} {timing.cpu:>8.1f} {timing.executed:>14}")
    bound = 1.5 * (rows[floor_].wall + rows[writing].wall)
    met = rows[cold].wall <= bound
    print(f"goal: cold build within 1.5 x (floor + writing) = {bound:.1f} s: {'met' if met else 'not met'}")
    cpu_bound = 1.5 * (rows[floor_].cpu + rows[writing].cpu)
    print(f"  the same in CPU seconds: {rows[cold].cpu:.1f} against {cpu_bound:.1f}")
    quick = rows[warm].wall < rows[cold].wall / 10
    print(f"goal: warm rebuild under a tenth of the cold build: {'met' if quick else 'not met'}")
    edited = rows[edit].executed
    print(f"goal: editing one chapter re-executes only it: {'met' if edited == 1 else 'not met'} ({edited} run)")
    if with_tests:
        ratio = rows["make test"].wall / rows[cold].wall
        print(f"goal: make test within 6 x the cold build: {'met' if ratio <= 6 else 'not met'} ({ratio:.1f} times)")


if __name__ == "__main__":
    main("--with-tests" in sys.argv[1:])
