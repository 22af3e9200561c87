"""Add a source document to the book: `make add-source FILE=article.txt [OUTLET=...] [GENRE=...]`, or
`python -m natoar.sources.add article.txt [--outlet ...] [--outlet-ar ...] [--genre ...] [--id ...] [--date ...]`.

The options are checked first (GENRE, the form of ID and DATE); then the file, as the book will read it (UTF-8
text without BOM, control or bidi override characters, not empty, article text left once the furniture is removed)
and as an Arabic source (Arabic, not Persian or Urdu, no HTML entities left from the page, not a near copy of a
catalogued seed: `natoar.sources.screening`). It is then copied into seeds/ as
`NNN_<first 16 hex digits of its SHA-256>.txt` (NNN: one more than the highest number there), and given a
catalogue row in data/documents.csv marked `uncurated`, holding what the text lets the machine propose: the
headline, the outlet's Arabic name, the printed date and the span of the dates the text mentions. The fields
only a reader can fill are left empty for a curator.

Nothing is written until the whole input check of the book (`natoar.sources.book.load_book`) passes on a
temporary copy of seeds/ and data/ with the new document in it; then the seed and the catalogue are each written
to a temporary file and renamed into place, the seed removed again if the catalogue cannot be written, so a
refused file, an error or an interrupt leaves seeds/ and data/ as they were (Ctrl-C is held back during those two
writes).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from natoar.sources.book import forget_books, load_book
from natoar.sources.corpus import CATALOGUE, CATALOGUE_TABLE, SEEDS, load_catalogue
from natoar.sources.datapackage import CURATED_FIELDS, DATA, PROPOSED, read_package
from natoar.sources.errors import BookInputError
from natoar.sources.furniture import HEADER_LINES, classify_lines, dateline_of
from natoar.sources.paths import MARKER, project_root
from natoar.sources.plausible import today
from natoar.sources.screening import (
    PERSIAN_URDU_LEAST,
    PERSIAN_URDU_SHARE,
    html_entities,
    persian_urdu_letters,
    repeated_seed,
)
from natoar.sources.textfile import more_in_file, read_text
from natoar.text.datefinder import Expression, find_dates
from natoar.text.dates import parse_date
from natoar.text.letters import has_arabic, normalise

UNCHANGED = "Nothing was written: seeds/ and data/ are unchanged."
ARABIC_SHARE = 0.5  # the least share of a file's letters that must be Arabic
MAX_BYTES = 1_000_000  # an article's text in UTF-8 is far smaller (a 20 MB file took 63 s to add and 2 min to build)
TITLE_WORDS = (4, 30)  # a headline that is not printed twice has this many words (outlet names have fewer)
HEADLINE_WORDS = 20  # a headline printed once and longer than this is flagged as perhaps a paragraph
OUTLET_WORDS = 4  # a line before the headline with at most this many words is proposed as the outlet's name
_SEED_NAME = re.compile(r"^(\d{3})_")
# The kinds of date expression that can be a page's date of writing.
PRINTED_KINDS = ("numeric-date", "day-month-year", "month-year", "year")
_DATE_FORM = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class AddError(BookInputError):
    """A file that cannot be added as it stands, with the reason and what to do."""


@dataclass(frozen=True)
class Found:
    """A date expression in a body paragraph, resolved against the proposed date of writing."""

    paragraph: int
    expression: Expression

    @property
    def precision(self) -> str:
        """The precision of the resolved date ('day', 'month', 'year' ...), or 'unresolved'."""
        return parse_date(self.expression.resolved).precision if self.expression.resolved else "unresolved"


@dataclass(frozen=True)
class Dateline:
    """A date that a line of the page's furniture prints, as written, read as a date (EDTF), with its line number
    and whether it stands above the headline."""

    printed: str
    date: str
    line: int
    above_headline: bool

    def where(self) -> str:
        """Return where the page prints it: 'line 5, below the headline'."""
        return f"line {self.line}, {'above' if self.above_headline else 'below'} the headline"

    def where_ar(self) -> str:
        """Return `where` in Arabic: 'السطر 5، تحت العنوان'."""
        return f"السطر {self.line}، {'فوق' if self.above_headline else 'تحت'} العنوان"


@dataclass(frozen=True)
class Added:
    """What the command wrote: the seed, the catalogue row, the dates it read from the text, and the datelines it
    did not take as the printed date."""

    seed: Path
    row: dict[str, str]
    dates: list[Found]
    other_datelines: list[Dateline] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)  # the report's CHECK lines for a headline or outlet guessed


def guessed_title(text: str, row: dict[str, str], outlet_ar_given: str) -> list[str]:
    """Return a CHECK line for each proposal of the page's top that is a doubtful guess: a headline the page prints
    only once and that is shaped like a paragraph (ending like a sentence, or over HEADLINE_WORDS words), and an
    outlet's name taken from a short line above it, which is often a link or a menu entry."""
    checks = []
    title, key = row["title_ar"], normalise(row["title_ar"])
    printed_once = sum(normalise(line.strip()) == key for line in text.splitlines()) < 2
    # a headline printed once is common; one shaped like a paragraph (ending like a sentence, or long) is suspect
    sentence = title.rstrip().endswith((".", "؟", "!", ":", "،"))
    if printed_once and (sentence or len(title.split()) > HEADLINE_WORDS):
        shape = "it ends like a sentence" if sentence else f"it has more than {HEADLINE_WORDS} words"
        checks.append(f"  CHECK the headline: the page prints it only once and {shape}, so it may be the article's "
                      f"first paragraph; if the page has no headline, write the real one in title_ar of {CATALOGUE} "
                      "now, before any evidence cites a paragraph")
    if row["outlet_ar"] and not outlet_ar_given:
        checks.append(f"  CHECK the outlet's Arabic name: '{row['outlet_ar']}' is a short line above the headline; if "
                      "it is a link or a menu entry (تسجيل, 'sign in'; العدد 163, 'issue 163'), correct outlet_ar in "
                      f"{CATALOGUE} now, before any evidence cites a paragraph")
    return checks


