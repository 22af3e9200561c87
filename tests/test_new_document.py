"""Adding a document: a new Arabic article and its catalogue row reach every part of the book on rebuild.

The fixture article in tests/fixtures is written for this test (a plausible news item, not a real one).
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

from conftest import make

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "new_article.txt"
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")


def test_a_new_document_reaches_the_sources_chapter_figures_and_text_analysis(tmp_path, html):
    book = tmp_path / "book"
    shutil.copytree(ROOT, book, ignore=IGNORE)
    shutil.copytree(ROOT / "_build", book / "_build", symlinks=True)
    (book / ".venv").symlink_to(ROOT / ".venv")
    shutil.copy(FIXTURE, book / "seeds" / "005_test_tunisia.txt")
    row = {
        "id": "tunisia-2025",
        "file": "005_test_tunisia.txt",
        "sha256": hashlib.sha256(FIXTURE.read_bytes()).hexdigest(),
        "outlet": "Test site",
        "outlet_ar": "موقع تجريبي",
        "title_ar": "الحلف الأطلسي يبحث مع تونس توسيع التعاون في مجال الأمن البحري",
        "title_en": "NATO discusses wider maritime security cooperation with Tunisia",
        "genre": "news-report",
        "author": "Unsigned (test fixture)",
        "date_printed": "12 مارس 2025",
        "date_printed_iso": "2025-03-12",
        "date_iso": "2025-03-12",
        "date_basis": "printed",
        "date_outside": "",
        "date_note": "The printed date; the officials spoke 'today, Wednesday'.",
        "events_from": "2025-03",
        "events_to": "2025-06",
        "stance": "Neutral (test fixture).",
        "reliability": "Written for the test suite.",
        "summary_en": "A test article about NATO and Tunisia.",
    }
    with (book / "data" / "documents.csv").open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=list(row), lineterminator="\n").writerow(row)

    result = make(book)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    built = book / "_build" / "html" / "chapters"
    sources = (built / "sources.html").read_text(encoding="utf-8")
    assert "tunisia-2025" in sources
    assert "yes: 2025-03-12 (Wednesday)" in sources  # its weekday is checked against its printed date
    assert "tunisia-2025" in (book / "chapters" / "figures" / "sources-length.csv").read_text(encoding="utf-8")
    assert "tunisia-2025" in (built / "text-analysis.html").read_text(encoding="utf-8")
    page = (built / "sources" / "tunisia-2025.html").read_text(encoding="utf-8")
    assert 'id="src-tunisia-2025-p3"' in page and "اترك تعليق" not in page
