"""The data's Arabic cells, which the Arabic edition shows where the English one shows their English twins: declared,
written in Arabic, and given wherever the twin is (in a table whose rows cite a document, once it is curated)."""

import csv
import re

import pytest

from natoar.sources.corpus import CATALOGUE_TABLE, read_corpus
from natoar.sources.datapackage import english_twin, read_package
from natoar.sources.errors import DescriptorError, TableError
from natoar.sources.evidence import load_evidence
from natoar.text.letters import has_arabic


def arabic_columns(root):
    """Return (table, column, English twin) for every column the descriptor checks as Arabic."""
    package = read_package(root)
    found = []
    for name, table in package.tables.items():
        columns = [c.name for c in table.columns]
        found += [(name, c.name, english_twin(columns, c.name)) for c in table.columns if c.rule == "arabic"]
    return found


def read(root, name):
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(root, name, rows):
    with (root / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_every_arabic_column_has_an_english_twin(root):
    assert arabic_columns(root), "no column is checked as Arabic"
    for name, column, english in arabic_columns(root):
        assert english, f"{name}.{column} has no English twin"


def test_every_arabic_cell_is_given_where_its_twin_is_and_is_arabic(root):
    for name, column, english in arabic_columns(root):
        for row in read(root, name):
            value = row[column]
            if row[english]:
                assert value, f"data/{name}.csv: {column} is empty where {english} is {row[english]!r}"
            if value:
                assert has_arabic(value) and not re.search("[A-Za-z]", value), (name, column, value)


def test_a_column_named_arabic_without_an_english_twin_is_refused(project):
    path = project / "data" / "datapackage.yaml"
    text = path.read_text(encoding="utf-8").replace("name: label_ar", "name: caption_ar", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DescriptorError, match=r"'caption_ar'.*an 'arabic' column renders an English twin"):
        read_package(project)


@pytest.mark.parametrize("case", ["empty", "english"])
def test_a_missing_or_english_arabic_cell_is_refused_naming_file_row_and_fix(project, root, case):
    seeds = read_corpus(project)  # read once: only an edit to the catalogue changes what the corpus holds
    for name, column, english in arabic_columns(root):
        rows = read(project, name)
        first = next(i for i, r in enumerate(rows) if r[english])
        original = rows[first][column]
        rows[first][column] = "" if case == "empty" else rows[first][english]
        write(project, name, rows)
        with pytest.raises(TableError) as err:
            load_evidence(project, None if name == CATALOGUE_TABLE else seeds)
        message = str(err.value)
        assert f"{name}.csv, line {first + 2}: column '{column}'" in message, message
        # an English copy is refused for its Latin letters, or for lacking Arabic ones if it quotes none
        refusals = ("is empty",) if case == "empty" else ("has no Arabic letter", "has Latin letters")
        assert any(refusal in message for refusal in refusals), message
        assert "in Arabic" in message, message  # the fix
        rows[first][column] = original
        write(project, name, rows)


def test_the_arabic_of_an_uncurated_documents_rows_may_wait(project, root):
    documents = read(project, "documents")
    documents[0]["curation"] = "uncurated"
    write(project, "documents", documents)
    seed = documents[0]["id"]
    for name, column, _ in arabic_columns(root):
        if "seed" in read(project, name)[0]:
            rows = read(project, name)
            for row in rows:
                if row["seed"] == seed:
                    row[column] = ""
            write(project, name, rows)
    load_evidence(project)
