"""Keep jupyter-cache honest: it hashes only code cells, so a change to seeds/, data/ or the package
must clear the cached outputs. Run `python -m natoar.build.cache check` before a build and
`python -m natoar.build.cache record FILE...` after a successful one.

The same digests spare Sphinx: `make book` passes the files the book is built from (the Makefile's BOOK_INPUTS),
and `python -m natoar.build.cache site-current FILE...` succeeds when their bytes are those of the last successful
build and its site is in place. Outputs are byte-identical for identical inputs, so an input touched but not
changed (a branch checked out and back) costs no Sphinx run.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

from natoar.build.editions import EDITIONS
from natoar.sources.paths import project_root

INPUTS = ("seeds", "data", "natoar", "requirements.txt", "_config.yml")
# Code that no notebook imports, so editing it keeps the cached outputs: the measuring tools, and the build's
# machinery (Sphinx's extensions, the pages, the PDFs), which reads the outputs but does not make them. The one
# exception is the executor that runs the notebooks: how it runs them can change what they output.
NOT_INPUTS = (Path("natoar") / "tools", Path("natoar") / "build")
EXECUTOR = Path("natoar") / "build" / "execute.py"
STAMP = Path("_build") / ".inputs.sha256"
SITE_STAMP = Path("_build") / ".site-inputs.sha256"  # the book's inputs at the last successful build of the site
SITE = tuple(Path("_build") / "html" / folder / "index.html" for folder in EDITIONS.values())  # each edition, built
# Outputs computed from the inputs. The published site is not among them: a build replaces it only when it has
# succeeded (natoar.build.publish), so a failing build leaves the last good site in place.
CACHED = (Path("_build") / ".jupyter_cache",)


def inputs_digest(root: Path | None = None) -> str:
    """Return one SHA-256 over the names and bytes of every file the notebooks' outputs depend on."""
    root = project_root(root)
    return files_digest(project_files(root, INPUTS, NOT_INPUTS, but=(EXECUTOR,)), root)


def project_files(root: Path, names: tuple[str, ...], excluded: tuple[Path, ...] = (), but: tuple[Path, ...] = ()
                  ) -> list[str]:
    """Return the files (relative to `root`) that `names` are or hold, without byte code and without those under
    `excluded`, unless named in `but`."""
    files = []
    for name in names:
        top = root / name
        for path in [top] if top.is_file() else top.rglob("*"):
            relative = path.relative_to(root)
            if path.is_file() and "__pycache__" not in path.parts and (
                relative in but or not any(map(relative.is_relative_to, excluded))
            ):
                files.append(relative.as_posix())
    return files


def files_digest(files: list[str], root: Path | None = None) -> str:
    """Return one SHA-256 over the names (relative to the project) and bytes of `files`, in sorted order."""
    root = project_root(root)
    digest = hashlib.sha256()
    for name in sorted({(root / f).resolve().relative_to(root.resolve()).as_posix() for f in files}):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256((root / name).read_bytes()).digest())
    return digest.hexdigest()


def clear_if_stale(root: Path | None = None) -> bool:
    """Remove cached outputs if the inputs changed since the last recorded build; return True if removed."""
    root = project_root(root)
    stamp = root / STAMP
    if stamp.is_file() and stamp.read_text().strip() == inputs_digest(root):
        return False
    for path in CACHED:
        shutil.rmtree(root / path, ignore_errors=True)
    return True


def site_current(files: list[str], root: Path | None = None) -> bool:
    """Return True if the published site was built from exactly these bytes of `files` and is still in place."""
    root = project_root(root)
    stamp = root / SITE_STAMP
    in_place = all((root / page).is_file() for page in SITE)
    return in_place and stamp.is_file() and stamp.read_text().strip() == files_digest(files, root)


def record(root: Path | None = None, files: list[str] = ()) -> None:
    """Record the current inputs' digest after a successful build, and the digest of `files` the site was built
    from."""
    root = project_root(root)
    (root / STAMP).parent.mkdir(parents=True, exist_ok=True)
    (root / STAMP).write_text(inputs_digest(root) + "\n")
    if files:
        (root / SITE_STAMP).write_text(files_digest(list(files), root) + "\n")


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "check":
        print("inputs changed: cleared cached outputs" if clear_if_stale() else "inputs unchanged: cache kept")
    elif action == "record":
        record(files=sys.argv[2:])
    elif action == "site-current":
        current = site_current(sys.argv[2:])
        print("the book's inputs are byte for byte those of the published site: Sphinx skipped" if current else
              "the book's inputs changed since the published site was built")
        sys.exit(0 if current else 1)
    else:
        sys.exit("usage: python -m natoar.build.cache check | record [FILE...] | site-current FILE...")
