"""Arabic text for matching (normalised copies) and for display on renderers that cannot shape.

The original text is never changed: `normalise` returns a new string meant for a separate column.
"""

from __future__ import annotations

import re
import unicodedata

import pyarabic.araby as araby

_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Zero-width and bidirectional format characters: dropped by `normalise`, kept inside a word by `tokens.split`.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

_BASE = {ord(c): None for c in (*araby.DIACRITICS, araby.TATWEEL, *INVISIBLE)}
_BASE.update({ord(c): "ا" for c in "أإآٱ"})
_BASE.update({ord("ک"): "ك", ord("ی"): "ي", ord("ې"): "ي", ord("ە"): "ه"})
_YAA = {ord("ى"): "ي"}
_TAA = {ord("ة"): "ه"}
# One table per choice of folds, so that a string is translated once (no output of one table is a key of another).
_TABLES = {(yaa, taa): {**_BASE, **(_YAA if yaa else {}), **(_TAA if taa else {})} for yaa in (0, 1) for taa in (0, 1)}


def has_arabic(text: str) -> bool:
    """Return True if `text` contains at least one Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


def normalise(text: str, *, fold_yaa: bool = True, fold_taa: bool = False) -> str:
    """Return a copy of `text` for matching, with presentation forms, diacritics, tatweel and letter variants folded."""
    return unicodedata.normalize("NFKC", text).translate(_TABLES[bool(fold_yaa), bool(fold_taa)])


def matplotlib_shapes_arabic() -> bool:
    """Return True if this matplotlib lays out Arabic itself (3.11 and later, through libraqm)."""
    import matplotlib

    major, minor = (int(p) for p in matplotlib.__version__.split(".")[:2])
    return (major, minor) >= (3, 11)


def display_text(text: str, renderer_shapes: bool) -> str:
    """Return `text` ready for a renderer: unchanged if it shapes Arabic, else reshaped into visual order."""
    if renderer_shapes:
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))
