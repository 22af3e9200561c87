"""Read and write a PDF's document-level data with pypdf: its outline (bookmarks) and its metadata."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, NumberObject, PdfObject, TextStringObject


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

    The changed objects (the outline's items, the document information, the catalogue) are appended to the file as
    an incremental update, which PDF readers apply over the original. Rewriting the whole file instead (pypdf's
    clone) parses every object of it, tens of thousands in a tagged PDF: 23 of an edition's 46 seconds of printing.
    """
    reader = PdfReader(path)
    previous = _last_cross_reference(path)
    root = reader.trailer.raw_get("/Root")
    items = _outline_items(root.get_object())
    if len(items) != len(headings):
        raise RuntimeError(f"{path}: the outline has {len(items)} items for {len(headings)} headings")
    for item, heading in zip(items, headings, strict=True):
        item.get_object()[NameObject("/Title")] = TextStringObject(heading)
    root.get_object()[NameObject("/PageMode")] = NameObject("/UseOutlines")
    highest = max(max(numbers, default=0) for numbers in reader.xref.values())
    info = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    fields = info.get_object() if info is not None else DictionaryObject()
    if info is None:  # a new object, numbered after the highest the file has
        highest += 1
        info = IndirectObject(highest, 0, reader)
    metadata = {"/Title": title, "/Author": ", ".join(authors), "/Subject": subject,
                "/Creator": "natoar.build.pdf (Chromium)"}
    fields.update({NameObject(key): TextStringObject(value) for key, value in metadata.items()})
    changed = {(ref.idnum, ref.generation): ref.get_object() for ref in [*items, root]}
    changed[(info.idnum, info.generation)] = fields
    trailer = {"/Size": NumberObject(max(int(reader.trailer.get("/Size", 0)), highest + 1)), "/Root": root,
               "/Info": info, "/Prev": NumberObject(previous)}
    _append_update(path, changed, DictionaryObject({NameObject(k): v for k, v in trailer.items()}))


def _last_cross_reference(path: Path) -> int:
    """Return the offset of the file's last cross-reference section, checking that it is a table (as Chromium writes
    it): an update appended with a table after a cross-reference stream is not read alike by every reader."""
    with path.open("rb") as file:
        file.seek(max(0, path.stat().st_size - 1024))
        tail = file.read()
        found = re.findall(rb"startxref\s+(\d+)", tail)
        if not found:
            raise RuntimeError(f"{path}: no 'startxref' at the end of the file; it is not a complete PDF")
        offset = int(found[-1])
        file.seek(offset)
        if not file.read(4) == b"xref":
            raise RuntimeError(f"{path}: its cross-reference is a stream, not a table; the outline and metadata "
                               "are written only over a table (as Chromium's PDFs have)")
    return offset


def _append_update(path: Path, changed: dict[tuple[int, int], PdfObject], trailer: DictionaryObject) -> None:
    """Append the `changed` objects, by (number, generation), to the PDF at `path` as an incremental update: the
    objects, a cross-reference table for them, and `trailer`, whose /Prev points to the previous table."""
    body = io.BytesIO()
    body.write(b"\n")
    start = path.stat().st_size
    offsets = {}
    for (number, generation), obj in sorted(changed.items()):
        offsets[number] = (start + body.tell(), generation)
        body.write(f"{number} {generation} obj\n".encode())
        obj.write_to_stream(body)
        body.write(b"\nendobj\n")
    table = start + body.tell()
    body.write(b"xref\n")
    for number, (offset, generation) in sorted(offsets.items()):  # a subsection of one entry per object
        body.write(f"{number} 1\n{offset:010d} {generation:05d} n\r\n".encode())
    body.write(b"trailer\n")
    trailer.write_to_stream(body)
    body.write(f"\nstartxref\n{table}\n%%EOF\n".encode())
    with path.open("ab") as file:
        file.write(body.getvalue())


def _outline_items(catalog: DictionaryObject) -> list[IndirectObject]:
    """Return references to the outline's items in reading order."""
    items = []

    def walk(ref: object) -> None:
        while ref is not None:
            items.append(ref)
            node = ref.get_object()
            if "/First" in node:
                walk(node.raw_get("/First"))
            ref = node.raw_get("/Next") if "/Next" in node else None

    outlines = catalog.get("/Outlines")
    if outlines is not None and "/First" in outlines:
        walk(outlines.raw_get("/First"))
    return items
