"""Every chapter notebook keeps the house structure, and every figure carries a caption, a name and alt text."""

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
ALL_NOTEBOOKS = sorted((ROOT / "chapters").rglob("*.ipynb"))
CLOSING = ("## What the evidence does not settle", "## What the corpus cannot tell us")


def text(path: Path) -> tuple[list, str]:
    notebook = nbformat.read(path, as_version=4)
    return notebook.cells, "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_opens_with_question_and_key_findings_and_closes_with_limits(path):
    cells, prose = text(path)
    assert "**The question.**" in cells[0].source
    outputs = [o for c in cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("Key findings" in str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert any(heading in prose for heading in CLOSING)


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_executed_and_figures_described(path):
    cells, _ = text(path)
    code = [c for c in cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "commit executed notebooks"
    for cell in code:
        if "save_figure(" in cell.source:
            figure = cell.metadata.get("mystnb", {})
            assert figure.get("figure", {}).get("caption"), "figure without caption"
            assert figure.get("figure", {}).get("name", "").startswith("fig-"), "figure without a label"
            assert len(figure.get("image", {}).get("alt", "")) > 30, "figure without alt text"
