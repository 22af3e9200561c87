"""Where the project's folders are."""

from __future__ import annotations

from pathlib import Path

MARKER = "_config.yml"


def project_root(start: Path | str | None = None) -> Path:
    """Return the book's root: the nearest folder at or above `start` (default: cwd) holding _config.yml."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file() and (folder / "seeds").is_dir():
            return folder
    raise FileNotFoundError(f"No book root (a folder with {MARKER} and seeds/) at or above {here}")
