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
from natoar.report.figures import FIGURES, add_title, display_width, file_name, write_figure
from natoar.report.lang import bilingual, check_language, counted
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
    """A chart drawn for a Data page, with the data it shows, its file name, caption, alt text and title, all in
    one language (`lang`: the Arabic drawing is saved as <name>.ar.png)."""

    name: str
    drawing: plt.Figure
    data: pd.DataFrame
    caption: str
    alt: str
    title: str
    lang: str = "en"


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


Chart = Callable[..., Figure]  # (name, spec, table, book, lang="en") -> Figure

# What a Data page's charts count, in Arabic: Page.noun's Arabic, and the events' statuses.
NOUNS_AR = {
    "rows": "الصفوف",
    "events": "الأحداث",
    "actors (first cited)": "الجهات (بحسب أول ذكر)",
    "frameworks (first cited)": "الأطر (بحسب أول ذكر)",
    "memberships": "العضويات",
    "topics": "الموضوعات",
    "claims": "الادعاءات",
    "passages": "المقاطع",
}
STATUS_AR = {"occurred": "وقع", "planned": "مخطط له", "claimed": "مُدّعى"}


def _documents_ar(n: int) -> str:
    return counted(n, "وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة")


def _noun_ar(spec: Page) -> str:
    if spec.noun not in NOUNS_AR:
        raise KeyError(f"the Data pages' noun {spec.noun!r} has no Arabic. Fix: add it to NOUNS_AR in {__name__}")
    return NOUNS_AR[spec.noun]


def per_document_chart(name: str, spec: Page, table: pd.DataFrame, book: Book, lang: str = "en") -> Figure:
    """Return a bar chart of how many rows each document contributes, in `lang`."""
    data = per_document(table, book.catalogue)
    shown = charts.top_with_others(data, "document", "rows", charts.MAX_BARS)
    folded = len(shown) < len(data)
    file = f"{data_label(name)}-per-document"
    if check_language(lang) == "ar":
        noun = _noun_ar(spec)
        drawing = charts.count_bars(data, "document", "rows", f"{noun} من كل وثيقة", lang="ar")
        caption = f"عدد {noun} التي تأتي من كل وثيقة."
        if folded:
            caption = (
                f"عدد {noun} التي تأتي من كل وثيقة من الوثائق الـ{len(shown) - 1} الأكثر إسهامًا، ومن الوثائق "
                f"الـ{len(data) - len(shown) + 1} الأخرى مجتمعةً؛ والبيانات تضم كل وثيقة."
            )
        alt = f"مخطط أعمدة أفقية لعدد {noun} من كل وثيقة مصدرية، {_documents_ar(len(data))} في المجموع."
        return Figure(file, drawing, data, caption, alt, f"{noun} المأخوذة من كل وثيقة", "ar")
    drawing = charts.count_bars(data, "document", "rows", f"{spec.noun.capitalize()} per document")
    caption = f"How many {spec.noun} each document contributes."
    if folded:
        caption = (
            f"How many {spec.noun} each of the {len(shown) - 1} documents contributing most gives, and the other "
            f"{len(data) - len(shown) + 1} together; the data has every document."
        )
    return Figure(
        file,
        drawing,
        data,
        caption,
        f"Horizontal bar chart of the number of {spec.noun} per source document, {len(data)} documents in all.",
        f"{spec.noun.capitalize()} taken from each document",
    )


def events_by_decade(name: str, spec: Page, table: pd.DataFrame, book: Book, lang: str = "en") -> Figure:
    """Return a bar chart of events per decade, captioned with the earliest and the latest event, in `lang`."""
    data = per_decade(table["date"])
    starts = table["date"].map(lambda d: parse_date(d).start)
    first, last = table.loc[starts.idxmin()], table.loc[starts.idxmax()]
    busiest = data.loc[data["rows"].idxmax()]
    file = f"{data_label(name)}-per-decade"
    if check_language(lang) == "ar":
        noun = _noun_ar(spec)
        decades = {d: f"عقد {d.removesuffix('s')}" for d in data["decade"]}
        drawing = charts.count_bars(
            data, "decade", "rows", f"{noun} في كل عقد (بحسب أبكر تاريخ ممكن)", lang="ar", names=decades
        )

        def event(row: pd.Series) -> str:
            return escape(row.get("label_ar") or row["event_en"])

        caption = (
            f"{noun} في كل عقد، بحسب أبكر تاريخ يمكن أن يعنيه كلٌّ منها: من «{event(first)}» "
            f"({describe(first['date'], 'ar')}) إلى «{event(last)}» ({describe(last['date'], 'ar')}، "
            f"{STATUS_AR.get(last['status'], last['status'])})؛ ويقع {busiest['rows']} من {len(table)} في "
            f"{decades[busiest['decade']]}."
        )
        span = f"من {decades[data['decade'].iloc[0]]} إلى {decades[data['decade'].iloc[-1]]}"
        alt = f"مخطط أعمدة أفقية لعدد {noun} المسجلة في كل عقد فيه شيء منها، {span}."
        return Figure(file, drawing, data, caption, alt, f"{noun} في كل عقد، {span}", "ar")
    drawing = charts.count_bars(
        data, "decade", "rows", f"{spec.noun.capitalize()} per decade (by earliest possible date)"
    )
    caption = (
        f"{spec.noun.capitalize()} per decade, by the earliest date each can mean: from “{escape(first['event_en'])}” "
        f"({describe(first['date'])}) to “{escape(last['event_en'])}” ({describe(last['date'])}, {last['status']}); "
        f"{busiest['rows']} of the {len(table)} fall in the {busiest['decade']}."
    )
    span = f"{data['decade'].iloc[0]} to {data['decade'].iloc[-1]}"
    alt = f"Horizontal bar chart of the number of recorded {spec.noun} in each decade that has any, {span}."
    title = f"{spec.noun.capitalize()} per decade, {span}"
    return Figure(file, drawing, data, caption, alt, title)


