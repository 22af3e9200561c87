"""The book's summary of findings: one sentence per finding, each computed from the data and linked to the chapter
that argues it. The opening page shows them; tests check each against the seeds and the outside record."""

from __future__ import annotations

from typing import NamedTuple

from natoar.report import analysis, curation
from natoar.report import lang as ar
from natoar.report.figuretext import join_names
from natoar.report.findings import absent_from_dcb_record, days_after, md_joined, morocco_ties, named_at_wales
from natoar.sources.book import Book
from natoar.text.dates import describe, parse_date

OUTSIDE_AR = "، ولم يضمّ سجلُّ الناتو للحزم المغربَ قطّ."


class Finding(NamedTuple):
    """One numbered finding: the sentence and the label of the section that argues it."""

    sentence: str
    section: str


def _day(value: str) -> object:
    return parse_date(value).start


def _partners(count: int) -> str:
    return "partner" if count == 1 else "partners"


def _verb(count: int) -> str:
    return "prints" if count == 1 else "print"


def dcb(book: Book, lang: str = "en") -> Finding:
    """Morocco and Defence Capacity Building: what was asked, who was named, what NATO's record shows."""
    claims = book["claims"].set_index("id")
    other = claims.loc["cable-other-beneficiaries", "value_min"]
    low, high = claims.loc["cable-partners-named", ["value_min", "value_max"]]
    named = named_at_wales(book)
    firm = named.loc[named["role"] == "beneficiary", "country"].nunique()
    conditional = named.loc[named["role"] == "candidate", "country"].nunique()
    if lang == "ar":
        return Finding(
            "في عام 2014 لم يطلب الناتو من المغرب إلا أن يقبل ذكر اسمه مستفيدًا محتملًا من "
            f"{ar.name(book['frameworks'], 'dcb', 'ar')}، إلى جانب "
            f"{ar.counted(other, 'شريكٍ آخر', 'شريكين آخرين', 'شركاء آخرين', 'شريكًا آخر')} بحسب البرقية"
            + (f" ({low} أو {high} في موضع آخر منها)" if high != low else "")
            + "؛ وسمّى تقرير "
            f"قمة ويلز {ar.counted(firm, 'شريكًا واحدًا', 'شريكين', 'شركاء', 'شريكًا')} لبناء القدرات "
            f"و{ar.counted(conditional, 'واحدًا آخر', 'اثنين آخرين', 'آخرين', 'آخر')} بشروط، وليس المغرب بينهم"
            + (OUTSIDE_AR if absent_from_dcb_record(book) else "."),
            "ans-wales-dcb",
        )
    return Finding(
        "In 2014 NATO asked Morocco only to agree to be named as a potential beneficiary of Defence Capacity Building, "
        f"with {other} other {_partners(other)} by the cable's count"
        + (f" ({low} or {high} in another of its passages)" if high != low else "")
        + f"; the Wales summit's report named {firm} "
        f"{_partners(firm)} for "
        f"capacity building and {conditional} more on conditions, and not Morocco"
        + (", and NATO's record of packages never includes Morocco." if absent_from_dcb_record(book) else "."),
        "ans-wales-dcb",
    )


def individual_ties(book: Book, lang: str = "en") -> Finding:
    """Which of Morocco's ties in the seeds are NATO's, and whether any is the Mediterranean Dialogue."""
    frameworks = book["frameworks"].set_index("id")
    nato, _ = morocco_ties(book)
    seeds, seed = curation.evidence_names(book.catalogue, lang)
    if lang == "ar":
        return Finding(
            f"في {seeds}، روابط المغرب بالناتو هي {join_names([frameworks.loc[f, 'name_ar'] for f in nato], 'ar')}"
            + (
                "."
                if "md" in nato
                else f"؛ ولا يسمّي أي {seed} المغربَ شريكًا في الحوار المتوسطي، الذي ينتمي إليه منذ "
                f"{describe(md_joined(book), 'ar')}."
            ),
            "ans-architecture",
        )
    acronyms = [frameworks.loc[f, "acronym"] or frameworks.loc[f, "name_en"] for f in nato]
    return Finding(
        f"In the {seeds} Morocco's ties to NATO are {join_names(acronyms)}"
        + (
            "."
            if "md" in nato
            else f"; no {seed} names Morocco as a partner in the Mediterranean Dialogue, to which it has belonged "
            f"since {describe(md_joined(book))}."
        ),
        "ans-architecture",
    )


def _qualified(jointly: int, ambiguous: int) -> str:
    """Return the parenthesis after "ties k of n to NATO": how many jointly with the United States, how many
    ambiguously; nothing if neither."""
    parts = [f"{jointly} jointly with the United States"] if jointly else []
    parts += [f"{ambiguous} ambiguously"] if ambiguous else []
    return f" ({', '.join(parts)})" if parts else ""


