"""The book's Data pages, one per curated table: the notebook chapters/data/<table>.ipynb holds the hand-written
introduction, and its one code cell, `page("<table>")`, writes the rest from the data. What differs between the
pages (the columns shown, the charts, the counts) is declared in PAGES; everything else is the same for all.

The page is written once in each of the book's languages from one computation and shown in `lang.bilingual`
blocks; each chart is drawn in both languages (<name>.png and <name>.ar.png), captioned from the same values. The
Arabic rendering takes the columns' descriptions from the descriptor's `description_ar`, and shows the
table as stored with one rule for every page, driven by the descriptor's `natoar:language`: a column of English
words with an Arabic twin (`X_ar` beside `X` or `X_en`) is shown by its twin, in its place (the English value,
marked `lang="en"`, where the twin's cell is empty); a column of English words without a twin is shown as it is,
its cells marked `lang="en"`."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from natoar.report import charts
from natoar.report.curation import curated_ids
from natoar.report.figures import FIGURES, add_title, display_width, file_name, write_figure
from natoar.report.lang import (
    EDITION_LABELS,
    LANGUAGES,
    VALUES,
    bilingual,
    book_names,
    check_language,
    counted,
    date_ar,
    headers,
    names,
    reference_names,
    value,
)
from natoar.report.markdown import MarkdownText, data_label, document_label, escape, markdown_table, source_ref
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
OUTSIDE_CONTEXT_AR = (
    "هذا **سياق خارجي**: وقائع تفترضها المصادر ولا تذكرها، ولكل صف الصفحة العامة التي أُخذ منها. ويُعرض منفصلًا "
    "عن أدلة المصادر، وبالرمادي في الأشكال."
)
HEADINGS = {
    "en": {"coverage": "Coverage", "columns": "Columns", "table": "The table"},
    "ar": {"coverage": "التغطية", "columns": "الأعمدة", "table": "الجدول"},
}
MOST_MENTIONED = 15
MEMBERS_SINCE = 1990


def _rules(package: Package, table: Table, column: Column, lang: str = "en") -> str:
    """Return what the descriptor requires of a column's values, in words, in `lang`."""
    if lang == "ar":
        return _rules_ar(package, table, column)
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


def _rules_ar(package: Package, table: Table, column: Column) -> str:
    rules = ["مطلوب" if column.required else "اختياري"]
    if column.type == "integer":
        rules.append("عدد صحيح" + ("" if column.minimum is None else f" ≥ {column.minimum}"))
    if column.unique:
        rules.append("فريد")
    if column.choices:
        rules.append("إحدى القيم " + "، ".join(f"`{c}`" for c in column.choices))
    if column.pattern:
        rules.append(f"يطابق `{column.pattern}`")
    if column.max_length is not None:
        rules.append(f"{counted(column.max_length, 'حرف واحد', 'حرفان', 'أحرف', 'حرفًا')} على الأكثر")
    rules += [f"يحيل إلى `{k.reference}` في `{k.table}.csv`" for k in table.foreign_keys if k.column == column.name]
    if column.rule:
        rules.append(_check_title(package, column.rule, "ar"))
    return "؛ ".join(rules)


def _check_title(package: Package, check: str, lang: str) -> str:
    """Return a named check's title in `lang` (its English one, marked as English, if the descriptor lacks the
    Arabic: tests/test_datapackage.py fails then)."""
    if lang == "en":
        return package.checks[check][0]
    return package.checks_ar.get(check) or english(package.checks[check][0])


def english(markdown: str) -> str:
    """Return Markdown marked as English inside the Arabic edition (HTML `lang="en"`, set left to right)."""
    return f"[{markdown}]{{.language-en}}" if markdown else ""


def _meaning(column: Column, lang: str) -> str:
    if lang == "en":
        return column.description
    return column.description_ar or english(column.description)


