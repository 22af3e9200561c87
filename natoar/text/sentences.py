"""Sentences: the stretch of a paragraph around a quoted passage, ended by a full stop, question or exclamation mark,
or an Arabic semicolon (which Arabic news prose often uses where English would end a sentence)."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?؟؛\u06d4]")


def sentence_around(text: str, quote: str) -> str:
    """Return the sentence of `text` that holds the start of `quote`, stripped; `quote` itself if it is not found."""
    start = text.find(quote)
    if start < 0:
        return quote
    before = [m.end() for m in _END.finditer(text, 0, start)]
    after = _END.search(text, start + len(quote))
    return text[(before[-1] if before else 0) : (after.end() if after else len(text))].strip()
