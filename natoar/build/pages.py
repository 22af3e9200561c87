"""Write the generated pages: one per source document (chapters/sources/<id>.md; beyond
PAGE_PER_DOCUMENT_UP_TO documents one per year of writing, chapters/sources/<year>.md), the bibliography of the
seeds (chapters/references.bib; chapters/references.ar.bib for the Arabic edition) and the glossary
(chapters/glossary.md), from the catalogue and the data.

Run as `python -m natoar.build.pages`. Pages are rewritten only when their content changes, so Sphinx
rebuilds only what changed. Pages of documents no longer in the catalogue are removed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from natoar.build.editions import BIBLIOGRAPHY, EDITIONS, edition_file
from natoar.build.i18n import TERM_CLASS
from natoar.report import curation, lang
from natoar.report.documents import PAGE_PER_DOCUMENT_UP_TO, year_written
from natoar.report.markdown import data_label, document_label, escape, paragraph_label, year_label
from natoar.sources.book import Book
from natoar.sources.corpus import Corpus, read_corpus
from natoar.sources.datapackage import CURATED_FIELDS, PROPOSED
from natoar.sources.evidence import load_evidence, seed_tables
from natoar.sources.paths import project_root
from natoar.sources.textfile import read_text
from natoar.text.dates import parse_date
from natoar.text.letters import has_arabic

PAGES = Path("chapters") / "sources"
LITERATURE = Path("data") / "literature.bib"
GLOSSARY = Path("chapters") / "glossary.md"
NOT_CURATED = "*not yet curated*"
NOT_CURATED_AR = "*لم يُراجَع بعد*"
# Two sentences of a source page: above its text, and in the notice on an uncurated document.
TEXT_NOTE = ("The article text as the seed holds it, with site furniture removed and paragraphs numbered. Chapters "
             "cite these numbers.")
UNCURATED_NOTE = ("This document was added with `make add-source` and no curator has read it yet: its headline, outlet "
                  "name and dates are the machine's proposals, and no chapter cites it as evidence. What remains "
                  "(`make curation-status`):")
FURNITURE_NOTE = ("The lines of the file that are not article text, by their line in the file and why they were "
                  "removed, as the seed holds them: the page's date and its outlet's name are read from them, and no "
                  "chapter cites them.")
# A source page's own words in the Arabic edition. A generated page gives both editions their words itself (as its
# data-derived text does), so that a document added later, or a year's page, needs no translation catalog.
WORDS_AR = {
    "Field": "الحقل", "Value": "القيمة", "Curation": "التدقيق", "Outlet": "الناشر", "Genre": "النوع",
    "Author": "الكاتب", "Date as printed": "التاريخ كما طُبع",
    "Date of writing (best estimate)": "تاريخ الكتابة (أفضل تقدير)",
    "How it was dated": "كيف أُرّخ", "Outside context for the date": "السياق الخارجي للتاريخ",
    "Events described": "الأحداث الموصوفة", "Seed file": "ملف المصدر", "SHA-256": "SHA-256",
    "Furniture lines removed": "أسطر الزوائد المحذوفة", "Summary": "الملخص", "Reading it critically": "قراءة نقدية",
    "Text": "النص", "Not yet curated": "لم تُدقَّق بعد",
    "Lines removed as site furniture": "الأسطر المحذوفة بوصفها زوائد الموقع", "Line": "السطر",
    "Why": "السبب", FURNITURE_NOTE: "أسطر الملف التي لا تُعدّ من نص المقال، برقم سطرها في الملف وسبب حذفها، "
    "كما يحفظها المصدر: منها يُقرأ تاريخ الصفحة واسم ناشرها، ولا تستشهد الفصول بها.",
    TEXT_NOTE: "نص المقال كما يحفظه المصدر، بعد حذف زوائد الموقع وترقيم الفقرات. وتستشهد الفصول بهذه الأرقام.",
    UNCURATED_NOTE: "أُضيفت هذه الوثيقة بالأمر `make add-source` ولم يقرأها مدقِّق بعد: عنوانها واسم ناشرها "
    "وتواريخها مقترحات آلية، ولا يستشهد بها أي فصل دليلًا. ما بقي (`make curation-status`):",
}
# The words of a source page's data-derived text in the Arabic edition: genres (documents.genre), how a date is
# known (date_basis) and how precise it is.
# The Arabic of the catalogue's vocabularies: the book's one table of them (natoar.report.lang.VALUES).
GENRE_AR, DATE_BASIS_AR, PRECISION_AR, LAUNCH_BASIS_AR = (
    lang.VALUES[c] for c in ("genre", "date_basis", "precision", "launched_basis")
)


def _field(doc: pd.Series, name: str) -> str:
    """Return a catalogue field for the page, or 'not yet curated' where a curator has still to fill it."""
    return escape(doc[name]) if doc[name] else NOT_CURATED


def _both(english: str, arabic: str, arabic_class: str = "") -> str:
    """Return Markdown shown as `english` in the English edition and as `arabic` in the Arabic one (spans that
    natoar.build.i18n keeps in their edition only); `arabic_class` adds a class to the Arabic span."""
    return f"[{english}]{{.lang-en}}[{arabic}]{{.lang-ar{' .' + arabic_class if arabic_class else ''}}}"


def _words(english: str) -> str:
    """Return one of the page's own phrases in both editions (WORDS_AR gives its Arabic)."""
    return _both(english, WORDS_AR[english])


