"""Print the book to PDF with Debian's Chromium (driven by Playwright): the whole book, and one PDF per chapter.

Run as `python -m natoar.build.pdf` after `make book`. Each page of the HTML build is parsed, stripped of what
only a screen needs (code, toggles, heading links, the per-page citation box) and its headings moved down a level
under their part and chapter; the pieces are then set as one document and printed with CSS paged media:

- the whole book (book.pdf): a title page, a contents page with page numbers, then each part's chapters, each
  chapter on a new page with its sections (source pages, data pages) running on after it;
- one PDF per chapter (chapters-<name>.pdf): the chapter and its sections, with the same rules.

Both editions are printed: the English one to _build/html/pdf/, the Arabic one (from _build/html/ar/) to
_build/html/ar/pdf/, where its pages' `citation_pdf_url` points. The Arabic pages are right to left (the print
rules under html[dir="rtl"] in _static/print.css); their title page, contents, part titles and running headers are
Arabic, the part titles read from the edition's own navigation.

Every page is A4 with the chapter's title as running header and a page number (CSS page margin boxes on a named
page per chapter). The PDF is tagged, with an outline (bookmarks) of parts, chapters and sections built by
Chromium from the headings, and carries the book's title, authors and language. The contents' page numbers come
from outlines: the chapters' PDFs are printed first, and their outlines and lengths give each entry's page in the
book; the book is printed, the page of each entry read back from its own outline with pypdf, and the book printed
again, with those numbers, only if they differ (a part title that pushes a chapter onto one more page). Each page
of the HTML is read once per edition, for the book and its chapter's PDF. Chromium shapes Arabic correctly,
embeds the fonts, and text extracted from its PDFs keeps the logical order.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pypdf import PdfReader

from natoar.build.citation import Book, load_book, reference
from natoar.build.editions import EDITIONS
from natoar.build.pdfmeta import outline, stamp
from natoar.sources.paths import project_root

BUILD = Path("_build")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The text area of an A4 page inside the margins of _static/print.css (18 mm top, 20 mm bottom, 16 mm sides), in
# CSS pixels: pages are laid out at this size to find the blocks too tall to keep on one page.
TEXT_AREA = {"width": 672, "height": 979}
PASSES = 4  # prints of the book at most, until the contents' page numbers agree with the pages
LANGUAGES = ("en", "ar")
# The PDFs' own words, in each edition's language; `font` is the running header's and page number's face.
WORDS = {
    "en": {"contents": "Contents", "cite": "Cite as:", "version": "Version", "chapter": "A chapter of {}",
           "font": "'DejaVu Sans', sans-serif"},
    "ar": {"contents": "المحتويات", "cite": "للاستشهاد:", "version": "الإصدار", "chapter": "فصل من كتاب {}",
           "font": "'Amiri', serif"},
}


@dataclass
class Chapter:
    """A chapter of the book: its page, its part's caption (None for the opening page) and its sections' pages."""

    name: str
    part: str | None
    sections: list[str] = field(default_factory=list)


def structure(root: Path) -> list[Chapter]:
    """Return the book's chapters in reading order, from _toc.yml."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [Chapter(toc["root"], None)]
    for part in toc.get("parts", []):
        for entry in part.get("chapters", []):
            chapter = Chapter(entry["file"], part.get("caption", ""))
            for section in entry.get("sections", []):
                if "glob" in section:
                    chapter.sections += sorted(
                        p.with_suffix("").relative_to(root).as_posix() for p in root.glob(section["glob"] + ".*")
                    )
                else:
                    chapter.sections.append(section["file"])
            chapters.append(chapter)
    return chapters


def chapter_pages(root: Path) -> list[str]:
    """Return the document names of the book's chapters (the root and each part's chapters), in order."""
    return [chapter.name for chapter in structure(root)]


def all_pages(root: Path) -> list[str]:
    """Return every document of the book in reading order: chapters followed by their sections."""
    return [name for chapter in structure(root) for name in [chapter.name, *chapter.sections]]


def pdf_name(chapter: str) -> str:
    """Return the file name of a chapter's PDF."""
    return f"{chapter.replace('/', '-')}.pdf"


def html_folder(root: Path, language: str = "en") -> Path:
    """Return the folder of the built HTML of the edition in `language`."""
    return root / BUILD / "html" / EDITIONS[language]


