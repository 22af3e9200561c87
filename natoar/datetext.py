"""Date expressions in Arabic text, and their resolution against the document's date of writing.

Month names come in their Egyptian/Mashriqi (سبتمبر), Moroccan (شتنبر), Algerian-Tunisian (جوان) and Levantine
(أيلول) forms. Resolution follows the text: a month with no year is the latest such month on or before the
document's date; 'last October' (أكتوبر الماضي) likewise; a day and month with no year stay unresolved in
year; 'the last three years' counts back from the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from .arabic import normalise
from .dates import Span, parse_date

MONTHS = {
    1: ("يناير", "جانفي", "كانون الثاني"),
    2: ("فبراير", "فيفري", "شباط"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "ابريل", "أفريل", "نيسان"),
    5: ("مايو", "ماي", "أيار"),
    6: ("يونيو", "يونيه", "جوان", "حزيران"),
    7: ("يوليو", "يوليه", "يوليوز", "جويلية", "تموز"),
    8: ("أغسطس", "غشت", "أوت", "آب"),
    9: ("سبتمبر", "شتنبر", "أيلول"),
    10: ("أكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني"),
    12: ("ديسمبر", "دجنبر", "كانون الأول"),
}
_MONTH_OF = {normalise(name): number for number, names in MONTHS.items() for name in names}
_MONTH = "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True))
_COUNT = {"الثلاث": 3, "الثلاثة": 3, "الخمس": 5, "العشر": 10, "العشرين": 20, "الاربع": 4, "العشرة": 10}
_P = r"(?<!\w)[وفب]?(?:في\s+)?"

PATTERNS = [
    ("day-month-year", re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?({_MONTH})\s+(\d{{4}})(?!\d)")),
    ("month-year", re.compile(rf"(?<!\w)[وفب]?({_MONTH})\s+(?:من\s+)?(?:عام\s+|سنة\s+)?(\d{{4}})(?!\d)")),
    ("last-month", re.compile(rf"(?<!\w)[وفب]?({_MONTH})\s+الماضي(?!\w)")),
    ("day-month", re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})(?!\w)(?!\s+\d)")),
    ("month", re.compile(rf"(?<=\s)(?:في\s+)({_MONTH})(?!\w)(?!\s+(?:\d|الماضي))")),
    ("year-range", re.compile(r"(?<!\d)((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)(?!\d)")),
    ("year", re.compile(r"(?<![\d-])((?:17|18|19|20)\d\d)(?![\d-])")),
    ("century", re.compile(r"القرن\s+(?:ال)?\s*(\d{1,2})(?!\d)")),
    (
        "last-years",
        re.compile(
            r"(?<!\w)(?:(?:ال)?سنوات\s+("
            + "|".join(_COUNT)
            + r")\s+الاخير[هة]?|("
            + "|".join(_COUNT)
            + r")\s+سن[هة]\s+الاخير[هة]?)"
        ),
    ),
    ("yesterday", re.compile(r"(?<!\w)[و]?امس(?!\w)")),
    ("today", re.compile(r"(?<!\w)[و]?اليوم(?!\w)(?!\s+(?:ال)?(?:اول|ثاني|ثالث|رابع|اخير))")),
]


@dataclass(frozen=True)
class Expression:
    """A date expression found in a text, with its kind and its resolution (EDTF, or '' if unresolved)."""

    text: str
    kind: str
    resolved: str


def _latest_month(month: int, before: date) -> str:
    year = before.year if month <= before.month else before.year - 1
    return f"{year:04d}-{month:02d}"


def _resolve(kind: str, groups: tuple[str | None, ...], written: Span) -> str:
    anchor = written.end
    if kind == "day-month-year":
        return f"{int(groups[2]):04d}-{_MONTH_OF[groups[1]]:02d}-{int(groups[0]):02d}"
    if kind == "month-year":
        return f"{int(groups[1]):04d}-{_MONTH_OF[groups[0]]:02d}"
    if kind == "last-month":
        month = _MONTH_OF[groups[0]]
        previous = anchor.replace(day=1) - timedelta(days=1) if month == anchor.month else anchor
        return _latest_month(month, previous)
    if kind == "day-month":
        return ""
    if kind == "month":
        return _latest_month(_MONTH_OF[groups[0]], anchor)
    if kind == "year-range":
        return f"{groups[0]}/{groups[1]}"
    if kind == "year":
        return groups[0]
    if kind == "century":
        return f"{int(groups[0]) - 1:02d}XX"
    if kind == "last-years":
        years = _COUNT[groups[0] or groups[1]]
        return f"{anchor.year - years:04d}/{anchor.year:04d}"
    if written.precision != "day":
        return ""
    day = written.start - timedelta(days=1) if kind == "yesterday" else written.start
    return day.isoformat()


def find_dates(text: str, written: str) -> list[Expression]:
    """Return the date expressions in `text` (in order), resolved against `written`, the EDTF date of writing."""
    norm = normalise(text)
    span = parse_date(written)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Expression]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(norm):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            groups = tuple(g for g in match.groups())
            found.append((match.start(), Expression(match.group().strip(), kind, _resolve(kind, groups, span))))
    return [e for _, e in sorted(found, key=lambda item: item[0])]


def date_expressions(paragraphs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return every date expression in the article text with its document, paragraph, kind and resolution."""
    written = dict(zip(catalogue["id"], catalogue["date_iso"], strict=True))
    rows = [
        (doc, int(number), e.text, e.kind, e.resolved)
        for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True)
        for e in find_dates(text, written[doc])
    ]
    return pd.DataFrame(rows, columns=["doc", "paragraph", "expression", "kind", "resolved"])
