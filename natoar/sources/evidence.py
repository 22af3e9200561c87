"""The curated evidence tables in data/: checked against their declarations, linked, and quotes proven against the
seeds.

Every table is declared in data/datapackage.yaml and loaded through `load_table`, which checks it row by row;
`load_evidence` loads them all, checks the foreign keys and the named checks that need other tables, and proves
that each quote occurs verbatim in the seed paragraph it cites (paragraph 0 is the headline).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from natoar.sources import plausible
from natoar.sources.corpus import CATALOGUE, CATALOGUE_TABLE, Corpus, read_corpus
from natoar.sources.datapackage import DATA, VALUE_CHECKS, Package, english_twin, read_package
from natoar.sources.errors import DescriptorError, TableError
from natoar.sources.paths import project_root
from natoar.sources.schema import Column
from natoar.text.datefinder import find_dates
from natoar.text.letters import INVISIBLE, normalise
from natoar.text.names import contains_form


def table_path(root: Path, name: str) -> Path:
    """Return the CSV file of table `name` (e.g. 'events' or 'reference/summits')."""
    return root / DATA / f"{name}.csv"


def evidence_tables(root: Path | None = None) -> tuple[str, ...]:
    """Return the names of the curated tables: every table the descriptor declares except the catalogue."""
    return tuple(name for name in read_package(root).tables if name != CATALOGUE_TABLE)


def seed_tables(root: Path | None = None) -> tuple[str, ...]:
    """Return the names of the tables whose rows cite a seed paragraph with a quote proven against it."""
    package = read_package(root)
    return tuple(name for name, table in package.tables.items() if any(c.rule == QUOTE for c in table.columns))


def load_table(name: str, root: Path | None = None) -> pd.DataFrame:
    """Return one curated table, checked against its declaration in data/datapackage.yaml."""
    root = project_root(root)
    return read_package(root).table(name).read(root)


class _Checker:
    """Raise TableError for the first row of a table that breaks a rule."""

    def __init__(self, root: Path, name: str, table: pd.DataFrame) -> None:
        self.path, self.table = table_path(root, name), table

    def require(self, ok: pd.Series, column: str, problem: str, fix: str) -> None:
        bad = self.table[~ok]
        if not bad.empty:
            row = bad.iloc[0]
            text = problem.format_map({**row.to_dict(), "value": row[column]})
            raise TableError(self.path, f"column '{column}' {text}", fix, where=f"line {row['line']}")


def _in(values: pd.Series, allowed: set[str]) -> pd.Series:
    return values.map(lambda v: v == "" or v in allowed)


def _names(value: str, quote: str) -> bool:
    """True if `value` is empty or occurs in `quote` as whole words (normalised, proclitics allowed)."""
    return not value or contains_form(quote, value)


def _countries(tables: dict[str, pd.DataFrame]) -> set[str]:
    actors = tables["actors"]
    return set(actors.loc[actors["kind"] == "country", "id"])


def _ids(tables: dict[str, pd.DataFrame], name: str) -> set[str]:
    return set(tables[name]["id"])


def _reference_rows(value: str, tables: dict[str, pd.DataFrame]) -> bool:
    """Return True if every `table:id` in `value` (separated by ';') names a row of reference/<table>.csv."""
    for item in value.split(";") if value else ():
        table, _, key = item.partition(":")
        rows = tables.get(f"reference/{table}")
        if rows is None or "id" not in rows or key not in set(rows["id"]):
            return False
    return True


@dataclass(frozen=True)
class _Link:
    """A check a column's values must pass against other rows or tables: which values pass, the problem, the fix.

    Stages run in order over all tables: 0, values that must name rows elsewhere (the foreign keys follow these
    stricter checks); 1, rows that must be named elsewhere; 2, values that must occur in the row's quote, and Arabic
    cells that a curated document's rows must fill.
    """

    stage: int
    ok: Callable[[pd.DataFrame, str, dict[str, pd.DataFrame]], pd.Series]
    problem: str
    fix: str = "correct the value or add the missing row"
    reads: tuple[str, ...] = ()


def _in_quote(table: pd.DataFrame, column: str, _: dict[str, pd.DataFrame]) -> pd.Series:
    pairs = zip(table[column], table["quote"], strict=True)
    return pd.Series([_names(v, q) for v, q in pairs], index=table.index)


def _named_in_quote(table: pd.DataFrame, column: str, tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Which rows' quotes name their entity: by the Arabic name itself, or by another form data/aliases.csv gives
    for the row's `id` when the name is one of those forms too (a seed may say موسكو for Russia, or الصيني,
    Chinese, where the name is روسيا or الصين); a name that is neither in the quote nor a known form fails."""
    aliases = tables.get("aliases")
    forms = aliases.groupby("entity")["form_ar"].agg(list).to_dict() if aliases is not None else {}
    return pd.Series(
        [
            _names(name, quote)
            or (name in forms.get(key, []) and any(_names(form, quote) for form in forms[key]))
            for name, quote, key in zip(table[column], table["quote"], table["id"], strict=True)
        ],
        index=table.index,
    )


