"""Safe MyST markup: seed text escaped so that nothing in it is read as markup, HTML or script."""

from __future__ import annotations

import re

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Return `text` with every ASCII punctuation mark backslash-escaped, so MyST shows it literally."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def paragraph_label(doc: str, number: int) -> str:
    """Return the cross-reference label of paragraph `number` of document `doc`."""
    return f"src-{doc}-p{number}"


def document_label(doc: str) -> str:
    """Return the cross-reference label of document `doc`'s source page."""
    return f"src-{doc}"


def paragraph_ref(doc: str, number: int) -> str:
    """Return a MyST reference to paragraph `number` of `doc`, shown as 'doc ¶number'."""
    return f"{{ref}}`{doc} ¶{number} <{paragraph_label(doc, number)}>`"


def source_ref(doc: str, number: int) -> str:
    """Return a MyST reference to paragraph `number` of `doc`, or to its page for the headline (0)."""
    if number == 0:
        return f"{{ref}}`{doc} headline <{document_label(doc)}>`"
    return paragraph_ref(doc, number)
