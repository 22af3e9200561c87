"""Tell a page's article text from its site furniture (menus, datelines, share links, comment forms, ads).

Every non-blank line of a seed is either the headline, a body paragraph, or furniture with a reason.
The rules are general (they look at the shape of a line, not at one site), and each is listed in REASONS.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from natoar.text.letters import has_arabic, normalise
from natoar.text.months import ENGLISH_MONTHS, WEEKDAYS, month_words
from natoar.text.tokens import words as text_words

HEADER_LINES = 12
SHINGLE = 6
PULL_QUOTE_SHARE = 0.5
# A word 6-gram that recurs in more paragraphs than this is formulaic, not a pull quote's echo; skipping it keeps
# the check linear on long, repetitive documents.
MAX_SHINGLE_OWNERS = 8

# Words a dateline may hold besides digits and separators: month and weekday names, morning and evening, and
# the English month names NATO's Arabic pages print ('• 29 Jun. 2004 -'; matched in lower case).
DATELINE_WORDS = [normalise(w) for w in (*month_words(), *WEEKDAYS, "صباحا", "مساء")]
DATELINE_WORDS += sorted({w for names in ENGLISH_MONTHS.values() for w in names}, key=len, reverse=True)
_SEPARATORS = r"[\s\d٠-٩/:.,،\-–—|•]*"
_DATELINE = re.compile(rf"^{_SEPARATORS}(?:(?:" + "|".join(map(re.escape, DATELINE_WORDS)) + rf"){_SEPARATORS})+$")
# A date in numbers alone: '24 - 04 - 2024', '2006/11/17'.
_NUMERIC_DATELINE = re.compile(r"^[\s|•]*\d{1,4}\s*([/\-])\s*\d{1,2}\s*\1\s*\d{1,4}[\s|•\-–—]*$")
_BOILERPLATE = {
    "advertisement label": re.compile(r"^(?:اعلان|إعلان|مساحة إعلانية)$"),
    "share link": re.compile(r"^(?:رابط مختصر|شارك(?:وا)? (?:المقال|الخبر)|مشاركة)$"),
    "update stamp": re.compile(r"آخر تحديث"),
    "source label with no source": re.compile(r"^:?\s*المصدر\s*:?$"),
}
_COMMENTS_START = re.compile(r"^(?:اترك تعليق|أضف تعليق|اترك تعليقا|شروط التعليق|التعليقات)")

REASONS = {
    "no Arabic text": "a line with no Arabic letter: a menu label, photo caption, date stamp or separator",
    "hashtags": "a line made mostly of #hashtags",
    "dateline": "a line made only of a date or time",
    "outlet name": "the outlet's name on a line of its own",
    "page header": "a line between the first and the last copy of the headline at the top of the page",
    "repeated headline": "the headline printed again",
    "repeated line": "a line identical to an earlier one",
    "pull quote": "a shorter line whose wording largely repeats a body paragraph",
    "comment section": "the comment form and comment policy, and everything after it",
    **{name: f"a {name}" for name in _BOILERPLATE},
}


@dataclass(frozen=True)
class Line:
    """One non-blank line of a seed: its line number, text, and role (headline, body or furniture)."""

    number: int
    text: str
    role: str
    reason: str = ""


def is_dateline(key: str) -> bool:
    """Return True if a normalised line is made only of a date or time, in Arabic or English month names or in
    numbers alone."""
    return bool(_DATELINE.match(key.lower()) or _NUMERIC_DATELINE.match(key))


def _shape_reason(text: str, outlet_ar: str, key: str) -> str:
    """Return the furniture reason a line's own shape gives, or '' if it looks like article text; `key` is the
    line normalised, and `outlet_ar` the outlet's name normalised. A dateline with no Arabic letter ('• 15 Feb.
    2011 -') keeps the reason 'no Arabic text', which is checked first; `dateline_of` still reads it."""
    if not has_arabic(text):
        return "no Arabic text"
    words = text.split()
    if sum(w.startswith("#") for w in words) * 2 >= len(words):
        return "hashtags"
    if is_dateline(key):
        return "dateline"
    if outlet_ar and key == outlet_ar:
        return "outlet name"
    for name, pattern in _BOILERPLATE.items():
        if pattern.search(text):
            return name
    return ""


def dateline_of(line: Line) -> str:
    """Return the date a furniture line prints as the page's date, as written, or '': the whole line if it is made
    only of a date (`is_dateline`), or what comes before an update stamp (the date of publication; the stamp's own
    date is that of the last change)."""
    if line.reason not in ("dateline", "no Arabic text", "update stamp"):
        return ""
    text = line.text
    if line.reason == "update stamp":
        text = text[: _BOILERPLATE["update stamp"].search(text).start()]
    return text.strip() if is_dateline(normalise(text)) else ""


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text_words(text)
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _mark_pull_quotes(lines: list[Line]) -> list[Line]:
    """Return `lines` with body lines that repeat most of a longer body paragraph marked as pull quotes."""
    body = [i for i, line in enumerate(lines) if line.role == "body"]
    grams = {i: _shingles(lines[i].text) for i in body}
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i in body:
        for gram in grams[i]:
            owners[gram].add(i)
    out = list(lines)
    for i in body:
        if not grams[i]:
            continue
        shared: dict[int, int] = defaultdict(int)
        for gram in grams[i]:
            if len(owners[gram]) > MAX_SHINGLE_OWNERS:
                continue
            for j in owners[gram] - {i}:
                shared[j] += 1
        for j, count in sorted(shared.items()):
            longer = len(lines[j].text) > len(lines[i].text)
            if longer and count >= PULL_QUOTE_SHARE * len(grams[i]):
                out[i] = Line(lines[i].number, lines[i].text, "furniture", "pull quote")
                break
    return out


def classify_lines(text: str, title_ar: str, outlet_ar: str = "") -> list[Line]:
    """Return every non-blank line of `text` as headline, body or furniture (with the reason)."""
    raw = [(n, t.strip()) for n, t in enumerate(text.splitlines(), start=1) if t.strip()]
    title, outlet = normalise(title_ar.strip()), normalise(outlet_ar)
    head = [k for k, (_, t) in enumerate(raw[:HEADER_LINES]) if normalise(t) == title]
    first, last = (head[0], head[-1]) if head else (-1, -1)
    lines: list[Line] = []
    seen: set[str] = set()
    in_comments = False
    for k, (number, line) in enumerate(raw):
        key = normalise(line)
        in_comments = in_comments or bool(_COMMENTS_START.match(line))
        if k == first:
            role, reason = "headline", ""
        elif in_comments:
            role, reason = "furniture", "comment section"
        elif key == title:
            role, reason = "furniture", "repeated headline"
        elif reason := _shape_reason(line, outlet, key):
            role = "furniture"
        elif first < k < last:
            role, reason = "furniture", "page header"
        elif key in seen:
            role, reason = "furniture", "repeated line"
        else:
            role, reason = "body", ""
        seen.add(key)
        lines.append(Line(number, line, role, reason))
    return _mark_pull_quotes(lines)
