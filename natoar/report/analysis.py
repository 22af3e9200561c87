"""Cross-tabulations and measures the analytical chapters share."""

from __future__ import annotations

import re

import pandas as pd

from natoar.report.markdown import source_ref
from natoar.text import markers
from natoar.text.dates import parse_date
from natoar.text.markers import ATTRIBUTIONS, HEDGES
from natoar.text.names import Matcher
from natoar.text.sentences import sentence_around

ROLE_MARKS = {
    "member": "M",
    "partner": "P",
    "beneficiary": "B",
    "candidate": "C",
    "observer": "O",
    "party": "A",
    "attendee": "E",
    "host": "H",
    "participant": "T",
    "founder": "F",
    "supporter": "S",
}


# Frameworks by whose instrument they are (frameworks.csv `family`), in the order the book shows them.
FAMILIES = {
    "nato-multilateral": "NATO forum",
    "nato-individual": "NATO, one partner",
    "nato-initiative": "NATO initiative",
    "nato-policy": "NATO policy",
    "us-bilateral": "US bilateral",
    "regional": "regional",
    "unverified": "unverified",
}
NATO_FAMILIES = tuple(f for f in FAMILIES if f.startswith("nato-"))


def by_family(frameworks: pd.DataFrame, ids: list[str]) -> list[str]:
    """Return framework ids ordered by family (FAMILIES order), keeping their given order within a family."""
    family = frameworks.set_index("id")["family"]
    return sorted(ids, key=lambda f: list(FAMILIES).index(family[f]))


# A role's mark is followed by these when the role is less than held: claimed without support, or announced for
# later; and by a dagger when its only evidence is a document of unverified provenance (UNVERIFIED_GENRES).
STATUS_MARKS = {"claimed": "?", "planned": "*"}
UNVERIFIED_MARK = "†"
UNVERIFIED_GENRES = ("leaked-cable",)


def unverified_seeds(catalogue: pd.DataFrame) -> list[str]:
    """Return the documents whose provenance is unverified (a leak), by genre."""
    return catalogue.loc[catalogue["genre"].isin(UNVERIFIED_GENRES), "id"].tolist()


def membership_matrix(
    memberships: pd.DataFrame, frameworks: list[str], unverified: list[str] | None = None
) -> pd.DataFrame:
    """Return a country × framework table of role marks (see ROLE_MARKS) for the given frameworks; a role the seed
    only claims is marked '?', a planned one '*' (STATUS_MARKS), and one recorded from the `unverified` documents
    only '†'."""
    chosen = memberships[memberships["framework"].isin(frameworks)]
    doubt = chosen["status"].map(STATUS_MARKS).fillna("")
    mark = chosen["role"].map(ROLE_MARKS) + doubt
    keys = [chosen["country"], chosen["framework"], mark]
    only_unverified = chosen["seed"].isin(unverified or []).groupby(keys).transform("all")
    marks = chosen.assign(mark=mark + only_unverified.map({True: UNVERIFIED_MARK, False: ""}))
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


