"""The partnership map: which Arab and Mediterranean states the sources place in which NATO framework.

The basemap is the country outlines that the `countryinfo` package ships with its data (GeoJSON polygons of
low resolution, one file per country inside the wheel), read through its documented `geo_json()` and `latlng()`;
nothing is downloaded at build or run time. Why this package: no package on PyPI ships Natural Earth's polygons
as an interface (cartopy and geodatasets download them on first use; pyogrio carries a copy only as a test
fixture; basemap's data are border lines, not polygons), and countryinfo is pure Python with no dependencies.
Its outlines are coarse: Bahrain has none and is drawn as a point, at the package's own coordinates.

The map is drawn in either edition's language (`lang`): the Arabic one names the countries by their Arabic names
(`arabic_names`) and the frameworks by the short Arabic names of SHORT_AR; the geography is the same.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import matplotlib.patheffects as pe
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Polygon, Rectangle

from natoar.report.figures import PALETTE, use_style, words
from natoar.report.lang import VALUES, check_language

BASEMAP = "countryinfo"
EXTENT = (-27.0, 62.0, 11.0, 50.5)  # longitude west and east, latitude south and north, in degrees
FILLED = {"md": PALETTE[1], "ici": PALETTE[2]}  # the regional fora, one colour each
MARKED = ("dcb", "interoperability")  # instruments shown by a mark and a word
SMALL_KM2 = 150_000  # countries smaller than this, south of CALLOUT_NORTH, are labelled in a column with a leader
CALLOUT_NORTH = 36.0
LABEL_PT = 8.0
# Degrees kept free beside (x) and above and below (y) a label placed on its country, so that no two labels side by
# side read as one line.
LABEL_GAP = (4.0, 0.6)
EVIDENCE = ("stated", "planned", "claimed", "outside context")
# The map's Arabic words: the frameworks it shows, by short names (the key gives them in full), roles and evidence.
SHORT_AR = {
    "md": "الحوار المتوسطي",
    "ici": "مبادرة إسطنبول",
    "dcb": "بناء القدرات الدفاعية",
    "interoperability": "التكامل",
}
EVIDENCE_AR = {"stated": "", "outside context": " (سجل الناتو)", "planned": " (مُزمَع)", "claimed": " (مُدّعى)"}


class BasemapMissingError(ImportError):
    """The package that ships the map's country outlines is not installed."""


def _countryinfo():
    try:
        from countryinfo import CountryInfo
    except ImportError as err:
        raise BasemapMissingError(
            f"the partnership map needs the basemap package '{BASEMAP}' (pinned in requirements.txt): run "
            f"`make book`, or `.venv/bin/python -m pip install -r requirements.txt`"
        ) from err
    return CountryInfo


def outlines() -> dict[str, list[np.ndarray]]:
    """Return every country outline the basemap package ships that reaches into the map, by English name."""
    country_info = _countryinfo()
    west, east, south, north = EXTENT
    shapes: dict[str, list[np.ndarray]] = {}
    for _, info in sorted(country_info.all().items()):
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            for polygon in polygons:
                ring = np.asarray(polygon[0], dtype=float)
                if (
                    ring[:, 0].max() >= west
                    and ring[:, 0].min() <= east
                    and ring[:, 1].max() >= south
                    and (ring[:, 1].min() <= north)
                ):
                    shapes.setdefault(info["name"], []).append(ring)
    return shapes


def place(name: str) -> tuple[str, float, float, float]:
    """Return the basemap's English name, longitude, latitude and area (km²) for a country name."""
    info = _countryinfo()(name)
    lat, lon = info.latlng()
    return info.name(), float(lon), float(lat), float(info.area() or 0)


