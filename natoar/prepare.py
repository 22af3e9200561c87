"""Prepare the book for Sphinx, in one process: check every input, write the generated pages, clear outputs
cached from other inputs, and execute the notebooks the cache lacks.

`make book` runs `python -m natoar.prepare` and then `jupyter-book build`. Bad input stops here, before
anything under `_build/` is touched. One process instead of four saves their start-up and the corpus is
read once.
"""

from __future__ import annotations

import sys

from . import buildcache, check, notebooks
from .pages import write_pages
from .paths import project_root


def main() -> int:
    """Run every step; print one line per step, or the first error; return the exit status."""
    root = project_root()
    inputs = check.checked_inputs(root)
    if inputs is None:
        return 1
    corpus, tables = inputs
    print(f"pages: {len(write_pages(root, corpus, tables))} generated pages up to date")
    stale = buildcache.clear_if_stale(root)
    print("inputs changed: cleared cached outputs" if stale else "inputs unchanged: cache kept")
    try:
        executed = notebooks.execute_into_cache(root)
    except notebooks.NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"executed {executed} notebooks into the build cache")
    return 0


if __name__ == "__main__":
    sys.exit(main())
