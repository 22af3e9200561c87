"""Split text into tokens, and normalise each distinct token once.

A token is one of: a run of Arabic script (letters with their diacritics, tatweel, presentation forms and
invisible format characters), a run of other letters, a run of digits (of any script), or one other visible
character. Two tokens next to each other are separated by whitespace or by nothing, never by punctuation.

- `split` returns raw tokens, each with the whitespace before it. Joining them gives the text back without its
  trailing whitespace, so token positions map to exact offsets in the original (concordances, mention offsets).
- `Vocabulary.read` returns the same tokens as `Word`s: the normalised form (`arabic.normalise`) that every
  reader matches and counts, which also remembers how the token was written and whether whitespace came
  before it. It splits the text at whitespace (`str.split`, in C) and tokenises and normalises each distinct
  whitespace-separated chunk once, so over a corpus the cost of tokenising and normalising grows with the
  vocabulary, not with the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain, compress, count

from natoar.text.letters import INVISIBLE, normalise

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


class Word(str):
    """A normalised token (the string itself) that remembers how it was `written` and whether it is `spaced`:
    preceded by whitespace or by the start of the text, rather than glued to the token before it."""

    written: str
    spaced: bool


class Vocabulary:
    """Normalised words of whitespace-separated chunks, computed once per distinct chunk, and the words some
    reader asked to watch.

    `watchers` are functions of a normalised word returning True when a later stage must look at that word
    (an alias, a lexicon form, a month name). `marks` maps every word seen to a bit mask of the watchers that
    asked for it (bit k for watcher k; 0 for none), so one pass over a text finds the positions every stage needs
    (`positions`) and each stage looks nowhere else. Each watcher is asked once per normalised word.
    """

    def __init__(self, watchers: Iterable[Callable[[str], bool]] = ()) -> None:
        self.chunks: dict[str, tuple[Word, ...]] = {}
        self.watchers = tuple(watchers)
        self.marks: dict[str, int] = {}
        self._words: dict[tuple[str, bool], Word] = {}
        self._including: list[set[int]] = [set() for _ in self.watchers]  # per watcher, the marks seen with its bit

    def word(self, written: str, spaced: bool) -> Word:
        """Return the Word for a token as written (without whitespace), the same object each time."""
        key = (written, spaced)
        known = self._words.get(key)
        if known is not None:
            return known
        word = Word(normalise(written).strip())
        word.written, word.spaced = written, spaced
        self._words[key] = word
        if word not in self.marks:
            mark = sum(1 << k for k, watch in enumerate(self.watchers) if watch(word))
            self.marks[word] = mark
            for k, including in enumerate(self._including):
                if mark >> k & 1:
                    including.add(mark)
        return word

    def _learn(self, chunks: Iterable[str]) -> None:
        for chunk in set(chunks).difference(self.chunks):
            tokens = RAW.findall(chunk)
            self.chunks[chunk] = tuple(self.word(t, spaced=k == 0) for k, t in enumerate(tokens))

    def of_chunks(self, chunks: list[str]) -> list[Word]:
        """Return the Words of whitespace-separated chunks (`str.split()`), in order."""
        try:
            return list(chain.from_iterable(map(self.chunks.__getitem__, chunks)))
        except KeyError:
            self._learn(chunks)
            return list(chain.from_iterable(map(self.chunks.__getitem__, chunks)))

    def read(self, text: str) -> list[Word]:
        """Return the Words of `text`: every token, punctuation included, normalised ('' for a lone format
        character)."""
        return self.of_chunks(text.split())

    def counts(self, tally: Counter) -> Counter:
        """Return the counts of normalised words and numbers (plain strings) in a tally of chunks read here."""
        counts: Counter = Counter()
        for chunk, n in tally.items():
            for word in self.chunks[chunk]:
                counts[str(word)] += n
        return Counter({w: n for w, n in counts.items() if is_word(w)})

    def positions(self, words: list[Word]) -> list[list[int]]:
        """Return, for each watcher, the positions of the words it asked for.

        Every step runs in C: one pass over the text finds the marked positions, and each watcher's share is
        then picked from those few by their marks.
        """
        marks = self.marks
        found = list(compress(count(), map(marks.__getitem__, words)))
        marked = list(map(marks.__getitem__, map(words.__getitem__, found)))
        return [list(compress(found, map(including.__contains__, marked))) for including in self._including]


VOCABULARY = Vocabulary()


def words(text: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """Return the normalised words and numbers of `text` (plain strings), without punctuation."""
    return [str(w) for w in (vocabulary or VOCABULARY).read(text) if is_word(w)]
