"""The book as a reader gets it: `make book` builds with warnings as errors, caches, and refuses bad input.

A changed input reaching the book is tested in test_new_document.py; a touched but unchanged one changing
nothing, in test_reproducible.py.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import nbformat
from conftest import make

from natoar.build import workdir
from natoar.sources import corpus


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def test_sources_chapter_shows_figures_with_alt_text_and_data(html):
    page = (html / "chapters" / "sources.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) >= 2
    assert all(re.search(r'alt="[^"]{20,}"', img) for img in images)
    assert "Key findings" in page
    for name in ("sources-length.csv", "sources-dating.csv"):
        assert list((html / "_downloads").rglob(name)), f"{name} is not downloadable"
        assert name in page


def test_a_data_page_shows_its_generated_figures_with_numbers_alt_text_and_data(html):
    page = (html / "chapters" / "data" / "events.html").read_text(encoding="utf-8")
    assert 'id="data-events"' in page
    for name in ("data-events-per-document", "data-events-per-decade"):
        figure = re.search(rf'<figure [^>]*id="fig-{name}">(.*?)</figure>', page, re.S).group(1)
        assert re.search(r'<img alt="[^"]{30,}"', figure)
        assert "caption-number" in figure and f"{name}.csv</span></a>" in figure
        assert list((html / "_downloads").rglob(f"{name}.csv")), f"{name}.csv is not downloadable"


def test_every_source_page_sets_numbered_arabic_right_to_left(built, html):
    body = corpus.read_corpus(built).paragraphs
    for doc, count in body.groupby("doc").size().items():
        page = (html / "chapters" / "sources" / f"{doc}.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<div class="rtl" dir="rtl"(?: id="([^"]+)")? lang="ar">', page)
        assert blocks == ["", *(f"src-{doc}-p{n}" for n in range(1, count + 1))]


def test_unchanged_rebuild_runs_nothing(built):
    result = make(built)
    assert result.returncode == 0
    assert "natoar.build.prepare" not in output(result) and "jupyter-book" not in output(result)


def test_broken_reference_fails_the_build(copy):
    intro = copy / "chapters" / "licence.md"
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


def test_a_deleted_seed_or_an_edit_that_keeps_its_old_time_is_still_checked(copy):
    """Make compares times, which miss a deleted input and a file copied with its time (cp -p, rsync -a, unzip)."""
    seed = copy / "seeds" / "004_810da94f271c6378.txt"
    kept = seed.read_bytes()
    seed.unlink()
    result = make(copy)
    assert result.returncode != 0 and "the catalogue lists this seed but the file is missing" in output(result)
    seed.write_bytes(kept)
    passages = copy / "data" / "passages.csv"
    stat = passages.stat()
    passages.write_text(passages.read_text(encoding="utf-8").replace("الأطلسي", "الاطلسي", 1), encoding="utf-8")
    os.utime(passages, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = make(copy)
    assert result.returncode != 0 and "data/passages.csv, line" in output(result)


def test_page_weight_lists_the_heaviest_pages_and_images_are_web_sized(built, html, capsys):
    from natoar.tools import pageweight

    site = html
    assert pageweight.main(3, built) == 0
    printed = capsys.readouterr().out
    assert "chapters/text-analysis.html" in printed
    weights = [pageweight.weigh(page, site) for page in sorted(site.rglob("*.html"))]
    heaviest = max(weights, key=lambda w: w.total)
    assert heaviest.parts["images"] > 0 and heaviest.parts["scripts"] > 0
    for image in (site / "_images").glob("*.png"):
        assert image.stat().st_size < 300_000, image  # no multi-megabyte figures
        assert max(pageweight.png_size(image)) <= 2400, image


def _site(root: Path) -> dict[str, bytes]:
    site = root / "_build" / "html"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_failing_notebook_leaves_the_previous_site_byte_identical(copy):
    before = _site(copy)
    chapter = copy / "chapters" / "gulf.ipynb"  # its code changed: the build cache executes it again
    notebook = nbformat.read(chapter, as_version=4)
    notebook.cells[1].source += "\nraise RuntimeError('broken on purpose')"
    nbformat.write(notebook, chapter)
    result = make(copy)
    assert result.returncode != 0
    assert re.search(r"(?s)error: chapters/gulf\.ipynb: a cell failed.*broken on purpose", output(result))
    assert "jupyter-book build" not in output(result)  # it stopped before Sphinx
    assert _site(copy) == before


def test_an_interrupted_build_leaves_the_previous_site_byte_identical(copy):
    before = _site(copy)
    (copy / "chapters" / "licence.md").write_text("# Licence\n\nChanged, to force a rebuild.\n", encoding="utf-8")
    build = subprocess.Popen(
        ["make", "-o", ".venv/.installed", "book"],
        cwd=copy,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = copy / "_build" / "work" / "en" / f"{workdir.STAMP}.pending"  # written just before Sphinx starts
    deadline = time.monotonic() + 300
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # Sphinx is reading or writing the English edition
    os.killpg(build.pid, signal.SIGINT)
    build.wait(timeout=120)
    assert _site(copy) == before
    assert not (copy / "_build" / "work" / "en" / workdir.STAMP).exists()  # the next build will not trust it


def test_every_image_in_the_book_has_alt_text_that_says_what_it_shows(html):
    pages = sorted(html.rglob("*.html"))
    images = [(page, img) for page in pages for img in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8"))]
    assert len(images) >= 20
    for page, img in images:
        alt = re.search(r'\balt="([^"]*)"', img)
        assert alt, f"{page.relative_to(html)}: {img} has no alt attribute"
        text = alt.group(1).strip()
        assert len(text) >= 30, f"{page.relative_to(html)}: alt text {text!r} is too short to say what the image shows"
        assert not re.fullmatch(r"[\w./-]+\.(png|jpe?g|svg|gif)", text), f"{page.relative_to(html)}: alt is a file name"


def test_figures_too_wide_for_a_phone_are_marked_to_scroll_at_a_legible_scale(html):
    """A figure wider than WIDE_PX saved pixels carries the class that keeps it legible on a phone (reading.css)."""
    from natoar.build.render import WIDE_PX, png_width

    page = (html / "chapters" / "architecture.html").read_text(encoding="utf-8")
    marked = unmarked = 0
    for img in re.findall(r"<img\b[^>]*>", page):
        source = re.search(r'\bsrc="([^"]+)"', img).group(1)
        width = png_width((html / "chapters" / source).read_bytes())
        if width and width > WIDE_PX:
            assert "wide-figure" in img, f"{source} ({width} px) is not marked wide"
            marked += 1
        else:
            assert "wide-figure" not in img, f"{source} ({width} px) is marked wide"
            unmarked += 1
    assert marked >= 1 and unmarked >= 1
