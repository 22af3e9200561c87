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
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from natoar.report.markdown import MarkdownText, box, markdown_table

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
    "cause": "السبب",
    "verdict": "الحكم",
    "summit": "القمة",
    "expression": "العبارة",
    "resolved": "التاريخ المستخلص",
    "precision": "الدقة",
    "marker": "العلامة",
    "hedged": "متحفّظ",
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
    "outside": "من الخارج",
    "outside context": "السياق الخارجي",
    "outside knowledge": "المعرفة الخارجية",
    "printed": "المطبوع",
    "printed minus last event (years)": "المطبوع ناقص آخر حدث (بالسنوات)",
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
    "NATO members then": "عدد أعضاء الناتو حينها",
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
) -> MarkdownText:
    """Return a table in both editions: the Arabic one headed by the columns' Arabic names (see `headers`), its
    cells those of `arabic` (the same table with its values in Arabic, same columns) or else of `frame`."""
    shown = frame if arabic is None else arabic
    if list(shown.columns) != list(frame.columns):
        raise ValueError("the Arabic rendering of a table must have the English one's columns")
    return bilingual(markdown_table(frame, markup), markdown_table(shown, markup, headers(frame, names)))


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


def counted(n: int, one: str, two: str, few: str, many: str) -> str:
    """Return `n` with its counted noun in Arabic, which agrees with the number: `one` and `two` stand alone
    (وثيقة واحدة, وثيقتان), `few` follows 3 to 10 (5 وثائق), `many` the rest (0, 11 to 99: 21 وثيقة), by the
    last two digits above 100. Western digits, as the seeds write them."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if n == 1:
        return one
    if n == 2:
        return two
    return f"{n} {few if 3 <= n % 100 <= 10 else many}"


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
    "proliferation": "انتشار الأسلحة",
    "protective-security": "الأمن الوقائي",
    "regional-stability": "الاستقرار الإقليمي",
    "sahel-instability": "عدم الاستقرار في الساحل",
    "small-arms": "الأسلحة الخفيفة",
    "strategic-communications": "الاتصال الاستراتيجي",
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
    "maritime": "البحر",
    "migration": "الهجرة",
    "proliferation": "الانتشار",
    "russia-china": "روسيا والصين",
    "sahara": "الصحراء",
    "sahel": "الساحل",
    "stability": "الاستقرار",
    "training": "التدريب",
}
# Arabic names of the catalogue's genres (documents.genre), for the source pages and the figures.
GENRES = {
    "leaked-cable": "برقية مسرّبة", "news-report": "خبر صحفي", "analysis": "تحليل", "official-release": "بيان رسمي",
    "speech": "خطاب", "interview": "مقابلة", "communique": "بلاغ", "op-ed": "مقال رأي",
}
VERDICTS = {
    "agrees": "يوافقه السجل",
    "imprecise": "غير دقيق",
    "misattributes": "منسوب إلى غير قائله",
    "contradicts": "يناقضه السجل",
    "unconfirmed": "غير مؤكد",
}


def term(table: dict[str, str], key: str) -> str:
    """Return the Arabic name of `key` in one of the tables above; raise KeyError naming the key and the fix."""
    if key not in table:
        raise KeyError(f"{key!r} has no Arabic name. Fix: add it to the right table in natoar/report/lang.py")
    return table[key]


def names(table: pd.DataFrame) -> dict[str, str]:
    """Return each row's Arabic name by id, for the rows of a curated table that have one."""
    return {k: v for k, v in zip(table["id"], table["name_ar"], strict=True) if isinstance(v, str) and v}


def join(items: list[str]) -> str:
    """Return items joined with the Arabic comma."""
    return "، ".join(items)


KEY_FINDINGS = {"en": "Key findings", "ar": "أهم النتائج"}


def key_findings(chapter: Callable[..., list[str]], *args: object) -> MarkdownText:
    """Return a chapter's key findings box in both languages: `chapter(*args, lang=...)` renders its sentences."""
    en, ar = (box(KEY_FINDINGS[lang], chapter(*args, lang=lang)) for lang in LANGUAGES)
    return bilingual(en, ar)
