"""Read and write a PDF's document-level data with pypdf: its outline (bookmarks) and its metadata."""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


class _ChromiumTrailer(logging.Filter):
    """Drop pypdf's warning that a trailer's /Size is below the object count: Chromium's PDFs all say so, harmlessly
    (the copy pypdf writes has the right count)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Object count")


logging.getLogger("pypdf._writer").addFilter(_ChromiumTrailer())


def outline(path: Path) -> list[tuple[int, str, int]]:
    """Return the PDF's outline in reading order as (depth, title, 1-based page number)."""
    reader = PdfReader(path)
    items: list[tuple[int, str, int]] = []

    def walk(nodes: list, depth: int) -> None:
        for node in nodes:
            if isinstance(node, list):
                walk(node, depth + 1)
            else:
                items.append((depth, str(node.title), reader.get_destination_page_number(node) + 1))

    walk(reader.outline, 0)
    return items


def stamp(path: Path, title: str, authors: tuple[str, ...], subject: str, headings: list[str]) -> None:
    """Set the PDF's title, authors and subject, retitle its outline, and have viewers open it with the outline shown.

    Chromium builds the outline from the headings but titles each item with the text as laid out: words at a line
    break run together, and some headings come out twice ("ContentsContents"). `headings` are the headings' texts in
    reading order, one per outline item; they replace those titles.
    """
    writer = PdfWriter(clone_from=path)
    items = _outline_items(writer)
    if len(items) != len(headings):
        raise RuntimeError(f"{path}: the outline has {len(items)} items for {len(headings)} headings")
    for item, heading in zip(items, headings, strict=True):
        item[NameObject("/Title")] = TextStringObject(heading)
    writer.add_metadata(
        {"/Title": title, "/Author": ", ".join(authors), "/Subject": subject, "/Creator": "natoar.build.pdf (Chromium)"}
    )
    writer.page_mode = "/UseOutlines"
    writer.write(path)


def _outline_items(writer: PdfWriter) -> list:
    """Return the outline's items (PDF dictionaries) in reading order."""
    items = []

    def walk(node: object) -> None:
        while node is not None:
            node = node.get_object()
            items.append(node)
            if "/First" in node:
                walk(node["/First"])
            node = node.get("/Next")

    root = writer.root_object.get("/Outlines")
    if root is not None and "/First" in root.get_object():
        walk(root.get_object()["/First"])
    return items
