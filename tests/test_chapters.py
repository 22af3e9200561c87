"""Every chapter notebook keeps the house structure, and every figure carries a caption, a name and alt text."""

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p for p in (ROOT / "chapters").glob("*.ipynb") if p.stem != "intro")
ALL_NOTEBOOKS = sorted((ROOT / "chapters").rglob("*.ipynb"))
ANSWER = (
    "**Claim.**",
    "**Evidence for.**",
    "**Evidence against, or missing.**",
    "**Confidence.**",
    "**Another reading.**",
)


def text(path: Path) -> tuple[list, str]:
    notebook = nbformat.read(path, as_version=4)
    return notebook.cells, "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_opens_with_question_and_key_findings_and_closes_with_its_answer(path):
    cells, prose = text(path)
    assert "**The question.**" in cells[0].source
    outputs = [o for c in cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("Key findings" in str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert "## The answer" in prose, "the chapter does not end with its answer"
    answer = prose.split("## The answer", 1)[1]
    assert "\n## " not in answer, "a section follows the answer"
    positions = [answer.find(part) for part in ANSWER]
    assert -1 not in positions and positions == sorted(positions), "the answer lacks a part or has them out of order"
    assert any(word in answer.split("**Confidence.**")[1] for word in ("*High*", "*Moderate*", "*Low*"))


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
            assert "alt" not in figure.get("image", {}), "alt text typed by hand: save_figure computes it"
            shown = [o.get("metadata", {}).get("image/png", {}) for o in cell.get("outputs", [])]
            assert any(len(m.get("alt", "")) > 30 for m in shown), "figure without alt text in its output"
