"""The data package descriptor, data/datapackage.yaml: every table's columns, types, keys and checks, declared once.

The descriptor is a Frictionless Data Package, so standard tools check the data with it (`frictionless validate
data/datapackage.yaml`). This module reads it with PyYAML into `Table`s for the loader and refuses anything the
loader could not enforce, so that nothing declared there goes unchecked here. Checks that Frictionless cannot
express are named in it and made here: `natoar:check` on a field (a check of the value alone, in VALUE_CHECKS, or
a check against other rows and tables, made by `natoar.sources.evidence`) and `natoar:rowChecks` on a table
(checks of several columns of one row, in ROW_CHECKS). For the Arabic edition's Data pages, each table and
field may carry its description in Arabic (`description_ar`) and each check its title (`title_ar`), and a field of
words its language (`natoar:language`, `en` or `ar`); tests/test_datapackage.py requires the Arabic of all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, NoReturn

import pandas as pd
import yaml

from natoar.sources.errors import BookInputError, DescriptorError, TableError
from natoar.sources.paths import project_root
from natoar.sources.schema import Column, read_table
from natoar.sources.textfile import read_text
from natoar.text.dates import parse_date
from natoar.text.letters import has_arabic
from natoar.text.phrases import form_words
from natoar.text.tokens import words

DATA = Path("data")
DESCRIPTOR = DATA / "datapackage.yaml"
# libyaml's parser where PyYAML was built with it: the same safe loading, ten times faster (0.02 s for the descriptor
# instead of 0.2 s, which every notebook's kernel paid).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The constraints the loader enforces, by field type; the descriptor may use no others.
CONSTRAINTS = {
    "string": ("required", "unique", "pattern", "enum", "maxLength"),
    "integer": ("required", "unique", "minimum"),
}
_RESOURCE_KEYS = (
    "name",
    "path",
    "title",
    "description",
    "description_ar",
    "format",
    "mediatype",
    "encoding",
    "licenses",
    "sources",
    "schema",
    "natoar:rowChecks",
)
_SCHEMA_KEYS = ("fields", "primaryKey", "foreignKeys")
_FIELD_KEYS = (
    "name", "title", "description", "description_ar", "type", "constraints", "natoar:check", "natoar:language"
)
LANGUAGES = ("en", "ar")


def _normalised_word(value: str) -> None:
    """Raise ValueError unless `value` is one word written as the text pipeline counts it (normalised)."""
    if words(value) != [value]:
        raise ValueError(f"{value!r} is not one normalised word (as counted: {' '.join(words(value))!r})")


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _arabic(value: str) -> None:
    """Raise ValueError unless `value`, a cell the Arabic edition shows, is written in Arabic: Arabic letters and
    no Latin letter (an English copy, or English left in it, would show as English on an Arabic page)."""
    if not has_arabic(value):
        raise ValueError(f"'{value}' has no Arabic letter; the Arabic edition shows it: write it in Arabic")
    latin = _LATIN_LETTER.search(value)
    if latin:
        around = value[max(0, latin.start() - 10) : latin.end() + 10]
        raise ValueError(f"'{value}' has Latin letters ({around!r}); the Arabic edition shows it: write it in Arabic")


VALUE_CHECKS: dict[str, Callable[[str], object]] = {
    "date": parse_date,
    "normalised-word": _normalised_word,
    "arabic-form": form_words,
    "arabic": _arabic,
}
# Named checks that test the value alone (in VALUE_CHECKS) and also need other columns or tables (in
# natoar.sources.evidence): an Arabic cell is given wherever its English twin is (once the row's document is
# curated, in a table whose rows cite one).
LINKED_VALUE_CHECKS = ("arabic",)


def english_twin(columns: list[str], name: str) -> str | None:
    """Return the English column that Arabic column `name` renders: `x_en` for `x_ar` if the table has it, else
    `x`; None if `name` does not end in `_ar` or the table has neither."""
    if not name.endswith("_ar"):
        return None
    base = name.removesuffix("_ar")
    return next((c for c in (f"{base}_en", base) if c in columns), None)



@dataclass(frozen=True)
class RowCheck:
    """A check of several columns of one row: the columns it reads, the problem it finds (or None), the fix."""

    reads: tuple[str, ...]
    problem: Callable[[pd.Series], str | None]
    fix: str


def _printed_date(row: pd.Series) -> str | None:
    if bool(row["date_printed"]) != bool(row["date_printed_iso"]):
        return "date_printed and date_printed_iso must both be given or both be empty"
    return None


def _printed_basis(row: pd.Series) -> str | None:
    if row["date_basis"] == "printed":
        if row["date_iso"] != row["date_printed_iso"]:
            return "date_basis is 'printed' but date_iso differs from date_printed_iso"
        return None
    if row["date_printed_iso"]:
        written, printed = parse_date(row["date_iso"]), parse_date(row["date_printed_iso"])
        if written.overlaps(printed):
            return (
                f"date_basis is '{row['date_basis']}' but date_iso {row['date_iso']} overlaps the printed date "
                f"{row['date_printed_iso']}"
            )
    return None


def _outside_basis(row: pd.Series) -> str | None:
    outside, named = row["date_basis"] == "outside", bool(row["date_outside"])
    if (named and not outside) or (outside and not named and row["curation"] == "curated"):
        return f"column 'date_outside' is required exactly when date_basis is 'outside' (it is '{row['date_basis']}')"
    return None


def _events_span(row: pd.Series) -> str | None:
    if parse_date(row["events_to"]).end < parse_date(row["events_from"]).start:
        return "events_to is before events_from"
    return None


# What a curated document's row must fill; a document added by `make add-source` leaves them empty until curated.
CURATED_FIELDS = (
    "outlet", "title_en", "genre", "author", "stance", "reliability", "summary_en",
    "author_ar", "date_note_ar", "stance_ar", "reliability_ar", "summary_ar",
)


# How the notes `make add-source` proposes begin, in each language: a curator rewrites them before marking the
# document curated.
PROPOSED = {
    "date_note": "Not yet curated. Proposed by make add-source",
    "date_note_ar": "لم يُدقَّق بعد. اقترحه الأمر make add-source",
}


def _curated_fields(row: pd.Series) -> str | None:
    if row["curation"] != "curated":
        return None
    empty = [c for c in CURATED_FIELDS if not row[c]]
    if empty:
        return f"the document is marked curated but {', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty"
    proposed = [c for c, start in PROPOSED.items() if row[c].startswith(start)]
    if proposed:
        return f"the document is marked curated but {' and '.join(proposed)} still hold make add-source's proposal"
    return None


def _value_range(row: pd.Series) -> str | None:
    if row["value_max"] < row["value_min"]:
        return f"column 'value_max' {row['value_max']} is below value_min {row['value_min']}"
    return None


def _launched_basis(row: pd.Series) -> str | None:
    if (row["launched"] == "") != (row["launched_basis"] == ""):
        return f"column 'launched_basis' is required exactly when 'launched' is given (launched='{row['launched']}')"
    return None


ROW_CHECKS = {
    "printed-date": RowCheck(("date_printed", "date_printed_iso"), _printed_date, "fill both"),
    "printed-basis": RowCheck(
        ("date_basis", "date_iso", "date_printed_iso"),
        _printed_basis,
        "use date_basis 'printed' for the printed date, or an estimate that excludes it",
    ),
    "outside-basis": RowCheck(
        ("date_basis", "date_outside", "curation"),
        _outside_basis,
        "name the outside context as table:id rows, or use another date_basis",
    ),
    "events-span": RowCheck(("events_from", "events_to"), _events_span, "swap or correct them"),
    "curated-fields": RowCheck(
        ("curation", *CURATED_FIELDS),
        _curated_fields,
        "fill them, or set curation to 'uncurated' until a curator has read the document",
    ),
    "value-range": RowCheck(("value_min", "value_max"), _value_range, "correct the bounds"),
    "launched-basis": RowCheck(("launched", "launched_basis"), _launched_basis, "give both or neither"),
}


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values, where given, must be values of a column of a table (possibly its own)."""

    column: str
    table: str
    reference: str


