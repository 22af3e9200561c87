"""Publish a finished build: the new site replaces `_build/html` only once Sphinx has written all of it.

`make html` builds into `_build/next/`; this step then swaps the folders, so that a failing notebook, a Sphinx
error or an interrupted build leaves the previous site exactly as it was. The swap is two renames on one file
system; the old site is removed only after the new one is in place.

    python -m natoar.build.publish
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from natoar.sources.paths import project_root

SITE = Path("_build") / "html"
NEXT = Path("_build") / "next"
BUILT = NEXT / "_build" / "html"


def publish(root: Path | None = None) -> Path:
    """Move the finished build in `_build/next/` to `_build/html`, replacing the previous site; return the site."""
    root = project_root(root)
    built, site = root / BUILT, root / SITE
    if not (built / "index.html").is_file():
        raise FileNotFoundError(f"{built}: no finished build to publish (index.html is missing); run `make html`")
    old = site.with_name("html.old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    built.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(root / NEXT, ignore_errors=True)
    return site


if __name__ == "__main__":
    try:
        print(f"published {publish().relative_to(project_root())}")
    except FileNotFoundError as err:
        sys.exit(f"error: {err}")
