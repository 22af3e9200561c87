"""Each analytical chapter's key findings, computed from the book: the sentences its opening box shows, in English
or (`lang="ar"`) Arabic, from the same values.

A chapter calls `box_bilingual(findings.<chapter>, book)`; the logic lives here, where tests reach
it, not in the notebook's f-strings.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import pandas as pd

from natoar.report import analysis, curation, documents, textstats
from natoar.report import lang as ar
from natoar.report.chartscale import MAX_PANELS
from natoar.report.figuretext import join_names
from natoar.report.lang import check_language
from natoar.sources.book import Book
from natoar.text import datefinder
from natoar.text.dates import describe, parse_date
from natoar.text.names import people_matcher

MAGHREB = ("cable-2014", "morocco-us-2020", "nato-morocco-2024")
READ = {"misattributes": "misattributed", "contradicts": "contradicted", "unconfirmed": "unconfirmed"}


def _noting_uncurated(read_as_text: bool = False) -> Callable:
    """Make a chapter's findings end with a note naming the documents not yet curated, if there are any."""

    def decorate(chapter: Callable[..., list[str]]) -> Callable[..., list[str]]:
        @wraps(chapter)
        def with_note(book: Book, *args: str, lang: str = "en") -> list[str]:
            note = curation.not_counted(book.catalogue, read_as_text, lang=lang)
            return chapter(book, *args, lang=check_language(lang)) + ([note] if note else [])

        return with_note

    return decorate


def days_after(book: Book, doc: str, fact: str) -> int:
    """Return how many days after the outside-context fact `fact` the document `doc` was written."""
    written = parse_date(book.catalogue.set_index("id").loc[doc, "date_iso"]).start
    return (written - parse_date(book["reference/context"].set_index("id").loc[fact, "date"]).start).days


def _days_ar(n: int) -> str:
    """Return a number of days in Arabic, the noun agreeing with the number."""
    return ar.counted(n, "يوم واحد", "يومين", "أيام", "يومًا")


def named_at_wales(book: Book) -> pd.DataFrame:
    """Return the Wales report's rows naming partners for capacity building, conditional ones included."""
    memberships = book["memberships"]
    return memberships[
        (memberships["seed"] == "wales-2014") & memberships["framework"].isin(["dcb", "dcb-mission-iraq"])
    ]


def absent_from_dcb_record(book: Book) -> bool:
    """Return True if the outside context records that Morocco is not among NATO's capacity-building partners."""
    record = book["reference/context"]
    return bool(record.loc[record["id"].str.startswith("dcb-"), "fact_en"].str.contains("Morocco is not among").any())


def morocco_ties(book: Book) -> tuple[list[str], list[str]]:
    """Return the frameworks the seeds tie Morocco to: NATO's own, and the others, each sorted by id."""
    memberships, family = book["memberships"], book["frameworks"].set_index("id")["family"]
    mine = set(memberships.loc[memberships["country"] == "morocco", "framework"])
    nato = sorted(f for f in mine if family[f] in analysis.NATO_FAMILIES)
    return nato, sorted(mine - set(nato))


def md_joined(book: Book) -> str:
    """Return when Morocco joined the Mediterranean Dialogue (outside context)."""
    partners = book["reference/partners"]
    return partners.loc[(partners["framework"] == "md") & (partners["actor"] == "morocco"), "joined"].iloc[0]


