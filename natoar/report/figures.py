"""One figure style for the book, and a save step that writes each figure with the data behind it.

Every figure is drawn once per edition from the same data: `<name>.png` with English text, `<name>.ar.png` with
Arabic text (passed raw to matplotlib, which shapes it), and one `<name>.csv`. `show_figure` saves both and shows
both in one output, each image marked with its language so that each edition keeps its own (natoar.build.render,
natoar.build.i18n)."""

from __future__ import annotations

import base64
import io
import os
import struct
import textwrap
from collections.abc import Callable
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from PIL import Image as PILImage

from natoar.report import lang
from natoar.report.figuretext import FigureText, figure_text
from natoar.report.lang import LANGUAGES, check_language
from natoar.report.markdown import MarkdownText, markdown_table
from natoar.sources.paths import project_root
from natoar.text.letters import display_text, matplotlib_shapes_arabic

FIGURES = Path("chapters") / "figures"
FONTS = ["Amiri", "DejaVu Sans"]
# Okabe & Ito's colour-blind-safe palette.
# A chapter's table shows at most this many rows; a longer one shows its first rows and links to all of it as CSV.
MAX_TABLE_ROWS = 25
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SEED = PALETTE[0]
TITLE_PT = 11.5
CONTEXT = "#999999"
STYLE = {
    "font.family": FONTS,
    "font.size": 11,
    "figure.figsize": (7.5, 4.2),
    "figure.dpi": 96,
    "savefig.dpi": 144,
    "savefig.bbox": "tight",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "svg.hashsalt": "natoar",
    "path.simplify": True,
}


def use_style() -> None:
    """Apply the book's figure style to matplotlib."""
    mpl.rcParams.update(STYLE)


def words(lang: str, en: str, ar: str) -> str:
    """Return a figure's wording in `lang`: `en` in the English edition, `ar` in the Arabic one."""
    return ar if check_language(lang) == "ar" else en


def file_name(name: str, lang: str = "en") -> str:
    """Return the file name of figure `name` in `lang`, without its suffix: `name`, or `name.ar` in Arabic."""
    return name if check_language(lang) == "en" else f"{name}.{lang}"


def mirror(ax: plt.Axes, x: bool = True) -> None:
    """Lay out an Arabic figure's axes for a right-to-left reader: the row labels on the right and, with `x`, the
    horizontal axis running from the right (bars grow leftwards, the first column stands on the right). Time
    axes are not mirrored: Arabic publications run time left to right."""
    if x:
        ax.invert_xaxis()
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(ax.spines["left"].get_visible())
    ax.spines["left"].set_visible(False)


def label(text: str) -> str:
    """Return `text` as matplotlib should receive it: raw when matplotlib shapes Arabic, reshaped otherwise."""
    return display_text(text, matplotlib_shapes_arabic())


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write `content` to `path` unless the file already holds exactly these bytes; return True if written.

    An unchanged output keeps its modification time, so a rebuild leaves it (and whatever watches it) alone."""
    if path.is_file() and path.stat().st_size == len(content) and path.read_bytes() == content:
        return False
    path.write_bytes(content)
    return True


def write_figure(fig: plt.Figure, name: str, data: pd.DataFrame, root: Path | None = None, lang: str = "en") -> Path:
    """Write the figure as PNG (`file_name(name, lang)`.png) and its data as CSV under chapters/figures/ (each only
    if its bytes changed), close the figure, and return the PNG's path.

    The PNG has a palette of at most 256 colours, without dithering: the book's figures use a few flat colours
    and their antialiasing, so this keeps every edge while a densely labelled figure (the timeline) weighs a
    third of its full-colour size. The same drawing gives the same bytes."""
    folder = project_root(root) / FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{file_name(name, lang)}.png"
    drawn = io.BytesIO()
    fig.savefig(drawn, format="png", metadata={"Software": None})
    plt.close(fig)
    flattened = io.BytesIO()
    with PILImage.open(drawn) as image:
        flat = image.convert("RGB").quantize(256, dither=PILImage.Dither.NONE)
        flat.save(flattened, format="PNG", optimize=True)
    write_if_changed(png, flattened.getvalue())
    write_if_changed(folder / f"{name}.csv", data.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return png


def display_width(png: Path) -> int:
    """Return the width at which the book shows a PNG drawn at savefig.dpi: that of a figure.dpi drawing."""
    width, _ = png_size(png)
    return round(width * STYLE["figure.dpi"] / STYLE["savefig.dpi"])


def add_title(fig: plt.Figure, title: str, lang: str = "en") -> None:
    """Set `title` above everything already drawn on `fig`, flush with its left edge (its right edge in Arabic),
    in as many lines as it needs to stay within the drawing's width."""
    arabic = check_language(lang) == "ar"
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    font = FontProperties(family=FONTS, size=TITLE_PT, weight="bold")
    wide, _, _ = text_to_path.get_text_width_height_descent(title, font, False)
    lines = textwrap.wrap(title, max(20, int(len(title) * box.width * 72 / wide))) if wide > box.width * 72 else [title]
    fig.text(
        (box.x1 if arabic else box.x0) / width,
        box.y1 / height + 0.08 / height,
        "\n".join(lines),
        ha="right" if arabic else "left",
        ma="right" if arabic else "left",
        va="bottom",
        fontsize=TITLE_PT,
        fontweight="bold",
        wrap=False,
    )


