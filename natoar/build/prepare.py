"""Prepare the book for Sphinx, in one process: check every input, write the generated pages, put in place
the outputs cached for these inputs, and execute the notebooks the cache lacks.

`make book` runs `python -m natoar.build.prepare` and then `jupyter-book build`. Bad input stops here, before
anything under `_build/` is touched. One process instead of four saves their start-up and the corpus is
read once.
"""

from __future__ import annotations

import sys

from natoar.build import cache, check, execute
from natoar.build.dictionary import write_dictionary
from natoar.build.pages import write_pages
from natoar.sources.errors import exit_status
from natoar.sources.paths import project_root


def main() -> int:
    """Run every step; print one line per step, or the first error; return the exit status."""
    root = project_root()
    book = check.checked_inputs(root)
    if book is None:
        return 1
    print(f"pages: {len(write_pages(root, book.corpus, book.tables))} generated pages up to date")
    print(f"data dictionary: {write_dictionary(root).relative_to(root)} up to date")
    print(cache.STATES[cache.switch_cache(root)])
    try:
        executed = execute.execute_into_cache(root)
    except execute.NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"executed {executed} notebooks into the build cache")
    return 0


if __name__ == "__main__":
    sys.exit(exit_status(main, "the published site is unchanged"))
