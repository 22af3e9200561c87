"""Execute the book's notebooks in shared kernels, in place or into the build's cache.

Starting a Jupyter kernel and importing pandas and matplotlib costs about 1.7 s, more than most chapters'
own code. So notebooks run one after another in a shared kernel (one kernel per CPU, each with its share
of the notebooks). Before each notebook, the names the previous one defined are deleted, the working
folder becomes the notebook's folder, and matplotlib's settings return to the kernel's first state.
Imported modules stay loaded: that is the saving, and it is safe because the package's caches hold pure
results. Execution counts restart at 1 in every notebook, and no timing metadata is kept, so the outputs
are those of a fresh kernel per notebook; `make test` proves it, since nbval re-executes every committed
notebook in a kernel of its own and compares. jupyter-cache's own executor, a fresh kernel per notebook, was
measured against this one and misses the build's cold-build goal (README, "Build speed").

    python -m natoar.build.execute chapters/a.ipynb ...   execute in place (`make notebooks`)
    python -m natoar.build.execute --cache                execute what the build's cache lacks (`make book`)
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.client import KernelClient
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

from natoar.build.cache import CACHE
from natoar.sources.paths import project_root

TIMEOUT = 600
# Stored with each cached notebook: its path in the project and the SHA-256 of the executed notebook, by which
# natoar.build.incremental tells whether the page Sphinx read from it is out of date.
NOTEBOOK, OUTPUTS_DIGEST = "notebook", "outputs_sha256"
_SETUP = """\
_shell = get_ipython()
for _name in [n for n in _shell.user_ns if not n.startswith("_") and n not in _shell.user_ns_hidden]:
    del _shell.user_ns[_name]
_name = None
import os as _os, matplotlib as _mpl
_os.chdir({folder!r})
if not hasattr(_shell, "_natoar_rc"):
    _shell._natoar_rc = dict(_mpl.rcParams)
