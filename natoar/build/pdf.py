"""Print the book to PDF with Debian's Chromium (driven by Playwright): the whole book, and one PDF per chapter.

Run as `python -m natoar.build.pdf` after `make book`. Each chapter page of the HTML build is printed on its own;
the book PDF joins every page in reading order behind a title page and a table of contents built from
CITATION.cff and the chapter titles. Every PDF gets page numbers. Chromium shapes Arabic correctly, and text
extracted from its PDFs keeps the logical order.
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

import yaml

from natoar.build.citation import load_book
from natoar.sources.paths import project_root

BUILD = Path("_build")
PDF_DIR = BUILD / "html" / "pdf"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#555;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def chapter_pages(root: Path) -> list[str]:
    """Return the document names of the book's chapters (the root and each part's chapters), in order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [chapter["file"] for chapter in part.get("chapters", [])]
    return pages


def all_pages(root: Path) -> list[str]:
    """Return every document of the book in reading order: chapters followed by their sections."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            pages.append(chapter["file"])
            for section in chapter.get("sections", []):
                if "glob" in section:
                    pages += sorted(
                        p.with_suffix("").relative_to(root).as_posix() for p in root.glob(section["glob"] + ".*")
                    )
                else:
                    pages.append(section["file"])
    return pages


_EXTRACT = """() => {
  const article = document.querySelector('article.bd-article');
  article.querySelectorAll('img').forEach(i => i.setAttribute('src', i.src));
  article.querySelectorAll('a[href]').forEach(a => a.setAttribute('href', a.href));
  return article.innerHTML;
}"""

_ASSEMBLE = """([front, chapters]) => {
  const article = document.querySelector('article.bd-article');
  article.innerHTML = front + chapters.map(c => `<div class="pdf-chapter">${c}</div>`).join('');
}"""


def _front_matter(root: Path, titles: list[str]) -> str:
    book = load_book(root)
    items = "".join(f"<li>{html.escape(t)}</li>" for t in titles)
    return (
        '<div class="pdf-title-page" style="text-align:center;padding-top:28vh;">'
        f'<h1 style="font-size:2.1em;">{html.escape(book.title)}</h1>'
        f'<p style="font-size:1.2em;">{html.escape(", ".join(book.authors))}</p>'
        f"<p>Version {html.escape(book.version)} · {html.escape(book.date)}</p>"
        f"<p>{html.escape(book.url)}</p></div>"
        f'<nav class="pdf-contents"><h2>Contents</h2><ol style="list-style:none;padding-left:0;">{items}</ol></nav>'
    )


def _print(page, out: Path, header: str) -> None:
    page.emulate_media(media="print")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(
        path=str(out),
        format="A4",
        print_background=True,
        display_header_footer=True,
        header_template=f'<div style="font-size:8px;width:100%;text-align:center;color:#555;">{header}</div>',
        footer_template=FOOTER,
        margin={"top": "18mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
    )


def build_pdfs(root: Path | None = None) -> list[Path]:
    """Write one PDF per chapter and the whole book (book.pdf) under _build/html/pdf/; return their paths."""
    from playwright.sync_api import sync_playwright

    root = project_root(root)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise FileNotFoundError("Chromium is not installed. Fix: apt-get install chromium")
    html_dir = root / BUILD / "html"
    pages = all_pages(root)
    missing = [p for p in pages if not (html_dir / f"{p}.html").is_file()]
    if missing:
        raise FileNotFoundError(f"{html_dir / missing[0]}.html is missing. Fix: run `make book` first")
    header = html.escape(load_book(root).title)
    written, bodies, titles = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for name in pages:
            page.goto((html_dir / f"{name}.html").as_uri(), wait_until="load")
            bodies.append(page.evaluate(_EXTRACT))
            if name in chapter_pages(root):
                titles.append(page.locator("article.bd-article h1").first.inner_text().replace("#", "").strip())
                target = root / PDF_DIR / f"{name.replace('/', '-')}.pdf"
                _print(page, target, header)
                written.append(target)
        page.goto((html_dir / f"{pages[0]}.html").as_uri(), wait_until="load")
        page.evaluate(_ASSEMBLE, [_front_matter(root, titles), bodies])
        page.wait_for_load_state("load")
        page.evaluate(
            "() => Promise.all([...document.images].map(i => i.complete ? 0 : "
            "new Promise(r => { i.onload = i.onerror = r; })))"
        )
        book = root / PDF_DIR / "book.pdf"
        _print(page, book, header)
        written.insert(0, book)
        browser.close()
    return written


if __name__ == "__main__":
    try:
        paths = build_pdfs()
    except FileNotFoundError as err:
        sys.exit(f"error: {err}")
    for path in paths:
        print(path.relative_to(project_root()))
