"""Changing the inputs: a new Arabic article and its catalogue row, and an edited row, reach every part of the
book on rebuild, none of it served from outputs cached before the change.

The fixture article in tests/fixtures is written for this test (a plausible news item, not a real one).
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

from conftest import make

FIXTURE = Path(__file__).parent / "fixtures" / "new_article.txt"


def test_a_new_document_and_an_edited_row_reach_the_sources_chapter_figures_and_text_analysis(copy):
    catalogue = copy / "data" / "documents.csv"
    text = catalogue.read_text(encoding="utf-8")
    assert "Celebratory:" in text
    catalogue.write_text(text.replace("Celebratory:", "Glowing:"), encoding="utf-8")
    shutil.copy(FIXTURE, copy / "seeds" / "005_test_tunisia.txt")
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
    with catalogue.open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=list(row), lineterminator="\n").writerow(row)

    result = make(copy)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    chapters = copy / "_build" / "html" / "chapters"
    sources = (chapters / "sources.html").read_text(encoding="utf-8")
    assert "tunisia-2025" in sources
    assert "Glowing:" in sources and "Celebratory:" not in sources
    assert "yes: 2025-03-12 (Wednesday)" in sources  # its weekday is checked against its printed date
    assert "tunisia-2025" in (copy / "chapters" / "figures" / "sources-length.csv").read_text(encoding="utf-8")
    assert "tunisia-2025" in (chapters / "text-analysis.html").read_text(encoding="utf-8")
    page = (chapters / "sources" / "tunisia-2025.html").read_text(encoding="utf-8")
    assert 'id="src-tunisia-2025-p3"' in page and "اترك تعليق" not in page
