"""The curated evidence tables in data/: declared schemas, foreign keys, and quotes proven against the seeds.

Every table is loaded through `load_table`, which checks its schema row by row; `load_evidence` loads them
all, checks the links between them, and proves that each quote occurs verbatim in the seed paragraph it cites
(paragraph 0 is the headline).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from natoar.sources.corpus import Corpus, read_corpus
from natoar.sources.errors import TableError
from natoar.sources.paths import project_root
from natoar.sources.schema import Column, read_table
from natoar.text.dates import parse_date
from natoar.text.names import contains_form
from natoar.text.tokens import words

DATA = Path("data")
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUGS = rf"{SLUG}(?:;{SLUG})*"
URL = r"https?://[^\s,]+"
NUMBER = r"0|[1-9][0-9]*"


def _seed_columns() -> tuple[Column, ...]:
    return (Column("seed", pattern=SLUG), Column("paragraph", pattern=NUMBER), Column("quote"))


def _normalised_word(value: str) -> None:
    """Raise ValueError unless `value` is one word written as the text pipeline counts it (normalised)."""
    if words(value) != [value]:
        raise ValueError(f"{value!r} is not one normalised word (as counted: {' '.join(words(value))!r})")


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "topic_vocabulary": (Column("topic", pattern=SLUG, unique=True), Column("label_en"), Column("description")),
    "actors": (
        Column("id", pattern=SLUG, unique=True),
        Column("kind", choices=("person", "organisation", "country")),
        Column("name_en"),
        Column("name_ar"),
        Column("role_en", required=False),
        Column("role_ar", required=False),
        Column("country", required=False, pattern=SLUG),
        *_seed_columns(),
    ),
    "frameworks": (
        Column("id", pattern=SLUG, unique=True),
        Column(
            "kind",
            choices=(
                "partnership-framework",
                "partnership",
                "initiative",
                "programme",
                "status",
                "agreement",
                "exercise",
                "dialogue",
                "proposal",
                "mechanism",
                "project",
                "strategy",
            ),
        ),
        Column("name_en"),
        Column("name_ar"),
        Column("acronym", required=False),
        Column("launched", required=False, check=parse_date),
        Column("launched_basis", required=False, choices=("stated", "inferred")),
        *_seed_columns(),
        Column("note", required=False),
    ),
    "events": (
        Column("id", pattern=SLUG, unique=True),
        Column("date", check=parse_date),
        Column("date_basis", choices=("stated", "inferred")),
        Column("date_note"),
        Column("status", choices=("occurred", "planned", "claimed")),
        Column("event_en"),
        Column("actors", pattern=SLUGS),
        Column("place", required=False),
        Column("framework", required=False, pattern=SLUG),
        *_seed_columns(),
    ),
    "memberships": (
        Column("country", pattern=SLUG),
        Column("framework", pattern=SLUG),
        Column(
            "role",
            choices=(
                "member",
                "partner",
                "beneficiary",
                "candidate",
                "observer",
                "party",
                "host",
                "participant",
                "founder",
                "supporter",
            ),
        ),
        Column("as_of", check=parse_date),
        *_seed_columns(),
    ),
    "topics": (
        Column("seed", pattern=SLUG),
        Column("topic", pattern=SLUG),
        Column("paragraph", pattern=NUMBER),
        Column("quote"),
    ),
    "claims": (
        Column("id", pattern=SLUG, unique=True),
        Column("value_min", pattern=NUMBER),
        Column("value_max", pattern=NUMBER),
        Column("counts_en"),
        Column("as_of", check=parse_date),
        *_seed_columns(),
        Column("note", required=False),
    ),
    "passages": (
        Column("id", pattern=SLUG, unique=True),
        Column("theme", pattern=SLUG),
        *_seed_columns(),
        Column("english"),
        Column("note", required=False),
    ),
    "theme_lexicon": (
        Column("theme", pattern=SLUG),
        Column("form_ar"),
        Column("match", choices=("word", "prefix")),
        Column("note", required=False),
    ),
    "glosses": (
        Column("term", unique=True, check=_normalised_word),
        Column("gloss"),
        Column("note", required=False),
    ),
    "aliases": (
        Column("entity", pattern=SLUG),
        Column("form_ar"),
        Column("use", choices=("name", "metonym", "adjective", "generic", "exclude")),
        Column("note", required=False),
    ),
    "reference/nato_members": (
        Column("date", check=parse_date, unique=True),
        Column("members", pattern=NUMBER),
        Column("joined_en"),
        Column("source_url", pattern=URL),
        Column("source_title"),
    ),
    "reference/partners": (
        Column("framework", pattern=SLUG),
        Column("country_en"),
        Column("actor", required=False, pattern=SLUG),
        Column("joined", check=parse_date),
        Column("source_url", pattern=URL),
        Column("source_title"),
        Column("note", required=False),
    ),
    "reference/summits": (
        Column("id", pattern=SLUG, unique=True),
        Column("name_en"),
        Column("place_en"),
        Column("start", check=parse_date),
        Column("end", check=parse_date),
        Column("source_url", pattern=URL),
        Column("source_title"),
    ),
    "reference/context": (
        Column("id", pattern=SLUG, unique=True),
        Column("date", check=parse_date),
        Column("fact_en"),
        Column("source_url", pattern=URL),
        Column("source_title"),
        Column("relates_to", required=False, pattern=SLUG),
    ),
    "reference/checks": (
        Column("id", pattern=SLUG, unique=True),
        Column("reference", pattern=r"[a-z_]+:[a-z0-9-]+"),
        *_seed_columns(),
        Column("verdict", choices=("agrees", "contradicts", "imprecise", "misattributes")),
        Column("note", required=False),
    ),
}
SEED_TABLES = ("actors", "frameworks", "events", "memberships", "topics", "claims", "passages", "reference/checks")
UNIQUE_TOGETHER = {
    "topics": ("seed", "topic"),
    "memberships": ("country", "framework", "role", "seed"),
    "aliases": ("entity", "form_ar"),
    "theme_lexicon": ("theme", "form_ar"),
    "reference/partners": ("framework", "country_en"),
}


def table_path(root: Path, name: str) -> Path:
    """Return the CSV file of table `name` (e.g. 'events' or 'reference/summits')."""
    return root / DATA / f"{name}.csv"


def load_table(name: str, root: Path | None = None) -> pd.DataFrame:
    """Return one curated table, checked against its declared schema."""
    root = project_root(root)
    path = table_path(root, name)
    table = read_table(path, SCHEMAS[name])
    for column in ("paragraph", "members", "value_min", "value_max"):
        if column in table:
            table[column] = table[column].astype(int)
    columns = UNIQUE_TOGETHER.get(name)
    if columns:
        duplicated = table[table.duplicated(list(columns), keep="first")]
        if not duplicated.empty:
            row = duplicated.iloc[0]
            values = ", ".join(f"{c}={row[c]}" for c in columns)
            raise TableError(path, f"({values}) appears twice", "merge the rows", where=f"line {row['line']}")
    return table


class _Checker:
    """Raise TableError for the first row of a table that breaks a rule."""

    def __init__(self, root: Path, name: str, table: pd.DataFrame) -> None:
        self.path, self.table = table_path(root, name), table

    def require(self, ok: pd.Series, column: str, problem: str, fix: str) -> None:
        bad = self.table[~ok]
        if not bad.empty:
            row = bad.iloc[0]
            raise TableError(
                self.path, f"column '{column}' {problem.format(**row.to_dict())}", fix, where=f"line {row['line']}"
            )


def _in(values: pd.Series, allowed: set[str]) -> pd.Series:
    return values.map(lambda v: v == "" or v in allowed)


def _each_in(values: pd.Series, allowed: set[str]) -> pd.Series:
    return values.map(lambda v: all(part in allowed for part in v.split(";")))


def _check_links(root: Path, tables: dict[str, pd.DataFrame], seeds: set[str]) -> None:
    actors = set(tables["actors"]["id"])
    countries = set(tables["actors"].loc[tables["actors"]["kind"] == "country", "id"])
    frameworks = set(tables["frameworks"]["id"])
    for name in SEED_TABLES:
        _Checker(root, name, tables[name]).require(
            _in(tables[name]["seed"], seeds),
            "seed",
            "'{seed}' is not a document id in data/documents.csv",
            "use an id from the catalogue",
        )
    rules = [
        ("actors", "country", _in(tables["actors"]["country"], countries), "'{country}' is not a country in actors"),
        ("events", "actors", _each_in(tables["events"]["actors"], actors), "'{actors}' names an unknown actor"),
        ("events", "framework", _in(tables["events"]["framework"], frameworks), "'{framework}' is not a framework"),
        ("memberships", "country", _in(tables["memberships"]["country"], actors), "'{country}' is not an actor"),
        (
            "memberships",
            "framework",
            _in(tables["memberships"]["framework"], frameworks),
            "'{framework}' is not a framework",
        ),
        (
            "topics",
            "topic",
            _in(tables["topics"]["topic"], set(tables["topic_vocabulary"]["topic"])),
            "'{topic}' is not in data/topic_vocabulary.csv",
        ),
        (
            "aliases",
            "entity",
            _in(tables["aliases"]["entity"], actors | frameworks),
            "'{entity}' is neither an actor nor a framework",
        ),
        (
            "reference/partners",
            "actor",
            _in(tables["reference/partners"]["actor"], countries),
            "'{actor}' is not a country in actors",
        ),
        (
            "claims",
            "value_max",
            tables["claims"]["value_min"] <= tables["claims"]["value_max"],
            "{value_max} is below value_min {value_min}",
        ),
        (
            "frameworks",
            "launched_basis",
            (tables["frameworks"]["launched"] == "") == (tables["frameworks"]["launched_basis"] == ""),
            "is required exactly when 'launched' is given (launched='{launched}')",
        ),
    ]
    for name, column, ok, problem in rules:
        _Checker(root, name, tables[name]).require(ok, column, problem, "correct the value or add the missing row")
    named = set(tables["aliases"]["entity"])
    _Checker(root, "actors", tables["actors"]).require(
        tables["actors"]["id"].isin(named), "id", "'{id}' has no row in data/aliases.csv", "add its Arabic forms"
    )
    _Checker(root, "frameworks", tables["frameworks"]).require(
        tables["frameworks"]["id"].isin(named), "id", "'{id}' has no row in data/aliases.csv", "add its Arabic forms"
    )


def _paragraph_texts(corpus: Corpus) -> dict[tuple[str, int], str]:
    """Return the text of every citable paragraph by (document, number); number 0 is the headline."""
    body = corpus.paragraphs
    texts = {(d, int(p)): t for d, p, t in zip(body["doc"], body["paragraph"], body["text"], strict=True)}
    heads = corpus.headlines
    texts.update({(d, 0): t for d, t in zip(heads["doc"], heads["text"], strict=True)})
    return texts


def check_quotes(root: Path, name: str, table: pd.DataFrame, texts: dict[tuple[str, int], str]) -> None:
    """Raise TableError unless every quote occurs verbatim in the paragraph it cites."""
    for row in table.itertuples():
        key = (row.seed, row.paragraph)
        if key not in texts:
            raise TableError(
                table_path(root, name),
                f"{row.seed} has no paragraph {row.paragraph}",
                "cite a paragraph number shown on the source page",
                where=f"line {row.line}",
            )
        if row.quote not in texts[key]:
            found = sorted(p for (d, p), t in texts.items() if d == row.seed and row.quote in t)
            hint = f"it occurs in paragraph {found[0]}" if found else "it does not occur anywhere in that seed"
            raise TableError(
                table_path(root, name),
                f"quote not found in {row.seed} ¶{row.paragraph}; {hint}",
                "copy the quote exactly from the seed and cite its paragraph",
                where=f"line {row.line}",
            )


def _names(value: str, quote: str, exact: bool) -> bool:
    if not value:
        return True
    if exact:
        return value in quote
    return contains_form(quote, value)


def _check_names_in_quotes(root: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Raise TableError unless each actor's and framework's Arabic name (and stated role) is in its quote."""
    for name, column, exact in (
        ("actors", "name_ar", False),
        ("actors", "role_ar", True),
        ("frameworks", "name_ar", False),
    ):
        table = tables[name]
        ok = pd.Series(
            [_names(v, q, exact) for v, q in zip(table[column], table["quote"], strict=True)], index=table.index
        )
        _Checker(root, name, table).require(
            ok, column, f"'{{{column}}}' does not occur in the row's quote", "quote the passage that names it"
        )