def pdf_folder(root: Path, language: str = "en") -> Path:
    """Return the folder of the edition's PDFs: pdf/ inside its HTML, where its pages' citation_pdf_url points."""
    return html_folder(root, language) / "pdf"


# One page of the HTML build, made printable: arguments are the page's HTML and address, how many levels its headings
# move down, whether it keeps its citation (as one line under its title), the folder of the HTML build and the
# site's address. The page is parsed, not opened: the book's pages run no script that changes their article (the
# theme's scripts add buttons, which are removed here), and parsing takes milliseconds where loading a page with
# its theme took a quarter of a second. A <base> element makes its images' and links' addresses resolve as in the
# page itself.
_EXTRACT = """([markup, url, shift, keepCite, base, site, citeAs]) => {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const anchor = doc.createElement('base');
  anchor.href = url;
  doc.head.prepend(anchor);
  const article = doc.querySelector('article.bd-article');
  article.querySelectorAll(
    'details.above-input, .cell_input, .headerlink, .copybtn, button, script, .cite-box details, .cite-box-title, ' +
    '.edition-switch'
  ).forEach(e => e.remove());
  const title = article.querySelector('h1');
  const heading = title.textContent.replace(/\\s+/g, ' ').trim();
  const cite = article.querySelector('.cite-box');
  if (cite) {
    if (keepCite) {
      const line = doc.createElement('p');
      line.className = 'pdf-cite';
      const reference = cite.querySelector('.cite-box-reference').innerHTML;
      line.innerHTML = '<strong>' + citeAs + '</strong> ' +
        reference.replace(/(https?:\\/\\/\\S+)/g, '<span dir="ltr">$1</span>');
      title.after(line);
    }
    cite.remove();
  }
  article.querySelectorAll('div.rtl').forEach(block => {
    const next = block.nextElementSibling;
    if (next && next.tagName === 'BLOCKQUOTE') {
      const keep = doc.createElement('div');
      keep.className = 'pdf-keep';
      block.before(keep);
      keep.append(block, next);
    }
  });
  article.querySelectorAll('td, th').forEach(cell => {
    if (/\\S{30,}/.test(cell.textContent)) cell.classList.add('pdf-long-word');
  });
  article.querySelectorAll('img').forEach(i => i.setAttribute('src', i.src));
  article.querySelectorAll('a[href]').forEach(a => {
    const url = a.href;
    a.setAttribute('href', url.startsWith(base) ? site + url.slice(base.length) : url);
  });
  article.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(h => {
    const level = Number(h.tagName[1]);
    const moved = doc.createElement('h' + Math.min(6, level + shift));
    for (const a of h.attributes) moved.setAttribute(a.name, a.value);
    moved.classList.add('pdf-h' + level);
    moved.append(...h.childNodes);
    h.replaceWith(moved);
  });
  return [heading, article.innerHTML];
}"""

# The document to print, in place of the page's body: its title, its pages' style (replacing the last document's)
# and its HTML.
_ASSEMBLE = """([title, style, body]) => {
  document.title = title;
  let sheet = document.getElementById('pdf-pages');
  if (!sheet) {
    sheet = document.createElement('style');
    sheet.id = 'pdf-pages';
    document.head.append(sheet);
  }
  sheet.textContent = style;
  document.body.className = 'pdf-document';
  document.body.innerHTML = '<article class="bd-article" role="main">' + body + '</article>';
}"""

# Fit blocks to the page. A table wider than the text (a cross-tabulation with many columns) may break its words
# anywhere and is set smaller: Chromium would otherwise shrink every page of the PDF to fit it. Blocks kept whole
# (figures, passages with their translations, tables) that are taller than a page may break after all: kept whole
# they would leave the page before them nearly empty; tables taller than half a page break between rows (their
# header row repeats), as kept whole they too leave large gaps.
_FIT = """([width, page, table]) => {
  document.querySelectorAll('article table').forEach(t => {
    if (t.getBoundingClientRect().width > width) t.classList.add('pdf-wide');
  });
  document.querySelectorAll('figure, table, .pdf-keep, .cell_output img').forEach(e => {
    const limit = e.tagName === 'TABLE' ? table : page;
    if (e.getBoundingClientRect().height > limit) e.classList.add('pdf-tall');
  });
}"""

_HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .map(h => h.textContent.replace(/\\s+/g, ' ').trim())"""

_CAPTIONS = """() => [...document.querySelectorAll('.bd-sidebar-primary .caption-text')]
  .map(c => c.textContent.replace(/\\s+/g, ' ').trim())"""

_IMAGES_LOADED = (
    "() => Promise.all([...document.images].map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; })))"
)


@dataclass
class Piece:
    """A printable page: its title (as its heading reads, with its number) and its HTML."""

    name: str
    title: str
    body: str


def css_string(text: str) -> str:
    """Return `text` as a quoted CSS string."""
    return '"' + re.sub(r'(["\\\\])', r"\\\1", " ".join(text.split())) + '"'


def page_style(headers: dict[str, str], language: str = "en") -> str:
    """Return the named pages: one per chapter with its title as running header, and the title page's."""
    size = "10pt" if language == "ar" else "8.5pt"
    font = f"font: {size} {WORDS[language]['font']}; color: #555;"
    rules = [
        f"@page {{ size: A4; margin: 18mm 16mm 20mm 16mm; @bottom-center {{ content: counter(page); {font} }} }}",
        "@page pdf-title { @bottom-center { content: none; } }",
    ]
    rules += [
        f"@page {page} {{ @top-center {{ content: {css_string(header)}; {font} font-style: italic; }} }}"
        for page, header in headers.items()
    ]
    return "\n".join(rules)


def ltr(markup: str, text: str) -> str:
    """Return `markup` with each `text` in it (an address, a date) set left to right: in a right-to-left line an
    address's trailing slash would otherwise move to its start, and a date's parts would swap."""
    return markup.replace(text, f'<span dir="ltr">{text}</span>')


def title_page(book: Book) -> str:
    """Return the title page's HTML, from CITATION.cff (the title in the edition's language)."""
    words = WORDS[book.language]
    cite = ltr(html.escape(reference(book, book.title, "")), html.escape(book.url))
    return (
        '<section class="pdf-title-page">'
        f'<p class="pdf-book-title">{html.escape(book.title)}</p>'
        f'<p class="pdf-book-authors">{html.escape(", ".join(book.authors))}</p>'
        f'<p class="pdf-book-version">{words["version"]} <span dir="ltr">{html.escape(book.version)} · '
        f'{html.escape(book.date)}</span></p>'
        f'<p class="pdf-book-url" dir="ltr">{html.escape(book.url)}</p>'
        f'<p class="pdf-book-cite"><strong>{words["cite"]}</strong> {cite}</p>'
        "</section>"
    )


@dataclass
class Entry:
    """A line of the contents: its level (part, chapter, section), its title and its page (0 until known)."""

    level: str
    title: str
    page: int = 0


def contents(entries: list[Entry], language: str = "en") -> str:
    """Return the contents page's HTML, one line per part, chapter and section with its page number."""
    lines = "".join(
        f'<li class="pdf-toc-{e.level}"><span class="pdf-toc-title">{html.escape(e.title)}</span>'
        f'<span class="pdf-toc-page">{e.page or "000"}</span></li>'
        for e in entries
    )
    heading = WORDS[language]["contents"]
    return f'<nav class="pdf-contents"><h1 class="pdf-contents-title">{heading}</h1><ol>{lines}</ol></nav>'


def chapter_html(index: int, pieces: list[Piece], part: str | None = None) -> str:
    """Return one chapter, its sections after it, on its own named page (headed by the chapter's title)."""
    heading = f'<h1 class="pdf-part">{html.escape(part)}</h1>' if part else ""
    body = "".join(f'<div class="pdf-page-body">{p.body}</div>' for p in pieces)
    return f'<section class="pdf-chapter" style="page: pdf-chapter-{index}">{heading}{body}</section>'


