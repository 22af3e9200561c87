"""Each chapter figure's title and alt text in both languages, computed from the data the figure shows (never
typed by hand): one computation of the numbers, an English and an Arabic sentence around them.

`save_figure` looks a figure up here by its file name; a figure with no entry cannot be saved, so no figure
reaches the book without a title and alt text. The alt text says what is drawn at any size of the corpus: where a
chart switches form above a limit (`chartscale`), so does its description.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from natoar.report.chartscale import MAX_BARS, MAX_PANELS
from natoar.report.lang import VALUES, check_language, counted
from natoar.text.dates import parse_date


@dataclass(frozen=True)
class FigureText:
    """What a figure shows, said twice: as a title above it and as alt text for readers who cannot see it."""

    title: str
    alt: str


class UndescribedFigureError(KeyError):
    """A figure was saved without a title and alt text."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"figure '{name}' has no title or alt text: add an entry for it to TEXTS in natoar/report/figuretext.py"
        )


def _documents(n: int) -> str:
    return counted(n, "وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة")


def _words(n: int) -> str:
    return counted(n, "كلمة واحدة", "كلمتان", "كلمات", "كلمة")


def _paragraphs(n: int) -> str:
    return counted(n, "فقرة واحدة", "فقرتان", "فقرات", "فقرة")


# Arabic counted nouns (see lang.counted): the noun agrees with its number.
NOUNS_AR = {
    "countries": ("بلد واحد", "بلدان", "بلدان", "بلدًا"),
    "frameworks": ("إطار واحد", "إطاران", "أطر", "إطارًا"),
    "cells": ("خلية واحدة", "خليتان", "خلايا", "خلية"),
    "topics": ("موضوع واحد", "موضوعان", "موضوعات", "موضوعًا"),
    "themes": ("محور واحد", "محوران", "محاور", "محورًا"),
    "entities": ("جهة واحدة", "جهتان", "جهات", "جهة"),
    "lines": ("خط واحد", "خطان", "خطوط", "خطًا"),
    "events": ("حدث واحد", "حدثان", "أحداث", "حدثًا"),
    "facts": ("واقعة واحدة", "واقعتان", "وقائع", "واقعة"),
    "rows": ("صف واحد", "صفان", "صفوف", "صفًا"),
    "states": ("دولة واحدة", "دولتان", "دول", "دولة"),
}


def _ar(n: int, noun: str) -> str:
    return counted(n, *NOUNS_AR[noun])


def _grid_cells(table: pd.DataFrame, index: str) -> tuple[int, int, int]:
    values = table.drop(columns=index)
    filled = int(values.map(lambda v: v not in ("", 0) and not pd.isna(v)).to_numpy().sum())
    return len(table), values.shape[1], filled


