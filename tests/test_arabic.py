import pytest

from natoar.text.letters import display_text, has_arabic, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الأَمْنُ", "الامن"),  # diacritics and hamza-on-alef
        ("إستراتيجية", "استراتيجية"),
        ("آفاق", "افاق"),
        ("الـــناتو", "الناتو"),  # tatweel
        ("فى", "في"),  # final alef maqsura folded to yaa
        ("\ufefb", "لا"),  # presentation-form ligature
        ("ﺍﻟﻨﺎﺗﻮ", "الناتو"),  # presentation forms
        ("کتاب", "كتاب"),  # Persian kaf
        ("النا\u200cتو", "الناتو"),  # zero-width non-joiner
        ("مبادرة", "مبادرة"),  # taa marbuta kept by default
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_normalise_options():
    assert normalise("مبادرة", fold_taa=True) == "مبادره"
    assert normalise("على", fold_yaa=False) == "على"


def test_has_arabic():
    assert has_arabic("Site icon المغرب")
    assert not has_arabic("Quitter la version mobile")
    assert not has_arabic("24 - 04 - 2024 ١٨")


def test_display_text_fallback_is_shaped_visual_order():
    shown = display_text("لا الناتو", renderer_shapes=False)
    # Visual order: the last logical letter (waw, final form U+FEEE) comes first; lam-alef becomes one ligature.
    assert shown[0] == "\ufeee"
    assert "\ufefb" in shown
    assert all(not ("\u0621" <= ch <= "\u064a") for ch in shown if ch != " ")
