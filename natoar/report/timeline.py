"""The book's timeline: every event labelled in place, seed events above the outside record, documents marked.

Labels are laid out in lanes, deterministically: items are taken latest first and each goes to the lowest lane
where its mark and label fit, to the right of the mark if they can, else to its left (latest first packs the
crowded years best: tried against earliest first and against labelling the middle years leftwards, it needs the
fewest lanes). Labels of the last years may run into a margin right of the time axis. The same data gives the
same drawing, byte for byte. The Arabic timeline (`lang="ar"`) labels every item from the data's `label_ar`
columns and runs left to right, as time axes do in Arabic publications too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path

from natoar.report.figures import CONTEXT, FONTS, PALETTE, SEED, use_style, words
from natoar.report.figuretext import join_names
from natoar.report.lang import check_language, counted
from natoar.report.partnermap import SHORT_AR
from natoar.text.dates import describe, parse_date

AXIS = 0.94  # the share of the width the axis takes
WIDTH = 7.5  # inches: the figure's width, and so the scale that label widths are measured against
LABEL_PT = 8.5  # the labels' font size, in points at the saved size
LANE_IN = 0.175  # the height of one lane, in inches
GAP_IN = 0.08  # the space kept between neighbours in a lane, in inches
PAD_IN = 0.07  # the space between a mark and its label, in inches
SPAN_MIN = 0.15  # years: a date spanning more than this is drawn as a bar, the label beyond its end
MARGIN = 4.0  # years: the room right of the time axis where the last labels may run
MARKERS = {"occurred": "o", "planned": "o", "claimed": "D"}  # planned and claimed marks are hollow
WRITTEN = PALETTE[3]
MAX_LANES = 30  # lanes of labels in a band; what does not fit is drawn unlabelled in one lane more
MAX_LABELLED_DOCUMENTS = 12  # above this, documents' writing dates are unlabelled marks in one lane


@dataclass(frozen=True)
class Item:
    """One thing on the timeline: where its mark goes (years), what its label says and how wide that is."""

    kind: str
    id: str
    label: str
    at: float
    start: float
    end: float
    width: float  # the label's width, in years at the figure's scale
    early: bool = False  # dated before the axis starts: drawn at its left edge

    def sides(self) -> dict[str, tuple[float, float]]:
        """Return what the item covers, mark and span and label, with its label right or left of its span."""
        return {"right": (self.start, self.end + self.width), "left": (self.start - self.width, self.end)}


def year(day: date) -> float:
    """Return a day as a fractional year."""
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def label_width(text: str, years_per_inch: float, size: float = LABEL_PT) -> float:
    """Return the width of `text` set at `size` points in the book's font, in years at `years_per_inch`."""
    width, _, _ = text_to_path.get_text_width_height_descent(text, FontProperties(family=FONTS, size=size), False)
    return (width / 72 + PAD_IN) * years_per_inch


def lanes(
    items: list[Item], gap: float, bounds: tuple[float, float], most: int = MAX_LANES
) -> list[tuple[int, str]]:
    """Return each item's lane (0 = nearest the axis) and side of its mark ('right' or 'left') for its label.

    Items are taken as given; each goes to the lowest lane where nothing it would cover, mark
    and span and label with `gap` to spare, is already taken, trying the label on the right before the left;
    a label never crosses `bounds` (the axis's ends) unless it fits on neither side. An item that fits in none
    of the `most` lanes goes, unlabelled (side 'none'), to one more lane beyond them: a large corpus keeps its
    figure within its size and its data keeps every item."""
    taken: list[list[tuple[float, float]]] = []
    placed = []
    for item in items:
        sides = item.sides()
        inside = {side: span for side, span in sides.items() if bounds[0] <= span[0] and span[1] <= bounds[1]}
        options = inside or sides
        for lane in range(len(taken) + 1):
            if lane == most:
                placed.append((most, "none"))
                break
            if lane == len(taken):
                taken.append([])
            free = [
                side
                for side, (left, right) in options.items()
                if all(right + gap <= a or b + gap <= left for a, b in taken[lane])
            ]
            if free:
                taken[lane].append(options[free[0]])
                placed.append((lane, free[0]))
                break
    return placed


