"""Publishing as a reader meets it: the HTML in a real browser (Chromium via Playwright), and the PDFs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from conftest import visit, visit_all

from natoar.build.pdf import all_pages, chapter_pages
from natoar.report.lang import KEY_FINDINGS

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "screenshots"
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}  # screen width and height, in CSS pixels

# What a page shows before the reader does anything: where the text under the title and the Key findings box end;
# how many code cells are folded, and how many inputs and outputs show; its direction and where its navigation
# and article stand; its images' alt text and loaded width; the direction of its Arabic passages.
SEEN = """([findings]) => {
  const shown = sel => [...document.querySelectorAll(sel)].filter(e => e.checkVisibility()).length;
  const title = document.querySelector('article h1');
  const opening = title && title.nextElementSibling;
  const key = [...document.querySelectorAll('article .admonition .admonition-title')]
    .find(t => t.textContent.trim() === findings);
  const summary = document.querySelector('details.above-input summary');
  const box = sel => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().toJSON() : null; };
  return {
    opening: opening ? opening.getBoundingClientRect().bottom : null,
    findings: key ? key.getBoundingClientRect().bottom : null,
    folded: document.querySelectorAll('details.above-input').length,
    inputs: document.querySelectorAll('div.cell_input').length,
    inputs_shown: shown('div.cell_input'),
    outputs_shown: shown('div.cell_output'),
    toggle: summary ? summary.innerText.trim() : null,
    direction: getComputedStyle(document.documentElement).direction,
    nav: box('.bd-sidebar-primary'),
    article: box('article.bd-article'),
    images: [...document.querySelectorAll('article img')].map(i => [i.getAttribute('alt') || '', i.naturalWidth]),
    arabic: [...document.querySelectorAll('article [lang="ar"]')].map(e => getComputedStyle(e).direction),
  };
}"""

# The reader clicks the first code toggle: is its code shown then, and what does the toggle say?
_OPEN_FIRST = """() => {
  const folded = document.querySelector('details.above-input');
  if (!folded) return {};
  folded.querySelector('summary').click();
  return {opened: folded.querySelector('div.cell_input').checkVisibility(),
          toggle_opened: folded.querySelector('summary').innerText.trim()};
}"""

# With every code toggle open: how far the page is wider than the screen, and how many code or output boxes are wider
# than their content without scrolling inside themselves.
_WIDER = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const page = Math.max(0, document.documentElement.scrollWidth - window.innerWidth - 1);
  const boxes = [...document.querySelectorAll('div.cell pre')].filter(p =>
    p.scrollWidth > p.clientWidth + 1 && !['auto', 'scroll'].includes(getComputedStyle(p).overflowX)).length;
  return [page, boxes];
}"""


# Pages of each kind (chapter, part opening, notebook chapter, data page, source page, glossary) whose layout each
# edition is checked on at desktop width, besides every chapter; every page is checked on a phone.
LAYOUT = ["chapters/intro", "chapters/how-to-cite", "chapters/wales-dcb", "chapters/data/events",
          "chapters/sources/cable-2014", "chapters/glossary"]


def inspector(language: str, label: str, screenshots: set[str]):
    """Return what `visit_all` asks of each page: its first screen and code (SEEN), and the first code toggle
    opened by a click; on a phone, then, the overflow with every toggle open. Pages in `screenshots` are saved."""

    def inspect(page, name: str) -> dict:
        facts = page.evaluate(SEEN, [KEY_FINDINGS[language]])
        if name in screenshots:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"first-screen-{language}-{name.split('/')[-1]}-{label}.png"))
        facts.update(page.evaluate(_OPEN_FIRST))
        if label == "phone":
            facts["wider"] = page.evaluate(_WIDER)
        return facts

    return inspect


def survey(browser, base: str, built: Path, language: str, screenshots: bool) -> dict[str, dict]:
    """An edition's pages as the browser showed them: {"desktop": {name: facts}, "phone": {...}}. Every page is
    visited once on a phone; the chapters and the LAYOUT pages once more on a desktop (what the other pages show
    does not depend on the width: their code toggles, errors and requests are read on the phone). With
    `screenshots`, each chapter's first screen is saved in _build/screenshots/ for a reviewer to look at."""
    names, chapters = all_pages(built), set(chapter_pages(built))
    pages = {"desktop": sorted(set(LAYOUT) | chapters), "phone": names}
    shots = chapters if screenshots else set()
    return {
        label: visit_all(browser, base, pages[label], *size, "networkidle", inspector(language, label, shots))
        for label, size in SIZES.items()
    }


@pytest.fixture(scope="module")
def seen(browser, server, built) -> dict[str, dict]:
    """The English edition's pages as the browser showed them (`survey`)."""
    return survey(browser, server, built, "en", screenshots=True)


def problems(seen: dict[str, dict]) -> dict[str, list[str]]:
    """Return the errors and failed requests seen while loading each page, for the pages that had any."""
    return {f"{label}: {name}": facts["problems"] for label in seen for name, facts in seen[label].items()
            if facts["problems"]}


