"""The descriptor data/datapackage.yaml: standard tools validate the data with it, offline; the loader reads it,
refuses a descriptor it could not enforce, and data/README.md is generated from it."""

from __future__ import annotations

import csv
import re
import socket

import frictionless
import pytest

from natoar.build.dictionary import DICTIONARY, render_dictionary
from natoar.sources import corpus
from natoar.sources.datapackage import DESCRIPTOR, LINKED_VALUE_CHECKS, ROW_CHECKS, VALUE_CHECKS, read_package
from natoar.sources.errors import DescriptorError, TableError
from natoar.sources.evidence import LINKS, QUOTE, load_evidence


@pytest.fixture
def offline(monkeypatch):
    """Fail any attempt to reach the network."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def validate(root) -> list[tuple[str, str, str]]:
    """Return frictionless's errors for the data package under `root`: (table, type, note)."""
    report = frictionless.validate(str(root / DESCRIPTOR))
    return [(task.name, error.type, error.note) for task in report.tasks for error in task.errors] + [
        ("package", error.type, error.note) for error in report.errors
    ]


@pytest.mark.tool
def test_frictionless_finds_the_data_valid_offline(root, offline):
    assert validate(root) == []


def set_value(project, name, row, column, value):
    """Set `column` of data row `row` (0 is the first below the header) of data/<name>.csv."""
    path = project / "data" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# One bad value in each of six tables: a foreign key to nothing, a value outside its enum, range or pattern, an
# empty required cell.
BAD_VALUES = [
    ("events", "framework", "warsaw-pact", "foreign-key"),
    ("topics", "seed", "no-such-doc", "foreign-key"),
    ("actors", "kind", "planet", "constraint-error"),
    ("claims", "value_min", "-1", "constraint-error"),
    ("reference/summits", "source_url", "nato.int", "constraint-error"),
    ("memberships", "as_of", "", "constraint-error"),
]


@pytest.mark.tool
def test_frictionless_reports_each_bad_row_and_nothing_else(project, offline):
    for name, column, value, _ in BAD_VALUES:
        set_value(project, name, 1, column, value)
    errors = validate(project)  # one validation, as a reader runs it, for all six
    assert sorted((t, k) for t, k, _ in errors) == sorted((name, kind) for name, _, _, kind in BAD_VALUES), errors


@pytest.mark.tool
def test_frictionless_reports_a_duplicate_key(project, offline):
    path = project / "data" / "topics.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    assert [(t, k) for t, k, _ in validate(project)] == [("topics", "primary-key")]


def edit_descriptor(project, old, new):
    """Replace the first `old` in the project's descriptor by `new`."""
    path = project / DESCRIPTOR
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CLAIMS_VALUE_MIN = """        - name: value_min
          type: integer"""
VALUE_MIN_ARABIC = "description_ar: >-\n            العدد (حدّه الأدنى حيث يعطي المصدر مدى)."
VALUE_MIN_CONSTRAINTS = "مدى).\n          constraints: {required: true, minimum: 0}"


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (CLAIMS_VALUE_MIN, CLAIMS_VALUE_MIN.replace("integer", "integr"), "field 'value_min'", "type 'integr' is not"),
        (CLAIMS_VALUE_MIN, "        - type: integer", "resource 'claims', field 2", "'name' is missing"),
        (
            VALUE_MIN_CONSTRAINTS,
            VALUE_MIN_CONSTRAINTS.replace("0}", "0, maximum: 9}"),
            "field 'value_min', constraints",
            "'maximum' is not a property the loader enforces",
        ),
        (
            CLAIMS_VALUE_MIN,
            CLAIMS_VALUE_MIN + "\n          format: default",
            "field 'value_min'",
            "'format' is not a property the loader enforces",
        ),
        (
            CLAIMS_VALUE_MIN,
            CLAIMS_VALUE_MIN + "\n          natoar:check: dat",
            "field 'value_min'",
            "natoar:check 'dat' is not defined",
        ),
        ("natoar:rowChecks: [value-range]", "natoar:rowChecks: [range]", "resource 'claims'", "'range' is not a"),
        (
            "resource: frameworks, fields: [id]",
            "resource: framework, fields: [id]",
            "foreignKeys",
            "'framework' is not",
        ),
        (
            "{required: true, maxLength: 40}",
            "{required: true, maxLength: forty}",
            "field 'label'",
            "maxLength 'forty' is not a positive integer",
        ),
        (
            CLAIMS_VALUE_MIN,
            CLAIMS_VALUE_MIN + "\n          natoar:language: fr",
            "field 'value_min'",
            "natoar:language 'fr' is not one of en, ar",
        ),
        (
            VALUE_MIN_ARABIC,
            "description_ar: [a, b]",
            "field 'value_min'",
            "'description_ar' is not text",
        ),
        ("path: claims.csv", "path: claim.csv", "resource 'claims'", "path 'claim.csv' is not 'claims.csv'"),
        ("encoding: utf-8", "encoding: windows-1256", "resource 'documents'", "encoding 'windows-1256' is not"),
        ("pattern: &slug", "pattern: &slug '[a-z'\n", "line ", "not valid YAML"),
        ("  - name: glosses\n", "  - name: glosses\n    hash: x\n", "resource 'glosses'", "'hash' is not a property"),
    ],
)
def test_a_bad_descriptor_is_refused_naming_it(project, old, new, where, message):
    edit_descriptor(project, old, new)
    with pytest.raises(DescriptorError, match=re.escape(message)) as err:
        load_evidence(project)
    assert str(project / DESCRIPTOR) in str(err.value)
    assert where in err.value.where


