"""Publishing as a reader meets it: the HTML in a real browser (Chromium via Playwright), and the PDFs."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from natoar.build.pdf import CHROMIUM_ARGS, all_pages, chapter_pages

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "screenshots"
TABS = 8  # pages loading at once: the half second each waits for its network to go quiet overlaps


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def server(html):
    """Serve the built book on a loopback port for the duration of the module."""
    handler = functools.partial(QuietHandler, directory=str(html))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Chromium, in one browser context for the module: its pages share one cache of the theme's scripts and styles."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium.new_context()
        chromium.close()


def visit(browser, url: str, width: int = 1280, height: int = 900, wait_until: str = "networkidle"):
    """Open `url` and return the page with the console errors and failed requests seen while loading it."""
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": height})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until=wait_until)
    return page, problems


def test_every_page_loads_without_errors_or_missing_assets(browser, server, built):
    names = all_pages(built)
    problems = {}
    for start in range(0, len(names), TABS):
        batch = names[start : start + TABS]
        opened = {name: visit(browser, f"{server}/{name}.html", wait_until="commit") for name in batch}
        for name, (page, seen) in opened.items():
            page.wait_for_load_state("networkidle")
            page.close()
            problems[name] = seen
    assert {name: seen for name, seen in problems.items() if seen} == {}


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


def test_arabic_is_right_to_left_and_figures_load_with_alt_text(browser, server):
    page, _ = visit(browser, f"{server}/chapters/wales-dcb.html")
    directions = page.eval_on_selector_all('[lang="ar"]', "els => els.map(e => getComputedStyle(e).direction)")
    assert len(directions) > 5 and set(directions) == {"rtl"}
    page.close()
    for name in ("chapters/sources", "chapters/architecture", "chapters/timeline"):
        page, _ = visit(browser, f"{server}/{name}.html")
        images = page.eval_on_selector_all(
            "article img", "els => els.map(i => [i.getAttribute('alt') || '', i.naturalWidth])"
        )
        page.close()
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


def test_screenshots_at_desktop_and_phone_width(browser, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, width in (("desktop", 1280), ("phone", 390)):
        page, _ = visit(browser, f"{server}/chapters/wales-dcb.html", width=width, height=1600)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        page.screenshot(path=str(SCREENSHOTS / f"wales-dcb-{label}.png"))
        page.close()
        assert overflow <= 1, f"page wider than a {width}px screen"
        assert (SCREENSHOTS / f"wales-dcb-{label}.png").stat().st_size > 10_000


def shown_code_cells(notebook: Path) -> int:
    """Return how many code cells of a notebook show their source in the HTML (all but those tagged remove-*)."""
    import nbformat

    removed = {"remove-input", "remove_input", "remove-cell", "remove_cell"}
    cells = nbformat.read(notebook, as_version=4).cells
    return sum(
        c.cell_type == "code" and bool(c.source.strip()) and not removed & set(c.metadata.get("tags", []))
        for c in cells
    )


def test_code_is_folded_behind_a_toggle_until_the_reader_opens_it(browser, server, built):
    notebooks = [name for name in all_pages(built) if (built / f"{name}.ipynb").is_file()]
    assert len(notebooks) > 20
    for name in notebooks:
        page, _ = visit(browser, f"{server}/{name}.html", width=1400, height=900, wait_until="load")
        folded = page.locator("details.above-input")
        assert folded.count() == shown_code_cells(built / f"{name}.ipynb"), name
        assert page.locator("div.cell_input").count() == folded.count(), f"{name}: code outside a toggle"
        if not folded.count():  # every cell of the page is tagged remove-input
            page.close()
            continue
        shown = page.eval_on_selector_all("div.cell_input", "els => els.filter(e => e.checkVisibility()).length")
        assert shown == 0, f"{name}: code visible before the reader asks for it"
        outputs = page.eval_on_selector_all("div.cell_output", "els => els.filter(e => e.checkVisibility()).length")
        assert outputs > 0, f"{name}: the outputs were hidden with the code"
        toggle = folded.first.locator("summary")
        assert toggle.inner_text().strip() == "Show code"
        toggle.click()
        assert folded.first.locator("div.cell_input").is_visible()
        assert toggle.inner_text().strip() == "Hide code"
        page.close()


_OPENING = """() => {
  const title = document.querySelector('article h1');
  const opening = title.nextElementSibling;
  const box = [...document.querySelectorAll('article .admonition')]
    .find(b => b.querySelector('.admonition-title')?.textContent.trim() === 'Key findings');
  return [opening.getBoundingClientRect().bottom,
          box ? box.querySelector('.admonition-title').getBoundingClientRect().bottom : null];
}"""


@pytest.mark.parametrize(("label", "width", "height"), [("desktop", 1400, 900), ("phone", 390, 844)])
def test_first_screen_of_every_chapter_shows_its_question_and_key_findings(
    browser, server, built, label, width, height
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    boxes = 0
    for name in chapter_pages(built):
        page, _ = visit(browser, f"{server}/{name}.html", width=width, height=height, wait_until="load")
        opening_bottom, findings_bottom = page.evaluate(_OPENING)
        page.screenshot(path=str(SCREENSHOTS / f"first-screen-{name.split('/')[-1]}-{label}.png"))
        page.close()
        assert opening_bottom <= height, f"{name}: the text under the title does not start on the first screen"
        if findings_bottom is not None:
            boxes += 1
            assert findings_bottom <= height, f"{name}: 'Key findings' is below the first screen at {width}px"
    assert boxes >= 7


def test_no_page_scrolls_sideways_at_phone_width_even_with_its_code_open(browser, server, built):
    names = all_pages(built)
    wider = {}
    for start in range(0, len(names), TABS):
        opened = {
            name: visit(browser, f"{server}/{name}.html", 390, 844, "commit")[0] for name in names[start : start + TABS]
        }
        for name, page in opened.items():
            page.wait_for_load_state("load")
            wider[name] = page.evaluate(_WIDER)
            page.close()
    assert {name: px for name, px in wider.items() if px != [0, 0]} == {}


# With every code toggle open: how far the page is wider than the screen, and how many code or output boxes are wider
# than their content without scrolling inside themselves.
_WIDER = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const page = Math.max(0, document.documentElement.scrollWidth - window.innerWidth - 1);
  const boxes = [...document.querySelectorAll('div.cell pre')].filter(p =>
    p.scrollWidth > p.clientWidth + 1 && !['auto', 'scroll'].includes(getComputedStyle(p).overflowX)).length;
  return [page, boxes];
}"""
