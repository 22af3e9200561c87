"""The letters Arabic writes before a word without a space, as the book's matchers allow them. The only place
these rules are written down: phrases, names, lexicon terms, month names, stop words and markers all use them.

A word may carry a conjunction (و or ف), then a preposition (ب ك ل); a word with the article ال also appears
after لـ as لل (للناتو for الناتو).
"""

from __future__ import annotations

CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
# Before a month name: a conjunction, or ب ("in": بسبتمبر). Never ل or ك, which would make other words.
BEFORE_A_MONTH = CONJUNCTIONS + "ب"

# Regular-expression pieces for a phrase's first word (see `phrases.first_word_pattern`).
CONJUNCTION = f"[{CONJUNCTIONS}]?"
ARTICLE = "(?:[بك]?ال|لل)"
PREPOSITION = {"name": f"[{PREPOSITIONS}]?", "term": f"[{PREPOSITIONS}]?(?:ال|لل)?"}
LONGEST = 4  # و + ب + ال
LETTERS = CONJUNCTIONS + PREPOSITIONS + "ا"  # every letter the patterns above can put before a word


def with_conjunctions(words: tuple[str, ...] | list[str]) -> list[str]:
    """Return each word bare and with each conjunction before it (قال, وقال, فقال)."""
    return [form for word in words for form in (word, *(c + word for c in CONJUNCTIONS))]


def time_adverb_forms(word: str) -> list[str]:
    """Return the forms of a noun of time used as an adverb: bare or after بال ('on the'), each also after a
    conjunction (امس, وامس, بالامس, وبالامس). The article alone is left out: الأمس also names the past in
    general (حلفاء الأمس, 'yesterday's allies')."""
    return with_conjunctions((word, "بال" + word))
