import pandas as pd

from natoar.report import datapages
from natoar.sources import corpus


def test_dictionary_documents_every_column_of_every_csv(root):
    dictionary = datapages.data_dictionary(root)
    files = {p.relative_to(root / "data").with_suffix("").as_posix(): p for p in (root / "data").rglob("*.csv")}
    assert set(dictionary) == set(files)
    for name, path in files.items():
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert dictionary[name]["column"].tolist() == header, name
        assert (dictionary[name]["meaning"].str.len() > 0).all(), name


def test_columns_show_the_declared_rules(root):
    page = datapages.columns("memberships", root)
    assert "| seed | The document the row cites. | required; matches `[a-z0-9]+(-[a-z0-9]+)*`; refers to `id`" in page
    assert page.endswith("Each (`country`, `framework`, `role`, `seed`) appears once.")
    claims = datapages.columns("claims", root)
    assert "| value\\_min |" in claims and "required; an integer ≥ 0 |" in claims
    assert claims.endswith("In each row, `value_max` is not below `value_min`.")
    assert datapages.row_rules("topic_vocabulary", root) == ""


def test_per_document_includes_documents_without_rows(root):
    catalogue = corpus.load_catalogue(root)
    table = pd.DataFrame({"seed": ["wales-2014", "wales-2014"]})
    counts = datapages.per_document(table, catalogue).set_index("document")["rows"]
    assert counts["wales-2014"] == 2
    assert counts.sum() == 2 and len(counts) == len(catalogue)


def test_per_decade():
    table = datapages.per_decade(pd.Series(["2014-09", "2011", "17XX", "2014-06/2014-09"]))
    assert table.to_dict("records") == [{"decade": "1700s", "rows": 1}, {"decade": "2010s", "rows": 3}]


def test_overview(root):
    catalogue = corpus.load_catalogue(root)
    table = pd.DataFrame({"seed": ["a", "b"], "x": [1, 2], "line": [2, 3]})
    assert datapages.overview("t", table, catalogue) == (
        f"`data/t.csv` has 2 rows and 2 columns, drawn from 2 of the {len(catalogue)} documents."
    )