def us_fold(book: Book, lang: str = "en") -> Finding:
    """Which documents make US instruments NATO's."""
    summary = analysis.attribution_summary(book["attributions"], list(book.curated["id"])).set_index("document")
    naming = summary[summary["passages naming a US instrument"] > 0]
    jointly = analysis.jointly_with_us(book["attributions"])
    if lang == "ar":
        folding = int((naming["made NATO's"] > 0).sum())
        whose = ar.counted(folding, "نصٍّ واحد", "نصَّين", "نصوص", "نصًّا")
        return Finding(
            "ربط الأدوات الأمريكية بالناتو يتوقف على النص: "
            + "؛ و".join(
                ar.in_its_passages(
                    row.iloc[1], row.iloc[0], f"يربطها {doc} بالناتو", f"لا يربطها {doc} بالناتو", ar.NAMING_US
                )
                + ar.jointly(int(jointly.get(doc, 0)), row.iloc[1])
                + ar.ambiguously(int(row.iloc[2]), analysis.ambiguous_apart(book["attributions"], doc))
                for doc, row in naming.iterrows()
            )
            + f"؛ فالخلط خلطُ {whose}، لا خلط المصادر كلها.",
            "ans-architecture",
        )
    parts = [
        f"{doc} ties {row.iloc[1]} of {row.iloc[0]} to NATO"
        + _qualified(int(jointly.get(doc, 0)), int(row.iloc[2]))
        for doc, row in naming.iterrows()
    ]
    folding = int((naming["made NATO's"] > 0).sum())
    whose = "one text's" if folding == 1 else f"{folding} texts'"
    return Finding(
        "Whether US instruments are tied to NATO depends on the text: "
        + "; ".join(parts)
        + f"; the confusion is {whose}, not the sources' as a whole.",
        "ans-architecture",
    )


def recognition(book: Book, lang: str = "en") -> Finding:
    """The 2020 article against the US recognition of Moroccan sovereignty over the Western Sahara."""
    days = days_after(book, "morocco-us-2020", "us-recognition")
    if lang == "ar":
        return Finding(
            f"مقال 2020، المنشور بعد {ar.counted(days, 'يوم واحد', 'يومين', 'أيام', 'يومًا')} من اعتراف الولايات "
            "المتحدة بسيادة المغرب على الصحراء الغربية، يحتفي بتحالف أمريكي ويسكت عن التطبيع مع إسرائيل المعلن مع "
            "الاعتراف.",
            "ans-morocco-us",
        )
    return Finding(
        f"The 2020 article, published {days} days after the United States recognised Moroccan sovereignty over the "
        "Western Sahara, celebrates an American alliance and is silent on the normalisation with Israel announced with "
        "the recognition.",
        "ans-morocco-us",
    )


def speculation(book: Book, lang: str = "en") -> Finding:
    """The 2024 analysis: how much is hedged, and how many of its statements the outside record does not bear."""
    doc = "nato-morocco-2024"
    markers = analysis.hedging(book.paragraphs, doc)
    hand = analysis.hand_hedged(book["hedge_labels"], doc)
    checks = book["reference/checks"]
    beyond = checks[(checks["seed"] == doc) & checks["verdict"].isin(["contradicts", "unconfirmed"])]
    if lang == "ar":
        return Finding(
            f"من الوقائع التي ينقلها تحليل 2024، لا يذكر مصدرًا إلا لواحدة: {hand} من فقراته الـ{len(markers)} "
            "متحفّظة في قراءة "
            f"يدوية، و{len(beyond)} من أقواله يناقضها السجل الخارجي أو لا يؤكدها.",
            "ans-sahel-energy",
        )
    return Finding(
        "Of the facts it reports, the 2024 analysis names a source for one only: by a hand reading "
        f"{hand} of its {len(markers)} "
        f"paragraphs hedge, and {len(beyond)} of its statements are contradicted or unconfirmed by the outside record.",
        "ans-sahel-energy",
    )


def gulf(book: Book, lang: str = "en") -> Finding:
    """NATO's 2011 release against the Arab uprisings."""
    days = days_after(book, "ici-doha-2011", "mubarak-falls")
    if lang == "ar":
        return Finding(
            "بيان الناتو لعام 2011 إلى شركائه الخليجيين، المؤرَّخ بعد "
            f"{ar.counted(days, 'يوم واحد', 'يومين', 'أيام', 'يومًا')} من سقوط مبارك، لا يذكر أي اضطراب في المنطقة "
            "مع أن الكلمة التي ينقلها افتُتحت به؛ ويعكس تباينه مع نصوص المغرب العربي النوعَ والتاريخَ بقدر ما يعكس "
            "المنطقة.",
            "ans-gulf",
        )
    return Finding(
        f"NATO's 2011 release to Gulf partners, dated {days} days after Mubarak fell, names no upheaval in the "
        "region, though the keynote it reports opened on it; its contrast with the Maghreb texts reflects genre and "
        "date as much as region.",
        "ans-gulf",
    )


