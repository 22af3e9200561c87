"""The Arabic edition's figures: each chart family drawn in Arabic puts its Arabic words on the image in reading
order (not reversed, not reshaped by hand), every chapter figure has its Arabic image, title and alt text, and
the Arabic alt text states the English one's numbers."""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from matplotlib.text import Text
from PIL import Image
from test_chart_scale import catalogue, ids  # noqa: F401 (fixtures: the 250-document corpus)
from test_figures import best_offset, chapter_figures, crop_columns

from natoar.report import charts, datapages, lang, partnermap, timeline
from natoar.report.chartscale import MAX_BARS
from natoar.report.figures import add_title, use_style
from natoar.report.figuretext import figure_text
from natoar.sources.book import load_book

ARABIC = re.compile(r"[\u0600-\u06FF]")
PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")  # what a hand reshaper writes


@pytest.fixture(scope="module")
def book():
    return load_book()


def _ink(fig: plt.Figure) -> np.ndarray:
    fig.canvas.draw()
    return _dark_grey(np.asarray(fig.canvas.buffer_rgba())[..., :3])


def _dark_grey(image: np.ndarray) -> np.ndarray:
    """Return where an RGB image is dark and without colour: the ink of text, not of bars, fills or nodes."""
    darkest, lightest = image.min(axis=2), image.max(axis=2)  # uint8: lightest - darkest cannot wrap around
    return (darkest < 160) & (lightest - darkest < 40)


def _saved_ink(fig: plt.Figure) -> tuple[np.ndarray, tuple[float, float]]:
    """Return the ink of `fig` saved as the book saves it (tight bounding box) and the display coordinates of the
    saved image's top-left corner."""
    buffer = io.BytesIO()
    pad = 0.1
    fig.savefig(buffer, format="png", dpi=fig.dpi, bbox_inches="tight", pad_inches=pad,
                pil_kwargs={"compress_level": 0})  # the same pixels, not compressed: read back at once
    tight = fig.get_tightbbox()
    image = np.asarray(Image.open(buffer).convert("RGB"))
    return _dark_grey(image), ((tight.x0 - pad) * fig.dpi, (tight.y1 + pad) * fig.dpi)


def _alone(text: str, like: Text, dpi: float) -> np.ndarray:
    """Return the ink of `text` set alone, horizontally, in `like`'s font and size, raw (matplotlib shapes it)."""
    fig = plt.figure(figsize=(12, 1.2), dpi=dpi)
    fig.text(0.5, 0.4, text, ha="center", va="baseline", fontproperties=like.get_fontproperties())
    ink = crop_columns(_ink(fig))
    plt.close(fig)
    rows = np.flatnonzero(ink.any(axis=1))
    return ink[rows[0] : rows[-1] + 1]


def assert_drawn_in_reading_order(
    fig: plt.Figure, text: str, artist: Text | None = None, tolerance: float = 0.4
) -> None:
    """Assert that `fig` draws the Arabic `text` as given (its first word to the right of its second), set
    horizontally, in logical order and not reshaped by hand: matplotlib 3.11 shapes and orders it. The text is
    looked for among the figure's texts, or is what `artist` draws; each of its first two words must be found in
    its ink with at most `tolerance` of mismatched ink (lines or outlines crossing a label add some)."""
    assert not PRESENTATION_FORMS.search(text)
    fig.set_dpi(300)  # fine enough that a word's ink does not depend on where its pixel grid falls
    if artist is None:
        fig.canvas.draw()
        found = [t for t in fig.findobj(Text) if t.get_text() == text and t.get_window_extent().width > 1]
        assert found, f"no text {text!r} in the figure: reversed, reshaped or missing"
        artist = found[0]
    ink, (left, top) = _saved_ink(fig)  # as saved: the whole drawing, labels beyond the axes' figure included
    box = artist.get_window_extent()
    rows = slice(max(int(top - box.y1) - 2, 0), int(top - box.y0) + 2)
    region = ink[rows, max(int(box.x0 - left) - 2, 0) : int(box.x1 - left) + 2]
    region = crop_columns(region)
    first, second = text.split()[:2]
    where = {}
    for word in (first, second):
        alone = _alone(word, artist, fig.dpi)
        rows = np.flatnonzero(region.any(axis=1))
        best = (np.inf, 0)
        for top in range(max(rows[-1] - alone.shape[0] + 2, 1)):  # slide vertically too: words differ in height
            window = region[top : top + alone.shape[0]]
            if window.shape[0] < alone.shape[0] or window.shape[1] < alone.shape[1]:
                continue
            x, miss = best_offset(window, alone)
            best = min(best, (miss, x))
        assert best[0] < tolerance, f"{word!r} is not drawn as set alone inside {text!r} (mismatch {best[0]:.2f})"
        where[word] = best[1]
    assert where[first] > where[second], f"{text!r}: the first word is drawn left of the second (reversed)"