@_noting_uncurated()
def architecture(book: Book, lang: str = "en") -> list[str]:
    """Morocco's ties by family, the folding of US instruments into NATO, and the countries in several frameworks."""
    tables = book.tables
    memberships, frameworks = tables["memberships"], tables["frameworks"]
    matrix = analysis.membership_matrix(
        memberships, analysis.by_family(frameworks, sorted(set(memberships["framework"])))
    )
    attributed = analysis.attribution_summary(tables["attributions"], list(book.curated["id"]))
    family = frameworks.set_index("id")["family"]
    names = analysis.entity_names(tables["actors"], frameworks)
    morocco_nato, morocco_other = morocco_ties(book)
    by_doc = attributed.set_index("document")
    naming = by_doc[by_doc["passages naming a US instrument"] > 0]
    in_several = matrix[(matrix.drop(columns="country") != "").sum(axis=1) > 1]["country"].tolist()
    (seeds, seed), (seeds_ar, seed_ar) = (curation.evidence_names(book.catalogue, lang) for lang in ("en", "ar"))
    if lang == "ar":
        arabic = {**ar.names(tables["actors"]), **ar.names(frameworks)}
        return [
            f"في {seeds_ar}، روابط المغرب بالناتو هي: {join_names([arabic[f] for f in morocco_nato], 'ar')}؛ "
            + (
                "والحوار المتوسطي من بينها."
                if "md" in morocco_nato
                else f"ولا يسمّي أي {seed_ar} المغربَ شريكًا في الحوار المتوسطي، مع أنه انضم إليه في "
                f"{describe(md_joined(book), 'ar')} (سياق خارجي)."
            ),
            f"روابطه الأخرى في {seeds_ar} ليست للناتو: {join_names([arabic[f] for f in morocco_other], 'ar')} "
            f"({ar.join(sorted({ar.term(ar.FAMILIES, family[f]) for f in morocco_other}))}).",
            "أن يُدرج نصٌّ الأدواتِ الأمريكية في الناتو أمرٌ يتوقف على النص: "
            + "؛ و".join(
                ar.in_its_passages(
                    row.iloc[1], row.iloc[0], f"ينسبها {d} إلى الناتو", f"لا ينسبها {d} إلى الناتو", ar.NAMING_US
                )
                + ar.ambiguously(int(row.iloc[2]))
                for d, row in naming.iterrows()
            )
            + ".",
            f"{len(in_several)} فقط من البلدان الـ{len(matrix)} التي تضعها {seeds_ar} في إطارٍ ما تظهر في أكثر من "
            f"إطار: {join_names([arabic[c] for c in in_several], 'ar')}.",
        ]
    return [
        f"In the {seeds} Morocco's ties to NATO are {join_names([names[f] for f in morocco_nato])}; "
        + (
            "the Mediterranean Dialogue is among them."
            if "md" in morocco_nato
            else f"no {seed} names Morocco as a Mediterranean Dialogue partner, though it joined in "
            f"{describe(md_joined(book))} (outside context)."
        ),
        f"Its other ties in the {seeds} are not NATO's: {', '.join(names[f] for f in morocco_other)} "
        f"({', '.join(sorted({analysis.FAMILIES[family[f]] for f in morocco_other}))}).",
        "Whether a text folds US instruments into NATO depends on the text: "
        + "; ".join(
            f"{d} makes {row.iloc[1]} of its {row.iloc[0]} passages naming one NATO's"
            + (f" ({row.iloc[2]} of them ambiguously)" if row.iloc[2] else "")
            for d, row in naming.iterrows()
        )
        + ".",
        f"Only {len(in_several)} of the {len(matrix)} countries the {seeds} place in a framework appear in more than "
        f"one: {', '.join(names[c] for c in in_several)}.",
    ]


