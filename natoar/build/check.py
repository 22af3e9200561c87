"""Check every input before a build: `python -m natoar.build.check` exits non-zero with one clear message."""

from __future__ import annotations

import sys
from pathlib import Path

from natoar.sources.book import Book, load_book
from natoar.sources.errors import BookInputError


def checked_inputs(root: Path | None = None) -> Book | None:
    """Load and verify the catalogue, seeds, paragraphs and curated tables; print a one-line summary and
    return them, or print the error and return None."""
    try:
        book = load_book(root)
    except BookInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return None
    rows = sum(len(t) for t in book.tables.values())
    corpus = book.corpus
    print(
        f"ok: {len(corpus.documents)} documents, {len(corpus.paragraphs)} paragraphs, "
        f"{len(corpus.furniture)} furniture lines, {len(book.tables)} curated tables with {rows} rows"
    )
    return book


def main() -> int:
    """Check the inputs; return the exit status."""
    return 0 if checked_inputs() else 1


if __name__ == "__main__":
    sys.exit(main())
