"""Computed text in the book's two languages: one computation, an English and an Arabic rendering.

The book's prose is translated through gettext catalogs (locales/ar/), but what a code cell computes (key
findings, table headers, figure labels) is not prose: it changes with the data, so it never goes into a catalog.
Instead the notebook renders it once per language from the same values, and marks each rendering with its
language; the Sphinx extension natoar.build.i18n keeps, in each edition, only the rendering in its language.

- `bilingual(en, ar)`: two Markdown renderings of one output, in `lang-en` and `lang-ar` blocks.
- `glue_bilingual(key, en, ar)`: a value for the prose in both languages, as glue keys `key` and `key_ar`;
  the English prose keeps referring to `key`, its Arabic msgstr in the catalog refers to `key_ar`.
- `column`, `header`: a table's column names in a language (from COLUMNS, one table for the whole book).
- `counted`: a number with its counted noun in Arabic (the noun's form depends on the number).
- `name`: a framework's or actor's name in a language, from the curated tables' `name_en`/`name_ar` (the
  glossary's Arabic column, as the sources write NATO's own names).
- `arabic`: a table's Arabic twin: each column with an Arabic twin in the data (`x_ar` for `x_en` or `x`) takes
  its twin's cells, each column of a controlled vocabulary its values' Arabic from VALUES (one table for the
  book); `table` renders a table in both editions from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd

from natoar.report.markdown import MarkdownText, box, escape, markdown_table
from natoar.text.dates import describe
from natoar.text.letters import has_arabic

LANGUAGES = ("en", "ar")

# Arabic names of the columns the book's tables show (English names are the column names themselves).
COLUMNS = {
    "id": "المعرّف",
    "doc": "الوثيقة",
    "document": "الوثيقة",
    "seed": "المصدر",
    "source": "الإحالة",
    "paragraph": "الفقرة",
    "paragraphs": "الفقرات",
    "words": "الكلمات",
    "characters": "الحروف",
    "outlet": "الناشر",
    "genre": "النوع",
    "author": "الكاتب",
    "date": "التاريخ",
    "date_printed": "التاريخ المطبوع",
    "date_basis": "أساس التأريخ",
    "country": "البلد",
    "framework": "الإطار",
    "family": "الفئة",
    "kind": "النوع",
    "role": "الدور",
    "status": "الوضع",
    "topic": "الموضوع",
    "theme": "المحور",
    "quote": "الاقتباس",
    "note": "ملاحظة",
    "stance": "الموقف",
    "reason": "السبب",
    "reading": "القراءة",
    "cause": "السبب",
    "verdict": "الحكم",
    "summit": "القمة",
    "expression": "العبارة",
    "resolved": "التاريخ المستخلص",
    "precision": "الدقة",
    "marker": "العلامة",
    "hedged": "فيه تحفّظ",
    "keyword": "الكلمة المفتاحية",
    "left": "السياق السابق",
    "right": "السياق اللاحق",
    "n": "العدد",
    "events": "الأحداث",
    "event_en": "الحدث",
    "fact_en": "الواقعة",
    "source_title": "المرجع",
    "value_min": "الحد الأدنى",
    "value_max": "الحد الأعلى",
    "counts_en": "ما يُعدّ",
    "attribution": "النسبة",
    "causes": "الأسباب",
    "pattern": "النمط",
    "both yes": "نعم في الاثنين",
    "both no": "لا في الاثنين",
    "only the labels": "في التصنيف اليدوي وحده",
    "only the measure": "في المقياس وحده",
    "agreement": "نسبة الاتفاق",
    "kappa": "كابا",
    "what it leads to": "ما يؤدي إليه",
    "Latin words in the Arabic": "كلمات لاتينية في النص العربي",
    "Latin-script lines removed": "أسطر بالحروف اللاتينية حُذفت",
    "basis": "الأساس",
    "types": "الكلمات المختلفة",
    "content_words": "كلمات المحتوى",
    "content_types": "كلمات المحتوى المختلفة",
    "types_raw": "الكلمات المختلفة قبل التسوية",
    "types_normalised": "الكلمات المختلفة بعد التسوية",
    "estimate": "التقدير",
    "form_ar": "الصيغة العربية",
    "match": "المطابقة",
    "guillemets « »": "علامات « »",
    "with French spacing": "بتباعد فرنسي",
    "other quotation marks": "علامات تنصيص أخرى",
    "repeated headline": "عنوان مكرر",
    "pull quotes": "اقتباسات بارزة",
    "stated": "مذكور في النص",
    "inferred": "مستنتج",
    "outside": "من خارج النص",
    "outside context": "السياق الخارجي",
    "outside knowledge": "المعرفة الخارجية",
    "printed": "المطبوع",
    "printed minus last event (years)": "الفارق بين التاريخ المطبوع وآخر حدث (بالسنوات)",
    "on the printed date": "في التاريخ المطبوع",
    "on the estimated date": "في التاريخ المقدَّر",
    "the text says": "ما يقوله النص",
    "written": "تاريخ الكتابة",
    "entity_a": "الطرف الأول",
    "entity_b": "الطرف الثاني",
    "most frequent content words": "أكثر كلمات المحتوى تكرارًا",
    "glosses, in the same order": "معانيها بالترتيب نفسه",
    "passages naming a US instrument": "المقاطع التي تسمّي أداة أمريكية",
    "made NATO's": "منسوبة إلى الناتو",
    "of them ambiguous": "منها ملتبسة العبارة",
    "NATO members then": "عدد أعضاء الناتو حينها",
    # the Data pages' tables (natoar.report.datapages): the curated tables' columns and what the breakdowns count
    "acronym": "الاختصار",
    "actors": "الفاعلون",
    "arabic": "المصطلح العربي",
    "as_of": "بتاريخ",
    "attributed_to": "منسوبة إلى",
    "cause_en": "السبب",
    "checks": "الفحوص",
    "column": "العمود",
    "countries": "البلدان",
    "country_en": "البلد",
    "curation": "التنقيح",
    "date_iso": "تاريخ الكتابة",
    "date_outside": "السياق الخارجي للتاريخ",
    "description": "الوصف",
    "documents": "الوثائق",
    "end": "اليوم الأخير",
    "english": "الترجمة الإنجليزية",
    "entity": "الكيان",
    "file": "الملف",
    "forms": "الصيغ",
    "frameworks": "الأطر",
    "gloss": "المعنى",
    "instrument": "الأداة",
    "joined": "تاريخ الانضمام",
    "joined_en": "المنضمّون",
    "label": "التسمية",
    "label_en": "التسمية",
    "launched": "تاريخ الإطلاق",
    "leads_to": "يؤدي إلى",
    "meaning": "المعنى",
    "members": "عدد الأعضاء",
    "name_ar": "الاسم",
    "name_en": "الاسم",
    "outcome_en": "النتيجة",
    "passages": "المقاطع",
    "place_en": "المكان",
    "reference": "الصف المرجعي",
    "relates_to": "الوثيقة المعنية",
    "about": "موضوعها",
    "role_en": "الدور",
    "rules": "القواعد",
    "short_ar": "الاسم في الجداول والرسوم",
    "source_url": "رابط المصدر",
    "start": "اليوم الأول",
    "term": "الكلمة",
    "use": "الاستعمال",
}


def check_language(lang: str) -> str:
    """Return `lang` if the book has an edition in it, else raise ValueError naming the editions."""
    if lang not in LANGUAGES:
        raise ValueError(f"no edition in {lang!r}; the book's languages are {', '.join(LANGUAGES)}")
    return lang


def headers(frame: pd.DataFrame, names: dict[str, str] | None = None) -> dict[str, str]:
    """Return the Arabic header of each column: COLUMNS's, or `names`'s for a column of one table only (a
    framework's or a document's id, kept as it is)."""
    return {c: (names or {}).get(c) or column(c, "ar") for c in frame.columns}


def table(
    frame: pd.DataFrame,
    markup: tuple[str, ...] = (),
    names: dict[str, str] | None = None,
    arabic: pd.DataFrame | None = None,
    columns: list[str] | dict[str, str] | None = None,
    english_only: tuple[str, ...] = (),
    ids: dict[str, dict[str, str]] | None = None,
) -> MarkdownText:
    """Return a table in both editions: the Arabic one headed by the columns' Arabic names (see `headers`), its
    cells those of `arabic` (the same table with its values in Arabic, same columns) or else `arabic(frame)`.

    `columns` shows only those columns of `frame` (a dict renames them), their Arabic taken from their twins in
    `frame`; `english_only` columns are left out of the Arabic rendering (an English gloss of Arabic words, an
    English translation of a quotation: the Arabic edition shows the Arabic as written); `ids` names the ids of
    some columns in Arabic (see `id_names`)."""
    english, shown = twins(frame, columns, ids) if arabic is None else (frame, arabic)
    if list(shown.columns) != list(english.columns):
        raise ValueError("the Arabic rendering of a table must have the English one's columns")
    shown = shown.drop(columns=list(english_only))
    return bilingual(
        markdown_table(english, markup),
        markdown_table(shown, arabic_markup(markup, shown), headers(shown, names)),
    )


def twins(
    frame: pd.DataFrame,
    columns: list[str] | dict[str, str] | None = None,
    ids: dict[str, dict[str, str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the English table `frame[columns]` (all columns by default; a dict renames them) and its Arabic twin
    (see `arabic`)."""
    keep = list(frame.columns) if columns is None else list(columns)
    rename = columns if isinstance(columns, dict) else {}
    return frame[keep].rename(columns=rename), arabic(frame, keep, ids).rename(columns=rename)


