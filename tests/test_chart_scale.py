"""Every chart stays readable at 250 documents: drawn from synthetic frames of that size, no saved figure exceeds
charts.MAX_PIXELS on its longer side, and the forms that fold items together keep the totals."""

from __future__ import annotations

import io
import os
import random

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from natoar.report import charts, timeline
from natoar.report.figures import STYLE, png_size, write_figure
from natoar.sources.evidence import load_table
from natoar.tools.scalebench import synthetic_row

DOCUMENTS = 250


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    rng = random.Random(1)
    rows = [synthetic_row(n, f"عنوان تجريبي رقم {n} عن الحلف", b"", f"{n}.txt", rng) for n in range(DOCUMENTS)]
    for row in rows[::7]:  # some printed dates differ from the date of writing, some are missing
        row["date_printed_iso"] = "2024-04-24"
    for row in rows[::11]:
        row["date_printed_iso"] = ""
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def ids(catalogue) -> list[str]:
    return list(catalogue["id"])


def _longer_side(fig: plt.Figure) -> int:
    image = io.BytesIO()
    # saved as the book saves it, but not compressed: only the PNG's size is read
    fig.savefig(image, format="png", dpi=STYLE["savefig.dpi"], bbox_inches="tight", pil_kwargs={"compress_level": 0})
    plt.close(fig)
    return max(png_size_of(image.getvalue()))