@pytest.fixture(scope="module")
def drawn(book):
    """The Arabic drawing of each chart family from the book's data, with an Arabic text it must show."""
    tables, catalogue_ = book.tables, book.curated
    topics = lang.TOPICS
    matrix = pd.DataFrame({"topic": ["border-security", "migration"], "cable-2014": [1, 0], "wales-2014": [1, 1]})
    per_doc = pd.DataFrame({"topic": ["counter-terrorism", "maritime-security"], "rows": [4, 2]})
    markers = pd.DataFrame({"paragraph": [1, 2, 3], "hedges": [1, 0, 2], "attributions": [0, 1, 1]})
    themes = pd.DataFrame({"theme": ["russia-china", "sahel"], "cable-2014": [3, 0], "wales-2014": [1, 2]})
    lengths = pd.DataFrame({"doc": list(catalogue_["id"]), "paragraphs": 3, "words": 100, "characters": 600})
    scores = pd.DataFrame({"doc": ["cable-2014"] * 2, "term": ["الدفاعية", "المبادرة"], "z": [3.0, 2.0]})
    pairs = pd.DataFrame({"entity": ["nato", "usa"], "nato": [0, 3], "usa": [3, 0]})
    places = partnermap.map_memberships(
        tables["memberships"], tables["reference/partners"], tables["actors"], tables["frameworks"]
    )
    arabic = partnermap.arabic_names(tables["actors"], tables["reference/partners"])
    context = timeline.outside_context(
        tables["reference/context"], tables["reference/summits"], tables["reference/partners"]
    )
    event = tables["events"].set_index("id").loc["sept-11", "label_ar"]
    spec = datapages.PAGES["events"]
    return {
        "count_bars": (
            charts.count_bars(per_doc, "topic", "rows", "عدد المواضع", lang="ar", names=topics),
            "مكافحة الإرهاب",
        ),
        "presence_grid": (
            charts.presence_grid(matrix, "topic", "الوثيقة", labels=False, lang="ar", names=topics),
            "أمن الحدود",
        ),
        "count_grid": (charts.count_grid(themes, "theme", "الوثيقة", lang="ar", names=lang.THEMES), "روسيا والصين"),
        "paired_bars": (
            charts.paired_bars(markers, "paragraph", ["hedges", "attributions"], "فقرات الوثيقة", lang="ar"),
            "فقرات الوثيقة",
        ),
        "length_bars": (
            charts.length_bars(lengths, catalogue_, lang="ar")[0],
            "كلمات نص المقال (بعد حذف عناصر الموقع)",
        ),
        "dating_chart": (charts.dating_chart(catalogue_, lang="ar")[0], "الأحداث التي يصفها النص"),
        "membership_steps": (
            charts.membership_steps(tables["reference/nato_members"], catalogue_, lang="ar")[0],
            "الدول الأعضاء في الناتو (سياق خارجي)",
        ),
        "term_panels": (
            charts.term_panels(scores, {}, lang="ar"),
            "لوغاريتم الأرجحية الموزون (z) مقابل الوثائق الأخرى",
        ),
        "cooccurrence_network": (
            charts.cooccurrence_network(pairs, pd.Series({"nato": 5, "usa": 3}), {"usa": "الولايات المتحدة"})[0],
            "الولايات المتحدة (3)",
            0.6,
        ),
        "timeline": (timeline.timeline(tables["events"], context, catalogue_, lang="ar")[0], event),
        "partnership_map": (
            partnermap.partnership_map(places, partnermap.outlines(), lang="ar", names=arabic),
            "الصحراء الغربية",
            0.6,  # the disputed territory's outline crosses its name
        ),
        "data page": (
            datapages.per_document_chart("events", spec, tables["events"], book, lang="ar").drawing,
            "الأحداث من كل وثيقة",
        ),
    }


FAMILIES = [
    "count_bars",
    "presence_grid",
    "count_grid",
    "paired_bars",
    "length_bars",
    "dating_chart",
    "membership_steps",
    "term_panels",
    "cooccurrence_network",
    "timeline",
    "partnership_map",
    "data page",
]


@pytest.mark.drawing
@pytest.mark.parametrize("family", FAMILIES)
def test_an_arabic_figure_draws_its_arabic_words_in_reading_order(drawn, family):
    fig, text, *tolerance = drawn[family]
    assert_drawn_in_reading_order(fig, text, tolerance=tolerance[0] if tolerance else 0.4)


def test_every_chart_family_has_an_arabic_glyph_order_test():
    assert {f for f in FAMILIES if f not in ("partnership_map", "data page")} == charts_listed()


def charts_listed() -> set[str]:
    from test_chart_scale import CHART_FUNCTIONS

    return set(CHART_FUNCTIONS)


