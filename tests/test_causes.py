"""The 2024 analysis's causal chain (data/causes.csv): each cause is a translated passage of theme `cause`, its
hedge is read in the passage's own words, and the chain it draws runs forward without loops."""

import pytest

from natoar.sources.book import load_book
from natoar.text import markers


@pytest.fixture(scope="module")
def tables(root):
    book = load_book(root)
    return book["causes"], book["passages"]


def test_every_cause_is_a_cause_passage_and_every_cause_passage_a_cause(tables):
    causes, passages = tables
    theme = passages.set_index("id")["theme"]
    assert set(theme[causes["id"]]) == {"cause"}
    assert set(passages.loc[passages["theme"] == "cause", "id"]) == set(causes["id"])


def test_a_cause_cites_the_paragraph_of_its_passage(tables):
    causes, passages = tables
    cited = passages.set_index("id")[["seed", "paragraph"]]
    assert (causes.set_index("id")[["seed", "paragraph"]] == cited.loc[causes["id"]]).all().all()


def test_a_hedged_cause_names_its_hedge_inside_its_passage(tables):
    causes, passages = tables
    quotes = passages.set_index("id")["quote"]
    for row in causes.itertuples():
        assert (row.hedged == "yes") == bool(row.quote), row.id
        if row.quote:
            assert row.quote in quotes[row.id], row.id
            assert markers.count(markers.HEDGES, row.quote) > 0, row.id


def test_only_a_credited_cause_names_its_source(tables):
    causes, _ = tables
    credited = causes["attribution"].isin(["attributed", "section"])
    assert ((causes["credited_to"] != "") == credited).all()


def test_the_chain_runs_forward_within_one_document(tables):
    causes, _ = tables
    rows = causes.set_index("id")
    for start in causes["id"]:
        seen, here = {start}, rows.loc[start, "leads_to"]
        while here:
            assert here not in seen, f"{start} loops back to {here}"
            assert rows.loc[here, "seed"] == rows.loc[start, "seed"]
            seen.add(here)
            here = rows.loc[here, "leads_to"]
