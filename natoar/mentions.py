"""Find mentions of actors and frameworks in Arabic text through their surface forms (data/aliases.csv).

Matching runs on normalised text (see `arabic.normalise`). A form may carry the proclitics و and ف, then
ب, ك or ل; a form that starts with the article ال also matches after لـ as لل (للناتو). A form never
matches inside a longer word, so the adjective المغربي does not count as a mention of المغرب. Forms
marked `exclude` (e.g. المغرب العربي, the Maghreb) suppress the entity's shorter forms they contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .arabic import normalise

_CONJ = "[وف]?"
_WORD = r"\w"


def form_pattern(form: str) -> str:
    """Return a regular expression (for normalised text) matching `form` with Arabic proclitics."""
    core = normalise(form)
    if core.startswith("ال"):
        body = re.escape(core[2:])
        prefix = rf"{_CONJ}(?:[بك]?ال|لل)"
    else:
        body = re.escape(core)
        prefix = rf"{_CONJ}[بلك]?"
    return rf"(?<!{_WORD}){prefix}{body}(?!{_WORD})"


@dataclass(frozen=True)
class Matcher:
    """A compiled set of alias forms: one regular expression and the (entity, form, use) of each group."""

    pattern: re.Pattern[str]
    groups: tuple[tuple[str, str, str], ...]

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Return (entity, form, start, end) for each mention in `text`, offsets in the normalised text.

        At each position the longest form wins; a mention inside a longer mention of another entity still
        counts (نيجيريا inside the pipeline's name), but not inside a longer form of its own entity or
        inside one of its own `exclude` forms.
        """
        spans = []
        for match in self.pattern.finditer(normalise(text)):
            entity, form, use = self.groups[match.lastindex - 1]
            spans.append((entity, form, use, match.start(), match.end(match.lastindex)))
        kept = []
        for entity, form, use, start, end in spans:
            if use == "exclude":
                continue
            inside_own = any(
                e == entity and s <= start and end <= t and (s, t) != (start, end) for e, _, _, s, t in spans
            )
            if not inside_own:
                kept.append((entity, form, start, end))
        return kept


def build_matcher(aliases: pd.DataFrame, uses: tuple[str, ...] = ("name", "metonym", "adjective")) -> Matcher:
    """Return a Matcher for the aliases whose `use` is in `uses` (exclude forms are always applied)."""
    chosen = aliases[aliases["use"].isin((*uses, "exclude"))]
    rows = sorted(
        zip(chosen["entity"], chosen["form_ar"], chosen["use"], strict=True),
        key=lambda r: (-len(normalise(r[1])), r[0], r[1]),
    )
    if not rows:
        raise ValueError("no alias forms to match")
    alternatives = "|".join(f"({form_pattern(form)})" for _, form, _ in rows)
    return Matcher(re.compile(f"(?=(?:{alternatives}))"), tuple(rows))


def mentions(paragraphs: pd.DataFrame, matcher: Matcher) -> pd.DataFrame:
    """Return one row per mention: document, paragraph, entity, the alias form matched, and its offsets."""
    rows = [
        (doc, number, entity, form, start, end)
        for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True)
        for entity, form, start, end in matcher.find(text)
    ]
    return pd.DataFrame(rows, columns=["doc", "paragraph", "entity", "form", "start", "end"])
