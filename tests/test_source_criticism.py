"""Source criticism: weekdays a text gives against its dates, dates by what they rest on, and the signs of
republishing and translation."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from natoar.report import documents, textstats
from natoar.sources import corpus
from natoar.sources.book import load_book
from natoar.sources.datapackage import read_package
from natoar.sources.errors import CatalogueError, TableError
from natoar.sources.evidence import load_evidence
from natoar.text.dates import parse_date
from natoar.text.months import DAYS, WEEKDAYS
from natoar.text.scripts import latin_in_arabic, latin_prose, quotation_marks
from natoar.text.weekdays import WeekdayClaim, fits, fitting_days, weekday_claims, weekday_name


@pytest.fixture(scope="module")
def book(root):
    return load_book(root)


# Weekdays


def test_weekday_claims_read_the_day_word_and_the_weekday_from_the_arabic():
    text = "قالت اليوم السبت إن القمة اختتمت وأمس الجمعة، وسيجتمعون غداً الأحد ثم يوم الاثنين"
    claims = weekday_claims(text)
    assert [(c.text, c.offset, weekday_name(date(2014, 9, 1 + c.weekday))) for c in claims] == [
        ("اليوم السبت", 0, "Saturday"),
        ("وأمس الجمعة", -1, "Friday"),
        ("غداً الأحد", 1, "Sunday"),
    ]
    assert {c.of_writing for c in claims} == {5}  # all three name a Saturday as the day of writing
    assert [c.english() for c in claims] == ["today is a Saturday", "yesterday was a Friday", "tomorrow is a Sunday"]
    assert [c.arabic() for c in claims] == ["اليوم هو يوم السبت", "أمس كان يوم الجمعة", "غدًا يكون يوم الأحد"]


def test_a_weekday_without_a_day_word_or_glued_to_it_is_no_claim():
    assert weekday_claims("يوم السبت الماضي") == []
    assert weekday_claims("اليوم، السبت") == []
    assert weekday_claims("اليومالسبت") == []


def test_every_weekday_name_in_the_one_list_is_read_and_numbered_as_python_does():
    assert sorted(DAYS) == list(range(7)) and set(WEEKDAYS) == {n for names in DAYS.values() for n in names}
    for number, names in DAYS.items():
        for name in names:
            (claim,) = weekday_claims(f"اليوم {name}")
            assert claim.weekday == number
            assert weekday_name(date(2024, 4, 22 + number)) == weekday_name(date(2024, 4, 22 + claim.weekday))


def test_fitting_days_keep_the_days_on_which_every_claim_holds():
    claims = [WeekdayClaim("أمس الجمعة", -1, 4), WeekdayClaim("اليوم السبت", 0, 5)]
    assert fits(claims, date(2014, 9, 6)) and not fits(claims, date(2024, 4, 24))
    assert fitting_days(claims, parse_date("2014-09")) == [date(2014, 9, d) for d in (6, 13, 20, 27)]
    assert fitting_days([*claims, WeekdayClaim("اليوم الأحد", 0, 6)], parse_date("2014-09")) == []


# The misdated report: both proofs, computed from the seed, the catalogue and the outside context


def test_the_wales_report_printed_date_fails_its_own_weekdays_and_the_estimate_fits(book):
    checks = documents.weekday_checks(book.curated, book.paragraphs)
    assert checks["doc"].tolist() == ["wales-2014", "wales-2014"]
    assert checks["quote"].tolist() == ["أمس الجمعة", "اليوم السبت"]
    assert checks["on the printed date"].tolist() == ["no: 2024-04-23 (Tuesday)", "no: 2024-04-24 (Wednesday)"]
    assert checks["on the estimated date"].tolist() == ["yes: 2014-09-05 (Friday)", "yes: 2014-09-06 (Saturday)"]
    arabic = documents.weekday_checks(book.curated, book.paragraphs, lang="ar")
    assert arabic[["doc", "paragraph", "quote"]].equals(checks[["doc", "paragraph", "quote"]])
    assert arabic["on the printed date"].tolist() == ["لا: 2024-04-23 (الثلاثاء)", "لا: 2024-04-24 (الأربعاء)"]
    assert arabic["on the estimated date"].tolist() == ["نعم: 2014-09-05 (الجمعة)", "نعم: 2014-09-06 (السبت)"]


def test_the_summit_dates_leave_one_day_that_fits_the_text(book):
    summits = book["reference/summits"]
    near = documents.summit_checks(book.catalogue, book.paragraphs, summits)
    assert near["doc"].tolist() == ["wales-2014"]
    assert near.iloc[0][documents.FIT_COLUMN] == "2014-09-06 (Saturday)"
    assert near.iloc[0]["summit"] == "2014-09-04 (Thursday) to 2014-09-05 (Friday)"
    arabic = documents.summit_checks(book.catalogue, book.paragraphs, summits, lang="ar").iloc[0]
    assert arabic[documents.FIT_COLUMN] == "2014-09-06 (السبت)"
    assert arabic["summit"] == "2014-09-04 (الخميس) إلى 2014-09-05 (الجمعة)"
    assert arabic["outside context"] == "قمة ويلز (summits:wales-2014)"
    values = documents.misdating(book.catalogue, book.paragraphs, summits, "wales-2014")
    assert values["misdated_printed"] == "24 April 2024, a Wednesday"
    assert values["misdated_text_day"] == "Saturday"
    assert values["misdated_written"] == "Saturday 6 September 2014"
    assert int(values["misdated_allowed"].replace(",", "")) > 400  # the weekdays alone cannot date the text
    with pytest.raises(ValueError, match="cable-2014"):
        documents.misdating(book.catalogue, book.paragraphs, summits, "cable-2014")


def test_a_new_document_with_weekdays_is_checked_against_a_span_too():
    catalogue = pd.DataFrame({"id": ["x"], "date_printed_iso": [""], "date_iso": ["2014-09"], "date_outside": [""]})
    body = pd.DataFrame({"doc": ["x"], "paragraph": [1], "text": ["قال اليوم السبت"]})
    checks = documents.weekday_checks(catalogue, body)
    assert checks.iloc[0]["on the printed date"] == "—"
    assert checks.iloc[0]["on the estimated date"] == "4 of 30 days fit"
    assert documents.weekday_checks(catalogue, body, lang="ar").iloc[0]["on the estimated date"] == "يلائم 4 من 30 يومًا"


# Dates by what they rest on


def test_event_date_bases_are_the_three_names_and_every_one_is_counted(book):
    events = book["events"]
    column = next(c for c in read_package().table("events").columns if c.name == "date_basis")
    assert column.choices == ("stated", "inferred", "outside") == tuple(documents.BASIS_WORDS)
    counts = documents.date_bases(events)
    assert sum(counts.values()) == len(events) and all(counts.values())
    table = documents.bases_by_document(events, book.catalogue).set_index("doc")
    assert table.loc["all"].to_dict() == counts
    assert table.loc["cable-2014", "outside"] == (events["seed"] == "cable-2014").sum()  # the cable gives no year


def test_date_basis_phrase_agrees_in_number_and_leaves_out_empty_bases():
    events = pd.DataFrame({"date_basis": ["stated", "outside", "outside"]})
    assert documents.date_basis_phrase(events) == "1 is stated in the text and 2 are taken from outside knowledge"
    assert documents.date_basis_phrase(events.iloc[:0]) == "none is dated"


def test_every_outside_event_says_which_outside_knowledge_dates_it(book):
    events = book["events"]
    outside = events[events["date_basis"] == "outside"]
    assert outside["date_note"].str.contains("outside").all()
    stated = events[events["date_basis"] == "stated"]
    assert stated["date_note"].str.startswith("'").all()  # the seed's own words


def test_documents_dated_with_outside_knowledge_name_it(book):
    catalogue = book.catalogue.set_index("id")
    assert catalogue.loc["wales-2014", ["date_basis", "date_outside"]].tolist() == ["outside", "summits:wales-2014"]
    assert catalogue.loc["nato-morocco-2024", "date_outside"] == "context:annual-report-2023"
    curated = catalogue["curation"] == "curated"  # a document not yet curated holds add-source's proposed note
    for note in catalogue.loc[(catalogue["date_basis"] == "outside") & curated, "date_note"]:
        assert "From the wording" in note and "From outside" in note


def _edit_document(project, doc, **values):
    path = project / "data" / "documents.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column, value in values.items():
        frame.loc[frame["id"] == doc, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"date_outside": ""}, "column 'date_outside' is required exactly when date_basis is 'outside'"),
        ({"date_basis": "inferred"}, "column 'date_outside' is required exactly when date_basis is 'outside'"),
        ({"date_iso": "2024-04"}, "date_iso 2024-04 overlaps the printed date 2024-04-24"),
        ({"date_basis": "printed", "date_outside": ""}, "date_basis is 'printed' but date_iso differs"),
    ],
)
def test_a_document_date_that_contradicts_its_basis_is_refused(project, values, message):
    path = _edit_document(project, "wales-2014", **values)
    with pytest.raises(CatalogueError, match=re.escape(message)) as err:
        corpus.load_catalogue(project)
    assert str(path) in str(err.value) and "line 3" in str(err.value)


def test_outside_context_for_a_date_must_name_a_reference_row(project):
    path = _edit_document(project, "wales-2014", date_outside="summits:wales-2015")
    with pytest.raises(TableError, match="'summits:wales-2015' names a row that data/reference/ lacks") as err:
        load_evidence(project)
    assert str(path) in str(err.value) and "line 3" in str(err.value)
    assert "data/reference/<table>.csv" in err.value.fix


# Signs of republishing and translation


def test_latin_words_inside_arabic_are_found_glued_or_between_arabic_words():
    assert [(w.word, w.chunk, w.glued) for w in latin_in_arabic("قدرة الناتو علىprojection الاستقرار")] == [
        ("projection", "علىprojection", True)
    ]
    assert [w.word for w in latin_in_arabic("حلف شمال الأطلسي (NATO) اليوم")] == ["NATO"]
    assert latin_in_arabic("NATO اليوم") == latin_in_arabic("اليوم NATO") == []  # at an edge: not inside
    assert latin_in_arabic("Site icon Maghreb Online") == []


def test_quotation_marks_tell_french_spacing_from_plain_guillemets():
    marks = quotation_marks('وفقًا لمبدأ «\u00a0التصميم\u00a0» و«الطلب» و“الناتو” و"هذا"')
    assert marks == (4, 2, 2, 2)


def test_latin_prose_is_a_line_of_european_words_not_a_date_stamp():
    assert latin_prose("Quitter la version mobile")
    assert not latin_prose("15 Feb. 2011 -")
    assert not latin_prose("فقرة with English")


def test_republishing_signs_of_the_corpus(book):
    signs = documents.republishing_signs(book.curated, book.paragraphs, book.furniture).set_index("doc")
    assert signs.loc["cable-2014", "Latin words in the Arabic"].startswith("projection ({ref}`cable-2014 ¶26")
    assert signs.loc["cable-2014", ["guillemets « »", "with French spacing"]].tolist() == [2, 2]
    assert signs.loc["nato-morocco-2024", ["repeated headline", "pull quotes"]].tolist() == [1, 2]
    assert "Quitter la version mobile" in signs.loc["cable-2014", "Latin-script lines removed"]
    arabic = documents.republishing_signs(book.curated, book.paragraphs, book.furniture, lang="ar").set_index("doc")
    assert arabic.loc["cable-2014", "Latin words in the Arabic"].endswith("، ملتصقة بكلمة عربية)")
    assert arabic.drop(columns=["Latin words in the Arabic", "other quotation marks"]).equals(
        signs.drop(columns=["Latin words in the Arabic", "other quotation marks"]))  # the same counts and lines
    counts = documents.republishing_counts(signs.reset_index())
    assert (counts["n_headline_again"], counts["n_latin_words"], counts["n_guillemets"]) == (3, 1, 2)
    assert counts["pull_quotes"] == "nato-morocco-2024 repeats 2 of its own sentences as pull quotes"


def test_key_findings_answer_rather_than_list(book):
    body = book.paragraphs
    findings = documents.key_findings(
        book.catalogue, textstats.lengths(body), body, book.furniture, book["reference/summits"]
    )
    assert any("wales-2014, 24 April 2024, a Wednesday, is not when it was written" in f for f in findings)
    # the day that fits is in words, as the printed date before it is
    assert any(f.endswith("its weekdays fit 6 September 2014 (Saturday).") for f in findings)
    arabic = documents.key_findings(
        book.catalogue, textstats.lengths(body), body, book.furniture, book["reference/summits"], lang="ar"
    )
    assert any(f.endswith("إلا 6 سبتمبر 2014 (السبت).") for f in arabic)
    assert any("cable-2014 shows signs of translation" in f for f in findings)
    assert not any("lines of site furniture were removed" in f for f in findings)  # an inventory, dropped
