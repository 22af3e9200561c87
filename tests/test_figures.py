"""Figures: the house style, the save step, and the order in which Arabic glyphs are drawn."""

import hashlib
import re

import matplotlib
import nbformat

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from natoar.report.figures import FONTS, add_title, label, save_figure, use_style
from natoar.report.figuretext import TEXTS, FigureText, UndescribedFigureError, figure_text


def ink(text: str, fontsize: int = 40) -> np.ndarray:
    """Render `text` through the figure style's label() and return a boolean ink mask (full height, same baseline)."""
    use_style()
    fig = plt.figure(figsize=(8, 1.5), dpi=100)
    fig.text(0.5, 0.3, label(text), ha="center", va="baseline", fontsize=fontsize, family=FONTS)
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., 0] < 128
    plt.close(fig)
    return pixels


def crop_columns(mask: np.ndarray) -> np.ndarray:
    cols = np.flatnonzero(mask.any(axis=0))
    return mask[:, cols[0] : cols[-1] + 1]


def best_offset(whole: np.ndarray, part: np.ndarray) -> tuple[int, float]:
    """Return the x offset where `part` best matches `whole`, and the share of mismatched ink there."""
    width = part.shape[1]
    scores = [np.count_nonzero(whole[:, x : x + width] ^ part) for x in range(whole.shape[1] - width + 1)]
    x = int(np.argmin(scores))
    return x, scores[x] / max(np.count_nonzero(part), 1)


def test_first_letter_drawn_rightmost():
    # Lam followed by tatweel: a tall stroke, then a flat line. Read right to left, the lam is on the right.
    mask = crop_columns(ink("لـــــــــــ"))
    heights = mask.sum(axis=0)
    tallest = int(np.argmax(heights))
    assert tallest > mask.shape[1] * 0.7, "the lam is not at the right end: Arabic drawn left to right or reversed"


def test_first_word_drawn_to_the_right_of_second():
    first, second = "الناتو", "المغرب"
    whole = crop_columns(ink(f"{first} {second}"))
    x1, miss1 = best_offset(whole, crop_columns(ink(first)))
    x2, miss2 = best_offset(whole, crop_columns(ink(second)))
    assert miss1 < 0.1 and miss2 < 0.1, "the words are not drawn the same inside the phrase"
    assert x1 > x2, "the first word is on the left: the label is reversed"


def test_letters_are_joined():
    # Shaped, four behs join into one connected word narrower than four isolated behs side by side.
    joined = crop_columns(ink("بببب")).shape[1]
    isolated = crop_columns(ink("ب ب ب ب")).shape[1]
    assert joined < isolated * 0.75


def test_save_figure_writes_png_and_csv_deterministically(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "seeds").mkdir()
    data = pd.DataFrame({"doc": ["b", "a"], "words": [2, 1]})
    digests = []
    for _ in range(2):
        use_style()
        fig, ax = plt.subplots()
        ax.bar(data["doc"], data["words"])
        ax.set_title(label("عدد الكلمات"))
        shown = save_figure(fig, "words", data, root=tmp_path, text=FigureText("Words per document", "Two bars."))
        digests.append(hashlib.sha256(shown.data).hexdigest())
    png = tmp_path / "chapters" / "figures" / "words.png"
    assert digests[0] == digests[1] == hashlib.sha256(png.read_bytes()).hexdigest()  # shown is what is saved
    assert not plt.fignum_exists(fig.number)  # closed, so the notebook's inline backend draws nothing twice
    assert b"Software" not in png.read_bytes()[:200]
    # displayed at the size a figure.dpi drawing would have: 2/3 of the 144-dpi file's width
    assert shown.width == round(int.from_bytes(png.read_bytes()[16:20], "big") * 96 / 144)
    assert (tmp_path / "chapters" / "figures" / "words.csv").read_text() == "doc,words\nb,2\na,1\n"
    assert shown.metadata == {"alt": "Two bars.", "lang": "en"}  # travels with the output (natoar.build.render)


def test_a_figure_without_a_title_and_alt_text_cannot_be_saved(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "seeds").mkdir()
    fig, _ = plt.subplots()
    with pytest.raises(UndescribedFigureError, match="figure 'nameless' has no title or alt text: add an entry"):
        save_figure(fig, "nameless", pd.DataFrame({"a": [1]}), root=tmp_path)
    plt.close(fig)


def chapter_figures(root) -> list[str]:
    """Return the names of the figures the chapters show (`show_figure(<draw>, "<name>", ...)`)."""
    cells = [
        cell.source
        for nb in sorted((root / "chapters").glob("*.ipynb"))
        for cell in nbformat.read(nb, as_version=4).cells
        if cell.cell_type == "code" and "show_figure(" in cell.source
    ]
    return sorted({m for source in cells for m in re.findall(r'\),\s*"([\w-]+)"', source)})


def test_every_figure_a_chapter_saves_has_a_title_and_alt_text(root):
    names = chapter_figures(root)
    assert "timeline" in names and "architecture-map" in names
    assert sorted(TEXTS) == names  # no figure without its text, no text without its figure
    for name in names:
        data = pd.read_csv(root / "chapters" / "figures" / f"{name}.csv", keep_default_na=False)
        text = figure_text(name, data)
        assert 20 <= len(text.title) <= 110, (name, text.title)
        assert len(text.alt) >= 60 and not re.search(r"\.(png|csv)\b", text.alt), (name, text.alt)


def test_a_long_title_is_wrapped_within_the_drawing(tmp_path):
    use_style()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1], [0, 1])
    drawing = fig.get_tightbbox().width * fig.dpi
    add_title(fig, "A title far too long to stand on one line above a drawing only three inches wide")
    title = fig.texts[-1]
    assert "\n" in title.get_text()
    fig.canvas.draw()
    assert title.get_window_extent().width <= drawing * 1.02
    plt.close(fig)


@pytest.mark.parametrize("font", ["Amiri", "DejaVu Sans"])
def test_style_fonts_are_installed(font):
    from matplotlib import font_manager

    path = font_manager.findfont(font, fallback_to_default=False)
    assert path
