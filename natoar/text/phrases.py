"""Find Arabic phrases (names, lexicon forms) in a list of normalised words, allowing proclitics on the first word.

The first word may carry the conjunctions و or ف, then one of the prepositions ب ك ل. A form that starts with
the article ال also matches after لـ as لل (للناتو). Two rules differ in what a form without the article accepts:

- `name` (aliases): no article may be added, so مالي never matches الماليه;
- `term` (theme lexicon): the article may be added, so إرهاب matches الإرهاب.

A `prefix` form also accepts any ending on its last word (إرهاب → الإرهابية). A form never matches part of a
longer word otherwise: المغربي is not المغرب. The letters themselves are declared in `proclitics`.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from natoar.text import proclitics
from natoar.text.letters import normalise
from natoar.text.tokens import is_word, split


def form_words(form: str) -> tuple[str, ...]:
    """Return the normalised tokens of a form: its words, and any punctuation inside it (2020-2030)."""
    found = tuple(w for w in (normalise(raw).strip() for raw in split(form)) if w)
    if not any(is_word(w) for w in found):
        raise ValueError(f"form {form!r} has no words")
    if not is_word(found[0]):
        raise ValueError(f"form {form!r} starts with punctuation")
    return found


def first_word_pattern(word: str, rule: str, prefix: bool) -> str:
    """Return the regular expression a token must match in full to stand for `word` as a phrase's first word."""
    if rule not in proclitics.PREPOSITION:
        raise ValueError(f"unknown rule {rule!r}: expected one of {sorted(proclitics.PREPOSITION)}")
    if word.startswith("ال"):
        head = proclitics.CONJUNCTION + proclitics.ARTICLE + re.escape(word[2:])
    else:
        head = proclitics.CONJUNCTION + proclitics.PREPOSITION[rule] + re.escape(word)
    return head + (r"\w*" if prefix else "")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One form to find: its normalised words, what it stands for (`key`), and how its ends may vary."""

    words: tuple[str, ...]
    key: Hashable
    prefix: bool
    first: re.Pattern
    rest: list[str] = field(init=False, compare=False)  # the words after the first, to compare with a slice

    def __post_init__(self) -> None:
        object.__setattr__(self, "rest", list(self.words[1:]))

    def end(self, words: list[str], i: int) -> int | None:
        """Return the position after this phrase if it starts at word `i` (first word already matched), else None."""
        last = i + len(self.words)
        if last > len(words):
            return None
        for k in range(1, len(self.words)):
            word, wanted = words[i + k], self.words[k]
            if word != wanted and not (self.prefix and k == len(self.words) - 1 and word.startswith(wanted)):
                return None
        return last


class PhraseIndex:
    """Phrases indexed by the bare body of their first word, with each token's candidates computed once."""

    def __init__(self, entries: Iterable[tuple[str, Hashable, bool]], rule: str) -> None:
        """`entries` are (form, key, prefix) triples; `rule` is 'name' or 'term' (see the module docstring)."""
        self.exact: dict[str, list[Phrase]] = {}
        self.prefixes: dict[str, list[Phrase]] = {}
        for form, key, prefix in entries:
            words = form_words(form)
            single_prefix = prefix and len(words) == 1
            phrase = Phrase(words, key, prefix, re.compile(first_word_pattern(words[0], rule, single_prefix)))
            body = words[0][2:] if words[0].startswith("ال") else words[0]
            (self.prefixes if single_prefix else self.exact).setdefault(body, []).append(phrase)
        if not self.exact and not self.prefixes:
            raise ValueError("no forms to match")
        self._prefix_sizes = sorted({len(body) for body in self.prefixes})
        self._candidates: dict[str, tuple[Phrase, ...]] = {}

    def candidates(self, word: str) -> tuple[Phrase, ...]:
        """Return the phrases whose first word `word` can be (with its proclitics), longest phrases first."""
        known = self._candidates.get(word)
        if known is not None:
            return known
        found: list[Phrase] = []
        for k in range(min(proclitics.LONGEST, len(word) - 1) + 1):
            if k and word[k - 1] not in proclitics.LETTERS:
                break  # what comes before the body can only be proclitics
            rest = word[k:]
            found += self.exact.get(rest, ())
            for size in self._prefix_sizes:  # a prefix form's body may be any start of the rest
                found += self.prefixes.get(rest[:size], ())
        unique = dict.fromkeys(p for p in found if p.first.fullmatch(word))
        result = tuple(sorted(unique, key=lambda p: -len(p.words)))
        self._candidates[word] = result
        return result

    def watches(self, word: str) -> bool:
        """Return True if some phrase can start with `word` (for `tokens.Vocabulary`)."""
        return bool(self.candidates(word))

    def matches(
        self, words: list[str], positions: Iterable[int], longest: bool = False
    ) -> list[tuple[Phrase, int, int]]:
        """Return (phrase, start, end) for every phrase starting at one of `positions`, in order of position.

        With `longest`, only the longest phrase at each position (the first listed, if several are as long).
        """
        found = []
        known = self._candidates
        for i in positions:
            phrases = known.get(words[i])
            for phrase in self.candidates(words[i]) if phrases is None else phrases:
                rest = phrase.rest
                if not rest:
                    end: int | None = i + 1
                elif phrase.prefix:
                    end = phrase.end(words, i)
                else:
                    end = i + 1 + len(rest) if words[i + 1 : i + 1 + len(rest)] == rest else None
                if end is not None:
                    found.append((phrase, i, end))
                    if longest:
                        break
        return found


@lru_cache(maxsize=1024)
def single_form(form: str, rule: str, prefix: bool = False) -> PhraseIndex:
    """Return a PhraseIndex of one form, keyed by the form itself (cached: concordances and quote checks reuse it)."""
    return PhraseIndex([(form, form, prefix)], rule)
