"""Sphinx's search for the Arabic edition: Sphinx has no Arabic search language (it falls back to English).

Words are indexed and looked up in one folded form, in Python at build time and in the reader's browser alike:
short vowels and other marks (harakat) and tatweel removed, the alef forms أ إ آ ٱ written ا, ى written ي and
ة written ه. A reader who types الإرهاب, الارهاب or الإرْهاب finds the same pages; a word is not cut at a mark.
"""

from __future__ import annotations

import re

from sphinx.search import SearchLanguage

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

# The same folding and splitting in the browser (the splitter keeps marks inside words, as the index does).
_JS = r"""
var Stemmer = function() {
  this.stemWord = function(w) {
    return w.replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627").replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647");
  };
};
"""
_JS_SPLITTER = r"""
var splitQuery = (query) => query
    .split(/[^\p{Letter}\p{Mark}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .filter(term => term);
"""


def fold(word: str) -> str:
    """Return `word` in the form the index holds: marks and tatweel removed, alef, alef maqsura and taa marbuta
    folded, Latin letters lower-cased."""
    return _MARKS.sub("", word).translate(_FOLD).lower()


class SearchArabic(SearchLanguage):
    """Split at anything that is not a letter, mark or digit; index each word folded."""

    lang = "ar"
    language_name = "Arabic"
    js_stemmer_code = _JS
    js_splitter_code = _JS_SPLITTER
    _word_re = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")

    def stem(self, word: str) -> str:
        """Return the folded form of `word`."""
        return fold(word)
