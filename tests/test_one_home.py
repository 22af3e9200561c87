"""Each piece of Arabic knowledge has one home that every user imports: month names, proclitics, reporting verbs."""

from pathlib import Path

import pytest

from natoar.report import analysis
from natoar.sources.furniture import classify_lines
from natoar.text import markers, proclitics
from natoar.text.datefinder import find_dates
from natoar.text.lexicon import stop_words
from natoar.text.months import MONTHS, month_words

PACKAGE = Path(__file__).resolve().parents[1] / "natoar"


@pytest.mark.parametrize(
    ("literal", "home"),
    [
        ("ديسمبر", "text/months.py"),
        ("شتنبر", "text/months.py"),
        ('"وف', "text/proclitics.py"),
        ("قالت", "text/markers.py"),
    ],
)
def test_knowledge_is_written_in_one_module(literal, home):
    holders = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if literal in p.read_text())
    assert holders == [home]


@pytest.mark.parametrize(("number", "name"), [(n, name) for n, names in MONTHS.items() for name in names])
def test_every_month_name_is_read_by_the_date_finder_and_the_dateline_rule(number, name):
    assert [e.resolved for e in find_dates(f"في {name} 2014", "2015")] == [f"2014-{number:02d}"]
    lines = classify_lines(f"العنوان\n12 {name} 2014\nنص المقال الكامل هنا", "العنوان", "")
    assert [(line.role, line.reason) for line in lines][1] == ("furniture", "dateline")


def test_month_words_split_two_word_names_once():
    words = month_words()
    assert "كانون" in words and "الأول" in words and len(words) == len(set(words))


def test_reporting_verbs_are_stop_words_with_either_conjunction():
    stops = stop_words()
    for verb in markers.reporting_verbs():
        assert {verb, "و" + verb, "ف" + verb} <= stops


def test_attribution_counts_follow_the_reporting_verbs_and_the_conjunction_rule():
    assert markers.count(markers.ATTRIBUTIONS, "وقالت الوزيرة ثم نوهت بالتعاون فتابع الحديث") == 3
    assert markers.count(markers.ATTRIBUTIONS, "القالب") == 0  # never inside a longer word
    assert set(analysis.markers_table()["marker"]) == {*markers.HEDGES, *markers.ATTRIBUTIONS}


def test_with_conjunctions_puts_each_conjunction_before_each_word():
    assert proclitics.with_conjunctions(["قال"]) == ["قال", "وقال", "فقال"]
