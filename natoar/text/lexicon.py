"""The vocabulary the text analysis counts with: stop words, content words, and the theme lexicon's matching.

Everything runs on the normalised words of `tokens`; the original is never changed. Stop words come from the
maintained `arabic-stopwords` list (13,000 inflected forms with their proclitics), extended with
EXTRA_STOP_WORDS: words so common in news prose that they carry no topic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from natoar.text.letters import normalise
from natoar.text.markers import reporting_verbs
from natoar.text.names import Matcher
from natoar.text.phrases import PhraseIndex
from natoar.text.proclitics import with_conjunctions
from natoar.text.tokens import VOCABULARY, is_word

EXTRA_STOP_WORDS = [
    "يمكن",
    "الامر",
    "وخاصة",
    "خاصة",
    "يكون",
    "يتعلق",
    "جهة",
    "بشكل",
    "عدد",
    "اخري",
    "باعتباره",
    "باعتبارها",
    "حيث",
    "اطار",
    "مجال",
    "المجال",
    "تشمل",
    "الحصول",
    "السيد",
]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return the normalised stop words: the arabic-stopwords list, EXTRA_STOP_WORDS and the reporting verbs."""
    import arabicstopwords.arabicstopwords as stp

    reporting = with_conjunctions(reporting_verbs())
    return frozenset(normalise(w) for w in (*stp.stopwords_list(), *EXTRA_STOP_WORDS, *reporting))


def is_content(word: str) -> bool:
    """Return True for a normalised word that is not a stop word, a number, a single letter or punctuation."""
    return len(word) > 1 and is_word(word) and not word.isdigit() and word not in stop_words()


def content_words(text: str, leave_out: Matcher | None = None) -> list[str]:
    """Return the normalised words of `text` that are neither stop words, digits nor single letters, and not
    inside a mention `leave_out` finds (a person's name), if given."""
    found = VOCABULARY.read(text)
    inside = set()
    if leave_out is not None:
        inside = {i for _, _, start, end in leave_out.spans(found, range(len(found))) for i in range(start, end)}
    return [str(w) for i, w in enumerate(found) if i not in inside and is_content(w)]


def theme_index(lexicon: pd.DataFrame) -> PhraseIndex:
    """Return the theme lexicon as a PhraseIndex (rule 'term'), keyed by (theme, form)."""
    entries = zip(lexicon["theme"], lexicon["form_ar"], lexicon["match"], strict=True)
    return PhraseIndex((((form, (theme, form), match == "prefix")) for theme, form, match in entries), "term")


def theme_hits(index: PhraseIndex, words: list[str], positions: Iterable[int]) -> Counter:
    """Count lexicon hits per theme: at each word the longest form, and no two hits of a theme overlap."""
    hits: Counter = Counter()
    reach: dict[str, int] = {}
    for phrase, start, end in index.matches(words, positions):
        theme = phrase.key[0]
        if start >= reach.get(theme, 0):
            hits[theme] += 1
            reach[theme] = end
    return hits
