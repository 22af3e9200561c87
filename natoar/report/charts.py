"""The book's chart kinds, drawn in the house style; each returns the figure and the data it shows."""

from __future__ import annotations

import textwrap
from datetime import date

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from natoar.report.figures import CONTEXT, PALETTE, SEED, label, use_style
from natoar.text.dates import parse_date


def _year(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def short_title(title_ar: str, words: int = 3) -> str:
    """Return the first `words` words of an Arabic headline, with an ellipsis if cut."""
    parts = title_ar.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def length_bars(lengths: pd.DataFrame, catalogue: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Return a bar chart of words of article text per document, labelled with id and Arabic headline."""
    use_style()
    data = lengths.merge(catalogue[["id", "title_ar", "genre"]], left_on="doc", right_on="id")
    data = data.sort_values(["words", "doc"], ascending=[True, True], ignore_index=True)
    fig, ax = plt.subplots()
    ax.barh(range(len(data)), data["words"], color=SEED)
    ax.set_yticks(
        range(len(data)), [label(f"{d}  {short_title(t)}") for d, t in zip(data["doc"], data["title_ar"], strict=True)]
    )
    for y, words in enumerate(data["words"]):
        ax.text(words, y, f" {words}", va="center")
    ax.set_xlabel("Words of article text (after removing site furniture)")
    ax.set_xlim(0, data["words"].max() * 1.15)
    return fig, data[["doc", "genre", "paragraphs", "words", "characters"]]


def dating_chart(catalogue: pd.DataFrame, start_year: int = 2000) -> tuple[plt.Figure, pd.DataFrame]:
    """Return a chart of each document's events span, best-estimate date of writing and printed date."""
    use_style()
    rows = []
    fig, ax = plt.subplots(figsize=(7.5, 0.6 * len(catalogue) + 1.4))
    order = catalogue.sort_values(["date_iso", "id"], ignore_index=True)
    for y, doc in enumerate(order.itertuples()):
        events = (parse_date(doc.events_from), parse_date(doc.events_to))
        written = parse_date(doc.date_iso)
        left = max(_year(events[0].start), start_year)
        ax.plot([left, _year(events[1].end)], [y, y], color=CONTEXT, lw=6, solid_capstyle="butt")
        if _year(events[0].start) < start_year:
            ax.annotate(
                f"from {doc.events_from}",
                (start_year, y),
                xytext=(2, 8),
                textcoords="offset points",
                fontsize=9,
                color="#555555",
            )
        ax.plot([_year(written.start), _year(written.end)], [y, y], color=SEED, lw=2)
        ax.plot(_year(written.midpoint), y, "o", color=SEED, ms=8)
        printed = parse_date(doc.date_printed_iso) if doc.date_printed_iso else None
        if printed and printed != written:
            ax.plot(_year(printed.midpoint), y, "D", mfc="white", mec=PALETTE[3], mew=2, ms=8)
        rows.append(
            {
                "doc": doc.id,
                "events_from": doc.events_from,
                "events_to": doc.events_to,
                "written": doc.date_iso,
                "printed": doc.date_printed_iso,
            }
        )
    ax.set_yticks(range(len(order)), order["id"])
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlabel("Year")
    handles = [
        plt.Line2D([], [], color=CONTEXT, lw=6, label="events the text describes"),
        plt.Line2D([], [], color=SEED, marker="o", label="written (best estimate)"),
        plt.Line2D([], [], color=PALETTE[3], marker="D", mfc="white", ls="", label="date printed, where it differs"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False, fontsize=9)
    return fig, pd.DataFrame(rows)


def count_bars(data: pd.DataFrame, label: str, value: str, xlabel: str, colour: str = SEED) -> plt.Figure:
    """Return a horizontal bar chart of `value` per `label`, first row at the top, each bar labelled."""
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(data) + 1.2))
    positions = range(len(data))[::-1]
    ax.barh(list(positions), data[value], color=colour)
    ax.set_yticks(list(positions), [str(v) for v in data[label]])
    for y, count in zip(positions, data[value], strict=True):
        ax.text(count, y, f" {count}", va="center")
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(data[value].max(), 1) * 1.15)
    return fig


