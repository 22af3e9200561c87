import pandas as pd

from natoar import corpus, counts, show


def test_document_lengths():
    body = pd.DataFrame({"doc": ["a", "a", "b"], "paragraph": [1, 2, 1], "text": ["حلف الناتو", "في 2014", "x|y"]})
    lengths = counts.document_lengths(body)
    assert lengths.to_dict("records") == [
        {"doc": "a", "paragraphs": 2, "words": 4, "characters": 17},
        {"doc": "b", "paragraphs": 1, "words": 2, "characters": 3},
    ]


def test_dating_measures_misdated_report(root):
    dating = counts.dating(corpus.load_catalogue(root)).set_index("doc")
    assert dating.loc["wales-2014", "printed minus last event (years)"] == "9.6"
    assert dating.loc["cable-2014", "printed"] == "—"


def test_furniture_by_reason_sorted_by_total():
    removed = pd.DataFrame({"doc": ["a", "b", "b"], "reason": ["x", "y", "y"]})
    table = counts.furniture_by_reason(removed)
    assert table["reason"].tolist() == ["y", "x"]
    assert table.loc[0, "b"] == 2


def test_key_findings_are_computed(root):
    catalogue = corpus.load_catalogue(root)
    body = corpus.paragraphs(root)
    findings = counts.key_findings(catalogue, counts.document_lengths(body), corpus.furniture(root))
    assert findings[0].startswith(f"{len(catalogue)} documents")
    assert "wales-2014" in findings[2]


def test_markdown_table_escapes_pipes_and_shows_same_text_as_plain():
    table = show.markdown_table(pd.DataFrame({"a": ["x|y"], "b": [None]}))
    assert table == "| a | b |\n|---|---|\n| x\\|y |  |"
    assert repr(table) == table._repr_markdown_() == str(table)


def test_quote_links_to_paragraph():
    text = show.quote("wales-2014", 1, "نص <b>", "Text")
    assert ":::{arabic}\nنص \\<b\\>\n:::" in text
    assert "<src-wales-2014-p1>" in text