def map_memberships(
    memberships: pd.DataFrame, partners: pd.DataFrame, actors: pd.DataFrame, frameworks: pd.DataFrame
) -> pd.DataFrame:
    """Return one row per country and framework the map shows, with the role, the evidence and where it is.

    Seed rows (data/memberships.csv) keep their status: stated, planned or claimed. Partners that only NATO's
    own record names (data/reference/partners.csv) are added as 'outside context', for the fora alone."""
    shown = memberships[memberships["framework"].isin([*FILLED, *MARKED])]
    names = actors.set_index("id")["name_en"]
    rows = [
        {
            "country": r.country,
            "name": names[r.country],
            "framework": r.framework,
            "role": r.role,
            "evidence": r.status,
            "source": f"{r.seed} ¶{r.paragraph}",
        }
        for r in shown.itertuples()
    ]
    stated = {(r["name"], r["framework"]) for r in rows}
    rows += [
        {
            "country": _partner_id(r),
            "name": r.country_en,
            "framework": r.framework,
            "role": "partner",
            "evidence": "outside context",
            "source": r.source_title,
        }
        for r in partners.fillna("").itertuples()
        if r.framework in FILLED and (r.country_en, r.framework) not in stated
    ]
    table = pd.DataFrame(rows)
    located = [place(n) for n in table["name"]]
    table["name"] = [p[0] for p in located]
    table["lon"], table["lat"], table["area_km2"] = ([p[i] for p in located] for i in (1, 2, 3))
    acronyms = frameworks.set_index("id")["acronym"].fillna("")
    table["acronym"] = [acronyms.get(f, "") or f for f in table["framework"]]
    order = {e: i for i, e in enumerate(EVIDENCE)}
    table = table.sort_values(
        ["name", "framework", "role"], key=lambda c: c.map(order) if c.name == "evidence" else c
    ).reset_index(drop=True)
    return table[["country", "name", "framework", "acronym", "role", "evidence", "source", "lon", "lat", "area_km2"]]


def _describe_country(rows: pd.DataFrame, names: dict[str, str] | None = None) -> str:
    """Return a country's label: its name, then its frameworks and roles, with what the evidence is; in Arabic
    with the countries' Arabic `names`."""
    if names is not None:
        return _describe_country_ar(rows, names)
    parts = []
    for (framework, acronym), group in rows.groupby(["framework", "acronym"], sort=False):
        roles = list(dict.fromkeys(group["role"]))
        extra = [r for r in roles if r != "partner"]
        if framework in MARKED:
            parts.append(f"{'★' if 'beneficiary' in roles else '☆'} {acronym} {', '.join(extra)}".strip())
            continue
        text = acronym + (f" {', '.join(extra)}" if extra and "partner" not in roles else "")
        text += f", {', '.join(extra)}" if extra and "partner" in roles else ""
        evidence = group["evidence"].iloc[0]
        parts.append(text + {"stated": "", "outside context": " (NATO record)"}.get(evidence, f" ({evidence})"))
    return "\n".join([rows["name"].iloc[0], *parts])


def _describe_country_ar(rows: pd.DataFrame, names: dict[str, str]) -> str:
    country = rows["country"].iloc[0]
    if country not in names:
        raise KeyError(
            f"no Arabic name for {country}. Fix: fill name_ar in data/actors.csv or country_ar in "
            "data/reference/partners.csv"
        )
    parts = []
    for framework, group in rows.groupby("framework", sort=False):
        roles = list(dict.fromkeys(group["role"]))
        extra = "، ".join(VALUES["role"].get(r, r) for r in roles if r != "partner")
        if framework in MARKED:
            parts.append(
                f"{'★' if 'beneficiary' in roles else '☆'} {SHORT_AR[framework]}" + (f": {extra}" if extra else "")
            )
            continue
        evidence = group["evidence"].iloc[0]
        parts.append(
            SHORT_AR[framework] + (f": {extra}" if extra else "") + EVIDENCE_AR.get(evidence, f" ({evidence})")
        )
    return "\n".join([names[country], *parts])


def _overlap(box, boxes, pad: tuple[float, float]) -> float:
    """Return the area `box`, grown by `pad` (beside, above and below), shares with `boxes`: 0 when it is free."""
    dx, dy = pad
    return sum(
        max(0.0, min(box.x1 + dx, b.x1) - max(box.x0 - dx, b.x0))
        * max(0.0, min(box.y1 + dy, b.y1) - max(box.y0 - dy, b.y0))
        for b in boxes
    )


def _column(lon: float) -> str:
    """Return the column a called-out label goes to: the Atlantic, the eastern Mediterranean or the Gulf's east."""
    return "atlantic" if lon < 0 else "levant" if lon < 40 else "gulf"


