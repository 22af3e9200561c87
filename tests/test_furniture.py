from natoar.sources.furniture import REASONS, Line, classify_lines, dateline_of, is_dateline

PAGE = """Menu Accueil
عنوان المقال هنا

موقع الأخبار
أخبار سياسية
الجمعة 25 ديسمبر 2020 - 8:21 مساءً
عنوان المقال هنا
موقع الأخبار

الفقرة الأولى من المقال تتحدث عن الشراكة بين الحلف والمغرب في مجال مكافحة الإرهاب والتدريب العسكري المشترك.

الفقرة الثانية تقول إن التعاون الأمني بين البلدين سيتعزز خلال السنوات المقبلة بفضل الاتفاقات الجديدة.

التعاون الأمني بين البلدين سيتعزز خلال السنوات المقبلة بفضل الاتفاقات

#الناتو #المغرب #الأمن
اعلان
آخر تحديث 19-Sep-2011
شتنبر 2019
الفقرة الثانية تقول إن التعاون الأمني بين البلدين سيتعزز خلال السنوات المقبلة بفضل الاتفاقات الجديدة.
اترك تعليق
عدم الإساءة للكاتب أو للأشخاص.
موقع الأخبار
"""


def roles():
    return [(line.text, line.role, line.reason) for line in classify_lines(PAGE, "عنوان المقال هنا", "موقع الأخبار")]


def test_every_line_gets_a_role_and_known_reason():
    lines = roles()
    assert len(lines) == len([t for t in PAGE.splitlines() if t.strip()])
    for _, role, reason in lines:
        assert role in {"headline", "body", "furniture"}
        assert (role == "furniture") == bool(reason)
        assert not reason or reason in REASONS


def test_body_is_exactly_the_two_paragraphs():
    body = [text for text, role, _ in roles() if role == "body"]
    assert len(body) == 2
    assert body[0].startswith("الفقرة الأولى")
    assert body[1].startswith("الفقرة الثانية")


def test_reasons():
    reasons = {text: reason for text, _, reason in roles()}
    assert reasons["Menu Accueil"] == "no Arabic text"
    assert reasons["أخبار سياسية"] == "page header"
    assert reasons["الجمعة 25 ديسمبر 2020 - 8:21 مساءً"] == "dateline"
    assert reasons["شتنبر 2019"] == "dateline"
    assert reasons["#الناتو #المغرب #الأمن"] == "hashtags"
    assert reasons["اعلان"] == "advertisement label"
    assert reasons["آخر تحديث 19-Sep-2011"] == "update stamp"
    assert reasons["التعاون الأمني بين البلدين سيتعزز خلال السنوات المقبلة بفضل الاتفاقات"] == "pull quote"
    assert reasons["عدم الإساءة للكاتب أو للأشخاص."] == "comment section"


def test_repeats_of_headline_and_lines():
    lines = roles()
    assert [r for t, _, r in lines if t == "عنوان المقال هنا"] == ["", "repeated headline"]
    repeated = [r for t, _, r in lines if t.startswith("الفقرة الثانية")]
    assert repeated == ["", "repeated line"]


def test_outlet_name_only_when_known():
    lines = classify_lines("عنوان\nموقع الأخبار\nنص المقال الطويل هنا.\n", "عنوان", "")
    assert [line.role for line in lines] == ["headline", "body", "body"]


def test_short_article_sentences_are_not_furniture():
    text = "العنوان\nقال الأمين العام إن الحلف مستعد.\nوأضاف: «سنواصل».\n"
    assert [line.role for line in classify_lines(text, "العنوان")] == ["headline", "body", "body"]


def test_datelines_in_english_month_names_or_numbers_alone():
    assert is_dateline("  • 29 Jun. 2004 -") and is_dateline("24 - 04 - 2024") and is_dateline("2006/11/17")
    assert not is_dateline("b040626a 26th June 2004 Views of Istanbul - The Blue Mosque")
    # a Latin dateline keeps its reason (the seeds' numbering rests on it) but is still read as the page's date
    assert classify_lines("العنوان\n• 15 Feb. 2011 -\n", "العنوان")[1].reason == "no Arabic text"
    stamp = Line(4, "25 ديسمبر 2020آخر تحديث : الجمعة 25 ديسمبر 2020 - 8:21 مساءً", "furniture", "update stamp")
    assert dateline_of(stamp) == "25 ديسمبر 2020"
    assert dateline_of(Line(5, "• آخر تحديث 02-Aug-2010 17:07", "furniture", "update stamp")) == ""
