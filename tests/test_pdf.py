"""The PDFs as a reader prints them: outline, contents with page numbers, running headers, metadata, full pages.

The tests on `edition` read what `make pdf` wrote from the shared built book, once for each edition (English in
_build/html/pdf/, Arabic in _build/html/ar/pdf/); the others check the pieces on their own.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import yaml
from pypdf import PdfReader

from natoar.build.citation import load_book
from natoar.build.pdf import (
    LANGUAGES,
    WORDS,
    Entry,
    Printed,
    chapter_pages,
    contents_pages,
    css_string,
    guess_pages,
    html_folder,
    pdf_folder,
    pdf_name,
    structure,
)
from natoar.build.pdfmeta import outline, stamp
from natoar.sources import evidence
from natoar.tools.pdfpages import _fill, nearly_empty, rendered

ROOT = Path(__file__).resolve().parents[1]
MM = 72 / 25.4  # PDF points per millimetre
BOTTOM_MARGIN = 20 * MM
HEADER_HEIGHT = 16 * MM  # the running header sits in the 18 mm top margin
BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class Edition:
    """One edition's PDFs: its language, the folder of its PDFs and the folder of the HTML they were printed from."""

    language: str
    pdfs: Path
    html: Path


@pytest.fixture(params=LANGUAGES)
def edition(request: pytest.FixtureRequest, printed, built: Path) -> Edition:
    """The PDFs `make pdf` wrote for one edition of the shared built book."""
    return Edition(request.param, printed(request.param), html_folder(built, request.param))


def text(pdf: Path, page: int | None = None, crop: tuple[float, float] | None = None, layout: bool = True) -> str:
    """Return the text of a PDF, or of one page of it, or of a horizontal band (top, height in points) of that page."""
    command = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page:
        command += ["-f", str(page), "-l", str(page)]
    if crop:
        command += ["-x", "0", "-y", str(round(crop[0])), "-W", "600", "-H", str(round(crop[1]))]
    out = subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.translate(BIDI_MARKS)  # the embedding marks pdftotext puts around right-to-left runs


def key(title: str) -> str:
    """Return a title as it is compared with a PDF's text. pdftotext gives Arabic letters in logical order, but not
    always the spaces, digits and punctuation around them: it splits some words where Amiri leaves a gap after a
    letter that does not join (ويلز comes back as و يلز), and a heading's number '1.' comes back as '.1'. An Arabic
    title is compared by its letters, in order; an English one word for word."""
    if ARABIC.search(title):
        return "".join(re.findall(r"[^\W\d_]", title))
    return " ".join(title.split())


@cache
def headers(pdf: Path) -> list[str]:
    """Return each page's running header ('' where there is none), as `key` gives it."""
    pages = len(PdfReader(pdf).pages)
    bands = text(pdf, crop=(0, HEADER_HEIGHT)).split("\f")[:pages]  # pdftotext ends each page with a form feed
    assert len(bands) == pages, pdf.name
    return [key(band) for band in bands]


