"""The opening page's findings: computed from the data, between six and ten, each linked to the section arguing it."""

import re
from pathlib import Path

import pytest

from natoar.report import summary
from natoar.sources.book import load_book

CHAPTERS = Path(__file__).resolve().parents[1] / "chapters"


@pytest.fixture(scope="module")
def findings(root):
    return summary.findings(load_book(root))


def test_six_to_ten_findings_each_one_sentence(findings):
    assert 6 <= len(findings) <= 10
    for finding in findings:
        assert finding.sentence.endswith(".") and finding.sentence.count(". ") == 0, finding.sentence


def test_each_finding_links_to_a_label_the_book_defines(findings):
    labels = {m for p in CHAPTERS.rglob("*.ipynb") for m in re.findall(r"\(([a-z0-9-]+)\)=", p.read_text())}
    assert {f.section for f in findings} <= labels


def test_findings_follow_the_data(findings):
    text = " ".join(f.sentence for f in findings)
    assert "with 5 other partners by the cable's count" in text
    assert "named 3 partners for capacity building and 2 more on conditions, and not Morocco" in text
    assert "morocco-us-2020 ties 0 of 4 to NATO; nato-morocco-2024 ties 3 of 3 to NATO (1 jointly with" in text
    assert "by a hand reading 8 of its 21 paragraphs hedge" in text
    assert "published 15 days after the United States recognised" in text
    assert "dated 4 days after Mubarak fell" in text
    assert "2 print no date and 1 prints a wrong one" in text


def test_a_changed_fact_changes_the_finding(root):
    book = load_book(root)
    book.corpus.documents.loc[book.corpus.documents["id"] == "morocco-us-2020", "date_iso"] = "2020-12-20"
    try:
        assert "published 10 days after" in summary.recognition(book).sentence
    finally:
        book.corpus.documents.loc[book.corpus.documents["id"] == "morocco-us-2020", "date_iso"] = "2020-12-25"
