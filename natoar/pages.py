"""Write one page per source document (chapters/sources/<id>.md) from the catalogue and the seeds.

Run as `python -m natoar.pages`. Pages are rewritten only when their content changes, so Sphinx
rebuilds only what changed. Pages of documents no longer in the catalogue are removed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .corpus import furniture, load_catalogue, paragraphs
from .dates import parse_date
from .markup import document_label, escape, paragraph_label
from .paths import project_root

PAGES = Path("chapters") / "sources"


def _metadata(doc: pd.Series, removed: int) -> str:
    printed = doc["date_printed"] or "none"
    rows = [
        ("Outlet", escape(doc["outlet"])),
        ("Genre", doc["genre"]),
        ("Author", escape(doc["author"])),
        ("Date as printed", escape(printed)),
        (
            "Date of writing (best estimate)",
            f"{doc['date_iso']} ({parse_date(doc['date_iso']).precision}, {doc['date_basis']})",
        ),
        ("Events described", f"{doc['events_from']} to {doc['events_to']}"),
        ("Seed file", f"`{doc['file']}`"),
        ("SHA-256", f"`{doc['sha256']}`"),
        ("Furniture lines removed", str(removed)),
    ]
    return "\n".join(["| Field | Value |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])


def render_page(doc: pd.Series, body: pd.DataFrame, removed: int) -> str:
    """Return the MyST source of one document's page."""
    parts = [
        f"({document_label(doc['id'])})=",
        f"# {doc['id']}: {escape(doc['title_en'])}",
        "",
        f":::{{arabic}}\n**{escape(doc['title_ar'])}**\n:::",
        "",
        _metadata(doc, removed),
        "",
        "## Summary",
        "",
        escape(doc["summary_en"]),
        "",
        "## Reading it critically",
        "",
        f"**Stance.** {escape(doc['stance'])}",
        "",
        f"**Reliability.** {escape(doc['reliability'])}",
        "",
        "## Text",
        "",
        "The article text as the seed holds it, with site furniture removed and paragraphs numbered. "
        "Chapters cite these numbers.",
        "",
    ]
    for row in body.itertuples():
        parts += [
            f"({paragraph_label(doc['id'], row.paragraph)})=",
            f":::{{arabic}}\n**[{row.paragraph}]** {escape(row.text)}\n:::",
            "",
        ]
    return "\n".join(parts)


def write_pages(root: Path | None = None) -> list[Path]:
    """Write every source page that changed, remove stale ones, and return the paths of all pages."""
    root = project_root(root)
    catalogue = load_catalogue(root)
    body = paragraphs(root)
    removed = furniture(root).groupby("doc").size()
    folder = root / PAGES
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for _, doc in catalogue.iterrows():
        path = folder / f"{doc['id']}.md"
        text = render_page(doc, body[body["doc"] == doc["id"]], int(removed.get(doc["id"], 0)))
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    for stale in sorted(set(folder.glob("*.md")) - set(written)):
        stale.unlink()
    return written


if __name__ == "__main__":
    for page in write_pages():
        print(page.relative_to(project_root()))
