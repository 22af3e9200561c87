"""Columns of the CSV tables and the reader that checks them row by row, with errors that name line and column."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from natoar.sources.errors import BookInputError, TableError
from natoar.sources.textfile import read_text

INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
# What makes a spreadsheet read a cell as a formula (=HYPERLINK(...), +cmd, @SUM, -2+3): these characters at the
# start of a cell, except a minus sign before a digit, which is a negative number. A curated table is opened in
# spreadsheets, and its cells reach the book's pages and CSV downloads.
FORMULA = re.compile(r"[=+@]|-(?!\d)")


def formula_trigger(value: str) -> str | None:
    """Return why a spreadsheet would run `value` as a formula, or None when it would not."""
    if FORMULA.match(value):
        return f"begins with '{value[0]}', so a spreadsheet opening the file would run it as a formula ({value[:40]!r})"
    return None


@dataclass(frozen=True)
class Column:
    """One column: its type, whether it may be empty, what it must look like, whether its values are unique.

    `rule` names a check from the data package descriptor; `check` is that check when it needs only the value.
    """

    name: str
    type: str = "string"
    required: bool = True
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    unique: bool = False
    minimum: int | None = None
    max_length: int | None = None
    check: Callable[[str], object] | None = None
    rule: str = ""
    description: str = ""
    description_ar: str = ""  # the description in Arabic, for the Arabic edition's Data pages
    language: str = ""  # "en" or "ar" for a column of words in that language; "" for ids, codes, numbers, dates

    def problem(self, value: str) -> str | None:
        """Return why `value` is not allowed here, or None when it is."""
        if value != value.strip():
            return "has leading or trailing white space"
        if not value:
            if not self.required:
                return None
            return "is empty but required"
        if self.type == "integer" and not INTEGER.fullmatch(value):
            return f"'{value}' is not an integer in plain digits"
        if self.minimum is not None and int(value) < self.minimum:
            return f"{value} is below the minimum {self.minimum}"
        if self.max_length is not None and len(value) > self.max_length:
            return f"'{value}' is {len(value)} characters, more than the maximum {self.max_length}"
        if self.pattern and not re.fullmatch(self.pattern, value):
            return f"'{value}' does not match {self.pattern}"
        if self.choices and value not in self.choices:
            return f"'{value}' is not one of {', '.join(self.choices)}"
        if self.check:
            try:
                self.check(value)
            except ValueError as err:
                return str(err)
        return None


def read_table(
    path: Path, columns: Sequence[Column], error: type[BookInputError] = TableError, declared_in: Path | None = None
) -> pd.DataFrame:
    """Return the CSV at `path` as a frame of strings (integers where declared), with each row's line number in
    `line`; `declared_in` names the file that declares the columns, for the fix of a wrong header."""
    text = read_text(path, error)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as err:
        raise error(path, f"the header is not valid CSV ({err})", "repair the first line") from None
    names = [c.name for c in columns]
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    if missing or extra:
        raise error(
            path,
            f"the header lacks {missing or 'nothing'} and has unexpected {extra or 'nothing'}",
            f"use exactly these columns: {', '.join(names)}"
            + (f", or change the table's fields in {declared_in}" if declared_in else ""),
            where="line 1",
        )
    rows, lines, seen = [], [], {c.name: {} for c in columns if c.unique}
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise error(path, f"not valid CSV ({err})", "close the quotes", where=f"line {start}") from None
        if not any(record):
            continue
        if len(record) != len(header):
            raise error(
                path,
                f"{len(record)} fields where the header has {len(header)}",
                "quote fields that contain commas",
                where=f"line {start}",
            )
        row = dict(zip(header, record, strict=True))
        for col in columns:
            value = row[col.name]
            trigger = formula_trigger(value) if col.type == "string" else None
            if trigger:
                raise error(
                    path,
                    f"column '{col.name}' {trigger}",
                    "reword the value so that it does not begin with = + @ or a minus sign before a letter",
                    where=f"line {start}",
                )
            reason = col.problem(value)
            if reason is None and col.unique and value:
                if value in seen[col.name]:
                    reason = f"'{value}' is already used on line {seen[col.name][value]}"
                seen[col.name][value] = start
            if reason:
                raise error(path, f"column '{col.name}' {reason}", "correct the value", where=f"line {start}")
        rows.append([row[n] for n in names])
        lines.append(start)
    if not rows:
        raise error(path, "the table has no rows", "add at least one row below the header")
    frame = pd.DataFrame(rows, columns=names, dtype="string")
    for col in columns:
        if col.type == "integer":
            values = frame[col.name]
            frame[col.name] = values.astype(int) if col.required else values.replace("", pd.NA).astype("Int64")
    frame["line"] = lines
    return frame