class Printer:
    """One Chromium page that turns HTML pages of the build into PDFs."""

    def __init__(self, page: object, root: Path, language: str = "en") -> None:
        self.page = page
        self.root = root
        self.language = language
        self.html_dir = html_folder(root, language)
        self.book = load_book(root, language)
        self.words = WORDS[language]
        self.opened: dict[str, list[Piece]] = {}  # each chapter's pages made printable, by chapter (_pieces)
        self.index = (self.html_dir / "genindex.html").as_uri()  # a page with the theme's styles to print into

    def piece(self, name: str, shift: int, keep_cite: bool) -> Piece:
        """Read a page of the build and return it made printable."""
        path = self.html_dir / f"{name}.html"
        base = self.html_dir.as_uri() + "/"
        arguments = [path.read_text(encoding="utf-8"), path.as_uri(), shift, keep_cite, base, self.book.url,
                     self.words["cite"]]
        title, body = self.page.evaluate(_EXTRACT, arguments)
        return Piece(name, title, body)

    def captions(self, chapters: list[Chapter]) -> dict[str, str]:
        """Return each part's caption (as _toc.yml gives it) in the edition's language, as its navigation shows it."""
        self.page.goto((self.html_dir / f"{chapters[0].name}.html").as_uri(), wait_until="load")
        shown = self.page.evaluate(_CAPTIONS)
        parts = list(dict.fromkeys(c.part for c in chapters if c.part))
        if len(shown) != len(parts):
            raise RuntimeError(f"{self.html_dir}: the navigation shows {len(shown)} part captions for {len(parts)} "
                               "parts in _toc.yml. Fix: rebuild the book")
        return dict(zip(parts, shown, strict=True))

    def print(self, title: str, style: str, body: str, target: Path, subject: str) -> list[tuple[int, str, int]]:
        """Print `body` to `target` and return its outline as (depth, title, page) in reading order. Each document
        replaces the last one in the same page: loading the index page with the theme once, not once per PDF, saves
        0.4 s a PDF."""
        if self.page.url != self.index:  # the first document, or after `captions` left for a chapter's page
            self.page.goto(self.index, wait_until="load")
        self.page.evaluate(_ASSEMBLE, [title, style, body])
        self.page.evaluate(_IMAGES_LOADED)
        self.page.emulate_media(media="print")
        self.page.set_viewport_size(TEXT_AREA)
        self.page.evaluate(_FIT, [TEXT_AREA["width"], TEXT_AREA["height"] * 0.9, TEXT_AREA["height"] * 0.5])
        target.parent.mkdir(parents=True, exist_ok=True)
        headings = self.page.evaluate(_HEADINGS)
        self.page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
        stamp(target, title=title, authors=self.book.authors, subject=subject, headings=headings)
        return outline(target)


def deeper(piece: Piece, levels: int) -> Piece:
    """Return `piece` with its headings moved down `levels` more (h1 to h2...; h6 stays h6), as _EXTRACT moves them."""
    def move(match: re.Match) -> str:
        return f"<{match[1]}h{min(6, int(match[2]) + levels)}"

    return Piece(piece.name, piece.title, re.sub(r"<(/?)h([1-6])(?=[\s>])", move, piece.body))


def _pieces(printer: Printer, chapter: Chapter, shift: int) -> list[Piece]:
    """Return a chapter's page and its sections' pages made printable, headings moved down `shift` levels more
    than in the chapter's own PDF. Each page is read once per edition: the book and the chapter's PDF share it."""
    if chapter.name not in printer.opened:
        printer.opened[chapter.name] = [printer.piece(chapter.name, 0, keep_cite=True)] + [
            printer.piece(name, 1, keep_cite=False) for name in chapter.sections
        ]
    return [deeper(piece, shift) if shift else piece for piece in printer.opened[chapter.name]]


@dataclass
class Printed:
    """A chapter's own PDF as printed: its outline, as (depth, title, page), and its number of pages."""

    outline: list[tuple[int, str, int]]
    pages: int


def print_chapter(printer: Printer, chapter: Chapter, target: Path) -> Printed:
    """Write one chapter's PDF: the chapter and its sections, headed by the chapter's title."""
    pieces = _pieces(printer, chapter, shift=0)
    style = page_style({"pdf-chapter-0": pieces[0].title}, printer.language)
    subject = printer.words["chapter"].format(printer.book.title)
    found = printer.print(pieces[0].title, style, chapter_html(0, pieces), target, subject)
    return Printed(found, len(PdfReader(target).pages))