def _same(text: str) -> str:
    """Return Markdown shown as it is in both editions and never offered for translation (a file name, a hash)."""
    return f"[{text}]{{.lang-en .lang-ar}}"


def _arabic(doc: pd.Series, name: str, name_ar: str) -> str:
    """Return a catalogue field's Arabic column `name_ar`, or its English `name` where that is empty (a name
    written in Latin script), or 'not yet curated' in Arabic."""
    if doc.get(name_ar):
        return escape(doc[name_ar])
    return escape(doc[name]) if doc[name] else NOT_CURATED_AR


def _field_both(doc: pd.Series, name: str, name_ar: str) -> str:
    """Return a catalogue field in both editions: `name` in English, `name_ar` in Arabic; a value the Arabic
    column leaves to the English one (an outlet's name in Latin script) is marked as an English name there."""
    latin = not doc.get(name_ar) and bool(doc[name])
    return _both(_field(doc, name), _arabic(doc, name, name_ar), "name-en" if latin else "")


def _publisher(doc: pd.Series) -> str:
    """Return the publisher in both editions, as each cites it (`lang.cited_as`): in Arabic, the edition's own
    label where the catalogue gives one, else as `_field_both` shows the outlet."""
    if not doc.get("cited_as_ar"):
        return _field_both(doc, "outlet", "outlet_ar")
    return _both(_field(doc, "outlet"), escape(doc["cited_as_ar"]))


def _metadata(doc: pd.Series, removed: int, references: dict[str, dict[str, str]]) -> str:
    none = _both("none", "لا يوجد")
    printed = _same(escape(doc["date_printed"])) if doc["date_printed"] else none
    precision = parse_date(doc["date_iso"]).precision
    written = _both(
        f"{doc['date_iso']} ({precision}, {doc['date_basis']})",
        f"{doc['date_iso']} ({PRECISION_AR[precision]}، {DATE_BASIS_AR[doc['date_basis']]})",
    )
    genre = _both(doc["genre"], GENRE_AR.get(doc["genre"], doc["genre"])) if doc["genre"] else _field(doc, "genre")
    rows = [
        *([] if doc["curation"] == "curated" else [("Curation", _both(NOT_CURATED, NOT_CURATED_AR))]),
        ("Outlet", _publisher(doc)),
        ("Genre", genre),
        ("Author", _field_both(doc, "author", "author_ar")),
        ("Date as printed", printed),
        ("Date of writing (best estimate)", written),
        ("How it was dated", _field_both(doc, "date_note", "date_note_ar")),
        ("Outside context for the date", _both(*(
            escape(lang.references_named(doc["date_outside"], references.get(language, {}), language))
            for language in lang.LANGUAGES
        )) if doc["date_outside"] else none),
        ("Events described", _both(f"{doc['events_from']} to {doc['events_to']}",
                                   f"{lang.date_ar(doc['events_from'])} إلى {lang.date_ar(doc['events_to'])}")),
        ("Seed file", _same(f"`{doc['file']}`")),
        ("SHA-256", _same(f"`{doc['sha256']}`")),
        ("Furniture lines removed", str(removed)),
    ]
    header = f"| {_words('Field')} | {_words('Value')} |"
    return "\n".join([header, "|---|---|", *(f"| {_words(k)} | {v} |" for k, v in rows)])


