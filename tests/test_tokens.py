"""Splitting text into raw tokens and normalising each distinct token once."""

import pytest

from natoar.tokens import Vocabulary, is_word, split, words


@pytest.mark.parametrize(
    "text",
    [
        "قدرة الناتو علىprojection، في 2014.",
        "  سطر أول\r\nسطر\tثانٍ «مقتبس» (بين قوسين) — 5-9 ",
        "لا شيء عربي here at all!",
        "",
    ],
)
def test_tokens_join_back_to_the_text(text):
    assert "".join(split(text)) == text.rstrip()


def test_words_split_scripts_and_digits_and_drop_punctuation():
    assert words("قدرة الناتو علىprojection الاستقرار في 2014،") == [
        "قدرة",
        "الناتو",
        "علي",
        "projection",
        "الاستقرار",
        "في",
        "2014",
    ]


def test_words_keep_arabic_indic_digits_as_numbers():
    assert words("القرن ١٨ و٢٠١٤م") == ["القرن", "١٨", "و", "٢٠١٤", "م"]


def test_marks_and_invisible_characters_stay_inside_the_word():
    # a diacritic, a tatweel and a zero-width non-joiner inside words do not split them
    assert words("الأَمْـن\u200cالقومي") == ["الامنالقومي"]
    assert words("حلف الـناتو") == ["حلف", "الناتو"]


def test_presentation_forms_are_folded():
    assert words("\ufee0\ufe8e") == words("لا") == ["لا"]


def test_punctuation_is_a_token_of_its_own():
    assert [w.strip() for w in split("«الناتو»،")] == ["«", "الناتو", "»", "،"]
    assert not is_word("،") and not is_word("") and is_word("2014") and is_word("الناتو")


def test_vocabulary_normalises_each_token_once_and_tracks_watched_words():
    seen = []

    def watch(word):
        seen.append(word)
        return word.startswith("ال")

    vocabulary = Vocabulary([watch])
    text = "الأمن والأمن الأمن"
    found = vocabulary.words(split(text))
    assert found == ["الامن", "والامن", "الامن"]
    assert sorted(seen) == ["الامن", "والامن"]  # two distinct tokens, each looked at once
    vocabulary.words(split(text))
    assert len(seen) == 2
    assert vocabulary.positions(found) == [[0, 2]]