def column(name: str, lang: str) -> str:
    """Return a column's name in `lang`; raise KeyError naming the column if COLUMNS lacks its Arabic name."""
    if check_language(lang) == "en":
        return name
    if name not in COLUMNS:
        raise KeyError(f"column {name!r} has no Arabic name. Fix: add it to COLUMNS in natoar/report/lang.py")
    return COLUMNS[name]


def header(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return `frame` with its columns named in `lang` (the values unchanged)."""
    return frame.rename(columns={c: column(c, lang) for c in frame.columns})


def name(table: pd.DataFrame, key: str, lang: str) -> str:
    """Return the name of row `key` (its `id`) of a curated table with `name_en` and `name_ar`, in `lang`."""
    field = f"name_{check_language(lang)}"
    match = table[table["id"] == key]
    if match.empty:
        raise KeyError(f"no row with id {key!r}")
    value = match.iloc[0][field]
    if not isinstance(value, str) or not value:
        raise ValueError(f"row {key!r} has no {field}. Fix: fill it in the table")
    return value


# The tanween of a counted noun in the accusative (يومًا، نصًّا): fathatan and its alif, a shadda beside it kept.
_ACCUSATIVE_ENDING = re.compile("(\u0651?)\u064b(\u0651?)\u0627?$")


def counted(n: int, one: str, two: str, few: str, many: str) -> str:
    """Return `n` with its counted noun in Arabic, which agrees with the number: `one` and `two` stand alone
    (وثيقة واحدة, وثيقتان), `few` follows 3 to 10 (5 وثائق), `many` the rest (0, 11 to 99: 21 يومًا), by the
    last two digits above 100; after a whole hundred, or a hundred and one or two, the noun is `many` in the
    genitive, without the accusative's tanween (100 يوم, 202 يوم; 100 وثيقة). Western digits, as the seeds write
    them."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    if n >= 100 and n % 100 <= 2:
        first, *rest = many.split(" ")
        return " ".join([f"{n}", _ACCUSATIVE_ENDING.sub(r"\1\2", first), *rest])
    return f"{n} {many}"


# 3 to 10 after a definite plural of a masculine noun (مقاطعه الأربعة): the number takes the feminine ending.
_DEFINITE_NUMBERS = {3: "الثلاثة", 4: "الأربعة", 5: "الخمسة", 6: "الستة", 7: "السبعة", 8: "الثمانية", 9: "التسعة",
                     10: "العشرة"}


def in_its_passages(k: int, n: int, does: str, does_not: str, which: tuple[str, str, str] = ("", "", "")) -> str:
    """Return, in Arabic, that a document does something in `k` of its `n` passages: the verb phrase `does`, or
    `does_not` when `k` is 0, then «في …» with the numbers written as Arabic writes them (في كل مقاطعه الأربعة،
    في مقطعين من مقاطعه الخمسة، لا … في أيٍّ من مقطعيه), never a bare «0 من 4». `which` qualifies the passages
    with a relative clause agreeing with one, two and more of them (الذي يسمّي…، اللذين يسمّيان…، التي تسمّي…)."""
    if n < 1 or not 0 <= k <= n:
        raise ValueError(f"{k} of {n} passages: the part must be between 0 and a whole of at least 1")
    its = {1: "مقطعه الوحيد", 2: "مقطعيه"}.get(n) or f"مقاطعه {_DEFINITE_NUMBERS.get(n, f'الـ{n}')}"
    clause = which[min(n, 3) - 1]
    its += f" {clause}" if clause else ""
    if k == 0:
        return f"{does_not} في {'أيٍّ من ' if n > 1 else ''}{its}"
    if k == n:
        return f"{does} في {'' if n == 1 else 'كلا ' if n == 2 else 'كل '}{its}"
    if k == 1:
        return f"{does} في أحد {its}"
    return f"{does} في {counted(k, 'مقطعٍ واحد', 'مقطعين', 'مقاطع', 'مقطعًا')} من {its}"


# The passages the attribution tables count: those that name a US instrument, as `which` of `in_its_passages`,
# after a verb whose object is not the instruments (يربطها …) or is (يربط الأدواتِ الأمريكية …).
NAMING_US = ("الذي يسمّي أداة أمريكية", "اللذين يسمّيان أداة أمريكية", "التي تسمّي أداة أمريكية")
NAMING_THEM = ("الذي يسمّيها", "اللذين يسمّيانها", "التي تسمّيها")


def of_them(k: int) -> str:
    """Return "k of them", of passages, in Arabic after a preposition (في أحدها، في اثنين منها، في 3 منها)."""
    if k < 1:
        raise ValueError(f"a part of {k} passages names none of them")
    return {1: "أحدها", 2: "اثنين منها"}.get(k, f"{k} منها")


def ambiguously(a: int, others: bool = False) -> str:
    """Return, in Arabic, the clause after `in_its_passages` (and `jointly`) saying that in `a` of the passages it
    counted the wording is ambiguous: nothing if in none. `others`: they are not those `jointly` just counted, so
    «في آخرَ منها» («in another»), where «في أحدها» would read as the same passage."""
    if a == 0:
        return ""
    which = ("آخرَ منها" if a == 1 else f"{a} أخرى منها") if others else of_them(a)
    return f"، وإن كانت العبارة ملتبسة في {which}"


def jointly(j: int, k: int) -> str:
    """Return, in Arabic, the parenthesis after `in_its_passages` saying that `j` of the `k` passages it counted
    tie the instruments to NATO and the United States together: nothing if none does; «وفي أحدها» and the like if
    some do; when all do, that they tie them to the United States too (a bare «بالناتو والولايات المتحدة معًا»
    there would read as correcting «بالناتو», and «وفي أحدها» as one passage more)."""
    if not 0 <= j <= k:
        raise ValueError(f"{j} of {k} passages: the part must be between 0 and the whole")
    both = "بالناتو والولايات المتحدة معًا"
    return "" if j == 0 else " (وبالولايات المتحدة أيضًا)" if j == k else f" (وفي {of_them(j)} {both})"


def bilingual(en: str, ar: str) -> MarkdownText:
    """Return two renderings of one output, each in a block that only its edition keeps."""
    if not en.strip() or not ar.strip():
        raise ValueError("both renderings are needed: an edition would show nothing")
    return MarkdownText(
        f"::::{{container}} lang-en\n{en}\n::::\n\n::::{{container}} lang-ar\n{ar}\n::::"
    )


def glue_bilingual(key: str, en: object, ar: object) -> dict[str, str]:
    """Return the glue keys of a value in both languages, for `markdown.glue_values`: `key` for the English prose
    (the key it already uses) and `key_ar` for its Arabic msgstr."""
    return {key: str(en), f"{key}_ar": str(ar)}


# Arabic names of the values the key findings name: framework families, topics, themes, checks' verdicts.
FAMILIES = {
    "nato-multilateral": "منتدى للناتو",
    "nato-individual": "الناتو مع شريك واحد",
    "nato-initiative": "مبادرة للناتو",
    "nato-policy": "سياسة للناتو",
    "us-bilateral": "علاقة ثنائية أمريكية",
    "regional": "إطار إقليمي",
    "unverified": "غير متحقق منه",
}
TOPICS = {
    "border-security": "أمن الحدود",
    "counter-terrorism": "مكافحة الإرهاب",
    "critical-infrastructure": "البنية التحتية الحيوية",
    "cyber-defence": "الدفاع السيبراني",
    "defence-capacity-building": "بناء القدرات الدفاعية",
    "defence-industry": "الصناعة الدفاعية",
    "defence-technology": "التكنولوجيا الدفاعية",
    "economic-development": "التنمية الاقتصادية",
    "energy-security": "أمن الطاقة",
    "expertise-exchange": "تبادل الخبرات",
    "force-modernisation": "تحديث القوات",
    "great-power-competition": "التنافس بين القوى الكبرى",
    "institution-building": "بناء المؤسسات",
    "intelligence": "الاستخبارات",
    "interoperability": "قابلية العمل المشترك",
    "joint-exercises": "التمارين المشتركة",
    "maritime-security": "الأمن البحري",
    "migration": "الهجرة",
    "organised-crime": "الجريمة المنظمة",
    "piracy": "القرصنة",
    "political-dialogue": "الحوار السياسي",
    "proliferation": "انتشار أسلحة الدمار الشامل",
    "protective-security": "الحماية الأمنية",
    "regional-stability": "الاستقرار الإقليمي",
    "sahel-instability": "عدم الاستقرار في الساحل",
    "small-arms": "الأسلحة الخفيفة والصغيرة",
    "strategic-communications": "الاتصالات الاستراتيجية",
    "training-education": "التدريب والتعليم",
    "transnational-threats": "التهديدات العابرة للحدود",
    "violent-extremism": "التطرف العنيف",
    "western-sahara": "الصحراء الغربية",
}
THEMES = {
    "border-security": "أمن الحدود",
    "capacity-building": "بناء القدرات",
    "counter-terrorism": "مكافحة الإرهاب",
    "cyber": "الفضاء السيبراني",
    "energy": "الطاقة",
    "exercises": "التمارين",
    "intelligence": "الاستخبارات",
    "maritime": "الشؤون البحرية",
    "migration": "الهجرة",
    "proliferation": "الانتشار",
    "russia-china": "روسيا والصين",
    "sahara": "الصحراء",
    "sahel": "الساحل",
    "stability": "الاستقرار",
    "training": "التدريب",
}
VERDICTS = {
    "agrees": "يوافقه السجل",
    "imprecise": "غير دقيق",
    "misattributes": "منسوب إلى غير صاحبه",
    "contradicts": "يناقضه السجل",
    "unconfirmed": "غير مؤكد",
}


def term(table: dict[str, str], key: str) -> str:
    """Return the Arabic name of `key` in one of the tables above; raise KeyError naming the key and the fix."""
    if key not in table:
        raise KeyError(f"{key!r} has no Arabic name. Fix: add it to the right table in natoar/report/lang.py")
    return table[key]


def names(table: pd.DataFrame, column: str = "name_ar") -> dict[str, str]:
    """Return each row's Arabic name (`column`) by id, for the rows of a curated table that have one."""
    return {k: v for k, v in zip(table["id"], table[column], strict=True) if isinstance(v, str) and v}


def short_title(title_ar: str, words: int = 3) -> str:
    """Return the first `words` words of an Arabic name or headline, with an ellipsis if cut."""
    parts = title_ar.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# The most words a name may have in a table header or a chart's label; a longer one needs a `short_ar`.
SHORT_NAME_WORDS = 5


def book_names(table: pd.DataFrame, cut: bool = False) -> dict[str, str]:
    """Return each row's Arabic name by id as the book's tables and labels write it: its `short_ar` (the book's
    own name, where the seed's wording is long or is not a name by itself) where given, else its `name_ar`, which
    `cut` shortens to `SHORT_NAME_WORDS` words."""
    short = names(table, "short_ar") if "short_ar" in table.columns else {}
    return {
        key: short.get(key) or (short_title(name, SHORT_NAME_WORDS) if cut else name)
        for key, name in names(table).items()
    }


def short_names(table: pd.DataFrame) -> dict[str, str]:
    """Return each row's Arabic name by id, short enough for a table header or a chart's label: `book_names`
    with a long `name_ar` cut (shown with an ellipsis: `tests/test_charts_misc.py` requires a `short_ar` for every
    such name in the data)."""
    return book_names(table, cut=True)


# The columns that name a row of data/reference/ in each language (a summit's name, a fact's label).
REFERENCE_NAMES = {"en": ("name_en", "label"), "ar": ("name_ar", "label_ar")}


# Rows of data/reference/ that have no id or name of their own, referred to as a group by their first key column
# (`partners:md`, the Mediterranean Dialogue's partners; `nato_members:2009-04-01`, the members as of that date):
# the key column and the group's Arabic name, around the key's Arabic (a framework's name, a date in words).
GROUPS_AR = {"partners": ("framework", "شركاء {}"), "nato_members": ("date", "أعضاء الناتو اعتبارًا من {}")}


def _group_names_ar(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Return the Arabic name of each group of `GROUPS_AR` present in `tables`, keyed `table:key`."""
    frameworks = book_names(tables["frameworks"]) if "frameworks" in tables else {}
    found = {}
    for name, (column, phrase) in GROUPS_AR.items():
        table = tables.get(f"reference/{name}")
        if table is None or column not in table:
            continue
        for key in sorted(set(table[column])):
            words = frameworks.get(key) if column == "framework" else describe(key, "ar")
            if words:
                found[f"{name}:{key}"] = phrase.format(words)
    return found


def reference_names(tables: Mapping[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """Return, in each language, the name of each row of data/reference/ that has one (a summit's name, a fact's
    label), keyed as the catalogue refers to it (`table:id`, e.g. summits:wales-2014); in Arabic also the groups of
    rows without a name (`GROUPS_AR`)."""
    found: dict[str, dict[str, str]] = {language: {} for language in REFERENCE_NAMES}
    found["ar"] |= _group_names_ar(tables)
    for name, table in sorted(tables.items()):
        if not name.startswith("reference/") or "id" not in table:
            continue
        for language, columns in REFERENCE_NAMES.items():
            column = next((c for c in columns if c in table), None)
            if column:
                rows = zip(table["id"], table[column], strict=True)
                found[language] |= {f"{name.removeprefix('reference/')}:{k}": v for k, v in rows if v}
    return found


def references_named(value: str, names: Mapping[str, str], language: str = "en") -> str:
    """Return a `date_outside` value (`table:id` rows separated by ';') in `language`, each row named by `names`
    (that language's `reference_names`) or else as written."""
    named = [names.get(ref, ref) for ref in value.split(";") if ref]
    return join(named) if check_language(language) == "ar" else ", ".join(named)


def join(items: list[str]) -> str:
    """Return items joined with the Arabic comma."""
    return "، ".join(items)


KEY_FINDINGS = {"en": "Key findings", "ar": "أهم النتائج"}


def key_findings(chapter: Callable[..., list[str]], *args: object) -> MarkdownText:
    """Return a chapter's key findings box in both languages: `chapter(*args, lang=...)` renders its sentences."""
    en, ar = (box(KEY_FINDINGS[lang], chapter(*args, lang=lang)) for lang in LANGUAGES)
    return bilingual(en, ar)


# The Arabic of the values of the controlled vocabularies that the book's tables show, by column: ONE table for the
# whole book (tests/test_arabic_values.py fails on a value of the data that has no Arabic here).
VALUES: dict[str, dict[str, str]] = {
    "status": {
        "occurred": "وقع",
        "planned": "مُزمَع",
        "claimed": "مُدَّعًى",
        "stated": "مذكور في النص",
    },
    "date_basis": {
        "stated": "مذكور في النص",
        "inferred": "مستنتج من النص",
        "outside": "من خارج النص",
        "printed": "التاريخ المطبوع",
    },
    "launched_basis": {"stated": "مذكور في النص", "inferred": "مستنتج من النص", "claimed": "يزعمه النص ولم يتأكد"},
    "role": {
        "attendee": "حضر اجتماعًا",
        "beneficiary": "مستفيد",
        "candidate": "مرشّح",
        "founder": "مؤسِّس",
        "host": "مضيف",
        "member": "عضو",
        "observer": "مراقب",
        "participant": "مشارك",
        "partner": "شريك",
        "party": "طرف",
        "supporter": "داعم",
    },
    "kind": {
        # frameworks
        "agreement": "اتفاق",
        "dialogue": "حوار",
        "exercise": "تمرين",
        "initiative": "مبادرة",
        "mechanism": "آلية",
        "partnership": "شراكة",
        "partnership-framework": "إطار شراكة",
        "programme": "برنامج",
        "project": "مشروع",
        "proposal": "مقترح",
        "status": "صفة",
        "strategy": "استراتيجية",
        # actors
        "country": "بلد",
        "organisation": "منظمة",
        "person": "شخص",
        # hedging and attribution markers (natoar.report.analysis.markers_table)
        "hedge": "تحفّظ",
        "attribution": "إسناد",
        # date expressions (natoar.text.datefinder)
        "century": "قرن",
        "day-month-year": "يوم وشهر وسنة",
        "day-month": "يوم وشهر",
        "last-month": "شهر مسمّى ماضٍ",
        "next-month": "شهر مسمّى مقبل",
        "relative-year": "سنة نسبية",
        "last-years": "السنوات الأخيرة",
        "month": "شهر",
        "month-year": "شهر وسنة",
        "today": "اليوم",
        "year": "سنة",
        "year-range": "مدى سنوات",
        "years-ago": "قبل سنوات",
        "numeric-date": "تاريخ بالأرقام",
        "yesterday": "أمس",
    },
    "family": FAMILIES,
    "verdict": VERDICTS,
    "topic": TOPICS,
    "theme": THEMES,
    "genre": {
        "leaked-cable": "برقية مسرّبة",
        "news-report": "خبر صحفي",
        "analysis": "تحليل",
        "official-release": "بيان رسمي",
        "speech": "خطاب",
        "interview": "مقابلة",
        "communique": "بلاغ",
        "op-ed": "مقال رأي",
    },
    "attribution": {
        "attributed": "منسوب إلى مصدر مسمّى",
        "asserted": "يقرّره التحليل",
        "section": "منسوب إلى مصدر القسم",
    },
    # the hedging and attribution markers' names (natoar.report.analysis: HEDGES, ATTRIBUTIONS), without the
    # English glosses the English edition gives the Arabic words
    "marker": {
        "يرجح (is likely)": "يرجح",
        "قد + imperfect (may)": "قد + المضارع",
        "ربما (perhaps)": "ربما",
        "من شأن (would tend to)": "من شأن",
        "يمكن (can, could)": "يمكن",
        "من المتوقع (is expected)": "من المتوقع",
        "يأمل (hopes)": "يأمل",
        "a report says": "أشار التقرير، جاء في التقرير",
        "an announcement or report shows": "إعلان الحلف، إشارة التقرير، بيان الحلف",
        "said, added, continued": "قال، أضاف، تابع",
        "stressed, highlighted": "أكد، أبرز، نوّه",
    },
    "hedged": {"yes": "نعم", "no": "لا"},
    "match": {"prefix": "بادئة", "word": "مطابقة تامة"},
    "use": {"name": "اسم", "metonym": "كناية", "adjective": "صفة", "generic": "صيغة عامة", "exclude": "صيغة مستبعدة"},
    "curation": {"curated": "مُدقَّقة", "uncurated": "لم تُدقَّق بعد"},
    "precision": {
        "day": "يوم",
        "month": "شهر",
        "year": "سنة",
        "decade": "عقد",
        "century": "قرن",
        "interval": "مدة",
    },
    "attributed_to": {"nato": "الناتو", "us": "الولايات المتحدة", "nato-and-us": "الناتو والولايات المتحدة"},
    "reading": {"clear": "واضحة", "ambiguous": "ملتبسة"},
    "reason": {
        "no Arabic text": "سطر بلا نص عربي",
        "hashtags": "وسوم",
        "dateline": "سطر تاريخ",
        "outlet name": "اسم الناشر",
        "page header": "ترويسة الصفحة",
        "repeated headline": "عنوان مكرر",
        "repeated line": "سطر مكرر",
        "pull quote": "اقتباس بارز",
        "comment section": "قسم التعليقات",
        "advertisement label": "لافتة إعلان",
        "share link": "رابط مشاركة",
        "update stamp": "ختم التحديث",
        "source label with no source": "كلمة «المصدر» بلا مصدر",
    },
}
VALUES["basis"] = VALUES["date_basis"]
# Columns of names that may be written only in Latin script (their Arabic twin then empty), and of text quoted as
# written in Latin script (the titles of cited pages; the Latin lines removed from a seed): the Arabic rendering
# marks such a cell `name-en`.
LATIN_NAMES = ("outlet",)
CITED_TITLES = ("source_title", "Latin-script lines removed")
# Columns that the Arabic edition names by a label of its own where the data give one, before their Arabic twin: a
# publisher that `outlet` describes rather than names (an unknown website) has no name printed in Arabic.
EDITION_LABELS = {"outlet": "cited_as_ar"}


def cited_as(doc: Mapping[str, object], language: str) -> str:
    """Return the name under which the edition in `language` cites a document's publisher: `outlet` in English; in
    Arabic the edition's label (`cited_as_ar`), else the Arabic name as printed (`outlet_ar`), else `outlet` as
    written. Empty when the catalogue gives none."""
    columns = ["outlet"] if check_language(language) == "en" else [EDITION_LABELS["outlet"], "outlet_ar", "outlet"]
    return next((str(doc[c]) for c in columns if isinstance(doc.get(c), str) and doc[c]), "")


def _latin(cell: object) -> object:
    """Return a cell in Latin script as Markdown marked `name-en`; a cell with Arabic or without a Latin letter (a dash,
    empty) escaped as it is."""
    if not isinstance(cell, str) or has_arabic(cell) or not re.search("[A-Za-z]", cell):
        return escape(cell) if isinstance(cell, str) else cell
    return f"[{escape(cell)}]{{.name-en}}"


def arabic_markup(markup: tuple[str, ...], shown: pd.DataFrame) -> tuple[str, ...]:
    """Return the Markdown columns of a table's Arabic rendering: `markup` and its Latin-script columns."""
    return (*markup, *(c for c in shown.columns if c in (*LATIN_NAMES, *CITED_TITLES)))


# What a table shows in a field of a document not yet curated that its curator has still to fill (see
# `curation.shown`), in each edition: a placeholder of every column, vocabularies included.
PENDING, PENDING_AR = "not yet curated", "لم يُراجَع بعد"


def value(column: str, key: str) -> str:
    """Return the Arabic of value `key` of vocabulary column `column`; raise KeyError naming both and the fix."""
    if key == PENDING:
        return PENDING_AR
    if key not in VALUES.get(column, {}):
        fix = f"add it to VALUES[{column!r}] in natoar/report/lang.py"
        raise KeyError(f"value {key!r} of column {column!r} has no Arabic. Fix: {fix}")
    return VALUES[column][key]


def id_names(tables: Mapping[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """Return the Arabic names of the ids that chapters' tables hold, by the column that holds them: countries and
    other actors (`country`, `actor`), frameworks (`framework`, `instrument`)."""
    actors, frameworks = book_names(tables["actors"]), book_names(tables["frameworks"])
    return {"country": actors, "actor": actors, "framework": frameworks, "instrument": frameworks}


_NOTATION = re.compile(r"[\dX/-]+")


def date_ar(text: str) -> str:
    """Return a date of the data's notation (or a range 'A – B' of two) for the Arabic edition: as written, unless
    it holds a placeholder digit (17XX, 2011-02/201X), which a reader cannot read: then in words (القرن الثامن
    عشر), both ends of a range alike."""
    parts = text.split(" – ")
    if not any("X" in part and _NOTATION.fullmatch(part) for part in parts):
        return text
    return " – ".join(_placeholder_ar(part) if _NOTATION.fullmatch(part) else part for part in parts)


_DECADE = re.compile(r"(\d{3})X")


def _placeholder_ar(text: str) -> str:
    """Return a date of the notation in Arabic words; a decade (201X), which stands for a year not known within
    it, as such (سنة ما بين 2010 و2019), and at the end of a range as a year before the decade's end."""
    first, _, last = text.partition("/")
    decade = _DECADE.fullmatch(last or first)
    if not decade:
        return describe(text, "ar")
    start = int(decade[1]) * 10
    if not last:
        return f"سنة ما بين {start} و{start + 9}"
    return f"من {describe(first, 'ar')} إلى سنة غير محددة قبل {start + 10}"


def arabic(
    frame: pd.DataFrame, columns: list[str] | None = None, ids: dict[str, dict[str, str]] | None = None
) -> pd.DataFrame:
    """Return the Arabic twin of `frame[columns]` (all columns by default), same columns: a column with an Arabic
    twin in `frame` (`x_ar` for `x_en` or `x`) takes the twin's cells; a column of a controlled vocabulary (VALUES)
    its values' Arabic (an empty cell stays empty); a column of `ids` (see `id_names`) its ids' Arabic names where
    they have one; a date with a placeholder digit its words (`date_ar`); any other column (other ids, numbers,
    dates, Arabic) is kept."""
    keep = list(frame.columns) if columns is None else columns
    shown = frame[keep].copy()
    for name in keep:
        twin = f"{name.removesuffix('_en')}_ar"
        if ids and name in ids and twin not in frame.columns:
            shown[name] = [ids[name].get(v, v) if isinstance(v, str) else v for v in frame[name]]
        elif twin in frame.columns and twin != name:
            cells = frame[twin].fillna("")
            if EDITION_LABELS.get(name) in frame.columns:
                label = frame[EDITION_LABELS[name]].fillna("")
                cells = label.where(label != "", cells)
            # a name written only in Latin script (an outlet's) has no Arabic twin: it keeps its name
            shown[name] = cells.where(cells != "", frame[name]) if name in LATIN_NAMES else frame[twin]
        elif name in VALUES:
            shown[name] = [value(name, v) if isinstance(v, str) and v else v for v in frame[name]]
        if name in (*LATIN_NAMES, *CITED_TITLES):
            shown[name] = shown[name].map(_latin)
        else:
            shown[name] = shown[name].map(lambda cell: date_ar(cell) if isinstance(cell, str) else cell)
    return shown
