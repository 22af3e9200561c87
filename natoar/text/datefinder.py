"""Date expressions in Arabic text, and their resolution against the document's date of writing.

Month names are those of `months`, in all their regional forms. Resolution follows the text: a month with no
year is the latest such month on or before the document's date; 'last October' (أكتوبر الماضي) likewise;
'next June' (يونيو المقبل) is the first such month after it; a day and month with no year stay unresolved in
year; 'the last three years' counts back from the document's date, and 'four years ago' (قبل أربعة أعوام) is
a year before it. Dates in numbers (2006/11/17, 17/11/2006) are read year first or year last; where the day and
the month could be swapped, only the year is kept. English month names are read with a day or a year, as NATO's
Arabic pages print their datelines ('29 Jun. 2004'). A four-digit number is a year only where it can be one (see
FIRST_YEAR).

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
from natoar.text.months import ENGLISH_MONTHS, MONTHS, TODAY, YESTERDAY
from natoar.text.phrases import form_words
from natoar.text.proclitics import BEFORE_A_MONTH, time_adverb_forms, with_conjunctions
from natoar.text.tokens import VOCABULARY, Word, is_word

_MONTH_OF = {form_words(name): number for number, names in MONTHS.items() for name in names}
_MONTH_FIRST = {words[0] for words in _MONTH_OF}
_ENGLISH_MONTH_OF = {name: number for number, names in ENGLISH_MONTHS.items() for name in names}
# A four-digit number after a month name is as often a count as a year ('في مارس 4500 جندي': 4500 soldiers, in
# March). It is read as a year only from FIRST_YEAR (the texts give older dates as centuries) to LAST_YEAR, and at
# most FUTURE_YEARS after the date of writing: a month named in a plan lies within a decade; a count of thousands
# of soldiers or dollars usually does not.
FIRST_YEAR, LAST_YEAR, FUTURE_YEARS = 1800, 2100, 10
_COUNT = {"الثلاث": 3, "الثلاثة": 3, "الخمس": 5, "العشر": 10, "العشرين": 20, "الاربع": 4, "العشرة": 10}
_YEARS = ("سنوات", "السنوات")
_YEAR = ("سنة", "سنه")
_ORDINAL_DAY = re.compile(r"(?:ال)?(?:اول|ثاني|ثالث|رابع|اخير)")
_DASHES = ("-", "\u2013", "\u2014")
_YESTERDAY = tuple(time_adverb_forms(YESTERDAY))
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
# 'N years ago': قبل, then a count of years (عام, عامين, أربعة أعوام, ثلاث سنوات, 10 سنوات, عشرين عاما).
_AGO = tuple(with_conjunctions(("قبل",)))
_ONE_YEAR = ("عام", "سنة", "سنه")
_TWO_YEARS = ("عامين", "عامان", "سنتين", "سنتان")
_PLURAL_YEARS = ("اعوام", "سنوات", "سنين")  # after 3 to 10
_SINGULAR_YEARS = ("عاما", "سنة", "سنه")  # after 11 and more
_TENS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10}
_CARDINALS = {
    **{form: n for word, n in _TENS.items() for form in (word, word + "ة", word + "ه")},
    "ثمان": 8,
    "عشرين": 20,
    "ثلاثين": 30,
}
# Three numbers joined by one separator, the year first or last: 2006/11/17, 17/11/2006, 24 - 04 - 2024.
_NUMERIC_SEPARATORS = ("/", "-")


class Expression(NamedTuple):
    """A date expression found in a text, with its kind and its resolution (EDTF, or '' if unresolved)."""

    text: str
    kind: str
    resolved: str


class _Words:
    """A text's words, read safely past either end."""

    def __init__(self, words: list[Word], latest_year: int = LAST_YEAR) -> None:
        self.words, self.size = words, len(words)
        self.latest_year = latest_year  # the last year a four-digit number may name
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

    def month(self, i: int, proclitic: bool, english: bool = False) -> tuple[int, int] | None:
        """Return (month number, words used) if a month name starts at word i; a pair of names for the same month
        (two names of one month joined by a slash) is read as one. With `english`, an English month name or its
        abbreviation ('Jun.') is read too."""
        if english and (found := self._english_month(i)):
            return found
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

    def _english_month(self, i: int) -> tuple[int, int] | None:
        """Return (month number, words used) for an English month name at word i, with the full stop of an
        abbreviation glued to it."""
        number = _ENGLISH_MONTH_OF.get(self(i).lower())
        if number is None:
            return None
        if self(i + 1) == "." and not self.spaced(i + 1):
            self.joints.add(i + 1)
            return number, 2
        return number, 1

    def year(self, i: int) -> bool:
        """True if word i is four digits that can name a year (see FIRST_YEAR)."""
        word = self(i)
        return len(word) == 4 and word.isdigit() and FIRST_YEAR <= int(word) <= self.latest_year

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
    month = t.month(j, proclitic=False, english=True)
    if month and t.year(j + month[1]):
        return p, j + month[1] + 1, (day[0], month[0], t(j + month[1]))
    return None


