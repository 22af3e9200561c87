"""Read a text once for everything the text chapter counts: words, themes, mentions and dates.

A Reader splits the text at whitespace and adds the chunks to a tally the caller chooses (one per document, per
outlet or per year: whatever the analysis compares); `word_counts` later turns a tally into counts of
normalised words, once per distinct chunk. Its Vocabulary turns the chunks into `tokens.Word`s (each distinct
chunk tokenised and normalised once) and finds, in one pass, the positions of the words some reader watches (a
lexicon form, an alias, a month name, a number). Only those positions go to the theme lexicon, the alias
matcher and the date finder. The book's per-paragraph functions (`text`, `mentions`, `datetext`) use the same
parts on every position; `tests/test_pipeline.py` checks that both give the same answers on the seeds and on
synthetic documents.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import pandas as pd

from natoar.text import datefinder
from natoar.text.datefinder import Expression
from natoar.text.dates import Span
from natoar.text.lexicon import is_content, theme_hits, theme_index
from natoar.text.names import build_matcher
from natoar.text.tokens import Vocabulary


class Reading(NamedTuple):
    """What one text contains besides its words: lexicon hits per theme, mentions (entity, form, first word,
    word after the last) and date expressions."""

    themes: Counter
    mentions: list[tuple[str, str, int, int]]
    dates: list[Expression]


def content_counts(counts: Counter) -> Counter:
    """Return the counts of content words only (see `text.is_content`): stop words are a property of word types,
    so they are dropped when counts are read, not while every token is counted."""
    return Counter({w: n for w, n in counts.items() if is_content(w)})


class Reader:
    """The theme lexicon, the alias matcher and the date finder, sharing one vocabulary."""

    def __init__(self, lexicon: pd.DataFrame, aliases: pd.DataFrame) -> None:
        self.themes = theme_index(lexicon)
        self.matcher = build_matcher(aliases)
        self.vocabulary = Vocabulary([self.themes.watches, self.matcher.index.watches, datefinder.watches])

    def read(self, text: str, written: Span, tally: Counter) -> Reading:
        """Add the chunks of `text` to `tally` and return its Reading, with dates resolved against `written`."""
        chunks = text.split()
        tally.update(chunks)
        words = self.vocabulary.of_chunks(chunks)
        themes, names, dates = self.vocabulary.positions(words)
        return Reading(
            theme_hits(self.themes, words, themes),
            self.matcher.spans(words, names),
            datefinder.dates_in(words, dates, written),
        )

    def word_counts(self, tally: Counter) -> Counter:
        """Return the counts of normalised words and numbers in a tally of chunks this Reader has read."""
        return self.vocabulary.counts(tally)
