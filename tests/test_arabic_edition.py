"""The Arabic edition as built and as a reader meets it: every page in both editions, right to left, the language
switch, no English prose left on translated pages, search, and the layout in Chromium."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import visit
from test_publish import LAYOUT, SIZES, problems, sideways, survey
from test_translations import PENDING

from natoar.build.pdf import all_pages, chapter_pages
from natoar.build.search import fold
from natoar.sources.corpus import read_corpus

# Where English may stand on an Arabic page, and why: code and its output's source (code is not translated);
# the Cite box (authors' names and addresses); the language switch (it names the English edition in English);
# anything marked lang="en"; bibliography entries (works are cited under their own titles); a cross-reference,
# which shows its target's title (checked on the target's own page); and an English name or acronym quoted beside
# its Arabic one.
ALLOWED = (
    "pre, code, .cell_input, .cite-box, .edition-switch, [lang=en], .citation, dl.citation, .bibliography, "
    "a.reference.internal, .name-en"
)
PROSE = "p, li, h1, h2, h3, h4, h5, h6, th, td, dt, dd, figcaption, caption"
LATIN, ARABIC = re.compile(r"[A-Za-z]"), re.compile(r"[\u0600-\u06FF]")


def english_prose(element) -> bool:
    """True for text mostly in Latin letters, long enough to be a phrase rather than a name or an id."""
    nested = element.name in ("li", "dd")  # a list item's own words, not those of the list inside it
    own = " ".join(element.find_all(string=True, recursive=False)) if nested else element.get_text(" ")
    latin, arabic = len(LATIN.findall(own)), len(ARABIC.findall(own))
    words = [w for w in own.split() if LATIN.search(w)]
    return latin > 2 * arabic and len(words) >= 4


def untranslated(page: Path, outputs: bool) -> list[str]:
    """Return the English passages of an Arabic page: its prose, or (outputs=True) its computed output."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup
    for element in article.select(ALLOWED):
        element.decompose()
    outputs_found = article.select(".cell_output")
    if outputs:
        scope = outputs_found
    else:
        for element in outputs_found:  # computed (checked below), but a figure's caption is the author's prose
            for keep in element.select("figcaption"):
                element.insert_before(keep.extract())
            element.decompose()
        scope = [article]
    return [el.get_text(" ", strip=True)[:100] for block in scope for el in block.select(PROSE) if english_prose(el)]


def test_every_page_is_in_both_editions(built, html):
    pages = [path for n in all_pages(built) for path in (html / f"{n}.html", html / "ar" / f"{n}.html")]
    missing = [path for path in pages if not path.exists()]
    assert missing == []


def test_arabic_doctrees_hold_their_page_only(built):
    # A translated page's saved doctree once held a copy of the whole build environment (i18n.AdoptTranslatedNodes),
    # which every build loads again to number figures: 2.2 MB a page at 259 pages.
    doctrees = sorted((built / "_build" / "work" / "ar" / "_build" / ".doctrees").rglob("*.doctree"))
    assert len(doctrees) == len(all_pages(built)) > 30
    for path in doctrees:
        doctree = pickle.loads(path.read_bytes())
        strangers = {id(n.document) for n in doctree.findall() if n.document is not doctree}
        assert not strangers, f"{path.name}: nodes belong to {len(strangers)} other documents"


def test_arabic_pages_are_right_to_left_and_english_ones_not(built, html):
    for name in [*all_pages(built), "search", "genindex"]:
        arabic = (html / "ar" / f"{name}.html").read_text(encoding="utf-8")
        english = (html / f"{name}.html").read_text(encoding="utf-8")
        assert re.search(r'<html[^>]* lang="ar" dir="rtl"', arabic), name
        assert re.search(r'<html[^>]* lang="en"', english) and 'dir="rtl" data-content' not in english, name


def test_language_switch_leads_to_the_same_page(built, html):
    wrong = []
    for name in all_pages(built):
        for page, other in ((html / f"{name}.html", html / "ar" / f"{name}.html"),
                            (html / "ar" / f"{name}.html", html / f"{name}.html")):
            hrefs = re.findall(r'class="edition-switch"[^>]*>[^<]*<a href="([^"]+)"', page.read_text(encoding="utf-8"))
            if len(hrefs) != 1 or (page.parent / hrefs[0]).resolve() != other.resolve():
                wrong.append(f"{page.relative_to(html)} -> {hrefs}")
    assert wrong == []


def test_translated_pages_have_no_english_prose(built, html):
    found = {n: untranslated(html / "ar" / f"{n}.html", outputs=False) for n in all_pages(built) if n not in PENDING}
    assert {n: passages for n, passages in found.items() if passages} == {}


