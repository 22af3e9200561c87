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
