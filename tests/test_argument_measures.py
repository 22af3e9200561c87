"""The measures the argument rests on: agreement with hand labels, counts by family, whose instrument a passage
makes a US one, and the sentence around a quote."""

import pandas as pd
import pytest

from natoar.report import analysis
from natoar.sources.book import load_book
from natoar.text.names import build_matcher
from natoar.text.sentences import sentence_around


def test_agreement_counts_cells_and_kappa():
    labels = pd.Series([True, True, False, False])
    result = analysis.agreement(labels, pd.Series([True, False, False, False]))
    assert (result["both yes"], result["both no"], result["only the labels"], result["only the measure"]) == (
        1,
        2,
        1,
        0,
    )
    assert result["agreement"] == 0.75
    assert result["kappa"] == 0.5  # observed 0.75 against 0.5 by chance


def test_agreement_of_a_perfect_measure_is_one():
    labels = pd.Series([True, False, True])
    assert analysis.agreement(labels, labels)["kappa"] == 1.0


def test_sentence_around_stops_at_arabic_and_latin_full_stops():
    text = "الجملة الأولى. قال المتحدث إن الحلف ملتزم؛ ثم انتهى"
    assert sentence_around(text, "إن الحلف") == "قال المتحدث إن الحلف ملتزم؛"
    assert sentence_around(text, "غائب") == "غائب"


def test_frameworks_are_ordered_and_counted_by_family(root):
    tables = load_book(root).tables
    order = analysis.by_family(tables["frameworks"], ["african-lion", "dcb", "md", "african-nato"])
    assert order == ["md", "dcb", "african-lion", "african-nato"]
    counts = analysis.family_counts(analysis.framework_mentions(tables), ["morocco-us-2020"], list(analysis.FAMILIES))
    us = counts.set_index("family").loc["us-bilateral", "morocco-us-2020"]
    # major non-NATO ally status, the roadmap, African Lion, the joint prevention programmes (¶3) and the
    # intelligence cooperation of the DGSN and DGST with US agencies (¶12-15)
    assert us == 5


def test_the_2020_article_keeps_us_instruments_apart_and_the_2024_analysis_does_not(root):
    tables = load_book(root).tables
    summary = analysis.attribution_summary(tables["attributions"], ["morocco-us-2020", "nato-morocco-2024"])
    assert summary.set_index("document")["made NATO's"].to_dict() == {"morocco-us-2020": 0, "nato-morocco-2024": 3}


def test_the_naive_blur_proxy_is_fooled_by_the_name_of_the_us_status(root):
    book = load_book(root)
    result = analysis.blur_check(book.paragraphs, book["attributions"], build_matcher(book["aliases"]))
    assert result["only the measure"] >= 1  # 'major non-NATO ally' names NATO to exclude it


@pytest.mark.parametrize("family", ["nato-multilateral", "us-bilateral", "unverified"])
def test_every_family_has_a_label(family):
    assert analysis.FAMILIES[family]


def test_a_document_written_across_an_accession_gives_both_counts():
    members = pd.DataFrame({"date": ["2023-04-04", "2024-03-07"], "members": [31, 32]})
    catalogue = pd.DataFrame({"id": ["before", "across", "after"],
                              "date_iso": ["2024-02", "2024-03/2024-05", "2024-03-14/2024-05"]})
    counts = analysis.members_when_written(members, catalogue).set_index("document")["NATO members then"]
    assert counts.to_dict() == {"before": "31", "across": "31–32", "after": "32"}


def test_the_grid_marks_roles_claimed_planned_or_recorded_only_by_the_leaked_cable(root):
    book = load_book(root)
    memberships, frameworks = book["memberships"], book["frameworks"]
    shown = analysis.by_family(frameworks, sorted(set(memberships["framework"])))
    unverified = analysis.unverified_seeds(book.catalogue)
    assert unverified == ["cable-2014"]
    grid = analysis.membership_matrix(memberships, shown, unverified).set_index("country")
    # Morocco's candidacy for capacity building and its individual programme rest on the cable alone
    assert (grid.loc["morocco", "dcb"], grid.loc["morocco", "ipcp"]) == ("C†", "P†")
    assert grid.loc["morocco", "african-lion"] == "H*T"  # a host announced for later, a participant now
    assert grid.loc["mauritania", "african-nato"] == "M?"  # claimed only
    assert grid.loc["jordan", "dcb"] == "B"  # the Wales report records it: no dagger