@dataclass(frozen=True)
class Table:
    """One table as the descriptor declares it: data/<name>.csv with its columns, keys and checks."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    row_checks: tuple[str, ...]
    sources: tuple[str, ...]
    licenses: tuple[str, ...]
    description_ar: str = ""

    @property
    def path(self) -> Path:
        """The CSV file, relative to the book's root."""
        return DATA / f"{self.name}.csv"

    @property
    def links(self) -> tuple[Column, ...]:
        """The columns whose check needs other rows or tables (made by `natoar.sources.evidence`)."""
        return tuple(c for c in self.columns if c.rule and (c.check is None or c.rule in LINKED_VALUE_CHECKS))

    def read(self, root: Path, error: type[BookInputError] = TableError) -> pd.DataFrame:
        """Return the table read from under `root`, every row checked against its columns, key and row checks."""
        path = root / self.path
        frame = read_table(path, self.columns, error, DESCRIPTOR)
        if len(self.primary_key) > 1:
            duplicated = frame[frame.duplicated(list(self.primary_key), keep="first")]
            if not duplicated.empty:
                row = duplicated.iloc[0]
                values = ", ".join(f"{c}={row[c]}" for c in self.primary_key)
                raise error(path, f"({values}) appears twice", "merge the rows", where=f"line {row['line']}")
        checks = [ROW_CHECKS[name] for name in self.row_checks]
        for _, row in frame.iterrows() if checks else ():
            for check in checks:
                problem = check.problem(row)
                if problem:
                    raise error(path, problem, check.fix, where=f"line {row['line']}")
        return frame