@_noting_uncurated()
def wales(book: Book, lang: str = "en") -> list[str]:
    """What NATO asked of Morocco, who the Wales report named, and NATO's record of packages."""
    tables = book.tables
    names = tables["actors"].set_index("id")["name_en"]
    named = named_at_wales(book)
    firm = sorted(names[named.loc[named["role"] == "beneficiary", "country"]])
    conditional = sorted(names[named.loc[named["role"] == "candidate", "country"]])
    other = tables["claims"].set_index("id").loc["cable-other-beneficiaries", "value_min"]
    if lang == "ar":
        arabic = ar.names(tables["actors"])
        firm_ar = sorted(arabic[c] for c in named.loc[named["role"] == "beneficiary", "country"])
        conditional_ar = sorted(arabic[c] for c in named.loc[named["role"] == "candidate", "country"])
        return [
            "لم يطلب الناتو من المغرب إلا أن يقبل ذكر اسمه في القمة مستفيدًا محتملًا، على أن يأتي الجواب في "
            "مطلع الأسبوع التالي؛ وتحتج البعثة في برقيتها بأن الموافقة لا تعني إبرام اتفاق في هذا المجال.",
            f"الشركاء الآخرون الذين تذكرهم البرقية، وعددهم {other}، يطابقون في العدد الشركاءَ الـ{len(named)} "
            f"الذين يسمّيهم تقرير ويلز لبناء القدرات إذا حُسب المشروطون منهم، كما يجمعهم هذا الكتاب ({ar.join(firm_ar)}، "
            f"و{' و'.join(conditional_ar)} بشروط)؛ وليس المغرب بينهم.",
            "قوائم الناتو العلنية لشركاء بناء القدرات، من الحزم الأولى إلى اليوم، لم تضمّ المغربَ قطّ"
            + (" (سياق خارجي)." if absent_from_dcb_record(book) else "."),
        ]
    return [
        "NATO asked Morocco only to agree to be named at the summit as a potential beneficiary, with an answer early "
        "the following week; the mission argued that consenting would not mean concluding an agreement in that field.",
        f"The cable's {other} other partners match in number the {len(named)} the Wales report names for capacity "
        f"building when its conditional ones are counted, as this book groups them ({', '.join(firm)}, and "
        f"{' and '.join(conditional)} on "
        "conditions); Morocco is not among them.",
        "NATO's public lists of capacity-building partners, from the first packages to now, never include Morocco"
        + (" (outside context)." if absent_from_dcb_record(book) else "."),
    ]


@_noting_uncurated()
def morocco_us(book: Book, doc: str = "morocco-us-2020", lang: str = "en") -> list[str]:
    """The 2020 article's story, its timing against the US recognition, and whether it keeps NATO apart."""
    tables = book.tables
    events = tables["events"]
    doc_events = events[events["seed"] == doc].sort_values("date", key=lambda d: d.str.replace("X", "0"))
    attributed = tables["attributions"][tables["attributions"]["seed"] == doc]
    kept = (attributed["attributed_to"] == "us").all()
    if lang == "ar":
        return [
            f"يروي المقال العلاقة تحالفًا متصلًا من {describe(doc_events['date'].iloc[0], 'ar')} إلى "
            f"{describe(doc_events['date'].iloc[-1], 'ar')}، بلا كلفة ولا خلاف ولا صوت ناقد؛ ومن أحداثه المؤرخة "
            f"الـ{len(doc_events)}، {documents.date_basis_phrase(doc_events, 'ar')}.",
            f"نُشر بعد {_days_ar(days_after(book, doc, 'us-recognition'))} من اعتراف الولايات المتحدة بسيادة المغرب على "
            "الصحراء الغربية (سياق خارجي)؛ يذكر الاعتراف، دون تاريخ، سببًا من أسباب نمو التحالف، ويسكت عن التطبيع مع "
            "إسرائيل المعلن في اليوم نفسه.",
            ("يُبقي الناتو بمعزل: " if kept else "لا يُبقي الناتو بمعزل: ")
            + ar.in_its_passages(
                int((attributed["attributed_to"] == "us").sum()), len(attributed),
                "ينسب الأدواتِ الأمريكية إلى الولايات المتحدة", "لا ينسب الأدواتِ الأمريكية إلى الولايات المتحدة",
                ar.NAMING_THEM,
            )
            + "؛ ولا يظهر الناتو إلا في اسم الصفة "
            "«حليف أساسي للولايات المتحدة من خارج الناتو».",
        ]
    return [
        f"The article tells the relationship as an unbroken alliance from {describe(doc_events['date'].iloc[0])} to "
        f"{describe(doc_events['date'].iloc[-1])}, with no cost, dispute or critical voice; of its {len(doc_events)} "
        f"dated events, {documents.date_basis_phrase(doc_events)}.",
        f"It appeared {days_after(book, doc, 'us-recognition')} days after the United States recognised Moroccan "
        "sovereignty over the Western Sahara (outside context); it names the recognition, undated, as one reason the "
        "alliance will grow, and is silent on the normalisation with Israel announced the same day.",
        ("It keeps NATO apart: " if kept else "It does not keep NATO apart: ")
        + f"{int((attributed['attributed_to'] == 'us').sum())} of its {len(attributed)} passages naming a US "
        "instrument make it the United States'; NATO appears only in the name of the status 'major non-NATO ally'.",
    ]


