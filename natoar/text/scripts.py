"""Traces of another language's writing in Arabic text: Latin-script words inside it, and its quotation marks.

A Latin word is *inside* Arabic text when it is glued to Arabic letters with no space between ('علىprojection'),
or when the nearest whitespace-separated chunks on both sides of its run of non-Arabic chunks hold Arabic letters
(a Latin word between Arabic words). A Latin word that opens or closes a paragraph, or a line with no Arabic at
all, is not inside Arabic text. Quotation marks are counted by kind; French typography sets a no-break space
inside its guillemets (« mot »), which Arabic typography, which also uses guillemets, does not require.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from natoar.text.letters import has_arabic

_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
NO_BREAK_SPACES = "\u00a0\u202f"
_FRENCH_OPEN = re.compile(f"«[{NO_BREAK_SPACES}]")
_FRENCH_CLOSE = re.compile(f"[{NO_BREAK_SPACES}]»")


class LatinWord(NamedTuple):
    """A Latin-script word inside Arabic text: the word, the chunk it was written in, and how it sits there."""

    word: str
    chunk: str
    glued: bool


class QuotationMarks(NamedTuple):
    """The quotation marks of a text, by kind, and how many guillemets have French spacing."""

    guillemets: int
    french_spaced: int
    curly: int
    straight: int


def latin_words(text: str) -> list[str]:
    """Return the runs of Latin letters in `text`, in order."""
    return _LATIN.findall(text)


def latin_in_arabic(text: str) -> list[LatinWord]:
    """Return the Latin-script words inside the Arabic of `text`, in order (one pass over its chunks)."""
    chunks = text.split()
    arabic = [has_arabic(chunk) for chunk in chunks]
    found: list[LatinWord] = []
    run: list[str] = []  # the chunks without Arabic since the last Arabic chunk
    seen_arabic = False
    for chunk, is_arabic in zip(chunks, arabic, strict=True):
        if not is_arabic:
            run.append(chunk)
            continue
        if seen_arabic:  # the run lies between two Arabic chunks
            found += [LatinWord(word, c, False) for c in run for word in latin_words(c)]
        found += [LatinWord(word, chunk, True) for word in latin_words(chunk)]
        run, seen_arabic = [], True
    return found


def quotation_marks(text: str) -> QuotationMarks:
    """Return the counts of guillemets (« »), of those with a no-break space inside, of curly and straight quotes."""
    return QuotationMarks(
        guillemets=text.count("«") + text.count("»"),
        french_spaced=len(_FRENCH_OPEN.findall(text)) + len(_FRENCH_CLOSE.findall(text)),
        curly=text.count("\u201c") + text.count("\u201d"),
        straight=text.count('"'),
    )


def latin_prose(line: str, least: int = 2) -> bool:
    """Return True for a line with no Arabic letter and at least `least` Latin words of two letters or more (a
    caption or an interface label in a European language, not a date stamp such as '15 Feb. 2011')."""
    return not has_arabic(line) and sum(len(w) > 1 for w in latin_words(line)) >= least
