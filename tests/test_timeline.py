"""The timeline: labels laid out without overlap, byte for byte the same each time, seeds apart from context."""

import hashlib
import io
import itertools

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from natoar.report import timeline
from natoar.sources.book import load_book


def covered(item: timeline.Item, side: str) -> tuple[float, float]:
    return item.sides()[side]


def test_lanes_never_overlap_and_prefer_the_right_side():
    items = [timeline.Item("seed", f"e{i}", "x", 2014.5, 2014.5, 2014.5, 3.0) for i in range(4)]
    items.append(timeline.Item("seed", "late", "x", 2024.0, 2024.0, 2024.0, 3.0))
    placed = timeline.lanes(items, gap=0.2, bounds=(1990.0, 2026.0))
    # four marks at one date need four lanes; the late one fits in the first lane, its label turned left
    assert [lane for lane, _ in placed] == [0, 1, 2, 3, 0]
    assert [side for _, side in placed] == ["right"] * 4 + ["left"]
    spans = {}
    for item, (lane, side) in zip(items, placed, strict=True):
        spans.setdefault(lane, []).append(covered(item, side))
    for intervals in spans.values():
        intervals.sort()
        assert all(a[1] + 0.2 <= b[0] for a, b in itertools.pairwise(intervals))


def test_a_span_keeps_its_label_beyond_its_end():
    item = timeline.Item("seed", "span", "x", 2010.0, 2004.0, 2016.0, 3.0)
    assert item.sides() == {"right": (2004.0, 2019.0), "left": (2001.0, 2016.0)}


@pytest.fixture(scope="module")
def drawn():
    book = load_book()
    tables = book.tables
    context = timeline.outside_context(
        tables["reference/context"], tables["reference/summits"], tables["reference/partners"]
    )
    fig, data = timeline.timeline(tables["events"], context, book.catalogue)
    return book, context, fig, data


def test_every_event_and_fact_is_labelled_in_words_once(drawn):
    book, context, fig, data = drawn
    texts = [t.get_text() for t in fig.axes[0].texts]
    for label in [*book.tables["events"]["label"], *context["label"]]:
        assert sum(t.startswith(label) for t in texts) >= 1, label
    assert len(data) == len(book.tables["events"]) + len(context) + len(book.catalogue)
    assert set(data["kind"]) == {"seed", "context", "document"}
    plt.close(fig)


def test_seed_events_and_outside_context_differ_in_mark_side_and_label(drawn):
    book, _, fig, _ = drawn
    ax = fig.axes[0]
    marks = [line for line in ax.lines if len(line.get_xdata()) == 1]
    heights = {line.get_marker(): set() for line in marks}
    for line in marks:
        heights[line.get_marker()].add(line.get_ydata()[0] > 0)
    assert heights["s"] == {False}  # outside context: squares, below the axis
    assert heights["o"] == {True}  # seed events: circles, above it
    bands = " ".join(t.get_text() for t in ax.texts)
    assert "In the documents" in bands and "Outside context" in bands
    # each document's writing date is a dashed line, labelled with its id
    dashed = [line for line in ax.lines if line.get_linestyle() not in ("-", "None")]
    assert len(dashed) == len(book.catalogue)
    assert set(book.catalogue["id"]) <= {t.get_text() for t in ax.texts}


@pytest.mark.drawing
def test_the_drawing_is_the_same_byte_for_byte(drawn):
    book, context, _, _ = drawn
    digests = set()
    for _ in range(2):
        fig, _ = timeline.timeline(book.tables["events"], context, book.catalogue)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
        plt.close(fig)
        digests.add(hashlib.sha256(buffer.getvalue()).hexdigest())
    assert len(digests) == 1


def test_outside_context_groups_partners_joining_on_one_date():
    partners = pd.DataFrame(
        {
            "framework": ["md"] * 5 + ["ici"],
            "country_en": ["Egypt", "Israel", "Mauritania", "Morocco", "Tunisia", "Qatar"],
            "joined": ["1995-02"] * 5 + ["2005"],
        }
    )
    facts = pd.DataFrame(columns=["id", "date", "label", "about"])
    summits = pd.DataFrame(columns=["id", "start", "name_en"])
    rows = timeline.outside_context(facts, summits, partners)
    assert rows["label"].tolist() == ["Qatar joins the ICI", "5 states join the MD, Morocco among them"]


def test_facts_about_a_source_stay_off_the_timeline():
    facts = pd.DataFrame({"id": ["paper-founded", "coup"], "date": ["1977", "2020-08-18"],
                          "label": ["A paper is founded", "A coup"], "about": ["source", "event"]})
    none = pd.DataFrame(columns=["id", "start", "name_en"])
    partners = pd.DataFrame(columns=["framework", "country_en", "joined"])
    assert timeline.outside_context(facts, none, partners)["label"].tolist() == ["A coup"]
