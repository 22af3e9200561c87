"""Corpus statistics for the text chapter: lengths, term counts, distinctive terms, themes per document,
keywords in context, co-occurrence and what normalisation merges."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from natoar.text.dates import parse_date
from natoar.text.lexicon import content_words, is_content, theme_hits, theme_index
from natoar.text.names import Matcher
from natoar.text.phrases import single_form
from natoar.text.tokens import VOCABULARY, is_word, split, words


def term_counts(paragraphs: pd.DataFrame, leave_out: Matcher | None = None) -> pd.DataFrame:
    """Return one row per document and content word with its count, sorted by document then count.

    With `leave_out` (e.g. `mentions.people_matcher`), words inside its mentions are not counted: a name split
    into words (دخل الله, 'entered' and 'God') is not vocabulary.
    """
    rows = []
    for doc, group in paragraphs.groupby("doc", sort=True):
        counts = Counter(w for text in group["text"] for w in content_words(text, leave_out))
        rows += [(doc, term, n) for term, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["doc", "term", "count"])
    return frame.sort_values(["doc", "count", "term"], ascending=[True, False, True], ignore_index=True)


def lengths(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Return per document, in the paragraphs' order: paragraphs, words (every normalised word and number the
    text pipeline counts), characters, types (distinct words), content words and content types."""
    rows = []
    for doc, group in paragraphs.groupby("doc", sort=False):
        found = [w for text in group["text"] for w in words(text)]
        content = [w for w in found if is_content(w)]
        characters = int(group["text"].str.len().sum())
        rows.append((doc, len(group), len(found), characters, len(set(found)), len(content), len(set(content))))
    columns = ["doc", "paragraphs", "words", "characters", "types", "content_words", "content_types"]
    return pd.DataFrame(rows, columns=columns)


def log_odds(counts: pd.DataFrame, prior_scale: float = 1.0) -> pd.DataFrame:
    """Return the weighted log-odds (z-score) of each term in each document against all other documents.

    Monroe, Colaresi & Quinn (2008), 'Fightin' Words', with an informative Dirichlet prior: the prior count of
    a term is its share of the whole corpus times `prior_scale` times the corpus size.
    """
    table = counts.pivot_table(index="term", columns="doc", values="count", fill_value=0, aggfunc="sum")
    total = table.sum(axis=1)
    alpha = total / total.sum() * prior_scale * total.sum()
    alpha0 = alpha.sum()
    rows = []
    for doc in table.columns:
        y_i, y_j = table[doc], total - table[doc]
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = ((y_i + alpha) / (n_i + alpha0 - y_i - alpha)).map(math.log) - (
            (y_j + alpha) / (n_j + alpha0 - y_j - alpha)
        ).map(math.log)
        variance = 1 / (y_i + alpha) + 1 / (y_j + alpha)
        z = delta / variance.map(math.sqrt)
        rows.append(pd.DataFrame({"doc": doc, "term": table.index, "count": y_i.to_numpy(), "z": z.to_numpy()}))
    frame = pd.concat(rows, ignore_index=True)
    return frame.sort_values(["doc", "z", "term"], ascending=[True, False, True], ignore_index=True)


TOP_TERMS = 6  # words per document in the chapter's word tables and figures (and in the gloss check)


def distinctive(scores: pd.DataFrame, n: int = TOP_TERMS, min_count: int = 2) -> pd.DataFrame:
    """Return the `n` most distinctive terms of each document (z-score, at least `min_count` uses)."""
    kept = scores[scores["count"] >= min_count]
    return kept.groupby("doc", sort=True).head(n).reset_index(drop=True)


def highest_scoring(scores: pd.DataFrame, limit: int, value: str = "z") -> list[str]:
    """Return the documents of `scores`, sorted; above `limit` of them, the `limit` whose top term scores highest
    (the ones a chart of panels, or a sentence, has room for)."""
    docs = sorted(scores["doc"].unique())
    if len(docs) <= limit:
        return docs
    best = scores.groupby("doc")[value].max().sort_values(ascending=False, kind="stable")
    return sorted(best.index[:limit])