def periods(book: Book, lang: str = "en") -> Finding:
    """The periodisation, with the year before which everything rests on outside context."""
    first = min(_day(d) for d in book.curated["date_iso"])
    if lang == "ar":
        return Finding(
            "إذا قُسّمت العلاقة بحسب أدواتها، فقد أُضيف إلى حوار يُعرض على الجميع بالشروط نفسها (1994) "
            "تعاونٌ فردي (2004) ثم عرضٌ لم يُفضِ إلى أي حزمة (2014)، ويُكتب عنها اليوم من خلال التحالف "
            f"الأمريكي والساحل؛ وكل ما سبق عام {first.year} لا يُرى إلا بأثر رجعي ومن السجل الخارجي.",
            "ans-timeline",
        )
    return Finding(
        "Divided by its instruments, the relationship added individual cooperation (2004) to a dialogue offered to "
        "all partners alike (1994), then an offer that led to no package (2014), and is now written about through the "
        f"US alliance and the Sahel; everything before {first.year} is seen in retrospect and through the outside "
        "record.",
        "ans-timeline",
    )


def sources(book: Book, lang: str = "en") -> Finding:
    """How far the documents can be dated and trusted."""
    catalogue = book.curated
    printed = catalogue["date_printed_iso"] != ""
    undated = int((~printed).sum())
    # The loader refuses a printed date that overlaps the estimate unless date_basis is 'printed', so a printed
    # date set aside (any other basis) is one the date of writing misses.
    corrected = int((printed & (catalogue["date_basis"] != "printed")).sum())
    kind = "documents" if len(catalogue) == len(book.catalogue) else "curated documents"
    if lang == "ar":
        kind = "الوثائق" if len(catalogue) == len(book.catalogue) else "الوثائق المدقَّقة"
        return Finding(
            f"من {kind} الـ{len(catalogue)}، "
            f"{ar.counted(undated, 'وثيقة واحدة لا تحمل', 'وثيقتان لا تحملان', 'وثائق لا تحمل', 'وثيقة لا تحمل')} "
            f"تاريخًا، و{ar.counted(corrected, 'وثيقة واحدة تحمل', 'وثيقتان تحملان', 'وثائق تحمل', 'وثيقة تحمل')} "
            "تاريخًا خاطئًا؛ والبرقية "
            "المسرّبة، أكثرها كشفًا، هي أيضًا أقلها قابلية للتحقق.",
            "ans-sources",
        )
    return Finding(
        f"Of the {len(catalogue)} {kind}, {undated} {_verb(undated)} no date and {corrected} {_verb(corrected)} a "
        "wrong one; the leaked "
        "cable, the most revealing, is also the least verifiable.",
        "ans-sources",
    )


FINDINGS = (dcb, individual_ties, us_fold, recognition, speculation, gulf, periods, sources)


def findings(book: Book, lang: str = "en") -> list[Finding]:
    """Return the book's findings in `lang`, in the order the opening page numbers them; if some documents are not
    yet curated, a last item names them (the findings rest on the others)."""
    note = curation.not_counted(book.catalogue, lang=ar.check_language(lang))
    return [finding(book, lang=lang) for finding in FINDINGS] + ([Finding(note, "ch-sources")] if note else [])


def scope(book: Book, lang: str = "en") -> str:
    """Return the opening page's sentence on what the curated documents can and cannot show, with their count."""
    n = len(book.curated)
    if ar.check_language(lang) == "ar":
        documents = {1: "فوثيقته الوحيدة تُظهر", 2: "فوثيقتاه تُظهران"}.get(n, f"فوثائقه الـ{n} تُظهر")
        return (
            f"وما يستطيع الكتاب قوله محدود بها. {documents} كيف تعرض هذه النصوص العلاقة، لا كيف تكتب عنها "
            "الكتابة العربية عن الناتو عمومًا، ولا تعاونًا لا يصفه أي نص ({ref}`ans-timeline`)."
        )
    documents = "Its one document shows" if n == 1 else f"Its {n} documents show"
    return (
        f"What the book can say is bounded by them. {documents} how these texts present the relationship, not how "
        "Arabic writing on NATO in general does, and not cooperation that no text describes ({ref}`ans-timeline`)."
    )
