"""Benchmark the text pipeline on a synthetic corpus built from the seeds' paragraphs.

Run as `python -m natoar.benchmark [N ...]` (default 1000 10000). Each synthetic document is 5 to 30 seed
paragraphs drawn at random (seeded), so the vocabulary stays realistic. The pipeline (normalise, tokenise,
count content words, theme lexicon, alias matching, date extraction) runs beside a floor: one compiled
regular expression and `collections.Counter` over the raw text. Prints documents/s, MB/s and peak memory,
each stage in a fresh process.
"""

from __future__ import annotations

import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter

from .corpus import paragraphs
from .datetext import find_dates
from .evidence import load_table
from .mentions import build_matcher
from .paths import project_root
from .text import content_words, lexicon_pattern

SEED = 20141

_FLOOR = re.compile(r"[\u0600-\u06ff]+|[^\W\d_]+|\d+")


def synthetic_corpus(n: int, seed: int = SEED) -> list[str]:
    """Return `n` documents of 5 to 30 paragraphs each, drawn from the seeds' article text."""
    pool = paragraphs()["text"].tolist()
    rng = random.Random(seed)
    return ["\n\n".join(rng.choices(pool, k=rng.randint(5, 30))) for _ in range(n)]


def floor(docs: list[str]) -> Counter:
    """The floor: one compiled regular expression and a Counter, nothing else."""
    counts: Counter = Counter()
    for doc in docs:
        counts.update(_FLOOR.findall(doc))
    return counts


def make_pipeline():
    """Return the full text pipeline as a function of a list of documents."""
    import pandas as pd

    root = project_root()
    lexicon = pd.read_csv(root / "data" / "theme_lexicon.csv", dtype=str, keep_default_na=False)
    themes = re.compile(
        "|".join(f"(?:{lexicon_pattern(f, m)})" for f, m in zip(lexicon["form_ar"], lexicon["match"], strict=True))
    )
    matcher = build_matcher(load_table("aliases", root))

    def run(docs: list[str]) -> tuple[Counter, int, int, int]:
        from .arabic import normalise

        counts: Counter = Counter()
        hits = mentions = dates = 0
        for doc in docs:
            counts.update(content_words(doc))
            norm = normalise(doc)
            hits += len(themes.findall(norm))
            mentions += len(matcher.find(doc))
            dates += len(find_dates(doc, "2020-12-25"))
        return counts, hits, mentions, dates

    return run


def _stage(name: str, n: int) -> None:
    """Run one stage on n documents in this process and print seconds and peak resident memory (MiB)."""
    docs = synthetic_corpus(n)
    fn = floor if name == "floor" else make_pipeline()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    fn(docs)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds} {after / 1024} {(after - before) / 1024}")


def main(sizes: list[int]) -> None:
    """Print the benchmark table; each stage runs in a fresh process so that memory figures are its own."""
    print(
        f"{'documents':>10} {'MB':>6} {'stage':>9} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} "
        f"{'peak RSS MiB':>13} {'growth MiB':>11}"
    )
    for n in sizes:
        megabytes = sum(len(d.encode()) for d in synthetic_corpus(n)) / 1e6
        seconds = {}
        for name in ("floor", "pipeline"):
            out = subprocess.run(
                [sys.executable, "-m", "natoar.benchmark", "--stage", name, str(n)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            seconds[name], peak, growth = (float(v) for v in out)
            print(
                f"{n:>10} {megabytes:>6.1f} {name:>9} {seconds[name]:>8.2f} {n / seconds[name]:>8.0f} "
                f"{megabytes / seconds[name]:>6.2f} {peak:>13.0f} {growth:>11.0f}"
            )
        print(f"{n:>10} {'':>6} {'ratio':>9} {seconds['pipeline'] / seconds['floor']:>7.1f}x")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--stage":
        _stage(sys.argv[2], int(sys.argv[3]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