@_noting_uncurated()
def sahel(book: Book, doc: str = "nato-morocco-2024", lang: str = "en") -> list[str]:
    """The 2024 analysis: its register, its causal story, its statements against the record, its US fold."""
    tables, body = book.tables, book.paragraphs
    events, checks = tables["events"], tables["reference/checks"]
    markers = analysis.hedging(body, doc)
    validation = analysis.hedging_check(body, tables["hedge_labels"])
    beyond = checks[(checks["seed"] == doc) & (checks["verdict"] != "agrees")]
    agreeing = int(((checks["seed"] == doc) & (checks["verdict"] == "agrees")).sum())
    attributed = tables["attributions"][tables["attributions"]["seed"] == doc]
    causes = tables["causes"][tables["causes"]["seed"] == doc]
    claimed = events[(events["seed"] == doc) & (events["status"] == "claimed")]
    named = int((causes["attribution"] == "attributed").sum())
    own_voice = int((causes["attribution"] == "asserted").sum())
    in_section = int((causes["attribution"] == "section").sum())
    by_nato = int((causes["credited_to"] == "nato").sum())
    untraced = named + by_nato == 0  # no cause credited to a named source or to NATO
    hand = analysis.hand_hedged(tables["hedge_labels"], doc)
    hedged, attributing = int((markers["hedges"] > 0).sum()), int((markers["attributions"] > 0).sum())
    to_nato = attributed[attributed["attributed_to"] != "us"]
    jointly = int(analysis.jointly_with_us(tables["attributions"]).get(doc, 0))
    unclear = int((to_nato["reading"] == "ambiguous").sum())
    others = analysis.ambiguous_apart(tables["attributions"], doc)
    if lang == "ar":
        return [
            "من الوقائع التي ينقلها، لا يذكر التحليل مصدرًا إلا لواحدة، هي مواصلة الناتو مشاوراته مع المغرب "
            "في مكافحة الإرهاب "
            "(من إعلان الناتو وتقريره السنوي)؛ أما ما ينقله غيرها، كتدريبات تحت إشراف الناتو في 2023 ودورات "
            "التعليم العسكري، فبلا مصدر خاص به، وإن جاء بعد فقرة تستنتج أهداف الحلف من إشارة التقرير السنوي إلى "
            "المشاورات، ولا يقول النص أهو من التقرير.",
            f"تجد القراءة اليدوية التحفّظ في {hand} من فقراته الـ{len(markers)} "
            f"(ويعدّ مؤشر الكلمات {hedged}، ويتفق مع القراءة اليدوية لـ"
            f"{ar.counted(validation['n'], 'فقرة واحدة', 'فقرتين', 'فقرات', 'فقرة')} في "
            f"{validation['agreement']:.0%} من الحالات، كابا {validation['kappa']:.2f})، ولا يجد مؤشر النسبة "
            f"مصدرًا مسمّى إلا في {attributing} منها.",
            ("لا ينسب أيًّا من أسباب قصته السببية إلى الناتو ولا إلى مصدر مسمّى في جملته: " if untraced
             else "قلّما ينسب قصته السببية إلى مصدر: ")
            + f"من الأسباب الـ{len(causes)} التي يقدّمها لاهتمام الناتو، {in_section} في القسم الذي ينسبه إلى تقرير "
            f"مركز المستقبل، و{own_voice} بلا نسبة خاصة بها (ولا يقول النص أهي للمركز أم للصحيفة، ويقدّم معظمها على أنه "
            "مما تكشفه إشارة التقرير السنوي للناتو، وهذا استنتاج منه لا كلام التقرير)"
            + ("." if untraced else
               f"، و{named} منسوبة إلى مصدر مسمّى في الجملة التي تذكرها، و{by_nato} إلى الناتو."),
            f"عند مقابلته بالسجل الخارجي، يوافقه {agreeing} من أقواله ويتجاوزه {len(beyond)} ("
            + "، ".join(
                # "verdict: count", so that the verdict need not agree with the number
                f"{ar.term(ar.VERDICTS, v)}: {n}" for v, n in beyond["verdict"].value_counts().sort_index().items()
            )
            + "): ليس للناتو توجّه إلى ضم دول أفريقية ولا تجيز معاهدته ذلك، ووصفُ المغرب وموريتانيا بالحليفين، "
            "في جملة متحفّظة قد تعني حليفين لـ'الناتو الأفريقي' المقترح، قد يخلط بين العضو والشريك، "
            "ولا يسمّي أي سجل وجدناه مسار الدول الأفريقية الأطلسية، الذي جمعته الرباط "
            "في 2022، تحالفًا أو 'ناتو أفريقيًا'.",
            ar.in_its_passages(
                len(to_nato), len(attributed), "يربط الأدواتِ الأمريكية بالناتو", "لا يربط الأدواتِ الأمريكية بالناتو",
                ar.NAMING_THEM,
            )
            + ar.jointly(jointly, len(to_nato))
            + ar.ambiguously(unclear, others)
            + "، فصورته عن شراكة متعمقة بين الناتو والمغرب تصف جزئيًا العلاقة مع الولايات المتحدة.",
            "ما يؤكده دون ذكر مصدر: " + "؛ ".join(claimed["event_ar"]) + ".",
        ]
    return [
        "Of the facts it reports, the analysis names a source for one only, NATO's continued counter-terrorism "
        "consultations with "
        "Morocco (from NATO's announcement and annual report); what else it reports, exercises under NATO in 2023 "
        "and NATO education courses, it gives without a source of its own, though after a paragraph that reads "
        "NATO's aims into the report's mention of the consultations (whether they come from the report, the text does "
        "not say).",
        f"A hand reading finds hedges in {hand} of its "
        f"{len(markers)} paragraphs (the word markers count {hedged}, agreeing with hand readings of "
        f"{validation['n']} paragraphs in {validation['agreement']:.0%} of cases, kappa {validation['kappa']:.2f}), "
        f"and the attribution markers find a named source in only {attributing}.",
        ("No cause in its causal story is credited to NATO or to a source named in its sentence: "
         if untraced
         else "Little of its causal story is traced to a source: ")
        + f"of the {len(causes)} causes it gives for NATO's interest, {in_section} sit in the section it credits to "
        f"the Future Center's report and {own_voice} carry no attribution of their own (whether they are the "
        "Center's or the newspaper's, the text does not say; most it presents as what NATO's annual report "
        "reveals, its own inference rather than the report's words)"
        + ("." if untraced else
           f"; {named} are credited to a named source in the sentence that states them, and {by_nato} to NATO."),
        f"Checked against the outside record, {agreeing} of its statements agree with it and {len(beyond)} go "
        "beyond it ("
        + ", ".join(f"{n} {READ.get(v, v)}" for v, n in beyond["verdict"].value_counts().sort_index().items())
        + "): NATO has no orientation to admit African states and its Treaty allows none, calling Morocco and "
        "Mauritania 'allies', in a hedged sentence that may mean allies of the proposed 'African NATO', risks "
        "blurring members and partners, and no record found calls the African Atlantic States "
        "Process, which Rabat convened in 2022, an alliance or an 'African NATO'.",
        f"It ties American instruments to NATO in {len(to_nato)} of {len(attributed)} passages that name them "
        f"({jointly} of them to NATO and the United States together"
        + (f"; in {'another' if others and unclear == 1 else unclear} the wording is ambiguous" if unclear else "")
        + "), so its picture of a deepening NATO–Morocco "
        "partnership partly describes the US relationship.",
        "Asserted without a source: " + "; ".join(claimed["event_en"]) + ".",
    ]


