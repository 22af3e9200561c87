"""Check every input before a build: `python -m natoar.check` exits non-zero with one clear message."""

from __future__ import annotations

import sys

from .corpus import furniture, load_documents, paragraphs
from .errors import BookInputError
from .evidence import load_evidence


def main() -> int:
    """Load and verify the catalogue, seeds, paragraphs and curated tables; print a summary or the error."""
    try:
        documents = load_documents()
        body = paragraphs()
        removed = furniture()
        tables = load_evidence()
    except BookInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    rows = sum(len(t) for t in tables.values())
    print(
        f"ok: {len(documents)} documents, {len(body)} paragraphs, {len(removed)} furniture lines, "
        f"{len(tables)} curated tables with {rows} rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