def test_a_check_without_implementation_is_refused(project):
    edit_descriptor(project, "natoar:checks:\n", "natoar:checks:\n  planet:\n    title: a planet\n    description: x\n")
    edit_descriptor(project, "          natoar:check: country\n", "          natoar:check: planet\n")
    with pytest.raises(DescriptorError, match="natoar:check 'planet' has no implementation") as err:
        load_evidence(project)
    assert err.value.where == "resource 'actors', field 'country'"


def test_a_check_on_a_table_without_the_columns_it_reads_is_refused(project):
    edit_descriptor(project, "          natoar:check: normalised-word\n", "          natoar:check: in-quote\n")
    with pytest.raises(DescriptorError, match="'in-quote' reads quote, which the table lacks") as err:
        load_evidence(project)
    assert err.value.where == "resource 'glosses', field 'term'"


def test_an_undeclared_csv_is_refused(project):
    (project / "data" / "reference" / "extra.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(DescriptorError, match=r"data/reference/extra\.csv is not declared"):
        corpus.load_catalogue(project)


def test_a_missing_descriptor_is_refused(project):
    (project / DESCRIPTOR).unlink()
    with pytest.raises(DescriptorError, match=r"datapackage\.yaml: the file does not exist"):
        corpus.load_catalogue(project)


def test_a_column_the_descriptor_lacks_names_it_in_the_fix(project):
    edit_descriptor(project, "description: A comparison or caveat.", "description: x")
    edit_descriptor(
        project,
        "- name: note\n          type: string\n          description: x",
        "- name: x\n          type: string\n          description: x",
    )
    with pytest.raises(TableError, match=r"lacks \['x'\] and has unexpected \['note'\]") as err:
        load_evidence(project)
    assert err.value.path.endswith("claims.csv")
    assert "change the table's fields in data/datapackage.yaml" in err.value.fix


def test_every_named_check_is_implemented_once(root):
    linked = set(LINKED_VALUE_CHECKS)  # checked on the value alone and against other tables
    assert linked <= set(VALUE_CHECKS) & set(LINKS)
    implemented = [*VALUE_CHECKS, *ROW_CHECKS, *(k for k in LINKS if k not in linked), QUOTE]
    assert len(implemented) == len(set(implemented))
    assert set(read_package(root).checks) == set(implemented)


def test_the_descriptor_declares_what_the_old_python_schemas_did(root):
    package = read_package(root)
    events = package.table("events")
    assert events.primary_key == ("id",)
    assert [(k.column, k.table, k.reference) for k in events.foreign_keys] == [
        ("framework", "frameworks", "id"),
        ("seed", "documents", "id"),
    ]
    date = next(c for c in events.columns if c.name == "date")
    assert date.required and date.rule == "date" and date.check is not None
    assert package.table("memberships").primary_key == ("country", "framework", "role", "seed")
    assert package.table("claims").row_checks == ("value-range",)
    paragraph = next(c for c in package.table("topics").columns if c.name == "paragraph")
    assert (paragraph.type, paragraph.minimum) == ("integer", 0)
    label = next(c for c in events.columns if c.name == "label")
    assert label.required and label.max_length == 40


def test_the_data_dictionary_is_generated_from_the_descriptor(root):
    text = (root / DICTIONARY).read_text(encoding="utf-8")
    assert text == render_dictionary(root), "run `make book` (or python -m natoar.build.dictionary) and commit"
    assert "| sha256 | The SHA-256 of the file's bytes" in text


ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def test_every_table_column_and_check_is_described_in_arabic(root):
    """The Arabic edition's Data pages describe every table, column and check in Arabic, from the descriptor."""
    package = read_package(root)
    lacking = [f"check '{name}': title_ar" for name in package.checks if not package.checks_ar.get(name)]
    for name, table in package.tables.items():
        lacking += [f"resource '{name}': description_ar"] * (not ARABIC_LETTER.search(table.description_ar))
        lacking += [
            f"resource '{name}', field '{c.name}': description_ar"
            for c in table.columns
            if not ARABIC_LETTER.search(c.description_ar)
        ]
    assert lacking == [], f"give these their Arabic in {DESCRIPTOR}"


def test_a_column_of_words_declares_its_language(root):
    package = read_package(root)
    languages = {(n, c.name): c.language for n, t in package.tables.items() for c in t.columns}
    assert languages[("events", "event_en")] == languages[("passages", "english")] == "en"
    assert languages[("events", "quote")] == languages[("aliases", "form_ar")] == "ar"
    assert languages[("events", "date")] == languages[("events", "status")] == ""
    named = [k for k, lang in languages.items() if k[1].endswith(("_en", "_ar")) and lang != k[1][-2:]]
    assert named == [], "a column named *_en or *_ar declares natoar:language en or ar"
