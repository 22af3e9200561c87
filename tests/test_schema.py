import re

import pytest

from natoar.sources.errors import TableError
from natoar.sources.schema import Column, read_table
from natoar.text.dates import parse_date

COLUMNS = (
    Column("id", unique=True, pattern=r"[a-z]+"),
    Column("kind", choices=("a", "b")),
    Column("when", required=False, check=parse_date),
)


def write(tmp_path, text):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_rows_with_line_numbers(tmp_path):
    table = read_table(write(tmp_path, 'id,kind,when\nx,a,2014\ny,b,""\n'), COLUMNS)
    assert table["id"].tolist() == ["x", "y"]
    assert table["line"].tolist() == [2, 3]


def test_line_numbers_count_multiline_fields(tmp_path):
    columns = (Column("id"), Column("note", required=False))
    table = read_table(write(tmp_path, 'id,note\nx,"two\nlines"\ny,\n'), columns)
    assert table["line"].tolist() == [2, 4]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("id,kind\nx,a\n", "line 1", "lacks \\['when'\\]"),
        ("id,kind,when,extra\nx,a,,1\n", "line 1", "unexpected \\['extra'\\]"),
        ("id,kind,when\nx,c,\n", "line 2", "column 'kind' 'c' is not one of a, b"),
        ("id,kind,when\nx,a,\nx,b,\n", "line 3", "'x' is already used on line 2"),
        ("id,kind,when\nx,a,2014-13\n", "line 2", "column 'when' '2014-13': month 13"),
        ("id,kind,when\n,a,\n", "line 2", "column 'id' is empty but required"),
        ("id,kind,when\nX1,a,\n", "line 2", "does not match"),
        ("id,kind,when\nx ,a,\n", "line 2", "white space"),
        ("id,kind,when\nx,a\n", "line 2", "2 fields where the header has 3"),
        ("id,kind,when\n", "", "no rows"),
    ],
)
def test_bad_rows_name_line_column_and_reason(tmp_path, text, where, message):
    path = write(tmp_path, text)
    with pytest.raises(TableError, match=message) as err:
        read_table(path, COLUMNS)
    assert str(path) in str(err.value)
    assert where in str(err.value)


def test_integer_columns_are_read_as_numbers(tmp_path):
    columns = (Column("n", type="integer", minimum=0), Column("m", type="integer", required=False))
    table = read_table(write(tmp_path, "n,m\n3,\n10,7\n"), columns)
    assert table["n"].tolist() == [3, 10] and table["n"].dtype == "int64"
    assert table["m"].isna().tolist() == [True, False] and table["m"].iloc[1] == 7


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("07", "'07' is not an integer in plain digits"),
        ("+7", "'+7' is not an integer in plain digits"),
        ("1_000", "'1_000' is not an integer in plain digits"),
        ("-1", "-1 is below the minimum 0"),
    ],
)
def test_integers_are_plain_digits_within_bounds(tmp_path, value, message):
    with pytest.raises(TableError, match=re.escape(f"line 2: column 'n' {message}")):
        read_table(write(tmp_path, f"n\n{value}\n"), (Column("n", type="integer", minimum=0),))


def test_a_value_longer_than_its_max_length_is_refused_with_its_line(tmp_path):
    columns = (Column("label", max_length=5),)
    assert read_table(write(tmp_path, "label\nshort\n"), columns)["label"].tolist() == ["short"]
    message = "line 3: column 'label' 'longer' is 6 characters, more than the maximum 5"
    with pytest.raises(TableError, match=re.escape(message)):
        read_table(write(tmp_path, "label\nshort\nlonger\n"), columns)


@pytest.mark.parametrize(
    "value",
    ['"=HYPERLINK(""http://evil.example/x"",""Click"")"', "+cmd", "@SUM(A1)", "-x", '"=1+1"'],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_refused(tmp_path, value):
    path = write(tmp_path, f"id,kind,when\nx,a,\ny,b,{value}\n")
    with pytest.raises(TableError, match=r"line 3: column 'when' begins with '[=+@-]', so a spreadsheet") as err:
        read_table(path, COLUMNS)
    assert "Fix: reword the value" in str(err.value)


def test_a_negative_number_is_not_a_formula(tmp_path):
    columns = (Column("n", type="integer"),)
    assert read_table(write(tmp_path, "n\n-3\n"), columns)["n"].tolist() == [-3]
