"""Each edition's Sphinx working folder, kept between builds so that a rebuild reads and writes only what changed.

`make html` builds the English edition in `_build/work/en/` and the Arabic one in `_build/work/ar/`, running

    python -m natoar.build.workdir open     before Sphinx
    python -m natoar.build.workdir close    after both editions are built, before natoar.build.publish

- `open` keeps a working folder only if the last build in it succeeded and was made by the same machinery: the
  package's code, the configuration, the table of contents, the static files, the citation metadata and the
  pinned requirements (`machinery_digest`). Otherwise it removes the folder, and Sphinx builds that edition from
  scratch. Either way it removes the stamp that vouches for the folder, so that a build which fails or is
  interrupted leaves a folder the next build will not trust.
- `close` copies each edition's site to where natoar.build.publish takes it from (`_build/next/`), and stamps
  the folders.

Sphinx then reads again only the pages whose sources, catalogs or notebook outputs changed, and writes only
those, unless the navigation or a cross-reference target changed (natoar.build.incremental); the result is the
site a clean build gives, byte for byte (tests/test_new_document.py).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from natoar.build.cache import files_digest, project_files
from natoar.build.editions import EDITIONS
from natoar.build.publish import edition_build
from natoar.sources.paths import project_root

WORK = Path("_build") / "work"
STAMP = ".natoar-machinery.sha256"
# What shapes every page beyond the pages' own sources, which Sphinx follows itself (notebooks' outputs are
# followed by natoar.build.incremental).
MACHINERY = ("natoar", "_static", "_config.yml", "_toc.yml", "CITATION.cff", "requirements.txt", "pyproject.toml")
NOT_MACHINERY = (Path("natoar") / "tools", Path("_static") / "fonts")


def work_folder(language: str, root: Path | None = None) -> Path:
    """Return the working folder of the edition in `language` (jupyter-book's --path-output)."""
    return project_root(root) / WORK / language


def machinery_digest(root: Path | None = None) -> str:
    """Return one SHA-256 over the files that shape every page (MACHINERY, without NOT_MACHINERY)."""
    root = project_root(root)
    return files_digest(project_files(root, MACHINERY, NOT_MACHINERY), root)


def open_folders(root: Path | None = None) -> dict[str, bool]:
    """Prepare each edition's working folder for a build; return, by language, whether its last build is kept."""
    root = project_root(root)
    digest = machinery_digest(root)
    kept = {}
    for language in EDITIONS:
        folder = work_folder(language, root)
        stamp = folder / STAMP
        kept[language] = stamp.is_file() and stamp.read_text().strip() == digest
        if not kept[language]:
            shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        stamp.unlink(missing_ok=True)
        (folder / f"{STAMP}.pending").write_text(digest + "\n")
    return kept


def close_folders(root: Path | None = None) -> None:
    """Copy each edition's finished site to where natoar.build.publish takes it from, and stamp its folder."""
    root = project_root(root)
    for language in EDITIONS:
        folder = work_folder(language, root)
        site = folder / "_build" / "html"
        if not (site / "index.html").is_file():
            raise FileNotFoundError(f"{site.relative_to(root)}: no finished build (index.html is missing)")
    for language in EDITIONS:
        folder = work_folder(language, root)
        target = root / edition_build(language)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(folder / "_build" / "html", target)
        (folder / f"{STAMP}.pending").rename(folder / STAMP)


def main(args: list[str]) -> int:
    """Run from the command line; return the exit status."""
    if args == ["open"]:
        for language, kept in open_folders().items():
            print(f"{language}: " + ("rebuilding what changed since the last build" if kept else
                                     "building from scratch (no trusted earlier build)"))
        return 0
    if args == ["close"]:
        try:
            close_folders()
        except FileNotFoundError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
