"""The book's chart kinds, drawn in the house style; each returns the figure and the data it shows.

Each takes `lang` ("en" or "ar") and draws the same data with its words in that language: the Arabic figure
gives values that are words (topics, themes, countries) their Arabic names where the caller passes them
(`names`), lays out bars and grids for a right-to-left reader (`figures.mirror`), and keeps ids, numbers
(Western digits) and the direction of time axes as they are."""

from __future__ import annotations

import numbers
import re
import textwrap
from datetime import date

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from natoar.report.chartscale import (  # noqa: F401 (the limits are part of this module's interface)
    MAX_BARS,
    MAX_COLUMNS,
    MAX_COUNT_COLUMNS,
    MAX_LABELLED,
    MAX_PANELS,
    MAX_PIXELS,
    MAX_ROWS,
)
from natoar.report.figures import CONTEXT, PALETTE, SEED, label, mirror, use_style
from natoar.report.figures import words as say
from natoar.report.lang import VALUES, check_language, short_title
from natoar.report.textstats import highest_scoring
from natoar.text.dates import parse_date


def _year(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def others(count: int, lang: str = "en") -> str:
    """Return the label of the bar, row or column that stands for `count` items folded together."""
    return say(lang, f"the other {count}", f"البقية ({count})")


def shown_names(values: object, names: dict[str, str] | None, lang: str) -> list[str]:
    """Return `values` as an Arabic figure shows them: by their names in `names` (ids without one, such as
    documents', and the folded row 'the other N' in Arabic), or unchanged in English."""
    if check_language(lang) == "en":
        return [str(v) for v in values]
    shown = []
    for value in map(str, values):
        folded = re.fullmatch(r"the other (\d+)", value)
        shown.append(others(int(folded.group(1)), lang) if folded else (names or {}).get(value, value))
    return shown


def top_with_others(data: pd.DataFrame, label: str, value: str, keep: int) -> pd.DataFrame:
    """Return `data` if it has at most `keep` rows; else its (up to) `keep - 1` largest non-zero rows by `value`
    (ties in the given order, shown in that order) and one row summing the rest, labelled with how many they are."""
    if len(data) <= keep:
        return data
    ranked = data[value].rank(method="first", ascending=False)
    chosen = (ranked < keep) & (data[value] > 0)
    kept, rest = data[chosen], data[~chosen]
    folded = pd.DataFrame({label: [others(len(rest))], value: [rest[value].sum()]})
    return pd.concat([kept[[label, value]], folded], ignore_index=True)


def fold_columns(table: pd.DataFrame, index: str, keep: int, how: str = "sum") -> pd.DataFrame:
    """Return `table` if it has at most `keep` value columns; else the `keep - 1` with the largest totals (ties and
    order as given) and one column holding, per row, the rest's sum (`how="sum"`) or how many of them are
    non-empty (`how="count"`)."""
    values = table.drop(columns=index)
    if values.shape[1] <= keep:
        return table
    numeric = _numeric(values, how)
    totals = numeric.sum()
    ranked = totals.rank(method="first", ascending=False)
    kept = [c for c in values.columns if ranked[c] < keep and totals[c] > 0]
    rest = [c for c in values.columns if c not in kept]
    folded = table[[index, *kept]].copy()
    folded[others(len(rest))] = numeric[rest].sum(axis=1).astype(int)
    return folded


def _numeric(values: pd.DataFrame, how: str) -> pd.DataFrame:
    """Return 1 for every non-empty cell (`how="count"`), or the cells' numbers with empty cells as 0 (`"sum"`)."""
    return values.map(lambda v: 0 if v in ("", 0) else v if how == "sum" and isinstance(v, numbers.Number) else 1)


def fold_rows(table: pd.DataFrame, index: str, keep: int, how: str = "count") -> pd.DataFrame:
    """Return `table` if it has at most `keep` rows; else the `keep - 1` rows with the largest totals (ties and
    order as given) and one row holding, per column, the rest's sum (`how="sum"`) or how many of them are
    non-empty (`how="count"`)."""
    if len(table) <= keep:
        return table
    filled = _numeric(table.drop(columns=index), how)
    ranked = filled.sum(axis=1).rank(method="first", ascending=False)
    kept, rest = table[ranked < keep], filled[ranked >= keep]
    folded = pd.DataFrame([{index: others(len(rest)), **rest.sum().astype(int).to_dict()}])
    return pd.concat([kept, folded], ignore_index=True)


def _marked(doc: str, catalogue: pd.DataFrame, lang: str) -> str:
    """Return a document's id as a chart labels it: marked when the document is not yet curated."""
    pending = "curation" in catalogue and (catalogue.loc[catalogue["id"] == doc, "curation"] != "curated").any()
    return f"{doc} ({say(lang, 'not yet curated', 'لم تُدقَّق بعد')})" if pending else doc


def length_bars(lengths: pd.DataFrame, catalogue: pd.DataFrame, lang: str = "en") -> tuple[plt.Figure, pd.DataFrame]:
    """Return a bar chart of words of article text per document, labelled with id and Arabic headline; above
    MAX_BARS documents, the words of each document as a dot on one row per genre (`length_strips`)."""
    use_style()
    arabic = check_language(lang) == "ar"
    data = lengths.merge(catalogue[["id", "title_ar", "genre"]], left_on="doc", right_on="id")
    data = data.sort_values(["words", "doc"], ascending=[True, True], ignore_index=True)
    if len(data) > MAX_BARS:
        return length_strips(data, lang), data[["doc", "genre", "paragraphs", "words", "characters"]]
    fig, ax = plt.subplots()
    ax.barh(range(len(data)), data["words"], color=SEED)
    ids = [_marked(d, catalogue, lang) for d in data["doc"]]
    labels = [
        f"{short_title(t)}  {d}" if arabic else f"{d}  {short_title(t)}"
        for d, t in zip(ids, data["title_ar"], strict=True)
    ]
    ax.set_yticks(range(len(data)), [label(text) for text in labels])
    for y, count in enumerate(data["words"]):
        ax.text(count, y, f"{count} " if arabic else f" {count}", va="center", ha="right" if arabic else "left")
    ax.set_xlabel(
        say(lang, "Words of article text (after removing site furniture)", "كلمات نص المقال (بعد حذف عناصر الموقع)")
    )
    ax.set_xlim(0, data["words"].max() * 1.15)
    if arabic:
        mirror(ax)
    return fig, data[["doc", "genre", "paragraphs", "words", "characters"]]


def length_strips(data: pd.DataFrame, lang: str = "en") -> plt.Figure:
    """Return one row per genre with a dot for each document's words and a bar at the genre's median."""
    genres = sorted(data["genre"].unique())
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(genres) + 1.4))
    rng = np.random.default_rng(0)
    for y, genre in enumerate(genres):
        counts = data.loc[data["genre"] == genre, "words"].to_numpy()
        ax.scatter(counts, y + rng.uniform(-0.2, 0.2, len(counts)), s=10, color=SEED, alpha=0.5, linewidths=0)
        ax.plot([np.median(counts)] * 2, [y - 0.32, y + 0.32], color=PALETTE[3], lw=2.5)
    counts = data["genre"].value_counts()
    names = shown_names(genres, VALUES["genre"], lang)
    ax.set_yticks(range(len(genres)), [f"{n} ({counts[g]})" for n, g in zip(names, genres, strict=True)])
    ax.set_ylim(-0.6, len(genres) - 0.4)
    ax.set_xlabel(
        say(
            lang,
            "Words of article text per document (dots), median of each genre (bar)",
            "كلمات نص المقال في كل وثيقة (النقاط)، ووسيط كل نوع (الخط)",
        )
    )
    ax.set_xlim(0, data["words"].max() * 1.05)
    if lang == "ar":
        mirror(ax)
    return fig


