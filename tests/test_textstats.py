"""Text statistics checked against the curated data: date expressions against the events of their paragraph."""

import pandas as pd

from natoar.report import textstats


def test_a_date_expression_is_checked_against_the_events_of_its_own_paragraph():
    events = pd.DataFrame({"seed": ["a", "a"], "paragraph": [1, 2], "date": ["2020-10", "2001-09-11"]})
    resolved = pd.DataFrame({"doc": ["a", "a", "a", "b"], "paragraph": [1, 2, 3, 1],
                             "resolved": ["2020", "2020-12-25", "2020-10", "2020-10"]})
    # an overlapping event in the same paragraph; an event in the paragraph, but another date; no event in the
    # paragraph (though one elsewhere in the document matches); another document
    assert textstats.dated_in_events(resolved, events) == [True, False, False, False]