def _month_year(t: _Words, p: int) -> Match | None:
    month = t.month(p, proclitic=True, english=True)
    if not month:
        return None
    j = p + month[1]
    j += t(j) == "من"
    j += t(j) in ("عام", "سنة")
    if t.year(j):
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
    if not t.year(p):
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


def _year_count(t: _Words, i: int) -> tuple[int, int]:
    """Return (years, the word after them) for a count of years at word i (عام, عامين, أربعة أعوام, 10 سنوات,
    عشرين عاما), or (0, i)."""
    word, noun = t(i), t(i + 1)
    if word in _ONE_YEAR:
        return 1, i + 1
    if word in _TWO_YEARS:
        return 2, i + 1
    number = int(word) if word.isdigit() and len(word) <= 3 else _CARDINALS.get(word, 0)
    if (3 <= number <= 10 and noun in _PLURAL_YEARS) or (number > 10 and noun in _SINGULAR_YEARS):
        return number, i + 2
    return 0, i


def _years_ago(t: _Words, p: int) -> Match | None:
    """'قبل أربعة أعوام' (four years ago); not 'قبل عامين من' (two years before something) nor 'قبل عام 2004'."""
    if t(p) not in _AGO:
        return None
    years, end = _year_count(t, p + 1)
    if not years or t(end) == "من" or (t.spaced(end) and t(end).isdigit()):
        return None
    return p, end, (years,)


def _numeric_date(t: _Words, p: int) -> Match | None:
    """'2006/11/17', '17/11/2006', '24 - 04 - 2024': return (year, month, day), the day and the month both kept
    when the day comes first and either could be the month."""
    separator = t(p + 1)
    if separator not in _NUMERIC_SEPARATORS or t(p + 3) != separator:
        return None
    if (t(p - 1) == separator and t(p - 2).isdigit()) or (t(p + 5) == separator and t(p + 6).isdigit()):
        return None  # part of a longer run of numbers
    first, middle, last = t(p), t(p + 2), t(p + 4)
    if t.year(p) and t.day(p + 2) and t.day(p + 4):
        readings = [(int(first), int(middle), int(last))]
    elif t.day(p) and t.day(p + 2) and t.year(p + 4):
        readings = [(int(last), int(middle), int(first)), (int(last), int(first), int(middle))]
    else:
        return None
    valid = list(dict.fromkeys(r for r in readings if _valid_date(*r)))
    return (p, p + 5, (valid[0] if len(valid) == 1 else (valid[0][0],),)) if valid else None


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _relative_year(t: _Words, p: int) -> Match | None:
    if t(p) not in _YEAR_NOUNS:
        return None
    if t(p + 1) in _RELATIVE_YEAR:
        return p, p + 2, (_RELATIVE_YEAR[t(p + 1)],)
    if t(p - 1) in _THIS:
        return p - 1, p + 1, (0,)
    return None


def _yesterday(t: _Words, p: int) -> Match | None:
    if t(p) not in _YESTERDAY or (t(p).endswith("بالامس") and t(p + 1) == "القريب"):
        return None  # بالأمس القريب is 'in the recent past'
    return p, p + 1, ()


def _today(t: _Words, p: int) -> Match | None:
    if t(p) not in _TODAY or (t.spaced(p + 1) and _ORDINAL_DAY.match(t(p + 1))):
        return None
    return p, p + 1, ()


# In order of precedence. `spaced`: every word after the first must follow whitespace.
KINDS = [
    ("numeric-date", _numeric_date, False),
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
    ("years-ago", _years_ago, True),
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
        names += ["numeric-date", "day-month-year", "day-month"] if len(word) <= 2 else []
        names += ["numeric-date", "year-range", "year"] if len(word) == 4 else []
    if word in _ORDINAL_FIRST:
        names += ["day-month-year", "day-month"]
    if word in _MONTH_FIRST:
        names += ["month-year", "last-month", "next-month", "month"]
    elif word[:1] in BEFORE_A_MONTH and word[1:] in _MONTH_FIRST:
        names += ["month-year", "last-month", "next-month"]
    elif word.lower() in _ENGLISH_MONTH_OF:
        names += ["month-year"]
    names += ["century"] if word.endswith("القرن") else []
    names += ["last-years"] if word in _YEARS or word in _COUNT else []
    names += ["relative-year"] if word in _YEAR_NOUNS else []
    names += ["years-ago"] if word in _AGO else []
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
    if kind == "numeric-date":
        return "-".join(f"{n:0{4 if k == 0 else 2}d}" for k, n in enumerate(groups[0]))
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
    if kind in ("relative-year", "years-ago"):
        offset = groups[0] if kind == "relative-year" else -groups[0]
        return f"{anchor.year + offset:04d}" if written.start.year == anchor.year else ""
    if kind == "today" and written.precision in ("month", "year"):
        # 'today' in a text written in June 2008 is a day of June 2008
        return written.start.isoformat()[: 7 if written.precision == "month" else 4]
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
    t = _Words(words, min(LAST_YEAR, written.end.year + FUTURE_YEARS))
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
