"""Execute chapter notebooks in place, keeping only reproducible content (no timings, no run dates).

Run as `python -m natoar.notebooks chapters/a.ipynb [chapters/b.ipynb ...]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

TIMEOUT = 600


def execute(path: Path) -> None:
    """Execute the notebook at `path` in its own folder and save it with its outputs, without timing metadata."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m natoar.notebooks NOTEBOOK.ipynb [...]")
    for name in sys.argv[1:]:
        execute(Path(name))
        print(f"executed {name}")
