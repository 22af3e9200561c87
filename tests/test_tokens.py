"""Splitting text into raw tokens and normalising each distinct token once."""

import pytest

from natoar.text.tokens import VOCABULARY, Vocabulary, is_word, split, words


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


def test_vocabulary_normalises_each_chunk_once_and_tracks_watched_words():
    seen = []

    def watch(word):
        seen.append(word)
        return word.startswith("ال")

    vocabulary = Vocabulary([watch])
    text = "الأمن والأمن، الأمن (الأمن)"
    found = vocabulary.read(text)
    assert found == ["الامن", "والامن", "،", "الامن", "(", "الامن", ")"]
    assert sorted(seen) == ["(", ")", "،", "الامن", "والامن"]  # each distinct word asked about once
    assert sorted(vocabulary.chunks) == sorted(set(text.split()))
    vocabulary.read(text)
    assert len(seen) == 5
    assert vocabulary.positions(found) == [[0, 3, 5]]


def test_words_remember_how_they_were_written_and_what_came_before():
    found = VOCABULARY.read("قال: «الأَمن» 2014-2020")
    assert [w.written for w in found] == ["قال", ":", "«", "الأَمن", "»", "2014", "-", "2020"]
    assert [w.spaced for w in found] == [True, False, True, False, False, True, False, False]
    assert type(str(found[3])) is str and str(found[3]) == "الامن"


@pytest.mark.parametrize(
    "text",
    [
        "قدرة الناتو علىprojection، في 2014.",
        "  سطر أول\r\nسطر\tثانٍ «مقتبس» (بين قوسين) — 5-9 ",
        "فاصل\u00a0غير منقسم\u2003وفراغ\u3000عريض\u202fضيق\x1c\x1d\x1e\x1f\x85\u2028\u2029نهاية",
        "حرف\u200bبلا\u200cعرض\ufeffو\u200fاتجاه",
        "",
    ],
)
def test_read_gives_the_same_tokens_as_split(text):
    # mention offsets and concordances pair `split` with `read` position by position
    found = Vocabulary().read(text)
    assert [w.written for w in found] == [raw.lstrip() for raw in split(text)]
    assert [w.spaced for w in found] == [i == 0 or raw[:1].isspace() for i, raw in enumerate(split(text))]


def test_counts_fold_a_tally_of_chunks_into_words():
    from collections import Counter

    vocabulary = Vocabulary()
    text = "الأمن، والأمن الامن 2014 «الأمن»"
    tally = Counter(text.split())
    vocabulary.read(text)
    counts = vocabulary.counts(tally)
    assert counts == {"الامن": 3, "والامن": 1, "2014": 1}
    assert all(type(w) is str for w in counts)


def test_positions_for_overlapping_watchers():
    vocabulary = Vocabulary([lambda w: w.startswith("ال"), lambda w: w.endswith("ن"), lambda w: w.isdigit()])
    found = vocabulary.read("الأمن قانون في 2014، الحلف والأمن")
    assert found == ["الامن", "قانون", "في", "2014", "،", "الحلف", "والامن"]
    assert vocabulary.positions(found) == [[0, 5], [0, 1, 6], [3]]