def membership_steps(
    members: pd.DataFrame, catalogue: pd.DataFrame, start_year: int = 1990
) -> tuple[plt.Figure, pd.DataFrame]:
    """Return NATO's membership over time (outside context, grey) with each document's writing date (blue)."""
    use_style()
    dates = [_year(parse_date(d).start) for d in members["date"]]
    counts = members["members"].tolist()
    end = 2025.0
    fig, ax = plt.subplots()
    ax.step(
        [*dates, end],
        [*counts, counts[-1]],
        where="post",
        color=CONTEXT,
        lw=2.5,
        label="NATO members (outside context)",
    )
    last_label = -1e9
    for doc in catalogue.sort_values(["date_iso", "id"]).itertuples():
        when = _year(parse_date(doc.date_iso).midpoint)
        ax.axvline(when, color=SEED, lw=1, ls="--")
        last_label = max(when, last_label + 0.9)
        ax.text(last_label + 0.15, 1, doc.id, rotation=90, va="bottom", ha="left", fontsize=8, color=SEED)
    ax.plot([], [], color=SEED, ls="--", label="a document written (seed catalogue)")
    ax.set_xlim(start_year, end)
    ax.set_xlabel("Year")
    ax.set_ylabel("Member states")
    ax.set_ylim(0, max(counts) + 14)
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    data = pd.DataFrame({"date": members["date"], "members": counts})
    return fig, data


def presence_grid(
    table: pd.DataFrame,
    index: str,
    xlabel: str,
    colour: str = SEED,
    labels: bool = True,
    groups: dict[str, str] | None = None,
) -> plt.Figure:
    """Return a grid with a filled cell wherever `table` has a non-empty, non-zero value (marks written in).

    With `groups` (column → group name, columns already ordered by group), a rule separates the groups and each
    group's name stands above its columns."""
    use_style()
    values = table.drop(columns=index)
    filled = values.map(lambda v: 0.0 if v in ("", 0) else 1.0).to_numpy(dtype=float)
    fig, ax = plt.subplots(
        figsize=(1.0 + 0.75 * values.shape[1] + 1.6, 0.32 * len(table) + 1.6 + (0.5 if groups else 0))
    )
    ax.imshow(filled, cmap=mpl.colors.ListedColormap(["#f4f4f4", colour]), aspect="auto", vmin=0, vmax=1)
    if labels:
        for (y, x), value in np.ndenumerate(values.to_numpy()):
            if value not in ("", 0, 1):
                ax.text(x, y, str(value), ha="center", va="center", color="white", fontsize=9, fontweight="bold")
    if groups:
        names = [groups[c] for c in values.columns]
        starts = [i for i, name in enumerate(names) if i == 0 or name != names[i - 1]]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(names)
            if start:
                ax.axvline(start - 0.5, color="#333333", lw=1.2)
            ax.text((start + end - 1) / 2, -0.9, names[start], ha="center", va="bottom", fontsize=8.5, wrap=True)
    ax.set_xticks(range(values.shape[1]), values.columns, rotation=35, ha="right")
    ax.set_yticks(range(len(table)), table[index])
    ax.set_xlabel(xlabel)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return fig


def paired_bars(data: pd.DataFrame, label: str, columns: list[str], xlabel: str) -> plt.Figure:
    """Return grouped vertical bars of `columns` per `label` (e.g. hedges and attributions per paragraph)."""
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    width = 0.8 / len(columns)
    for i, column in enumerate(columns):
        positions = [x + (i - (len(columns) - 1) / 2) * width for x in range(len(data))]
        ax.bar(positions, data[column], width=width, label=column, color=PALETTE[i])
    ax.set_xticks(range(len(data)), [str(v) for v in data[label]])
    ax.set_xlabel(xlabel)
    ax.set_ylabel("Markers")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False)
    return fig


