"""Check every input before a build: `python -m natoar.check` exits non-zero with one clear message."""

from __future__ import annotations

import sys

from .corpus import read_corpus
from .errors import BookInputError
from .evidence import load_evidence


def main() -> int:
    """Load and verify the catalogue, seeds, paragraphs and curated tables; print a summary or the error."""
    try:
        corpus = read_corpus()
        tables = load_evidence(corpus=corpus)
    except BookInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    rows = sum(len(t) for t in tables.values())
    print(
        f"ok: {len(corpus.documents)} documents, {len(corpus.paragraphs)} paragraphs, "
        f"{len(corpus.furniture)} furniture lines, "
        f"{len(tables)} curated tables with {rows} rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
