"""Describe the curated tables for the book's Data pages: the data dictionary (from data/datapackage.yaml), size and
coverage."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from natoar.report.markdown import MarkdownText, markdown_table, source_ref
from natoar.sources.datapackage import Package, Table, read_package
from natoar.sources.schema import Column
from natoar.text.dates import parse_date


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
        text += f", drawn from {used} of the {len(catalogue)} documents"
    return MarkdownText(text + ".")


def with_source(table: pd.DataFrame) -> pd.DataFrame:
    """Return `table` with a `source` column of links to each row's cited paragraph."""
    links = [source_ref(s, int(p)) for s, p in zip(table["seed"], table["paragraph"], strict=True)]
    return table.assign(source=links)
