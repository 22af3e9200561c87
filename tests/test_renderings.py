"""Every translated quotation renders the recurring terms as data/renderings.csv says."""

import re

import pandas as pd

from natoar.sources.book import load_book
from natoar.text.names import contains_form


def _slips(renderings: pd.DataFrame, translated: pd.DataFrame) -> list[str]:
    slips = []
    for term in renderings.itertuples():
        for row in translated.itertuples():
            if contains_form(row.quote, term.arabic) and not re.search(term.pattern, row.english, re.IGNORECASE):
                slips.append(f"{row.id}: {term.arabic} should read '{term.english}': {row.english}")
    return slips


def test_translations_follow_the_renderings(root):
    book = load_book(root)
    translated = pd.concat([book["passages"], book["attributions"]], ignore_index=True)
    assert _slips(book["renderings"], translated) == []


def test_a_slip_is_caught(root):
    book = load_book(root)
    passages = book["passages"]
    passages.loc[passages["id"] == "how-package", "english"] = "The package must be approved by the Council."
    assert any(s.startswith("how-package: ينبغي") for s in _slips(book["renderings"], passages))