def framework_mentions(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return each (document, framework) pair the curated tables record, with the framework's family."""
    pairs = [
        tables["frameworks"][["seed", "id"]].rename(columns={"id": "framework"}),
        tables["memberships"][["seed", "framework"]],
        tables["events"].loc[tables["events"]["framework"] != "", ["seed", "framework"]],
        tables["attributions"][["seed", "instrument"]].rename(columns={"instrument": "framework"}),
    ]
    found = pd.concat(pairs, ignore_index=True).drop_duplicates().sort_values(["seed", "framework"], ignore_index=True)
    family = tables["frameworks"].set_index("id")["family"]
    return found.assign(family=found["framework"].map(family))


def family_counts(mentions: pd.DataFrame, documents: list[str], families: list[str]) -> pd.DataFrame:
    """Return a family × document table of how many distinct frameworks of each family each document names."""
    table = pd.crosstab(mentions["family"], mentions["seed"]).reindex(index=families, columns=documents, fill_value=0)
    return table.rename_axis(index="family", columns=None).reset_index()


def attribution_summary(attributions: pd.DataFrame, documents: list[str]) -> pd.DataFrame:
    """Return, per document, the passages naming a US instrument, how many of them make it NATO's, and how many
    of those are ambiguous (their words may also be a loose description naming no instrument)."""
    to_nato = attributions["attributed_to"] != "us"
    ambiguous = to_nato & (attributions["reading"] == "ambiguous")
    rows = []
    for doc in documents:
        mine = attributions["seed"] == doc
        rows.append((doc, int(mine.sum()), int((to_nato & mine).sum()), int((ambiguous & mine).sum())))
    columns = ["document", "passages naming a US instrument", "made NATO's", "of them ambiguous"]
    return pd.DataFrame(rows, columns=columns)


def agreement(labels: pd.Series, measured: pd.Series) -> dict[str, float | int]:
    """Return how often a yes/no measure agrees with hand labels: counts of each cell, the share agreeing and
    Cohen's kappa (agreement beyond what the two marginal rates would give by chance)."""
    labels, measured = labels.astype(bool).to_numpy(), measured.astype(bool).to_numpy()
    n = len(labels)
    both, neither = int((labels & measured).sum()), int((~labels & ~measured).sum())
    observed = (both + neither) / n
    chance = labels.mean() * measured.mean() + (1 - labels.mean()) * (1 - measured.mean())
    kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0
    return {
        "n": n,
        "both yes": both,
        "both no": neither,
        "only the labels": int((labels & ~measured).sum()),
        "only the measure": int((~labels & measured).sum()),
        "agreement": round(observed, 3),
        "kappa": round(float(kappa), 3),
    }


def hand_hedged(labels: pd.DataFrame, doc: str) -> int:
    """Return how many paragraphs of `doc` the hand labels of `data/hedge_labels.csv` mark as hedged."""
    return int(((labels["seed"] == doc) & (labels["hedged"] == "yes")).sum())


def members_when_written(members: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return, per document, when it was written and how many members NATO had then: one number, or the two ends
    ("31–32") when an accession falls within the document's date of writing."""
    joined = sorted((parse_date(d).start, int(n)) for d, n in zip(members["date"], members["members"], strict=True))

    def count(day: object) -> int:
        """The members after the last accession on or before `day` (none before the Treaty)."""
        earlier = [n for start, n in joined if start <= day]
        return earlier[-1] if earlier else 0

    rows = []
    for doc in catalogue.itertuples():
        written = parse_date(doc.date_iso)
        first, last = count(written.start), count(written.end)
        rows.append((doc.id, doc.date_iso, str(first) if first == last else f"{first}–{last}"))
    return pd.DataFrame(rows, columns=["document", "written", "NATO members then"])


def ambiguous_apart(attributions: pd.DataFrame, doc: str) -> bool:
    """Return True if `doc` has passages tying a US instrument to NATO and the United States together and none of
    them is ambiguous: its ambiguous passages, if any, are other passages."""
    mine = attributions[attributions["seed"] == doc]
    joint = mine["attributed_to"] == "nato-and-us"
    return bool(joint.any() and not (joint & (mine["reading"] == "ambiguous")).any())


def jointly_with_us(attributions: pd.DataFrame) -> pd.Series:
    """Return, per document, the passages that tie a US instrument to NATO and the United States together."""
    return attributions[attributions["attributed_to"] == "nato-and-us"].groupby("seed").size()


def hedging_check(paragraphs: pd.DataFrame, labels: pd.DataFrame) -> dict[str, float | int]:
    """Return the agreement of the hedge markers (HEDGES) with the hand labels of `data/hedge_labels.csv`."""
    text = paragraphs.set_index(["doc", "paragraph"])["text"]
    measured = pd.Series(
        [markers.count(HEDGES, text[(s, p)]) > 0 for s, p in zip(labels["seed"], labels["paragraph"], strict=True)]
    )
    return agreement(labels["hedged"] == "yes", measured)


def blur_check(paragraphs: pd.DataFrame, attributions: pd.DataFrame, nato: Matcher) -> dict[str, float | int]:
    """Return the agreement with the hand reading of `data/attributions.csv` of a word-pattern proxy: a passage
    makes a US instrument NATO's if its sentence names NATO at all."""
    text = paragraphs.set_index(["doc", "paragraph"])["text"]
    sentences = [
        sentence_around(text[(s, p)], q)
        for s, p, q in attributions[["seed", "paragraph", "quote"]].itertuples(index=False)
    ]
    measured = pd.Series([any(e == "nato" for e, *_ in nato.find(s)) for s in sentences])
    return agreement(attributions["attributed_to"] != "us", measured)


def cause_support(causes: pd.DataFrame) -> pd.DataFrame:
    """Return how the causes a text gives are supported: counts by attribution (a named source, a section's source,
    the text's own voice) and hedging, largest first."""
    table = causes.groupby(["attribution", "hedged"]).size().reset_index(name="causes")
    return table.sort_values(["causes", "attribution", "hedged"], ascending=[False, True, True], ignore_index=True)
