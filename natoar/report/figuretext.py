"""Each chapter figure's title and alt text, computed from the data the figure shows (never typed by hand).

`save_figure` looks a figure up here by its file name; a figure with no entry cannot be saved, so no figure
reaches the book without a title and alt text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from natoar.text.dates import parse_date


@dataclass(frozen=True)
class FigureText:
    """What a figure shows, said twice: as a title above it and as alt text for readers who cannot see it."""

    title: str
    alt: str


class UndescribedFigureError(KeyError):
    """A figure was saved without a title and alt text."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"figure '{name}' has no title or alt text: add an entry for it to TEXTS in natoar/report/figuretext.py"
        )


def _grid_cells(table: pd.DataFrame, index: str) -> tuple[int, int, int]:
    values = table.drop(columns=index)
    filled = int(values.map(lambda v: v not in ("", 0) and not pd.isna(v)).to_numpy().sum())
    return len(table), values.shape[1], filled


def _lengths(data: pd.DataFrame) -> FigureText:
    order = data.sort_values(["words", "doc"], ascending=[False, True])
    longest, shortest = order.iloc[0], order.iloc[-1]
    return FigureText(
        f"Words of article text in each of the {len(data)} documents",
        f"Horizontal bar chart of the number of words of article text in each of the {len(data)} source documents, "
        f"labelled with its id and Arabic headline: the longest is {longest['doc']} ({longest['words']} words), "
        f"the shortest {shortest['doc']} ({shortest['words']} words).",
    )


def _dating(data: pd.DataFrame) -> FigureText:
    differs = int(((data["printed"].fillna("") != "") & (data["printed"] != data["written"])).sum())
    return FigureText(
        f"When each of the {len(data)} documents was written, and the span of events it describes",
        f"Timeline with one row per document ({len(data)} rows): a grey bar for the span of events the document "
        "describes, a blue dot for the best estimate of when it was written, and a diamond for the printed date "
        f"where it differs from that estimate ({differs} of the {len(data)}).",
    )


def _memberships(data: pd.DataFrame) -> FigureText:
    countries, frameworks, filled = _grid_cells(data, "country")
    return FigureText(
        f"Which of {countries} countries the sources place in which of {frameworks} frameworks",
        f"Grid of {countries} countries (rows) against {frameworks} frameworks (columns), the frameworks grouped by "
        f"whose instrument each is: NATO's, the United States', regional or unverified. {filled} cells are "
        "filled, each with a letter for the country's role as a seed states it.",
    )


def _members(data: pd.DataFrame) -> FigureText:
    first, last = data.iloc[0], data.iloc[-1]
    return FigureText(
        "NATO's membership over time, with the dates the documents were written",
        f"Step chart of the number of NATO member states, from {first['members']} in "
        f"{parse_date(first['date']).start.year} to {last['members']} in {parse_date(last['date']).start.year} "
        "(grey, outside context), with dashed blue vertical lines at the dates the documents were written.",
    )


def _topics(data: pd.DataFrame) -> FigureText:
    topics, documents, filled = _grid_cells(data, "topic")
    return FigureText(
        f"Which of {topics} topics each of the {documents} documents raises",
        f"Grid of {topics} topics (rows) against the {documents} documents (columns), filled where the document "
        f"raises the topic: {filled} of {topics * documents} cells.",
    )


def _hedging(data: pd.DataFrame) -> FigureText:
    return FigureText(
        f"Hedges and attributions in each of {len(data)} paragraphs",
        f"Grouped bar chart with two bars for each of {len(data)} paragraphs: the number of hedging markers "
        f"({int(data['hedges'].sum())} in all) and the number of attributions to others "
        f"({int(data['attributions'].sum())} in all).",
    )


def _distinctive(data: pd.DataFrame) -> FigureText:
    documents = data["doc"].nunique()
    most = int(data.groupby("doc").size().max())
    return FigureText(
        f"The most distinctive words of each of the {documents} documents",
        f"{documents} small horizontal bar charts, one per document, each listing up to {most} Arabic words with "
        "their English glosses; a bar's length is the word's weighted log-odds against the other documents.",
    )