def citations(tables: dict[str, pd.DataFrame], root: Path | None = None) -> dict[tuple[str, int], str]:
    """Return, for each (document, paragraph), the line under it that links to the curated rows citing it, each
    link once, in both editions: the English one names the table's file, the Arabic one its Data page's title."""
    cited: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for name in seed_tables(root):
        table = tables[name]
        key = next(k for k in ("id", "topic", "framework", "hedged") if k in table)
        for row in table[table["quote"] != ""].sort_values("line").itertuples():
            english = f"{{ref}}`{name.split('/')[-1]}: {getattr(row, key)} <{data_label(name)}>`"
            arabic = f"{{ref}}`{data_label(name)}` (`{getattr(row, key)}`)"
            links = cited.setdefault((row.seed, int(row.paragraph)), [])
            if (english, arabic) not in links:  # several rows of one table with the same key (a framework's)
                links.append((english, arabic))
    return {
        where: _both(f"Cited in {', '.join(e for e, _ in links)}.", f"ورد في: {lang.join([a for _, a in links])}.")
        for where, links in cited.items()
    }


# What a curator edits, named in the list of what remains: a data file, a column of the catalogue.
_COLUMNS = sorted({*CURATED_FIELDS, *PROPOSED, "curation"}, key=len, reverse=True)
_IDENTIFIER = re.compile(r"data/[\w/.-]+\.csv|\b(?:" + "|".join(_COLUMNS) + r")\b")


def _with_code(text: str) -> str:
    """Return `text` escaped, with each file and column name in it set as code."""
    parts, last = [], 0
    for match in _IDENTIFIER.finditer(text):
        parts += [escape(text[last : match.start()]), f"`{match[0]}`"]
        last = match.end()
    return "".join(parts) + escape(text[last:])


def _uncurated_box(remaining: list[tuple[str, str]]) -> list[str]:
    items = "\n".join(f"- {_both(_with_code(english), _with_code(arabic))}" for english, arabic in remaining)
    return [
        f":::{{admonition}} {_words('Not yet curated')}\n:class: warning",
        _words(UNCURATED_NOTE) + "\n",
        items,
        ":::",
        "",
    ]


