import pandas as pd
import pytest

from natoar.sources import corpus
from natoar.sources.evidence import load_table
from natoar.text.names import build_matcher, contains_form, mentions

ALIASES = pd.DataFrame(
    [
        ("nato", "الناتو", "name"),
        ("nato", "حلف شمال الأطلسي", "name"),
        ("morocco", "المغرب", "name"),
        ("morocco", "الرباط", "metonym"),
        ("morocco", "المغرب العربي", "exclude"),
        ("usa", "الولايات المتحدة", "name"),
        ("usa", "الولايات المتحدة الأمريكية", "name"),
        ("african-nato", "الناتو الأفريقي", "name"),
        ("nato", "الحلف", "generic"),
    ],
    columns=["entity", "form_ar", "use"],
)


@pytest.fixture
def matcher():
    return build_matcher(ALIASES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("للناتو", ["nato"]),  # li- + al- becomes lil-
        ("وبالناتو", ["nato"]),
        ("فالمغرب", ["morocco"]),
        ("والرباط", ["morocco"]),
        ("المغربي", []),  # adjective: not a mention
        ("منطقة المغرب العربي", []),  # the Maghreb, excluded
        ("في المغرب، العربي", ["morocco"]),
        ("الولايات المتحدة الأمريكية", ["usa"]),  # longest form, one mention
        ("حلف “الناتو الأفريقي”", ["african-nato"]),
        ("الحلف", []),  # generic forms are off by default
        ("حلف شمال الأَطلسي", ["nato"]),  # diacritics and hamza folded
    ],
)
def test_find(matcher, text, expected):
    assert [entity for entity, *_ in matcher.find(text)] == expected


def test_generic_forms_on_request():
    assert [e for e, *_ in build_matcher(ALIASES, ("name", "generic")).find("الحلف")] == ["nato"]


def test_contains_form_is_anchored_to_words():
    assert not contains_form("الأزمة المالية", "مالي")
    assert contains_form("شمال ومالي", "مالي")


def test_find_gives_offsets_into_the_original_text(matcher):
    text = "قال السفير: «إن الولايات المتحدة الأمريكية شريك»، وأضاف أن للناتو دوراً."
    found = matcher.find(text)
    assert [(e, text[s:t]) for e, _, s, t in found] == [("usa", "الولايات المتحدة الأمريكية"), ("nato", "للناتو")]


def test_no_forms_is_an_error():
    with pytest.raises(ValueError, match="no alias forms"):
        build_matcher(ALIASES.iloc[0:0])


def test_every_named_entity_is_found_in_the_corpus(root):
    aliases = load_table("aliases", root)
    found = mentions(corpus.read_corpus(root).paragraphs, build_matcher(aliases))
    entities = set(aliases.loc[aliases["use"].isin(["name", "metonym", "adjective"]), "entity"])
    # Every entity with a non-generic form is mentioned somewhere in the article text, except those named only
    # by generic forms or only in a headline.
    missing = entities - set(found["entity"])
    assert missing <= {"partners-across-the-globe"}, missing
    assert (found.groupby("entity").size()["nato"]) > 20
