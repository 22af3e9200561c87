"""Cross-tabulations and measures the analytical chapters share."""

from __future__ import annotations

import re

import pandas as pd

from natoar.report.markdown import source_ref
from natoar.text import markers
from natoar.text.markers import ATTRIBUTIONS, HEDGES

ROLE_MARKS = {
    "member": "M",
    "partner": "P",
    "beneficiary": "B",
    "candidate": "C",
    "observer": "O",
    "party": "A",
    "host": "H",
    "participant": "T",
    "founder": "F",
    "supporter": "S",
}


def membership_matrix(memberships: pd.DataFrame, frameworks: list[str]) -> pd.DataFrame:
    """Return a country × framework table of role marks (see ROLE_MARKS) for the given frameworks."""
    chosen = memberships[memberships["framework"].isin(frameworks)]
    marks = chosen.assign(mark=chosen["role"].map(ROLE_MARKS))
    table = marks.groupby(["country", "framework"])["mark"].agg(lambda m: "".join(sorted(set(m)))).unstack()
    table = table.reindex(columns=[f for f in frameworks if f in table.columns]).fillna("")
    order = (table != "").sum(axis=1).sort_values(ascending=False, kind="stable")
    return table.loc[order.index].rename_axis(index="country", columns=None).reset_index()


def topic_matrix(topics: pd.DataFrame, documents: list[str]) -> pd.DataFrame:
    """Return a topic × document table of 1/0: whether the document raises the topic."""
    table = pd.crosstab(topics["topic"], topics["seed"]).reindex(columns=documents, fill_value=0).clip(upper=1)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable")
    return table.loc[order.index].rename_axis(index="topic", columns=None).reset_index()


def markers_table() -> pd.DataFrame:
    """Return the hedging and attribution markers as a table for the reader."""
    rows = [("hedge", label, pattern) for label, pattern in HEDGES.items()]
    rows += [("attribution", label, pattern) for label, pattern in ATTRIBUTIONS.items()]
    return pd.DataFrame(rows, columns=["kind", "marker", "pattern"])


def hedging(paragraphs: pd.DataFrame, doc: str) -> pd.DataFrame:
    """Return, per paragraph of `doc`, the count of hedging markers and of attributions to a named source."""
    body = paragraphs[paragraphs["doc"] == doc]
    return pd.DataFrame(
        {
            "paragraph": body["paragraph"].to_numpy(),
            "hedges": [markers.count(HEDGES, t) for t in body["text"]],
            "attributions": [markers.count(ATTRIBUTIONS, t) for t in body["text"]],
            "source": [source_ref(doc, int(p)) for p in body["paragraph"]],
        }
    )


_ACRONYM = re.compile(r"\(([A-Z]{2,})[),]")


def entity_names(actors: pd.DataFrame, frameworks: pd.DataFrame) -> dict[str, str]:
    """Return a short English name for each actor and framework id: its acronym if it has one, else its name
    without the parenthesis (North Atlantic Treaty Organization (NATO) → NATO; The Pentagon (US …) → The Pentagon)."""
    names = {}
    for key, name in zip(actors["id"], actors["name_en"], strict=True):
        acronym = _ACRONYM.search(name)
        names[key] = acronym.group(1) if acronym else name.split(" (")[0]
    for key, name, acronym in zip(frameworks["id"], frameworks["name_en"], frameworks["acronym"], strict=True):
        names[key] = acronym or name.split(" (")[0]
    return names
