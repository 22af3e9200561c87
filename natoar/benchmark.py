"""Benchmark the text pipeline on a synthetic corpus built from the seeds' paragraphs.

Run as `python -m natoar.benchmark [N ...]` (default 1000 10000). Each synthetic document is 5 to 30 seed
paragraphs drawn at random (seeded), so the vocabulary stays realistic. The pipeline (normalise, tokenise,
count content words, theme lexicon, alias matching, date extraction) runs beside a floor: one compiled
regular expression and `collections.Counter` over the raw text. Prints documents/s and MB/s (fastest of
three alternating runs) and peak memory (each stage once, in a fresh process). The pipeline's set-up (reading
the lexicon, the aliases and the stop-word list) is not timed; what it learns while reading (each new chunk's
tokens, each new word's normalised form and candidates) is. Like the floor, the pipeline counts into one
corpus-wide Counter, of whitespace-separated chunks; turning it into counts of normalised words
(`Reader.word_counts`) and dropping stop words, a property of word types (`pipeline.content_counts`), happen
once at the end, inside the timed run.
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
from .dates import parse_date
from .evidence import load_table
from .paths import project_root
from .pipeline import Reader, content_counts
from .text import stop_words

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
    """Return the full text pipeline (`pipeline.Reader`) as a function of a list of documents."""
    root = project_root()
    reader = Reader(load_table("theme_lexicon", root), load_table("aliases", root))
    written = parse_date("2020-12-25")
    stop_words()  # set-up, like the lexicon and the aliases: loaded once, outside the timed run

    def run(docs: list[str]) -> tuple[Counter, int, int, int]:
        tally: Counter = Counter()
        hits = mentions = dates = 0
        for doc in docs:
            reading = reader.read(doc, written, tally)
            hits += reading.themes.total()
            mentions += len(reading.mentions)
            dates += len(reading.dates)
        return content_counts(reader.word_counts(tally)), hits, mentions, dates

    return run


REPEATS = 3


def _memory(name: str, n: int) -> None:
    """Run one stage once on n documents in this process; print its peak resident memory and growth (MiB)."""
    docs = synthetic_corpus(n)
    fn = floor if name == "floor" else make_pipeline()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fn(docs)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{after / 1024} {(after - before) / 1024}")


def _seconds(docs: list[str]) -> dict[str, float]:
    """Time the floor and the pipeline REPEATS times each, alternating, and keep each one's fastest run.

    Each pipeline run starts from a fresh Reader (nothing learnt carries over; set-up is not timed). The
    machine is shared, so runs alternate (both meet the same disturbances) and the minimum is reported.
    """
    times: dict[str, list[float]] = {"floor": [], "pipeline": []}
    for _ in range(REPEATS):
        for name in times:
            fn = floor if name == "floor" else make_pipeline()
            start = time.perf_counter()
            fn(docs)
            times[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in times.items()}


def main(sizes: list[int]) -> None:
    """Print the benchmark table: times from this process, memory from a fresh process per stage."""
    print(
        f"{'documents':>10} {'MB':>6} {'stage':>9} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} "
        f"{'peak RSS MiB':>13} {'growth MiB':>11}"
    )
    for n in sizes:
        docs = synthetic_corpus(n)
        megabytes = sum(len(d.encode()) for d in docs) / 1e6
        seconds = _seconds(docs)
        for name in ("floor", "pipeline"):
            out = subprocess.run(
                [sys.executable, "-m", "natoar.benchmark", "--memory", name, str(n)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            peak, growth = (float(v) for v in out)
            print(
                f"{n:>10} {megabytes:>6.1f} {name:>9} {seconds[name]:>8.2f} {n / seconds[name]:>8.0f} "
                f"{megabytes / seconds[name]:>6.2f} {peak:>13.0f} {growth:>11.0f}"
            )
        print(f"{n:>10} {'':>6} {'ratio':>9} {seconds['pipeline'] / seconds['floor']:>7.1f}x")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--memory":
        _memory(sys.argv[2], int(sys.argv[3]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