def data_dictionary(root: Path | None = None, lang: str = "en") -> dict[str, pd.DataFrame]:
    """Return, for each table declared in data/datapackage.yaml, its columns with their meanings and rules, in
    `lang` (the Arabic from the descriptor's `description_ar` and the checks' `title_ar`)."""
    package = read_package(root)
    return {
        name: pd.DataFrame(
            [(c.name, _meaning(c, lang), _rules(package, table, c, lang)) for c in table.columns],
            columns=["column", "meaning", "rules"],
        )
        for name, table in package.tables.items()
    }


def row_rules(name: str, root: Path | None = None, lang: str = "en") -> str:
    """Return the sentences on what each row of table `name` must satisfy beyond its columns ('' if nothing)."""
    package = read_package(root)
    table = package.table(name)
    sentences = []
    key = table.primary_key
    if len(key) > 1:
        sentences.append(
            f"Each ({', '.join(f'`{k}`' for k in key)}) appears once."
            if lang == "en"
            else f"كل تركيبة من ({'، '.join(f'`{k}`' for k in key)}) لا ترد إلا مرة واحدة."
        )
    within = {"en": "In each row, {}.", "ar": "في كل صف، {}."}[lang]
    sentences += [within.format(_check_title(package, c, lang)) for c in table.row_checks]
    return " ".join(sentences)


def columns(name: str, root: Path | None = None, lang: str = "en") -> MarkdownText:
    """Return the data dictionary entry of table `name`: a Markdown table of its columns, then its row rules."""
    frame = data_dictionary(root, lang)[name]
    table = markdown_table(frame, markup=("meaning", "rules"), headers=headers(frame) if lang == "ar" else None)
    return MarkdownText("\n\n".join(filter(None, [table, row_rules(name, root, lang)])))


