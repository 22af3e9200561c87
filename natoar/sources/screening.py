"""Checks of a new article's text that the add command makes before it proposes a catalogue row: that it is Arabic
rather than Persian or Urdu, that no HTML entity is left in it from the web page, and that it is not a copy of a
seed already in the catalogue with only its white space or letter variants changed.

Each returns what it found (nothing if the text passes); `natoar.sources.add` words the refusal.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from natoar.text.letters import has_arabic, normalise

# Letters of the Arabic script that Persian or Urdu write and Arabic does not. Left out on purpose: ی and ک,
# which some Arabic sites type for ي and ك (the normaliser folds them), and ھ, which some Arabic keyboards give
# for a ه that starts a word; counting them would refuse Arabic articles from those sites.
PERSIAN_URDU = frozenset("پچژگٹڈڑںےہۀۂۓ")
PERSIAN_URDU_SHARE = 0.01  # a text with more of its Arabic-script letters among PERSIAN_URDU is not Arabic
PERSIAN_URDU_LEAST = 5  # and with fewer of them than this, it is an Arabic text naming a Persian or Urdu word

# An HTML entity whole (&quot; &#1589; &#x635;), or what is left of one once a page's '&' was lost (quot; #1589;).
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_REMAINS = re.compile(
    r"(?<![A-Za-z&])(?:quot|amp|apos|nbsp|lt|gt|laquo|raquo|hellip|[lr][sd]quo|[mn]dash|zwn?j|[lr]lm);"
    r"|(?<![&0-9])#[0-9]{2,};"
)

SAME_PARAGRAPHS = 0.5  # a text with more than this share of its paragraphs in one seed repeats that seed
PARAGRAPH_WORDS = 4  # lines of fewer words (datelines, bylines, site furniture) are not compared


def persian_urdu_letters(text: str) -> tuple[Counter[str], int]:
    """Return the letters of `text` that only Persian or Urdu write, counted, and its number of Arabic letters;
    the counter is empty if they are few enough for an Arabic text."""
    letters = [c for c in text if has_arabic(c)]
    found = Counter(c for c in letters if c in PERSIAN_URDU)
    many = sum(found.values()) >= max(PERSIAN_URDU_LEAST, PERSIAN_URDU_SHARE * len(letters))
    return (found if many else Counter()), len(letters)


@dataclass(frozen=True)
class Entity:
    """An HTML entity, or what is left of one, on a line of the text."""

    line: int
    written: str

    @property
    def meaning(self) -> str:
        """The character the entity stands for."""
        return html.unescape(self.written if self.written.startswith("&") else "&" + self.written)


def html_entities(text: str) -> list[Entity]:
    """Return the HTML entities, whole or without their '&', in `text`, in order."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        spans = [m for m in _ENTITY.finditer(line) if _is_entity(m[0])] + list(_ENTITY_REMAINS.finditer(line))
        found += [Entity(number, m[0]) for m in sorted(spans, key=lambda m: m.start())]
    return found


def _is_entity(written: str) -> bool:
    return written[1] == "#" or written[1:] in html.entities.html5


def paragraph_keys(text: str) -> set[str]:
    """Return the text's paragraphs (lines of PARAGRAPH_WORDS words or more) as compared: white space collapsed,
    Arabic letter variants, diacritics and tatweel folded."""
    lines = (" ".join(normalise(line).split()) for line in text.splitlines())
    return {line for line in lines if len(line.split()) >= PARAGRAPH_WORDS}


def repeated_seed(text: str, seeds: Iterable[tuple[str, str]]) -> tuple[str, int, int] | None:
    """Return (document id, paragraphs found in it, paragraphs compared) for the first seed in `seeds` ((id, text)
    pairs) that holds more than SAME_PARAGRAPHS of the text's paragraphs, or None."""
    new = paragraph_keys(text)
    if not new:
        return None
    for doc_id, seed in seeds:
        same = len(new & paragraph_keys(seed))
        if same > SAME_PARAGRAPHS * len(new):
            return doc_id, same, len(new)
    return None