def _lengths(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    order = data.sort_values(["words", "doc"], ascending=[False, True])
    longest, shortest = order.iloc[0], order.iloc[-1]
    n, strips = len(data), len(data) > MAX_BARS
    genres = sorted(data["genre"].unique())
    if lang == "ar":
        ends = (
            f"أطولها {longest['doc']} ({_words(longest['words'])})، وأقصرها {shortest['doc']} "
            f"({_words(shortest['words'])})."
        )
        kinds = "، ".join(VALUES["genre"].get(g, g) for g in genres)
        drawn = (
            f"مخطط نقطي لعدد كلمات نص المقال في كل وثيقة من الوثائق المصدرية الـ{n}: صف لكل نوع من الأنواع "
            f"({kinds})، ونقطة لكل وثيقة، وخط عند وسيط النوع؛ "
            if strips
            else f"مخطط أعمدة أفقية لعدد كلمات نص المقال في كل وثيقة من الوثائق المصدرية الـ{n}، "
            "وكل عمود موسوم بمعرّف الوثيقة وبداية عنوانها العربي: "
        )
        return FigureText(f"كلمات نص المقال في كل وثيقة من الوثائق الـ{n}", drawn + ends)
    ends = (
        f"the longest is {longest['doc']} ({longest['words']} words), the shortest {shortest['doc']} "
        f"({shortest['words']} words)."
    )
    drawn = (
        f"Strip chart of the number of words of article text in each of the {n} source documents: one row per "
        f"genre ({', '.join(genres)}), a dot for each document and a bar at the genre's median; "
        if strips
        else f"Horizontal bar chart of the number of words of article text in each of the {n} source documents, "
        "labelled with its id and Arabic headline: "
    )
    return FigureText(f"Words of article text in each of the {n} documents", drawn + ends)


def _dating(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    n = len(data)
    differs = int(((data["printed"].fillna("") != "") & (data["printed"] != data["written"])).sum())
    missing = int((data["printed"].fillna("") == "").sum())
    if lang == "ar":
        title = f"متى كُتبت كل وثيقة من الوثائق الـ{n}، ومدى الأحداث التي تصفها"
        if n > MAX_BARS:
            return FigureText(
                title,
                f"مخطط أعمدة مكدسة للوثائق الـ{n} بحسب سنة كتابتها (أفضل تقدير): لكل سنة عدد الوثائق التي تاريخها "
                f"المطبوع هو تاريخ كتابتها، وعدد التي يختلف تاريخها المطبوع عنه ({differs} من {n})، وعدد التي "
                f"لا تاريخ مطبوعًا لها ({missing}).",
            )
        return FigureText(
            title,
            f"خط زمني بصف لكل وثيقة ({_ar(n, 'rows')}): شريط رمادي لمدى الأحداث التي تصفها الوثيقة، ونقطة زرقاء لأفضل "
            "تقدير لتاريخ كتابتها، ومعيّن للتاريخ المطبوع حيث يختلف عن هذا التقدير "
            f"({differs} من {n}).",
        )
    title = f"When each of the {n} documents was written, and the span of events it describes"
    if n > MAX_BARS:
        return FigureText(
            title,
            f"Stacked bar chart of the {n} documents by the year they were written (best estimate): for each year, "
            f"how many have a printed date that is the date of writing, one that differs ({differs} of the {n}), "
            f"or none ({missing}).",
        )
    return FigureText(
        title,
        f"Timeline with one row per document ({n} rows): a grey bar for the span of events the document "
        "describes, a blue dot for the best estimate of when it was written, and a diamond for the printed date "
        f"where it differs from that estimate ({differs} of the {n}).",
    )


def _memberships(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    countries, frameworks, filled = _grid_cells(data, "country")
    if lang == "ar":
        return FigureText(
            f"أيّ البلدان الـ{countries} تضعها المصادر في أيّ الأطر الـ{frameworks}",
            f"شبكة من {_ar(countries, 'countries')} (صفوف) و{_ar(frameworks, 'frameworks')} (أعمدة)، والأطر مجمّعة "
            "بحسب الجهة التي يتبعها كلٌّ منها: الناتو، أو الولايات المتحدة، أو إطار إقليمي، أو غير متحقَّق منه. "
            f"والخلايا الممتلئة {filled}، في كل منها حرف لدور البلد كما يذكره المصدر.",
        )
    return FigureText(
        f"Which of {countries} countries the sources place in which of {frameworks} frameworks",
        f"Grid of {countries} countries (rows) against {frameworks} frameworks (columns), the frameworks grouped by "
        f"whose instrument each is: NATO's, the United States', regional or unverified. {filled} cells are "
        "filled, each with a letter for the country's role as a seed states it.",
    )


def _members(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    first, last = data.iloc[0], data.iloc[-1]
    start, end = parse_date(first["date"]).start.year, parse_date(last["date"]).start.year
    if lang == "ar":
        return FigureText(
            "عدد أعضاء الناتو عبر الزمن، مع تواريخ كتابة الوثائق",
            f"مخطط درجي لعدد الدول الأعضاء في الناتو، من {_ar(first['members'], 'states')} في {start} إلى "
            f"{_ar(last['members'], 'states')} في {end} (بالرمادي، سياق خارجي)، مع خطوط رأسية زرقاء متقطعة "
            "عند تواريخ كتابة الوثائق.",
        )
    return FigureText(
        "NATO's membership over time, with the dates the documents were written",
        f"Step chart of the number of NATO member states, from {first['members']} in {start} to {last['members']} "
        f"in {end} (grey, outside context), with dashed blue vertical lines at the dates the documents were written.",
    )


def _topics(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    topics, documents, filled = _grid_cells(data, "topic")
    if lang == "ar":
        return FigureText(
            f"أيّ الموضوعات الـ{topics} تثيرها كل وثيقة من الوثائق الـ{documents}",
            f"شبكة من {_ar(topics, 'topics')} (صفوف) والوثائق الـ{documents} (أعمدة)، تمتلئ الخلية حيث تثير "
            f"الوثيقة الموضوع: {filled} من {_ar(topics * documents, 'cells')}.",
        )
    return FigureText(
        f"Which of {topics} topics each of the {documents} documents raises",
        f"Grid of {topics} topics (rows) against the {documents} documents (columns), filled where the document "
        f"raises the topic: {filled} of {topics * documents} cells.",
    )


def _hedging(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    n, hedges, attributions = len(data), int(data["hedges"].sum()), int(data["attributions"].sum())
    if lang == "ar":
        return FigureText(
            f"علامات التحفظ والإسناد في كل فقرة من الفقرات الـ{n}",
            f"مخطط أعمدة مزدوجة بعمودين لكل فقرة من الفقرات الـ{n}: عدد علامات التحفظ ({hedges} في المجموع) "
            f"وعدد مرات إسناد القول إلى الغير ({attributions} في المجموع).",
        )
    return FigureText(
        f"Hedges and attributions in each of {n} paragraphs",
        f"Grouped bar chart with two bars for each of {n} paragraphs: the number of hedging markers "
        f"({hedges} in all) and the number of attributions to others ({attributions} in all).",
    )


def _distinctive(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    documents = data["doc"].nunique()
    shown = min(documents, MAX_PANELS)
    most = int(data.groupby("doc").size().max())
    if lang == "ar":
        which = "" if shown == documents else f" (الوثائق الـ{shown} من {documents} التي تسجّل كلمتها الأولى أعلى درجة)"
        return FigureText(
            f"أكثر الكلمات تمييزًا لكل وثيقة من الوثائق الـ{documents}",
            f"مخططات أعمدة أفقية صغيرة عددها {shown}، واحد لكل وثيقة{which}، يسرد كلٌّ منها حتى {_words(most)} "
            "عربية؛ وطول العمود لوغاريتم الأرجحية الموزون للكلمة مقابل الوثائق الأخرى.",
        )
    which = "" if shown == documents else f" (the {shown} of {documents} whose top word scores highest)"
    return FigureText(
        f"The most distinctive words of each of the {documents} documents",
        f"{shown} small horizontal bar charts, one per document{which}, each listing up to {most} Arabic words with "
        "their English glosses; a bar's length is the word's weighted log-odds against the other documents.",
    )


def _themes(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    counts = data.set_index("theme")
    theme, doc = counts.stack().idxmax()
    largest = counts.loc[theme, doc]
    if lang == "ar":
        return FigureText(
            f"مطابقات معجم المحاور: {_ar(len(counts), 'themes')} في الوثائق الـ{counts.shape[1]}",
            f"شبكة مظللة من {_ar(len(counts), 'themes')} (صفوف) و{_documents(counts.shape[1])} (أعمدة)، في كل خلية عدد "
            f"مطابقات المعجم؛ وأكبرها {largest}، لمحور {names.get(theme, theme)} في {doc}.",
        )
    return FigureText(
        f"Theme lexicon hits: {len(counts)} themes in {counts.shape[1]} documents",
        f"Shaded grid of {len(counts)} themes (rows) against {counts.shape[1]} documents (columns), each cell giving "
        f"the number of lexicon hits; the largest is {largest}, for {theme} in {doc}.",
    )


def _cooccurrence(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    entities = len(set(data["entity_a"]) | set(data["entity_b"]))
    strongest = data.iloc[0]
    a, b = strongest["entity_a"], strongest["entity_b"]
    if lang == "ar":
        return FigureText(
            "أيّ الجهات تذكرها الوثائق في الفقرات نفسها",
            f"{_ar(entities, 'entities')} على دائرة تصل بينها {_ar(len(data), 'lines')} يدل سُمكها على عدد "
            "الفقرات التي تذكر الجهتين معًا؛"
            f" وأقوى صلة، بين {names.get(a, a)} و{names.get(b, b)}، في {_paragraphs(strongest['paragraphs'])}.",
        )
    return FigureText(
        "Which entities the documents mention in the same paragraphs",
        f"{entities} entities on a circle joined by {len(data)} lines whose thickness shows how many paragraphs "
        f"mention both; the strongest link, {a} and {b}, is {strongest['paragraphs']} paragraphs.",
    )


def _timeline(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    kinds = data["kind"].value_counts()
    seeds = data[data["kind"] == "seed"]
    years = seeds["date"].map(lambda d: parse_date(d).midpoint.year).value_counts()
    busiest = years.sort_index().idxmax()
    documents = data[data["kind"] == "document"]
    labelled = bool((documents["label_side"] != "").all())
    n_seed, n_context, n_docs = kinds.get("seed", 0), kinds.get("context", 0), kinds.get("document", 0)
    if lang == "ar":
        marks = "كلٌّ منها موسوم بمعرّفها" if labelled else "بلا تسميات (بيانات الشكل تذكرها)"
        return FigureText(
            f"{_ar(n_seed, 'events')} تؤرخها الوثائق الـ{n_docs}، فوق {_ar(n_context, 'facts')} من السياق الخارجي",
            f"خط زمني بالسنوات. فوق المحور، {_ar(n_seed, 'events')} تؤرخها الوثائق، كلٌّ منها موسوم بالكلمات بجانب دائرة "
            f"زرقاء (مفرغة إذا كان مُزمَعًا، ومعيّن إذا كان مُدّعى فقط)؛ ويقع {years[busiest]} منها في {busiest}. "
            f"وتحت المحور، {_ar(n_context, 'facts')} من السياق الخارجي، مربعات رمادية بتسميات مائلة. وتشير خطوط رأسية "
            f"متقطعة في الأعلى إلى تواريخ كتابة الوثائق الـ{n_docs}، {marks}.",
        )
    marks = "each labelled with its id" if labelled else "unlabelled (the figure's data names them)"
    return FigureText(
        f"{n_seed} events dated in the {n_docs} documents, above {n_context} facts of outside context",
        f"Timeline in years. Above the axis, {n_seed} events the documents date, each labelled in "
        f"words beside a blue circle (hollow when planned, a diamond when only claimed); {years[busiest]} of them "
        f"fall in {busiest}. Below the axis, {n_context} facts of outside context, grey squares "
        "with italic labels. Dashed vertical lines at the top mark the dates the "
        f"{n_docs} documents were written, {marks}.",
    )


def join_names(names: list[str], lang: str = "en") -> str:
    """Return names as a list in words: 'A', 'A and B', 'A, B and C' ('none' for no names); in Arabic with
    `lang="ar"` ('أ، وب، وج', 'لا أحد'), the conjunction repeated before every item after the first and the
    comma keeping names of several words apart."""
    if lang == "ar":
        if not names:
            return "لا أحد"
        return "، و".join(names)
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _map(data: pd.DataFrame, lang: str, names: dict[str, str]) -> FigureText:
    def named(framework: str, roles: tuple[str, ...], evidence: tuple[str, ...]) -> str:
        rows = data[(data["framework"] == framework) & data["role"].isin(roles) & data["evidence"].isin(evidence)]
        if lang == "ar":
            return join_names(sorted({names.get(c, c) for c in rows["country"]}), "ar")
        return join_names(sorted(set(rows["name"])))

    seed = ("stated",)
    morocco = data[data["country"] == "morocco"]
    if lang == "ar":
        ties = [
            f"{names.get(r.framework, r.acronym)}: {VALUES['role'].get(r.role, r.role)} ("
            + ("في سجل الناتو وحده" if r.evidence == "outside context" else EVIDENCE_AR.get(r.evidence, r.evidence))
            + ")"
            for r in morocco.itertuples()
        ]
        return FigureText(
            "أطر الناتو للدول العربية والمتوسطية، كما تضعها المصادر",
            "خريطة من المحيط الأطلسي إلى الخليج. شركاء الحوار المتوسطي الذين يسمّيهم مصدر ملوّنون بالبرتقالي: "
            f"{named('md', ('partner',), seed)}؛ ومن لا يسمّيهم إلا سجل الناتو نفسه مخطَّطون بالبرتقالي: "
            f"{named('md', ('partner',), ('outside context',))}. وشركاء مبادرة إسطنبول للتعاون الذين يسمّيهم مصدر "
            f"ملوّنون بالأخضر: {named('ici', ('partner',), seed)}؛ والبلدان التي حضرت اجتماعًا للمبادرة فقط محاطة "
            f"بالأخضر: {named('ici', ('attendee',), seed)}. وتدل نجمة ممتلئة على مستفيد من مبادرة تعزيز القدرات "
            f"الدفاعية ({named('dcb', ('beneficiary',), seed)})، ونجمة مفرغة على مرشح "
            f"({named('dcb', ('candidate',), seed)}). والمغرب محاط بالأسود وموسوم في المحيط الأطلسي: "
            f"{join_names(ties, 'ar')}.",
        )
    ties = [
        f"{r.acronym} {r.role}" + (" (NATO's record only)" if r.evidence == "outside context" else f" ({r.evidence})")
        for r in morocco.itertuples()
    ]
    return FigureText(
        "NATO frameworks of Arab and Mediterranean states, as the sources place them",
        "Map from the Atlantic to the Gulf. Mediterranean Dialogue partners a seed names are filled orange: "
        f"{named('md', ('partner',), seed)}; those only NATO's own record names are hatched orange: "
        f"{named('md', ('partner',), ('outside context',))}. Istanbul Cooperation Initiative partners a seed names "
        f"are filled green: {named('ici', ('partner',), seed)}; countries that only attended an ICI meeting are "
        f"outlined in green: {named('ici', ('attendee',), seed)}. A filled star marks a Defence Capacity "
        f"Building beneficiary ({named('dcb', ('beneficiary',), seed)}), a hollow star a candidate "
        f"({named('dcb', ('candidate',), seed)}). Morocco, outlined in black and labelled in the Atlantic: "
        f"{join_names(ties)}.",
    )


# Kinds of evidence as the map's alt text names them in Arabic (roles: `lang.VALUES['role']`).
EVIDENCE_AR = {"stated": "مذكور في مصدر", "planned": "مُزمَع", "claimed": "مُدّعى"}

TEXTS: dict[str, Callable[[pd.DataFrame, str, dict[str, str]], FigureText]] = {
    "sources-length": _lengths,
    "sources-dating": _dating,
    "architecture-matrix": _memberships,
    "architecture-members": _members,
    "architecture-map": _map,
    "gulf-topics": _topics,
    "sahel-hedging": _hedging,
    "text-distinctive": _distinctive,
    "text-themes": _themes,
    "text-cooccurrence": _cooccurrence,
    "timeline": _timeline,
}


def figure_text(name: str, data: pd.DataFrame, lang: str = "en", names: dict[str, str] | None = None) -> FigureText:
    """Return the title and alt text of the figure saved as `name`, from the data it shows, in `lang`; `names`
    gives the Arabic names of the ids the Arabic text names (countries, entities, themes, frameworks)."""
    check_language(lang)
    if name not in TEXTS:
        raise UndescribedFigureError(name)
    return TEXTS[name](data, lang, names or {})