@dataclass(frozen=True)
class Package:
    """The whole descriptor: the package's title, description and licences, its named checks (with their titles
    in Arabic, `checks_ar`), and its tables."""

    path: Path
    title: str
    description: str
    licenses: tuple[str, ...]
    checks: Mapping[str, tuple[str, str]]
    tables: Mapping[str, Table]
    checks_ar: Mapping[str, str] = field(default_factory=dict)

    def table(self, name: str) -> Table:
        """Return the table called `name`, or raise DescriptorError if the descriptor lacks it."""
        if name not in self.tables:
            raise DescriptorError(
                self.path, f"no resource is named '{name}'", f"declare data/{name}.csv as resource '{name}'"
            )
        return self.tables[name]


class _Parser:
    """Turn the descriptor's YAML into a Package, raising DescriptorError at the first thing the loader can't use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.checks: dict[str, tuple[str, str]] = {}
        self.checks_ar: dict[str, str] = {}

    def fail(self, where: str, problem: str, fix: str) -> NoReturn:
        raise DescriptorError(self.path, problem, fix, where=where)

    def mapping(self, node: object, where: str, allowed: tuple[str, ...] = ()) -> dict[str, Any]:
        if not isinstance(node, dict):
            self.fail(where, f"expected a mapping, found {type(node).__name__}", "write it as key: value lines")
        unknown = [k for k in node if allowed and k not in allowed]
        if unknown:
            self.fail(
                where,
                f"'{unknown[0]}' is not a property the loader enforces",
                f"use only {', '.join(allowed)}, or teach natoar.sources.datapackage to check it",
            )
        return node

    def items(self, node: object, where: str) -> list[Any]:
        if not isinstance(node, list):
            self.fail(where, f"expected a list, found {type(node).__name__}", "write one '- ' line per item")
        return node

    def names(self, node: object, where: str) -> tuple[str, ...]:
        values = [node] if isinstance(node, str) else self.items(node, where)
        if not values or not all(isinstance(v, str) for v in values):
            self.fail(where, "expected a name or a non-empty list of names", "write it as [a, b]")
        return tuple(values)

    def text(self, node: dict[str, Any], key: str, where: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"'{key}' is missing or not text", f"give the {key}")
        return value.strip()

    def optional_text(self, node: dict[str, Any], key: str, where: str) -> str:
        value = node.get(key, "")
        if not isinstance(value, str):
            self.fail(where, f"'{key}' is not text", f"write the {key} as text, or leave it out")
        return value.strip()

    def titles(self, node: object, where: str) -> tuple[str, ...]:
        return tuple(self.text(self.mapping(item, where), "title", where) for item in self.items(node, where))

    def package(self, text: str) -> Package:
        try:
            node = yaml.load(text, Loader=SAFE_LOADER)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else ""
            self.fail(where, f"not valid YAML ({getattr(err, 'problem', err)})", "repair the YAML at that line")
        node = self.mapping(node, "the top level")
        for name, check in self.mapping(node.get("natoar:checks", {}), "natoar:checks").items():
            where = f"natoar:checks, '{name}'"
            check = self.mapping(check, where, ("title", "title_ar", "description"))
            self.checks[name] = (self.text(check, "title", where), self.text(check, "description", where))
            self.checks_ar[name] = self.optional_text(check, "title_ar", where)
        tables: dict[str, Table] = {}
        for number, resource in enumerate(self.items(node.get("resources"), "resources"), 1):
            table = self.table(self.mapping(resource, f"resource {number}"), f"resource {number}")
            if table.name in tables:
                self.fail(f"resource {number}", f"'{table.name}' is declared twice", "merge the two resources")
            tables[table.name] = table
        for table in tables.values():
            self.check_keys(table, tables)
        return Package(
            self.path,
            self.text(node, "title", "the top level"),
            self.text(node, "description", "the top level"),
            self.titles(node.get("licenses"), "licenses"),
            self.checks,
            tables,
            self.checks_ar,
        )

    def table(self, node: dict[str, Any], where: str) -> Table:
        name = self.text(node, "name", where)
        where = f"resource '{name}'"
        self.mapping(node, where, _RESOURCE_KEYS)
        if PurePosixPath(self.text(node, "path", where)).as_posix() != f"{name}.csv":
            self.fail(where, f"path '{node['path']}' is not '{name}.csv'", "name the table after its path, less .csv")
        for key, value in (("format", "csv"), ("mediatype", "text/csv"), ("encoding", "utf-8")):
            if node.get(key, value) != value:
                self.fail(where, f"{key} '{node[key]}' is not '{value}'", "the loader reads UTF-8 CSV files only")
        schema = self.mapping(node.get("schema"), f"{where}, schema", _SCHEMA_KEYS)
        key = self.names(schema["primaryKey"], f"{where}, primaryKey") if "primaryKey" in schema else ()
        fields = self.items(schema.get("fields"), f"{where}, fields")
        columns = tuple(self.column(field, where, number, key) for number, field in enumerate(fields, 1))
        names = [c.name for c in columns]
        for column in names:
            if names.count(column) > 1:
                self.fail(where, f"field '{column}' is declared twice", "remove one of them")
        for column in columns:
            if column.rule == "arabic" and english_twin(names, column.name) is None:
                self.fail(
                    f"{where}, field '{column.name}'",
                    "an 'arabic' column renders an English twin, which the table lacks",
                    "name it <x>_ar after its English twin <x>_en or <x>",
                )
        for column in key:
            if column not in names:
                self.fail(f"{where}, primaryKey", f"'{column}' is not a field", "name fields of this table")
        prop = "natoar:rowChecks"
        checks = self.names(node[prop], f"{where}, {prop}") if prop in node else ()
        for check in checks:
            self.check_row_check(check, names, f"{where}, {prop}")
        foreign = tuple(
            self.foreign_key(k, f"{where}, foreignKeys", names)
            for k in self.items(schema.get("foreignKeys", []), f"{where}, foreignKeys")
        )
        return Table(
            name=name,
            title=self.text(node, "title", where),
            description=self.text(node, "description", where),
            columns=columns,
            primary_key=key,
            foreign_keys=foreign,
            row_checks=checks,
            sources=self.titles(node.get("sources", []), f"{where}, sources"),
            licenses=self.titles(node.get("licenses"), f"{where}, licenses"),
            description_ar=self.optional_text(node, "description_ar", where),
        )

    def column(self, node: object, table: str, number: int, key: tuple[str, ...]) -> Column:
        node = self.mapping(node, f"{table}, field {number}")
        name = self.text(node, "name", f"{table}, field {number}")
        where = f"{table}, field '{name}'"
        self.mapping(node, where, _FIELD_KEYS)
        kind = node.get("type")
        if kind not in CONSTRAINTS:
            self.fail(where, f"type {kind!r} is not supported", f"use one of {', '.join(CONSTRAINTS)}")
        constraints = self.mapping(node.get("constraints", {}), f"{where}, constraints", CONSTRAINTS[kind])
        for flag in ("required", "unique"):
            if not isinstance(constraints.get(flag, False), bool):
                self.fail(where, f"constraint '{flag}' is not true or false", f"write {flag}: true")
        pattern = constraints.get("pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except (re.error, TypeError) as err:
                self.fail(where, f"pattern {pattern!r} is not a regular expression ({err})", "correct the pattern")
        minimum = constraints.get("minimum")
        if minimum is not None and (isinstance(minimum, bool) or not isinstance(minimum, int)):
            self.fail(where, f"minimum {minimum!r} is not an integer", "write a whole number")
        max_length = constraints.get("maxLength")
        if max_length is not None and (type(max_length) is not int or max_length < 1):
            self.fail(where, f"maxLength {max_length!r} is not a positive integer", "write a whole number above 0")
        rule = node.get("natoar:check", "")
        if rule:
            self.check_field_check(rule, where)
        language = node.get("natoar:language", "")
        if language and language not in LANGUAGES:
            self.fail(where, f"natoar:language {language!r} is not one of {', '.join(LANGUAGES)}", "write en or ar")
        return Column(
            name,
            type=kind,
            required=bool(constraints.get("required")) or name in key,
            pattern=pattern,
            choices=self.names(self.items(constraints["enum"], f"{where}, enum"), f"{where}, enum")
            if "enum" in constraints
            else (),
            unique=bool(constraints.get("unique")) or key == (name,),
            minimum=minimum,
            max_length=max_length,
            check=VALUE_CHECKS.get(rule),
            rule=rule,
            description=self.text(node, "description", where),
            description_ar=self.optional_text(node, "description_ar", where),
            language=language,
        )

    def check_field_check(self, rule: object, where: str) -> None:
        if not isinstance(rule, str) or rule not in self.checks:
            self.fail(where, f"natoar:check {rule!r} is not defined", f"use one of {', '.join(self.checks)}")
        if rule in ROW_CHECKS:
            self.fail(where, f"'{rule}' checks whole rows", "name it in the resource's natoar:rowChecks")

    def check_row_check(self, name: str, columns: list[str], where: str) -> None:
        if name not in self.checks or name not in ROW_CHECKS:
            self.fail(where, f"'{name}' is not a defined row check", f"use one of {', '.join(ROW_CHECKS)}")
        missing = [c for c in ROW_CHECKS[name].reads if c not in columns]
        if missing:
            self.fail(where, f"'{name}' reads {', '.join(missing)}, which the table lacks", "add them or drop it")

    def foreign_key(self, node: object, where: str, columns: list[str]) -> ForeignKey:
        node = self.mapping(node, where)
        fields = self.names(node.get("fields"), where)
        reference = self.mapping(node.get("reference"), f"{where}, reference")
        target = self.names(reference.get("fields"), f"{where}, reference")
        if len(fields) != 1 or len(target) != 1:
            self.fail(where, "a key of several columns is not supported", "refer from one column to one column")
        if fields[0] not in columns:
            self.fail(where, f"'{fields[0]}' is not a field of this table", "name a field of this table")
        return ForeignKey(fields[0], self.text(reference, "resource", f"{where}, reference"), target[0])

    def check_keys(self, table: Table, tables: dict[str, Table]) -> None:
        for key in table.foreign_keys:
            where = f"resource '{table.name}', foreignKeys, '{key.column}'"
            if key.table not in tables:
                self.fail(where, f"resource '{key.table}' is not declared", "refer to a declared resource")
            if key.reference not in [c.name for c in tables[key.table].columns]:
                self.fail(where, f"'{key.reference}' is not a field of '{key.table}'", "refer to one of its fields")


@lru_cache(maxsize=8)
def _parse(path: Path, text: str) -> Package:
    return _Parser(path).package(text)


def read_package(root: Path | None = None) -> Package:
    """Return the descriptor of the book at or above `root`, after checking that it declares every CSV in data/."""
    root = project_root(root)
    path = root / DESCRIPTOR
    if not path.is_file():
        raise DescriptorError(path, "the file does not exist", "restore it: it declares every table in data/")
    package = _parse(path, read_text(path, DescriptorError))
    declared = {root / t.path for t in package.tables.values()}
    for csv in sorted((root / DATA).rglob("*.csv")):
        if csv not in declared:
            raise DescriptorError(
                path, f"{csv.relative_to(root)} is not declared", "add a resource for it, or remove the file"
            )
    return package
