import pandas as pd

from natoar.report import documents, markdown, textstats
from natoar.sources import corpus
from natoar.sources.evidence import load_table


def test_lengths_count_paragraphs_words_and_characters_in_document_order():
    body = pd.DataFrame({"doc": ["b", "a", "a"], "paragraph": [1, 1, 2], "text": ["x|y", "حلف الناتو", "في 2014"]})
    lengths = textstats.lengths(body)[["doc", "paragraphs", "words", "characters", "content_words"]]
    assert lengths.to_dict("records") == [
        {"doc": "b", "paragraphs": 1, "words": 2, "characters": 3, "content_words": 0},
        {"doc": "a", "paragraphs": 2, "words": 4, "characters": 17, "content_words": 2},
    ]


def test_dating_measures_misdated_report(root):
    dating = documents.dating(corpus.load_catalogue(root)).set_index("doc")
    assert dating.loc["wales-2014", "printed minus last event (years)"] == "9.6"
    assert dating.loc["cable-2014", "printed"] == "—"


def test_furniture_by_reason_sorted_by_total():
    removed = pd.DataFrame({"doc": ["a", "b", "b"], "reason": ["x", "y", "y"]})
    table = documents.furniture_by_reason(removed)
    assert table["reason"].tolist() == ["y", "x"]
    assert table.loc[0, "b"] == 2


def test_key_findings_are_computed(root):
    catalogue = corpus.load_catalogue(root)
    body = corpus.read_corpus(root).paragraphs
    summits = load_table("reference/summits", root)
    findings = documents.key_findings(
        catalogue, textstats.lengths(body), body, corpus.read_corpus(root).furniture, summits
    )
    curated = catalogue[catalogue["curation"] == "curated"]
    assert findings[0].startswith(f"Only 1 of the {len(curated)} texts")
    assert "wales-2014" in findings[2]


def test_markdown_table_escapes_pipes_and_shows_same_text_as_plain():
    table = markdown.markdown_table(pd.DataFrame({"a": ["x|y"], "b": [None]}))
    assert table == "| a | b |\n|---|---|\n| x\\|y |  |"
    assert repr(table) == table._repr_markdown_() == str(table)


def test_quote_links_to_paragraph():
    text = markdown.quote("wales-2014", 1, "نص <b>", "Text")
    link = "{ref}`wales-2014 ¶1 <src-wales-2014-p1>`"
    # the Arabic edition, which drops the translation, keeps the link after the quotation
    assert f":::{{arabic}}\nنص \\<b\\> [({link})]{{.lang-ar .source-link}}\n:::" in text
    assert text.endswith(f"> Text ({link})")


def test_a_quotation_s_arabic_note_is_kept_for_the_arabic_edition_only():
    note_ar = "حرف جر زائد، كذا في الأصل"
    text = markdown.quote("wales-2014", 1, "نص", "Text *Note: a stray preposition.*", note_ar=note_ar)
    note = text.split("::::")[1]  # inside the quotation's block, which the English edition also shows
    assert ":::{container} lang-ar quote-note\nملاحظة: حرف جر زائد، كذا في الأصل\n:::" in note
    assert "quote-note" not in markdown.quote("wales-2014", 1, "نص", "Text")