def term_panels(scores: pd.DataFrame, glosses: dict[str, str], value: str = "z") -> plt.Figure:
    """Return one small bar panel per document of its top terms: the Arabic word (shaped by the renderer) with
    its English gloss beneath, or the Arabic alone if `glosses` has none."""
    use_style()
    docs = sorted(scores["doc"].unique())
    columns = min(3, len(docs))
    rows = -(-len(docs) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(7.5, 3.4 * rows), squeeze=False)
    for ax in axes.flat[len(docs) :]:
        ax.set_visible(False)
    for ax, doc in zip(axes.flat, docs, strict=False):
        rows_of_doc = scores[scores["doc"] == doc].iloc[::-1]
        ax.barh(range(len(rows_of_doc)), rows_of_doc[value], color=SEED)
        ticks = [
            label(t) + (f"\n{textwrap.shorten(glosses[t], 18)}" if t in glosses else "") for t in rows_of_doc["term"]
        ]
        ax.set_yticks(range(len(rows_of_doc)), ticks, fontsize=9)
        ax.set_title(doc, fontsize=10)
        ax.tick_params(axis="x", labelsize=8)
    fig.supxlabel("Weighted log-odds (z) against the other documents", fontsize=10)
    fig.tight_layout()
    return fig


def cooccurrence_network(
    pairs: pd.DataFrame, mentions: pd.Series, names: dict[str, str]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Return a node-link drawing of a co-occurrence table (`text.cooccurrence`) and its edge list.

    Entities sit on a circle, the most mentioned at the top and the rest clockwise by mentions; a node's area
    grows with its mentions, a link's width with the paragraphs the two share, and the strongest links (at
    least a third of the strongest) carry their count.
    """
    use_style()
    order = list(pairs["entity"])
    matrix = pairs.set_index("entity")[order]
    edges = [(a, b, int(matrix.loc[a, b])) for i, a in enumerate(order) for b in order[i + 1 :] if matrix.loc[a, b] > 0]
    edge_list = pd.DataFrame(edges, columns=["entity_a", "entity_b", "paragraphs"])
    edge_list = edge_list.sort_values(["paragraphs", "entity_a", "entity_b"], ascending=[False, True, True])
    angles = np.pi / 2 - 2 * np.pi * np.arange(len(order)) / len(order)
    where = {e: (np.cos(a), np.sin(a)) for e, a in zip(order, angles, strict=True)}
    fig, ax = plt.subplots(figsize=(7.5, 6.2))
    strongest = max(edge_list["paragraphs"].max(), 1) if len(edge_list) else 1
    for a, b, shared in edges:
        (x1, y1), (x2, y2) = where[a], where[b]
        ax.plot([x1, x2], [y1, y2], color=SEED, lw=0.6 + 5 * shared / strongest, alpha=0.25 + 0.5 * shared / strongest)
        if shared * 3 >= strongest:
            ax.text(
                (x1 + x2) / 2,
                (y1 + y2) / 2,
                str(shared),
                fontsize=8,
                ha="center",
                va="center",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
            )
    most = max(int(mentions.reindex(order).max()), 1)
    for entity, angle in zip(order, angles, strict=True):
        x, y = where[entity]
        ax.scatter([x], [y], s=60 + 700 * mentions.get(entity, 0) / most, color=PALETTE[1], edgecolor="white", zorder=3)
        ax.text(
            1.16 * x,
            1.16 * y + (0.06 if y > 0.9 else -0.06 if y < -0.9 else 0),
            f"{names.get(entity, entity)} ({mentions.get(entity, 0)})",
            ha="left" if np.cos(angle) > 0.2 else "right" if np.cos(angle) < -0.2 else "center",
            va="bottom" if np.sin(angle) > 0.9 else "top" if np.sin(angle) < -0.9 else "center",
            fontsize=9,
        )
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.35, 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, edge_list.reset_index(drop=True)


def count_grid(table: pd.DataFrame, index: str, xlabel: str) -> plt.Figure:
    """Return a shaded grid of counts with each count written in its cell."""
    use_style()
    values = table.drop(columns=index)
    counts = values.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * values.shape[1] + 1.4, 0.38 * len(table) + 1.6))
    ax.imshow(counts, cmap="Blues", aspect="auto", vmin=0, vmax=max(counts.max(), 1))
    for (y, x), count in np.ndenumerate(counts):
        if count:
            ax.text(
                x,
                y,
                f"{int(count)}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if count > counts.max() / 2 else "black",
            )
    ax.set_xticks(range(values.shape[1]), [label(str(c)) for c in values.columns], rotation=35, ha="right")
    ax.set_yticks(range(len(table)), [label(str(v)) for v in table[index]])
    ax.set_xlabel(xlabel)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return fig