def dating_chart(catalogue: pd.DataFrame, start_year: int = 2000, lang: str = "en") -> tuple[plt.Figure, pd.DataFrame]:
    """Return a chart of each document's events span, best-estimate date of writing and printed date; above
    MAX_BARS documents, the documents written each year, by whether the printed date is the date of writing
    (`dating_by_year`)."""
    use_style()
    check_language(lang)
    rows = [
        {
            "doc": doc.id,
            "events_from": doc.events_from,
            "events_to": doc.events_to,
            "written": doc.date_iso,
            "printed": doc.date_printed_iso,
        }
        for doc in catalogue.sort_values(["date_iso", "id"]).itertuples()
    ]
    if len(catalogue) > MAX_BARS:
        return dating_by_year(catalogue, start_year, lang), pd.DataFrame(rows)
    fig, ax = plt.subplots(figsize=(7.5, 0.6 * len(catalogue) + 1.4))
    order = catalogue.sort_values(["date_iso", "id"], ignore_index=True)
    keyed = set()  # each kind of mark is named once, beside its first occurrence (direct labels, no legend)

    def key(kind: str, x: float, y: int, text: str, colour: str, ha: str = "center", below: bool = False) -> None:
        if kind not in keyed:
            keyed.add(kind)
            offset, va = ((0, -10), "top") if below else ((0, 8), "baseline")
            ax.annotate(text, (x, y), xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=9, color=colour)

    for y, doc in enumerate(order.itertuples()):
        events = (parse_date(doc.events_from), parse_date(doc.events_to))
        written = parse_date(doc.date_iso)
        left = max(_year(events[0].start), start_year)
        ax.plot([left, _year(events[1].end)], [y, y], color=CONTEXT, lw=6, solid_capstyle="butt")
        clipped = _year(events[0].start) < start_year
        since = say(lang, f"from {doc.events_from}", f"منذ {doc.events_from}") if clipped else ""
        if "events" not in keyed:
            described = say(lang, "events the text describes", "الأحداث التي يصفها النص")
            key("events", left, y, say(lang, ", ", "، ").join(filter(None, [described, since])), "#555555", "left")
        elif clipped:
            ax.annotate(since, (left, y), xytext=(2, 8), textcoords="offset points", fontsize=9, color="#555555")
        ax.plot([_year(written.start), _year(written.end)], [y, y], color=SEED, lw=2)
        ax.plot(_year(written.midpoint), y, "o", color=SEED, ms=8)
        estimate = say(lang, "written (best estimate)", "تاريخ الكتابة (أفضل تقدير)")
        key("written", _year(written.midpoint), y, estimate, SEED, "center", below=True)
        printed = parse_date(doc.date_printed_iso) if doc.date_printed_iso else None
        if printed and printed != written:
            ax.plot(_year(printed.midpoint), y, "D", mfc="white", mec=PALETTE[3], mew=2, ms=8)
            on_print = say(lang, "date printed", "التاريخ المطبوع")
            key("printed", _year(printed.midpoint), y, on_print, PALETTE[3], "right")
    ax.set_yticks(range(len(order)), [_marked(d, catalogue, lang) for d in order["id"]])
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlabel(say(lang, "Year", "السنة"))
    return fig, pd.DataFrame(rows)