def render_page(
    doc: pd.Series,
    body: pd.DataFrame,
    removed: int,
    cited: dict[tuple[str, int], str] | None = None,
    remaining: list[tuple[str, str]] | None = None,
    level: int = 1,
    references: dict[str, dict[str, str]] | None = None,
    furniture: pd.DataFrame | None = None,
) -> str:
    """Return the MyST source of one document's page; `cited` adds, under each paragraph, the rows citing it;
    `remaining` lists what an uncurated document still lacks, each item in English and in Arabic.

    `level` is the document's heading level: 1 for a page of its own, 2 for a section of a year's page;
    `references` names the outside context of its date in each language (`lang.reference_names`)."""
    cited = cited or {}
    head, sub = "#" * level, "#" * (level + 1)
    curated = doc["curation"] == "curated"
    title = escape(doc["title_en"]) if doc["title_en"] else "English title not yet curated"
    parts = [
        f"({document_label(doc['id'])})=",
        # The Arabic edition's title starts with the Arabic, so that a link to the page (which shows the title)
        # reads right to left, the id after it; the English edition gives the headline as printed below its own.
        f"{head} {_both(doc['id'] + ': ' + title, escape(doc['title_ar']) + ' (' + doc['id'] + ')')}",
        "",
        f"::::{{container}} lang-en\n:::{{arabic}}\n**{escape(doc['title_ar'])}**\n:::\n::::",
        "",
        *([] if curated else _uncurated_box(remaining or [])),
        _metadata(doc, removed, references or {}),
        "",
        f"{sub} {_words('Summary')}",
        "",
        _field_both(doc, "summary_en", "summary_ar"),
        "",
        f"{sub} {_words('Reading it critically')}",
        "",
        _both(f"**Stance.** {_field(doc, 'stance')}", f"**الموقف.** {_arabic(doc, 'stance', 'stance_ar')}"),
        "",
        _both(f"**Reliability.** {_field(doc, 'reliability')}",
              f"**الموثوقية.** {_arabic(doc, 'reliability', 'reliability_ar')}"),
        "",
        f"{sub} {_words('Text')}",
        "",
        _words(TEXT_NOTE),
        "",
    ]
    for row in body.itertuples():
        parts += [
            f"({paragraph_label(doc['id'], row.paragraph)})=",
            f":::{{arabic}}\n**[{row.paragraph}]** {escape(row.text)}\n:::",
            "",
        ]
        line = cited.get((doc["id"], int(row.paragraph)))
        if line:
            parts += [f"<small>{line}</small>", ""]
    if furniture is not None and len(furniture):
        parts += [f"{sub} {_words('Lines removed as site furniture')}", "", _words(FURNITURE_NOTE), "",
                  _furniture_table(furniture), ""]
    return "\n".join(parts)


def _furniture_table(furniture: pd.DataFrame) -> str:
    """Return a document's removed lines as a table: the line's number in the file, why, and the line as written
    (Arabic set right to left)."""
    rows = [f"| {_words('Line')} | {_words('Why')} | {_words('Text')} |", "|---|---|---|"]
    for line in furniture.itertuples():
        why = _both(line.reason, lang.VALUES["reason"].get(line.reason, line.reason))
        text = escape(line.text)  # '|' escaped too: it stays in its cell
        # a line in Latin script is quoted as written, in the Arabic edition too (set left to right there)
        shown = f"[{text}]{{.lang-en .lang-ar {'.ar' if has_arabic(line.text) else '.name-en'}}}"
        rows.append(f"| {line.line} | {why} | {shown} |")
    return "\n".join(rows)


def render_year_heading(year: int, documents: int) -> str:
    """Return the top of a year's page of source documents (used above PAGE_PER_DOCUMENT_UP_TO documents)."""
    label = year_label(year)
    noun = "document" if documents == 1 else "documents"
    english = f"The {documents} {noun} whose date of writing (best estimate) begins in {year}, in order of that date."
    arabic = (f"الوثائق التي يبدأ تاريخ كتابتها (أفضل تقدير) في سنة {year}، وعددها {documents}، "
              "مرتبةً بحسب ذلك التاريخ.")
    return f"({label})=\n# {_both(f'Written in {year}', f'كُتبت في {year}')}\n\n{_both(english, arabic)}"


def _write_if_changed(path: Path, text: str) -> Path:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def _isolated(printed: str) -> str:
    """Return a printed date isolated (FSI ... PDI) so that it keeps its own order in a line of the other direction:
    in a left-to-right line the year after an Arabic month name would otherwise come before the month."""
    return curation.ISOLATE.format(printed) if printed else "none"


def _bib_value(text: str) -> str:
    """Return `text` as a BibTeX field's value that pybtex reads back as `text`: '%' (a comment in LaTeX, which
    would swallow the closing braces) and '\\' escaped; braces, which a BibTeX value can hold only balanced and
    pybtex's formatter drops, become parentheses."""
    parts = (part.replace("{", "(").replace("}", ")").replace("%", "\\%") for part in text.split("\\"))
    return "{\\textbackslash}".join(parts)


