"""Describe the curated tables for the book's Data pages: the data dictionary, size and coverage."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from natoar.report.markdown import MarkdownText, source_ref
from natoar.sources.paths import project_root
from natoar.text.dates import parse_date

DICTIONARY = Path("data") / "README.md"
_SECTION = re.compile(r"^## `(?P<name>[a-z_/]+)\.csv`\s*$")
_ROW = re.compile(r"^\| `(?P<column>[a-z0-9_]+)` \| (?P<meaning>.+) \|\s*$")


def data_dictionary(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """Return, for each table documented in data/README.md, its columns and their meanings."""
    text = (project_root(root) / DICTIONARY).read_text(encoding="utf-8")
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in text.splitlines():
        if heading := _SECTION.match(line):
            current = heading["name"]
            sections[current] = []
        elif current and (row := _ROW.match(line)):
            sections[current].append((row["column"], row["meaning"]))
    return {name: pd.DataFrame(rows, columns=["column", "meaning"]) for name, rows in sections.items()}


def columns(name: str, root: Path | None = None) -> MarkdownText:
    """Return the data dictionary entry of table `name` as a Markdown table."""
    from natoar.report.markdown import markdown_table

    return markdown_table(data_dictionary(root)[name], markup=("meaning",))


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
        text += f", drawn from {used} of the {len(catalogue)} documents"
    return MarkdownText(text + ".")


def with_source(table: pd.DataFrame) -> pd.DataFrame:
    """Return `table` with a `source` column of links to each row's cited paragraph."""
    links = [source_ref(s, int(p)) for s, p in zip(table["seed"], table["paragraph"], strict=True)]
    return table.assign(source=links)