def _fail(path: Path, problem: str, fix: str, where: str = "") -> AddError:
    return AddError(path, problem, fix, where)


def _text(path: Path) -> str:
    """Return the file's text, refusing what the book could not read or would not count as an Arabic article."""
    if not path.is_file():
        raise _fail(path, "the file does not exist", "give the path of the article's text file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _fail(
            path,
            f"the file holds {size / 1e6:.1f} MB, more than any article ({MAX_BYTES // 1_000_000} MB is about 100,000 "
            "Arabic words; the seeds hold under 20 kB each): it is likely a whole site, a dump or a book",
            "save the article's own text; add a long report in parts, one file per chapter",
        )
    text = read_text(path, AddError)
    letters = [c for c in text if c.isalpha()]
    arabic = sum(has_arabic(c) for c in letters)
    if arabic < ARABIC_SHARE * len(letters):
        raise _fail(
            path,
            f"only {arabic} of its {len(letters)} letters are Arabic: the book reads Arabic sources",
            "add the Arabic text of the article (not a translation, nor another page of the site)",
        )
    _refuse_persian_urdu(path, text)
    _refuse_html_entities(path, text)
    return text


def _refuse_persian_urdu(path: Path, text: str) -> None:
    found, letters = persian_urdu_letters(text)
    if found:
        counted = ", ".join(f"{letter} {n}" for letter, n in found.most_common())
        raise _fail(
            path,
            f"{sum(found.values())} of its {letters} Arabic-script letters ({counted}) are letters that Persian or "
            "Urdu write and Arabic does not: the text is Persian or Urdu, and the book reads Arabic sources (an Arabic "
            f"text may name Persian or Urdu words with fewer than {PERSIAN_URDU_LEAST} such letters, or than "
            f"{PERSIAN_URDU_SHARE:.0%} of its letters)",
            "add the article's Arabic text; a Persian or Urdu version of it is not a source of this book",
        )


def _refuse_html_entities(path: Path, text: str) -> None:
    found = html_entities(text)
    if found:
        first = found[0]
        more = more_in_file(len(found))
        raise _fail(
            path,
            f"'{first.written}' is an HTML entity for '{first.meaning}' left from the web page{more}; the book would "
            "read it as a word of the text",
            "copy the text again from the page as the browser shows it, or replace each entity by its character "
            "(&quot; or quot; by \", &amp; or amp; by &, &nbsp; or nbsp; by a space, &#1589; by ص)",
            where=f"line {first.line}",
        )