def save_figure(
    fig: plt.Figure,
    name: str,
    data: pd.DataFrame,
    root: Path | None = None,
    text: FigureText | None = None,
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> Image:
    """Title the figure, write it and its data (see `write_figure`) and return the PNG for display, its alt text
    and its language in the output's metadata (the book's renderer, natoar.build.render, puts the alt text on the
    image and marks it `lang-<lang>`, so that the other edition leaves it out).

    The title and alt text are `text`, or else what `figuretext` computes from `data` for `name` in `lang` (with
    `names`, the Arabic names of the ids it names). The
    notebook shows the very file readers download, drawn once: at savefig.dpi, displayed at the size a
    figure.dpi drawing would have (sharp on high-density screens and in print).
    """
    text = text or figure_text(name, data, lang, names)
    add_title(fig, text.title, lang)
    png = write_figure(fig, name, data, root, lang)
    metadata = {"alt": text.alt, "lang": lang}
    return Image(data=png.read_bytes(), format="png", width=display_width(png), metadata=metadata)


def show_figure(
    draw: Callable[[str], plt.Figure | tuple[plt.Figure, pd.DataFrame]],
    name: str,
    data: pd.DataFrame | None = None,
    root: Path | None = None,
    names: dict[str, str] | None = None,
) -> Image:
    """Draw a figure in each edition's language (`draw(lang)` returns the figure, or the figure and its data),
    save `<name>.png`, `<name>.ar.png` and the data (`save_figure`), and return the English image for display
    with the Arabic one in its metadata (`editions`: the PNG, its alt text and width): one output, so one
    numbered figure with the cell's caption, whose image natoar.build.render draws in each edition's language.

    `data` is what the CSV holds and the alt text describes; without it, the data `draw("en")` returns. `names`
    gives the Arabic alt text the Arabic names of the ids it names."""
    shown = {}
    for language in LANGUAGES:
        drawn = draw(language)
        fig, drawn_data = drawn if isinstance(drawn, tuple) else (drawn, None)
        if data is None:
            data = drawn_data
        if data is None:
            raise ValueError(f"figure '{name}': no data given, and draw() returned none to save with the figure")
        shown[language] = save_figure(fig, name, data, root, lang=language, names=names)
    english = shown.pop(LANGUAGES[0])
    english.metadata["editions"] = {
        language: {
            "png": base64.b64encode(image.data).decode("ascii"),
            "alt": image.metadata["alt"],
            "width": image.width,
        }
        for language, image in shown.items()
    }
    return english


def png_size(path: Path) -> tuple[int, int]:
    """Return a PNG's width and height in pixels, read from its header."""
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def save_table(
    frame: pd.DataFrame,
    name: str,
    markup: tuple[str, ...] = (),
    root: Path | None = None,
    names: dict[str, str] | None = None,
    both: bool = False,
    arabic: pd.DataFrame | None = None,
    columns: list[str] | dict[str, str] | None = None,
    english_only: tuple[str, ...] = (),
    ids: dict[str, dict[str, str]] | None = None,
) -> MarkdownText:
    """Return `frame` as a Markdown table (see `markdown.markdown_table`), paged when it is long; with `both`, in
    both editions (as `lang.table`: the Arabic one headed in Arabic, `names` for columns of this table only, its
    cells those of `arabic` or of `lang.twins(frame, columns, ids)`, less the `english_only` columns).

    Up to MAX_TABLE_ROWS rows the table is shown whole. A longer one shows its first MAX_TABLE_ROWS rows and a line
    linking to all of it, written as chapters/figures/<name>.csv (only if its bytes changed); the link is relative
    to the working folder, which is the notebook's. A short table removes a CSV left from a longer one."""
    csv = project_root(root) / FIGURES / f"{name}.csv"
    if both:
        frame, shown = lang.twins(frame, columns, ids) if arabic is None else (frame, arabic)
        shown = shown.drop(columns=list(english_only))
    headers = lang.headers(shown, names) if both else None
    if len(frame) <= MAX_TABLE_ROWS:
        csv.unlink(missing_ok=True)
        english = markdown_table(frame, markup)
        arabic_table = markdown_table(shown, lang.arabic_markup(markup, shown), headers) if both else ""
        return lang.bilingual(english, arabic_table) if both else english
    csv.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(csv, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    link = Path(os.path.relpath(csv, Path.cwd())).as_posix()
    note = f"The first {MAX_TABLE_ROWS} of {len(frame)} rows; all of them: [{csv.name}]({link})."
    if both:
        rows = lang.counted(MAX_TABLE_ROWS, "الصف الأول", "الصفان الأولان", "صفوف", "صفًا")
        note_ar = f"أول {rows} من {len(frame)}؛ وكلها في: [{csv.name}]({link})."
        return lang.bilingual(
            f"{markdown_table(frame.head(MAX_TABLE_ROWS), markup)}\n\n{note}",
            f"{markdown_table(shown.head(MAX_TABLE_ROWS), lang.arabic_markup(markup, shown), headers)}\n\n{note_ar}",
        )
    return MarkdownText(f"{markdown_table(frame.head(MAX_TABLE_ROWS), markup)}\n\n{note}")