def sideways(seen: dict[str, dict]) -> dict[str, list[int]]:
    """Return the pages wider than a phone's screen with their code open, or with a box that does not scroll."""
    return {name: facts["wider"] for name, facts in seen["phone"].items() if facts["wider"] != [0, 0]}


def test_every_page_loads_without_errors_or_missing_assets(seen):
    assert problems(seen) == {}


def test_every_internal_link_resolves(built, html):
    ids: dict[Path, set[str]] = {}
    broken = []
    for source in [html / f"{name}.html" for name in all_pages(built)] + [html / "genindex.html"]:
        text = source.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#?][^"]*)"', text) + re.findall(r'href="(#[^"]+)"', text):
            if urlparse(href).scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            path, _, fragment = href.partition("#")
            path = path.split("?")[0]
            target = (source.parent / unquote(path)).resolve() if path else source
            if not target.exists():
                broken.append(f"{source.relative_to(html)} -> {href}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8")))
                if unquote(fragment) not in ids[target]:
                    broken.append(f"{source.relative_to(html)} -> {href}")
    assert broken == []


def test_arabic_is_right_to_left_and_figures_load_with_alt_text(seen):
    directions = seen["desktop"]["chapters/wales-dcb"]["arabic"]
    assert len(directions) > 5 and set(directions) == {"rtl"}
    for name in ("chapters/sources", "chapters/architecture", "chapters/timeline"):
        images = seen["desktop"][name]["images"]
        assert images and all(len(alt) > 20 and width > 0 for alt, width in images), name


@pytest.mark.parametrize(("query", "expected"), [("Vershbow", "sources/cable-2014"), ("الناتو", "chapters/")])
def test_search_finds_english_and_arabic_words(browser, server, query, expected):
    page, _ = visit(browser, f"{server}/search.html?q={query}")
    page.wait_for_selector("#search-results ul li", timeout=15000)
    links = page.eval_on_selector_all("#search-results ul li a", "els => els.map(a => a.href)")
    page.close()
    assert any(expected in link for link in links)


def test_citation_meta_tags_match_citation_cff(browser, server):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    page, _ = visit(browser, f"{server}/chapters/morocco-us.html")
    meta = page.eval_on_selector_all(
        "meta[name^=citation_]", "els => els.map(m => [m.getAttribute('name'), m.getAttribute('content')])"
    )
    heading = page.locator("article h1").first.inner_text()
    box = page.locator(".cite-box-reference").inner_text()
    page.close()
    tags = dict(meta)
    assert [v for k, v in meta if k == "citation_author"] == [a["name"] for a in cff["authors"]]
    assert tags["citation_inbook_title"] == cff["title"]
    assert tags["citation_publication_date"] == str(cff["date-released"]).replace("-", "/")
    assert tags["citation_title"] in heading
    assert tags["citation_pdf_url"] == f"{cff['url'].rstrip('/')}/pdf/chapters-morocco-us.pdf"
    assert cff["title"] in box and str(cff["version"]) in box


def shown_code_cells(notebook: Path) -> int:
    """Return how many code cells of a notebook show their source in the HTML (all but those tagged remove-*)."""
    import nbformat

    removed = {"remove-input", "remove_input", "remove-cell", "remove_cell"}
    cells = nbformat.read(notebook, as_version=4).cells
    return sum(
        c.cell_type == "code" and bool(c.source.strip()) and not removed & set(c.metadata.get("tags", []))
        for c in cells
    )


def test_code_is_folded_behind_a_toggle_until_the_reader_opens_it(seen, built):
    notebooks = [name for name in all_pages(built) if (built / f"{name}.ipynb").is_file()]
    assert len(notebooks) > 20
    for name in notebooks:
        page = seen["phone"][name]
        assert page["folded"] == shown_code_cells(built / f"{name}.ipynb"), name
        assert page["inputs"] == page["folded"], f"{name}: code outside a toggle"
        if not page["folded"]:  # every cell of the page is tagged remove-input
            continue
        assert page["inputs_shown"] == 0, f"{name}: code visible before the reader asks for it"
        assert page["outputs_shown"] > 0, f"{name}: the outputs were hidden with the code"
        assert page["toggle"] == "Show code"
        assert page["opened"] and page["toggle_opened"] == "Hide code", name


@pytest.mark.parametrize("label", ["desktop", "phone"])
def test_first_screen_of_every_chapter_shows_its_question_and_key_findings(seen, built, label):
    height = SIZES[label][1]
    boxes = 0
    for name in chapter_pages(built):
        page = seen[label][name]
        assert page["opening"] is not None and page["opening"] <= height, (
            f"{name}: the text under the title does not start on the first screen"
        )
        if page["findings"] is not None:
            boxes += 1
            assert page["findings"] <= height, f"{name}: 'Key findings' is below the first screen at {label} width"
    assert boxes >= 7
    assert (SCREENSHOTS / f"first-screen-en-wales-dcb-{label}.png").stat().st_size > 10_000


def test_no_page_scrolls_sideways_at_phone_width_even_with_its_code_open(seen):
    assert sideways(seen) == {}