# A seed's entry in the bibliography of each edition: who published it, and what the note says of it.
UNKNOWN_OUTLET = {"en": "Unknown outlet", "ar": "ناشر غير معروف"}
NOT_CURATED_NOTE = {"en": "Not yet curated. ", "ar": "لم تُدقَّق بعد. "}
NO_GENRE = {"en": "not given", "ar": "غير مذكور"}


def _bib_note(doc: pd.Series, language: str) -> str:
    pending = "" if doc["curation"] == "curated" else NOT_CURATED_NOTE[language]
    if language == "en":
        return (f"{pending}In Arabic. Genre: {doc['genre'] or NO_GENRE['en']}. "
                f"Date as printed: {_isolated(doc['date_printed'])}; "
                f"written {doc['date_iso']} ({doc['date_basis']}). Seed file {doc['file']}")
    genre = GENRE_AR.get(doc["genre"], NO_GENRE["ar"])
    printed = _isolated(doc["date_printed"]) if doc["date_printed"] else "لا تاريخ"
    # An ISO date after Arabic letters would read as Arabic digits, its groups in reverse, and a file name starting
    # with digits would show its parts out of order: both are set left to right (LRI ... PDI).
    written, file = (f"\u2066{text}\u2069" for text in (doc["date_iso"], doc["file"]))
    return (f"{pending}بالعربية. النوع: {genre}. التاريخ كما طُبع: {printed}؛ "
            f"كُتبت في {written} ({DATE_BASIS_AR[doc['date_basis']]}). ملف المصدر: {file}")


# The keyword that marks a seed's entry: chapters/references.md lists the entries that have it, in the catalogue's
# order, apart from data/literature.bib's (whose entries must not have it).
SEED_KEYWORD = "seed"


def render_bibliography(catalogue: pd.DataFrame, language: str = "en") -> str:
    """Return a BibTeX file with one entry per seed document, keyed by its id and marked `SEED_KEYWORD`, for the
    edition in `language`: the Arabic one cites each document under its Arabic publisher and headline, with its
    note in Arabic."""
    entries = []
    for _, doc in catalogue.iterrows():
        publisher = _bib_value(lang.cited_as(doc, language) or UNKNOWN_OUTLET[language])
        title = doc["title_en"] or doc["title_ar"] if language == "en" else doc["title_ar"]
        fields = {
            "author": "{" + publisher + "}",
            "title": "{" + _bib_value(title) + "}",  # braced: the style would lower-case 'NATO' and 'Iraq'
            "year": str(parse_date(doc["date_iso"]).start.year),
            "note": _bib_value(_bib_note(doc, language)),
            "keywords": SEED_KEYWORD,  # the references page lists the seeds apart from the literature
        }
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@misc{{{doc['id']},\n{body}\n}}\n")
    return "\n".join(entries)


