"""Check every input before a build: `python -m natoar.check` exits non-zero with one clear message."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .corpus import Corpus, read_corpus
from .errors import BookInputError
from .evidence import load_evidence


def checked_inputs(root: Path | None = None) -> tuple[Corpus, dict[str, pd.DataFrame]] | None:
    """Load and verify the catalogue, seeds, paragraphs and curated tables; print a one-line summary and
    return them, or print the error and return None."""
    try:
        corpus = read_corpus(root)
        tables = load_evidence(root, corpus)
    except BookInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return None
    rows = sum(len(t) for t in tables.values())
    print(
        f"ok: {len(corpus.documents)} documents, {len(corpus.paragraphs)} paragraphs, "
        f"{len(corpus.furniture)} furniture lines, {len(tables)} curated tables with {rows} rows"
    )
    return corpus, tables


def main() -> int:
    """Check the inputs; return the exit status."""
    return 0 if checked_inputs() else 1


if __name__ == "__main__":
    sys.exit(main())