def _items(rows: pd.DataFrame, kind: str, first: float, years_per_inch: float, lang: str = "en") -> list[Item]:
    items = []
    for row in rows.itertuples():
        span = parse_date(row.date)
        start, end = year(span.start), year(span.end)
        text = row.label if start >= first else f"{row.label} ({describe(row.date, lang)})"
        at = max(year(span.midpoint), first)
        early = year(span.end) < first
        start, end = (max(start, first), max(end, first)) if end - start > SPAN_MIN else (at, at)
        items.append(Item(kind, row.id, text, at, start, end, label_width(text, years_per_inch), early))
    return sorted(items, key=lambda i: (i.at, i.id), reverse=True)


def _draw_band(ax, items, placed, base: float, direction: int, colour: str, style, lang: str = "en") -> list[dict]:
    """Draw items in lanes above (`direction` 1) or below (-1) `base`; `style(item)` gives each mark's style."""
    rows = []
    for item, (lane, side) in zip(items, placed, strict=True):
        y = base + direction * (lane + 0.5)
        if item.end > item.start:
            ax.plot([item.start, item.end], [y, y], color=colour, lw=4, alpha=0.3, solid_capstyle="butt")
        ax.plot(item.at, y, ls="", zorder=3, clip_on=False, **(style(item) | ({"marker": "<"} if item.early else {})))
        pad = PAD_IN * (ax.get_xlim()[1] - ax.get_xlim()[0]) / (WIDTH * AXIS)
        if side == "none":
            rows.append({"id": item.id, "lane": lane, "label_side": "", "label": item.label})
            continue
        ax.text(
            item.end + pad if side == "right" else item.start - pad,
            y,
            item.label,
            ha="left" if side == "right" else "right",
            va="center",
            fontsize=LABEL_PT,
            color="#222222" if colour == SEED else "#444444",
            fontstyle="normal" if colour == SEED else "italic",
        )
        rows.append({"id": item.id, "lane": lane, "label_side": side, "label": item.label})
    unlabelled = [(lane, item) for item, (lane, side) in zip(items, placed, strict=True) if side == "none"]
    if unlabelled and len(unlabelled) < len(items):
        ax.text(
            ax.get_xlim()[0],
            base + direction * (unlabelled[0][0] + 0.5),
            words(
                lang,
                f"{len(unlabelled)} more, unlabelled (the figure's data names them)  ",
                f"  {len(unlabelled)} أخرى بلا تسميات (بيانات الشكل تذكرها)",
            ),
            ha="right",
            va="center",
            fontsize=LABEL_PT,
            color="#444444",
        )
    return rows


def context_events(context: pd.DataFrame) -> pd.DataFrame:
    """Return the outside-context rows that are events (`about` is `event`): facts about a publisher help judge a
    document but are not part of the story, so the timeline leaves them out."""
    return context[context["about"] == "event"]