def maghreb_span(book: Book, lang: str = "en") -> str:
    """Return the years the Moroccan documents were written, as 'first–last' (Arabic: 'من first إلى last')."""
    years = [parse_date(d).start.year for d in book.catalogue.set_index("id").loc[list(MAGHREB), "date_iso"]]
    if check_language(lang) == "ar":
        return f"من {min(years)} إلى {max(years)}"
    return f"{min(years)}–{max(years)}"


@_noting_uncurated()
def gulf(book: Book, lang: str = "en") -> list[str]:
    """NATO's 2011 release: its topics against the Moroccan documents', and its date against the uprisings."""
    catalogue, tables = book.catalogue, book.tables
    matrix = analysis.topic_matrix(tables["topics"], list(book.curated["id"]))
    gulf_topics = set(matrix.loc[matrix["ici-doha-2011"] == 1, "topic"])
    maghreb = set(matrix.loc[matrix[list(MAGHREB)].sum(axis=1) > 0, "topic"])
    released = parse_date(catalogue.set_index("id").loc["ici-doha-2011", "date_iso"]).start
    only_gulf = sorted(gulf_topics - maghreb)
    if lang == "ar":
        return [
            "يصوّر بيان الناتو لعام 2011 الشراكة الخليجية تعاونًا على تهديدات مشتركة وعلى أفغانستان؛ "
            f"{len(only_gulf)} من موضوعاته الـ{len(gulf_topics)} لا تظهر في أي من الوثائق المغربية "
            f"({ar.join([ar.term(ar.TOPICS, t) for t in only_gulf])}).",
            f"تاريخه بعد {_days_ar(days_after(book, 'ici-doha-2011', 'mubarak-falls'))} من سقوط مبارك و"
            f"{_days_ar(days_after(book, 'ici-doha-2011', 'ben-ali-falls'))} من سقوط بن علي (سياق خارجي)، ولا يذكر "
            "أي اضطراب في المنطقة، مع أن الكلمة التي ينقلها افتُتحت بالتحوّلات في مصر وتونس (نص الكلمة الإنجليزي كما "
            "نشره الناتو): فالصمت من تحرير البيان لا من المتحدث.",
            "لذلك تعكس فروقه عن النصوص المغربية النوعَ والتاريخَ بقدرٍ لا يقلّ عمّا تعكس المنطقة: بيان رسمي واحد "
            f"للناتو من عام {released.year} في مقابل برقية ومقالات صحفية {maghreb_span(book, 'ar')}.",
        ]
    return [
        "NATO's 2011 release frames Gulf partnership as facing common threats together, and Afghanistan; "
        f"{len(only_gulf)} of its {len(gulf_topics)} topics appear in none of the Moroccan documents "
        f"({', '.join(only_gulf)}).",
        f"It is dated {days_after(book, 'ici-doha-2011', 'mubarak-falls')} days after Mubarak fell and "
        f"{days_after(book, 'ici-doha-2011', 'ben-ali-falls')} days after "
        "Ben Ali did (outside context) and names no upheaval in the region, though the keynote it reports opened on "
        "the change in Egypt and Tunisia (NATO's English text of the remarks): the silence is the release's editing, "
        "not the speaker's.",
        "Its differences from the Moroccan texts therefore reflect genre and date at least as much as region: one "
        f"official NATO release of {released.year} set against a cable and press articles of {maghreb_span(book)}.",
    ]


