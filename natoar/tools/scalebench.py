"""Time the book's builds as the corpus grows, on throwaway copies with synthetic Arabic documents added.

Run as `python -m natoar.tools.scalebench [N ...]` (or `make scalebench`; default 50 250). Prints, each with wall
and CPU seconds: the cold build of the book as it is (five documents), the cold build with N synthetic documents
added for each N, the rebuild after adding one more document to the largest corpus, and the largest figure the
largest build wrote (pixels on its longer side); then the goals: the largest corpus's cold build within 3 times
the five-document one measured in the same run, and the one-document rebuild within a third of that cold build.

For the rebuild it also prints what any build that re-ran only what the new document changes would still have to
do: the notebooks whose outputs changed, with the share of the cold build's notebook seconds they took, and how
many pages each edition's Sphinx read again.

A synthetic document is a headline and four to nine paragraphs, each a paragraph of the seeds with its words
shuffled (seeded), printed on a date and by an outlet drawn from short lists, so that the catalogue passes the
input check and the figures meet many outlets, genres and years. `synthetic_row` is the one place that writes a
catalogue row.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from natoar.build.cache import CACHE
from natoar.build.execute import NOTEBOOK, OUTPUTS_DIGEST
from natoar.report.figures import FIGURES, png_size
from natoar.sources.corpus import read_corpus
from natoar.sources.paths import project_root
from natoar.text.months import MONTHS
from natoar.tools.buildbench import IGNORE, MAKE_BOOK, Timing, _executed, _timed

SEED = 20250
CATALOGUE = Path("data") / "documents.csv"
OUTLETS = [
    ("Synthetic Gazette", "الجريدة التجريبية"),
    ("Synthetic Maghreb Daily", "يومية المغرب التجريبية"),
    ("Synthetic Gulf Review", "مجلة الخليج التجريبية"),
    ("Synthetic News Agency", "وكالة الأنباء التجريبية"),
    ("Synthetic Policy Forum", "منتدى السياسات التجريبي"),
    ("Synthetic Levant Weekly", "أسبوعية المشرق التجريبية"),
]
GENRES = ["news-report", "analysis", "official-release", "leaked-cable"]


def _shuffled(text: str, rng: random.Random) -> str:
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


def synthetic_row(number: int, title_ar: str, text: bytes, file: str, rng: random.Random) -> dict[str, str]:
    """Return the catalogue row of synthetic document `number` (its headline, bytes and file name given)."""
    outlet, outlet_ar = OUTLETS[rng.randrange(len(OUTLETS))]
    day = f"{rng.randint(2004, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    row = {
        "id": f"synthetic-{number:03d}",
        "file": file,
        "sha256": hashlib.sha256(text).hexdigest(),
        "outlet": outlet,
        "outlet_ar": outlet_ar,
        "title_ar": title_ar,
        "title_en": f"Synthetic document {number} (seed paragraphs with their words shuffled)",
        "genre": GENRES[rng.randrange(len(GENRES))],
        "author": "Unsigned (synthetic, for the scale benchmark)",
        "date_printed": _printed(day),
        "date_printed_iso": day,
        "date_iso": day,
        "date_basis": "printed",
        "date_outside": "",
        "date_note": "The printed date (synthetic).",
        "events_from": day[:7],
        "events_to": day[:7],
        "stance": "None: a synthetic text.",
        "reliability": "Synthetic: written by natoar.tools.scalebench to time the build.",
        "summary_en": "Seed paragraphs with their words shuffled.",
        "curation": "uncurated",
    }
    return row


def _printed(day: str) -> str:
    year, month, date = day.split("-")
    return f"{int(date)} {MONTHS[int(month)][0]} {year}"


def synthetic_document(number: int, pool: list[str], rng: random.Random) -> tuple[str, str]:
    """Return the headline and the full text of synthetic document `number`, drawn from `pool` (paragraphs)."""
    title = f"{_shuffled(rng.choice(pool), rng).split('،')[0][:60].strip()} {number}"
    body = [_shuffled(p, rng) for p in rng.choices(pool, k=rng.randint(4, 9))]
    return title, "\n\n".join([title, *body]) + "\n"


def add_documents(book: Path, count: int, start: int = 1, seed: int = SEED) -> list[str]:
    """Add `count` synthetic documents (numbered from `start`) to the seeds and catalogue of `book`; return ids."""
    pool = [p for p in read_corpus(book).paragraphs["text"] if len(p.split()) >= 12]
    rng = random.Random(seed + start)
    path = book / CATALOGUE
    with path.open(encoding="utf-8", newline="") as f:
        columns = next(csv.reader(f))
    ids = []
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        for number in range(start, start + count):
            title, text = synthetic_document(number, pool, rng)
            data = text.encode("utf-8")
            file = f"{900 + number:04d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
            (book / "seeds" / file).write_bytes(data)
            row = synthetic_row(number, title, data, file, rng)
            writer.writerow(row)
            ids.append(row["id"])
    return ids


def copy_book(root: Path, folder: Path, name: str) -> Path:
    """Copy the project into `folder/name`, borrowing its virtual environment; return the copy."""
    book = folder / name
    shutil.copytree(root, book, ignore=IGNORE)
    (book / ".venv").symlink_to(root / ".venv")
    return book


def largest_figure(book: Path) -> tuple[str, int]:
    """Return the name and longer side (pixels) of the largest figure the book wrote."""
    sizes = {png.name: max(png_size(png)) for png in (book / FIGURES).glob("*.png")}
    name = max(sizes, key=lambda n: (sizes[n], n))
    return name, sizes[name]


Cached = dict[str, tuple[str, float]]  # notebook -> (its outputs' digest, its execution seconds)


def cached_notebooks(book: Path) -> Cached:
    """Return each notebook's outputs digest and execution seconds, as the build's cache holds them."""
    from jupyter_cache import get_cache

    records = get_cache(str(book / CACHE)).list_cache_records()
    return {r.data[NOTEBOOK]: (r.data[OUTPUTS_DIGEST], r.data["execution_seconds"]) for r in records}


def pages_read(output: str) -> list[int]:
    """Return, for each Sphinx build in a `make book` output (one per edition), how many pages it read: the added
    and changed ones of Sphinx's "updating environment: A added, C changed, R removed" line."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    found = re.findall(r"updating environment: (?:\[[^]]*\] )?(\d+) added, (\d+) changed", plain)
    return [int(added) + int(changed) for added, changed in found]


