"""The sources chapter's tables: removed furniture by rule, the documents' dating, and its key findings."""

from __future__ import annotations

import pandas as pd

from natoar.text.dates import parse_date

DAYS_PER_YEAR = 365.25


def furniture_by_reason(furniture: pd.DataFrame) -> pd.DataFrame:
    """Return a reason × document count of removed furniture lines, reasons sorted by total."""
    table = pd.crosstab(furniture["reason"], furniture["doc"])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return table.reset_index().rename_axis(columns=None)


def dating(catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return, per document, its printed and best-estimate dates and their distance from the last event described."""
    rows = []
    for doc in catalogue.itertuples():
        written = parse_date(doc.date_iso)
        last_event = parse_date(doc.events_to)
        printed = parse_date(doc.date_printed_iso) if doc.date_printed_iso else None
        printed_gap = (printed.start - last_event.start).days / DAYS_PER_YEAR if printed else None
        rows.append(
            {
                "doc": doc.id,
                "printed": doc.date_printed_iso or "—",
                "written": doc.date_iso,
                "precision": written.precision,
                "basis": doc.date_basis,
                "events": f"{doc.events_from} – {doc.events_to}",
                "printed minus last event (years)": "—" if printed_gap is None else f"{printed_gap:.1f}",
            }
        )
    return pd.DataFrame(rows)


def corpus_counts(catalogue: pd.DataFrame) -> dict[str, int]:
    """Return the corpus's size for the prose: documents, outlets and genres."""
    return {
        "n_documents": len(catalogue),
        "n_outlets": int(catalogue["outlet"].nunique()),
        "n_genres": int(catalogue["genre"].nunique()),
    }


def key_findings(catalogue: pd.DataFrame, lengths: pd.DataFrame, furniture: pd.DataFrame) -> list[str]:
    """Return the sources chapter's key findings as sentences built from the data."""
    years = [parse_date(d) for d in catalogue["date_iso"]]
    longest = lengths.loc[lengths["words"].idxmax()]
    shortest = lengths.loc[lengths["words"].idxmin()]
    undated = catalogue.loc[catalogue["date_printed_iso"] == "", "id"].tolist()
    corrected = catalogue.loc[catalogue["date_basis"] == "corrected", "id"].tolist()
    return [
        f"{len(catalogue)} documents from {catalogue['outlet'].nunique()} outlets in "
        f"{catalogue['genre'].nunique()} genres, written between {min(y.start.year for y in years)} "
        f"and {max(y.end.year for y in years)}.",
        f"{lengths['words'].sum()} words of article text in {lengths['paragraphs'].sum()} paragraphs; "
        f"the longest is {longest['doc']} ({longest['words']} words), the shortest {shortest['doc']} "
        f"({shortest['words']}).",
        f"{len(undated)} documents print no date ({', '.join(undated) or 'none'}) and are dated from their "
        f"content; {len(corrected)} printed date is contradicted by its own text ({', '.join(corrected) or 'none'}).",
        f"{len(furniture)} lines of site furniture were removed by {furniture['reason'].nunique()} general rules.",
    ]
