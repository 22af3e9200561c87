"""Date expressions in Arabic text, and their resolution against the document's date of writing.

Month names are those of `months`, in all their regional forms. Resolution follows the text: a month with no
year is the latest such month on or before the document's date; 'last October' (أكتوبر الماضي) likewise;
'next June' (يونيو المقبل) is the first such month after it; a day and month with no year stay unresolved in
year; 'the last three years' counts back from the document's date.

Expressions are read from a text's `tokens.Word`s (shared with the other readers), trying each kind in a fixed
order; a later kind never takes words an earlier one already took. The expression is quoted as written, with
one space wherever the text has whitespace.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

from natoar.text.dates import Span, parse_date
from natoar.text.months import MONTHS, TODAY, YESTERDAY
from natoar.text.phrases import form_words
from natoar.text.proclitics import BEFORE_A_MONTH, with_conjunctions
from natoar.text.tokens import VOCABULARY, Word, is_word

_MONTH_OF = {form_words(name): number for number, names in MONTHS.items() for name in names}
_MONTH_FIRST = {words[0] for words in _MONTH_OF}
_COUNT = {"الثلاث": 3, "الثلاثة": 3, "الخمس": 5, "العشر": 10, "العشرين": 20, "الاربع": 4, "العشرة": 10}
_YEARS = ("سنوات", "السنوات")
_YEAR = ("سنة", "سنه")
_ORDINAL_DAY = re.compile(r"(?:ال)?(?:اول|ثاني|ثالث|رابع|اخير)")
_DASHES = ("-", "\u2013", "\u2014")
_YESTERDAY = (YESTERDAY, "و" + YESTERDAY)
_TODAY = (TODAY, "و" + TODAY)
_ANCHORS = {*_YESTERDAY, *_TODAY, *_YEARS, *_COUNT}
# Ordinal day words (normalised), as dates write the day: في السابع من (a month). Days 11-19 add عشر; 20-29 and
# 30-31 are a unit joined by و to العشرين or الثلاثين (الحادي والعشرين).
_UNITS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_ORDINAL_DAYS = {
    **{(u,): n for n, u in enumerate(_UNITS, 1)},
    ("العاشر",): 10,
    ("الحادي", "عشر"): 11,
    **{(u, "عشر"): 10 + n for n, u in enumerate(_UNITS, 1) if n > 1},
    ("العشرين",): 20,
    ("الحادي", "والعشرين"): 21,
    **{(u, "والعشرين"): 20 + n for n, u in enumerate(_UNITS, 1) if n > 1},
    ("الثلاثين",): 30,
    ("الحادي", "والثلاثين"): 31,
}
_ORDINAL_FIRST = {words[0] for words in _ORDINAL_DAYS}
# The year relative to the document's: 'last year' (العام الماضي), 'this year' (هذا العام), 'next year'.
_YEAR_NOUNS = ("العام", "السنه", "السنة")
_RELATIVE_YEAR = {
    "الماضي": -1,
    "الماضيه": -1,
    "الماضية": -1,
    "المنصرم": -1,
    "المنصرمه": -1,
    "المنصرمة": -1,
    "الحالي": 0,
    "الحاليه": 0,
    "الحالية": 0,
    "الجاري": 0,
    "الجاريه": 0,
    "الجارية": 0,
    "المقبل": 1,
    "المقبله": 1,
    "المقبلة": 1,
    "القادم": 1,
    "القادمه": 1,
    "القادمة": 1,
}
_THIS = tuple(with_conjunctions(("هذا", "هذه")))


class Expression(NamedTuple):
    """A date expression found in a text, with its kind and its resolution (EDTF, or '' if unresolved)."""

    text: str
    kind: str
    resolved: str


class _Words:
    """A text's words, read safely past either end."""

    def __init__(self, words: list[Word]) -> None:
        self.words, self.size = words, len(words)
        self.joints: set[int] = set()  # words that may follow the one before without a space (/ in a month pair)

    def __call__(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.size else ""

    def spaced(self, i: int) -> bool:
        return 0 <= i < self.size and self.words[i].spaced

    def glued(self, i: int) -> bool:
        """True if word i is glued to the word before it (no space, both letters or digits, not both digits)."""
        if not 0 < i < self.size or self.words[i].spaced:
            return False
        before, word = self.words[i - 1], self.words[i]
        return is_word(before) and is_word(word) and not (before.isdigit() or word.isdigit())

    def month(self, i: int, proclitic: bool) -> tuple[int, int] | None:
        """Return (month number, words used) if a month name starts at word i; a pair of names for the same month
        (two names of one month joined by a slash) is read as one."""
        found = self._one_month(i, proclitic)
        if found and self(i + found[1]) == "/":
            second = self._one_month(i + found[1] + 1, proclitic=False)
            if second and second[0] == found[0]:
                self.joints.update((i + found[1], i + found[1] + 1))
                return found[0], found[1] + 1 + second[1]
        return found

    def _one_month(self, i: int, proclitic: bool) -> tuple[int, int] | None:
        """Return (month number, words used) if one month name starts at word i."""
        for size in (2, 1):
            key = tuple(self.words[i : i + size])
            if len(key) == size:
                if key in _MONTH_OF:
                    return _MONTH_OF[key], size
                if proclitic and key[0][:1] in BEFORE_A_MONTH and (key[0][1:], *key[1:]) in _MONTH_OF:
                    return _MONTH_OF[(key[0][1:], *key[1:])], size
        return None

    def four_digits(self, i: int) -> bool:
        word = self(i)
        return len(word) == 4 and word.isdigit()

    def year(self, i: int, centuries: tuple[str, ...] = ("19", "20")) -> bool:
        word = self(i)
        return len(word) == 4 and word.isdigit() and word[:2] in centuries

    def day(self, i: int) -> bool:
        word = self(i)
        return len(word) <= 2 and word.isdigit()

    def ordinal_day(self, i: int) -> tuple[int, int] | None:
        """Return (day, words used) if an ordinal day word (السابع, الحادي عشر) starts at word i."""
        for size in (2, 1):
            key = tuple(self.words[i : i + size])
            if len(key) == size and key in _ORDINAL_DAYS:
                return _ORDINAL_DAYS[key], size
        return None

    def day_words(self, p: int) -> tuple[str, int] | None:
        """Return (day as digits, words used up to the month) for '7', '7 من', 'السابع من' at word p."""
        if self.day(p):
            return self(p), 1 + (self(p + 1) == "من")
        ordinal = self.ordinal_day(p)
        if ordinal and self(p + ordinal[1]) == "من":
            return str(ordinal[0]), ordinal[1] + 1
        return None


Match = tuple[int, int, tuple]


def _day_month_year(t: _Words, p: int) -> Match | None:
    day = t.day_words(p)
    if not day:
        return None
    j = p + day[1]
    month = t.month(j, proclitic=False)
    if month and t.four_digits(j + month[1]):
        return p, j + month[1] + 1, (day[0], month[0], t(j + month[1]))
    return None


def _month_year(t: _Words, p: int) -> Match | None:
    month = t.month(p, proclitic=True)
    if not month:
        return None
    j = p + month[1]
    j += t(j) == "من"
    j += t(j) in ("عام", "سنة")
    if t.four_digits(j):
        return p, j + 1, (month[0], t(j))
    return None


def _last_month(t: _Words, p: int) -> Match | None:
    month = t.month(p, proclitic=True)
    if month and t(p + month[1]) == "الماضي":
        return p, p + month[1] + 1, (month[0],)
    return None


_NEXT = ("المقبل", "القادم")


def _next_month(t: _Words, p: int) -> Match | None:
    month = t.month(p, proclitic=True)
    if month and t(p + month[1]) in _NEXT:
        return p, p + month[1] + 1, (month[0],)
    return None


def _day_month(t: _Words, p: int) -> Match | None:
    day = t.day_words(p)
    month = t.month(p + day[1], proclitic=False) if day else None
    if day and month and not (t.spaced(p + day[1] + month[1]) and t(p + day[1] + month[1]).isdigit()):
        return p, p + day[1] + month[1], ()
    return None


def _month(t: _Words, p: int) -> Match | None:
    month = t.month(p, proclitic=False)
    if not month or t(p - 1) != "في" or t.glued(p - 1):
        return None
    after = p + month[1]
    if t.spaced(after) and (t(after).isdigit() or t(after).startswith("الماضي") or t(after) in _NEXT):
        return None
    return p - 1, after, (month[0],)


def _year_range(t: _Words, p: int) -> Match | None:
    if t.year(p) and t(p + 1) in _DASHES and t.year(p + 2):
        return p, p + 3, (t(p), t(p + 2))
    return None


def _year(t: _Words, p: int) -> Match | None:
    if not t.year(p, ("17", "18", "19", "20")):
        return None
    if (t(p - 1) in _DASHES and not t.spaced(p)) or (t(p + 1) in _DASHES and not t.spaced(p + 1)):
        return None
    return p, p + 1, (t(p),)


def _century(t: _Words, p: int) -> Match | None:
    if not t(p).endswith("القرن") or not t.spaced(p + 1):
        return None
    j = p + 1 + (t(p + 1) == "ال")
    if t.day(j):
        return p, j + 1, (t(j),)
    return None


def _last_years(t: _Words, p: int) -> Match | None:
    if t(p) in _YEARS and t(p + 1) in _COUNT and t(p + 2).startswith("الاخير"):
        return p, p + 3, (t(p + 1),)
    if t(p) in _COUNT and t(p + 1) in _YEAR and t(p + 2).startswith("الاخير"):
        return p, p + 3, (t(p),)
    return None


def _relative_year(t: _Words, p: int) -> Match | None:
    if t(p) not in _YEAR_NOUNS:
        return None
    if t(p + 1) in _RELATIVE_YEAR:
        return p, p + 2, (_RELATIVE_YEAR[t(p + 1)],)
    if t(p - 1) in _THIS:
        return p - 1, p + 1, (0,)
    return None


def _yesterday(t: _Words, p: int) -> Match | None:
    return (p, p + 1, ()) if t(p) in _YESTERDAY else None


def _today(t: _Words, p: int) -> Match | None:
    if t(p) not in _TODAY or (t.spaced(p + 1) and _ORDINAL_DAY.match(t(p + 1))):
        return None
    return p, p + 1, ()


# In order of precedence. `spaced`: every word after the first must follow whitespace.
KINDS = [
    ("day-month-year", _day_month_year, True),
    ("month-year", _month_year, True),
    ("last-month", _last_month, True),
    ("next-month", _next_month, True),
    ("day-month", _day_month, True),
    ("month", _month, True),
    ("year-range", _year_range, False),
    ("year", _year, False),
    ("century", _century, False),
    ("last-years", _last_years, True),
    ("relative-year", _relative_year, True),
    ("yesterday", _yesterday, True),
    ("today", _today, True),
]


_NAMES = [kind for kind, _, _ in KINDS]
_KINDS_OF: dict[str, tuple[int, ...]] = {}


def _kinds(word: str) -> tuple[int, ...]:
    """Return the indices (in KINDS) of the kinds of expression that can be anchored at this normalised word."""
    known = _KINDS_OF.get(word)
    if known is not None:
        return known
    names: list[str] = []
    if word.isdigit():
        names += ["day-month-year", "day-month"] if len(word) <= 2 else ["year-range", "year"] if len(word) == 4 else []
    if word in _ORDINAL_FIRST:
        names += ["day-month-year", "day-month"]
    if word in _MONTH_FIRST:
        names += ["month-year", "last-month", "next-month", "month"]
    elif word[:1] in BEFORE_A_MONTH and word[1:] in _MONTH_FIRST:
        names += ["month-year", "last-month", "next-month"]
    names += ["century"] if word.endswith("القرن") else []
    names += ["last-years"] if word in _YEARS or word in _COUNT else []
    names += ["relative-year"] if word in _YEAR_NOUNS else []
    names += ["yesterday"] if word in _YESTERDAY else ["today"] if word in _TODAY else []
    _KINDS_OF[word] = result = tuple(sorted(_NAMES.index(n) for n in names))
    return result


def watches(word: str) -> bool:
    """Return True if some date expression can be anchored at this normalised word (for `tokens.Vocabulary`)."""
    return bool(_kinds(word))


def _latest_month(month: int, before: date) -> str:
    year = before.year if month <= before.month else before.year - 1
    return f"{year:04d}-{month:02d}"


def _resolve(kind: str, groups: tuple, written: Span) -> str:
    anchor = written.end
    if kind == "day-month-year":
        try:
            return date(int(groups[2]), groups[1], int(groups[0])).isoformat()
        except ValueError:
            return ""
    if kind == "month-year":
        return f"{int(groups[1]):04d}-{groups[0]:02d}"
    if kind == "last-month":
        previous = anchor.replace(day=1) - timedelta(days=1) if groups[0] == anchor.month else anchor
        return _latest_month(groups[0], previous)
    if kind == "next-month":
        year = anchor.year if groups[0] > anchor.month else anchor.year + 1
        return f"{year:04d}-{groups[0]:02d}"
    if kind == "day-month":
        return ""
    if kind == "month":
        return _latest_month(groups[0], anchor)
    if kind == "year-range":
        return f"{int(groups[0]):04d}/{int(groups[1]):04d}"
    if kind == "year":
        return f"{int(groups[0]):04d}"
    if kind == "century":
        return f"{int(groups[0]) - 1:02d}XX"
    if kind == "last-years":
        years = _COUNT[groups[0]]
        return f"{anchor.year - years:04d}/{anchor.year:04d}"
    if kind == "relative-year":
        return f"{anchor.year + groups[0]:04d}" if written.start.year == anchor.year else ""
    if written.precision != "day":
        return ""
    day = written.start - timedelta(days=1) if kind == "yesterday" else written.start
    return day.isoformat()


def _quote(words: list[Word]) -> str:
    """Return words as written, one space wherever the text had whitespace between them."""
    return "".join(f" {w.written}" if w.spaced else w.written for w in words).strip()


def dates_in(words: list[Word], positions: list[int], written: Span) -> list[Expression]:
    """Return the date expressions among a text's words, trying only `positions` (words that `watches`)."""
    if not positions:
        return []
    t = _Words(words)
    taken = bytearray(len(words))  # 1 where an earlier expression already took the word
    found: list[tuple[int, Expression]] = []
    anchors: dict[int, list[int]] = {}
    for p in positions:
        for k in _kinds(words[p]):
            anchors.setdefault(k, []).append(p)
    for k in sorted(anchors):
        kind, match, need_space = KINDS[k]
        for p in anchors[k]:
            if taken[p]:  # every expression contains its anchor, so one anchored here would overlap
                continue
            hit = match(t, p)
            if hit is None:
                continue
            start, end, groups = hit
            if need_space and not all(t.spaced(i) or i in t.joints for i in range(start + 1, end)):
                continue
            if t.glued(start) or t.glued(end) or any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, Expression(_quote(words[start:end]), kind, _resolve(kind, groups, written))))
    return [e for _, e in sorted(found, key=lambda item: item[0])]


def find_dates(text: str, written: str) -> list[Expression]:
    """Return the date expressions in `text` (in order), resolved against `written`, the EDTF date of writing."""
    words = VOCABULARY.read(text)
    positions = [i for i, w in enumerate(words) if watches(w)]
    return dates_in(words, positions, parse_date(written))


def date_expressions(paragraphs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return every date expression in the article text with its document, paragraph, kind and resolution."""
    written = dict(zip(catalogue["id"], catalogue["date_iso"], strict=True))
    rows = [
        (doc, int(number), e.text, e.kind, e.resolved)
        for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True)
        for e in find_dates(text, written[doc])
    ]
    return pd.DataFrame(rows, columns=["doc", "paragraph", "expression", "kind", "resolved"])
