"""Weigh the built book's pages: each page's HTML with every image, script, stylesheet and font it loads.

Run as `python -m natoar.tools.pageweight [N]` (or `make pageweight`) after `make book`. Prints the N heaviest pages
(default 5) with what they load, and the book's largest images with their pixel sizes. Assets are counted
once per page, as a browser with an empty cache would fetch them (fonts in WOFF2 only, where the theme
offers older formats too); most of a page's weight is the theme's scripts, styles and icon fonts, which
every page shares and a browser caches after the first.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from natoar.report.figures import png_size
from natoar.sources.paths import project_root

SITE = Path("_build") / "html"
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class _Links(HTMLParser):
    """Collect the local files a page loads: images, scripts and stylesheets."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and values.get("src"):
            self.found.append(("images", values["src"]))
        elif tag == "script" and values.get("src"):
            self.found.append(("scripts", values["src"]))
        elif tag == "link" and values.get("href") and "stylesheet" in (values.get("rel") or ""):
            self.found.append(("styles", values["href"]))


def _local(base: Path, link: str, site: Path) -> Path | None:
    """Return the file a relative link points to inside the site, or None for external or missing targets."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = (base.parent / unquote(parts.path)).resolve()
    return target if target.is_file() and target.is_relative_to(site.resolve()) else None


def _fallback_font(path: Path) -> bool:
    """True for an older font format offered beside a WOFF2 file, which a current browser never fetches."""
    return path.suffix in {".eot", ".svg", ".ttf", ".woff"} and path.with_suffix(".woff2").is_file()


@dataclass
class Weight:
    """A page's weight in bytes, by kind of file (fonts: with any images a stylesheet loads)."""

    page: str
    html: int
    parts: dict[str, int]

    @property
    def total(self) -> int:
        return self.html + sum(self.parts.values())


def weigh(page: Path, site: Path) -> Weight:
    """Return the weight of one page with everything it loads (CSS-referenced fonts and images included)."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    seen: dict[Path, str] = {}
    for kind, link in parser.found:
        target = _local(page, link, site)
        if target is not None:
            seen.setdefault(target, kind)
    for css in [p for p, kind in list(seen.items()) if kind == "styles"]:
        for link in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            target = _local(css, link, site)
            if target is not None and not _fallback_font(target):
                seen.setdefault(target, "fonts")
    parts: dict[str, int] = {}
    for target, kind in seen.items():
        parts[kind] = parts.get(kind, 0) + target.stat().st_size
    return Weight(page.relative_to(site).as_posix(), page.stat().st_size, parts)


def main(top: int = 5, root: Path | None = None) -> int:
    """Print the heaviest pages and the largest images; return the exit status."""
    site = project_root(root) / SITE
    pages = sorted(site.rglob("*.html"))
    if not pages:
        print(f"error: no pages in {site}; run `make book` first", file=sys.stderr)
        return 1
    weights = sorted((weigh(p, site) for p in pages), key=lambda w: (-w.total, w.page))
    kinds = ["images", "scripts", "styles", "fonts"]
    print(f"{'page':<44} {'HTML kB':>8} " + " ".join(f"{k + ' kB':>12}" for k in kinds) + f" {'total kB':>9}")
    for w in weights[:top]:
        cells = " ".join(f"{w.parts.get(k, 0) / 1000:>12.0f}" for k in kinds)
        print(f"{w.page:<44} {w.html / 1000:>8.0f} {cells} {w.total / 1000:>9.0f}")
    images = sorted((site / "_images").glob("*.png"), key=lambda p: (-p.stat().st_size, p.name))
    print(f"\n{len(pages)} pages; {len(images)} images; the largest:")
    for image in images[:3]:
        width, height = png_size(image)
        print(f"  {image.name[:16]}…png  {image.stat().st_size / 1000:.0f} kB  {width} x {height} px")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
