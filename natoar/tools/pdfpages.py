"""Measure how full a PDF's pages are: render each page small with poppler's `pdftoppm` and find its last inked row.

Run as `python -m natoar.tools.pdfpages [PDF or language ...]` after `make pdf`, or as `make pdfpages`, which
prints the PDFs first (default: every PDF of both editions, in _build/html/pdf/ and _build/html/ar/pdf/; `en` or
`ar` stands for every PDF of that edition, so that `make pdfpages PDF_LANGUAGES=en` reports only the edition it
printed while the other may still be printing).
Prints, per PDF, its pages and the share of pages under a quarter full.
A page's fill is how far down its text area the last inked pixel row sits (0 = blank, 1 = ink down to the bottom
margin); the running header and the page number, in the page's top and bottom margins, are not counted.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from natoar.build.editions import EDITIONS
from natoar.build.pdf import pdf_folder
from natoar.sources.paths import project_root

DPI = 30
TEXT_AREA = (0.07, 0.925)  # the text area's top and bottom, as shares of the page height (A4, 18 and 20 mm margins)
INK = 200  # grey levels below this are ink
NEARLY_EMPTY = 0.25


def rendered(pdf: Path, dpi: int = DPI) -> list[np.ndarray]:
    """Return each page of `pdf` rendered in grey at `dpi` dots per inch, as an array of grey levels (0 is black)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{folder}/p"], check=True)
        return [np.asarray(Image.open(path)) for path in sorted(Path(folder).glob("p-*.pgm"))]


def page_fills(pdf: Path, dpi: int = DPI) -> list[float]:
    """Return each page's fill: the depth of its last inked row within the text area, from 0 to 1."""
    return [_fill(page) for page in rendered(pdf, dpi)]


def _fill(pixels: np.ndarray) -> float:
    height = pixels.shape[0]
    top, bottom = (round(share * height) for share in TEXT_AREA)
    rows = np.flatnonzero((pixels[top:bottom] < INK).any(axis=1))
    return 0.0 if rows.size == 0 else float(rows[-1] + 1) / (bottom - top)


def nearly_empty(fills: list[float]) -> list[int]:
    """Return the 1-based numbers of the pages under a quarter full."""
    return [number for number, fill in enumerate(fills, start=1) if fill < NEARLY_EMPTY]


def main(paths: list[str]) -> None:
    root = project_root()
    paths = paths or list(EDITIONS)
    pdfs = [pdf for p in paths for pdf in (sorted(pdf_folder(root, p).glob("*.pdf")) if p in EDITIONS else [Path(p)])]
    print("| PDF | pages | under a quarter full | share |")
    print("|---|---|---|---|")
    for pdf in pdfs:
        fills = page_fills(pdf)
        empty = nearly_empty(fills)
        name = pdf.relative_to(root) if pdf.is_relative_to(root) else pdf
        print(f"| {name} | {len(fills)} | {len(empty)} | {len(empty) / max(len(fills), 1):.0%} |")


if __name__ == "__main__":
    main(sys.argv[1:])
