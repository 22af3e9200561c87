"""The text pipeline and date expressions, on real sentences from the seeds."""

import pandas as pd
import pytest

from natoar.report import curation, textstats
from natoar.sources import corpus
from natoar.sources.book import load_book
from natoar.sources.evidence import load_table
from natoar.text import datefinder, lexicon
from natoar.text.names import people_matcher


def test_stop_words_include_inflected_forms_and_extensions():
    stops = lexicon.stop_words()
    assert {"علي", "وعلي", "التي", "هذه", "يمكن", "وقال"} <= stops
    assert "الناتو" not in stops


def test_content_words_drop_stop_words_digits_and_single_letters():
    assert textstats.content_words("وقال إن الناتو في 2014 و المغرب") == ["الناتو", "المغرب"]


def test_log_odds_ranks_a_word_used_only_in_one_document_first():
    counts = pd.DataFrame(
        [("a", "حلف", 5), ("a", "جورجيا", 4), ("b", "حلف", 5), ("b", "الخليج", 4)], columns=["doc", "term", "count"]
    )
    scores = textstats.log_odds(counts)
    top = textstats.distinctive(scores, 1)
    assert top.set_index("doc")["term"].to_dict() == {"a": "جورجيا", "b": "الخليج"}


@pytest.mark.parametrize(
    ("surface", "form", "match", "hit"),
    [
        ("لمكافحة الإرهاب", "إرهاب", "prefix", True),
        ("التنظيمات الإرهابية", "إرهاب", "prefix", True),
        ("والإرهابيين", "إرهاب", "prefix", True),
        ("الساحل والصحراء", "الساحل", "word", True),
        ("الساحلية", "الساحل", "word", False),
        ("للطاقة", "الطاقة", "word", True),
    ],
)
def test_lexicon_forms_allow_proclitics(surface, form, match, hit):
    lexicon = pd.DataFrame({"theme": ["t"], "form_ar": [form], "match": [match]})
    body = pd.DataFrame({"doc": ["d"], "paragraph": [1], "text": [surface]})
    assert bool(textstats.theme_counts(body, lexicon).loc[0, "d"] > 0) is hit


def test_theme_hits_take_the_longest_form_once():
    # الهجرة and الهجرة غير الشرعية are both migration forms: the phrase counts once, not twice
    lexicon = pd.DataFrame(
        {"theme": ["migration", "migration"], "form_ar": ["الهجرة", "الهجرة غير الشرعية"], "match": ["word", "word"]}
    )
    body = pd.DataFrame({"doc": ["d"], "paragraph": [1], "text": ["مكافحة الهجرة غير الشرعية والهجرة"]})
    assert textstats.theme_counts(body, lexicon).loc[0, "d"] == 2


def test_theme_counts_on_the_corpus(root):
    themes = textstats.theme_counts(corpus.read_corpus(root).paragraphs, load_table("theme_lexicon", root)).set_index(
        "theme"
    )
    assert themes.loc["counter-terrorism", "nato-morocco-2024"] > themes.loc["counter-terrorism", "cable-2014"]
    assert themes.loc["proliferation"].idxmax() == "ici-doha-2011"


def test_kwic_quotes_the_original_in_whole_words():
    body = pd.DataFrame({"doc": ["d"], "paragraph": [1], "text": ["من أجل مكافحة الإرهابِ في المنطقة الواسعة"]})
    line = textstats.kwic(body, "إرهاب", width=12).iloc[0]
    assert (line["left"], line["keyword"], line["right"]) == ("أجل مكافحة", "الإرهابِ", "في المنطقة")


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        # seed 002 ¶2: the Moroccan month name, with no year
        (
            "وخلال العشرين سنة الأخيرة، تعزز هذا التقارب في عالم ما بعد 11 شتنبر",
            "2020-12-25",
            [("last-years", "2000/2020"), ("day-month", "")],
        ),
        # seed 002 ¶6: 'last October'
        (
            "زيارة كاتب الدولة الأمريكي في الدفاع السابق، مارك إسبر، للرباط في أكتوبر الماضي",
            "2020-12-25",
            [("last-month", "2020-10")],
        ),
        # seed 002 ¶1: a century
        ("فتح موانئه للسفن الأمريكية في القرن الـ18", "2020-12-25", [("century", "17XX")]),
        # seed 003 ¶19: month and year
        ("والمقرر إجراؤها في مايو 2024", "2024-03/2024-05", [("month-year", "2024-05")]),
        # seed 000 ¶26: a month alone, resolved to the latest June before the cable
        ("في اجتماعهم في يونيو، أقر وزراء خارجية دول الحلف", "2014-06/2014-09", [("month", "2014-06")]),
        # seed 001 ¶1 and ¶10: yesterday, but not 'the second day'
        ("القمة التي اختتمت فعالياتها أمس الجمعة", "2014-09-06", [("yesterday", "2014-09-05")]),
        ("الذين اجتمعوا بوزراء الدفاع في اليوم الثاني للقمة", "2014-09-06", []),
        # Levantine and Egyptian month names, a full date
        (
            "في 5 أيلول 2014 ثم في 25 ديسمبر 2020",
            "2020-12-25",
            [("day-month-year", "2014-09-05"), ("day-month-year", "2020-12-25")],
        ),
        ("خارطة الطريق 2020-2030", "2020-12-25", [("year-range", "2020/2030")]),
    ],
)
def test_date_expressions(sentence, written, expected):
    assert [(e.kind, e.resolved) for e in datefinder.find_dates(sentence, written)] == expected


