"""A source page shows its seed as the seed holds it: no typographic quotes, dashes or ellipses put in its place."""

import html as markup
import re

from natoar.sources import corpus


def _page_text(page: str) -> str:
    return markup.unescape(re.sub(r"<[^>]+>", "", page))


def test_a_quote_copied_from_a_source_page_matches_its_seed(html, built):
    body = corpus.read_corpus(built).paragraphs.set_index(["doc", "paragraph"])["text"]
    seed_text = body[("wales-2014", 3)]
    assert '"' in seed_text  # the seed quotes with straight double quotes
    page = _page_text((html / "chapters" / "sources" / "wales-2014.html").read_text(encoding="utf-8"))
    assert seed_text in page
    assert "“" not in page.split(seed_text[:20])[1][:200]


def test_three_dots_stay_as_the_seed_writes_them(html, built):
    body = corpus.read_corpus(built).paragraphs
    with_dots = body[body["text"].str.contains(r"\.\.\.|…", regex=True)]
    for doc, text in zip(with_dots["doc"], with_dots["text"], strict=True):
        page = _page_text((html / "chapters" / "sources" / f"{doc}.html").read_text(encoding="utf-8"))
        assert text in page, doc
