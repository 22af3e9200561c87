"""Citation metadata for the book and each of its pages, from one source of truth: CITATION.cff (and, for the
Arabic edition, its title in _config.yml, `sphinx.config.natoar_title_ar`)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

CITATION = "CITATION.cff"


@dataclass(frozen=True)
class Book:
    """The book's citation metadata."""

    title: str
    authors: tuple[str, ...]
    version: str
    date: str
    url: str
    language: str = "en"


def load_book(root: Path, language: str = "en") -> Book:
    """Return the metadata of the book's edition in `language` from CITATION.cff (the title and URL of another
    edition from natoar.build.editions), or raise ValueError naming the missing field."""
    from natoar.build.editions import EDITIONS, SOURCE_LANGUAGE, title

    path = root / CITATION
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for field in ("title", "authors", "version", "date-released", "url"):
        if not data.get(field):
            raise ValueError(f"{path}: the field '{field}' is missing. Fix: add it")
    authors = tuple(
        a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p)
        for a in data["authors"]
    )
    url = str(data["url"]).rstrip("/") + "/" + EDITIONS[language]
    name = str(data["title"]) if language == SOURCE_LANGUAGE else title(language, root)
    return Book(name, authors, str(data["version"]), str(data["date-released"]), url, language)


def page_url(book: Book, pagename: str, suffix: str = ".html") -> str:
    """Return the stable URL of a page (or of its PDF, with suffix '.pdf' under pdf/)."""
    if suffix == ".pdf":
        return f"{book.url}pdf/{pagename.replace('/', '-')}.pdf"
    if not pagename:  # the book itself
        return book.url
    return f"{book.url}{pagename}{suffix}"


def bibtex(book: Book, title: str, pagename: str) -> str:
    """Return a BibTeX @incollection entry for one page of the book."""
    key = re.sub(r"[^a-z0-9]+", "_", f"{book.title.split(',')[0]} {pagename.split('/')[-1]} {book.date[:4]}".lower())
    authors = " and ".join("{" + a + "}" for a in book.authors)
    fields = {
        "author": authors,
        "title": "{" + title + "}",
        "booktitle": "{" + book.title + "}",
        "year": book.date[:4],
        "version": book.version,
        "url": page_url(book, pagename),
    }
    if book.language != "en":
        fields["language"] = {"ar": "arabic"}.get(book.language, book.language)
        key += f"_{book.language}"
    body = ",\n".join(f"  {k} = {{{v}}}" if not v.startswith("{") else f"  {k} = {v}" for k, v in fields.items())
    return f"@incollection{{{key.strip('_')},\n{body}\n}}"


# The words of the Cite box and of a reference, in each edition's language.
WORDS = {
    "en": {"cite": "Cite this page", "in": "In", "version": "version", "sep": ", "},
    "ar": {"cite": "استشهد بهذه الصفحة", "in": "في", "version": "الإصدار", "sep": "، "},
}


def reference(book: Book, title: str, pagename: str) -> str:
    """Return a formatted reference to one page of the book, in the edition's language."""
    words = WORDS[book.language]
    authors = ", ".join(book.authors)
    return (f"{authors} ({book.date[:4]}). {title}. {words['in']} {book.title}{words['sep']}{words['version']} "
            f"{book.version}. {page_url(book, pagename)}")


def meta_tags(book: Book, title: str, pagename: str, description: str = "") -> str:
    """Return the citation_* (Google Scholar) and Open Graph meta tags for one page."""
    pairs = [("citation_title", title)]
    pairs += [("citation_author", a) for a in book.authors]
    pairs += [
        ("citation_publication_date", book.date.replace("-", "/")),
        ("citation_inbook_title", book.title),
        ("citation_language", book.language),
        ("citation_pdf_url", page_url(book, pagename, ".pdf")),
    ]
    tags = [f'<meta name="{n}" content="{html.escape(v, quote=True)}" />' for n, v in pairs]
    og = [
        ("og:title", title),
        ("og:type", "article"),
        ("og:url", page_url(book, pagename)),
        ("og:site_name", book.title),
        ("og:description", description or book.title),
    ]
    tags += [f'<meta property="{n}" content="{html.escape(v, quote=True)}" />' for n, v in og]
    return "\n".join(tags) + "\n"


def cite_box(book: Book, title: str, pagename: str) -> str:
    """Return the HTML of the 'Cite this page' box: a formatted reference and BibTeX."""
    cite = WORDS[book.language]["cite"]
    return (
        f'<aside class="cite-box" aria-label="{cite}">\n'
        f'<p class="cite-box-title"><strong>{cite}</strong></p>\n'
        f'<p class="cite-box-reference">{html.escape(reference(book, title, pagename))}</p>\n'
        f"<details><summary>BibTeX</summary><pre>{html.escape(bibtex(book, title, pagename))}</pre></details>\n"
        "</aside>\n"
    )