def changed_share(before: Cached, after: Cached) -> tuple[int, float, float]:
    """Return how many notebooks' outputs differ between two builds, the seconds those took in the first, and
    the seconds all notebooks took in it."""
    changed = [name for name, (digest, _) in before.items() if after.get(name, ("", 0))[0] != digest]
    return len(changed), sum(before[name][1] for name in changed), sum(seconds for _, seconds in before.values())


def _book(book: Path) -> tuple[Timing, str]:
    """Time `make book` in `book`; return the timing, with the notebooks it executed, and the build's output."""
    timing, output = _timed(MAKE_BOOK, book)
    return timing._replace(executed=_executed(output)), output


def main(sizes: list[int]) -> int:
    """Build, print the table and the goals; return 0 if both goals are met."""
    root = project_root()
    rows: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory(prefix="natoar-scale-") as folder:
        base = copy_book(root, Path(folder), "seeds-only")
        documents = len(read_corpus(base).documents)
        five = f"cold build, {documents} documents"
        rows[five] = _book(base)[0]
        shutil.rmtree(base)
        for n in sizes:
            book = copy_book(root, Path(folder), f"plus-{n}")
            add_documents(book, n)
            cold = f"cold build, {documents + n} documents"
            rows[cold], output = _book(book)
            if n != max(sizes):
                shutil.rmtree(book)
        largest = max(sizes)
        big = Path(folder) / f"plus-{largest}"
        figure, pixels = largest_figure(big)
        before = cached_notebooks(big)
        add_documents(big, 1, start=largest + 1)
        one = f"rebuild after adding one document to {documents + largest}"
        rows[one], output = _book(big)
        changed, changed_seconds, all_seconds = changed_share(before, cached_notebooks(big))
        figure_after, pixels_after = largest_figure(big)
    print(f"{'step':<52} {'seconds':>8} {'CPU s':>8} {'notebooks run':>14}")
    for step, timing in rows.items():
        print(f"{step:<52} {timing.wall:>8.1f} {timing.cpu:>8.1f} {timing.executed:>14}")
    print(f"largest figure at {documents + largest} documents: {figure}, {pixels} px on its longer side")
    if (figure_after, pixels_after) != (figure, pixels):
        print(f"  after adding one: {figure_after}, {pixels_after} px")
    print(
        f"what the new document changed: the outputs of {changed} of {len(before)} notebooks, which took "
        f"{changed_seconds:.1f} of the cold build's {all_seconds:.1f} notebook seconds "
        f"({changed_seconds / all_seconds:.0%}); pages Sphinx read again, by edition: "
        f"{', '.join(map(str, pages_read(output))) or 'none'}"
    )
    cold_big = rows[f"cold build, {documents + largest} documents"]
    met = []
    for unit, small, large, again in (
        ("wall", rows[five].wall, cold_big.wall, rows[one].wall),
        ("CPU", rows[five].cpu, cold_big.cpu, rows[one].cpu),
    ):
        ok_cold, ok_one = large <= 3 * small, again <= large / 3
        met += [ok_cold, ok_one]
        print(
            f"goal ({unit} s): {documents + largest}-document cold build within 3 x the {documents}-document one: "
            f"{large:.1f} against {3 * small:.1f}: {large / small:.2f} x, {'met' if ok_cold else 'not met'}"
        )
        print(
            f"goal ({unit} s): one-document rebuild within a third of that cold build: {again:.1f} against "
            f"{large / 3:.1f}: {again / large:.2f} of it, {'met' if ok_one else 'not met'}"
        )
    print(f"figure limit: 2400 px: {'met' if max(pixels, pixels_after) <= 2400 else 'not met'}")
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [50, 250]))
