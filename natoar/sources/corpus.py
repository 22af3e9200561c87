"""The corpus: the catalogue of documents (data/documents.csv), the seed files, their paragraphs and furniture."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from natoar.sources.datapackage import DATA, read_package
from natoar.sources.errors import CatalogueError, SeedError
from natoar.sources.furniture import classify_lines
from natoar.sources.paths import project_root
from natoar.sources.textfile import read_text
from natoar.text.letters import normalise

CATALOGUE_TABLE = "documents"
CATALOGUE = DATA / f"{CATALOGUE_TABLE}.csv"
SEEDS = Path("seeds")


def load_catalogue(root: Path | None = None) -> pd.DataFrame:
    """Return the validated catalogue: one row per document, checked against the files in seeds/."""
    root = project_root(root)
    catalogue = read_package(root).table(CATALOGUE_TABLE).read(root, CatalogueError)
    on_disk = sorted(p.name for p in (root / SEEDS).iterdir())
    _refuse_stray_files(root, on_disk)
    listed = set(catalogue["file"])
    unlisted = [name for name in on_disk if name not in listed]
    if unlisted:
        raise CatalogueError(
            root / SEEDS / unlisted[0],
            "this seed has no row in the catalogue",
            f"add a row for it to {CATALOGUE}, or remove the file",
        )
    return catalogue.sort_values("file", ignore_index=True)


def _refuse_stray_files(root: Path, names: list[str]) -> None:
    """Raise CatalogueError for the first entry of seeds/ that is not a `*.txt` file: the book reads only those,
    so anything else there (a seed saved as .TXT or .md, a folder, a hidden file) would be ignored silently."""
    for name in names:
        path = root / SEEDS / name
        if name.endswith(".txt") and not name.startswith(".") and path.is_file():
            continue
        kind = "a folder" if path.is_dir() else "a hidden file" if name.startswith(".") else "a file"
        raise CatalogueError(
            path,
            f"this is {kind} in seeds/ that is not a *.txt seed, so the book would ignore it",
            "if it is a seed, rename it to end in .txt (lower case) and add its row to "
            f"{CATALOGUE} (make add-source does both); otherwise move it out of seeds/",
        )


def read_seed(root: Path, file: str, sha256: str) -> str:
    """Return a seed's text after checking that its bytes match the catalogued SHA-256."""
    path = root / SEEDS / file
    if not path.is_file():
        raise SeedError(
            path,
            "the catalogue lists this seed but the file is missing",
            f"restore it byte for byte, or remove its row from {CATALOGUE}",
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise SeedError(
            path,
            f"SHA-256 is {digest}, the catalogue says {sha256}",
            "restore the original bytes; if the new file is intended, update sha256 in the catalogue",
        )
    return read_text(path, SeedError)


def load_documents(root: Path | None = None) -> pd.DataFrame:
    """Return the catalogue with each seed's verified text in a `text` column."""
    root = project_root(root)
    documents = load_catalogue(root)
    documents["text"] = [read_seed(root, f, s) for f, s in zip(documents["file"], documents["sha256"], strict=True)]
    return documents


@dataclass(frozen=True)
class Corpus:
    """The corpus read once: the verified documents, their body paragraphs, removed furniture and headlines."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    furniture: pd.DataFrame
    headlines: pd.DataFrame


def _lines(root: Path, documents: pd.DataFrame) -> pd.DataFrame:
    """Return one row per non-blank seed line: document id, line number, text, role and reason."""
    rows = []
    for doc in documents.itertuples():
        lines = classify_lines(doc.text, doc.title_ar, doc.outlet_ar)
        if not any(line.role == "headline" for line in lines):
            raise CatalogueError(
                root / CATALOGUE,
                f"the title of '{doc.id}' is not a line of {doc.file}",
                "copy title_ar exactly as the seed prints it",
                where=f"line {doc.line}",
            )
        if not any(line.role == "body" for line in lines):
            removed = Counter(line.reason for line in lines if line.role == "furniture")
            if removed:
                reasons = ", ".join(f"{n} as {reason}" for reason, n in sorted(removed.items()))
                raise SeedError(
                    root / SEEDS / doc.file,
                    "no Arabic article text was found: every line besides the headline was removed as site "
                    f"furniture ({reasons})",
                    "check that the file holds the article; if it does, the furniture rules in "
                    "natoar/sources/furniture.py are too broad for it",
                )
            raise SeedError(
                root / SEEDS / doc.file,
                "no Arabic article text was found",
                "check that the file holds the article, not only page furniture",
            )
        rows += [(doc.id, line.number, line.text, line.role, line.reason) for line in lines]
    return pd.DataFrame(rows, columns=["doc", "line", "text", "role", "reason"])


def read_corpus(root: Path | None = None) -> Corpus:
    """Return the whole corpus, reading and checking every seed once."""
    root = project_root(root)
    documents = load_documents(root)
    lines = _lines(root, documents)
    body = lines[lines["role"] == "body"].drop(columns=["role", "reason"]).reset_index(drop=True)
    body.insert(1, "paragraph", body.groupby("doc").cumcount() + 1)
    body["norm"] = body["text"].map(normalise)
    removed = lines[lines["role"] == "furniture"].drop(columns="role").reset_index(drop=True)
    heads = lines[lines["role"] == "headline"][["doc", "line", "text"]].reset_index(drop=True)
    return Corpus(documents, body, removed, heads)


def paragraph_text(paragraphs: pd.DataFrame, doc: str, number: int) -> str:
    """Return the text of paragraph `number` of document `doc`, or raise KeyError naming both."""
    match = paragraphs[(paragraphs["doc"] == doc) & (paragraphs["paragraph"] == number)]
    if match.empty:
        raise KeyError(f"document '{doc}' has no paragraph {number}")
    return str(match["text"].iloc[0])