def test_every_resolved_expression_is_a_valid_date(root):
    found = datefinder.date_expressions(corpus.read_corpus(root).paragraphs, corpus.load_catalogue(root))
    assert len(found) > 10
    for value in found.loc[found["resolved"] != "", "resolved"]:
        datefinder.parse_date(value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an impossible day is found but not resolved to a date that does not exist
        ("في 45 مايو 2014", [("day-month-year", "")]),
        # a year next to a hyphen is part of something else (an ISO date, read as one), not a year on its own
        ("بتاريخ 2014-09-05", [("numeric-date", "2014-09-05")]),
        # an en dash joins a range as a hyphen does
        ("خطة 2020–2030", [("year-range", "2020/2030")]),
        # a month glued to Latin letters is not a month name
        ("مايوx 2014", [("year", "2014")]),
        # 'in May' at the start of a text or after a bracket (the text's start counts as whitespace)
        ("في مايو اجتمع الوزراء", [("month", "2020-05")]),
        ("(في مايو) اجتمع", [("month", "2020-05")]),
        # but not when في is glued to a word in another script
        ("abcفي مايو", []),
        # the two-word Levantine month and the Algerian one
        ("في 3 تشرين الأول 2013 وفي جوان 2015", [("day-month-year", "2013-10-03"), ("month-year", "2015-06")]),
    ],
)
def test_date_edge_cases(sentence, expected):
    assert [(e.kind, e.resolved) for e in datefinder.find_dates(sentence, "2020-12-25")] == expected


def test_date_expressions_are_quoted_as_written():
    (found,) = datefinder.find_dates("زار الرباط في أكتوبر الماضي.", "2020-12-25")
    assert found.text == "أكتوبر الماضي"


def test_every_word_the_chapter_shows_for_curated_documents_has_a_gloss(root):
    book = load_book(root)
    assert curation.unglossed(book, curation.curated_ids(book.catalogue)).empty


def test_a_missing_gloss_is_listed_for_its_document(project):
    glosses = project / "data" / "glosses.csv"
    lines = glosses.read_text(encoding="utf-8").splitlines(keepends=True)
    glosses.write_text("".join(line for line in lines if not line.startswith("الدفاعية,")), encoding="utf-8")
    book = load_book(project)
    missing = curation.unglossed(book)
    assert ("cable-2014", "الدفاعية") in set(zip(missing["doc"], missing["term"], strict=True))
    assert "الدفاعية" in " ".join(curation.incomplete(book)["detail"])


def test_names_of_people_are_left_out_of_word_counts(root):
    people = people_matcher(load_table("aliases", root), load_table("actors", root))
    # seed 001 ¶2: the spokeswoman's name is not counted as the words 'Farah', 'entered' and 'God'
    sentence = "وقالت المتحدثة باسم وزارة الخارجية فرح دخل الله لمراسل وكالة أنباء الشرق الأوسط"
    kept = textstats.content_words(sentence, leave_out=people)
    assert not {"فرح", "دخل", "الله"} & set(kept)
    assert {"المتحدثة", "الخارجية", "وكالة"} <= set(kept)
    assert set(textstats.content_words(sentence)) - set(kept) == {"فرح", "دخل", "الله"}