DATING_KINDS = {  # the three kinds of dating_by_year's bars, in each language, with their colours
    "printed date is the date of writing": ("التاريخ المطبوع هو تاريخ الكتابة", SEED),
    "printed date differs": ("التاريخ المطبوع مختلف", PALETTE[3]),
    "no printed date": ("لا تاريخ مطبوع", CONTEXT),
}


def dating_by_year(catalogue: pd.DataFrame, start_year: int = 2000, lang: str = "en") -> plt.Figure:
    """Return stacked bars of the documents written each year (best estimate, by its earliest year; earlier years
    folded into `start_year`): the printed date is the date of writing, differs from it, or is missing."""
    kinds = list(DATING_KINDS)
    rows = []
    for doc in catalogue.itertuples():
        printed = parse_date(doc.date_printed_iso) if doc.date_printed_iso else None
        written = parse_date(doc.date_iso)
        kind = kinds[2 if printed is None else 0 if printed == written else 1]
        rows.append({"year": max(written.start.year, start_year), "kind": kind})
    counts = pd.DataFrame(rows).groupby(["year", "kind"]).size().unstack(fill_value=0).reindex(columns=kinds)
    counts = counts.fillna(0).astype(int)
    fig, ax = plt.subplots()
    bottom = np.zeros(len(counts))
    for kind, (arabic, colour) in DATING_KINDS.items():
        ax.bar(counts.index, counts[kind], bottom=bottom, color=colour, label=say(lang, kind, arabic), width=0.8)
        bottom += counts[kind].to_numpy()
    ax.set_xlabel(
        say(
            lang,
            f"Year of writing (best estimate; earlier years counted in {start_year})",
            f"سنة الكتابة (أفضل تقدير؛ السنوات السابقة محسوبة في {start_year})",
        )
    )
    ax.set_ylabel(say(lang, "Documents", "الوثائق"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    handles, labels = ax.get_legend_handles_labels()
    if lang == "ar":  # read from the right: the first kind rightmost
        handles, labels = handles[::-1], labels[::-1]
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False, fontsize=9)
    return fig


def count_bars(
    data: pd.DataFrame,
    label: str,
    value: str,
    xlabel: str,
    colour: str = SEED,
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> plt.Figure:
    """Return a horizontal bar chart of `value` per `label`, first row at the top, each bar labelled; above
    MAX_BARS rows, the largest and one bar for the rest (`top_with_others`). In Arabic, the labels are their
    `names` (see `shown_names`) and the bars grow from the right."""
    use_style()
    arabic = check_language(lang) == "ar"
    data = top_with_others(data, label, value, MAX_BARS)
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(data) + 1.2))
    positions = range(len(data))[::-1]
    ax.barh(list(positions), data[value], color=colour)
    ax.set_yticks(list(positions), shown_names(data[label], names, lang))
    for y, count in zip(positions, data[value], strict=True):
        ax.text(count, y, f"{count} " if arabic else f" {count}", va="center", ha="right" if arabic else "left")
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(data[value].max(), 1) * 1.15)
    if arabic:
        mirror(ax)
    return fig


