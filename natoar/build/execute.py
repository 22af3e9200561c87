"""Execute the book's notebooks with jupyter-cache's own executor: a fresh kernel per notebook, started in the
notebook's folder, one notebook per CPU at a time.

    python -m natoar.build.execute chapters/a.ipynb ...   execute in place and save the outputs (`make notebooks`)

`make book` calls `execute_into_cache` (from `natoar.build.prepare`): the notebooks the build's cache lacks are
executed into it, so `jupyter-book build` (execute_notebooks: cache) only reads their outputs. The timeout and
allow_errors come from the `execute` section of `_config.yml`, as for Sphinx. The executor keeps no timing
metadata in the cells, so a saved notebook changes only when its outputs do.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
from pathlib import Path

import nbformat
import yaml
from jupyter_cache import get_cache
from jupyter_cache.base import JupyterCacheAbstract
from jupyter_cache.executors import load_executor

from natoar.sources.paths import project_root

CACHE = Path("_build") / ".jupyter_cache"
_CELL_ERROR = re.compile(r"^nbclient\.exceptions\.\w+: ", re.MULTILINE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookError(RuntimeError):
    """A notebook failed to execute: names the notebook and the cell or the cause."""


def book_notebooks(root: Path) -> list[Path]:
    """Return every notebook of the book, in a fixed order."""
    return sorted((root / "chapters").rglob("*.ipynb"), key=lambda p: p.relative_to(root).as_posix())


def _settings(root: Path) -> dict[str, int | bool]:
    """Return the executor's timeout and allow_errors from the `execute` section of `_config.yml`."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    execute = config.get("execute") or {}
    return {"timeout": int(execute.get("timeout", 30)), "allow_errors": bool(execute.get("allow_errors", False))}


def _cell_error(traceback: str) -> str:
    """Return the part of an execution traceback that shows the failing cell and its error, without colours."""
    found = list(_CELL_ERROR.finditer(traceback))
    return _ANSI.sub("", traceback[found[-1].end() :] if found else traceback).strip()


def _run(cache: JupyterCacheAbstract, paths: list[Path], root: Path) -> int:
    """Execute those of `paths` that `cache` lacks and cache them; return how many ran; raise NotebookError."""
    uris = [str(p.absolute()) for p in paths]
    for record in cache.list_project_records():
        if record.uri not in uris:
            cache.remove_nb_from_project(record.pk)
    for uri in uris:
        cache.add_nb_to_project(uri)
    if not cache.list_unexecuted(filter_uris=uris):
        return 0
    settings = _settings(root)
    quiet = logging.getLogger(f"{__name__}.parallel")
    quiet.setLevel(logging.CRITICAL)  # a failure is reported below, or retried
    result = load_executor("local-parallel", cache, logger=quiet).run_and_cache(filter_uris=uris, **settings)
    errored = result.errored
    if errored:
        # A kernel that died on start (two started at once can take the same free TCP port) gets a second chance
        # alone; the serial executor logs what went wrong if it fails again.
        retry = load_executor("local-serial", cache, logger=logging.getLogger(__name__))
        again = retry.run_and_cache(filter_uris=errored, **settings)
        result.succeeded += again.succeeded
        result.excepted += again.excepted
        errored = again.errored

    def name(uri: str) -> str:
        return Path(uri).relative_to(root).as_posix() if Path(uri).is_relative_to(root) else uri

    failures = [
        f"{name(uri)}: a cell failed while executing the notebook:\n"
        + _cell_error(cache.get_project_record(uri).traceback or "")
        for uri in sorted(result.excepted)
    ]
    failures += [f"{name(uri)}: the notebook could not be executed (the cause is logged above)" for uri in errored]
    if failures:
        raise NotebookError("\n\n".join(failures))
    return len(result.succeeded)


def execute_into_cache(root: Path | None = None) -> int:
    """Execute the book's notebooks that the build's jupyter-cache lacks, into it; return how many ran."""
    root = project_root(root)
    return _run(get_cache(str(root / CACHE)), book_notebooks(root), root)


def execute_in_place(paths: list[Path]) -> None:
    """Execute each notebook in a fresh kernel and save it with its outputs."""
    paths = [p.resolve() for p in paths]
    with tempfile.TemporaryDirectory(prefix="natoar-execute-") as folder:
        cache = get_cache(folder)
        _run(cache, paths, project_root())
        for path in paths:
            _, notebook = cache.merge_match_into_file(str(path))
            nbformat.write(notebook, path)
            print(f"executed {os.path.relpath(path)}")


def main(args: list[str]) -> int:
    """Run from the command line; return the exit status."""
    if not args or any(a.startswith("-") for a in args):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        execute_in_place([Path(a) for a in args])
    except NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
