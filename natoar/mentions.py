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


_TOKEN = re.compile(r"\w+")


def _cores(token: str) -> set[str]:
    """Return the forms a token can stand for once the proclitics و ف and ب ك ل are removed (لل becomes ال)."""
    cores = {token}
    for conj in ("", "و", "ف"):
        if not token.startswith(conj):
            continue
        rest = token[len(conj) :]
        cores.add(rest)
        if rest.startswith("لل") and len(rest) > 2:
            cores.add("ال" + rest[2:])
        for prep in ("ب", "ك", "ل"):
            if rest.startswith(prep) and len(rest) > 1:
                cores.add(rest[1:])
    return {c for c in cores if c}


@dataclass(frozen=True)
class Matcher:
    """Alias forms indexed by their first word, for a token-by-token scan of normalised text."""

    index: dict[str, tuple[tuple[tuple[str, ...], str, str, str], ...]]

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Return (entity, form, start, end) for each mention in `text`, offsets in the normalised text.

        At each word the longest form wins; a mention inside a longer mention of another entity still counts
        (نيجيريا inside the pipeline's name), but not inside a longer form of its own entity or inside one
        of its own `exclude` forms.
        """
        norm = normalise(text)
        words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]
        spans = []
        for i, (token, start, _) in enumerate(words):
            best = None
            for core in _cores(token):
                for rest, entity, form, use in self.index.get(core, ()):
                    last = i + len(rest)
                    if last >= len(words) or any(
                        words[i + k + 1][0] != w or norm[words[i + k][2] : words[i + k + 1][1]].strip()
                        for k, w in enumerate(rest)
                    ):
                        continue
                    end = words[last][2]
                    if best is None or end > best[4]:
                        best = (entity, form, use, start, end)
            if best:
                spans.append(best)
        return _outermost(spans)


def _outermost(spans: list[tuple[str, str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Drop exclude spans, and spans inside a longer span (or an exclude span) of the same entity."""
    inner = set()
    by_entity: dict[str, list[tuple[int, int, int]]] = {}
    for i, (entity, _, _, start, end) in enumerate(spans):
        by_entity.setdefault(entity, []).append((start, -end, i))
    for items in by_entity.values():
        reach = -1
        for _start, negative_end, i in sorted(items):
            if -negative_end <= reach:
                inner.add(i)
            reach = max(reach, -negative_end)
    return [(e, f, s, t) for i, (e, f, u, s, t) in enumerate(spans) if u != "exclude" and i not in inner]


def build_matcher(aliases: pd.DataFrame, uses: tuple[str, ...] = ("name", "metonym", "adjective")) -> Matcher:
    """Return a Matcher for the aliases whose `use` is in `uses` (exclude forms are always applied)."""
    chosen = aliases[aliases["use"].isin((*uses, "exclude"))]
    if chosen.empty:
        raise ValueError("no alias forms to match")
    index: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
    for entity, form, use in sorted(zip(chosen["entity"], chosen["form_ar"], chosen["use"], strict=True)):
        words = _TOKEN.findall(normalise(form))
        index.setdefault(words[0], []).append((tuple(words[1:]), entity, form, use))
    return Matcher({k: tuple(v) for k, v in index.items()})


def mentions(paragraphs: pd.DataFrame, matcher: Matcher) -> pd.DataFrame:
    """Return one row per mention: document, paragraph, entity, the alias form matched, and its offsets."""
    rows = [
        (doc, number, entity, form, start, end)
        for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True)
        for entity, form, start, end in matcher.find(text)
    ]
    return pd.DataFrame(rows, columns=["doc", "paragraph", "entity", "form", "start", "end"])