def guess_pages(groups: list[list[Entry]], printed: list[Printed], front: int) -> None:
    """Set each contents entry's page as the chapters' own PDFs place it: each chapter starts on a new page after
    the front matter's `front` pages and the chapters before it, a section where it stands in its chapter's PDF.
    The book differs from its chapters only in the part titles above some chapters, so this is usually exact and
    the book is printed once; where it is not, print_book prints again with the pages the book's outline gives."""
    start = front + 1
    for entries, chapter in zip(groups, printed, strict=True):
        sections = [e for e in entries if e.level == "section"]
        try:
            within = contents_pages(sections, chapter.outline)
        except RuntimeError:
            within = [1] * len(sections)  # a heading the outline lacks: the book's own print will place it
        for entry in entries:
            entry.page = start
        for entry, page in zip(sections, within, strict=True):
            entry.page = start + page - 1
        start += chapter.pages


def print_book(printer: Printer, chapters: list[Chapter], target: Path,
               printed: list[Printed] | None = None) -> list[Entry]:
    """Write the whole book's PDF and return its contents with their pages. With the chapters' own PDFs
    (`printed`, in the order of `chapters`), the contents' first pages are guessed from them."""
    entries, headers, parts, seen, groups = [], {}, [], set(), []
    captions = printer.captions(chapters)
    for index, chapter in enumerate(chapters, start=1):
        new_part = captions[chapter.part] if chapter.part and chapter.part not in seen else None
        seen.add(chapter.part)
        pieces = _pieces(printer, chapter, shift=1 if chapter.part else 0)
        group = [Entry("part", new_part)] if new_part else []
        group.append(Entry("chapter", pieces[0].title))
        group += [Entry("section", p.title) for p in pieces[1:]]
        groups.append(group)
        entries += group
        headers[f"pdf-chapter-{index}"] = pieces[0].title
        parts.append(chapter_html(index, pieces, new_part))
    style = page_style(headers, printer.language)

    def front() -> str:
        return f'<div style="page: pdf-title">{title_page(printer.book)}</div>{contents(entries, printer.language)}'

    if printed:
        printer.print(printer.book.title, style, front(), target, printer.book.title)  # the front matter alone
        guess_pages(groups, printed, len(PdfReader(target).pages))
    for _ in range(PASSES):
        found = printer.print(printer.book.title, style, front() + "".join(parts), target, printer.book.title)
        pages = contents_pages(entries, found)
        if pages == [e.page for e in entries]:
            return entries
        for entry, page in zip(entries, pages, strict=True):
            entry.page = page
    raise RuntimeError(f"{target}: the contents' page numbers did not settle after {PASSES} prints")


def contents_pages(entries: list[Entry], found: list[tuple[int, str, int]]) -> list[int]:
    """Return the page of each contents entry: the next outline item, in reading order, with the entry's title."""
    pages, position = [], 0
    for entry in entries:
        wanted = " ".join(entry.title.split())
        while position < len(found) and " ".join(found[position][1].split()) != wanted:
            position += 1
        if position == len(found):
            raise RuntimeError(f"the PDF's outline has no heading '{wanted}' where the contents expect it")
        pages.append(found[position][2])
    return pages


def build_pdfs(root: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Write each edition's PDFs, one per chapter and the whole book (book.pdf), under its HTML's pdf/ folder
    (_build/html/pdf/, _build/html/ar/pdf/); return their paths."""
    from playwright.sync_api import sync_playwright

    root = project_root(root)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise FileNotFoundError("Chromium is not installed. Fix: apt-get install chromium")
    for language in languages:
        if language not in EDITIONS:
            raise ValueError(f"no edition in '{language}'; the editions are {', '.join(EDITIONS)}")
        html_dir = html_folder(root, language)
        missing = [p for p in all_pages(root) if not (html_dir / f"{p}.html").is_file()]
        if missing:
            raise FileNotFoundError(f"{html_dir / missing[0]}.html is missing. Fix: run `make book` first")
    chapters = structure(root)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for language in languages:
            printer = Printer(browser.new_page(), root, language)
            out = pdf_folder(root, language)
            printed = []
            for chapter in chapters:  # first: the book's contents guess their pages from the chapters' PDFs
                written.append(out / pdf_name(chapter.name))
                printed.append(print_chapter(printer, chapter, written[-1]))
            written.append(out / "book.pdf")
            print_book(printer, chapters, written[-1], printed)
        browser.close()
    return written


if __name__ == "__main__":
    try:
        paths = build_pdfs(languages=tuple(sys.argv[1:]) or LANGUAGES)
    except (FileNotFoundError, RuntimeError, ValueError) as err:
        sys.exit(f"error: {err}")
    for path in paths:
        print(path.relative_to(project_root()))