def load_evidence(root: Path | None = None, corpus: Corpus | None = None) -> dict[str, pd.DataFrame]:
    """Return every curated table by name, after checking schemas, links and quotes (against `corpus`, if read)."""
    root = project_root(root)
    tables = {name: load_table(name, root) for name in SCHEMAS}
    corpus = corpus or read_corpus(root)
    _check_links(root, tables, set(corpus.documents["id"]))
    _check_names_in_quotes(root, tables)
    texts = _paragraph_texts(corpus)
    for name in SEED_TABLES:
        check_quotes(root, name, tables[name], texts)
    return tables


_NUMBER_WORDS = [
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
    for name in SEED_TABLES:
        for row in tables[name].itertuples():
            text = texts.get((row.seed, row.paragraph), "")
            start = text.find(row.quote)
            while start >= 0:
                spans.setdefault((row.seed, row.paragraph), []).append((start, start + len(row.quote)))
                start = text.find(row.quote, start + 1)
    rows = []
    for (doc, number), text in sorted(texts.items()):
        for match in _NUMBER.finditer(text):
            if match.start() == 0 and _LIST_MARKER.match(text):
                continue
            if not any(a <= match.start() and match.end() <= b for a, b in spans.get((doc, number), [])):
                rows.append((doc, number, match.group()))
    return pd.DataFrame(rows, columns=["doc", "paragraph", "number"])
