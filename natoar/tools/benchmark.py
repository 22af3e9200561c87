"""Benchmark the text pipeline on a synthetic corpus built from the seeds' paragraphs.

Run as `python -m natoar.tools.benchmark [N ...]` (default 1000 10000). Each synthetic document is 5 to 30 seed
paragraphs drawn at random (seeded), so the vocabulary stays realistic. The pipeline (normalise, tokenise,
count content words, theme lexicon, alias matching, date extraction) runs beside a floor: one compiled
regular expression and `collections.Counter` over the raw text.

Timing: each of five runs feeds the corpus to a fresh floor and a fresh pipeline in batches of 100 documents,
the two taking turns batch by batch, and sums each one's time. The machine is shared and its speed drifts by
a third within seconds; taking turns every few milliseconds gives both stages the same conditions, so their
ratio is steady even when the absolute times are not. Printed: documents/s and MB/s (fastest run), the
pipeline/floor ratio (median run, with the range), and peak memory (each stage once, in a fresh process).

The pipeline's set-up (reading the lexicon, the aliases and the stop-word list) is not timed; what it learns
while reading (each new chunk's tokens, each new word's normalised form and candidates) is. Like the floor, the
pipeline counts into one corpus-wide Counter, of whitespace-separated chunks; turning it into counts of
normalised words (`Reader.word_counts`) and dropping stop words, a property of word types
(`pipeline.content_counts`), happen once at the end, inside the timed run.
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

from natoar.sources.corpus import read_corpus
from natoar.sources.evidence import load_table
from natoar.sources.paths import project_root
from natoar.text.dates import parse_date
from natoar.text.lexicon import stop_words
from natoar.text.reading import Reader, content_counts

SEED = 20141

_FLOOR = re.compile(r"[\u0600-\u06ff]+|[^\W\d_]+|\d+")


def synthetic_corpus(n: int, seed: int = SEED) -> list[str]:
    """Return `n` documents of 5 to 30 paragraphs each, drawn from the seeds' article text."""
    pool = read_corpus().paragraphs["text"].tolist()
    rng = random.Random(seed)
    return ["\n\n".join(rng.choices(pool, k=rng.randint(5, 30))) for _ in range(n)]


class Floor:
    """The floor: one compiled regular expression and a Counter, nothing else."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def feed(self, docs: list[str]) -> None:
        for doc in docs:
            self.counts.update(_FLOOR.findall(doc))

    def finish(self) -> Counter:
        return self.counts


class Pipeline:
    """The full text pipeline (`pipeline.Reader`): word counts, theme hits, mentions and dates of a corpus."""

    def __init__(self) -> None:
        root = project_root()
        self.reader = Reader(load_table("theme_lexicon", root), load_table("aliases", root))
        self.written = parse_date("2020-12-25")
        stop_words()  # set-up, like the lexicon and the aliases: loaded once, outside the timed run
        self.tally: Counter = Counter()
        self.hits = self.mentions = self.dates = 0

    def feed(self, docs: list[str]) -> None:
        for doc in docs:
            reading = self.reader.read(doc, self.written, self.tally)
            self.hits += reading.themes.total()
            self.mentions += len(reading.mentions)
            self.dates += len(reading.dates)

    def finish(self) -> tuple[Counter, int, int, int]:
        return content_counts(self.reader.word_counts(self.tally)), self.hits, self.mentions, self.dates


STAGES = {"floor": Floor, "pipeline": Pipeline}


REPEATS = 5
BATCH = 100


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
    stage = STAGES[name]()
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current size
        before = _resident_mib("VmRSS")
    except OSError:
        before = None
    if before is None:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage.feed(docs)
    stage.finish()
    peak = _resident_mib("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak} {max(peak - before, 0.0)}")


def _one_run(docs: list[str]) -> dict[str, float]:
    """Feed `docs` to a fresh floor and a fresh pipeline, taking turns every BATCH documents; return each one's
    total seconds (set-up excluded, the final count included)."""
    stages = {name: make() for name, make in STAGES.items()}
    seconds = dict.fromkeys(stages, 0.0)
    for k, first in enumerate(range(0, len(docs), BATCH)):
        batch = docs[first : first + BATCH]
        order = list(stages) if k % 2 == 0 else list(reversed(stages))  # neither always goes first
        for name in order:
            start = time.perf_counter()
            stages[name].feed(batch)
            seconds[name] += time.perf_counter() - start
    for name, stage in stages.items():
        start = time.perf_counter()
        stage.finish()
        seconds[name] += time.perf_counter() - start
    return seconds


def _seconds(docs: list[str]) -> tuple[dict[str, float], list[float]]:
    """Return each stage's fastest total over REPEATS runs, and the pipeline/floor ratio of each run."""
    runs = [_one_run(docs) for _ in range(REPEATS)]
    fastest = {name: min(r[name] for r in runs) for name in STAGES}
    return fastest, [r["pipeline"] / r["floor"] for r in runs]


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
                [sys.executable, "-m", "natoar.tools.benchmark", "--memory", name, str(n)],
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
            f"(median of {len(ratios)} runs; range {min(ratios):.2f} to {max(ratios):.2f})"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--memory":
        _memory(sys.argv[2], int(sys.argv[3]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
