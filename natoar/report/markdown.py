"""MyST Markdown for the book: seed text escaped so that nothing in it is read as markup, HTML or script;
labels and links to source paragraphs; tables, boxes and Arabic quotations for notebook outputs.

Each output helper returns `MarkdownText`, which shows as Markdown in the book and as the same Markdown
source in `text/plain`, so nbval compares the real content rather than an object's repr.
"""

from __future__ import annotations

import re

import pandas as pd

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Return `text` with every ASCII punctuation mark backslash-escaped, so MyST shows it literally."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def paragraph_label(doc: str, number: int) -> str:
    """Return the cross-reference label of paragraph `number` of document `doc`."""
    return f"src-{doc}-p{number}"


def document_label(doc: str) -> str:
    """Return the cross-reference label of document `doc`'s source page."""
    return f"src-{doc}"


def year_label(year: int) -> str:
    """Return the cross-reference label of the page of source documents written in `year` (a corpus too large for
    a page per document: natoar.report.documents.PAGE_PER_DOCUMENT_UP_TO)."""
    return f"sources-{year}"


def data_label(table: str) -> str:
    """Return the cross-reference label of curated table `table`'s Data page, e.g. 'data-reference-partners'."""
    return "data-" + table.replace("/", "-").replace("_", "-")


def paragraph_ref(doc: str, number: int) -> str:
    """Return a MyST reference to paragraph `number` of `doc`, shown as 'doc ¶number'."""
    return f"{{ref}}`{doc} ¶{number} <{paragraph_label(doc, number)}>`"


def source_ref(doc: str, number: int) -> str:
    """Return a MyST reference to paragraph `number` of `doc`, or to its page for the headline (0)."""
    if number == 0:
        return f"{{ref}}`{doc} headline <{document_label(doc)}>`"
    return paragraph_ref(doc, number)


def glue_values(values: dict[str, object]) -> None:
    """Store each value under its key for `{glue:text}` roles in the page's prose (shown nowhere else), so that
    the prose never states a number by hand."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, MarkdownText(str(value)), display=False)


class MarkdownText(str):
    """A string that notebooks display as Markdown, with the same text as its plain repr."""

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)


ARABIC_COLUMNS = ("quote", "name_ar", "short_ar", "form_ar", "role_ar", "title_ar", "outlet_ar", "term")


def _cell(value: object, markup: bool, arabic: bool) -> str:
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = text.replace("\n", " ")
    if markup:
        return text.replace("|", "\\|")
    return f"[{escape(text)}]{{.ar}}" if arabic and text else escape(text)


def markdown_table(
    frame: pd.DataFrame, markup: tuple[str, ...] = (), headers: dict[str, str] | None = None
) -> MarkdownText:
    """Return `frame` as a Markdown table (index left out), its columns headed by their names or by `headers`.

    Cells are escaped so that nothing in them is read as markup, except in the `markup` columns; cells of
    Arabic columns (ARABIC_COLUMNS) are set right to left.
    """
    shown = headers or {}
    header = "| " + " | ".join(escape(str(shown.get(c, c))) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    flags = [(c in markup, c in ARABIC_COLUMNS) for c in frame.columns]
    rows = [
        "| " + " | ".join(_cell(v, m, a) for v, (m, a) in zip(row, flags, strict=True)) + " |"
        for row in frame.itertuples(index=False)
    ]
    return MarkdownText("\n".join([header, rule, *rows]))


def box(title: str, items: list[str], kind: str = "tip") -> MarkdownText:
    """Return an admonition box with a bulleted list (e.g. the chapter's key findings)."""
    bullets = "\n".join(f"- {item}" for item in items)
    return MarkdownText(f":::{{admonition}} {title}\n:class: {kind}\n{bullets}\n:::")


def numbered(items: list[tuple[str, str]]) -> MarkdownText:
    """Return a numbered list of (sentence, section label) pairs, each sentence linked to the section that argues it."""
    return MarkdownText("\n".join(f"{i}. {text} ({{ref}}`{label}`)" for i, (text, label) in enumerate(items, 1)))


def quote(doc: str, paragraph: int, arabic: str, english: str, note_ar: str = "") -> MarkdownText:
    """Return an Arabic quotation set right-to-left, its English translation and a link to its paragraph.

    The English edition gives the link after the translation; the Arabic edition, which leaves translations out,
    gives it after the quotation, and the translator's note in Arabic (`note_ar`) under it (blocks only that
    edition keeps, natoar.build.i18n)."""
    link = paragraph_ref(doc, paragraph)
    note = f"\n\n:::{{container}} lang-ar quote-note\nملاحظة: {escape(note_ar)}\n:::" if note_ar else ""
    return MarkdownText(
        f"::::{{arabic}}\n{escape(arabic)} [({link})]{{.lang-ar .source-link}}{note}\n::::\n\n> {english} ({link})"
    )


def quote_rows(table: pd.DataFrame) -> MarkdownText:
    """Return every row of a table with `seed`, `paragraph`, `quote` and `english` as a quotation, in table order."""
    return MarkdownText(
        "\n\n".join(quote(r.seed, int(r.paragraph), r.quote, escape(r.english)) for r in table.itertuples())
    )


def passages(table: pd.DataFrame, theme: str) -> MarkdownText:
    """Return every passage of `theme` as an Arabic quotation with its translation and source link, in table order."""
    chosen = table[table["theme"] == theme]
    if chosen.empty:
        raise KeyError(f"no passage with theme {theme!r}")
    return MarkdownText("\n\n".join(passage(chosen, key) for key in chosen["id"]))


def passage(table: pd.DataFrame, key: str) -> MarkdownText:
    """Return one passage (by id) as an Arabic quotation with its translation, note and source link."""
    match = table[table["id"] == key]
    if match.empty:
        raise KeyError(f"no passage with id {key!r}")
    row = match.iloc[0]
    english = escape(row["english"]) + (f" *Note: {escape(row['note'])}*" if row["note"] else "")
    return quote(row["seed"], int(row["paragraph"]), row["quote"], english, row.get("note_ar", ""))
