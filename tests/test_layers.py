"""The package's folders are its layers: each imports only from its own layer and the layers below it."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "natoar"
# Bottom to top. Measuring tools may use anything; nothing may use them.
LAYERS = ["text", "sources", "report", "build", "tools"]


def _imports(path: Path) -> set[str]:
    """Return the natoar sub-packages a module imports (every `from natoar.x...` and `import natoar.x...`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "natoar" and len(parts) > 1:
                found.add(parts[1])
            if isinstance(node, ast.ImportFrom) and node.level:
                raise AssertionError(f"{path.relative_to(PACKAGE.parent)}: use absolute imports (natoar.<layer>...)")
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_imports_only_its_layer_and_below(path):
    layer = path.parent.name
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    upward = _imports(path) - allowed
    assert not upward, f"natoar/{layer}/{path.name} imports from a higher layer: {sorted(upward)}"


def test_every_module_sits_in_a_layer():
    assert {p.parent.name for p in MODULES} == set(LAYERS)
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py"]


def test_no_notebook_imports_a_measuring_tool():
    chapters = PACKAGE.parent / "chapters"
    for notebook in chapters.rglob("*.ipynb"):
        assert "natoar.tools" not in notebook.read_text(encoding="utf-8"), notebook
