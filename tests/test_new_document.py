"""Changing the inputs: new Arabic articles added with `make add-source`, and an edited catalogue row, reach every
part of the book on rebuild, none of it served from outputs cached before the change; the new documents build,
every notebook executes with them, and the book shows them as not yet curated.

The fixture articles in tests/fixtures are written for these tests (plausible news items, not real ones).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import make
from test_arabic_edition import untranslated
from test_reproducible import site

from natoar.build.execute import book_notebooks

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
        (f"FILE={FIXTURES / 'jordan_2008.txt'}", "OUTLET=Sada Amman", "GENRE=news-report"),
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
    assert 'id="src-tunisia-2025-p3"' in page and "اترك تعليق" not in page
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
    # afresh here, so its site is a clean build's: undoing the row's edit runs the notebooks again and writes only
    # the pages whose outputs changed; redoing it brings back the outputs cached for those inputs
    # (natoar.build.cache) and gives that site again, byte for byte
    clean = site(copy)
    work = copy / "_build" / "work"
    untouched = [work / language / "_build" / "html" / "chapters" / "licence.html" for language in ("en", "ar")]
    written_before = [path.stat().st_mtime_ns for path in untouched]
    edited = catalogue.read_text(encoding="utf-8")
    for row in (edited.replace("Glowing:", "Celebratory:"), edited):
        catalogue.write_text(row, encoding="utf-8")
        result = make(copy)
        log = result.stdout + result.stderr
        assert result.returncode == 0, log[-4000:]
        assert "en: rebuilding what changed since the last build" in log
        assert "every page is written again" not in log
        assert f"executed {0 if row == edited else len(book_notebooks(copy))} notebooks" in log
        assert [path.stat().st_mtime_ns for path in untouched] == written_before  # not written again
        sources = (copy / "_build" / "html" / "chapters" / "sources.html").read_text(encoding="utf-8")
        assert ("Glowing:" in sources) == (row == edited)
    assert site(copy) == clean