def _refuse_near_copy(root: Path, path: Path, text: str, catalogue: pd.DataFrame) -> None:
    rows = zip(catalogue["id"], catalogue["file"], strict=True)
    seeds = ((doc_id, read_text(root / SEEDS / file)) for doc_id, file in rows)
    found = repeated_seed(text, seeds)
    if found:
        doc_id, same, compared = found
        file = catalogue.loc[catalogue["id"] == doc_id, "file"].iloc[0]
        raise _fail(
            path,
            f"{same} of its {compared} paragraphs are already in '{doc_id}' (seeds/{file}) once white space is "
            "collapsed and letter variants folded: it is a copy of that document",
            f"nothing to add; to correct '{doc_id}', edit its seed and its row in {CATALOGUE}",
        )


def _propose_title(text: str, outlet_ar: str) -> tuple[str, str]:
    """Return (headline, outlet's Arabic name) proposed from the top of the page.

    The headline is the first line that the page prints twice near its top, else the first line of article
    shape with TITLE_WORDS words; a short line before it is the outlet's name, unless `outlet_ar` gives one."""
    top = [line for line in classify_lines(text, "", outlet_ar)[:HEADER_LINES] if line.reason in ("", "repeated line")]
    keys = [normalise(line.text) for line in top]
    title = next((line for line, key in zip(top, keys, strict=True) if keys.count(key) > 1), None)
    if title is None:
        low, high = TITLE_WORDS
        title = next((line for line in top if low <= len(line.text.split()) <= high), None)
    if title is None:
        return "", outlet_ar
    before = [line for line in top if line.number < title.number and len(line.text.split()) <= OUTLET_WORDS]
    return title.text, outlet_ar or (before[0].text if before else "")


def _datelines(text: str, title: str, outlet_ar: str) -> list[Dateline]:
    """Return every date the page's furniture prints as a dateline, in order, leaving out dates after `today`:
    no page is written after the day it is added."""
    lines = classify_lines(text, title, outlet_ar)
    headline = next((line.number for line in lines if line.role == "headline"), 0)
    latest = today()
    found = []
    for line in lines:
        dates = [e for e in find_dates(dateline_of(line), latest.isoformat()) if e.kind in PRINTED_KINDS]
        if dates and dates[0].resolved and parse_date(dates[0].resolved).start <= latest:
            found.append(Dateline(dates[0].text, dates[0].resolved, line.number, line.number < headline))
    return found


def _printed_date(text: str, title: str, outlet_ar: str) -> tuple[Dateline | None, list[Dateline]]:
    """Return the page's printed date and the other datelines it prints. The printed date is the first dateline
    below the headline (a date above it is often the site's banner, the day the page was viewed), else the last
    one above it."""
    datelines = _datelines(text, title, outlet_ar)
    below = [d for d in datelines if not d.above_headline]
    chosen = below[0] if below else datelines[-1] if datelines else None
    return chosen, [d for d in datelines if d is not chosen]


def _body_dates(text: str, title: str, outlet_ar: str, written: str) -> list[Found]:
    body = [line for line in classify_lines(text, title, outlet_ar) if line.role == "body"]
    return [Found(number, e) for number, line in enumerate(body, 1) for e in find_dates(line.text, written)]


def _span(dates: list[Found], written: str) -> tuple[str, str]:
    """Return (events_from, events_to): the earliest and the latest resolved date the text mentions."""
    ends = [
        (part, parse_date(part)) for f in dates if f.expression.resolved for part in f.expression.resolved.split("/")
    ]
    if not ends:
        return written, written
    first = min(ends, key=lambda item: (item[1].start, item[1].end))[0]
    last = max(ends, key=lambda item: (item[1].end, item[1].start))[0]
    return first, last


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _propose_id(outlet: str, written: str, taken: set[str]) -> str:
    base = f"{_slug(outlet) or 'source'}-{parse_date(written).start.year}"
    candidates = [base, *(f"{base}-{n}" for n in range(2, len(taken) + 3))]
    return next(c for c in candidates if c not in taken)


