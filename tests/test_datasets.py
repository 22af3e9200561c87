import pandas as pd

from natoar.report import datapages
from natoar.sources import corpus
from natoar.sources.corpus import CATALOGUE_COLUMNS
from natoar.sources.evidence import SCHEMAS


def test_dictionary_documents_every_column_of_every_table(root):
    dictionary = datapages.data_dictionary(root)
    schemas = {**SCHEMAS, "documents": CATALOGUE_COLUMNS}
    assert set(dictionary) == set(schemas)
    for name, schema in schemas.items():
        assert dictionary[name]["column"].tolist() == [c.name for c in schema], name


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