def _draw_labels(ax, table: pd.DataFrame, names: dict[str, str] | None = None) -> None:
    """Label every country of `table` without overlap: Morocco, and small countries in the Levant and the Gulf,
    in a column beside them with a leader line; the others on the country or, if that is taken, at the first
    free place of a fixed list of shifts. Placement depends only on the data and the fonts."""
    halo = [pe.withStroke(linewidth=2.5, foreground="white")]
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    placed = []

    def box(text):
        return text.get_window_extent(renderer).transformed(to_data)

    groups = sorted(table.groupby("name", sort=True), key=lambda g: (g[1]["country"].iloc[0] != "morocco", g[0]))
    callouts, in_place = [], []
    for name, rows in groups:
        lon, lat, area = rows["lon"].iloc[0], rows["lat"].iloc[0], rows["area_km2"].iloc[0]
        morocco = rows["country"].iloc[0] == "morocco"
        text = ax.text(
            lon,
            lat,
            _describe_country(rows, names),
            ha="center",
            va="center",
            ma="center",
            path_effects=halo,
            zorder=5,
            fontsize=LABEL_PT + (1 if morocco else 0),
            fontweight="bold" if morocco else "normal",
        )
        small = area < SMALL_KM2 and lat < CALLOUT_NORTH
        (callouts if small or morocco else in_place).append((lat, lon, name, text))
    columns = {"atlantic": (-1, -11.0, 33.5), "levant": (-1, 31.0, 34.0), "gulf": (1, 57.5, 22.5)}
    for column_name, (side, column, floor) in columns.items():
        last = -math.inf
        mine = [c for c in callouts if _column(c[1]) == column_name]
        for lat, lon, _, text in sorted(mine, key=lambda c: (c[0], c[2])):
            text.set_ha("left" if side == 1 else "right")
            text.set_multialignment("left" if side == 1 else "right")
            half = box(text).height / 2
            y = max(lat, floor, last + half + 0.4)
            last = y + half
            text.set_position((column, y))
            ax.plot([lon, column - side * 0.3], [lat, y], color="#555555", lw=0.6, zorder=4)
            placed.append(box(text))
    shifts = [(0, 0), (0, -2.2), (0, 2.2), (3, 0), (-3, 0), (0, -4.4), (0, 4.4), (4, -2.2), (-4, -2.2)]
    # wider labels (Arabic) go further
    shifts += [(dx, dy) for dy in (-4.4, -6.6, 4.4, 6.6, -8.8) for dx in (-6, 6, -9, 9)]
    for lat, lon, _, text in in_place:
        # the first free place, or, when none is, the one that covers the least of the labels already placed
        crowded = []
        for dx, dy in shifts:
            text.set_position((lon + dx, lat + dy))
            crowded.append(_overlap(box(text), placed, LABEL_GAP))
            if not crowded[-1]:
                break
        else:
            dx, dy = shifts[crowded.index(min(crowded))]
            text.set_position((lon + dx, lat + dy))
        placed.append(box(text))


def _patch(ax, country: str, ring: np.ndarray, **style) -> None:
    """Draw one outline of `country`, tagged with its name (the artist's gid)."""
    ax.add_patch(Polygon(ring, closed=True, gid=country, **style))


def _clip_disputed(ax, rings: list[np.ndarray]) -> None:
    """Keep whatever is drawn for Morocco north of Western Sahara's northern edge, where the basemap's Morocco
    outline, which takes in Western Sahara, overlaps the separate Western Sahara outline."""
    if not rings:
        return
    border = max(ring[:, 1].max() for ring in rings)
    west, east, _, north = EXTENT
    keep = Rectangle((west - 10, border), east - west + 20, north - border + 10, transform=ax.transData)
    for patch in ax.patches:
        if patch.get_gid() == "Morocco":
            patch.set_clip_path(keep)