def _arabic_given(table: pd.DataFrame, column: str, tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Return which rows pass: the Arabic cell is given, or its English twin is empty, or the row cites a document
    that is not yet curated (its rows' Arabic is written when it is)."""
    english = english_twin(list(table.columns), column)
    waiting = pd.Series(False, index=table.index)
    if "seed" in table:
        documents = tables[CATALOGUE_TABLE]
        waiting = ~table["seed"].isin(set(documents.loc[documents["curation"] == "curated", "id"]))
    return (table[column] != "") | (table[english] == "") | waiting


# The checks named by `natoar:check` that need more than the value. QUOTE, the quote proof, is made last.
LINKS = {
    "country": _Link(0, lambda t, c, ts: _in(t[c], _countries(ts)), "'{value}' is not a country in actors"),
    "actor-list": _Link(
        0,
        lambda t, c, ts: t[c].map(lambda v: set(v.split(";")) <= _ids(ts, "actors")),
        "'{value}' names an unknown actor",
    ),
    "actor-or-framework": _Link(
        0,
        lambda t, c, ts: _in(t[c], _ids(ts, "actors") | _ids(ts, "frameworks")),
        "'{value}' is neither an actor nor a framework",
    ),
    "reference-rows": _Link(
        0,
        lambda t, c, ts: t[c].map(lambda v: _reference_rows(v, ts)),
        "'{value}' names a row that data/reference/ lacks",
        "write table:id with the id of a row of data/reference/<table>.csv, or add the row there",
    ),
    "has-alias": _Link(
        1,
        lambda t, c, ts: t[c].isin(set(ts["aliases"]["entity"])),
        "'{value}' has no row in data/aliases.csv",
        "add its Arabic forms",
    ),
    "arabic": _Link(
        2,
        _arabic_given,
        "is empty where its English twin is given: the Arabic edition shows this row",
        "write the English twin's text in Arabic (in a table whose rows cite a document, or mark the document "
        "uncurated until it is written)",
    ),
    "in-quote": _Link(
        2,
        _in_quote,
        "'{value}' does not occur in the row's quote",
        "quote the passage that names it",
        ("quote",),
    ),
    "named-in-quote": _Link(
        2,
        _named_in_quote,
        "'{value}' does not occur in the row's quote, nor is it a form data/aliases.csv gives for the row's id "
        "with another of its forms in the quote",
        "quote the passage that names it, or give the name and the form the passage uses in data/aliases.csv",
        ("quote", "id"),
    ),
}
QUOTE = "quote"
_QUOTE_READS = ("seed", "paragraph", "quote")


def _link(package: Package, table: str, column: Column) -> _Link | None:
    """Return the implementation of the column's named check (None for the quote proof, made apart), or raise
    DescriptorError if it has none or the table lacks a column it reads."""
    where = f"resource '{table}', field '{column.name}'"
    if column.rule != QUOTE and column.rule not in LINKS:
        raise DescriptorError(
            package.path,
            f"natoar:check '{column.rule}' has no implementation",
            f"use one of {', '.join([*VALUE_CHECKS, *LINKS, QUOTE])}, or implement it in natoar.sources.evidence",
            where=where,
        )
    link = LINKS.get(column.rule)
    names = {c.name for c in package.table(table).columns}
    missing = [c for c in (link.reads if link else _QUOTE_READS) if c not in names]
    if missing:
        raise DescriptorError(
            package.path, f"'{column.rule}' reads {', '.join(missing)}, which the table lacks", "add them", where=where
        )
    return link


def _check_links(root: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Raise TableError at the first value that fails its named check or refers to a row that does not exist.

    `tables` holds the catalogue too, as 'documents'."""
    package = read_package(root)
    links = {name: [(c, _link(package, name, c)) for c in table.links] for name, table in package.tables.items()}
    for stage in range(3):
        for name, table in package.tables.items():
            frame, check = tables[name], _Checker(root, name, tables[name])
            for column, link in links[name]:
                if link and link.stage == stage:
                    check.require(link.ok(frame, column.name, tables), column.name, link.problem, link.fix)
            for key in table.foreign_keys if stage == 0 else ():
                target = f"data/{key.table}.csv"
                check.require(
                    _in(frame[key.column], set(tables[key.table][key.reference])),
                    key.column,
                    f"'{{value}}' is not the {key.reference} of any row in {target}",
                    f"use the {key.reference} of a row of {target}, or add the row there",
                )


def _paragraph_texts(corpus: Corpus) -> dict[tuple[str, int], str]:
    """Return the text of every citable paragraph by (document, number); number 0 is the headline."""
    body = corpus.paragraphs
    texts = {(d, int(p)): t for d, p, t in zip(body["doc"], body["paragraph"], body["text"], strict=True)}
    heads = corpus.headlines
    texts.update({(d, 0): t for d, t in zip(heads["doc"], heads["text"], strict=True)})
    return texts


def _loose(text: str) -> tuple[str, list[int]]:
    """Return `text` folded for a near-miss search (letter forms folded as `normalise` folds them, taa marbuta
    too, invisible characters dropped, any run of white space as one space), and for each character of the folded
    text the offset in `text` it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = " " if char.isspace() else normalise(char, fold_taa=True)
        if folded == " " and chars[-1:] == [" "]:
            continue
        chars += folded
        origin += [i] * len(folded)
    return "".join(chars), origin


def near_miss(quote: str, text: str) -> str | None:
    """Return the passage of `text` that `quote` matches once letter forms, invisible characters and white space
    are folded (as the seed writes it), or None if it matches nowhere."""
    wanted = _loose(quote)[0].strip()
    folded, origin = _loose(text)
    start = folded.find(wanted) if wanted else -1
    if start < 0:
        return None
    return text[origin[start] : origin[start + len(wanted) - 1] + 1]


_CONTROLS = {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\t": "TAB"}


def _hidden(text: str) -> list[str]:
    """Return the invisible characters and the white space other than a plain space in `text`, by name."""
    found = dict.fromkeys(c for c in text if c in INVISIBLE or (c.isspace() and c != " "))
    return [f"U+{ord(c):04X} {_CONTROLS.get(c) or unicodedata.name(c, 'CONTROL CHARACTER')}" for c in found]


def _differences(quote: str, passage: str) -> str:
    """Return what differs between a quote and the passage it nearly matches: letter forms, invisible characters
    (named, with the side that holds them), or both."""
    parts = []
    for side, text in (("the quote", quote), ("the seed", passage)):
        hidden = _hidden(text)
        if hidden:
            parts.append(f"{side} holds {', '.join(hidden)}")
    hidden = [f"invisible characters or white space ({'; '.join(parts)})"] if parts else []
    quote_seen, passage_seen = (" ".join("".join(c for c in t if c not in INVISIBLE).split()) for t in (quote, passage))
    letters = ["letter forms (hamza, alef, yaa, taa marbuta or diacritics)"] if quote_seen != passage_seen else []
    return " and ".join(letters + hidden) or "white space"


def _hint(seed: str, number: int, quote: str, texts: dict[tuple[str, int], str]) -> str:
    """Return where a quote that is not verbatim in ¶`number` of `seed` does occur: verbatim in another paragraph,
    nearly (letter forms, invisible characters) in this one or another, or nowhere."""
    paragraphs = sorted(p for d, p in texts if d == seed)
    found = [p for p in paragraphs if quote in texts[(seed, p)]]
    if found:
        return f"it occurs in paragraph {found[0]}"
    for p in sorted(paragraphs, key=lambda p: p != number):
        passage = near_miss(quote, texts[(seed, p)])
        if passage is not None:
            return f"it matches ¶{p} except for {_differences(quote, passage)}; the seed has: {passage}"
    return "it does not occur anywhere in that seed"


def _paragraph_range(seed: str, texts: dict[tuple[str, int], str]) -> str:
    """Return the paragraphs `seed` has, as a curator cites them."""
    last = max((p for d, p in texts if d == seed), default=0)
    return f"it has paragraphs 1–{last} (0 is the headline)" if last else "it has only its headline, paragraph 0"


def check_quotes(root: Path, name: str, table: pd.DataFrame, texts: dict[tuple[str, int], str]) -> None:
    """Raise TableError unless every quote occurs verbatim in the paragraph it cites."""
    for row in table.itertuples():
        key = (row.seed, row.paragraph)
        if key not in texts:
            raise TableError(
                table_path(root, name),
                f"{row.seed} has no paragraph {row.paragraph}; {_paragraph_range(row.seed, texts)}",
                "cite a paragraph number shown on the source page",
                where=f"line {row.line}",
            )
        if row.quote not in texts[key]:
            raise TableError(
                table_path(root, name),
                f"quote not found in {row.seed} ¶{row.paragraph}; {_hint(row.seed, row.paragraph, row.quote, texts)}",
                "copy the quote exactly from the seed and cite its paragraph",
                where=f"line {row.line}",
            )


def load_evidence(root: Path | None = None, corpus: Corpus | None = None) -> dict[str, pd.DataFrame]:
    """Return every curated table by name, after checking schemas, links and quotes (against `corpus`, if read)."""
    root = project_root(root)
    tables = {name: load_table(name, root) for name in evidence_tables(root)}
    corpus = corpus or read_corpus(root)
    _check_links(root, {CATALOGUE_TABLE: corpus.documents, **tables})
    texts = _paragraph_texts(corpus)
    for name in seed_tables(root):
        check_quotes(root, name, tables[name], texts)
        plausible.check_quote_lengths(table_path(root, name), tables[name])
    plausible.check_forms(root, tables, corpus.paragraphs["text"])
    plausible.check_writing_dates(root / CATALOGUE, corpus.documents)
    if "events" in tables:
        plausible.check_event_dates(table_path(root, "events"), tables["events"], corpus.documents)
    return tables


_NUMBER_WORDS = [
    # the accusative of the feminine numbers, as in «ثلاثا من الفعاليات» (Al Sharq, 2021)
    "ثلاثا",
    "أربعا",
    "خمسا",
    "سبعا",
    "تسعا",
    "ثلاث",
    "ثلاثة",
    "أربع",
    "أربعة",
    "خمس",
    "خمسة",
    "ست",
    "ستة",
    "سبع",
    "سبعة",
    "ثمان",
    "ثمانية",
    "تسع",
    "تسعة",
    "عشر",
    "عشرة",
    "عشرين",
    "ثلاثين",
    "أربعين",
    "خمسين",
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "العشرية",
    "مبادرتين",
]
_NUMBER = re.compile(r"\d+|(?<!\w)[وب]?(?:ال)?(?:" + "|".join(_NUMBER_WORDS) + r")(?!\w)")
_LIST_MARKER = re.compile(r"^\d+\s*[-–]")


def uncovered_numbers(root: Path | None = None, tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Return numbers in the article text (digits or number words) that no curated quote covers.

    A number that opens a paragraph followed by a dash is a list marker and is not counted.
    """
    root = project_root(root)
    corpus = read_corpus(root)
    tables = tables or load_evidence(root, corpus)
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    texts = {key: text for key, text in _paragraph_texts(corpus).items() if key[1] > 0}
    for name in seed_tables(root):
        for row in tables[name].itertuples():
            text = texts.get((row.seed, row.paragraph), "")
            start = text.find(row.quote)
            while start >= 0:
                spans.setdefault((row.seed, row.paragraph), []).append((start, start + len(row.quote)))
                start = text.find(row.quote, start + 1)
    written = dict(zip(corpus.documents["id"], corpus.documents["date_iso"], strict=True))
    rows = []
    for (doc, number), text in sorted(texts.items()):
        covered = spans.get((doc, number), []) + _date_spans(text, written[doc])
        for match in _NUMBER.finditer(text):
            if match.start() == 0 and _LIST_MARKER.match(text):
                continue
            if not any(a <= match.start() and match.end() <= b for a, b in covered):
                rows.append((doc, number, match.group()))
    return pd.DataFrame(rows, columns=["doc", "paragraph", "number"])


def _date_spans(text: str, written: str) -> list[tuple[int, int]]:
    """Return where `text` holds a date expression (its day, month and year are a date, not a stated number)."""
    spans = []
    for expression in find_dates(text, written):
        start = text.find(expression.text)
        while start >= 0:
            spans.append((start, start + len(expression.text)))
            start = text.find(expression.text, start + 1)
    return spans