def test_a_title_in_arabic_is_flush_right_and_in_order():
    use_style()
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    add_title(fig, "عدد الكلمات في كل وثيقة", "ar")
    title = fig.texts[-1]
    assert title.get_ha() == "right"
    assert_drawn_in_reading_order(fig, "عدد الكلمات في كل وثيقة")
    plt.close(fig)


def test_the_order_check_fails_on_reversed_or_reshaped_words():
    use_style()
    fig, ax = plt.subplots()
    swapped = ax.set_xlabel("الحدود أمن")  # the words in visual order, as a reshaper's recipe would pass them
    with pytest.raises(AssertionError, match="first word is drawn left"):
        assert_drawn_in_reading_order(fig, "أمن الحدود", artist=swapped)
    with pytest.raises(AssertionError, match="no text"):
        assert_drawn_in_reading_order(fig, "أمن الحدود")
    plt.close(fig)


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"(?<![A-Za-z0-9-])\d+(?![A-Za-z0-9-])", text))  # not inside an id


def test_every_chapter_figure_has_an_arabic_image_title_and_alt_text_with_the_same_numbers(root):
    names = chapter_figures(root)
    assert len(names) == 11
    for name in names:
        assert (root / "chapters" / "figures" / f"{name}.ar.png").is_file(), name
        data = pd.read_csv(root / "chapters" / "figures" / f"{name}.csv", keep_default_na=False)
        english, arabic = figure_text(name, data), figure_text(name, data, "ar")
        for text in (arabic.title, arabic.alt):
            assert len(ARABIC.findall(text)) > 2 * len(re.findall(r"[A-Za-z]", re.sub(r"\S*\d\S*", "", text))), text
        stated = set(_numbers(english.alt)) - {"1", "2"}  # 1 and 2 are words in Arabic (وثيقة واحدة، وثيقتان)
        assert stated <= set(_numbers(arabic.alt)) <= set(_numbers(english.alt)), (name, english.alt, arabic.alt)


def test_each_chapter_figure_cell_shows_both_images_each_marked_with_its_language(root):
    shown = {}
    for path in sorted((root / "chapters").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or "show_figure(" not in cell.source:
                continue
            images = [o.get("metadata", {}).get("image/png", {}) for o in cell.get("outputs", [])]
            images = [m for m in images if m]
            assert len(images) == 1, path  # one output: one numbered figure, its caption given once
            arabic = images[0]["editions"]["ar"]
            shown[f"{path.stem}: {arabic['alt'][:30]}"] = images[0]["lang"]
            assert ARABIC.search(arabic["alt"]) and arabic["width"] > 300 and arabic["png"].startswith("iVBOR"), path
    assert len(shown) == 11 and set(shown.values()) == {"en"}, shown


@pytest.mark.scale
def test_the_lengths_alt_text_describes_strips_above_max_bars(catalogue):  # noqa: F811
    lengths = pd.DataFrame(
        {"doc": catalogue["id"], "paragraphs": 5, "words": range(100, 100 + len(catalogue)), "characters": 900}
    )
    assert len(lengths) > MAX_BARS
    for language in ("en", "ar"):
        fig, data = charts.length_bars(lengths, catalogue, lang=language)
        assert not fig.axes[0].patches  # dots per genre, no bar per document
        plt.close(fig)
        alt = figure_text("sources-length", data, language).alt
        assert ("Strip chart" in alt and "bar chart" not in alt) if language == "en" else "مخطط نقطي" in alt
    few = lengths.head(5).merge(catalogue[["id", "genre"]], left_on="doc", right_on="id")
    assert figure_text("sources-length", few).alt.startswith("Horizontal bar chart")


def test_each_edition_shows_its_own_figures(built, html):
    from natoar.build.pdf import all_pages

    figures = {"en": 0, "ar": 0}
    for name in all_pages(built):
        for language, page in (("en", html / f"{name}.html"), ("ar", html / "ar" / f"{name}.html")):
            images = re.findall(r"<img [^>]*>", page.read_text(encoding="utf-8"))
            other = "ar" if language == "en" else "en"
            assert not [i for i in images if f"lang-{other}" in i], (language, name)
            data_pngs = re.findall(r'src="[^"]*_images/(data-[\w.-]+\.png)"', " ".join(images))
            assert all(p.endswith(".ar.png") == (language == "ar") for p in data_pngs), (language, name, data_pngs)
            arabic_alt = [i for i in images if re.search(r'alt="[^"]*[\u0600-\u06FF]', i)]
            figures[language] += len(arabic_alt) if language == "ar" else len(images) - len(arabic_alt)
    assert figures["ar"] >= 11 + 11 and figures["en"] >= 11 + 11  # every chapter figure and Data page chart
