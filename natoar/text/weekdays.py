"""Weekdays a text gives for days counted from its own day of writing, and the dates that fit them.

A claim is a word for a day counted from the day of writing (`months.RELATIVE_DAYS`: أمس yesterday, اليوم today,
غدا tomorrow, alone or after the conjunction و) followed by a weekday name (`months.DAYS`): 'أمس الجمعة' says that
the day before the day of writing was a Friday. A date fits a text when every claim holds with that date as the day
of writing. Weekday names are read from the text, never typed per document.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

from natoar.text.dates import Span
from natoar.text.letters import normalise
from natoar.text.months import DAYS, RELATIVE_DAYS
from natoar.text.tokens import VOCABULARY

# English names by `date.weekday()`, fixed rather than the locale's.
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE_NAMES = {-1: "yesterday", 0: "today", 1: "tomorrow"}
# The same in Arabic, each with the verb its tense takes before the weekday ('أمس كان يوم الجمعة').
RELATIVE_NAMES_AR = {-1: "أمس كان", 0: "اليوم هو", 1: "غدًا يكون"}

_DAY_OF = {normalise(name): number for number, names in DAYS.items() for name in names}
_OFFSET_OF = {form: offset for word, offset in RELATIVE_DAYS.items() for form in (word, "و" + word)}


class WeekdayClaim(NamedTuple):
    """A weekday the text gives for the day `offset` days from its day of writing, with its words as written."""

    text: str
    offset: int
    weekday: int

    @property
    def of_writing(self) -> int:
        """Return the weekday (`date.weekday()`) this claim implies for the day of writing."""
        return (self.weekday - self.offset) % 7

    def holds(self, written: date) -> bool:
        """Return True if the claim is true when `written` is the day of writing."""
        return (written + timedelta(days=self.offset)).weekday() == self.weekday

    def english(self) -> str:
        """Return the claim in English: 'yesterday was a Friday', 'today is a Saturday'."""
        verb = "was" if self.offset < 0 else "is"
        return f"{RELATIVE_NAMES[self.offset]} {verb} a {WEEKDAY_NAMES[self.weekday]}"

    def arabic(self) -> str:
        """Return the claim in Arabic: 'أمس كان يوم الجمعة', 'اليوم هو يوم السبت'."""
        return f"{RELATIVE_NAMES_AR[self.offset]} يوم {DAYS[self.weekday][0]}"


def weekday_claims(text: str) -> list[WeekdayClaim]:
    """Return, in order, every day word followed by a weekday name in `text` ('اليوم السبت', 'وأمس الجمعة')."""
    words = VOCABULARY.read(text)
    return [
        WeekdayClaim(f"{first.written} {second.written}", _OFFSET_OF[first], _DAY_OF[second])
        for first, second in pairwise(words)
        if first in _OFFSET_OF and second in _DAY_OF and second.spaced
    ]


def weekday_name(day: date, lang: str = "en") -> str:
    """Return the name of the day's weekday in English, or with `lang="ar"` in Arabic (الجمعة)."""
    return DAYS[day.weekday()][0] if lang == "ar" else WEEKDAY_NAMES[day.weekday()]


def fits(claims: Iterable[WeekdayClaim], written: date) -> bool:
    """Return True if every claim holds with `written` as the day of writing."""
    return all(claim.holds(written) for claim in claims)


def fitting_days(claims: list[WeekdayClaim], span: Span) -> list[date]:
    """Return the days of `span` that fit every claim, in order."""
    days = (span.start + timedelta(days=n) for n in range((span.end - span.start).days + 1))
    return [day for day in days if fits(claims, day)]
