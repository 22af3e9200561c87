from datetime import date

import pytest

from natoar.text.dates import describe, parse_date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2014-09-05", date(2014, 9, 5), date(2014, 9, 5), "day"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2004", date(2004, 1, 1), date(2004, 12, 31), "year"),
        ("201X", date(2010, 1, 1), date(2019, 12, 31), "decade"),
        ("17XX", date(1700, 1, 1), date(1799, 12, 31), "century"),
        ("2014-06/2014-09", date(2014, 6, 1), date(2014, 9, 30), "interval"),
    ],
)
def test_spans(text, start, end, precision):
    span = parse_date(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["2014-13", "2014-02-30", "14-09-2014", "25 ديسمبر 2020", "2014/2013", "17XX-05", ""])
def test_rejects(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_midpoint():
    assert parse_date("2014-06/2014-09").midpoint == date(2014, 7, 31)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("17XX", "the 18th century"),
        ("20XX", "the 21st century"),
        ("201X", "the 2010s"),
        ("2004", "2004"),
        ("2020-12", "December 2020"),
        ("2001-09-11", "11 September 2001"),
        ("2014-09-04/2014-09-05", "4 September 2014 to 5 September 2014"),
    ],
)
def test_dates_in_words(text, words):
    assert describe(text) == words
