"""Find mentions of actors and frameworks in Arabic text through their surface forms (data/aliases.csv).

Matching runs on normalised words (see `tokens`) under the 'name' rule of `phrases`: a form may carry the
proclitics و and ف, then ب, ك or ل (للناتو for الناتو), but never matches inside a longer word, so the adjective
المغربي does not count as a mention of المغرب. Forms marked `exclude` (e.g. المغرب العربي, the Maghreb)
suppress the entity's shorter forms they contain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

import pandas as pd

from natoar.text.phrases import PhraseIndex, single_form
from natoar.text.tokens import VOCABULARY, split


@dataclass(frozen=True)
class Matcher:
    """Alias forms in a PhraseIndex (rule 'name'), keyed by (entity, form, use)."""

    index: PhraseIndex

    def spans(self, words: list[str], positions: Iterable[int]) -> list[tuple[str, str, int, int]]:
        """Return (entity, form, first word, word after the last) for each mention starting at one of `positions`.

        At each word the longest form wins; a mention inside a longer mention of another entity still counts
        (نيجيريا inside the pipeline's name), but not inside a longer form of its own entity or inside one
        of its own `exclude` forms.
        """
        reach: dict[str, int] = {}
        kept = []
        for phrase, start, end in self.index.matches(words, positions, longest=True):
            entity, form, use = phrase.key
            if end <= reach.get(entity, -1):
                continue
            reach[entity] = end
            if use != "exclude":
                kept.append((entity, form, start, end))
        return kept

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Return (entity, form, start, end) for each mention in `text`, as character offsets into `text`."""
        raws = split(text)  # the same tokens as the words, with the whitespace before each: for offsets
        words = VOCABULARY.read(text)
        offsets = [0, *accumulate(map(len, raws))]
        found = []
        for entity, form, first, after in self.spans(words, range(len(words))):
            start = offsets[first] + len(raws[first]) - len(raws[first].lstrip())
            found.append((entity, form, start, offsets[after]))
        return found


def build_matcher(
    aliases: pd.DataFrame,
    uses: tuple[str, ...] = ("name", "metonym", "adjective"),
    entities: Iterable[str] | None = None,
) -> Matcher:
    """Return a Matcher for the aliases whose `use` is in `uses` (exclude forms are always applied), of every
    entity or only of `entities`."""
    chosen = aliases[aliases["use"].isin((*uses, "exclude"))]
    if entities is not None:
        chosen = chosen[chosen["entity"].isin(set(entities))]
    if chosen.empty:
        raise ValueError("no alias forms to match")
    entries = sorted(zip(chosen["entity"], chosen["form_ar"], chosen["use"], strict=True))
    return Matcher(PhraseIndex(((form, (entity, form, use), False) for entity, form, use in entries), "name"))


def people_matcher(aliases: pd.DataFrame, actors: pd.DataFrame) -> Matcher:
    """Return a Matcher for the names of the actors who are people (`kind` 'person')."""
    return build_matcher(aliases, ("name",), actors.loc[actors["kind"] == "person", "id"])


def mentions(paragraphs: pd.DataFrame, matcher: Matcher) -> pd.DataFrame:
    """Return one row per mention: document, paragraph, entity, the alias form matched, and its offsets in the text."""
    rows = [
        (doc, number, entity, form, start, end)
        for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True)
        for entity, form, start, end in matcher.find(text)
    ]
    return pd.DataFrame(rows, columns=["doc", "paragraph", "entity", "form", "start", "end"])


def contains_form(text: str, form: str) -> bool:
    """Return True if `form` occurs in `text` as a name (with proclitics, never inside a longer word)."""
    words = VOCABULARY.read(text)
    return bool(single_form(form, "name").matches(words, range(len(words))))
