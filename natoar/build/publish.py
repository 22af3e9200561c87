"""Publish a finished build: the new site replaces `_build/html` only once Sphinx has written all of it.

`make html` builds the English edition into `_build/next/` and every other edition into `_build/next-<lang>/`;
this step moves each other edition into its folder of the English site (`ar/`), then swaps the folders, so that a
failing notebook, a Sphinx error or an interrupted build of either edition leaves the previous site exactly as it
was. The swap is one step where the system allows it (Linux's renameat2 exchanging the two folders), so that no
moment exists without a site; elsewhere it is two renames on one file system. The old site is removed only after
the new one is in place.

    python -m natoar.build.publish
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from pathlib import Path

from natoar.build.editions import EDITIONS
from natoar.sources.paths import project_root

SITE = Path("_build") / "html"
NEXT = Path("_build") / "next"
BUILT = NEXT / "_build" / "html"


def edition_build(language: str) -> Path:
    """Return where `make html` writes the edition in `language` (the English one in BUILT)."""
    return BUILT if not EDITIONS[language] else Path("_build") / f"next-{language}" / "_build" / "html"


def publish(root: Path | None = None) -> Path:
    """Move the finished build in `_build/next/` to `_build/html`, replacing the previous site; return the site."""
    root = project_root(root)
    built, site = root / BUILT, root / SITE
    for language in EDITIONS:
        edition = root / edition_build(language)
        if not (edition / "index.html").is_file():
            raise FileNotFoundError(f"{edition}: no finished build to publish (index.html is missing); run `make html`")
    for language, folder in EDITIONS.items():
        if folder:
            target = built / folder.strip("/")
            shutil.rmtree(target, ignore_errors=True)
            (root / edition_build(language)).rename(target)
            shutil.rmtree(root / edition_build(language).parents[1], ignore_errors=True)
    old = site.with_name("html.old")
    shutil.rmtree(old, ignore_errors=True)
    if not (site.is_dir() and exchange(built, site)):  # else `built` now holds the previous site
        if site.exists():
            site.rename(old)
        built.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(root / NEXT, ignore_errors=True)
    return site


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (renameat2 with RENAME_EXCHANGE); return False where the C library or the file
    system cannot, having changed nothing."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, rename_exchange = -100, 2  # AT_FDCWD and RENAME_EXCHANGE, from <fcntl.h> and <stdio.h>
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0


if __name__ == "__main__":
    try:
        print(f"published {publish().relative_to(project_root())}")
    except FileNotFoundError as err:
        sys.exit(f"error: {err}")