def partnership_map(
    table: pd.DataFrame, shapes: dict[str, list[np.ndarray]], lang: str = "en", names: dict[str, str] | None = None
) -> plt.Figure:
    """Return the map of `map_memberships` rows over the basemap `shapes` (from `outlines`).

    The Mediterranean Dialogue and the Istanbul initiative fill their partners in one colour each: solid where a
    seed states it, pale and hatched where only NATO's own record does, hatched on white where a seed only plans
    or claims it. Capacity building is a star (filled for a beneficiary, hollow for a candidate); Morocco is
    outlined in black; every labelled country says in words what the colours say. In Arabic (`lang="ar"`), the
    countries are labelled by their `names` (`arabic_names`) and the key is in Arabic, flush right."""
    use_style()
    arabic = check_language(lang) == "ar"
    if arabic and names is None:
        raise ValueError("the Arabic map needs the countries' Arabic names: pass names=arabic_names(...)")
    west, east, south, north = EXTENT
    aspect = 1 / math.cos(math.radians((south + north) / 2))
    fig, ax = plt.subplots(figsize=(7.5, 7.5 * (north - south) * aspect / (east - west) + 0.6))
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(aspect)
    ax.apply_aspect()
    for name in sorted(shapes):
        for ring in shapes[name]:
            _patch(ax, name, ring, fc="#ededed", ec="white", lw=0.6, zorder=1)
    fills = table[table["framework"].isin(FILLED) & (table["role"] == "partner")]
    for row in fills.itertuples():
        colour = FILLED[row.framework]
        style = {
            "stated": {"fc": colour, "ec": "white", "alpha": 0.9},
            "outside context": {"fc": colour + "55", "ec": colour, "hatch": "////"},
        }.get(row.evidence, {"fc": "white", "ec": colour, "hatch": "...."})
        for ring in shapes.get(row.name, []):
            _patch(ax, row.name, ring, lw=0.6, zorder=2, **style)
        if row.name not in shapes:
            ax.plot(row.lon, row.lat, "o", ms=6, mfc=style["fc"], mec=colour, zorder=3)
    others = table[table["framework"].isin(FILLED) & (table["role"] != "partner")]
    for row in others.itertuples():
        for ring in shapes.get(row.name, []):
            _patch(ax, row.name, ring, fc="none", ec=FILLED[row.framework], lw=1.4, ls="--", zorder=3)
    disputed, lon, lat, _ = place("Western Sahara")
    ax.text(
        lon,
        lat,
        words(lang, disputed, "الصحراء الغربية"),
        ha="center",
        va="center",
        fontsize=8,
        fontstyle="italic",
        color="#666666",
        zorder=5,
        path_effects=[pe.withStroke(linewidth=2.5, foreground="white")],  # legible across the dashed border
    )
    for ring in shapes.get(disputed, []):
        _patch(ax, disputed, ring, fc="#f7f7f7", ec="#777777", lw=0.9, ls=(0, (3, 2)), zorder=3)
    for ring in shapes.get("Morocco", []):
        _patch(ax, "Morocco", ring, fc="none", ec="black", lw=1.8, zorder=4)
    _clip_disputed(ax, shapes.get(disputed, []))
    _draw_labels(ax, table, names if arabic else None)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(True)
        side.set_color("#bbbbbb")
    key = (
        "MD Mediterranean Dialogue (orange), ICI Istanbul Cooperation Initiative (green): solid where a seed states\n"
        "the membership, hatched where only NATO's own record does.  ★ DCB beneficiary   ☆ DCB candidate.\n"
        f"Outlines: the '{BASEMAP}' package. Western Sahara, whose status is disputed, is drawn apart (dashed)."
    )
    if arabic:
        key = (
            "الحوار المتوسطي (بالبرتقالي)، مبادرة إسطنبول للتعاون (بالأخضر): لون مصمت حيث يذكر مصدرٌ العضوية،\n"
            "وتظليل مخطَّط حيث لا يذكرها إلا سجل الناتو نفسه.  ★ مستفيد من مبادرة تعزيز القدرات الدفاعية   ☆ مرشح لها.\n"
            f"الحدود: حزمة '{BASEMAP}'. الصحراء الغربية، المتنازع على وضعها، مرسومة على حدة (بخط متقطع)."
        )
    ax.text(
        *((1, -0.02) if arabic else (0, -0.02)),
        key,
        transform=ax.transAxes,
        ha="right" if arabic else "left",
        va="top",
        fontsize=8,
        color="#333333",
        ma="right" if arabic else "left",
    )
    return fig


def _partner_id(row: object) -> str:
    """Return the id a partner of data/reference/partners.csv has on the map: its actor id, else its name's slug."""
    return row.actor or row.country_en.lower().replace(" ", "-")


def arabic_names(actors: pd.DataFrame, partners: pd.DataFrame) -> dict[str, str]:
    """Return the Arabic name of every country the map can show, by its id on the map (for `countries`)."""
    names = {k: v for k, v in zip(actors["id"], actors["name_ar"], strict=True) if isinstance(v, str) and v}
    return names | {_partner_id(r): r.country_ar for r in partners.fillna("").itertuples()}


def countries(
    table: pd.DataFrame,
    framework: str,
    roles: Iterable[str],
    evidence: Iterable[str],
    names: dict[str, str] | None = None,
) -> list[str]:
    """Return the countries with a row for `framework` in one of `roles` and of one of the kinds of `evidence`:
    their map names, or their names in `names` (by country id, e.g. the Arabic names of `lang.names`)."""
    rows = table[
        (table["framework"] == framework) & table["role"].isin(list(roles)) & table["evidence"].isin(list(evidence))
    ]
    if names is not None:
        missing = sorted(set(rows["country"]) - set(names))
        if missing:
            raise KeyError(f"no name for {', '.join(missing)}. Fix: fill name_ar in data/actors.csv")
        return sorted({names[c] for c in rows["country"]})
    return sorted(set(rows["name"]))
