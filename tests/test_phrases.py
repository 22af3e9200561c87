"""The proclitic rules shared by the alias matcher and the theme lexicon."""

import pytest

from natoar.text.phrases import PhraseIndex, form_words
from natoar.text.tokens import VOCABULARY, words


def found(form, rule, surface, prefix=False):
    index = PhraseIndex([(form, form, prefix)], rule)
    text = VOCABULARY.read(surface)  # punctuation included, as the matchers see it
    return [(s, e) for _, s, e in index.matches(text, range(len(text)))]


@pytest.mark.parametrize(
    ("form", "rule", "surface", "hit"),
    [
        ("الناتو", "name", "للناتو", True),  # li- + al- is written lil-
        ("الناتو", "name", "وبالناتو", True),
        ("الناتو", "name", "لالناتو", False),
        ("الناتو", "name", "ناتو", False),
        ("مالي", "name", "ومالي", True),
        ("مالي", "name", "المالي", False),  # names take no article
        ("مالي", "term", "المالي", True),  # lexicon terms may
        ("تكوين", "term", "والتكوين", True),
        ("تكوين", "term", "تكوينات", False),  # 'word' forms take no ending
    ],
)
def test_first_word_rules(form, rule, surface, hit):
    assert bool(found(form, rule, surface)) is hit


def test_prefix_forms_take_endings_but_need_their_stem():
    assert found("إرهاب", "term", "الإرهابية", prefix=True) == [(0, 1)]
    assert found("إرهاب", "term", "رهاب", prefix=True) == []


def test_multi_word_forms_need_every_word_and_no_punctuation_between():
    assert found("حلف شمال الأطلسي", "name", "لحلف شمال الأطلسي") == [(0, 3)]
    assert found("حلف شمال الأطلسي", "name", "حلف شمال، الأطلسي") == []
    assert found("حلف شمال الأطلسي", "name", "حلف شمال") == []


def test_longest_form_first():
    index = PhraseIndex([("الولايات المتحدة", "short", False), ("الولايات المتحدة الأمريكية", "long", False)], "name")
    text = words("الولايات المتحدة الأمريكية")
    assert [p.key for p, _, _ in index.matches(text, [0], longest=True)] == ["long"]


def test_bad_forms_and_rules_are_errors():
    with pytest.raises(ValueError, match="has no words"):
        form_words("«»")
    with pytest.raises(ValueError, match="unknown rule"):
        PhraseIndex([("الناتو", "nato", False)], "alias")


def test_punctuation_inside_a_form_must_be_there():
    assert found("خارطة الطريق 2020-2030", "name", "في خارطة الطريق 2020-2030 الجديدة") == [(1, 6)]
    assert found("خارطة الطريق 2020-2030", "name", "خارطة الطريق 2020 2030") == []
