"""The text pipeline for quantitative reading: content words, distinctive terms, themes, keywords in context.

Everything runs on the normalised text (`arabic.normalise`); the original is never changed.
Stop words come from the maintained `arabic-stopwords` list (13,000 inflected forms with their proclitics),
extended with EXTRA_STOP_WORDS: words so common in news prose that they carry no topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from .arabic import normalise, tokens

EXTRA_STOP_WORDS = [
    "يمكن",
    "الامر",
    "وخاصة",
    "خاصة",
    "يكون",
    "يتعلق",
    "جهة",
    "بشكل",
    "عدد",
    "اخري",
    "باعتباره",
    "باعتبارها",
    "حيث",
    "اطار",
    "مجال",
    "المجال",
    "تشمل",
    "الحصول",
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "اضاف",
    "واضاف",
    "اضافت",
    "واضافت",
    "اكد",
    "واكد",
    "اكدت",
    "واكدت",
    "ابرز",
    "وابرز",
    "السيد",
]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return the normalised stop words: the arabic-stopwords list plus EXTRA_STOP_WORDS."""
    import arabicstopwords.arabicstopwords as stp

    return frozenset(normalise(w) for w in (*stp.stopwords_list(), *EXTRA_STOP_WORDS))


def content_words(text: str) -> list[str]:
    """Return the normalised tokens of `text` that are neither stop words, digits nor single letters."""
    stops = stop_words()
    return [t for t in tokens(text) if len(t) > 1 and not t.isdigit() and t not in stops]


def term_counts(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Return one row per document and content word with its count, sorted by document then count."""
    rows = []
    for doc, group in paragraphs.groupby("doc", sort=True):
        counts = Counter(w for text in group["text"] for w in content_words(text))
        rows += [(doc, term, n) for term, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["doc", "term", "count"])
    return frame.sort_values(["doc", "count", "term"], ascending=[True, False, True], ignore_index=True)


def lengths(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Return tokens, types (distinct normalised tokens) and content words per document."""
    rows = []
    for doc, group in paragraphs.groupby("doc", sort=True):
        toks = [t for text in group["text"] for t in tokens(text)]
        content = [w for text in group["text"] for w in content_words(text)]
        rows.append((doc, len(toks), len(set(toks)), len(content), len(set(content))))
    return pd.DataFrame(rows, columns=["doc", "tokens", "types", "content_words", "content_types"])


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


def distinctive(scores: pd.DataFrame, n: int = 8, min_count: int = 2) -> pd.DataFrame:
    """Return the `n` most distinctive terms of each document (z-score, at least `min_count` uses)."""
    kept = scores[scores["count"] >= min_count]
    return kept.groupby("doc", sort=True).head(n).reset_index(drop=True)


def lexicon_pattern(form: str, match: str) -> str:
    """Return the regular expression (normalised text) for a lexicon form with proclitics and, if 'prefix', suffixes."""
    core = normalise(form)
    body = re.escape(core[2:]) if core.startswith("ال") else re.escape(core)
    article = r"(?:[بك]?ال|لل)" if core.startswith("ال") else r"(?:[بلك]?(?:ال|لل)?)"
    suffix = r"\w*" if match == "prefix" else ""
    return rf"(?<!\w)[وف]?{article}{body}{suffix}(?!\w)"


def theme_counts(paragraphs: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Return a theme × document table of lexicon hits in the article text."""
    patterns = {
        theme: re.compile("|".join(lexicon_pattern(f, m) for f, m in zip(g["form_ar"], g["match"], strict=True)))
        for theme, g in lexicon.groupby("theme", sort=True)
    }
    docs = sorted(paragraphs["doc"].unique())
    texts = {doc: normalise(" \n ".join(paragraphs.loc[paragraphs["doc"] == doc, "text"])) for doc in docs}
    table = pd.DataFrame(
        {doc: [len(p.findall(texts[doc])) for p in patterns.values()] for doc in docs}, index=list(patterns)
    )
    return table.rename_axis(index="theme").reset_index()


def kwic(paragraphs: pd.DataFrame, form: str, match: str = "prefix", width: int = 40) -> pd.DataFrame:
    """Return keyword-in-context lines for a lexicon form: document, paragraph, left context, keyword, right context."""
    pattern = re.compile(lexicon_pattern(form, match))
    rows = []
    for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True):
        norm = normalise(text)
        for hit in pattern.finditer(norm):
            rows.append(
                (
                    doc,
                    int(number),
                    norm[max(0, hit.start() - width) : hit.start()].strip(),
                    hit.group(),
                    norm[hit.end() : hit.end() + width].strip(),
                )
            )
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
    raw = re.compile(r"\w+")
    rows = []
    for doc, group in paragraphs.groupby("doc", sort=True):
        before = {w for text in group["text"] for w in raw.findall(text) if not w.isdigit()}
        after = {w for text in group["text"] for w in tokens(text) if not w.isdigit()}
        rows.append((doc, len(before), len(after)))
    return pd.DataFrame(rows, columns=["doc", "types_raw", "types_normalised"])
