"""Dates of known precision, written as a small subset of EDTF (ISO 8601 plus X digits and intervals).

Accepted forms: ``2014-09-05`` (day), ``2014-09`` (month), ``2014`` (year),
``201X`` (decade), ``17XX`` (century) and ``A/B`` (an interval of two such dates).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from natoar.text.months import MONTHS

_PART = re.compile(r"^(?P<year>\d{4}|\d{3}X|\d{2}XX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class Span:
    """The first and last day a date expression can mean, and how precise it is."""

    start: date
    end: date
    precision: str

    def overlaps(self, other: Span) -> bool:
        """Return True if the two spans share at least one day."""
        return self.start <= other.end and other.start <= self.end

    @property
    def midpoint(self) -> date:
        """Return the middle day of the span (for plotting)."""
        return date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)


def _single(text: str) -> Span:
    match = _PART.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date of the form YYYY-MM-DD, YYYY-MM, YYYY, YYYX or YYXX")
    year, month, day = match["year"], match["month"], match["day"]
    if "X" in year:
        if month:
            raise ValueError(f"'{text}': a decade or century cannot carry a month")
        width = 10 ** year.count("X")
        first = int(year.replace("X", "0"))
        precision = "decade" if width == 10 else "century"
        return Span(date(first, 1, 1), date(first + width - 1, 12, 31), precision)
    y = int(year)
    if month is None:
        return Span(date(y, 1, 1), date(y, 12, 31), "year")
    m = int(month)
    if not 1 <= m <= 12:
        raise ValueError(f"'{text}': month {m} does not exist")
    if day is None:
        return Span(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")
    try:
        d = date(y, m, int(day))
    except ValueError as err:
        raise ValueError(f"'{text}': {err}") from None
    return Span(d, d, "day")


def parse_date(text: str) -> Span:
    """Return the span of days a date expression (or an A/B interval of two) covers."""
    text = text.strip()
    if "/" in text:
        first, _, last = text.partition("/")
        a, b = _single(first), _single(last)
        if b.end < a.start:
            raise ValueError(f"'{text}': the interval ends before it starts")
        return Span(a.start, b.end, "interval")
    return _single(text)


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # fixed, not the locale's


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe(text: str, lang: str = "en") -> str:
    """Return a date expression in words: 'the 18th century', 'the 2010s', '2004', 'December 2020',
    '11 September 2001', or 'A to B' for an interval; `lang="ar"` writes it in Arabic, with the months' names
    as the seeds write them first (يناير، فبراير ...) and Western digits."""
    if lang == "ar":
        return _describe_ar(text.strip())
    text = text.strip()
    if "/" in text:
        first, _, last = text.partition("/")
        return f"{describe(first)} to {describe(last)}"
    span = _single(text)
    if span.precision == "century":
        return f"the {_ordinal(span.start.year // 100 + 1)} century"
    if span.precision == "decade":
        return f"the {span.start.year}s"
    if span.precision == "year":
        return str(span.start.year)
    if span.precision == "month":
        return f"{MONTH_NAMES[span.start.month - 1]} {span.start.year}"
    return f"{span.start.day} {MONTH_NAMES[span.start.month - 1]} {span.start.year}"


# Arabic ordinals (masculine, definite), as a century is named: القرن الثامن عشر, القرن الحادي والعشرون.
_UNITS_AR = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")


def _ordinal_ar(n: int) -> str:
    """Return the Arabic ordinal of 1 to 29 ('الثامن عشر'); raise ValueError beyond."""
    if not 1 <= n <= 29:
        raise ValueError(f"no Arabic ordinal for {n}")
    if n < 10:
        return _UNITS_AR[n - 1]
    if n == 10:
        return "العاشر"
    if n < 20:
        return f"{'الحادي' if n == 11 else _UNITS_AR[n - 11]} عشر"
    if n == 20:
        return "العشرون"
    return f"{'الحادي' if n == 21 else _UNITS_AR[n - 21]} والعشرون"


def _describe_ar(text: str) -> str:
    """Return a date expression in Arabic words (see `describe`)."""
    if "/" in text:
        first, _, last = text.partition("/")
        return f"من {_describe_ar(first)} إلى {_describe_ar(last)}"
    span = _single(text)
    month = MONTHS[span.start.month][0]
    if span.precision == "century":
        return f"القرن {_ordinal_ar(span.start.year // 100 + 1)}"
    if span.precision == "decade":
        return f"العقد الممتد من {span.start.year} إلى {span.start.year + 9}"
    if span.precision == "year":
        return str(span.start.year)
    if span.precision == "month":
        return f"{month} {span.start.year}"
    return f"{span.start.day} {month} {span.start.year}"