def membership_steps(
    members: pd.DataFrame, catalogue: pd.DataFrame, start_year: int = 1990, lang: str = "en"
) -> tuple[plt.Figure, pd.DataFrame]:
    """Return NATO's membership over time (outside context, grey) with each document's writing date (blue): a
    labelled dashed line each, or above MAX_LABELLED documents a short unlabelled tick each. Time runs left to
    right in both languages."""
    use_style()
    check_language(lang)
    dates = [_year(parse_date(d).start) for d in members["date"]]
    counts = members["members"].tolist()
    # the axis runs to the year after the last membership change or the last document written, whichever is later
    written = [_year(parse_date(d).end) for d in catalogue["date_iso"]]
    end = float(max(2025, int(max([*dates, *written])) + 1))
    fig, ax = plt.subplots()
    ax.step(
        [*dates, end],
        [*counts, counts[-1]],
        where="post",
        color=CONTEXT,
        lw=2.5,
    )
    last_label = -1e9
    labelled = len(catalogue) <= MAX_LABELLED
    for doc in catalogue.sort_values(["date_iso", "id"]).itertuples():
        when = _year(parse_date(doc.date_iso).midpoint)
        if not labelled:
            ax.plot([when, when], [0, 2.5], color=SEED, lw=0.8, alpha=0.6)
            continue
        ax.axvline(when, color=SEED, lw=1, ls="--")
        last_label = max(when, last_label + 0.9)
        ax.text(last_label + 0.15, 1, doc.id, rotation=90, va="bottom", ha="left", fontsize=8, color=SEED)
    documents = (
        say(lang, "a document written (dashed)", "تاريخ كتابة وثيقة (خط متقطع)")
        if labelled
        else say(
            lang,
            f"the {len(catalogue)} documents' writing dates (ticks)",
            f"تواريخ كتابة الوثائق الـ{len(catalogue)} (علامات قصيرة)",
        )
    )
    ax.text(start_year + 0.5, max(counts) + 10, documents, fontsize=9, color=SEED, va="bottom")
    members_label = say(lang, "NATO members (outside context)", "الدول الأعضاء في الناتو (سياق خارجي)")
    ax.text(start_year + 0.5, counts[0] + 1.5, members_label, fontsize=9, color="#555555")
    ax.set_xlim(start_year, end)
    ax.set_xlabel(say(lang, "Year", "السنة"))
    ax.set_ylabel(say(lang, "Member states", "الدول الأعضاء"))
    ax.set_ylim(0, max(counts) + 14)
    data = pd.DataFrame({"date": members["date"], "members": counts})
    return fig, data


