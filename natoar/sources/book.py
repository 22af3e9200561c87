"""The book's inputs, loaded and checked once: the catalogue, the verified seeds and their paragraphs, and every
curated table with its quotes proven. Chapters start from `load_book()`; the build checks the same object."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from natoar.sources.corpus import Corpus, read_corpus
from natoar.sources.evidence import load_evidence
from natoar.sources.paths import project_root


@dataclass(frozen=True)
class Book:
    """Everything a chapter reads. Frames are handed out as copies, so one chapter cannot change another's."""

    root: Path
    corpus: Corpus
    _tables: dict[str, pd.DataFrame]

    @property
    def catalogue(self) -> pd.DataFrame:
        """The catalogue of documents (data/documents.csv), without the seeds' text."""
        return self.corpus.documents.drop(columns="text")

    @property
    def curated(self) -> pd.DataFrame:
        """The catalogue of the curated documents only: those the chapters count as evidence."""
        catalogue = self.catalogue
        return catalogue[catalogue["curation"] == "curated"].reset_index(drop=True)

    @property
    def documents(self) -> pd.DataFrame:
        """The catalogue with each seed's verified text in a `text` column."""
        return self.corpus.documents.copy()

    @property
    def paragraphs(self) -> pd.DataFrame:
        """The body paragraphs: document id, stable paragraph number, seed line, text and normalised text."""
        return self.corpus.paragraphs.copy()

    @property
    def furniture(self) -> pd.DataFrame:
        """The seed lines removed as site furniture, with the rule that removed each."""
        return self.corpus.furniture.copy()

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every curated table by name ('events', 'reference/summits', ...)."""
        return {name: table.copy() for name, table in self._tables.items()}

    def __getitem__(self, name: str) -> pd.DataFrame:
        """Return one curated table by name."""
        if name not in self._tables:
            raise KeyError(f"no curated table {name!r}; the tables are: {', '.join(sorted(self._tables))}")
        return self._tables[name].copy()


@lru_cache(maxsize=4)
def _load(root: Path) -> Book:
    corpus = read_corpus(root)
    return Book(root, corpus, load_evidence(root, corpus))


def load_book(start: Path | str | None = None) -> Book:
    """Return the inputs of the book at or above `start` (default: the working folder), read and checked once per
    process. Raises BookInputError naming the file, line and fix for any bad input."""
    return _load(project_root(start))


def forget_books() -> None:
    """Forget the inputs read so far in this process, so that the next `load_book` reads them again."""
    _load.cache_clear()
