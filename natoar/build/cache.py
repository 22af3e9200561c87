"""Keep jupyter-cache honest: it hashes only code cells, so a change to seeds/, data/ or the package
must put other cached outputs in place. Each cache folder is labelled with the digest of the inputs its outputs
were computed from; when the inputs change, the folder is kept aside under that label (the last few only) and the
one labelled with the current inputs, if any, comes back. So an edit undone, or a branch checked out and back,
runs no notebook again. Run `python -m natoar.build.cache check` before a build and
`python -m natoar.build.cache record FILE...` after a successful one.

The same digests spare Sphinx: `make book` passes the files the book is built from (the Makefile's BOOK_INPUTS),
and `python -m natoar.build.cache site-current FILE...` succeeds when their bytes are those of the last successful
build and its site is in place. Outputs are byte-identical for identical inputs, so an input touched but not
changed (a branch checked out and back) costs no Sphinx run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

from natoar.build.editions import EDITIONS
from natoar.sources.paths import project_root

INPUTS = ("seeds", "data", "natoar", "requirements.txt", "_config.yml")
# Code that no notebook imports, so editing it keeps the cached outputs: the measuring tools, and the build's
# machinery (Sphinx's extensions, the pages, the PDFs), which reads the outputs but does not make them. The one
# exception is the executor that runs the notebooks: how it runs them can change what they output.
NOT_INPUTS = (Path("natoar") / "tools", Path("natoar") / "build")
EXECUTOR = Path("natoar") / "build" / "execute.py"
SITE_STAMP = Path("_build") / ".site-inputs.sha256"  # the book's inputs at the last successful build of the site
SITE = tuple(Path("_build") / "html" / folder / "index.html" for folder in EDITIONS.values())  # each edition, built
# Outputs computed from the inputs. The published site is not among them: a build replaces it only when it has
# succeeded (natoar.build.publish), so a failing build leaves the last good site in place.
CACHE = Path("_build") / ".jupyter_cache"
LABEL = ".natoar-inputs.sha256"  # in a cache folder: the digest of the inputs its outputs were computed from
KEPT = Path("_build") / ".jupyter_cache-kept"  # earlier inputs' cache folders, each named by its label
KEEP = 3  # how many of them are kept, the most recently set aside first


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


def switch_cache(root: Path | None = None) -> str:
    """Put in place the cache folder labelled with the current inputs: the one there ("unchanged"), one set aside
    earlier ("restored") or a new empty one ("new"); return which. The folder it replaces is set aside under its
    label, or removed if it has none (then no one knows what its outputs were computed from)."""
    root = project_root(root)
    digest = inputs_digest(root)
    cache, kept = root / CACHE, root / KEPT
    label = _label(cache)
    if label == digest:
        return "unchanged"
    if label is None:
        if cache.exists():
            shutil.rmtree(cache)
    else:
        kept.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(kept / label, ignore_errors=True)
        cache.rename(kept / label)
        _stamp_newest(kept / label, kept)
    if _label(kept / digest) == digest:
        (kept / digest).rename(cache)
        state = "restored"
    else:
        cache.mkdir(parents=True)
        (cache / LABEL).write_text(digest + "\n")
        state = "new"
    if kept.is_dir():
        for old in sorted(kept.iterdir(), key=lambda p: p.stat().st_mtime_ns, reverse=True)[KEEP:]:
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            else:
                old.unlink()
    return state


def _stamp_newest(folder: Path, kept: Path) -> None:
    """Give `folder` a modification time later than every other kept folder's (now, or 1 ns after the latest if
    the clock has not moved on), so that the oldest are removed first."""
    latest = max((p.stat().st_mtime_ns for p in kept.iterdir() if p != folder), default=0)
    now = max(time.time_ns(), latest + 1)
    os.utime(folder, ns=(now, now))


STATES = {
    "unchanged": "inputs unchanged: cache kept",
    "restored": "inputs changed: the outputs cached when these inputs were last built are back in place",
    "new": "inputs changed: no outputs cached for them yet (the previous ones set aside, if labelled)",
}


def _label(folder: Path) -> str | None:
    """Return the digest a cache folder is labelled with, or None if it has no label (or is not there)."""
    path = folder / LABEL
    if not path.is_file():
        return None
    return path.read_text().strip() or None


def site_current(files: list[str], root: Path | None = None) -> bool:
    """Return True if the published site was built from exactly these bytes of `files` and is still in place."""
    root = project_root(root)
    stamp = root / SITE_STAMP
    in_place = all((root / page).is_file() for page in SITE)
    return in_place and stamp.is_file() and stamp.read_text().strip() == files_digest(files, root)


def record(files: list[str], root: Path | None = None) -> None:
    """Record, after a successful build, the digest of `files` the site was built from."""
    root = project_root(root)
    (root / SITE_STAMP).parent.mkdir(parents=True, exist_ok=True)
    (root / SITE_STAMP).write_text(files_digest(list(files), root) + "\n")


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "check":
        print(STATES[switch_cache()])
    elif action == "record":
        record(sys.argv[2:])
    elif action == "site-current":
        current = site_current(sys.argv[2:])
        print("the book's inputs are byte for byte those of the published site: Sphinx skipped" if current else
              "the book's inputs changed since the published site was built")
        sys.exit(0 if current else 1)
    else:
        sys.exit("usage: python -m natoar.build.cache check | record [FILE...] | site-current FILE...")