@_noting_uncurated()
def timeline(book: Book, lang: str = "en") -> list[str]:
    """The periodisation, what rests on the outside record, and how the events are dated."""
    events = book["events"]
    first_written = min(parse_date(d).start for d in book.curated["date_iso"])
    # what the seeds look back on: events that had happened before the first document was written
    before = events[events["date"].map(lambda d: parse_date(d).start < first_written) & (events["status"] != "planned")]
    stated, inferred = (int((before["date_basis"] == basis).sum()) for basis in ("stated", "inferred"))
    # the documents that leave most of their events to be dated from outside knowledge
    outside = events.loc[events["date_basis"] == "outside", "seed"].value_counts().sort_index()
    most = outside.sort_values(ascending=False, kind="stable").head(2)
    seeds = curation.evidence_names(book.catalogue)[0]
    seeds_ar, seed_ar = curation.evidence_names(book.catalogue, "ar")
    if lang == "ar":
        return [
            "إذا قُسّمت العلاقة بحسب الأدوات التي تعامل بها الناتو مع المغرب، فهي تمتد من حوار "
            "يُعرض على الجميع بالشروط نفسها (منذ 1994)، مرورًا بالتعاون الفردي والعمليات بعد إسطنبول (2004)، "
            "إلى عرض لبناء القدرات لم يُفضِ إلى أي حزمة للمغرب (2014)، ثم إلى إطار تحدده المصادر بالعلاقات "
            "الثنائية مع الولايات المتحدة وبالساحل (2020–2024).",
            f"لا تُرى المدة السابقة لعام {first_written.year} إلا بأثر رجعي: لم يُكتب أي {seed_ar} قبل "
            f"{describe(str(first_written), 'ar')}، وتعود {seeds_ar} إلى "
            f"{ar.counted(len(before), 'حدث واحد', 'حدثين', 'أحداث', 'حدثًا')} سابقة، تؤرخ {stated + inferred} منها "
            f"بكلماتها ({stated} بتاريخ مذكور و{inferred} بتاريخ مستنتج)؛ وما عدا ذلك يستند إلى السجل الخارجي.",
            f"من تواريخ الأحداث الـ{len(events)}، {documents.date_basis_phrase(events, 'ar')}؛ "
            f"و{most.sum()} من التواريخ الـ{outside.sum()} المأخوذة من معرفة خارجية ترد في "
            f"{join_names([f'{doc} ({n})' for doc, n in most.items()], 'ar')}.",
        ]
    return [
        "Divided by the instruments through which NATO dealt with Morocco, the relationship runs from a "
        "dialogue offered to all partners alike (from 1994), through individual cooperation and operations after "
        "Istanbul (2004), to a capacity-building offer that led to no package for Morocco (2014), and then to a "
        "frame the sources set by US bilateral ties and the Sahel (2020–2024).",
        f"Before {first_written.year} the book sees only in retrospect: none of the {seeds} was written before "
        f"{describe(str(first_written))}, and they look back to {len(before)} earlier events, dating "
        f"{stated + inferred} of them in their own words ({stated} stated, {inferred} inferred); for the rest the "
        "book relies on the outside record.",
        f"Of the {len(events)} event dates, {documents.date_basis_phrase(events)}; {most.sum()} of the "
        f"{outside.sum()} taken from outside knowledge are in "
        f"{join_names([f'{doc} ({n})' for doc, n in most.items()])}.",
    ]


