"""Split text once into raw tokens, and normalise each distinct token once.

A raw token is the whitespace before it plus one of: a run of Arabic script (letters with their diacritics,
tatweel, presentation forms and invisible format characters), a run of other letters, a run of digits (of any
script), or one other visible character. Joining a text's raw tokens gives the text back without its trailing
whitespace, so token positions map to exact offsets in the original. Two tokens next to each other in the list
are separated by whitespace or by nothing, never by punctuation.

A Vocabulary normalises each distinct raw token (`arabic.normalise`) the first time it sees it and remembers
the result, so over a corpus the cost of normalisation grows with the vocabulary, not with the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress, count

from .arabic import INVISIBLE, normalise

_ARABIC_SCRIPT = (
    "\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdff\ufe70-\ufefc"
)
RAW = re.compile(rf"\s*(?:[{_ARABIC_SCRIPT}{INVISIBLE}]+|[^\W\d_]+|\d+|\S)")


def split(text: str) -> list[str]:
    """Return the raw tokens of `text` (each with the whitespace before it)."""
    return RAW.findall(text)


def is_word(word: str) -> bool:
    """Return True for a normalised token that is a word or a number, not punctuation or an empty remainder."""
    return word[:1].isalnum()


class Vocabulary:
    """Normalised forms of raw tokens, computed once per distinct token, and the words some reader asked to watch.

    `watchers` are functions of a normalised word returning True when a later stage must look at that word
    (an alias, a lexicon form, a month name). `watched[k]` holds every word seen so far that watcher k asked
    for, and `triggers` their union, so each stage gets the positions it needs (`positions`) and looks nowhere
    else.
    """

    def __init__(self, watchers: Iterable[Callable[[str], bool]] = ()) -> None:
        self.forms: dict[str, str] = {}
        self.seen: set[str] = set()
        self.watchers = tuple(watchers)
        self.watched: tuple[set[str], ...] = tuple(set() for _ in self.watchers)
        self.triggers: set[str] = set()

    def _learn(self, raws: Iterable[str]) -> None:
        for raw in set(raws).difference(self.forms):
            word = normalise(raw).strip()
            self.forms[raw] = word
            if word in self.seen:  # the same word after other whitespace: already looked at
                continue
            self.seen.add(word)
            for watch, watched in zip(self.watchers, self.watched, strict=True):
                if watch(word):
                    watched.add(word)
                    self.triggers.add(word)

    def words(self, raws: list[str]) -> list[str]:
        """Return the normalised form of each raw token (punctuation stays; lone format characters become '')."""
        try:
            return list(map(self.forms.__getitem__, raws))
        except KeyError:
            self._learn(raws)
            return list(map(self.forms.__getitem__, raws))

    def positions(self, words: list[str]) -> list[list[int]]:
        """Return, for each watcher, the positions of the words it asked for.

        One pass in C finds every watched position; each watcher's share is then picked from those few.
        """
        found = list(compress(count(), map(self.triggers.__contains__, words)))
        return [[p for p in found if words[p] in watched] for watched in self.watched]


VOCABULARY = Vocabulary()


def words(text: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """Return the normalised words and numbers of `text`, without punctuation."""
    return [w for w in (vocabulary or VOCABULARY).words(split(text)) if is_word(w)]
