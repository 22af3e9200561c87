"""Check every input before a build: `python -m natoar.check` exits non-zero with one clear message."""

from __future__ import annotations

import sys

import pandas as pd

from .corpus import Corpus, read_corpus
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
    print(summary(corpus, tables))
    return 0


def summary(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> str:
    """Return the one-line summary of inputs that passed their checks."""
    rows = sum(len(t) for t in tables.values())
    return (
        f"ok: {len(corpus.documents)} documents, {len(corpus.paragraphs)} paragraphs, "
        f"{len(corpus.furniture)} furniture lines, {len(tables)} curated tables with {rows} rows"
    )


if __name__ == "__main__":
    sys.exit(main())