def theme_counts(paragraphs: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Return a theme × document table of lexicon hits in the article text."""
    index = theme_index(lexicon)
    docs = sorted(paragraphs["doc"].unique())
    totals = {doc: Counter() for doc in docs}
    for doc, text in zip(paragraphs["doc"], paragraphs["text"], strict=True):
        found = VOCABULARY.read(text)
        totals[doc] += theme_hits(index, found, range(len(found)))
    themes = sorted(lexicon["theme"].unique())
    table = pd.DataFrame({doc: [totals[doc][t] for t in themes] for doc in docs}, index=themes)
    return table.rename_axis(index="theme").reset_index()


def _before(raws: list[str], start: int, width: int) -> str:
    """Return the whole tokens just before `start` that fit in `width` characters (at least one)."""
    first, size = start, 0
    while first > 0 and (first == start or size + len(raws[first - 1]) <= width):
        first -= 1
        size += len(raws[first])
    while first < start - 1 and not raws[first].strip()[:1].isalnum():
        first += 1  # a context starts at a word, not at the comma that ended the clause before
    return "".join(raws[first:start]).strip()


def _after(raws: list[str], end: int, width: int) -> str:
    """Return the whole tokens from `end` on that fit in `width` characters (at least one)."""
    last, size = end, 0
    while last < len(raws) and (last == end or size + len(raws[last]) <= width):
        size += len(raws[last])
        last += 1
    return "".join(raws[end:last]).strip()


def kwic(paragraphs: pd.DataFrame, form: str, match: str = "prefix", width: int = 40) -> pd.DataFrame:
    """Return keyword-in-context lines for a lexicon form, quoting the original text around each hit.

    Columns: document, paragraph, left context, keyword as written, right context (whole words, about
    `width` characters each side).
    """
    index = single_form(form, "term", match == "prefix")
    rows = []
    for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True):
        raws = split(text)  # the same tokens as `found`, with the whitespace before each: for quoting
        found = VOCABULARY.read(text)
        for _, start, end in index.matches(found, range(len(found))):
            keyword = "".join(raws[start:end]).strip()
            rows.append((doc, int(number), _before(raws, start, width), keyword, _after(raws, end, width)))
    return pd.DataFrame(rows, columns=["doc", "paragraph", "left", "keyword", "right"])


def cooccurrence(found: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Return how often the `top` most mentioned entities appear in the same paragraph, as a square table."""
    leaders = found.groupby("entity").size().sort_values(ascending=False, kind="stable").head(top).index.tolist()
    together = found[found["entity"].isin(leaders)].drop_duplicates(["doc", "paragraph", "entity"])
    pairs = together.merge(together, on=["doc", "paragraph"])
    pairs = pairs[pairs["entity_x"] != pairs["entity_y"]]
    table = pd.crosstab(pairs["entity_x"], pairs["entity_y"]).reindex(index=leaders, columns=leaders, fill_value=0)
    return table.rename_axis(index="entity", columns=None).reset_index()


def normalisation_effect(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Return the number of distinct word forms before and after normalisation, per document."""
    rows = []
    for doc, group in paragraphs.groupby("doc", sort=True):
        found = [w for text in group["text"] for w in VOCABULARY.read(text) if is_word(w) and not w.isdigit()]
        rows.append((doc, len({w.written for w in found}), len(set(found))))
    return pd.DataFrame(rows, columns=["doc", "types_raw", "types_normalised"])


def dated_in_events(resolved: pd.DataFrame, events: pd.DataFrame) -> list[bool]:
    """Return, for each resolved date expression (doc, paragraph, resolved), whether an event curated from the same
    paragraph of the same document has a date that overlaps it: a check of the date finder that a misreading fails,
    since the events were dated by a reader, paragraph by paragraph."""
    spans = {}
    for event in events.itertuples():
        spans.setdefault((event.seed, int(event.paragraph)), []).append(parse_date(event.date))
    checks = []
    for row in resolved.itertuples():
        found = parse_date(row.resolved)
        checks.append(any(found.overlaps(s) for s in spans.get((row.doc, int(row.paragraph)), [])))
    return checks