def _seed_name(root: Path, sha256: str) -> str:
    numbers = [int(m[1]) for p in (root / SEEDS).glob("*.txt") if (m := _SEED_NAME.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{sha256[:16]}.txt"


def _date_basis(written: str, printed: Dateline | None) -> str:
    """Return how the proposed date of writing was reached: the printed date, or a date given from outside the
    text (DATE=), which a curator traces to its source in date_outside."""
    return "printed" if printed and written == printed.date else "outside"


def _date_notes(printed: Dateline | None, others: list[Dateline], date: str) -> tuple[str, str]:
    """Return the proposed date notes, in English and in Arabic, that a curator rewrites."""
    if date and not (printed and date == printed.date):
        source = (f"{date}, from outside the text: given to make add-source as DATE={date}; a curator names where "
                  "it comes from in date_outside")
        source_ar = (f"{date}، من خارج النص: أُعطي للأمر make add-source بالصيغة DATE={date}؛ ويسمّي المدقِّق مصدره في "
                     "date_outside")
    else:
        source = f"the dateline '{printed.printed}' (line {printed.line} of the seed) read as {printed.date}"
        source_ar = f"سطر التاريخ «{printed.printed}» (السطر {printed.line} من المصدر) مقروءًا على أنه {printed.date}"
    also = "".join(f" The page also prints '{d.printed}' ({d.where()})." for d in others)
    also_ar = "".join(f" وتطبع الصفحة أيضًا «{d.printed}» ({d.where_ar()})." for d in others)
    return (
        f"{PROPOSED['date_note']}: the date of writing is {source}.{also} The span of events runs "
        "from the earliest to the latest date the text mentions. A curator checks both against the text and "
        "rewrites this note.",
        f"{PROPOSED['date_note_ar']}: تاريخ الكتابة هو {source_ar}.{also_ar} ويمتد مدى الأحداث من أقدم تاريخ يذكره "
        "النص إلى أحدثه. يراجع المدقِّق كليهما مقابل النص ويعيد كتابة هذه الملاحظة.",
    )


def check_options(root: Path, path: Path, *, genre: str, doc_id: str, date: str) -> None:
    """Refuse a GENRE, ID or DATE given on the command line that the catalogue would not take, before any work."""
    columns = {c.name: c for c in read_package(root).table(CATALOGUE_TABLE).columns}
    genres = columns["genre"].choices
    if genre and genre not in genres:
        raise _fail(path, f"GENRE '{genre}' is not a genre of the catalogue", f"use one of {', '.join(genres)}")
    if doc_id and not re.fullmatch(columns["id"].pattern, doc_id):
        raise _fail(
            path,
            f"ID (--id) '{doc_id}' is not a document id: lower-case Latin letters and digits, in parts joined by '-'",
            "give an id like jordan-2008, or leave ID out to have one proposed from the outlet and the year",
        )
    if date:
        _check_date(path, date)


def _check_date(path: Path, date: str) -> None:
    if any(c.isspace() for c in date):
        fix = f"give the date alone, '{''.join(date.split())}'"
        raise _fail(path, f"DATE (--date) '{date}' holds white space", fix)
    if not _DATE_FORM.fullmatch(date):
        raise _fail(
            path,
            f"DATE (--date) '{date}' is not written as YYYY-MM-DD, YYYY-MM or YYYY",
            "write the year first, then the month and the day, e.g. 2015-03-12 for 12 March 2015",
        )
    try:
        parse_date(date)
    except ValueError as err:
        raise _fail(path, f"DATE (--date) {err}", "give a date of the calendar, e.g. 2015-03-12") from None


def propose_row(
    root: Path, path: Path, text: str, *, outlet: str, outlet_ar: str, genre: str, doc_id: str, date: str
) -> tuple[dict[str, str], list[Found], list[Dateline]]:
    """Return the catalogue row the command proposes for the file, the dates found in its article text, and the
    datelines it prints besides the one taken as the printed date."""
    catalogue = load_catalogue(root)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    same = catalogue[catalogue["sha256"] == sha256]
    if not same.empty:
        raise _fail(
            path,
            f"the catalogue already holds these bytes as '{same['id'].iloc[0]}' (seeds/{same['file'].iloc[0]})",
            "nothing to add; to correct that document, edit its row in data/documents.csv",
        )
    _refuse_near_copy(root, path, text, catalogue)
    title, outlet_ar = _propose_title(text, outlet_ar)
    if not title:
        raise _fail(
            path,
            "no line near the top of the page looks like a headline (printed twice, or of "
            f"{TITLE_WORDS[0]} to {TITLE_WORDS[1]} words)",
            "check that the file starts with the article's headline; put it on a line of its own",
        )
    printed, others = _printed_date(text, title, outlet_ar)
    if date and printed and date != printed.date and parse_date(date).overlaps(parse_date(printed.date)):
        raise _fail(
            path,
            f"DATE (--date) '{date}' takes in the date the page prints, {printed.date} ('{printed.printed}'), "
            "without being it",
            "leave DATE out to take the printed date, or give a date that excludes it",
        )
    written = date or (printed.date if printed else "")
    if not written:
        found = sorted(
            {e.resolved for e in find_dates(text, today().isoformat()) if e.kind in PRINTED_KINDS[:2] and e.resolved}
        )
        hint = f" (the text mentions {', '.join(found)})" if found else ""
        raise _fail(
            path,
            f"the page prints no date the date finder can read{hint}",
            "give the date of writing: make add-source FILE=... DATE=YYYY-MM-DD (or YYYY-MM, YYYY)",
        )
    dates = _body_dates(text, title, outlet_ar, written)
    events_from, events_to = _span(dates, written)
    if doc_id and doc_id in set(catalogue["id"]):
        raise _fail(path, f"ID '{doc_id}' is already a document of the catalogue", "choose another ID")
    row = {
        "id": doc_id or _propose_id(outlet, written, set(catalogue["id"])),
        "file": _seed_name(root, sha256),
        "sha256": sha256,
        "outlet": outlet,
        "outlet_ar": outlet_ar,
        "title_ar": title,
        "genre": genre,
        "date_printed": printed.printed if printed else "",
        "date_printed_iso": printed.date if printed else "",
        "date_iso": written,
        "date_basis": _date_basis(written, printed),
        "date_outside": "",
        **dict(zip(("date_note", "date_note_ar"), _date_notes(printed, others, date), strict=True)),
        "events_from": events_from,
        "events_to": events_to,
        "curation": "uncurated",
    }
    return row, dates, others


def _csv_row(header: list[str], row: dict[str, str]) -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=header, lineterminator="\n", restval="").writerow(row)
    return out.getvalue()


def _catalogue_with(root: Path, row: dict[str, str]) -> str:
    """Return the catalogue's text with `row` appended (the existing rows byte for byte)."""
    old = read_text(root / CATALOGUE)
    header = next(csv.reader(io.StringIO(old)))
    return old + ("" if old.endswith("\n") else "\n") + _csv_row(header, row)


def _check_staged(root: Path, path: Path, row: dict[str, str], catalogue: str) -> None:
    """Run the book's input check on a temporary copy of seeds/ and data/ holding the new document."""
    with tempfile.TemporaryDirectory(prefix="natoar-add-") as folder:
        stage = Path(folder)
        shutil.copy(root / MARKER, stage / MARKER)
        shutil.copytree(root / SEEDS, stage / SEEDS)
        shutil.copytree(root / DATA, stage / DATA)
        (stage / SEEDS / row["file"]).write_bytes(path.read_bytes())
        (stage / CATALOGUE).write_text(catalogue, encoding="utf-8")
        try:
            load_book(stage)
        except BookInputError as err:
            forget_books()
            if Path(err.path) == stage / SEEDS / row["file"]:
                raise AddError(path, err.problem, err.fix, err.where) from None
            where = ", ".join(filter(None, [err.where, f"with the new document as '{row['id']}'"]))
            raise AddError(err.path.replace(str(stage), str(root)), err.problem, err.fix, where) from None
        forget_books()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path` and rename it into place, with `path`'s permissions (or the
    usual ones for a new file)."""
    umask = os.umask(0)
    os.umask(umask)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _interrupt_deferred() -> Iterator[None]:
    """Hold back Ctrl-C while the seed and the catalogue row are written, so that both are written or neither;
    the interrupt is raised once they are."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _written_state(root: Path) -> tuple[bytes, list[str]]:
    """What an add changes: the catalogue's bytes and the names in seeds/."""
    return (root / CATALOGUE).read_bytes(), sorted(p.name for p in (root / SEEDS).iterdir())


def add_source(
    file: Path | str,
    root: Path | None = None,
    *,
    outlet: str = "",
    outlet_ar: str = "",
    genre: str = "",
    doc_id: str = "",
    date: str = "",
) -> Added:
    """Check `file`, copy it into seeds/ and append its uncurated catalogue row; raise AddError if it is refused."""
    root = project_root(root)
    path = Path(file)
    check_options(root, path, genre=genre, doc_id=doc_id, date=date)
    text = _text(path)
    row, dates, others = propose_row(
        root, path, text, outlet=outlet.strip(), outlet_ar=outlet_ar.strip(), genre=genre, doc_id=doc_id, date=date
    )
    catalogue = _catalogue_with(root, row)
    _check_staged(root, path, row, catalogue)
    seed = root / SEEDS / row["file"]
    with _interrupt_deferred():
        _write_atomically(seed, path.read_bytes())
        try:
            _write_atomically(root / CATALOGUE, catalogue.encode("utf-8"))
        except BaseException:
            seed.unlink(missing_ok=True)
            raise
    forget_books()
    return Added(seed, row, dates, others, guessed_title(text, row, outlet_ar.strip()))


def remaining_fields(row: dict[str, str]) -> list[str]:
    """Return the catalogue fields a curator must still fill in `row`."""
    return [name for name in CURATED_FIELDS if not row.get(name)]


def _other_datelines(others: list[Dateline]) -> list[str]:
    """Return the report's lines for the datelines not taken as the printed date, flagging the choice."""
    if not others:
        return []
    return [
        "  CHECK the printed date: the page prints other datelines (the one taken is the first below the headline,"
        " else the last above it):",
        *(f"    {d.printed} -> {d.date} ({d.where()})" for d in others),
    ]


def report(added: Added, root: Path) -> str:
    """Return what the command did and what remains for a curator, as lines of text."""
    row = added.row
    lines = [
        f"added {added.seed.relative_to(root)} as '{row['id']}' (uncurated), row appended to {CATALOGUE}",
        f"  headline (title_ar):  {row['title_ar']}",
        f"  outlet's Arabic name: {row['outlet_ar'] or '(none found)'}",
        *added.guesses,
        f"  printed date:         {row['date_printed'] or '(none)'} -> {row['date_printed_iso'] or '-'}",
        *_other_datelines(added.other_datelines),
        f"  date of writing:      {row['date_iso']} ({parse_date(row['date_iso']).precision}, {row['date_basis']})",
        f"  events described:     {row['events_from']} to {row['events_to']}",
        "  dates in the text (paragraph: expression -> date, precision):",
        *(
            f"    ¶{f.paragraph}: {f.expression.text} -> {f.expression.resolved or '?'}, {f.precision}"
            for f in added.dates
        ),
        *([] if added.dates else ["    none found"]),
        "Before anything else: `make book`, then `make notebooks` before `make test` (the committed notebooks'"
        " outputs now count one more document, so nbval would fail on every chapter until they are executed again).",
        "What remains for a curator:",
        "  1. settle the headline (title_ar) and the outlet's Arabic name (outlet_ar) first: the furniture rules read"
        " them, so changing either later renumbers the paragraphs that evidence cites;",
        f"  2. check the other proposals above against the text (its page: chapters/sources/{row['id']}.md after"
        " make book), the id included, and rewrite date_note and date_note_ar with what the wording gives and what"
        " outside knowledge adds;",
        f"  3. fill {', '.join(remaining_fields(row))} in its row of {CATALOGUE};",
        "  4. record its evidence in data/: events, topics and actors citing its paragraphs, a curated quote for"
        " every number it states, glosses for its words that the text chapter shows;",
        "  5. set curation to 'curated'. `make curation-status` lists what each document still lacks.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Add the file named on the command line; print what was done and what remains, or the error."""
    parser = argparse.ArgumentParser(prog="python -m natoar.sources.add", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="the article's text file (UTF-8)")
    parser.add_argument("--outlet", default="", help="who published it, in Latin script")
    parser.add_argument("--outlet-ar", default="", help="the outlet's name as the page prints it in Arabic")
    parser.add_argument("--genre", default="", help="the kind of text (see data/README.md)")
    parser.add_argument("--id", default="", dest="doc_id", help="the document's id (default: outlet-year)")
    parser.add_argument("--date", default="", help="the date of writing, if the page prints none")
    args = parser.parse_args(argv)
    root = project_root()
    before = _written_state(root)
    try:
        added = add_source(
            args.file,
            root,
            outlet=args.outlet,
            outlet_ar=args.outlet_ar,
            genre=args.genre,
            doc_id=args.doc_id,
            date=args.date,
        )
    except BookInputError as err:
        print(f"error: {err}", file=sys.stderr)
        print(UNCHANGED, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if _written_state(root) == before:
            print(f"interrupted: the file was not added. {UNCHANGED}", file=sys.stderr)
        else:
            print(
                f"interrupted after the file was added: seeds/ and {CATALOGUE} hold it; "
                "`make curation-status` lists it",
                file=sys.stderr,
            )
        return 130
    print(report(added, root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
