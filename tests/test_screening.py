"""The add command's checks of a new article's text: Arabic rather than Persian or Urdu, no HTML entity left from
the web page, not a copy of a seed with only its white space or letter variants changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoar.sources.add import AddError, add_source
from natoar.sources.screening import html_entities, paragraph_keys, persian_urdu_letters, repeated_seed

FIXTURE = Path(__file__).parent / "fixtures" / "jordan_2008.txt"
ARTICLE = FIXTURE.read_text(encoding="utf-8")
BODY = "بحث مسؤولون أردنيون مع وفد من حلف شمال الأطلسي"  # the start of the fixture's first paragraph
PERSIAN = (
    "ناتو و اردن درباره گسترش همکاری‌های نظامی گفتگو کردند\n\nپنجشنبه ۱۲ مارس ۲۰۱۵\n\n"
    "هیئتی از پیمان آتلانتیک شمالی روز گذشته با مقامات اردنی در پایتخت دیدار کرد و درباره آموزش نیروها "
    "و گسترش برنامه‌های مشترک گفتگو کرد.\n"
)
URDU = (
    "نیٹو اور اردن کے درمیان فوجی تربیت پر بات چیت ہوئی\n\n"
    "نیٹو کے وفد نے آج عمان میں اردنی حکام سے ملاقات کی اور دونوں ملکوں کے درمیان تعاون بڑھانے پر بات کی۔\n"
)


def write(tmp_path: Path, text: str, name: str = "new.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


@pytest.mark.parametrize("text", [PERSIAN, URDU])
def test_persian_and_urdu_are_found(text):
    found, letters = persian_urdu_letters(text)
    assert sum(found.values()) >= 0.03 * letters


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        ARTICLE.replace("ي", "ی").replace("ك", "ک"),  # as some sites type Arabic; the normaliser folds them
        ARTICLE.replace("ه", "ھ"),
        ARTICLE + "\nونقل عن المسؤول الإيراني پرویز گرجی قوله إن الحوار مستمر.\n",  # a name in Persian letters
    ],
)
def test_arabic_with_persian_yaa_kaf_or_a_persian_name_passes(text):
    assert persian_urdu_letters(text)[0] == {}


@pytest.mark.parametrize("text", [PERSIAN, URDU])
def test_a_persian_or_urdu_article_is_refused(project, tmp_path, text):
    with pytest.raises(AddError, match=r"letters that Persian or Urdu write and Arabic does not.*Fix: add the"):
        add_source(write(tmp_path, text), project)


def test_an_arabic_article_typed_with_persian_yaa_and_kaf_is_added(project, tmp_path):
    path = write(tmp_path, ARTICLE.replace("ي", "ی").replace("ك", "ک"))
    assert add_source(path, project).row["title_ar"].startswith("الأردن والناتو")


@pytest.mark.parametrize(
    ("entity", "meaning"),
    [
        ("quot;", '"'),
        ("&quot;", '"'),
        ("amp;", "&"),
        ("&amp;", "&"),
        ("nbsp;", "\xa0"),
        ("&nbsp;", "\xa0"),
        ("&#1589;", "ص"),
        ("#1589;", "ص"),
        ("&#x635;", "ص"),
        ("&laquo;", "«"),
        ("rsquo;", "\u2019"),
    ],
)
def test_html_entities_whole_or_without_their_ampersand_are_found(entity, meaning):
    found = html_entities(f"سطر\nقال أحد {entity}المسؤولين{entity} إن\n")
    assert [(e.line, e.written, e.meaning) for e in found] == [(2, entity, meaning)] * 2


@pytest.mark.parametrize("text", ["Q&A; AT&T; 5%; result; camp; #1;", "المادة 5; و&"])
def test_ampersands_and_semicolons_that_are_not_entities_pass(text):
    assert html_entities(text) == []


def test_a_page_with_entity_debris_is_refused_naming_the_line(project, tmp_path):
    path = write(tmp_path, ARTICLE.replace(BODY, f"quot;{BODY}quot;"))
    line = ARTICLE[: ARTICLE.index(BODY)].count("\n") + 1
    with pytest.raises(AddError) as caught:
        add_source(path, project)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}: 'quot;' is an HTML entity for '\"'"), message
    assert "(and 1 more in the file)" in message and "replace each entity by its character" in message


def test_paragraphs_are_compared_with_white_space_collapsed_and_letters_folded():
    assert paragraph_keys("حلف  الناتو\tيبحث مع الأردن   \r\n10 مارس\n") == paragraph_keys("حلف الناتو يبحث مع الاردن")


SEED = "002_f7bd7c8e5b3f259c.txt"


@pytest.mark.parametrize(
    "change",
    [
        lambda t: "\n".join(line + "  " for line in t.split("\n")),
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace(" ", "  ").replace("أ", "ا"),
    ],
)
def test_a_near_copy_of_a_seed_is_refused_naming_its_document(project, tmp_path, change):
    seed = (project / "seeds" / SEED).read_text(encoding="utf-8")
    with pytest.raises(AddError, match=r"new\.txt: \d+ of its \d+ paragraphs are already in 'morocco-us-2020' "):
        add_source(write(tmp_path, change(seed)), project)


def test_an_article_quoting_a_seed_is_not_a_copy(root):
    seed = (root / "seeds" / SEED).read_text(encoding="utf-8")
    quoted = max(paragraph_keys(seed), key=len)
    assert repeated_seed(ARTICLE + "\n" + quoted + "\n", [("morocco-us-2020", seed)]) is None
    assert repeated_seed(seed + "  ", [("other", ARTICLE), ("morocco-us-2020", seed)])[0] == "morocco-us-2020"
