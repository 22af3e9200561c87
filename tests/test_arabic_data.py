"""The data's Arabic cells, which the Arabic edition shows where the English one shows their English twins: declared,
written in Arabic, and required (always in a reference table, once the document is curated in a seed table)."""

import csv
import re

import pytest

from natoar.sources.datapackage import read_package
from natoar.sources.errors import TableError
from natoar.sources.evidence import load_evidence
from natoar.text.letters import has_arabic

ARABIC_CHECKS = ("arabic", "arabic-once-curated")


def twin(columns, name):
    """Return the English column an Arabic one renders: `x_en` for `x_ar`, else `x`."""
    base = name.removesuffix("_ar")
    return f"{base}_en" if f"{base}_en" in columns else base


def arabic_columns(root):
    """Return (table, column, English twin, rule) for every column the descriptor checks as Arabic."""
    package = read_package(root)
    found = []
    for name, table in package.tables.items():
        columns = [c.name for c in table.columns]
        found += [(name, c.name, twin(columns, c.name), c.rule) for c in table.columns if c.rule in ARABIC_CHECKS]
    return found


def read(root, name):
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(root, name, rows):
    with (root / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_every_arabic_column_has_an_english_twin_and_a_description(root):
    package = read_package(root)
    for name, column, english, _ in arabic_columns(root):
        assert column.endswith("_ar"), (name, column)
        assert english in [c.name for c in package.table(name).columns], (name, column)


def test_every_arabic_cell_is_given_and_arabic(root):
    for name, column, english, _ in arabic_columns(root):
        for row in read(root, name):
            value = row[column]
            assert value and has_arabic(value) and not re.search("[A-Za-z]", value), (name, column, row[english])
            assert value != row[english]


def test_a_reference_tables_arabic_column_is_required(root):
    package = read_package(root)
    for name, column, _, rule in arabic_columns(root):
        if "seed" not in [c.name for c in package.table(name).columns]:
            assert rule == "arabic", f"{name}.{column} must be required always: the table cites no document"
            assert next(c for c in package.table(name).columns if c.name == column).required, (name, column)


@pytest.mark.parametrize("case", ["empty", "english"])
def test_a_missing_or_english_arabic_cell_is_refused_naming_file_row_and_fix(project, root, case):
    for name, column, english, _ in arabic_columns(root):
        rows = read(project, name)
        original = rows[0][column]
        rows[0][column] = "" if case == "empty" else rows[0][english]
        write(project, name, rows)
        with pytest.raises(TableError) as err:
            load_evidence(project)
        message = str(err.value)
        assert f"{name}.csv, line 2: column '{column}'" in message, message
        assert ("is empty" if case == "empty" else "has no Arabic letter") in message, message
        assert "write it in Arabic" in message or "write the Arabic" in message, message
        rows[0][column] = original
        write(project, name, rows)


def test_the_arabic_of_an_uncurated_documents_rows_may_wait(project, root):
    documents = read(project, "documents")
    documents[0]["curation"] = "uncurated"
    write(project, "documents", documents)
    seed = documents[0]["id"]
    for name, column, _, rule in arabic_columns(root):
        if rule == "arabic-once-curated":
            rows = read(project, name)
            for row in rows:
                if row["seed"] == seed:
                    row[column] = ""
            write(project, name, rows)
    load_evidence(project)