def presence_grid(
    table: pd.DataFrame,
    index: str,
    xlabel: str,
    colour: str = SEED,
    labels: bool = True,
    groups: dict[str, str] | None = None,
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> plt.Figure:
    """Return a grid with a filled cell wherever `table` has a non-empty, non-zero value (marks written in).

    With `groups` (column → group name in `lang`, columns already ordered by group), a rule separates the groups
    and each group's name stands above its columns. Above MAX_COLUMNS columns or MAX_ROWS rows, the fullest are
    drawn and the rest folded into one column or row that counts their filled cells, written in (`fold_columns`,
    `fold_rows`). In Arabic, rows and columns are shown by their `names` (`shown_names`), the row labels stand
    on the right and the first column on the right."""
    use_style()
    arabic = check_language(lang) == "ar"
    width = len(table.columns) - 1
    height = len(table)
    table = fold_rows(fold_columns(table, index, MAX_COLUMNS, how="count"), index, MAX_ROWS)
    folded_column = len(table.columns) - 1 < width
    if groups and folded_column:
        groups = {c: groups.get(c, say(lang, "other", "أخرى")) for c in table.columns}
    values = table.drop(columns=index)
    counted = np.zeros(values.shape, dtype=bool)
    counted[:, -1] = folded_column
    counted[-1, :] |= len(table) < height
    filled = values.map(lambda v: 0.0 if v in ("", 0) else 1.0).to_numpy(dtype=float)
    fig, ax = plt.subplots(
        figsize=(1.0 + 0.75 * values.shape[1] + 1.6, 0.32 * len(table) + 1.6 + (0.5 if groups else 0))
    )
    ax.imshow(filled, cmap=mpl.colors.ListedColormap(["#f4f4f4", colour]), aspect="auto", vmin=0, vmax=1)
    for (y, x), value in np.ndenumerate(values.to_numpy()):
        if (labels and value not in ("", 0, 1)) or (counted[y, x] and value not in ("", 0)):
            ax.text(x, y, str(value), ha="center", va="center", color="white", fontsize=9, fontweight="bold")
    if groups:
        group_of = [groups[c] for c in values.columns]
        starts = [i for i, name in enumerate(group_of) if i == 0 or name != group_of[i - 1]]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(group_of)
            if start:
                ax.axvline(start - 0.5, color="#333333", lw=1.2)
            ax.text((start + end - 1) / 2, -0.9, group_of[start], ha="center", va="bottom", fontsize=8.5, wrap=True)
    columns = shown_names(values.columns, names, lang)
    ax.set_xticks(range(values.shape[1]), columns, rotation=35, ha="right")
    ax.set_yticks(range(len(table)), shown_names(table[index], names, lang))
    ax.set_xlabel(xlabel)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if arabic:
        mirror(ax)
    return fig


def paired_bars(
    data: pd.DataFrame,
    label: str,
    columns: list[str],
    xlabel: str,
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> plt.Figure:
    """Return grouped vertical bars of `columns` per `label` (e.g. hedges and attributions per paragraph), each
    series named in its colour above the bars (in Arabic by its `names`, from the right)."""
    use_style()
    arabic = check_language(lang) == "ar"
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    width = 0.8 / len(columns)
    for i, column in enumerate(columns):
        positions = [x + (i - (len(columns) - 1) / 2) * width for x in range(len(data))]
        ax.bar(positions, data[column], width=width, color=PALETTE[i])
    ax.set_xticks(range(len(data)), [str(v) for v in data[label]])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(say(lang, "Markers", "العلامات"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    top = max(int(data[columns].to_numpy().max()), 1)
    ax.set_ylim(0, top * 1.25 + 0.5)
    for i, name in enumerate(shown_names(columns, names, lang)):
        x, ha = (0.99 - 0.22 * i, "right") if arabic else (0.01 + 0.22 * i, "left")
        ax.text(x, 0.97, f"■ {name}", transform=ax.transAxes, va="top", ha=ha, fontsize=9, color=PALETTE[i])
    return fig


def term_panels(scores: pd.DataFrame, glosses: dict[str, str], value: str = "z", lang: str = "en") -> plt.Figure:
    """Return one small bar panel per document of its top terms: the Arabic word (shaped by the renderer) with
    its English gloss beneath, or the Arabic alone if `glosses` has none or the figure is in Arabic (whose
    panels are read from the right). Above MAX_PANELS documents, the panels of the MAX_PANELS whose top term
    scores highest (the data keeps every document's terms)."""
    use_style()
    arabic = check_language(lang) == "ar"
    shown_of = scores["doc"].nunique()
    docs = highest_scoring(scores, MAX_PANELS, value)
    columns = min(3, len(docs))
    rows = -(-len(docs) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(7.5, 3.4 * rows), squeeze=False)
    slots = [row[::-1] if arabic else row for row in axes]
    slots = [ax for row in slots for ax in row]
    for ax in slots[len(docs) :]:
        ax.set_visible(False)
    for ax, doc in zip(slots, docs, strict=False):
        rows_of_doc = scores[scores["doc"] == doc].iloc[::-1]
        ax.barh(range(len(rows_of_doc)), rows_of_doc[value], color=SEED)
        ticks = [
            label(t) + (f"\n{textwrap.shorten(glosses[t], 18)}" if t in glosses and not arabic else "")
            for t in rows_of_doc["term"]
        ]
        ax.set_yticks(range(len(rows_of_doc)), ticks, fontsize=9)
        ax.set_title(doc, fontsize=10)
        ax.tick_params(axis="x", labelsize=8)
        if arabic:
            mirror(ax)
    scope = (
        ""
        if shown_of == len(docs)
        else say(
            lang,
            f" (the {len(docs)} of {shown_of} documents whose top word scores highest)",
            f" (الوثائق الـ{len(docs)} من {shown_of} التي تسجّل كلمتها الأولى أعلى درجة)",
        )
    )
    scale = say(
        lang, "Weighted log-odds (z) against the other documents", "لوغاريتم الأرجحية الموزون (z) مقابل الوثائق الأخرى"
    )
    fig.supxlabel(scale + scope, fontsize=10)
    fig.tight_layout()
    return fig


def cooccurrence_network(
    pairs: pd.DataFrame, mentions: pd.Series, names: dict[str, str]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Return a node-link drawing of a co-occurrence table (`text.cooccurrence`) and its edge list.

    Entities sit on a circle, the most mentioned at the top and the rest clockwise by mentions; a node's area
    grows with its mentions, a link's width with the paragraphs the two share, and the strongest links (at
    least a third of the strongest) carry their count. Each node is labelled with its name in `names` (the
    figure's language: the only words it draws).
    """
    use_style()
    order = list(pairs["entity"])
    edge_list = cooccurrence_edges(pairs)
    rank = {e: i for i, e in enumerate(order)}  # drawn in the table's order: later links over earlier ones
    edges = sorted(edge_list.itertuples(index=False, name=None), key=lambda e: (rank[e[0]], rank[e[1]]))
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
    return fig, edge_list


def cooccurrence_edges(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return the links of a co-occurrence table (`text.cooccurrence`): each pair of entities sharing paragraphs,
    with how many, the strongest first (ties by the entities' ids)."""
    order = list(pairs["entity"])
    matrix = pairs.set_index("entity")[order]
    edges = [(a, b, int(matrix.loc[a, b])) for i, a in enumerate(order) for b in order[i + 1 :] if matrix.loc[a, b] > 0]
    edge_list = pd.DataFrame(edges, columns=["entity_a", "entity_b", "paragraphs"])
    edge_list = edge_list.sort_values(["paragraphs", "entity_a", "entity_b"], ascending=[False, True, True])
    return edge_list.reset_index(drop=True)


def count_grid(
    table: pd.DataFrame, index: str, xlabel: str, lang: str = "en", names: dict[str, str] | None = None
) -> plt.Figure:
    """Return a shaded grid of counts with each count written in its cell. Above MAX_COUNT_COLUMNS columns or MAX_ROWS
    rows, the largest are drawn and the rest summed into one column (`fold_columns`) or dropped into a last row
    that sums the rest (`fold_rows`); the shading ignores the folded column, which is darkest. In Arabic, rows and
    columns are shown by their `names` (`shown_names`), the row labels on the right and the first column on the
    right."""
    use_style()
    arabic = check_language(lang) == "ar"
    width = len(table.columns) - 1
    table = fold_rows(fold_columns(table, index, MAX_COUNT_COLUMNS), index, MAX_ROWS, how="sum")
    values = table.drop(columns=index)
    counts = values.to_numpy(dtype=float)
    shaded = counts[:, :-1] if values.shape[1] < width else counts
    top = max(shaded.max() if shaded.size else 0, 1)
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * values.shape[1] + 1.4, 0.38 * len(table) + 1.6))
    ax.imshow(counts, cmap="Blues", aspect="auto", vmin=0, vmax=top)
    for (y, x), count in np.ndenumerate(counts):
        if count:
            ax.text(
                x,
                y,
                f"{int(count)}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if count > top / 2 else "black",
            )
    columns = shown_names(values.columns, names, lang)
    ax.set_xticks(range(values.shape[1]), [label(c) for c in columns], rotation=35, ha="right")
    ax.set_yticks(range(len(table)), [label(v) for v in shown_names(table[index], names, lang)])
    ax.set_xlabel(xlabel)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if arabic:
        mirror(ax)
    return fig


def spoken_names(found: pd.DataFrame, aliases: pd.DataFrame) -> dict[str, str]:
    """Return, for each entity of `found` (`text.names.mentions`), the name form the documents use for it most
    often (of its aliases of use 'name'; ties to the shorter, then the first in Arabic order): the Arabic label of
    a network's node, as the sources write it (الناتو rather than the glossary's full name)."""
    name_forms = aliases[aliases["use"] == "name"]
    names = set(zip(name_forms["entity"], name_forms["form_ar"], strict=True))
    named = found[[(e, f) in names for e, f in zip(found["entity"], found["form"], strict=True)]]
    counts = named.groupby(["entity", "form"]).size().reset_index(name="n")
    counts = counts.assign(length=counts["form"].str.len()).sort_values(
        ["entity", "n", "length", "form"], ascending=[True, False, True, True]
    )
    return dict(counts.drop_duplicates("entity")[["entity", "form"]].itertuples(index=False, name=None))
