"""The book's Data pages, one per curated table: the notebook chapters/data/<table>.ipynb holds the hand-written
introduction, and its one code cell, `page("<table>")`, writes the rest from the data. What differs between the
pages (the columns shown, the charts, the counts) is declared in PAGES; everything else is the same for all."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from natoar.report import charts
from natoar.report.figures import FIGURES, add_title, display_width, write_figure
from natoar.report.markdown import MarkdownText, data_label, escape, markdown_table, source_ref
from natoar.sources.book import Book, load_book
from natoar.sources.datapackage import Package, Table, read_package
from natoar.sources.schema import Column
from natoar.text.dates import describe, parse_date
from natoar.text.names import build_matcher, mentions

FOLDER = Path("chapters") / "data"
OUTSIDE_CONTEXT = (
    "This is **outside context**: facts the seeds assume but do not state, each row with the public page it comes "
    "from. It is shown apart from the seed evidence, in grey in the figures."
)
MOST_MENTIONED = 15
MEMBERS_SINCE = 1990


def _rules(package: Package, table: Table, column: Column) -> str:
    """Return what the descriptor requires of a column's values, in words."""
    rules = ["required" if column.required else "optional"]
    if column.type == "integer":
        rules.append("an integer" + ("" if column.minimum is None else f" ≥ {column.minimum}"))
    if column.unique:
        rules.append("unique")
    if column.choices:
        rules.append("one of " + ", ".join(f"`{c}`" for c in column.choices))
    if column.pattern:
        rules.append(f"matches `{column.pattern}`")
    if column.max_length is not None:
        rules.append(f"at most {column.max_length} characters")
    rules += [f"refers to `{k.reference}` in `{k.table}.csv`" for k in table.foreign_keys if k.column == column.name]
    if column.rule:
        rules.append(package.checks[column.rule][0])
    return "; ".join(rules)


