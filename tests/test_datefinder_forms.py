"""Dates as Arabic news and NATO's Arabic pages write them: ordinal days, paired month names, relative years."""

import pytest

from natoar.text.datefinder import find_dates


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        # an ordinal day word before من and a paired month name (Egyptian/Levantine)
        (
            "عقد المجلس اجتماعه في السابع من ديسمبر/كانون الأول 2007 في بروكسل.",
            "2007-12-10",
            [("السابع من ديسمبر/كانون الأول 2007", "day-month-year", "2007-12-07")],
        ),
        (
            "وفي الحادي والعشرين من أيلول/سبتمبر 2015 وقع الطرفان الاتفاق.",
            "2015-10",
            [("الحادي والعشرين من أيلول/سبتمبر 2015", "day-month-year", "2015-09-21")],
        ),
        (
            "افتتحت الدورة في الثاني عشر من مارس 2019.",
            "2019",
            [("الثاني عشر من مارس 2019", "day-month-year", "2019-03-12")],
        ),
        # a paired month read as one month, never as a second, yearless month
        (
            "أطلق الحلف مبادرة إسطنبول في حزيران/يونيو 2004.",
            "2011-02-28",
            [("حزيران/يونيو 2004", "month-year", "2004-06")],
        ),
        (
            "في 12 يونيو/حزيران 2014 زار الوفد الرباط",
            "2014",
            [("12 يونيو/حزيران 2014", "day-month-year", "2014-06-12")],
        ),
        # two names of different months are not a pair: the second stands alone
        ("بين مايو/يونيو 2004", "2005", [("يونيو 2004", "month-year", "2004-06")]),
        # an ordinal day with no year stays unresolved in year, like '10 فبراير'
        ("وصل الوفد في العاشر من فبراير إلى الدوحة.", "2011-02-20", [("العاشر من فبراير", "day-month", "")]),
        # the year relative to the document's date
        ("زار الوزير الرباط العام الماضي.", "2020-12-25", [("العام الماضي", "relative-year", "2019")]),
        (
            "خلال السنة الماضية وهذا العام",
            "2014-09",
            [("السنة الماضية", "relative-year", "2013"), ("وهذا العام", "relative-year", "2014")],
        ),
        ("ستجرى المناورات العام المقبل", "2024", [("العام المقبل", "relative-year", "2025")]),
        ("ستجرى المناورات العام المقبل", "2010/2012", [("العام المقبل", "relative-year", "")]),
        # 'next June' is the first June after the date of writing, not the last one before it
        (
            "على أن يعقد اجتماع جديد في حزيران/يونيو المقبل لتقييم ما تحقق.",
            "2008-03-10",
            [("حزيران/يونيو المقبل", "next-month", "2008-06")],
        ),
        ("تنطلق المناورات في مارس القادم", "2008-03-10", [("مارس القادم", "next-month", "2009-03")]),
        # العام as 'general' is not a year
        ("قال الأمين العام للحلف إن الشراكة مهمة", "2014", []),
        ("الأول من نوعه في المنطقة", "2014", []),
    ],
)
def test_date_forms(sentence, written, expected):
    assert [(e.text, e.kind, e.resolved) for e in find_dates(sentence, written)] == expected


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        # yesterday after و and بال (Al Sharq, 15 February 2021), but not الأمس as 'the past'
        (
            "وبالأمس توجت قطر هذه المسيرة من العلاقات مع حلف الناتو",
            "2021-02-15",
            [("وبالأمس", "yesterday", "2021-02-14")],
        ),
        ("لم يعد حلفاء الأمس كما كانوا، وبالأمس القريب تغير كل شيء", "2021-02-15", []),
        # 'N years ago', in words or digits, plural, dual or singular, as a year before the date of writing (Elaph)
        (
            "خلال قمة الحلف التي عقدت في استانبول قبل أربعة أعوام، حيث أطلق زعماء الدول الأعضاء",
            "2008-06",
            [("قبل أربعة أعوام", "years-ago", "2004")],
        ),
        ("انضمت الدوحة إلى المبادرة قبل عامين", "2007-01-10", [("قبل عامين", "years-ago", "2005")]),
        ("وقبل ثلاث سنوات زار الأمين العام الرباط", "2014-09", [("وقبل ثلاث سنوات", "years-ago", "2011")]),
        ("أطلق الحلف الحوار قبل 10 سنوات", "2004", [("قبل 10 سنوات", "years-ago", "1994")]),
        # ... but 'two years before the elections' counts from the elections, and قبل عام 2004 is 'before 2004'
        ("قبل عامين من الانتخابات", "2014", []),
        ("قبل عام 2004 لم تكن للحلف شراكة في الخليج", "2014", [("2004", "year", "2004")]),
        # a count after a month name is not a year (4500 soldiers, in March); a year after it still is
        ("وشارك في مناورات الأسد الإفريقي في مارس 4500 جندي من 20 دولة.", "2015-03-12", []),
        ("في 3 مارس 4500 جندي", "2015", []),
        ("أعلن الحلف أنه سينشر القوة في مارس 2019", "2015-03-12", [("مارس 2019", "month-year", "2019-03")]),
        # dates in numbers, year first or last, with / or -; both readings of the day and month kept as the year only
        ("صدر القرار في 2006/11/17م بعد مشاورات", "2006-12", [("2006/11/17", "numeric-date", "2006-11-17")]),
        ("بتاريخ 17/11/2006 وقع الطرفان", "2006-12", [("17/11/2006", "numeric-date", "2006-11-17")]),
        ("24 - 04 - 2024", "2024", [("24 - 04 - 2024", "numeric-date", "2024-04-24")]),
        ("بتاريخ 05/06/2004", "2004", [("05/06/2004", "numeric-date", "2004")]),
        ("بتاريخ 31/02/2004", "2004", [("2004", "year", "2004")]),
        # 'today' in a text dated to a month is a day of it (Elaph, June 2008); yesterday may be in the month before
        ("وقع الأمين العام اليوم في بروكسل", "2008-06", [("اليوم", "today", "2008-06")]),
        ("وقع الأمين العام أمس في بروكسل", "2008-06", [("أمس", "yesterday", "")]),
        # English month names in NATO's Arabic pages' datelines
        ("• 29 Jun. 2004 -", "2004-06-29", [("29 Jun. 2004", "day-month-year", "2004-06-29")]),
        ("• 15 Feb. 2011 -", "2011", [("15 Feb. 2011", "day-month-year", "2011-02-15")]),
    ],
)
def test_date_forms_of_the_reviewed_articles(sentence, written, expected):
    assert [(e.text, e.kind, e.resolved) for e in find_dates(sentence, written)] == expected