def heading(html: Path, name: str) -> str:
    """Return a page's title as its heading reads in the HTML (with its number)."""
    page = (html / f"{name}.html").read_text(encoding="utf-8")
    h1 = re.search(r"<h1>((?:(?!</h1>).)*?)<a class=\"headerlink\"", page, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", h1).split())


def chapter_titles(built: Path, html: Path) -> list[str]:
    return [heading(html, chapter.name) for chapter in structure(built)]


def chapter_keys(built: Path, html: Path) -> list[str]:
    return [key(title) for title in chapter_titles(built, html)]


def part_captions(built: Path, html: Path) -> list[str]:
    """Return the parts' captions as the edition's navigation shows them, checked against _toc.yml's parts."""
    page = (html / f"{structure(built)[0].name}.html").read_text(encoding="utf-8")
    shown = [" ".join(c.split()) for c in re.findall(r'<span class="caption-text">([^<]*)</span>', page)]
    toc = yaml.safe_load((built / "_toc.yml").read_text(encoding="utf-8"))
    assert len(shown) == len(toc["parts"])
    return shown


def test_book_outline_has_parts_chapters_and_sections_at_their_depth(edition, built):
    pdfs, html = edition.pdfs, edition.html
    found = {(depth, title) for depth, title, _ in outline(pdfs / "book.pdf")}
    captions = part_captions(built, html)
    if edition.language == "en":
        toc = yaml.safe_load((built / "_toc.yml").read_text(encoding="utf-8"))
        assert captions == [part["caption"] for part in toc["parts"]]
    assert {(0, caption) for caption in captions} <= found
    for chapter in structure(built):
        depth = 1 if chapter.part else 0
        assert (depth, heading(html, chapter.name)) in found, chapter.name
        for section in chapter.sections:
            assert (depth + 1, heading(html, section)) in found, section
    assert max(depth for depth, _ in found) >= 2, "the chapters' own sections are missing from the outline"


def test_contents_gives_each_chapter_the_page_it_starts_on(edition, built):
    pdf = edition.pdfs / "book.pdf"
    front = headers(pdf).index(next(h for h in headers(pdf) if h))  # pages before the first running header
    lines = [line.strip() for n in range(2, front + 1) for line in text(pdf, n).splitlines() if line.strip()]
    assert key(lines[0]) == key(WORDS[edition.language]["contents"])
    # one line per entry: its title and, set apart, its page number (at the left of a right-to-left line)
    listed = {}
    for line in lines:
        parts = re.split(r"\s{2,}", line)
        number = next((p for p in (parts[-1], parts[0]) if p.isdigit()), None) if len(parts) > 1 else None
        if number:
            listed.setdefault(key(" ".join(p for p in parts if p != number)), int(number))
    for title in chapter_keys(built, edition.html):
        assert title in listed, f"'{title}' has no page number in the contents"
        page = listed[title]
        assert headers(pdf)[page - 1] == title, f"the contents send '{title}' to page {page}"
        assert page == 1 or headers(pdf)[page - 2] != title, f"'{title}' starts before page {page}"


def test_every_page_after_the_front_matter_is_headed_by_its_chapter_and_numbered(edition, built):
    pdf = edition.pdfs / "book.pdf"
    titles = chapter_keys(built, edition.html)
    seen = [h for h in headers(pdf) if h]
    assert set(seen) == set(titles)
    assert list(dict.fromkeys(seen)) == titles, "chapters out of order, or a chapter's pages not together"
    assert headers(pdf)[: len(headers(pdf)) - len(seen)] == [""] * (len(headers(pdf)) - len(seen))
    page_height = float(PdfReader(pdf).pages[0].mediabox.height)
    for number in (len(headers(pdf)) - len(seen) + 1, len(headers(pdf))):
        footer = text(pdf, number, (page_height - BOTTOM_MARGIN, BOTTOM_MARGIN)).split()
        assert footer == [str(number)]


def test_no_page_is_nearly_empty_but_a_chapters_last(edition):
    for pdf in sorted(edition.pdfs.glob("*.pdf")):
        marks = headers(pdf)
        fills = [_fill(page) for page in _pages(pdf)]
        assert len(fills) == len(marks)
        ends = {n for n in range(1, len(marks) + 1) if n == len(marks) or marks[n] != marks[n - 1]}
        assert [n for n in nearly_empty(fills) if n not in ends] == [], pdf.name


def test_no_heading_ends_a_page(edition):
    for pdf in (edition.pdfs / "book.pdf", edition.pdfs / "chapters-sources.pdf"):
        reader = PdfReader(pdf)

        def items(nodes: list) -> list:
            return [i for node in nodes for i in (items(node) if isinstance(node, list) else [node])]

        low = [(i.title, float(i.top)) for i in items(reader.outline) if float(i.top) < BOTTOM_MARGIN + 36]
        assert low == [], f"{pdf.name}: headings with less than a line of text under them"


def test_no_code_no_web_furniture_and_one_citation_per_chapter(edition, built):
    book = " ".join(text(edition.pdfs / "book.pdf").split())
    for furniture in ("Show code", "Hide code", "@incollection{", "from natoar", "load_book(", "Ctrl+K"):
        assert furniture not in book
    cite = WORDS[edition.language]["cite"].rstrip(":")
    assert book.count(cite) == len(structure(built)) + 1  # each chapter's, and the book's on its title page


def test_metadata_a4_tagged_and_fonts_embedded(edition, built):
    pdfs, html = edition.pdfs, edition.html
    book = load_book(built, edition.language)
    for pdf, title in [(pdfs / "book.pdf", book.title)] + [
        (pdfs / pdf_name(c.name), heading(html, c.name)) for c in structure(built)
    ]:
        reader = PdfReader(pdf)
        assert reader.metadata.title == title, pdf.name
        assert reader.metadata.author == ", ".join(book.authors)
        assert reader.trailer["/Root"]["/Lang"] == edition.language
        assert "/StructTreeRoot" in reader.trailer["/Root"], f"{pdf.name} is not tagged"
        box = reader.pages[0].mediabox
        assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
    info = subprocess.run(["pdfinfo", str(pdfs / "book.pdf")], capture_output=True, text=True, check=True)
    assert book.title in info.stdout and info.stderr == ""  # poppler, too, reads the metadata that pdfmeta appended
    fonts = subprocess.run(["pdffonts", str(pdfs / "book.pdf")], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts


def test_chapter_pdfs_hold_the_chapter_with_its_sections_under_its_header(edition, built):
    pdfs, html = edition.pdfs, edition.html
    for chapter in structure(built):
        pdf = pdfs / pdf_name(chapter.name)
        title = heading(html, chapter.name)
        assert set(headers(pdf)) == {key(title)}, pdf.name
        items = outline(pdf)
        assert items[0][:2] == (0, title)
        assert [t for d, t, _ in items if d == 1 and t in {heading(html, s) for s in chapter.sections}] == [
            heading(html, s) for s in chapter.sections
        ]


def test_text_spans_the_page_and_nothing_runs_into_the_side_margins(edition):
    """A block wider than the text makes Chromium shrink every page to fit it: lines then end well short of the
    right margin (of the left one, right to left). A block that escapes its box prints into the margins."""
    for pdf in sorted(edition.pdfs.glob("*.pdf")):
        with_ink, right_edges = [], []
        for number, page in enumerate(_pages(pdf), start=1):
            pixels = np.fliplr(page) if edition.language == "ar" else page  # lines end at the left
            width = pixels.shape[1]
            margins = np.hstack([pixels[:, : round(0.065 * width)], pixels[:, round(0.935 * width) :]])
            if (margins < 200).any():
                with_ink.append(number)
            inked = np.flatnonzero((pixels < 200).any(axis=0))
            right_edges.append(inked[-1] / width if inked.size else 0.0)
        assert with_ink == [], f"{pdf.name}: text or tables run into the side margins"
        assert np.median(right_edges) > 0.89, f"{pdf.name}: the pages were shrunk to fit something too wide"


@pytest.mark.parametrize("edition", ["ar"], indirect=True)
def test_arabic_pdf_is_arabic_and_its_text_comes_back_in_logical_order(edition, built):
    pdfs, html = edition.pdfs, edition.html
    book = PdfReader(pdfs / "book.pdf")
    arabic = ARABIC
    items = outline(pdfs / "book.pdf")
    assert items[0][1] == WORDS["ar"]["contents"]
    titles = {title for _, title, _ in items}
    parts_and_chapters = part_captions(built, html) + chapter_titles(built, html)
    assert set(parts_and_chapters) <= titles
    assert all(arabic.search(title) for title in parts_and_chapters), parts_and_chapters
    assert book.metadata.title == load_book(built, "ar").title
    # a sentence of the opening page's translated prose, as a reader copies it: letters in the order they are read
    words = " ".join(text(pdfs / "book.pdf", layout=False).split())
    assert "في ضوء السجل العلني للناتو" in words
    assert "ةيبرع رداصم نم" not in words  # not in visual (reversed) order


@cache
def _pages(pdf: Path) -> list[np.ndarray]:
    """Each page of `pdf` rendered small, once per test run for all the tests that look at its ink."""
    return rendered(pdf)


def test_fill_is_the_depth_of_the_last_inked_row_in_the_text_area():
    page = np.full((1000, 700), 255, dtype=np.uint8)
    assert _fill(page) == 0.0
    page[20:40, 100:600] = 0  # a running header only
    assert _fill(page) == 0.0
    page[100:120, 100:600] = 0  # a line near the top
    assert 0.0 < _fill(page) < 0.1
    page[900:910, 100:600] = 0  # and one near the bottom
    assert _fill(page) > 0.95
    assert nearly_empty([0.9, 0.1, 0.3]) == [2]


def test_contents_pages_follow_the_outline_in_reading_order():
    found = [(0, "Contents", 2), (0, "Intro", 4), (1, "Notes", 5), (0, "Part", 7), (1, "1. Chapter", 7)]
    found.append((2, "Notes", 9))
    entries = [Entry("chapter", "Intro"), Entry("part", "Part"), Entry("chapter", "1. Chapter")]
    entries.append(Entry("section", "Notes"))
    assert contents_pages(entries, found) == [4, 7, 7, 9]
    with pytest.raises(RuntimeError, match="no heading 'Missing'"):
        contents_pages([Entry("chapter", "Missing")], found)


@pytest.mark.tool  # renders with poppler's pdftoppm, installed by `make browser`, which `make check` does not run
def test_the_page_report_of_one_edition_reads_only_that_editions_pdfs(tmp_path, monkeypatch, capsys):
    """`make pdfpages PDF_LANGUAGES=en` reports on the English PDFs while the Arabic ones may be half written."""
    from pypdf import PdfWriter

    from natoar.tools import pdfpages

    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "seeds").mkdir()
    for language in LANGUAGES:
        folder = pdf_folder(tmp_path, language)
        folder.mkdir(parents=True)
        if language == "en":
            writer = PdfWriter()
            writer.add_blank_page(width=595, height=842)
            writer.write(folder / "book.pdf")
        else:
            (folder / "book.pdf").write_bytes(b"%PDF-1.7\n")  # being written
    monkeypatch.chdir(tmp_path)
    pdfpages.main(["en"])
    assert "| _build/html/pdf/book.pdf | 1 | 1 | 100% |" in capsys.readouterr().out


def test_contents_pages_are_guessed_from_the_chapters_own_pdfs():
    groups = [[Entry("chapter", "Intro")], [Entry("part", "Part"), Entry("chapter", "1. A"), Entry("section", "Notes")]]
    printed = [Printed([(0, "Intro", 1)], 2), Printed([(0, "1. A", 1), (1, "Notes", 3)], 4)]
    guess_pages(groups, printed, front=2)
    assert [[e.page for e in group] for group in groups] == [[3], [5, 5, 7]]  # front matter, Intro: pages 1 to 4
    groups[1].append(Entry("section", "Not in the outline"))  # then the book's own print places the sections
    guess_pages(groups, printed, front=2)
    assert [e.page for e in groups[1]] == [5, 5, 5, 5]


def test_stamping_appends_the_titles_and_metadata_without_rewriting_the_printed_pdf(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(200, 200)
    chapter = writer.add_outline_item(title="ContentsContents", page_number=0)
    writer.add_outline_item(title="TheWales summit", page_number=1, parent=chapter)
    writer.add_outline_item(title="Last", page_number=2)
    pdf = tmp_path / "chapter.pdf"
    writer.write(pdf)
    printed = pdf.read_bytes()
    stamp(pdf, title="قمة ويلز", authors=("A", "B"), subject="A chapter", headings=["Contents", "The Wales summit",
                                                                                     "Last"])
    assert pdf.read_bytes().startswith(printed)  # an incremental update: the printed bytes are kept as they were
    reader = PdfReader(pdf)
    assert outline(pdf) == [(0, "Contents", 1), (1, "The Wales summit", 2), (0, "Last", 3)]
    assert (reader.metadata.title, reader.metadata.author, reader.metadata.subject) == ("قمة ويلز", "A, B", "A chapter")
    assert reader.page_mode == "/UseOutlines" and len(reader.pages) == 3
    with pytest.raises(RuntimeError, match=r"chapter\.pdf: the outline has 3 items for 2 headings"):
        stamp(pdf, title="x", authors=(), subject="x", headings=["Contents", "Last"])


def test_css_string_escapes_quotes_and_backslashes():
    assert css_string('The "Alliance"\\ and\nits  partners') == r'"The \"Alliance\"\\ and its partners"'


# Every test that reads the PDFs sits in this file and asks for an edition, so that the worker that prints an
# edition's PDFs runs its tests (tests/conftest.py groups them), while the other worker goes on with other tests.


@pytest.mark.parametrize("edition", ["en"], indirect=True)
def test_book_pdf_has_every_chapter_in_order(edition, built):
    pdfs, html = edition.pdfs, edition.html
    book = re.sub(r"\s+", " ", text(pdfs / "book.pdf", layout=False))
    positions = []
    for name in chapter_pages(built)[1:]:
        heading = re.search(r"<h1>(.*?)<a", (html / f"{name}.html").read_text(encoding="utf-8")).group(1)
        title = re.sub(r"<[^>]+>", "", heading).strip()
        positions.append(book.find(title, positions[-1] + 1 if positions else 0))
        assert positions[-1] >= 0, f"{title} is not in the book PDF"
    assert positions == sorted(positions)
    for name in chapter_pages(built):
        assert (pdfs / f"{name.replace('/', '-')}.pdf").stat().st_size > 5_000


@pytest.mark.parametrize("edition", ["en"], indirect=True)
def test_pdf_text_keeps_arabic_in_logical_order(edition):
    pdfs = edition.pdfs
    passages = evidence.load_table("passages", ROOT)
    quote = passages.set_index("id").loc["wales-dcb-countries", "quote"]
    chapter = re.sub(r"\s+", " ", re.sub("[\u200e\u200f]", "", text(pdfs / "chapters-wales-dcb.pdf", layout=False)))
    phrase = quote.split("،")[0]  # pdftotext may reorder clauses around Arabic punctuation, not words within them
    assert len(phrase.split()) >= 6
    assert phrase in chapter
    assert " ".join(reversed(phrase.split())) not in chapter
