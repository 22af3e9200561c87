"""The book as a reader gets it: `make book` builds with warnings as errors, caches, and refuses bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from conftest import make

from natoar.sources import corpus

ROOT = Path(__file__).resolve().parents[1]
COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


@pytest.fixture
def copy(tmp_path: Path, html: Path) -> Path:
    """A copy of the whole project, with this checkout's built book and cache, sharing its virtual environment."""
    target = tmp_path / "book"
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    shutil.copytree(ROOT / "_build", target / "_build", symlinks=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def test_sources_chapter_shows_figures_with_alt_text_and_data(html):
    page = (html / "chapters" / "sources.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) >= 2
    assert all(re.search(r'alt="[^"]{20,}"', img) for img in images)
    assert "Key findings" in page
    for name in ("sources-length.csv", "sources-dating.csv"):
        assert list((html / "_downloads").rglob(name)), f"{name} is not downloadable"
        assert name in page


def test_every_source_page_sets_numbered_arabic_right_to_left(html):
    body = corpus.paragraphs(ROOT)
    for doc, count in body.groupby("doc").size().items():
        page = (html / "chapters" / "sources" / f"{doc}.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<div class="rtl" dir="rtl"(?: id="([^"]+)")? lang="ar">', page)
        assert blocks == ["", *(f"src-{doc}-p{n}" for n in range(1, count + 1))]


def test_unchanged_rebuild_runs_nothing(html):
    result = make(ROOT)
    assert result.returncode == 0
    assert "natoar.build.prepare" not in output(result) and "jupyter-book" not in output(result)


def test_touched_but_unchanged_input_executes_nothing_and_changes_no_page(html):
    import hashlib
    import os

    def site() -> dict[str, str]:
        return {
            p.relative_to(html).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in html.rglob("*")
            if p.is_file()
        }

    before = site()
    os.utime(ROOT / "data" / "glosses.csv")  # newer than the last build, same bytes
    result = make(ROOT)
    assert result.returncode == 0, output(result)[-4000:]
    assert "executed 0 notebooks into the build cache" in output(result)
    assert "Executing notebook" not in output(result)
    assert site() == before  # every page is written again (`make html` uses --all), byte for byte the same


def test_changed_data_is_not_served_from_stale_cache(copy):
    assert make(copy).returncode == 0
    catalogue = copy / "data" / "documents.csv"
    text = catalogue.read_text(encoding="utf-8")
    assert "Celebratory:" in text
    catalogue.write_text(text.replace("Celebratory:", "Glowing:"), encoding="utf-8")
    result = make(copy)
    assert result.returncode == 0, output(result)[-4000:]
    page = (copy / "_build" / "html" / "chapters" / "sources.html").read_text(encoding="utf-8")
    assert "Glowing:" in page and "Celebratory:" not in page


def test_broken_reference_fails_the_build(copy):
    intro = copy / "chapters" / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    result = make(copy)
    assert result.returncode != 0
    assert "no-such-label" in output(result)


def test_bad_seed_stops_before_the_book_is_touched(copy):
    page = copy / "_build" / "html" / "chapters" / "sources.html"
    before = page.read_bytes()
    (copy / "seeds" / "004_810da94f271c6378.txt").write_bytes("حلف".encode("cp1256"))
    result = make(copy)
    assert result.returncode != 0
    assert "004_810da94f271c6378.txt: SHA-256 is" in output(result)
    assert page.read_bytes() == before


def test_a_failing_cell_stops_the_build_naming_the_notebook_and_the_cell(copy):
    path = copy / "chapters" / "gulf.ipynb"
    notebook = nbformat.read(path, as_version=4)
    next(c for c in notebook.cells if c.cell_type == "code").source += "\nraise ValueError('broken on purpose')"
    nbformat.write(notebook, path)
    result = make(copy)
    assert result.returncode != 0
    assert re.search(r"(?s)error: chapters/gulf\.ipynb: a cell failed.*ValueError: broken on purpose", output(result))
    assert "jupyter-book build" not in output(result)


def test_page_weight_lists_the_heaviest_pages_and_images_are_web_sized(html, capsys):
    from natoar.tools import pageweight

    site = html
    assert pageweight.main(3, ROOT) == 0
    printed = capsys.readouterr().out
    assert "chapters/text-analysis.html" in printed
    weights = [pageweight.weigh(page, site) for page in sorted(site.rglob("*.html"))]
    heaviest = max(weights, key=lambda w: w.total)
    assert heaviest.parts["images"] > 0 and heaviest.parts["scripts"] > 0
    for image in (site / "_images").glob("*.png"):
        assert image.stat().st_size < 300_000, image  # no multi-megabyte figures
        assert max(pageweight.png_size(image)) <= 2400, image