_mpl.rcParams.update(_shell._natoar_rc)
del _os, _mpl, _shell, _name
"""


class NotebookError(RuntimeError):
    """A notebook's cell failed or timed out: names the notebook, the cell and the error."""


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _name(path: Path, root: Path) -> str:
    """Return `path` relative to `root` if it lies inside, else as it is."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


@dataclass
class Kernel:
    """A running kernel and one client connected to it, shared by the notebooks run in it."""

    manager: KernelManager
    client: KernelClient


@contextmanager
def shared_kernel(root: Path) -> Iterator[Kernel]:
    """Start one python3 kernel in `root`, connect a client, and shut both down afterwards.

    One client for all notebooks: connecting a new one waits 0.2 s for the kernel's output to go quiet. The
    kernel talks over Unix sockets in a private temporary folder, not TCP: kernels started at the same moment
    in parallel processes could otherwise pick the same free port, and one would die on start.
    """
    with tempfile.TemporaryDirectory(prefix="natoar-kernel-") as sockets:
        manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        manager.start_kernel(cwd=str(root))
        client = manager.client()
        try:
            client.start_channels()
            client.wait_for_ready(timeout=TIMEOUT)
            client.allow_stdin = False
            yield Kernel(manager, client)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def run(notebook: nbformat.NotebookNode, folder: Path, kernel: Kernel, name: str) -> float:
    """Execute `notebook` in `kernel` as if in a fresh kernel started in `folder`; return the seconds taken."""
    setup = nbformat.v4.new_code_cell(_SETUP.format(folder=str(folder.resolve())))
    notebook.cells.insert(0, setup)
    client = NotebookClient(notebook, km=kernel.manager, timeout=TIMEOUT, record_timing=False, allow_errors=False)
    client.kc = kernel.client
    start = time.perf_counter()
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        raise NotebookError(f"{name}: a cell failed while executing the notebook:\n{_ANSI.sub('', str(err))}") from None
    finally:
        notebook.cells.pop(0)
    count = 0
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = count
    return time.perf_counter() - start


def _execute_group(root: str, paths: list[str]) -> list[tuple[str, str, float]]:
    """Execute notebooks one after another in one kernel; return (path, executed notebook as JSON, seconds)."""
    done = []
    with shared_kernel(Path(root)) as kernel:
        for name in paths:
            path = Path(name)
            notebook = nbformat.read(path, as_version=4)
            seconds = run(notebook, path.parent, kernel, _name(path, Path(root)))
            done.append((name, nbformat.writes(notebook), seconds))
    return done


def execute(
    paths: list[Path], root: Path, workers: int | None = None
) -> list[tuple[Path, nbformat.NotebookNode, float]]:
    """Execute notebooks in up to `workers` kernels at once (default: one per CPU); return them in input order.

    Each kernel takes a share of the notebooks, largest files first to the least loaded kernel, and runs its
    share one after another (see the module docstring).
    """
    workers = max(1, min(workers or os.cpu_count() or 1, len(paths)))
    groups: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for path in sorted(paths, key=lambda p: (-p.stat().st_size, p.as_posix())):
        k = loads.index(min(loads))
        groups[k].append(str(path))
        loads[k] += path.stat().st_size
    if workers == 1:
        results = _execute_group(str(root), groups[0])
    else:
        # fork is cheap but unsafe once this process runs threads (a kernel client's); then spawn
        method = "fork" if threading.active_count() == 1 else "spawn"
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
            futures = [pool.submit(_execute_group, str(root), group) for group in groups]
            results = [item for future in futures for item in future.result()]
    by_path = {name: (nbformat.reads(text, as_version=4), seconds) for name, text, seconds in results}
    return [(path, *by_path[str(path)]) for path in paths]


def write_notebook(notebook: nbformat.NotebookNode, path: Path) -> bool:
    """Save `notebook` to `path` as nbformat would, unless the file already holds those bytes; True if written."""
    text = nbformat.writes(notebook)
    text += "" if text.endswith("\n") else "\n"
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def execute_in_place(paths: list[Path]) -> None:
    """Execute each notebook and save it with its outputs (a notebook whose outputs did not change is left alone)."""
    for path, notebook, _ in execute([p.resolve() for p in paths], project_root()):
        changed = write_notebook(notebook, path)
        print(f"executed {os.path.relpath(path)}{'' if changed else ' (unchanged)'}")


def book_notebooks(root: Path) -> list[Path]:
    """Return every notebook of the book, in a fixed order."""
    return sorted((root / "chapters").rglob("*.ipynb"), key=lambda p: p.relative_to(root).as_posix())


def execute_into_cache(root: Path | None = None) -> int:
    """Execute the book's notebooks that the build's jupyter-cache does not hold, and cache them.

    Returns how many were executed. The cache is the one `jupyter-book build` reads (execute_notebooks:
    cache), so the build then executes nothing itself.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    root = project_root(root)
    cache = get_cache(str(root / CACHE))
    missing = []
    for path in book_notebooks(root):
        try:
            cache.match_cache_notebook(nbformat.read(path, as_version=4))
        except KeyError:
            missing.append(path)
    if not missing:
        return 0
    for path, notebook, seconds in execute(missing, root):
        digest = hashlib.sha256(nbformat.writes(notebook).encode("utf-8")).hexdigest()
        data = {"execution_seconds": seconds, NOTEBOOK: path.relative_to(root).as_posix(), OUTPUTS_DIGEST: digest}
        bundle = CacheBundleIn(notebook, str(path), data=data)
        cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
    return len(missing)


def main(args: list[str]) -> int:
    """Run from the command line; return the exit status."""
    try:
        if args == ["--cache"]:
            print(f"executed {execute_into_cache()} notebooks into the build cache")
        elif args and not any(a.startswith("-") for a in args):
            execute_in_place([Path(a) for a in args])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