def png_size_of(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _charts(catalogue: pd.DataFrame, ids: list[str], root) -> dict[str, plt.Figure]:
    rng = random.Random(2)
    lengths = pd.DataFrame(
        {
            "doc": ids,
            "paragraphs": [rng.randint(3, 30) for _ in ids],
            "words": [rng.randint(150, 4000) for _ in ids],
            "characters": [rng.randint(900, 24000) for _ in ids],
        }
    )
    per_doc = pd.DataFrame({"document": ids, "rows": [rng.randint(0, 12) for _ in ids]})
    topics = [f"topic-{k}" for k in range(14)]
    presence = pd.DataFrame({"topic": topics, **{d: [rng.choice([0, 0, 1]) for _ in topics] for d in ids}})
    roles = pd.DataFrame(
        {"country": ids, **{f"framework-{k}": [rng.choice(["", "", "P", "B?"]) for _ in ids] for k in range(30)}}
    )
    groups = {f"framework-{k}": f"family {k // 8}" for k in range(30)}
    themes = pd.DataFrame(
        {"theme": [f"theme {k}" for k in range(9)], **{d: [rng.randint(0, 9) for _ in range(9)] for d in ids}}
    )
    events = pd.DataFrame(
        [
            {
                "id": f"e{d}-{k}",
                "seed": d,
                "date": f"{rng.randint(1995, 2024)}-0{rng.randint(1, 9)}",
                "label": f"Synthetic event {k} of {d}",
                "status": rng.choice(["occurred", "planned", "claimed"]),
            }
            for d in ids
            for k in range(3)
        ]
    )
    context = pd.DataFrame({"id": ["c1", "c2"], "date": ["2004-06", "2014-09-05"], "label": ["Fact one", "Fact two"]})
    scores = pd.DataFrame([{"doc": d, "term": f"كلمة{k}", "z": rng.uniform(1, 9)} for d in ids for k in range(6)])
    entities = [f"entity-{k}" for k in range(10)]
    pairs = pd.DataFrame({"entity": entities, **{e: [rng.randint(0, 5) for _ in entities] for e in entities}})
    markers = pd.DataFrame({"paragraph": range(1, 41), "hedges": [k % 3 for k in range(40)], "attributions": [1] * 40})
    members = load_table("reference/nato_members", root)
    return {
        "length_bars": charts.length_bars(lengths, catalogue)[0],
        "dating_chart": charts.dating_chart(catalogue)[0],
        "count_bars": charts.count_bars(per_doc, "document", "rows", "Rows per document"),
        "membership_steps": charts.membership_steps(members, catalogue)[0],
        "presence_grid (documents as columns)": charts.presence_grid(presence, "topic", "Document", labels=False),
        "presence_grid (rows, grouped columns)": charts.presence_grid(roles, "country", "Framework", groups=groups),
        "paired_bars": charts.paired_bars(markers, "paragraph", ["hedges", "attributions"], "Paragraph"),
        "timeline": timeline.timeline(events, context, catalogue)[0],
        "term_panels": charts.term_panels(scores, {}),
        "cooccurrence_network": charts.cooccurrence_network(pairs, pd.Series(1, index=entities), {})[0],
        "count_grid": charts.count_grid(themes, "theme", "Document"),
    }


@pytest.mark.scale
def test_every_chart_stays_within_the_size_limit_at_250_documents(catalogue, ids, root):
    drawn = _charts(catalogue, ids, root)
    assert {name.split(" ")[0] for name in drawn} == CHART_FUNCTIONS
    sizes = {name: _longer_side(fig) for name, fig in drawn.items()}
    too_large = {name: px for name, px in sizes.items() if px > charts.MAX_PIXELS}
    assert not too_large, f"figures above {charts.MAX_PIXELS} px at {DOCUMENTS} documents: {too_large}"


# The chart functions a chapter or a Data page draws; a new one must be added here and to `_charts`.
CHART_FUNCTIONS = {
    "length_bars",
    "dating_chart",
    "count_bars",
    "membership_steps",
    "presence_grid",
    "paired_bars",
    "timeline",
    "term_panels",
    "cooccurrence_network",
    "count_grid",
}


def test_every_public_drawing_function_is_listed():
    drawing = {
        name
        for name, value in vars(charts).items()
        if callable(value)
        and getattr(value, "__module__", "") == charts.__name__
        and not name.startswith("_")
        and "Figure" in str(getattr(value, "__annotations__", {}).get("return", ""))
    }
    # the timeline has its own module (natoar.report.timeline)
    assert drawing - {"length_strips", "dating_by_year"} == CHART_FUNCTIONS - {"timeline"}


def test_top_with_others_keeps_the_largest_and_the_total():
    data = pd.DataFrame({"doc": [f"d{k}" for k in range(50)], "rows": [k % 7 for k in range(50)]})
    folded = charts.top_with_others(data, "doc", "rows", 10)
    assert len(folded) == 10
    assert folded["rows"].sum() == data["rows"].sum()
    assert folded["doc"].iloc[-1] == "the other 41"
    assert folded["rows"].iloc[:-1].min() >= data["rows"].nlargest(9).min()
    assert charts.top_with_others(data.head(5), "doc", "rows", 10).equals(data.head(5))
    few = pd.DataFrame({"doc": [f"d{k}" for k in range(40)], "rows": [3, 0, 2] + [0] * 37})
    assert charts.top_with_others(few, "doc", "rows", 10).to_dict("list") == {
        "doc": ["d0", "d2", "the other 38"],
        "rows": [3, 2, 0],
    }  # documents with nothing are not drawn as if among the largest


def test_folded_grids_count_what_they_leave_out():
    table = pd.DataFrame({"topic": ["a", "b"], **{f"d{k}": [1 if k < 3 else 0, 1 if k % 2 else ""] for k in range(40)}})
    folded = charts.fold_columns(table, "topic", 5, how="count")
    assert list(folded.columns[:5]) == ["topic", "d0", "d1", "d2", "d3"]  # the fullest columns, in their order
    assert folded["the other 36"].tolist() == [0, 18]
    kept = folded.drop(columns=["topic", "the other 36"]).map(lambda v: 0 if v in ("", 0) else 1).sum(axis=1)
    original = table.drop(columns="topic").map(lambda v: 0 if v in ("", 0) else 1).sum(axis=1)
    assert (kept + folded["the other 36"]).tolist() == original.tolist()
    rows = pd.DataFrame({"x": [f"r{k}" for k in range(60)], "a": [k % 2 for k in range(60)], "b": [3] * 60})
    assert charts.fold_rows(rows, "x", 10, how="sum").iloc[-1].to_dict() == {"x": "the other 51", "a": 30 - 9, "b": 153}


def test_five_documents_keep_one_mark_per_document(catalogue):
    five = catalogue.head(5)
    fig, data = charts.dating_chart(five)
    ids = [t.get_text().split(" (")[0] for t in fig.axes[0].get_yticklabels()]  # synthetic: '(not yet curated)'
    assert ids == sorted(data["doc"], key=list(data["doc"]).index)
    plt.close(fig)
    lengths = pd.DataFrame({"doc": five["id"], "paragraphs": 3, "words": range(100, 600, 100), "characters": 9})
    fig, _ = charts.length_bars(lengths, five)
    assert len(fig.axes[0].patches) == 5
    plt.close(fig)


@pytest.mark.drawing
def test_an_unchanged_figure_is_not_rewritten(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "seeds").mkdir()

    def draw() -> plt.Figure:
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
        return fig

    data = pd.DataFrame({"a": [1]})
    png = write_figure(draw(), "f", data, tmp_path)
    first = (png.stat().st_mtime_ns, (png.with_suffix(".csv")).stat().st_mtime_ns)
    os.utime(png, ns=(1, 1))
    os.utime(png.with_suffix(".csv"), ns=(1, 1))
    write_figure(draw(), "f", data, tmp_path)
    assert png.stat().st_mtime_ns == 1 and png.with_suffix(".csv").stat().st_mtime_ns == 1
    write_figure(draw(), "f", pd.DataFrame({"a": [2]}), tmp_path)
    assert png.stat().st_mtime_ns == 1 and png.with_suffix(".csv").stat().st_mtime_ns != 1
    assert first[0] > 1 and png_size(png)[0] > 0


def test_a_long_chapter_table_is_paged_with_all_of_it_as_csv(tmp_path, monkeypatch):
    from natoar.report.figures import FIGURES, MAX_TABLE_ROWS, save_table

    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "chapters").mkdir()
    monkeypatch.chdir(tmp_path / "chapters")  # a notebook runs in its folder
    frame = pd.DataFrame(
        {"doc": [f"d{k:03d}" for k in range(MAX_TABLE_ROWS + 10)], "words": range(MAX_TABLE_ROWS + 10)}
    )
    shown = save_table(frame, "t", root=tmp_path)
    csv = tmp_path / FIGURES / "t.csv"
    assert shown.count("\n| d") == MAX_TABLE_ROWS and "| d024 |" in shown and "d025" not in shown
    assert shown.endswith(f"The first {MAX_TABLE_ROWS} of {len(frame)} rows; all of them: [t.csv](figures/t.csv).")
    assert pd.read_csv(csv).equals(frame)
    short = save_table(frame.head(3), "t", root=tmp_path)
    assert short.count("\n| d") == 3 and "t.csv" not in short and not csv.exists()


def test_scalebench_counts_the_pages_each_edition_read_again():
    from natoar.tools.scalebench import pages_read

    output = (
        "updating environment: [new config] 57 added, 0 changed, 0 removed\n"
        "other lines\n"
        "updating environment: 1 added, 18 changed, 0 removed\n"
    )
    assert pages_read(output) == [57, 19]
    assert pages_read("nothing to do") == []
    # Sphinx colours its log when it thinks it writes to a terminal
    assert pages_read("\x1b[01mupdating environment: \x1b[39;49;00m0 added, 18 changed, 0 removed") == [18]


def test_scalebench_measures_the_notebooks_a_new_document_changed():
    from natoar.tools.scalebench import changed_share

    before = {"a.ipynb": ("x", 1.0), "b.ipynb": ("y", 3.0), "c.ipynb": ("z", 6.0)}
    after = {"a.ipynb": ("x", 1.1), "b.ipynb": ("y2", 2.9), "c.ipynb": ("z", 6.2)}
    assert changed_share(before, after) == (1, 3.0, 10.0)
    assert changed_share(before, {}) == (3, 10.0, 10.0)
