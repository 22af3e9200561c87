"""Write data/README.md, the data dictionary, from the descriptor data/datapackage.yaml.

Run as `python -m natoar.build.dictionary` (`make book` runs it through `natoar.build.prepare`). The file is
rewritten only when its content changes; it is committed, so that it reads on its own, but never edited by hand.
"""

from __future__ import annotations

from pathlib import Path

from natoar.report.datapages import data_dictionary, row_rules
from natoar.report.markdown import markdown_table
from natoar.sources.datapackage import DATA, DESCRIPTOR, read_package
from natoar.sources.paths import project_root

DICTIONARY = DATA / "README.md"


def render_dictionary(root: Path | None = None) -> str:
    """Return the data dictionary: the package's description, its named checks, then every table's columns."""
    package = read_package(root)
    dictionary = data_dictionary(root)
    parts = [
        f"<!-- Generated from {DESCRIPTOR.name} by natoar.build.dictionary (`make book`): edit that file, not this "
        "one. -->",
        "",
        "# Data dictionary",
        "",
        f"*{package.title}.*",
        "",
        package.description,
        "",
        f"Every table is declared once, in [`{DESCRIPTOR.name}`]({DESCRIPTOR.name}), a "
        "[Frictionless Data Package](https://datapackage.org/): its columns with their types, meanings and "
        "constraints, its keys, licence and sources. Check the data with standard tools: "
        f"`frictionless validate {DESCRIPTOR}`. The `natoar` package reads the same descriptor; besides, it makes "
        "the checks below that Frictionless cannot express, and names the file, line, column and fix for any "
        "bad value.",
        "",
        f"Licence: {'; '.join(package.licenses)}.",
        "",
        "## Checks beyond the standard",
        "",
        "Named in the descriptor by `natoar:check` (a field) or `natoar:rowChecks` (a table).",
        "",
        *(f"- `{name}`: {title}. {text}" for name, (title, text) in package.checks.items()),
    ]
    for name, table in package.tables.items():
        parts += ["", f"## `{table.path.relative_to(DATA).as_posix()}`", "", f"**{table.title}.** {table.description}"]
        parts += ["", f"Licence: {'; '.join(table.licenses)}."]
        if table.sources:
            parts[-1] += f" Sources: {'; '.join(table.sources)}."
        parts += ["", markdown_table(dictionary[name], markup=("meaning", "rules"))]
        if rules := row_rules(name, root):
            parts += ["", rules]
    return "\n".join(parts) + "\n"


def write_dictionary(root: Path | None = None) -> Path:
    """Write data/README.md if its content changed; return its path."""
    root = project_root(root)
    path = root / DICTIONARY
    text = render_dictionary(root)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_dictionary().relative_to(project_root()))
