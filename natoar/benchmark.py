"""Benchmark the text pipeline on a synthetic corpus built from the seeds' paragraphs.

Run as `python -m natoar.benchmark [N ...]` (default 1000 10000). Each synthetic document is 5 to 30 seed
paragraphs drawn at random (seeded), so the vocabulary stays realistic. The pipeline (normalise, tokenise,
count content words, theme lexicon, alias matching, date extraction) runs beside a floor: one compiled
regular expression and `collections.Counter` over the raw text. Prints documents/s and MB/s (fastest of
five runs), the pipeline/floor ratio (median of five back-to-back pairs), and peak memory (each stage once,
in a fresh process). The pipeline's set-up (reading
the lexicon, the aliases and the stop-word list) is not timed; what it learns while reading (each new chunk's
tokens, each new word's normalised form and candidates) is. Like the floor, the pipeline counts into one
corpus-wide Counter, of whitespace-separated chunks; turning it into counts of normalised words
(`Reader.word_counts`) and dropping stop words, a property of word types (`pipeline.content_counts`), happen
once at the end, inside the timed run.
"""

from __future__ import annotations

import gc
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

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


REPEATS = 5


def _resident_mib(field: str) -> float | None:
    """Return a memory figure of this process from /proc (VmRSS: now; VmHWM: peak since the last reset), or None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _memory(name: str, n: int) -> None:
    """Run one stage once on n documents in this process; print its peak resident memory and its growth (MiB).

    Growth is the peak during the run less the resident memory just before it (the corpus is built by then).
    Where /proc cannot reset the peak, the process's lifetime peak stands in (growth may then read 0).
    """
    docs = synthetic_corpus(n)
    fn = floor if name == "floor" else make_pipeline()
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current size
        before = _resident_mib("VmRSS")
    except OSError:
        before = None
    if before is None:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    fn(docs)
    peak = _resident_mib("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak} {max(peak - before, 0.0)}")


def _seconds(docs: list[str]) -> tuple[dict[str, float], list[float]]:
    """Time the floor and the pipeline REPEATS times each, in pairs; return each one's fastest run and the
    pipeline/floor ratio of each pair.

    Each pipeline run starts from a fresh Reader (nothing learnt carries over; set-up is not timed). The
    machine is shared: a pair meets the same disturbances, so the ratio to quote is the median pair's.
    """
    times: dict[str, list[float]] = {"floor": [], "pipeline": []}
    for _ in range(REPEATS):
        for name in times:
            fn = floor if name == "floor" else make_pipeline()
            start = time.perf_counter()
            fn(docs)
            times[name].append(time.perf_counter() - start)
    ratios = [p / f for p, f in zip(times["pipeline"], times["floor"], strict=True)]
    return {name: min(values) for name, values in times.items()}, ratios


def main(sizes: list[int]) -> None:
    """Print the benchmark table: times from this process, memory from a fresh process per stage."""
    print(
        f"{'documents':>10} {'MB':>6} {'stage':>9} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} "
        f"{'peak RSS MiB':>13} {'growth MiB':>11}"
    )
    for n in sizes:
        docs = synthetic_corpus(n)
        megabytes = sum(len(d.encode()) for d in docs) / 1e6
        seconds, ratios = _seconds(docs)
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
        print(
            f"{n:>10} {'':>6} {'ratio':>9} {statistics.median(ratios):>7.2f}x  "
            f"(median of {len(ratios)} paired runs; range {min(ratios):.2f} to {max(ratios):.2f})"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--memory":
        _memory(sys.argv[2], int(sys.argv[3]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