def test_the_english_prose_check_can_fail(built, html):
    assert untranslated(html / "chapters" / "wales-dcb.html", outputs=False)  # the English edition's page
    assert not untranslated(html / "ar" / "chapters" / "intro.html", outputs=False)


def test_computed_output_is_arabic_in_the_arabic_edition(built, html):
    found = {n: untranslated(html / "ar" / f"{n}.html", outputs=True) for n in all_pages(built)}
    assert {n: passages for n, passages in found.items() if passages} == {}


def test_captions_are_numbered_in_arabic(html):
    page = BeautifulSoup((html / "ar" / "chapters" / "sources.html").read_text(encoding="utf-8"), "html.parser")
    numbers = [span.get_text(strip=True) for span in page.select(".caption-number")]
    assert numbers and all(n.startswith("الشكل") or n.startswith("الجدول") for n in numbers), numbers


def test_arabic_edition_leaves_out_the_translations_of_quotations(html):
    english = (html / "chapters" / "wales-dcb.html").read_text(encoding="utf-8")
    arabic = (html / "ar" / "chapters" / "wales-dcb.html").read_text(encoding="utf-8")
    assert english.count("<blockquote") > 5 and arabic.count("<blockquote") == 0
    assert arabic.count('class="rtl"') == english.count('class="rtl"')