def _themes(data: pd.DataFrame) -> FigureText:
    counts = data.set_index("theme")
    theme, doc = counts.stack().idxmax()
    return FigureText(
        f"Theme lexicon hits: {len(counts)} themes in {counts.shape[1]} documents",
        f"Shaded grid of {len(counts)} themes (rows) against {counts.shape[1]} documents (columns), each cell giving "
        f"the number of lexicon hits; the largest is {counts.loc[theme, doc]}, for {theme} in {doc}.",
    )


def _cooccurrence(data: pd.DataFrame) -> FigureText:
    entities = len(set(data["entity_a"]) | set(data["entity_b"]))
    strongest = data.iloc[0]
    return FigureText(
        "Which entities the documents mention in the same paragraphs",
        f"{entities} entities on a circle joined by {len(data)} lines whose thickness shows how many paragraphs "
        f"mention both; the strongest link, {strongest['entity_a']} and {strongest['entity_b']}, is "
        f"{strongest['paragraphs']} paragraphs.",
    )


def _timeline(data: pd.DataFrame) -> FigureText:
    kinds = data["kind"].value_counts()
    seeds = data[data["kind"] == "seed"]
    years = seeds["date"].map(lambda d: parse_date(d).midpoint.year).value_counts()
    busiest = years.sort_index().idxmax()
    return FigureText(
        f"{kinds.get('seed', 0)} events dated in the {kinds.get('document', 0)} documents, above "
        f"{kinds.get('context', 0)} facts of outside context",
        f"Timeline in years. Above the axis, {kinds.get('seed', 0)} events the documents date, each labelled in "
        f"words beside a blue circle (hollow when planned, a diamond when only claimed); {years[busiest]} of them "
        f"fall in {busiest}. Below the axis, {kinds.get('context', 0)} facts of outside context, grey squares "
        "with italic labels. Dashed vertical lines at the top mark the dates the "
        f"{kinds.get('document', 0)} documents were written, each labelled with its id.",
    )


def join_names(names: list[str], lang: str = "en") -> str:
    """Return names as a list in words: 'A', 'A and B', 'A, B and C' ('none' for no names); in Arabic with
    `lang="ar"` ('أ، ب وج', 'لا أحد')."""
    if lang == "ar":
        if not names:
            return "لا أحد"
        return names[0] if len(names) == 1 else "، ".join(names[:-1]) + " و" + names[-1]
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _map(data: pd.DataFrame) -> FigureText:
    def named(framework: str, roles: tuple[str, ...], evidence: tuple[str, ...]) -> str:
        rows = data[(data["framework"] == framework) & data["role"].isin(roles) & data["evidence"].isin(evidence)]
        return join_names(sorted(set(rows["name"])))

    seed = ("stated",)
    morocco = data[data["country"] == "morocco"]
    ties = [
        f"{r.acronym} {r.role}" + (" (NATO's record only)" if r.evidence == "outside context" else f" ({r.evidence})")
        for r in morocco.itertuples()
    ]
    return FigureText(
        "NATO frameworks of Arab and Mediterranean states, as the sources place them",
        "Map from the Atlantic to the Gulf. Mediterranean Dialogue partners a seed names are filled orange: "
        f"{named('md', ('partner',), seed)}; those only NATO's own record names are hatched orange: "
        f"{named('md', ('partner',), ('outside context',))}. Istanbul Cooperation Initiative partners a seed names "
        f"are filled green: {named('ici', ('partner',), seed)}; countries that only attended an ICI meeting are "
        f"outlined in green: {named('ici', ('attendee',), seed)}. A filled star marks a Defence Capacity "
        f"Building beneficiary ({named('dcb', ('beneficiary',), seed)}), a hollow star a candidate "
        f"({named('dcb', ('candidate',), seed)}). Morocco, outlined in black and labelled in the Atlantic: "
        f"{join_names(ties)}.",
    )


TEXTS: dict[str, Callable[[pd.DataFrame], FigureText]] = {
    "sources-length": _lengths,
    "sources-dating": _dating,
    "architecture-matrix": _memberships,
    "architecture-members": _members,
    "architecture-map": _map,
    "gulf-topics": _topics,
    "sahel-hedging": _hedging,
    "text-distinctive": _distinctive,
    "text-themes": _themes,
    "text-cooccurrence": _cooccurrence,
    "timeline": _timeline,
}


def figure_text(name: str, data: pd.DataFrame) -> FigureText:
    """Return the title and alt text of the figure saved as `name`, from the data it shows."""
    if name not in TEXTS:
        raise UndescribedFigureError(name)
    return TEXTS[name](data)
