"""Exceptions that name the file, the row or line, and the fix."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path


class BookInputError(ValueError):
    """Bad input to the book: a seed, a catalogue row or a curated table."""

    def __init__(self, path: Path | str, problem: str, fix: str, where: str = "") -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        self.fix = fix
        location = f"{self.path}, {where}" if where else self.path
        super().__init__(f"{location}: {problem}. Fix: {fix}")


class SeedError(BookInputError):
    """A seed file is missing, altered or not readable as UTF-8 text."""


class CatalogueError(BookInputError):
    """The catalogue of documents does not match the seeds or breaks its schema."""


class TableError(BookInputError):
    """A curated table breaks its declared schema."""


class DescriptorError(BookInputError):
    """The data package descriptor (data/datapackage.yaml) is malformed or declares what the loader cannot check."""


def exit_status(run: Callable[[], int], unchanged: str) -> int:
    """Return `run()`'s exit status, or, when the user presses Ctrl-C, 130 after one line saying what the
    interrupted command left as it was (`unchanged`), instead of a traceback: the KeyboardInterrupt's, or that of
    whatever the interrupt broke first (a notebook's kernel, a worker process, which get the signal too)."""
    pressed = []

    def interrupt(signum: int, frame: object) -> None:
        pressed.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        return run()
    except BaseException as err:
        if not (pressed or isinstance(err, KeyboardInterrupt)):
            raise
        print(f"interrupted: {unchanged}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGINT, previous)