def _leading_themes(leading: pd.Series, no_hits: list[str], lang: str) -> str:
    """Return the sentence on each document's leading theme (`leading`: its theme by document; `no_hits`: the
    documents with none). Up to MAX_PANELS documents each is named with its theme; above, the themes count the
    documents they lead, and the documents without a hit are named up to MAX_PANELS of them."""
    each = len(leading) + len(no_hits) <= MAX_PANELS
    counts = leading.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    if lang == "ar":
        if each:
            body = "؛ ".join(f"{d}: {ar.term(ar.THEMES, t)}" for d, t in leading.items())
            opening, none = "المحور الغالب في كل وثيقة لها تطابق في المعجم: ", ar.join(no_hits)
        else:
            body = "، ".join(f"{ar.term(ar.THEMES, t)} في {n}" for t, n in counts.items())
            opening = (f"المحور الغالب في الوثائق الـ{len(leading)} التي لها تطابق في المعجم، "
                       "بعدد الوثائق التي يغلب فيها: ")
            counted = ar.counted(len(no_hits), "وثيقة واحدة", "وثيقتين", "وثائق", "وثيقةً")
            zeros = f"{counted} (أعمدتها أصفار في بيانات شكل المحاور)"
            none = ar.join(no_hits) if len(no_hits) <= MAX_PANELS else zeros
        return opening + body + (f"؛ ولا تطابق لأي محور في {none}" if no_hits else "") + "."
    if each:
        body = "; ".join(f"{d}: {t}" for d, t in leading.items())
        opening, none = "The leading theme of each document with any lexicon hit: ", ", ".join(no_hits)
    else:
        body = "; ".join(f"{t} in {n}" for t, n in counts.items())
        opening = f"The leading theme, counted over the {len(leading)} documents with any lexicon hit: "
        none = (", ".join(no_hits) if len(no_hits) <= MAX_PANELS else
                f"{len(no_hits)} documents (their columns are all zeros in the theme figure's data)")
    return opening + body + (f"; no theme hits in {none}" if no_hits else "") + "."


