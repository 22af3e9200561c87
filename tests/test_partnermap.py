"""The partnership map: built from the memberships and NATO's record, on a basemap a package ships."""

import itertools
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from natoar.report import partnermap
from natoar.sources.book import load_book


@pytest.fixture(scope="module")
def places():
    tables = load_book().tables
    return partnermap.map_memberships(
        tables["memberships"], tables["reference/partners"], tables["actors"], tables["frameworks"]
    )


def test_seed_statements_are_kept_apart_from_nato_s_own_record(places):
    morocco = places[places["country"] == "morocco"].set_index("framework")
    assert morocco.loc["dcb", ["role", "evidence"]].tolist() == ["candidate", "stated"]
    assert morocco.loc["md", ["role", "evidence"]].tolist() == ["partner", "outside context"]
    # a partner a seed names is never repeated from the outside record
    assert not places.duplicated(["name", "framework", "role"]).any()
    assert set(places["evidence"]) <= set(partnermap.EVIDENCE)


def test_places_come_from_the_basemap_package(places):
    from countryinfo import CountryInfo

    lat, lon = CountryInfo("Morocco").latlng()
    row = places[places["country"] == "morocco"].iloc[0]
    assert (row["lon"], row["lat"]) == (lon, lat)


def fills(fig, name):
    return [p for p in fig.axes[0].patches if p.get_gid() == name and p.get_zorder() == 2]


def test_a_claimed_or_planned_membership_looks_different_from_a_stated_one():
    rows = pd.DataFrame(
        {
            "country": ["egypt", "tunisia", "algeria", "libya"],
            "name": ["Egypt", "Tunisia", "Algeria", "Libya"],
            "framework": ["md"] * 4,
            "acronym": ["MD"] * 4,
            "role": ["partner"] * 4,
            "evidence": ["stated", "claimed", "planned", "outside context"],
            "source": ["s"] * 4,
            "lon": [30.0, 9.0, 3.0, 17.0],
            "lat": [27.0, 34.0, 28.0, 25.0],
            "area_km2": [1e6] * 4,
        }
    )
    fig = partnermap.partnership_map(rows, partnermap.outlines())
    looks = {
        name: (mcolors.to_hex(p.get_facecolor(), keep_alpha=True), p.get_hatch())
        for name in rows["name"]
        for p in fills(fig, name)
    }
    assert looks["Egypt"][1] is None and looks["Tunisia"][1] and looks["Libya"][1]
    assert len({looks["Egypt"], looks["Tunisia"], looks["Libya"]}) == 3
    labels = {t.get_text().split("\n")[0]: t.get_text() for t in fig.axes[0].texts}
    assert "(claimed)" in labels["Tunisia"] and "(planned)" in labels["Algeria"] and "(NATO record)" in labels["Libya"]
    plt.close(fig)


def test_morocco_is_outlined_and_no_two_labels_overlap(places):
    fig = partnermap.partnership_map(places, partnermap.outlines())
    ax = fig.axes[0]
    assert any(p.get_gid() == "Morocco" and mcolors.to_hex(p.get_edgecolor()) == "#000000" for p in ax.patches)
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts if t.get_text().strip()]
    assert len(boxes) >= places["name"].nunique()
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    plt.close(fig)


def test_a_missing_basemap_package_is_named_in_the_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "countryinfo", None)
    with pytest.raises(partnermap.BasemapMissingError, match=r"basemap package 'countryinfo'.*requirements\.txt"):
        partnermap.outlines()


@pytest.mark.drawing
def test_the_map_and_the_timeline_stay_legible_at_phone_width(places):
    """No text under 8 points on a drawing at most 8 inches wide: a phone shows it at least half size."""
    from natoar.report import timeline

    book = load_book()
    tables = book.tables
    context = timeline.outside_context(
        tables["reference/context"], tables["reference/summits"], tables["reference/partners"]
    )
    drawings = [
        partnermap.partnership_map(places, partnermap.outlines()),
        timeline.timeline(tables["events"], context, book.catalogue)[0],
    ]
    for fig in drawings:
        fig.canvas.draw()
        texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip() and t.get_visible()]
        assert min(t.get_fontsize() for t in texts) >= 8
        assert fig.get_tightbbox().width <= 8.0
        plt.close(fig)
