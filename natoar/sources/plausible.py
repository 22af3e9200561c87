"""Checks that curated data is plausible, beyond its schema: wrong values that every declared rule lets through
but that would change the book's findings.

- A quote is evidence only if it says something: at least MIN_QUOTE_LETTERS letters and one content word.
- An alias or theme-lexicon form must not be a function word (the stop words of `natoar.text.lexicon`), nor match
  more than MAX_FORM_SHARE of all paragraphs: a form like في would count most of the corpus as mentions.
- Dates: no document written after today (by the clock); no event that occurred (or is claimed
  to have) beginning after its seed was written; no span of events ending more than MAX_YEARS_AHEAD years after
  the date of writing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd

from natoar.sources.errors import CatalogueError, TableError
from natoar.text.dates import Span, parse_date
from natoar.text.lexicon import is_content
from natoar.text.phrases import PhraseIndex, form_words
from natoar.text.tokens import VOCABULARY, words

# The shortest quote in the data has 8 letters (topics.csv: بالإرهاب); a letter or a preposition is not evidence.
MIN_QUOTE_LETTERS = 5
# The most common form in the data, الناتو, is found in 44 of the 84 paragraphs (52%), and in 56% of the longer
# paragraphs the scale benchmark's synthetic documents are drawn from; في is in 71%.
MAX_FORM_SHARE = 2 / 3
# How each table of forms is matched (the 'name' and 'term' rules of `natoar.text.phrases`).
FORM_TABLES = {"aliases": "name", "theme_lexicon": "term"}
# Statuses of an event that the seed reports as having happened (`planned` ones may lie ahead of it).
PAST_STATUSES = ("occurred", "claimed")
# How far after the date of writing a span of events may end: a planned event of the data ends at most 9 years
# after (2011 -> 201X), a document's span of events at most 6 days after.
MAX_YEARS_AHEAD = 30


def _letters(text: str) -> int:
    return sum(unicodedata.category(c).startswith("L") for c in text)


def quote_problem(quote: str) -> str | None:
    """Return why `quote` is too slight to be evidence, or None."""
    letters = _letters(quote)
    if letters < MIN_QUOTE_LETTERS:
        counted = f"{letters} letter{'' if letters == 1 else 's'}"
        return f"quote '{quote}' has {counted}, fewer than the {MIN_QUOTE_LETTERS} evidence needs"
    if not any(is_content(w) for w in words(quote)):
        return f"quote '{quote}' holds only stop words, which prove nothing about the row"
    return None


def check_quote_lengths(path: Path, table: pd.DataFrame) -> None:
    """Raise TableError at the first quote too slight to be evidence."""
    for row in table.itertuples():
        problem = quote_problem(row.quote) if row.quote else None
        if problem:
            raise TableError(
                path,
                problem,
                "quote the words of the paragraph that show what the row says, a phrase at least",
                where=f"line {row.line}",
            )


# Below this many paragraphs, a share of them says nothing about how common a form is.
MIN_PARAGRAPHS = 20


def form_problem(form: str, found: int, paragraphs: int) -> str | None:
    """Return why `form`, found in `found` of the corpus's `paragraphs`, would find far more than its entity or
    theme, or None."""
    if not any(is_content(w) for w in form_words(form)):
        return f"form '{form}' is a stop word (a function word such as في or من), so it is found almost everywhere"
    if paragraphs >= MIN_PARAGRAPHS and found > MAX_FORM_SHARE * paragraphs:
        return (
            f"form '{form}' is found in {found} of the {paragraphs} paragraphs ({found / paragraphs:.0%}), "
            f"more than the {MAX_FORM_SHARE:.0%} any name or theme word reaches"
        )
    return None


def paragraphs_found(rows: list, rule: str, paragraphs: list[list[str]]) -> Counter:
    """Return, by row line, how many of `paragraphs` each row's form is found in: one index of all the forms, one
    pass over the corpus."""
    index = PhraseIndex([(row.form_ar, row.line, getattr(row, "match", "") == "prefix") for row in rows], rule)
    found: Counter = Counter()
    for words_of_paragraph in paragraphs:
        found.update({phrase.key for phrase, _, _ in index.matches(words_of_paragraph, range(len(words_of_paragraph)))})
    return found


def check_forms(root: Path, tables: dict[str, pd.DataFrame], texts: pd.Series) -> None:
    """Raise TableError at the first alias or lexicon form that is a stop word or too common to mean anything."""
    paragraphs = [VOCABULARY.read(t) for t in texts]
    for name, rule in FORM_TABLES.items():
        table = tables.get(name)
        rows = list(table.itertuples()) if table is not None else []
        found = paragraphs_found(rows, rule, paragraphs) if rows and len(paragraphs) >= MIN_PARAGRAPHS else Counter()
        for row in rows:
            problem = form_problem(row.form_ar, found[row.line], len(paragraphs))
            if problem:
                raise TableError(
                    root / "data" / f"{name}.csv",
                    problem,
                    "remove the row, or give a longer form that names only this entity or theme",
                    where=f"line {row.line}",
                )


def today() -> date:
    """Return today's date, by the clock. Not SOURCE_DATE_EPOCH, which the Makefile fixes for reproducible outputs
    (2025-11-22): taken as today, it would refuse every article written since."""
    return date.today()


def _years_after(span: Span, written: Span) -> float:
    return (span.end - written.end).days / 365.25


def check_writing_dates(path: Path, documents: pd.DataFrame) -> None:
    """Raise CatalogueError at the first document written after today, or whose events end implausibly late."""
    now = today()
    for row in documents.itertuples():
        written = parse_date(row.date_iso)
        if written.start > now:
            raise CatalogueError(
                path,
                f"column 'date_iso' {row.date_iso} is after today ({now.isoformat()}): no text is written ahead",
                "correct the date of writing (a typing slip in DATE=?)",
                where=f"line {row.line}",
            )
        late = _years_after(parse_date(row.events_to), written)
        if late > MAX_YEARS_AHEAD:
            raise CatalogueError(
                path,
                f"column 'events_to' {row.events_to} ends {late:.0f} years after the date of writing {row.date_iso}, "
                f"more than the {MAX_YEARS_AHEAD} any plan reaches",
                "correct the end of the span of events (a number misread as a year?)",
                where=f"line {row.line}",
            )


def check_event_dates(path: Path, events: pd.DataFrame, documents: pd.DataFrame) -> None:
    """Raise TableError at the first event that happened after its seed was written, or ends implausibly late."""
    written = dict(zip(documents["id"], documents["date_iso"], strict=True))
    for row in events.itertuples():
        span, seed = parse_date(row.date), parse_date(written[row.seed])
        if row.status in PAST_STATUSES and span.start > seed.end:
            raise TableError(
                path,
                f"column 'date' {row.date} begins after {row.seed} was written ({written[row.seed]}), yet the "
                f"event's status is '{row.status}'",
                "correct the date, or set status to 'planned' if the seed announces it for the future",
                where=f"line {row.line}",
            )
        late = _years_after(span, seed)
        if late > MAX_YEARS_AHEAD:
            raise TableError(
                path,
                f"column 'date' {row.date} ends {late:.0f} years after {row.seed} was written "
                f"({written[row.seed]}), more than the {MAX_YEARS_AHEAD} any plan reaches",
                "correct the date",
                where=f"line {row.line}",
            )