def test_arabic_quotations_keep_their_source_links(html):
    for name in ("wales-dcb", "sahel-energy", "architecture", "gulf", "morocco-us"):
        english = BeautifulSoup((html / "chapters" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        arabic = BeautifulSoup((html / "ar" / "chapters" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        cited = [a["href"] for q in english.select("blockquote") for a in q.select('a[href*="#src-"]')]
        kept = [a["href"] for a in arabic.select("div.rtl .source-link a[href]")]
        assert cited and kept == cited, name  # the translation is left out, the link to the paragraph is not
        assert english.select(".source-link") == [], name


def test_the_arabic_glossary_is_headed_and_ordered_by_arabic_names_and_its_links_still_land(html):
    from natoar.build.i18n import _sort_key

    english = BeautifulSoup((html / "chapters" / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    arabic = BeautifulSoup((html / "ar" / "chapters" / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    headings = [dt.get_text().rstrip("#") for dt in arabic.select("dl.glossary > dt")]
    terms = [dt.find(string=True, recursive=False).rstrip(" (") for dt in arabic.select("dl.glossary > dt")]
    assert terms and all(ARABIC.search(t) and not LATIN.search(t) for t in terms), terms
    assert [_sort_key(t) for t in terms] == sorted(_sort_key(t) for t in terms)  # ال ignored: الحوار under ح
    assert terms.index("الحوار المتوسطي") > terms.index("بحوث تكنولوجية بشأن جهود مكافحة الإرهاب")
    assert "مبادرة تعزيز القدرات الدفاعية للناتو (DCB)" in headings  # an acronym follows the name
    # the anchors that {term} references resolve to are those of the English edition
    assert sorted(dt["id"] for dt in arabic.select("dl.glossary > dt")) == sorted(
        dt["id"] for dt in english.select("dl.glossary > dt")
    )


def _references(page: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return a references page's sections: each heading, with its entries' labels and texts, in order."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [
        (
            section.h2.get_text("", strip=True).rstrip("#"),
            [
                (entry.select_one(".label").get_text("", strip=True).strip("[]"), entry.p.get_text(" ", strip=True))
                for entry in section.select("div.citation")
            ],
        )
        for section in soup.select("article section section")
    ]


def test_the_references_list_the_seeds_apart_numbered_alike_in_both_editions(built, html):
    english, arabic = (_references(root / "chapters" / "references.html") for root in (html, html / "ar"))
    assert [heading for heading, _ in english] == ["Source documents", "Official texts and scholarship"]
    assert [heading for heading, _ in arabic] == ["وثائق المصادر", "النصوص الرسمية والدراسات"]
    files = sorted(read_corpus(built).documents["file"])

    def seed_files(entries: list[tuple[str, str]]) -> list[str]:
        return [next(f for f in files if f in text) for _, text in entries]

    (_, seeds_en), (_, works_en) = english
    (_, seeds_ar), (_, works_ar) = arabic
    assert [label for label, _ in seeds_en] == [f"S{n}" for n in range(1, len(files) + 1)]
    assert [label for label, _ in seeds_ar] == [label for label, _ in seeds_en]
    assert seed_files(seeds_ar) == seed_files(seeds_en) and sorted(seed_files(seeds_en)) == files
    assert works_ar == works_en and works_en and not any(label.startswith("S") for label, _ in works_en)


def test_the_theme_s_interface_words_are_arabic(html):
    """locales/ar/LC_MESSAGES/sphinx.po gives the words the theme and Sphinx mark for translation but ship no Arabic
    for; the words the theme writes unmarked (its sidebar toggles, two landmarks) and jupyter-book's search
    placeholder are translated by natoar.build.i18n."""
    page = (html / "ar" / "chapters" / "intro.html").read_text(encoding="utf-8")
    for english in ("Link to this heading", "Color mode", "next page", "System Settings", "Index",
                    "Toggle primary sidebar", "Toggle secondary sidebar", "Main", "Page", "Search this book..."):
        assert f'"{english}"' not in page, english
    assert 'title="رابط إلى هذا العنوان"' in page and 'placeholder="ابحث في هذا الكتاب…"' in page
    english_page = (html / "chapters" / "intro.html").read_text(encoding="utf-8")
    assert 'title="Toggle primary sidebar"' in english_page and 'placeholder="Search this book..."' in english_page


def test_search_index_finds_arabic_prose_words(html):
    text = (html / "ar" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = index["docnames"]

    def pages(word: str) -> set[str]:
        found = index["terms"].get(fold(word), [])
        return {docs[i] for i in (found if isinstance(found, list) else [found])}

    assert "chapters/intro" in pages("الانتفاضات")  # a word of the intro's Arabic prose, not of a quotation
    assert "chapters/how-to-cite" in pages("الاستشهاد")
    assert "chapters/intro" in pages("الانْتِفاضات")  # typed with short vowels, as the index folds them
    assert pages("الانتفاضات") & {"chapters/how-to-cite"} == set()


@pytest.fixture(scope="module")
def seen(browser, server, built) -> dict[str, dict]:
    """The Arabic edition's pages as the browser showed them (`survey`)."""
    return survey(browser, f"{server}/ar", built, "ar", screenshots=False)


def test_arabic_pages_load_without_errors(seen):
    assert problems(seen) == {}


def test_navigation_on_the_right_on_a_desktop(seen):
    assert set(LAYOUT) <= set(seen["desktop"])
    wrong = {}
    for name, page in seen["desktop"].items():
        nav, article = page["nav"], page["article"]
        if page["direction"] != "rtl" or nav["left"] < article["right"] or nav["right"] < SIZES["desktop"][0] - 1:
            wrong[name] = (page["direction"], nav, article)
    assert wrong == {}


def test_no_page_scrolls_sideways_on_a_phone_even_with_its_code_open(seen):
    assert sideways(seen) == {}


def test_first_screen_of_every_chapter_shows_its_key_findings(seen, built):
    for label, (_, height) in SIZES.items():
        findings = {name: seen[label][name]["findings"] for name in chapter_pages(built)}
        assert sum(bottom is not None for bottom in findings.values()) >= 7
        late = {name: bottom for name, bottom in findings.items() if (bottom or 0) > height}
        assert late == {}, f"أهم النتائج below the first screen at {label} width"


# Where a character sits on screen: Arabic words run right to left, digits and Latin terms left to right inside them.
POSITION = """([needle, first, last]) => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, at = node.data.indexOf(needle);
    if (at < 0) continue;
    const x = (i) => { const r = document.createRange(); r.setStart(node, at + i); r.setEnd(node, at + i + 1);
                       return r.getBoundingClientRect().left; };
    return [x(first), x(last)];
  }
  return null;
}"""


@pytest.mark.parametrize(
    ("name", "needle", "reads"),
    [
        ("chapters/intro", "منذ 1995", "rtl"),  # an Arabic word, then a number: the word stands to the right
        ("chapters/intro", "1995", "ltr"),  # the number's digits left to right
        ("chapters/how-to-cite", "Google Scholar", "ltr"),  # a Latin name inside an Arabic sentence
        ("chapters/how-to-cite", "يقرؤها Google", "rtl"),
    ],
)
def test_numbers_and_latin_terms_keep_their_order_in_arabic_sentences(browser, server, name, needle, reads):
    page, _ = visit(browser, f"{server}/ar/{name}.html")
    first, last = page.evaluate(POSITION, [needle, 0, len(needle) - 1])
    page.close()
    assert (first < last) == (reads == "ltr"), (needle, first, last)


@pytest.mark.parametrize("query", ["الانتفاضات", "الانْتِفاضات"])  # as written in the prose, and with short vowels
def test_search_finds_an_arabic_word(browser, server, query):
    page, _ = visit(browser, f"{server}/ar/search.html?q={query}")
    page.wait_for_selector("#search-results ul li", timeout=15000)
    links = page.eval_on_selector_all("#search-results ul li a", "els => els.map(a => a.href)")
    page.close()
    assert any("/ar/chapters/intro.html" in link for link in links)
