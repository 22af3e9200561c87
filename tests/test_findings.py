"""The chapters' key findings: computed from the data, answers rather than inventories, and following the data."""

import pytest

from natoar.report import curation, findings
from natoar.sources.book import load_book

CHAPTERS = [
    findings.architecture,
    findings.wales,
    findings.morocco_us,
    findings.sahel,
    findings.gulf,
    findings.timeline,
    findings.text_analysis,
]


@pytest.fixture(scope="module")
def book(root):
    return load_book(root)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda f: f.__name__)
def test_each_chapter_has_a_few_finished_sentences(book, chapter):
    sentences = chapter(book)
    notes = {curation.not_counted(book.catalogue, read_as_text) for read_as_text in (False, True)}
    assert 2 <= len([s for s in sentences if s not in notes]) <= 6  # the note on documents not yet curated aside
    assert all(s.endswith(".") and "{" not in s for s in sentences)


def test_findings_state_what_the_data_holds(book):
    seed = curation.evidence_names(book.catalogue)[1]  # 'curated document' once some are not yet curated
    assert f"no {seed} names Morocco as a Mediterranean Dialogue partner, though it joined in February 1995" in (
        findings.architecture(book)[0]
    )
    assert "match in number the 5 the Wales report names" in findings.wales(book)[1]
    assert "It appeared 15 days after" in findings.morocco_us(book)[1]
    assert "It keeps NATO apart: 4 of its 4" in findings.morocco_us(book)[2]
    assert (
        "in 3 of 3 passages that name them (1 of them to NATO and the United States together; in another the wording "
        "is ambiguous)" in findings.sahel(book)[4]
    )
    assert "6 sit in the section it credits to the Future Center's report and 12 carry no attribution" in (
        findings.sahel(book)[2]
    )
    assert "A hand reading finds hedges in 8 of its 21 paragraphs (the word markers count 10" in findings.sahel(book)[1]
    assert "(1 contradicted, 3 imprecise, 1 misattributed, 2 unconfirmed)" in findings.sahel(book)[3]
    assert "they look back to 6 earlier events, dating 4 of them in their own words (3 stated, 1 inferred)" in (
        findings.timeline(book)[1]
    )
    assert "17 of the 27 taken from outside knowledge are in cable-2014 (9) and wales-2014 (8)." in (
        findings.timeline(book)[2]
    )
    assert "It is dated 4 days after Mubarak fell" in findings.gulf(book)[1]


def test_a_changed_reading_changes_the_finding(root):
    book = load_book(root)
    attributions = book.tables["attributions"]
    attributions.loc[attributions["id"] == "mnna-us", "attributed_to"] = "nato"
    changed = type(book)(book.root, book.corpus, {**book.tables, "attributions": attributions})
    assert findings.morocco_us(changed)[2].startswith("It does not keep NATO apart: 3 of its 4")


def test_an_ambiguous_passage_is_counted_and_said_to_be_ambiguous(root):
    from natoar.report import summary

    book = load_book(root)
    assert "(1 jointly with the United States, 1 ambiguously)" in summary.us_fold(book).sentence
    attributions = book.tables["attributions"]
    attributions["reading"] = "clear"
    changed = type(book)(book.root, book.corpus, {**book.tables, "attributions": attributions})
    assert "ambiguous" not in findings.sahel(changed)[4] and "ملتبسة" not in findings.sahel(changed, lang="ar")[4]
    assert "(1 jointly with the United States); the confusion" in summary.us_fold(changed).sentence


@pytest.mark.scale
def test_with_250_documents_more_every_finding_stays_a_readable_sentence(project):
    from natoar.report import summary
    from natoar.tools.scalebench import add_documents

    add_documents(project, 250)
    book = load_book(project)
    for language in ("en", "ar"):
        for chapter in [*CHAPTERS, lambda b, lang: [f.sentence for f in summary.findings(b, lang=lang)]]:
            for sentence in chapter(book, lang=language):
                # a sentence naming each of 255 documents runs to thousands of characters
                assert len(sentence) <= 600, f"{language}, {getattr(chapter, '__name__', 'summary')}: {sentence[:300]}"
    distinctive = findings.text_analysis(book)[1]
    assert distinctive.startswith("The most distinctive word of the 9 documents") and distinctive.count(": ") == 10


def test_the_opening_page_states_how_many_documents_its_findings_rest_on(root):
    from dataclasses import replace

    from natoar.report import summary

    book = load_book(root)
    n = len(book.curated)
    assert f"Its {n} documents show" in summary.scope(book)
    assert f"فوثائقه الـ{n} تُظهر" in summary.scope(book, lang="ar")
    one = replace(book, corpus=replace(book.corpus, documents=book.corpus.documents.head(1)))
    assert "Its one document shows" in summary.scope(one)
    assert "فوثيقته الوحيدة تُظهر" in summary.scope(one, lang="ar")
