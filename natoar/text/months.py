"""Arabic month and weekday names: the one list that the date finder, the furniture rules and the weekday check read.

Month names come in their Egyptian/Mashriqi (سبتمبر), Moroccan (شتنبر), Algerian-Tunisian (جوان) and Levantine
(أيلول) forms; two-word names (كانون الأول) are written with one space.
"""

from __future__ import annotations

MONTHS = {
    1: ("يناير", "جانفي", "كانون الثاني"),
    2: ("فبراير", "فيفري", "شباط"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "ابريل", "أفريل", "نيسان"),
    5: ("مايو", "ماي", "أيار"),
    6: ("يونيو", "يونيه", "جوان", "حزيران"),
    7: ("يوليو", "يوليه", "يوليوز", "جويلية", "تموز"),
    8: ("أغسطس", "غشت", "أوت", "آب"),
    9: ("سبتمبر", "شتنبر", "أيلول"),
    10: ("أكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني"),
    12: ("ديسمبر", "دجنبر", "كانون الأول"),
}
# English month names and their abbreviations, lower case, as NATO's Arabic pages print their datelines
# ('29 Jun. 2004'); read only in a date with a day or a year, never alone.
ENGLISH_MONTHS = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sept", "sep"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}
# Weekday names by Python's number for the day (`date.weekday()`: Monday 0, Sunday 6), in the Arabic week's order.
DAYS = {
    6: ("الأحد",),
    0: ("الاثنين", "الإثنين"),
    1: ("الثلاثاء",),
    2: ("الأربعاء",),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
}
WEEKDAYS = tuple(name for names in DAYS.values() for name in names)
# Days counted from the day of writing, normalised (no hamza, no tanwin): yesterday, today, tomorrow.
YESTERDAY, TODAY, TOMORROW = "امس", "اليوم", "غدا"
RELATIVE_DAYS = {YESTERDAY: -1, TODAY: 0, TOMORROW: 1}


def month_words() -> list[str]:
    """Return every word that appears in a month name, each once, in the table's order."""
    return list(dict.fromkeys(word for names in MONTHS.values() for name in names for word in name.split()))