def per_document(table: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return the number of rows each document contributes, in catalogue order: every curated document (zero
    included: its reading found none) and any other document that has rows. A document not yet curated that has
    none is left out: no one has looked for them yet, so its zero would say nothing (and adding such a document
    leaves every Data page but the catalogue's as it was)."""
    counts = table.groupby("seed").size()
    ids = catalogue.loc[(catalogue["curation"] == "curated") | catalogue["id"].isin(counts.index), "id"]
    return pd.DataFrame({"document": ids.to_numpy(), "rows": [int(counts.get(d, 0)) for d in ids]})


# Said on a Data page when some documents are not yet curated: where they are listed (not how many they are,
# which would change the page whenever a document is added).
PENDING = {
    "en": "documents not yet curated are listed in {ref}`ch-sources`",
    "ar": "والوثائق التي لم تُدقَّق بعد مذكورة في {ref}`ch-sources`",
}


def per_decade(dates: pd.Series) -> pd.DataFrame:
    """Return how many dates fall in each decade (by the first day each date can mean)."""
    decades = dates.map(lambda d: parse_date(d).start.year // 10 * 10)
    counts = decades.value_counts().sort_index()
    return pd.DataFrame({"decade": [f"{d}s" for d in counts.index], "rows": counts.to_numpy()})


def overview(name: str, table: pd.DataFrame, catalogue: pd.DataFrame | None = None, lang: str = "en") -> MarkdownText:
    """Return one sentence on the table's size and, for seed tables, how many documents it draws on, in `lang`."""
    rows, width = len(table), len(table.columns) - 1
    seeds = set(table["seed"]) if catalogue is not None and "seed" in table else None
    if seeds is not None:
        curated = set(curated_ids(catalogue))
        pending = len(catalogue) > len(curated)
        from_curated, from_others = len(seeds & curated), len(seeds - curated)
    if lang == "ar":
        text = (
            f"يضم `data/{name}.csv` {counted(rows, 'صفًا واحدًا', 'صفين', 'صفوف', 'صفًا')} "
            f"و{counted(width, 'عمودًا واحدًا', 'عمودين', 'أعمدة', 'عمودًا')}"
        )
        if seeds is not None:
            documents = counted(from_curated, "وثيقة واحدة", "وثيقتين", "وثائق", "وثيقة")
            text += f"، مأخوذةً من {documents} من أصل {len(curated)}{' مُدقَّقة' if pending else ''}"
            if from_others:
                text += f" ومن {counted(from_others, 'وثيقة واحدة', 'وثيقتين', 'وثائق', 'وثيقة')} لم تُدقَّق بعد"
            if pending:
                text += f" ({PENDING['ar']})"
        return MarkdownText(text + ".")
    text = f"`data/{name}.csv` has {rows} rows and {width} columns"
    if seeds is not None:
        text += f", drawn from {from_curated} of the {len(curated)} {'curated ' if pending else ''}documents"
        if from_others:
            text += f" and {from_others} not yet curated"
        if pending:
            text += f" ({PENDING['en']})"
    return MarkdownText(text + ".")


def with_source(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Return `table` with a `source` column of links to each row's cited paragraph (the headline's in `lang`)."""
    links = [_source(s, int(p), lang) for s, p in zip(table["seed"], table["paragraph"], strict=True)]
    return table.assign(source=links)


def _source(doc: str, paragraph: int, lang: str) -> str:
    if lang == "ar" and paragraph == 0:
        return f"{{ref}}`عنوان {doc} <{document_label(doc)}>`"
    return source_ref(doc, paragraph)


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
    noun_ar: str = "الصفوف"  # `noun` in Arabic, with the article, for captions


Chart = Callable[..., Figure]  # (name, spec, table, book, lang="en") -> Figure


def _the(n: int, one: str, two: str, plural: str) -> str:
    """Return 'the n things' in Arabic: the noun alone for one or two (الوثيقة, الوثيقتان), else the plural and
    the number (الوثائق الـ12)."""
    return one if n == 1 else two if n == 2 else f"{plural} الـ{n}"


def per_document_caption(spec: Page, documents: int, bars: int, left_out: bool = False) -> dict[str, str]:
    """Return the caption of a per-document chart in both languages: `bars` bars for `documents` documents (the
    last bar folding the documents beyond the others when there are fewer bars than documents); `left_out`: some
    documents not yet curated are not shown (`per_document`)."""
    note = {
        "en": " A document not yet curated is shown once it has some." if left_out else "",
        "ar": " ولا تظهر وثيقة لم تُدقَّق بعد إلا حين يصير لها شيء منها." if left_out else "",
    }
    if bars == documents:
        return {
            "en": f"How many {spec.noun} each document contributes." + note["en"],
            "ar": f"ما تسهم به كل وثيقة من {spec.noun_ar}." + note["ar"],
        }
    rest = documents - bars + 1
    return {
        "en": (
            f"How many {spec.noun} each of the {bars - 1} documents contributing most gives, and the other "
            f"{rest} together; the data lists all {documents}." + note["en"]
        ),
        "ar": (
            f"ما تسهم به من {spec.noun_ar} كلُّ وثيقة من {_the(bars - 1, 'الوثيقة', 'الوثيقتين', 'الوثائق')}"
            f" الأكثر إسهامًا، وما تسهم به {counted(rest, 'وثيقة أخرى', 'وثيقتان أخريان', 'وثائق أخرى', 'وثيقة أخرى')}"
            " مجتمعةً؛ والبيانات تذكرها كلها." + note["ar"]
        ),
    }


def _event_ar(row: pd.Series) -> str:
    """Return an event's words for an Arabic caption: its Arabic twin (`event_ar`) where the table has it, else
    its English words marked as English."""
    arabic = row.get("event_ar", "")
    return escape(arabic) if isinstance(arabic, str) and arabic else english(escape(row["event_en"]))


def decade_caption(
    spec: Page, first: pd.Series, last: pd.Series, busiest: int, decade: str, total: int
) -> dict[str, str]:
    """Return the per-decade caption in both languages: the earliest and the latest event, and the busiest decade
    (`decade`, such as '2010s', holding `busiest` of the `total` events)."""
    start = int(decade.removesuffix("s"))
    return {
        "en": (
            f"{spec.noun.capitalize()} per decade, by the earliest date each can mean: "
            f"from “{escape(first['event_en'])}” ({describe(first['date'])}) "
            f"to “{escape(last['event_en'])}” ({describe(last['date'])}, {last['status']}); "
            f"{busiest} of the {total} fall in the {decade}."
        ),
        "ar": (
            f"{spec.noun_ar} في كل عقد، بحسب أبكر تاريخ يمكن أن يعنيه كلٌّ منها: من «{_event_ar(first)}» "
            f"({describe(first['date'], 'ar')}) إلى «{_event_ar(last)}» ({describe(last['date'], 'ar')}، "
            f"{value('status', last['status'])})؛ "
            f"ويقع {busiest} من {spec.noun_ar} الـ{total} بين عامي {start} و{start + 9}."
        ),
    }


def per_document_chart(name: str, spec: Page, table: pd.DataFrame, book: Book, lang: str = "en") -> Figure:
    """Return a bar chart of how many rows each document contributes, in `lang`."""
    data = per_document(table, book.catalogue)
    shown = charts.top_with_others(data, "document", "rows", charts.MAX_BARS)
    file = f"{data_label(name)}-per-document"
    left_out = len(data) < len(book.catalogue)
    caption = per_document_caption(spec, len(data), len(shown), left_out)[check_language(lang)]
    if lang == "ar":
        noun = spec.noun_ar
        drawing = charts.count_bars(data, "document", "rows", f"{noun} من كل وثيقة", lang="ar")
        documents = counted(len(data), "وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة")
        alt = f"مخطط أعمدة أفقية لعدد {noun} من كل وثيقة مصدرية، {documents} في المجموع."
        return Figure(file, drawing, data, caption, alt, f"{noun} المأخوذة من كل وثيقة", "ar")
    drawing = charts.count_bars(data, "document", "rows", f"{spec.noun.capitalize()} per document")
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
    caption = decade_caption(spec, first, last, int(busiest["rows"]), str(busiest["decade"]), len(table))
    if check_language(lang) == "ar":
        noun = spec.noun_ar
        decades = {d: f"{d.removesuffix('s')}–{int(d.removesuffix('s')) + 9}" for d in data["decade"]}
        drawing = charts.count_bars(
            data, "decade", "rows", f"{noun} في كل عقد (بحسب أبكر تاريخ ممكن)", lang="ar", names=decades
        )
        span = f"من {decades[data['decade'].iloc[0]]} إلى {decades[data['decade'].iloc[-1]]}"
        alt = f"مخطط أعمدة أفقية لعدد {noun} المسجلة في كل عقد فيه شيء منها، {span}."
        return Figure(file, drawing, data, caption["ar"], alt, f"{noun} في كل عقد، {span}", "ar")
    drawing = charts.count_bars(
        data, "decade", "rows", f"{spec.noun.capitalize()} per decade (by earliest possible date)"
    )
    span = f"{data['decade'].iloc[0]} to {data['decade'].iloc[-1]}"
    alt = f"Horizontal bar chart of the number of recorded {spec.noun} in each decade that has any, {span}."
    title = f"{spec.noun.capitalize()} per decade, {span}"
    return Figure(file, drawing, data, caption["en"], alt, title)


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
            f"الجهات الـ{len(top)} الأكثر ذكرًا من {counted(len(counts), 'جهة واحدة', 'جهتين', 'جهات', 'جهة')} "
            f"وُجدت: {first} و{second} يستأثران بـ{leaders['mentions'].sum()} من مجموع "
            f"{counted(int(counts.sum()), 'مرة ذكر واحدة', 'مرتَي ذكر', 'مرات ذكر', 'مرة ذكر')}."
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
        noun_ar="الأحداث",
    ),
    "actors": Page(
        ("id", "kind", "name_en", "name_ar", "short_ar", "role_en", "source"),
        "actors (first cited)",
        (per_document_chart,),
        Breakdown(("kind",), "actors"),
        noun_ar="الفاعلين (عند أول استشهاد)",
    ),
    "frameworks": Page(
        ("id", "kind", "family", "name_en", "name_ar", "short_ar", "acronym", "launched", "source"),
        "frameworks (first cited)",
        (per_document_chart,),
        Breakdown(("family", "kind"), "frameworks"),
        noun_ar="الأطر (عند أول استشهاد)",
    ),
    "memberships": Page(
        ("country", "framework", "role", "status", "as_of", "source"),
        "memberships",
        (per_document_chart,),
        Breakdown(("framework", "role", "status"), "countries"),
        noun_ar="العضويات",
    ),
    "topics": Page(
        ("seed", "topic", "quote", "source"),
        "topics",
        (per_document_chart,),
        Breakdown(("topic",), "documents", largest_first=True),
        noun_ar="الموضوعات",
    ),
    "topic_vocabulary": Page(("topic", "label_en", "description")),
    "claims": Page(
        ("id", "value_min", "value_max", "counts_en", "as_of", "source"),
        "claims",
        (per_document_chart,),
        noun_ar="الأعداد المذكورة",
    ),
    "passages": Page(
        ("id", "theme", "quote", "english", "source"),
        "passages",
        (per_document_chart,),
        Breakdown(("theme",), "passages"),
        noun_ar="المقاطع",
    ),
    "causes": Page(
        ("id", "cause_en", "outcome_en", "leads_to", "attribution", "hedged", "quote", "source"),
        "causes",
        breakdown=Breakdown(("attribution", "hedged"), "causes"),
        noun_ar="الأسباب",
    ),
    "attributions": Page(
        # the reading is counted in the breakdown, not shown per row: a seventh column leaves the Arabic edition's
        # quote column so narrow that each row fills a printed page
        ("id", "instrument", "attributed_to", "quote", "english", "source"),
        "passages",
        (per_document_chart,),
        Breakdown(("seed", "attributed_to", "reading"), "passages"),
        noun_ar="المقاطع",
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


def breakdown(
    table: pd.DataFrame, spec: Breakdown, lang: str = "en", coded: dict[str, dict[str, str]] | None = None
) -> MarkdownText:
    """Return the number of rows for each combination of values of `spec.by`, as a Markdown table in `lang`: in
    Arabic, headed in Arabic and with each code of `coded` (see `codes`; by default the vocabularies') in its
    Arabic; other ids, and a column whose values are not all of a vocabulary (a passage's `theme` names a group of
    passages), keep their codes."""
    counts = table.groupby(list(spec.by)).size()
    if spec.largest_first:
        counts = counts.sort_values(ascending=False, kind="stable")
    frame = counts.reset_index(name=spec.counted)
    if check_language(lang) == "en":
        return markdown_table(frame)
    shown = frame.copy()
    for column, arabic in (vocabularies(table) if coded is None else coded).items():
        if column in spec.by:
            shown[column] = [arabic.get(code, code) for code in frame[column]]
    return markdown_table(shown, headers=headers(frame))


def vocabularies(frame: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Return the Arabic of each column of `frame` whose values all belong to a vocabulary (`lang.VALUES`)."""
    found = {}
    for column in frame.columns:
        given = {v for v in frame[column] if isinstance(v, str) and v}
        if column in VALUES and given <= set(VALUES[column]):
            found[column] = VALUES[column]
    return found


# The columns that name a row in Arabic, in the order looked for: an actor's or framework's name, a fact's label, a
# cause. A document has none: the book names documents by their ids.
ROW_NAMES_AR = ("name_ar", "label_ar", "cause_ar")
# Tables whose ids a column may hold without a declared foreign key (an alias names an actor or a framework).
NAMED_ENTITIES = ("actors", "frameworks")


def row_names(table: pd.DataFrame) -> dict[str, str]:
    """Return each row's Arabic name by id (the book's own name where the table gives one, `short_ar`, else the
    first of `ROW_NAMES_AR` the table has); empty if it has none."""
    if "short_ar" in table.columns:
        return book_names(table)
    column = next((c for c in ROW_NAMES_AR if c in table.columns), None)
    return names(table, column) if column and "id" in table.columns else {}


def codes(frame: pd.DataFrame, table: Table, book: Book) -> dict[str, dict[str, str]]:
    """Return the Arabic of the codes in a table's columns, by column: a column of a vocabulary (`lang.VALUES`)
    whose values all belong to it; a column of ids of a table whose rows have Arabic names (`row_names`), through
    its foreign key, or without one where every value is the id of an actor or a framework (an alias's entity);
    and a column of references to data/reference/ rows (`table:id`, several separated by ';'), by the rows'
    Arabic names. The table's own key (the codes it defines) and other columns have none."""
    own = set(table.primary_key) if len(table.primary_key) == 1 else set()  # a key of two columns defines no code
    found = {c: arabic for c, arabic in vocabularies(frame).items() if c not in own}
    for key in table.foreign_keys:
        if key.column in frame.columns and key.reference == "id" and key.column not in {*found, *own}:
            named = row_names(_table(book, key.table))
            if named:
                found[key.column] = named
    keyed = {key.column for key in table.foreign_keys} | own | set(found)
    entities: dict[str, str] = {}
    for name in NAMED_ENTITIES:
        entities |= row_names(book[name])
    references = reference_names(book.tables)["ar"]
    reference_tables = {name.removeprefix("reference/") for name in book.tables if name.startswith("reference/")}
    for column in frame.columns:
        given = {v for v in frame[column] if isinstance(v, str) and v}
        if column in keyed or not given:
            continue
        refs = {ref for v in given for ref in v.split(";") if ref}
        if given <= set(entities):
            found[column] = entities
        elif all(ref.partition(":")[0] in reference_tables for ref in refs) and refs & set(references):
            found[column] = references  # a group of rows without a name (a partner list) by lang.GROUPS_AR
    return found


def twin(column: str) -> str:
    """Return the name of the Arabic twin of a column of English words: `X_ar` for `X_en` or for `X`."""
    return f"{column.removesuffix('_en')}_ar"


def arabic_columns(shown: list[str], available: list[str], languages: dict[str, str]) -> list[tuple[str, str]]:
    """Return the Arabic edition's columns of a table whose English edition shows `shown`: pairs (column whose
    cells are shown, column it stands for, which names its header). A column of English words (`languages`, from
    the descriptor) whose twin is among `available` is shown by its twin, in its place (and only once, if the
    twin is shown too); any other column is shown as it is."""
    pairs = []
    for column in shown:
        stands = twin(column) if languages.get(column) == "en" and twin(column) in available else column
        if stands != column and stands in shown:
            continue
        pairs.append((stands, column))
    return pairs


def coded_cell(code: str, arabic: dict[str, str]) -> str:
    """Return a code of the data as the Arabic edition's full tables show it: its Arabic, then the code as stored
    (which the CSV and the English edition use), marked `lang="en"`; a code without Arabic alone."""
    if not code:
        return ""
    if ";" in code:  # references to several rows
        return "؛ ".join(coded_cell(part, arabic) for part in code.split(";") if part)
    if code not in arabic:
        return english(escape(code))
    return f"[{escape(arabic[code])}]{{.ar}} ({english(escape(code))})"


def arabic_table(
    frame: pd.DataFrame,
    shown: list[str],
    languages: dict[str, str],
    markup: tuple[str, ...] = (),
    coded: dict[str, dict[str, str]] | None = None,
) -> pd.DataFrame:
    """Return the Arabic edition's table (a frame of Markdown cells, headed by the English columns it stands for):
    twins in place of their English columns (see `arabic_columns`), the English value marked `lang="en"` where a
    twin's cell is empty; codes of `coded` (see `codes`) in Arabic with the code beside (`coded_cell`); Arabic
    cells set right to left; other English words shown as they are, marked `lang="en"`."""
    cells = {}
    coded = coded or {}
    for column, stands in arabic_columns(shown, list(frame.columns), languages):
        values = frame[column].fillna("").astype(str)
        if column in markup:
            cells[stands] = values
        elif column == stands and column in coded:
            cells[stands] = [coded_cell(v, coded[column]) for v in values]
        elif column != stands or languages.get(column) == "ar":
            if EDITION_LABELS.get(stands) in frame.columns:  # the edition's own label first (an unknown website)
                label = frame[EDITION_LABELS[stands]].fillna("").astype(str)
                values = label.where(label != "", values)
            fallback = frame[stands].fillna("").astype(str)
            cells[stands] = [
                f"[{escape(v)}]{{.ar}}" if v else english(escape(e)) for v, e in zip(values, fallback, strict=True)
            ]
        elif languages.get(column) == "en":
            cells[stands] = [english(escape(v)) for v in values]
        else:  # ids, numbers, dates: as stored, a date with a placeholder digit also in words (`lang.date_ar`)
            cells[stands] = [coded_cell(v, {v: words}) if (words := date_ar(v)) != v else escape(v) for v in values]
    return pd.DataFrame(cells, index=frame.index)


def _table(book: Book, name: str) -> pd.DataFrame:
    return book.catalogue if name == "documents" else book[name]


def _languages(declared: Table) -> dict[str, str]:
    return {c.name: c.language for c in declared.columns if c.language}


def _parts(name: str, book: Book, languages: tuple[str, ...] = LANGUAGES) -> list[dict[str, str]]:
    """Return the page in parts, each rendered in each of `languages` (a figure is drawn once per language)."""

    def in_each(render: Callable[[str], str]) -> dict[str, str]:
        return {lang: render(lang) for lang in languages}

    spec, table = PAGES[name], _table(book, name)
    parts: list[dict[str, str]] = []
    if name.startswith("reference/"):
        parts.append({"en": OUTSIDE_CONTEXT, "ar": OUTSIDE_CONTEXT_AR})
    parts.append(in_each(lambda lang: overview(name, table, book.catalogue, lang)))
    figures = [
        in_each(lambda lang, chart=chart: figure_markdown(chart(name, spec, table, book, lang=lang), book.root))
        for chart in spec.figures
    ]
    if figures or spec.breakdown:
        parts += [in_each(lambda lang: f"## {HEADINGS[lang]['coverage']}"), *figures]
    declared = read_package(book.root).table(name)
    coded = codes(table, declared, book)
    if spec.breakdown:
        parts.append(in_each(lambda lang: breakdown(table, spec.breakdown, lang, coded)))
    shown = with_source(table) if "source" in spec.shown else table
    english_table = markdown_table(shown[list(spec.shown)], markup=("source",))
    arabic = arabic_table(
        with_source(table, "ar") if "source" in spec.shown else table,
        list(spec.shown),
        _languages(declared),
        ("source",),
        coded,
    )
    arabic_markdown = markdown_table(arabic, markup=tuple(arabic.columns), headers=headers(arabic))
    parts.append(
        in_each(
            lambda lang: "\n\n".join(
                [
                    f"## {HEADINGS[lang]['columns']}",
                    columns(name, book.root, lang),
                    f"## {HEADINGS[lang]['table']}",
                    english_table if lang == "en" else arabic_markdown,
                ]
            )
        )
    )
    return parts


def page(name: str, start: Path | str | None = None, lang: str | None = None) -> MarkdownText:
    """Return table `name`'s Data page below its introduction: overview, coverage, columns and the table itself,
    in both languages (one `lang.bilingual` block per edition) or, given `lang`, in that one."""
    languages = LANGUAGES if lang is None else (check_language(lang),)
    parts = _parts(name, load_book(start), languages)
    rendered = {edition: "\n\n".join(part[edition] for part in parts) for edition in languages}
    return MarkdownText(rendered[lang]) if lang is not None else bilingual(rendered["en"], rendered["ar"])