def data_dictionary(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """Return, for each table declared in data/datapackage.yaml, its columns with their meanings and rules."""
    package = read_package(root)
    return {
        name: pd.DataFrame(
            [(c.name, c.description, _rules(package, table, c)) for c in table.columns],
            columns=["column", "meaning", "rules"],
        )
        for name, table in package.tables.items()
    }


def row_rules(name: str, root: Path | None = None) -> str:
    """Return the sentences on what each row of table `name` must satisfy beyond its columns ('' if nothing)."""
    package = read_package(root)
    table = package.table(name)
    sentences = []
    if len(table.primary_key) > 1:
        sentences.append(f"Each ({', '.join(f'`{k}`' for k in table.primary_key)}) appears once.")
    sentences += [f"In each row, {package.checks[c][0]}." for c in table.row_checks]
    return " ".join(sentences)


def columns(name: str, root: Path | None = None) -> MarkdownText:
    """Return the data dictionary entry of table `name`: a Markdown table of its columns, then its row rules."""
    table = markdown_table(data_dictionary(root)[name], markup=("meaning", "rules"))
    return MarkdownText("\n\n".join(filter(None, [table, row_rules(name, root)])))


def per_document(table: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return the number of rows each document contributes (zero included), in catalogue order."""
    counts = table.groupby("seed").size()
    return pd.DataFrame({"document": catalogue["id"], "rows": [int(counts.get(d, 0)) for d in catalogue["id"]]})


def per_decade(dates: pd.Series) -> pd.DataFrame:
    """Return how many dates fall in each decade (by the first day each date can mean)."""
    decades = dates.map(lambda d: parse_date(d).start.year // 10 * 10)
    counts = decades.value_counts().sort_index()
    return pd.DataFrame({"decade": [f"{d}s" for d in counts.index], "rows": counts.to_numpy()})


def overview(name: str, table: pd.DataFrame, catalogue: pd.DataFrame | None = None) -> MarkdownText:
    """Return one sentence on the table's size and, for seed tables, how many documents it draws on."""
    text = f"`data/{name}.csv` has {len(table)} rows and {len(table.columns) - 1} columns"
    if catalogue is not None and "seed" in table:
        used = table["seed"].nunique()
        curated = catalogue[catalogue["curation"] == "curated"]
        text += (
            f", drawn from {used} of the {len(curated)} {'' if len(curated) == len(catalogue) else 'curated '}documents"
        )
        if len(curated) < len(catalogue):
            text += f" ({len(catalogue) - len(curated)} more not yet curated)"
    return MarkdownText(text + ".")


def with_source(table: pd.DataFrame) -> pd.DataFrame:
    """Return `table` with a `source` column of links to each row's cited paragraph."""
    links = [source_ref(s, int(p)) for s, p in zip(table["seed"], table["paragraph"], strict=True)]
    return table.assign(source=links)


@dataclass(frozen=True)
class Figure:
    """A chart drawn for a Data page, with the data it shows, its file name, caption, alt text and title."""

    name: str
    drawing: plt.Figure
    data: pd.DataFrame
    caption: str
    alt: str
    title: str


@dataclass(frozen=True)
class Breakdown:
    """A count of a table's rows by the values of some of its columns."""

    by: tuple[str, ...]
    counted: str
    largest_first: bool = False


@dataclass(frozen=True)
class Page:
    """What one table's Data page shows besides what every page shows (the overview and the columns)."""

    shown: tuple[str, ...]  # the columns of 'The table'; `source` links each row to its cited paragraph
    noun: str = "rows"  # what a row is, in the plural, for chart labels and captions
    figures: tuple[Chart, ...] = ()  # the charts under 'Coverage'
    breakdown: Breakdown | None = None  # a count under 'Coverage'


Chart = Callable[[str, Page, pd.DataFrame, Book], Figure]


def per_document_chart(name: str, spec: Page, table: pd.DataFrame, book: Book) -> Figure:
    """Return a bar chart of how many rows each document contributes."""
    data = per_document(table, book.catalogue)
    drawing = charts.count_bars(data, "document", "rows", f"{spec.noun.capitalize()} per document")
    return Figure(
        f"{data_label(name)}-per-document",
        drawing,
        data,
        f"How many {spec.noun} each document contributes.",
        f"Horizontal bar chart of the number of {spec.noun} taken from each of the {len(data)} source documents.",
        f"{spec.noun.capitalize()} taken from each of the {len(data)} documents",
    )


def events_by_decade(name: str, spec: Page, table: pd.DataFrame, book: Book) -> Figure:
    """Return a bar chart of events per decade, captioned with the earliest and the latest event."""
    data = per_decade(table["date"])
    drawing = charts.count_bars(
        data, "decade", "rows", f"{spec.noun.capitalize()} per decade (by earliest possible date)"
    )
    starts = table["date"].map(lambda d: parse_date(d).start)
    first, last = table.loc[starts.idxmin()], table.loc[starts.idxmax()]
    busiest = data.loc[data["rows"].idxmax()]
    caption = (
        f"{spec.noun.capitalize()} per decade, by the earliest date each can mean: from “{escape(first['event_en'])}” "
        f"({describe(first['date'])}) to “{escape(last['event_en'])}” ({describe(last['date'])}, {last['status']}); "
        f"{busiest['rows']} of the {len(table)} fall in the {busiest['decade']}."
    )
    span = f"{data['decade'].iloc[0]} to {data['decade'].iloc[-1]}"
    alt = f"Horizontal bar chart of the number of recorded {spec.noun} in each decade that has any, {span}."
    title = f"{spec.noun.capitalize()} per decade, {span}"
    return Figure(f"{data_label(name)}-per-decade", drawing, data, caption, alt, title)


def mentions_chart(name: str, spec: Page, table: pd.DataFrame, book: Book) -> Figure:
    """Return a bar chart of the most mentioned entities in the article text, found through the aliases."""
    found = mentions(book.paragraphs, build_matcher(table))
    counts = found.groupby("entity").size().sort_values(ascending=False, kind="stable")
    top = counts.head(MOST_MENTIONED).reset_index(name="mentions")
    drawing = charts.count_bars(
        top, "entity", "mentions", "Mentions in the article text (name, metonym and adjective forms)"
    )
    leaders = top.head(2)
    caption = (
        f"The {len(top)} most mentioned of the {len(counts)} entities found: {' and '.join(leaders['entity'])} "
        f"account for {leaders['mentions'].sum()} of all {counts.sum()} mentions."
    )
    alt = f"Horizontal bar chart of the number of mentions of the {len(top)} most mentioned actors and frameworks."
    title = f"The {len(top)} most mentioned actors and frameworks in the article text"
    return Figure(f"{data_label(name)}-mentions", drawing, top, caption, alt, title)


def membership_chart(name: str, spec: Page, table: pd.DataFrame, book: Book) -> Figure:
    """Return NATO's membership over time with the documents' writing dates, as context for reading them."""
    catalogue = book.catalogue
    drawing, data = charts.membership_steps(table, catalogue, MEMBERS_SINCE)
    caption = (
        "NATO's membership (grey, outside context) and the dates the documents were written (blue, seed "
        "catalogue): the size of the Alliance each document was written in."
    )
    alt = (
        f"Step chart of the number of NATO member states since {MEMBERS_SINCE}, with dashed vertical lines at the "
        f"dates of the {len(catalogue)} documents."
    )
    title = "NATO's membership over time, with the dates the documents were written"
    return Figure("data-nato-members", drawing, data, caption, alt, title)


PAGES: dict[str, Page] = {
    "documents": Page(
        ("id", "file", "outlet", "genre", "date_printed", "date_iso", "date_basis", "date_outside", "curation")
    ),
    "events": Page(
        ("id", "date", "date_basis", "status", "event_en", "label", "quote", "source"),
        "events",
        (per_document_chart, events_by_decade),
        Breakdown(("status", "date_basis"), "events"),
    ),
    "actors": Page(
        ("id", "kind", "name_en", "name_ar", "role_en", "source"),
        "actors (first cited)",
        (per_document_chart,),
        Breakdown(("kind",), "actors"),
    ),
    "frameworks": Page(
        ("id", "kind", "family", "name_en", "name_ar", "acronym", "launched", "source"),
        "frameworks (first cited)",
        (per_document_chart,),
        Breakdown(("family", "kind"), "frameworks"),
    ),
    "memberships": Page(
        ("country", "framework", "role", "status", "as_of", "source"),
        "memberships",
        (per_document_chart,),
        Breakdown(("framework", "role", "status"), "countries"),
    ),
    "topics": Page(
        ("seed", "topic", "quote", "source"),
        "topics",
        (per_document_chart,),
        Breakdown(("topic",), "documents", largest_first=True),
    ),
    "topic_vocabulary": Page(("topic", "label_en", "description")),
    "claims": Page(("id", "value_min", "value_max", "counts_en", "as_of", "source"), "claims", (per_document_chart,)),
    "passages": Page(
        ("id", "theme", "quote", "english", "source"),
        "passages",
        (per_document_chart,),
        Breakdown(("theme",), "passages"),
    ),
    "causes": Page(
        ("id", "cause_en", "outcome_en", "leads_to", "attribution", "hedged", "quote", "source"),
        "causes",
        breakdown=Breakdown(("attribution", "hedged"), "causes"),
    ),
    "attributions": Page(
        ("id", "instrument", "attributed_to", "quote", "english", "source"),
        "passages",
        (per_document_chart,),
        Breakdown(("seed", "attributed_to"), "passages"),
    ),
    "aliases": Page(("entity", "form_ar", "use", "note"), figures=(mentions_chart,)),
    "theme_lexicon": Page(("theme", "form_ar", "match", "note"), breakdown=Breakdown(("theme",), "forms")),
    "glosses": Page(("term", "gloss", "note")),
    "renderings": Page(("arabic", "english", "note")),
    "hedge_labels": Page(
        ("seed", "paragraph", "hedged", "quote", "note"), breakdown=Breakdown(("seed", "hedged"), "paragraphs")
    ),
    "reference/nato_members": Page(
        ("date", "members", "joined_en", "source_title", "source_url"), figures=(membership_chart,)
    ),
    "reference/partners": Page(("framework", "country_en", "joined", "note", "source_url")),
    "reference/summits": Page(("id", "name_en", "place_en", "start", "end", "source_url")),
    "reference/context": Page(("id", "date", "fact_en", "label", "relates_to", "source_url")),
    "reference/checks": Page(
        ("id", "reference", "verdict", "quote", "note", "source"), breakdown=Breakdown(("verdict",), "checks")
    ),
}


def notebook(name: str) -> Path:
    """Return the Data page of table `name`, from the book's root (e.g. chapters/data/reference-summits.ipynb)."""
    return FOLDER / f"{data_label(name).removeprefix('data-')}.ipynb"


def figure_markdown(figure: Figure, root: Path) -> str:
    """Write `figure` with its data under chapters/figures/ and return a MyST figure for a Data page."""
    add_title(figure.drawing, figure.title)
    png = write_figure(figure.drawing, figure.name, figure.data, root)
    folder = Path(os.path.relpath(FIGURES, FOLDER)).as_posix()
    return "\n".join(
        [
            f":::{{figure}} {folder}/{png.name}",
            f":name: fig-{figure.name}",
            f":alt: {figure.alt}",
            f":width: {display_width(png)}px",
            "",
            f"{figure.caption} Data: [{figure.name}.csv]({folder}/{figure.name}.csv).",
            ":::",
        ]
    )


def breakdown(table: pd.DataFrame, spec: Breakdown) -> MarkdownText:
    """Return the number of rows for each combination of values of `spec.by`, as a Markdown table."""
    counts = table.groupby(list(spec.by)).size()
    if spec.largest_first:
        counts = counts.sort_values(ascending=False, kind="stable")
    return markdown_table(counts.reset_index(name=spec.counted))


def _table(book: Book, name: str) -> pd.DataFrame:
    return book.catalogue if name == "documents" else book[name]


def page(name: str, start: Path | str | None = None) -> MarkdownText:
    """Return table `name`'s Data page below its introduction: overview, coverage, columns and the table itself."""
    book = load_book(start)
    spec, table = PAGES[name], _table(book, name)
    parts = [OUTSIDE_CONTEXT] if name.startswith("reference/") else []
    parts.append(overview(name, table, book.catalogue))
    coverage = [figure_markdown(chart(name, spec, table, book), book.root) for chart in spec.figures]
    if spec.breakdown:
        coverage.append(breakdown(table, spec.breakdown))
    if coverage:
        parts += ["## Coverage", *coverage]
    shown = with_source(table) if "source" in spec.shown else table
    parts += [
        "## Columns",
        columns(name, book.root),
        "## The table",
        markdown_table(shown[list(spec.shown)], markup=("source",)),
    ]
    return MarkdownText("\n\n".join(parts))
