"""Changing the inputs: new Arabic articles added with `make add-source`, and an edited catalogue row, reach every
part of the book on rebuild, none of it served from outputs cached before the change; the new documents build,
every notebook executes with them, and the book shows them as not yet curated. Sphinx then rebuilds only what a
chapter's edit reaches, and gives the clean build's site back byte for byte when the edit is undone.

The fixture articles in tests/fixtures are written for these tests (plausible news items, not real ones).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
from conftest import make
from test_arabic_edition import untranslated
from test_reproducible import site

FIXTURES = Path(__file__).parent / "fixtures"


def add_source(root: Path, *variables: str) -> subprocess.CompletedProcess:
    """Run `make add-source` in `root` (sharing this checkout's environment, as `conftest.make` does)."""
    command = ["make", "-o", ".venv/.installed", "add-source", *variables]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)


def test_new_documents_and_an_edited_row_reach_the_sources_chapter_figures_and_text_analysis(copy):
    catalogue = copy / "data" / "documents.csv"
    text = catalogue.read_text(encoding="utf-8")
    assert "Celebratory:" in text
    catalogue.write_text(text.replace("Celebratory:", "Glowing:"), encoding="utf-8")
    for variables in (
        (f"FILE={FIXTURES / 'new_article.txt'}", "OUTLET=Test site", "GENRE=news-report", "ID=tunisia-2025"),
        (f"FILE={FIXTURES / 'jordan_2008.txt'}", "OUTLET=Sada Amman"),  # no GENRE: it is optional
    ):
        added = add_source(copy, *variables)
        assert added.returncode == 0, added.stdout + added.stderr
        assert "What remains for a curator" in added.stdout

    result = make(copy)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    chapters = copy / "_build" / "html" / "chapters"
    sources = (chapters / "sources.html").read_text(encoding="utf-8")
    assert "tunisia-2025" in sources and "sada-amman-2008" in sources
    assert "Glowing:" in sources and "Celebratory:" not in sources
    assert "yes: 2025-03-12 (Wednesday)" in sources  # its weekday is checked against its printed date
    assert "Not yet curated, so not counted as evidence here" in sources
    assert "tunisia-2025" in (copy / "chapters" / "figures" / "sources-length.csv").read_text(encoding="utf-8")
    assert "tunisia-2025" in (chapters / "text-analysis.html").read_text(encoding="utf-8")
    page = (chapters / "sources" / "tunisia-2025.html").read_text(encoding="utf-8")
    text = page.split('id="lines-removed-as-site-furniture"')[0]  # the article text, above the lines removed
    assert 'id="src-tunisia-2025-p3"' in text and "اترك تعليق" not in text and "اترك تعليق" in page
    jordan = (chapters / "sources" / "sada-amman-2008.html").read_text(encoding="utf-8")
    assert "Not yet curated" in jordan
    assert "no row of <code" in jordan and "data/events.csv</span></code> cites it" in jordan
    assert "السابع من ديسمبر/كانون الأول 2007" in jordan and 'id="src-sada-amman-2008-p5"' in jordan
    intro = (chapters / "intro.html").read_text(encoding="utf-8")
    assert "not counted as evidence here" in intro
    # the Arabic edition shows them too, in Arabic, though no translation catalog knows their pages
    arabic = copy / "_build" / "html" / "ar" / "chapters"
    assert "فلا تُحسب هنا دليلًا" in (arabic / "intro.html").read_text(encoding="utf-8")
    for doc in ("tunisia-2025", "sada-amman-2008"):
        page = arabic / "sources" / f"{doc}.html"
        assert "لم تُدقَّق بعد" in page.read_text(encoding="utf-8")
        assert untranslated(page, outputs=False) == [], doc

    # Sphinx now rebuilds in this folder from what it wrote (natoar.build.incremental). The build above started
    # afresh here, so its site is a clean build's. A chapter's code edited runs that notebook alone and writes only
    # the pages its outputs reach; undone, its outputs come back from the cache (no notebook runs) and the site is
    # the clean build's again, byte for byte. (Outputs kept across changes of the inputs themselves, such as the
    # catalogue, are tested in tests/test_buildcache.py.)
    clean = site(copy)
    work = copy / "_build" / "work"
    untouched = [work / language / "_build" / "html" / "chapters" / "licence.html" for language in ("en", "ar")]
    written_before = [path.stat().st_mtime_ns for path in untouched]
    chapter = copy / "chapters" / "sources.ipynb"
    original = chapter.read_bytes()
    notebook = nbformat.reads(original.decode("utf-8"), as_version=4)
    notebook.cells[5].source = 'print("Edited for the test.")\n' + notebook.cells[5].source
    for edited in (True, False):
        if edited:
            nbformat.write(notebook, chapter)
        else:
            chapter.write_bytes(original)
        result = make(copy)
        log = result.stdout + result.stderr
        assert result.returncode == 0, log[-4000:]
        assert "en: rebuilding what changed since the last build" in log
        assert "every page is written again" not in log
        assert f"executed {1 if edited else 0} notebooks" in log
        assert [path.stat().st_mtime_ns for path in untouched] == written_before  # not written again
        sources = (copy / "_build" / "html" / "chapters" / "sources.html").read_text(encoding="utf-8")
        assert ("Edited for the test." in sources) == edited
    assert site(copy) == clean