def render_glossary(frameworks: pd.DataFrame) -> str:
    """Return the glossary page: one term per framework (its acronym, or its English name), with the Arabic."""
    lines = [
        "(glossary)=",
        "# Glossary",
        "",
        "Partnership frameworks, programmes and statuses named in the sources, with their Arabic names as the "
        "sources write them. Each links to its row in {ref}`data-frameworks`.",
        "",
        ":::{glossary}",
    ]
    terms = [(row.acronym or row.name_en, row) for row in frameworks.itertuples()]
    for term, row in sorted(terms, key=lambda t: t[0].lower()):
        lines.append(escape(term))
        # Each edition keeps its own definition (natoar.build.i18n): the data give both languages. Spans are not
        # nested (Sphinx flattens a span inside a span), so each carries its edition's class.
        # The Arabic edition heads the entry with the Arabic name (natoar.build.i18n.GlossaryInEditionLanguage moves
        # the span of class TERM_CLASS into the term); its definition gives the English name.
        english = f"[{escape(row.name_en)}. ]{{.lang-en}}[{escape(row.name_ar)}]{{.ar .lang-en}}"
        arabic = (f"[{escape(row.name_ar)}]{{.lang-ar .{TERM_CLASS}}}[المقابل الإنجليزي: ]{{.lang-ar}}"
                  f"[{escape(row.name_en)}]{{.name-en .lang-ar}}")
        if row.launched_basis == "claimed":  # a seed's claim the book could not confirm: not a launch on record
            english += f"[ Said by its source to date from {row.launched}; not confirmed.]{{.lang-en}}"
            arabic += f"[. يقول مصدره إنه يعود إلى {row.launched}، ولم يتأكد ذلك]{{.lang-ar}}"
        elif row.launched:
            english += f"[ Launched {row.launched} ({row.launched_basis}).]{{.lang-en}}"
            arabic += f"[. تاريخ الإطلاق: {row.launched} ({LAUNCH_BASIS_AR[row.launched_basis]})]{{.lang-ar}}"
        arabic += "[.]{.lang-ar}"
        lines.append(f"  {english}{arabic}")
        lines.append("")
    lines.append(":::")
    return "\n".join(lines) + "\n"


def write_pages(
    root: Path | None = None, corpus: Corpus | None = None, tables: dict[str, pd.DataFrame] | None = None
) -> list[Path]:
    """Write every source page that changed, remove stale ones, and return the paths of all pages.

    `corpus` and `tables` may be passed if already read (see `prepare`)."""
    root = project_root(root)
    corpus = corpus or read_corpus(root)
    tables = tables or load_evidence(root, corpus)
    catalogue, body = corpus.documents, corpus.paragraphs
    removed = corpus.furniture.groupby("doc").size()
    cited = citations(tables, root)
    references = lang.reference_names(tables)
    remaining: dict[str, list[tuple[str, str]]] = {}
    if (catalogue["curation"] != "curated").any():
        table = curation.remaining(Book(root, corpus, tables))
        for row in table.itertuples():
            remaining.setdefault(row.doc, []).append(
                (f"{row.item}: {row.detail}", f"{curation.ITEMS_AR[row.item]}: {row.detail_ar}")
            )
    folder = root / PAGES
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    by_doc = dict(tuple(body.groupby("doc")))
    furniture_by_doc = dict(tuple(corpus.furniture.groupby("doc")))
    empty = body.iloc[:0]

    def section(doc: pd.Series, level: int) -> str:
        mine = by_doc.get(doc["id"], empty)
        return render_page(
            doc, mine, int(removed.get(doc["id"], 0)), cited, remaining.get(doc["id"]), level, references,
            furniture_by_doc.get(doc["id"]),
        )

    if len(catalogue) <= PAGE_PER_DOCUMENT_UP_TO:
        for _, doc in catalogue.iterrows():
            written.append(_write_if_changed(folder / f"{doc['id']}.md", section(doc, 1)))
    else:
        years = catalogue["date_iso"].map(year_written)
        for year, docs in catalogue.groupby(years, sort=True):
            ordered = docs.sort_values(["date_iso", "id"])
            text = "\n\n".join(
                [render_year_heading(int(year), len(ordered))] + [section(d, 2) for _, d in ordered.iterrows()]
            )
            written.append(_write_if_changed(folder / f"{year}.md", text))
    for stale in sorted(set(folder.glob("*.md")) - set(written)):
        stale.unlink()
    literature = read_text(root / LITERATURE)
    for language in EDITIONS:
        bibliography = root / edition_file(BIBLIOGRAPHY, language)
        written.append(_write_if_changed(bibliography, render_bibliography(catalogue, language) + "\n" + literature))
    written.append(_write_if_changed(root / GLOSSARY, render_glossary(tables["frameworks"])))
    return written


if __name__ == "__main__":
    for page in write_pages():
        print(page.relative_to(project_root()))
