"""A claim keeps one status in every table that repeats it: a passage recorded as merely claimed in one table is
never a fact in another, and a role announced for the future is planned wherever the same passage dates it."""

import pandas as pd
import pytest

from natoar.sources.book import load_book
from natoar.text import markers

MEMBERSHIP_TO_EVENT = {"stated": "occurred", "planned": "planned", "claimed": "claimed"}


def _pairs(memberships: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Rows of the two tables that cite the same passage about the same framework."""
    return memberships.merge(events, on=["seed", "paragraph", "framework"], suffixes=("_m", "_e"))


def _status_conflicts(memberships: pd.DataFrame, events: pd.DataFrame) -> list[str]:
    pairs = _pairs(memberships, events)
    claimed = (pairs["status_m"] == "claimed") != (pairs["status_e"] == "claimed")
    planned = (pairs["status_m"] == "planned") & (pairs["status_e"] != "planned")
    bad = pairs[claimed | planned]
    return [
        f"{r.seed} ¶{r.paragraph} {r.framework}: {r.country} is {r.status_m}, event {r.id} is {r.status_e}"
        for r in bad.itertuples()
    ]


def test_no_claim_has_two_statuses(root):
    book = load_book(root)
    assert _status_conflicts(book["memberships"], book["events"]) == []


def test_the_check_catches_a_claim_recorded_as_fact(root):
    book = load_book(root)
    memberships = book["memberships"]
    memberships.loc[memberships["framework"] == "african-nato", "status"] = "stated"
    assert any("african-nato" in c for c in _status_conflicts(memberships, book["events"]))


def test_attending_one_conference_is_not_a_role_in_the_framework(root):
    memberships = load_book(root)["memberships"]
    doha = memberships[(memberships["seed"] == "ici-doha-2011") & memberships["country"].isin(["oman", "saudi-arabia"])]
    assert set(doha["role"]) == {"attendee"}


@pytest.mark.parametrize(
    ("text", "hedged"),
    [("وقد تم تعيين السيد فيرشبو", False), ("قد يكون ذلك بدعم الحلف", True), ("قد تشهد الفترة المقبلة", True),
     ("من شأنها تطوير القدرات العسكرية", True)],  # nato-morocco-2024 ¶19: a pronoun suffix on شأن
)
def test_qad_hedges_before_an_imperfect_verb_only(text, hedged):
    assert bool(markers.count(markers.HEDGES, text)) is hedged


@pytest.mark.parametrize(
    ("text", "attributions"),
    [
        ("تعد من أبرز عقبات تنفيذ هذا المشروع", 0),  # nato-morocco-2024 ¶17: "among the most prominent obstacles"
        ("وأبرز الوزير أهمية التعاون", 1),  # "the minister highlighted"
        ("يؤكد إعلان حلف شمال الأطلسي مواصلة مشاوراته", 1),  # ¶2: NATO's announcement, named as the source
        ("تكشف إشارة التقرير السنوي الصادر عن الحلف", 1),  # ¶11: the annual report's mention
        ("إعلان الاستقلال", 0),
    ],
)
def test_attribution_markers_find_a_named_source_document_and_not_the_adjective_abraz(text, attributions):
    assert markers.count(markers.ATTRIBUTIONS, text) == attributions