@_noting_uncurated(read_as_text=True)
def text_analysis(book: Book, lang: str = "en") -> list[str]:
    """Size, the most distinctive word and leading theme of each document, and how its dates resolve."""
    body, tables = book.paragraphs, book.tables
    lengths = textstats.lengths(body)
    terms = textstats.term_counts(body, leave_out=people_matcher(tables["aliases"], tables["actors"]))
    top = textstats.distinctive(textstats.log_odds(terms), 1)
    folded = len(top) > MAX_PANELS  # too many documents to give each its word: those the chapter's figure shows
    top = top[top["doc"].isin(textstats.highest_scoring(top, MAX_PANELS))]
    hits = textstats.theme_counts(body, tables["theme_lexicon"]).set_index("theme")
    leading = hits.idxmax()[hits.sum() > 0]
    no_hits = sorted(hits.columns[hits.sum() == 0])
    themes = _leading_themes(leading, no_hits, lang)
    expressions = datefinder.date_expressions(body, book.catalogue)
    resolved = expressions[expressions["resolved"] != ""]
    today, today_resolved = int((expressions["kind"] == "today").sum()), int((resolved["kind"] == "today").sum())
    glosses = dict(zip(tables["glosses"]["term"], tables["glosses"]["gloss"], strict=True))
    words = lengths["words"]
    if lang == "ar":
        return [
            f"{ar.counted(int(words.sum()), 'كلمة واحدة', 'كلمتان', 'كلمات', 'كلمة')} في المجموع؛ "
            f"{lengths.loc[words.idxmax(), 'doc']} وحدها فيها {words.max()}، أي "
            f"{words.max() / words.sum():.0%} من المدوّنة.",
            (f"أكثر الكلمات تميّزًا في الوثائق الـ{len(top)} التي تسجّل كلمتها الأولى أعلى درجة (وهي التي يعرضها "
             "الشكل، وفي بياناته كلمات كل وثيقة): " if folded else "أكثر كلمات كل وثيقة تميّزًا: ")
            + "؛ ".join(f"{d}: {t}" for d, t in zip(top["doc"], top["term"], strict=True))
            + ".",
            themes,
            f"{ar.counted(len(expressions), 'عبارة تاريخ واحدة', 'عبارتا تاريخ', 'عبارات تاريخ', 'عبارة تاريخ')}، "
            f"يُستخلص منها تاريخ في {len(resolved)}؛ منها {today} بلفظ 'اليوم'، "
            f"يُستخلص منها {today_resolved} (لا تعرف أي يوم هو إلا وثيقة مؤرخة باليوم).",
        ]
    return [
        f"{words.sum()} words in all; {lengths.loc[words.idxmax(), 'doc']} alone has {words.max()}, "
        f"{words.max() / words.sum():.0%} of the corpus.",
        (f"The most distinctive word of the {len(top)} documents whose top word scores highest (those the figure "
         "shows; its data has every document's): " if folded else "The most distinctive word of each document: ")
        + "; ".join(f"{d}: {t} ({glosses.get(t, 'no gloss')})" for d, t in zip(top["doc"], top["term"], strict=True))
        + ".",
        themes,
        f"{len(expressions)} date expressions, of which {len(resolved)} resolve to a date; "
        f"{today} are 'today', of which {today_resolved} resolve (only a document dated to the day says which day "
        "it is).",
    ]