def outside_context(context: pd.DataFrame, summits: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Return the outside record as timeline rows (id, date, label, label_ar): dated facts, summits, and partners
    joining a framework, one row per framework and date (naming the countries, or counting them when the names
    are too long for a label, with Morocco named when it is among them). `label_ar` is the Arabic label where the
    tables give one (`label_ar`, `name_ar`, `country_ar`), else empty."""
    joins = []
    for (framework, joined), group in partners.groupby(["framework", "joined"], sort=True):
        names, acronym = sorted(group["country_en"]), framework.upper()
        label = f"{', '.join(names)} join{'s' if len(names) == 1 else ''} the {acronym}"
        if len(label) > 40:
            label = f"{len(names)} states join the {acronym}" + (", Morocco among them" if "Morocco" in names else "")
        joins.append({"id": f"{framework}-joined-{joined}", "date": joined, "label": label, "label_ar": ""})
        if "country_ar" in group and (group["country_ar"].fillna("") != "").all() and framework in SHORT_AR:
            arabic = sorted(group["country_ar"])
            label_ar = f"انضمام {join_names(arabic, 'ar')} إلى {SHORT_AR[framework]}"
            if len(label_ar) > 40:
                states = counted(len(arabic), "دولة واحدة", "دولتين", "دول", "دولة")
                morocco = "، منها المغرب" if "Morocco" in names else ""
                label_ar = f"انضمام {states} إلى {SHORT_AR[framework]}{morocco}"
            joins[-1]["label_ar"] = label_ar
    columns = ["id", "date", "label", "label_ar"]
    rows = [
        context_events(context).reindex(columns=columns),
        summits.rename(columns={"start": "date", "name_en": "label", "name_ar": "label_ar"}).reindex(columns=columns),
        pd.DataFrame(joins, columns=columns),
    ]
    return pd.concat(rows, ignore_index=True).fillna({"label_ar": ""})


def _in_arabic(rows: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return `rows` labelled by their `label_ar`; raise ValueError naming the rows that have none."""
    missing = rows.loc[rows.get("label_ar", pd.Series("", index=rows.index)).fillna("") == "", "id"].tolist()
    if missing:
        raise ValueError(
            f"the Arabic timeline needs an Arabic label for every item; none for {', '.join(map(str, missing))} "
            f"({table}). Fix: fill label_ar (name_ar for summits, country_ar for partners)"
        )
    return rows.assign(label=rows["label_ar"])


def timeline(
    seed_events: pd.DataFrame,
    context: pd.DataFrame,
    documents: pd.DataFrame,
    first_year: int = 1993,
    lang: str = "en",
) -> tuple[plt.Figure, pd.DataFrame]:
    """Return the timeline and the data it draws: one row per event, outside fact and document.

    `seed_events` needs id, date, label, status and seed; `context` id, date and label; `documents` id and
    date_iso (when each was written). Seed events stand above the axis (blue circles, hollow when planned or
    claimed), outside context below it (grey squares, italic labels), each document's writing date is a dashed
    line labelled with its id; anything before `first_year` sits at the left edge with its date in its label.
    In Arabic (`lang="ar"`), the labels are the rows' `label_ar` (see `outside_context`) and the words are Arabic.
    """
    use_style()
    if check_language(lang) == "ar":
        seed_events = _in_arabic(seed_events, "data/events.csv")
        context = _in_arabic(context, "data/reference/context.csv, summits.csv or partners.csv")
    last = max(year(parse_date(d).end) for d in [*seed_events["date"], *context["date"], *documents["date_iso"]])
    left, right = float(first_year), float(int(last) + 1)
    years_per_inch = (right + MARGIN - left) / (WIDTH * AXIS)
    gap = GAP_IN * years_per_inch

    seeds = _items(seed_events, "seed", left, years_per_inch, lang)
    status = seed_events.set_index("id")["status"]
    facts = _items(context, "context", left, years_per_inch, lang)
    written = documents.rename(columns={"date_iso": "date"}).assign(label=documents["id"])
    docs = _items(written, "document", left, years_per_inch)
    bounds = (left, right + MARGIN)
    seed_lanes, fact_lanes = (lanes(i, gap, bounds) for i in (seeds, facts))
    doc_lanes = lanes(docs, gap, bounds, 0 if len(docs) > MAX_LABELLED_DOCUMENTS else MAX_LANES)
    n_seed = max(lane for lane, _ in seed_lanes) + 1
    n_fact = max(lane for lane, _ in fact_lanes) + 1
    n_doc = max(lane for lane, _ in doc_lanes) + 1

    height = LANE_IN * (n_seed + n_fact + n_doc + 2.5) + 0.9
    fig = plt.figure(figsize=(WIDTH, height))
    ax = fig.add_axes((0.03, 0.9 / height, AXIS, 1 - 1.0 / height))
    ax.set_xlim(left, right + MARGIN)
    ax.spines["bottom"].set_bounds(left, right)
    ax.set_xticks(range(int(left) + 5 - int(left) % 5, int(right) + 1, 5))
    top = n_seed + 1.0
    ax.set_ylim(-n_fact - 0.6, top + n_doc + 0.2)

    for doc in docs if len(docs) <= MAX_LABELLED_DOCUMENTS else []:
        ax.axvline(doc.at, color=WRITTEN, lw=0.9, ls=(0, (4, 3)), alpha=0.55, zorder=0)
    doc_rows = _draw_band(
        ax, docs, doc_lanes, top, 1, WRITTEN, lambda _: {"marker": "v", "color": WRITTEN, "ms": 5}, lang
    )

    def seed_style(item: Item) -> dict:
        kind = status[item.id]
        return {
            "marker": MARKERS[kind],
            "ms": 5,
            "mec": SEED,
            "mfc": SEED if kind == "occurred" else "white",
            "mew": 1.3,
        }

    seed_rows = [
        dict(row, status=status[row["id"]])
        for row in _draw_band(ax, seeds, seed_lanes, 0, 1, SEED, seed_style, lang)
    ]
    fact_rows = _draw_band(
        ax, facts, fact_lanes, 0, -1, CONTEXT, lambda _: {"marker": "s", "color": CONTEXT, "ms": 4.5}, lang
    )
    ax.plot([left, right], [0, 0], color="#555555", lw=0.8)
    ax.plot([left, right], [top - 0.1, top - 0.1], color="#dddddd", lw=0.6)

    margin = left - 0.01 * (right - left)
    for y, text, colour in [
        (n_seed / 2, words(lang, "In the documents\n(seed evidence)", "في الوثائق\n(أدلة المصادر)"), SEED),
        (-n_fact / 2, words(lang, "Outside context\n(public record)", "السياق الخارجي\n(السجل العام)"), "#555555"),
        (top + n_doc / 2, words(lang, "Written", "الكتابة"), WRITTEN),
    ]:
        ax.text(
            margin,
            y,
            text,
            rotation=90,
            ha="right",
            va="center",
            ma="center",
            fontsize=9,
            color=colour,
            fontweight="bold",
        )
    ax.set_yticks([])
    ax.spines[["left", "right", "top"]].set_visible(False)
    ax.tick_params(axis="x", labelsize=9)
    ax.grid(axis="x", color="#eeeeee", lw=0.6, zorder=-1)
    ax.set_xlabel(words(lang, "Year", "السنة"), fontsize=9)
    arabic = lang == "ar"
    ax.annotate(
        words(
            lang,
            "●  occurred     ○  planned     ◇  claimed     ■  outside context     ▼  a document written;"
            "  a bar spans the dates an event may have",
            "●  وقع     ○  مُزمَع     ◇  مُدّعى     ■  سياق خارجي     ▼  كتابة وثيقة؛"
            "  ويمتد الشريط على التواريخ المحتملة للحدث",
        ),
        (1 if arabic else 0, 1),
        xycoords="axes fraction",
        xytext=(0, 6),
        textcoords="offset points",
        ha="right" if arabic else "left",
        fontsize=8,
        color="#444444",
    )

    def frame(rows: list[dict], items: list[Item], kind: str, table: pd.DataFrame, date: str) -> pd.DataFrame:
        dates = table.set_index("id")[date]
        return pd.DataFrame(
            [dict(r, kind=kind, date=dates[i.id], drawn_at=round(i.at, 3)) for r, i in zip(rows, items, strict=True)]
        )

    data = pd.concat(
        [
            frame(doc_rows, docs, "document", documents, "date_iso"),
            frame(seed_rows, seeds, "seed", seed_events, "date").merge(
                seed_events[["id", "seed"]], on="id", how="left"
            ),
            frame(fact_rows, facts, "context", context, "date"),
        ],
        ignore_index=True,
    )
    columns = ["kind", "id", "date", "drawn_at", "label", "status", "seed", "lane", "label_side"]
    kinds = {"seed": 0, "context": 1, "document": 2}
    data = data.sort_values(["kind", "drawn_at", "id"], key=lambda c: c.map(kinds) if c.name == "kind" else c)
    return fig, data.reindex(columns=columns).fillna("").reset_index(drop=True)