def mentions_chart(name: str, spec: Page, table: pd.DataFrame, book: Book, lang: str = "en") -> Figure:
    """Return a bar chart of the most mentioned entities in the article text, found through the aliases; in
    Arabic, each entity by the name form the documents use most (`charts.spoken_names`)."""
    found = mentions(book.paragraphs, build_matcher(table))
    counts = found.groupby("entity").size().sort_values(ascending=False, kind="stable")
    top = counts.head(MOST_MENTIONED).reset_index(name="mentions")
    leaders = top.head(2)
    file = f"{data_label(name)}-mentions"
    if check_language(lang) == "ar":
        spoken = charts.spoken_names(found, table)
        drawing = charts.count_bars(
            top, "entity", "mentions", "مرات الذكر في نص المقالات (بالاسم والكناية والصفة)", lang="ar", names=spoken
        )
        first, second = (spoken.get(e, e) for e in leaders["entity"])
        caption = (
            f"الجهات الـ{len(top)} الأكثر ذكرًا من {len(counts)} جهة وُجدت: {first} و{second} "
            f"يستأثران بـ{leaders['mentions'].sum()} من مجموع {counts.sum()} مرة ذكر."
        )
        alt = f"مخطط أعمدة أفقية لعدد مرات ذكر الجهات والأطر الـ{len(top)} الأكثر ذكرًا."
        return Figure(file, drawing, top, caption, alt, f"الجهات والأطر الـ{len(top)} الأكثر ذكرًا في نص المقالات", "ar")
    drawing = charts.count_bars(
        top, "entity", "mentions", "Mentions in the article text (name, metonym and adjective forms)"
    )
    caption = (
        f"The {len(top)} most mentioned of the {len(counts)} entities found: {' and '.join(leaders['entity'])} "
        f"account for {leaders['mentions'].sum()} of all {counts.sum()} mentions."
    )
    alt = f"Horizontal bar chart of the number of mentions of the {len(top)} most mentioned actors and frameworks."
    title = f"The {len(top)} most mentioned actors and frameworks in the article text"
    return Figure(file, drawing, top, caption, alt, title)


def membership_chart(name: str, spec: Page, table: pd.DataFrame, book: Book, lang: str = "en") -> Figure:
    """Return NATO's membership over time with the documents' writing dates, as context for reading them."""
    catalogue = book.catalogue
    drawing, data = charts.membership_steps(table, catalogue, MEMBERS_SINCE, lang=lang)
    if lang == "ar":
        caption = (
            "عدد أعضاء الناتو (بالرمادي، سياق خارجي) وتواريخ كتابة الوثائق (بالأزرق، من فهرس المصادر): حجم الحلف "
            "حين كُتبت كل وثيقة."
        )
        alt = (
            f"مخطط درجي لعدد الدول الأعضاء في الناتو منذ {MEMBERS_SINCE}، مع خطوط رأسية متقطعة عند تواريخ كتابة "
            f"الوثائق الـ{len(catalogue)}."
        )
        title = "عدد أعضاء الناتو عبر الزمن، مع تواريخ كتابة الوثائق"
        return Figure("data-nato-members", drawing, data, caption, alt, title, "ar")
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
    """Write `figure` with its data under chapters/figures/ and return a MyST figure for a Data page, in the
    figure's language (the Arabic one labelled `fig-<name>-ar`: both renderings stand in one page's source)."""
    add_title(figure.drawing, figure.title, figure.lang)
    png = write_figure(figure.drawing, figure.name, figure.data, root, figure.lang)
    folder = Path(os.path.relpath(FIGURES, FOLDER)).as_posix()
    data = "البيانات" if figure.lang == "ar" else "Data"
    return "\n".join(
        [
            f":::{{figure}} {folder}/{png.name}",
            f":name: fig-{file_name(figure.name, figure.lang).replace('.', '-')}",
            f":alt: {figure.alt}",
            f":width: {display_width(png)}px",
            "",
            f"{figure.caption} {data}: [{figure.name}.csv]({folder}/{figure.name}.csv).",
            ":::",
        ]
    )


def figure_both(chart: Chart, name: str, spec: Page, table: pd.DataFrame, book: Book) -> str:
    """Return a Data page's chart in both editions: drawn in each language, each rendering kept by its edition."""
    en, ar = (figure_markdown(chart(name, spec, table, book, lang=lang), book.root) for lang in ("en", "ar"))
    return bilingual(en, ar)


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
    coverage = [figure_both(chart, name, spec, table, book) for chart in spec.figures]
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
