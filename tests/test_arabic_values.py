"""The one table of the controlled vocabularies' Arabic (natoar.report.lang.VALUES): every value the data or the
computed tables give a vocabulary column has an Arabic rendering, so a new value fails here, with the fix, rather
than showing an English word on an Arabic page."""

import pandas as pd
import pytest

from natoar.report import analysis, lang
from natoar.sources.datapackage import read_package
from natoar.sources.evidence import load_evidence
from natoar.sources.furniture import REASONS
from natoar.text.datefinder import KINDS


def missing(column, values):
    return sorted({v for v in values if isinstance(v, str) and v} - set(lang.VALUES[column]))


# Columns named like a vocabulary that hold something else: a passage's `theme` names the group of passages a
# chapter's cell shows (an id that no table displays), not a theme of the lexicon.
NOT_VOCABULARIES = {("passages", "theme")}


def test_every_vocabulary_value_in_the_data_has_an_arabic_rendering(root):
    unrendered = {}
    for name, table in load_evidence(root).items():
        for column in set(table.columns) & set(lang.VALUES) - {c for t, c in NOT_VOCABULARIES if t == name}:
            if missing(column, table[column]):
                unrendered[f"{name}.{column}"] = missing(column, table[column])
    assert unrendered == {}, "add their Arabic to VALUES in natoar/report/lang.py"


def test_every_computed_vocabulary_value_has_an_arabic_rendering():
    markers = analysis.markers_table()
    assert missing("kind", markers["kind"]) == [] and missing("marker", markers["marker"]) == []
    assert missing("reason", REASONS) == []
    # every kind of date expression the date finder can report, found in this corpus or only in a new document
    assert missing("kind", [kind for kind, _, _ in KINDS]) == []


def test_every_value_the_descriptor_allows_has_an_arabic_rendering(root):
    """A value the data may take tomorrow (a genre no document has yet) is rendered before a document uses it."""
    unrendered = {}
    for table in read_package(root).tables.values():
        for column in table.columns:
            vocabulary = column.name in lang.VALUES and (table.name, column.name) not in NOT_VOCABULARIES
            if vocabulary and missing(column.name, column.choices):
                unrendered[f"{table.name}.{column.name}"] = missing(column.name, column.choices)
    assert unrendered == {}, "add their Arabic to VALUES in natoar/report/lang.py"


def test_topics_arabic_names_are_the_vocabularys(root):
    vocabulary = load_evidence(root)["topic_vocabulary"]
    assert dict(zip(vocabulary["topic"], vocabulary["label_ar"], strict=True)) == lang.TOPICS


def test_a_value_without_arabic_fails_naming_the_fix():
    with pytest.raises(KeyError, match=r"value 'rumoured' of column 'status' has no Arabic\. Fix: add it to VALUES"):
        lang.arabic(pd.DataFrame({"status": ["occurred", "rumoured"]}))


def test_the_arabic_twin_takes_the_data_s_arabic_columns_and_keeps_the_rest():
    frame = pd.DataFrame(
        {"date": ["2014"], "status": ["planned"], "event_en": ["NATO plans"], "event_ar": ["يعتزم الناتو"]}
    )
    english, arabic = lang.twins(frame, ["date", "status", "event_en"])
    assert english.to_dict("records") == [{"date": "2014", "status": "planned", "event_en": "NATO plans"}]
    assert arabic.to_dict("records") == [{"date": "2014", "status": "مُزمَع", "event_en": "يعتزم الناتو"}]
    both = lang.table(frame, columns=["date", "event_en"], english_only=())
    assert "NATO plans" in both.split("lang-ar")[0] and "يعتزم الناتو" in both.split("lang-ar")[1]


def test_the_arabic_names_a_publisher_by_the_edition_s_label_then_as_printed_then_as_written():
    frame = pd.DataFrame(
        {
            "outlet": ["Unknown website (via an agency)", "Al Arab", "Maghreb Online"],
            "outlet_ar": ["", "العرب", ""],
            "cited_as_ar": ["موقع غير معروف", "", ""],
        }
    )
    assert lang.arabic(frame, ["outlet"])["outlet"].tolist() == [
        "موقع غير معروف",
        "العرب",
        "[Maghreb Online]{.name-en}",
    ]
    rows = frame.to_dict("records")
    assert [lang.cited_as(row, "ar") for row in rows] == ["موقع غير معروف", "العرب", "Maghreb Online"]
    assert [lang.cited_as(row, "en") for row in rows] == frame["outlet"].tolist()


def test_chapter_tables_name_countries_and_frameworks_in_arabic_where_the_data_do():
    frame = pd.DataFrame({"country": ["morocco", "atlantis"], "framework": ["dcb", "dcb"]})
    ids = {"country": {"morocco": "المغرب"}, "framework": {"dcb": "مبادرة بناء القدرات"}}
    english, arabic = lang.twins(frame, None, ids)
    assert english.equals(frame)
    assert arabic.to_dict("list") == {"country": ["المغرب", "atlantis"], "framework": ["مبادرة بناء القدرات"] * 2}


def test_a_date_with_a_placeholder_digit_reads_as_words_in_arabic_and_other_dates_as_written():
    assert lang.date_ar("17XX") == "القرن الثامن عشر"
    assert lang.date_ar("17XX – 2020-12") == "القرن الثامن عشر – ديسمبر 2020"  # a range: both ends alike
    # a decade stands for a year not known within it, not for the whole decade
    assert lang.date_ar("2011-02/201X") == "من فبراير 2011 إلى سنة غير محددة قبل 2020"
    assert lang.date_ar("201X") == "سنة ما بين 2010 و2019"
    assert [lang.date_ar(t) for t in ("2014-09-06", "2014-06/2014-09", "PTEC X")] == [
        "2014-09-06",
        "2014-06/2014-09",
        "PTEC X",
    ]
    shown = lang.arabic(pd.DataFrame({"date": ["17XX", "2004-06"], "event_en": ["a", "b"], "event_ar": ["أ", "ب"]}))
    assert shown["date"].tolist() == ["القرن الثامن عشر", "2004-06"]


def test_the_outside_context_of_a_date_is_named_in_arabic_where_its_row_has_a_name(root):
    from natoar.sources.book import load_book

    names = lang.reference_names(load_book(root).tables)
    assert names["ar"]["summits:wales-2014"] == "قمة ويلز" and names["en"]["summits:wales-2014"] == "Wales summit"
    both = "summits:wales-2014;context:nowhere"
    assert lang.references_named(both, names["ar"], "ar") == "قمة ويلز، context:nowhere"
    assert lang.references_named(both, names["en"]) == "Wales summit, context:nowhere"
