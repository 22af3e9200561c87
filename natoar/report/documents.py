"""The sources chapter's tables: removed furniture by rule, the documents' dating and its proofs (the weekdays a
text gives against its printed and estimated dates, and against a summit's dates), the signs of republishing and
translation, how the events' dates are known, and the chapter's key findings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pandas as pd

from natoar.report.curation import not_counted
from natoar.report.figuretext import join_names
from natoar.report.lang import bilingual, counted, references_named
from natoar.report.markdown import MarkdownText, document_label, source_ref, year_label
from natoar.sources.datapackage import read_package
from natoar.text.dates import Span, describe, parse_date
from natoar.text.months import DAYS
from natoar.text.scripts import latin_in_arabic, latin_prose, quotation_marks
from natoar.text.weekdays import WEEKDAY_NAMES, WeekdayClaim, fits, fitting_days, weekday_claims, weekday_name

DAYS_PER_YEAR = 365.25
# Up to this many documents, each has a source page of its own (chapters/sources/<id>.md). Beyond it, each year of
# writing has one page (chapters/sources/<year>.md) with a section per document: every page costs Sphinx the same
# navigation and theme work however short it is, and a sidebar of hundreds of documents is not readable.
PAGE_PER_DOCUMENT_UP_TO = 30
# After a summit's last day, the days in which a report of it is looked for (the outside proof's window).
WEEK_AFTER = 7
LIST_JOIN = "; "  # between the items of a list in one cell
FIT_COLUMN = f"days that fit, from its opening to {WEEK_AFTER} days after its close"
FIT_COLUMN_AR = f"الأيام الملائمة، من افتتاحها إلى {WEEK_AFTER} أيام بعد اختتامها"
# What the fitting days column says when no day fits, in each language.
NO_FITTING_DAY = {"en": "none", "ar": "لا يوم"}
# How the events' dates are known, in words, by `date_basis` (the descriptor declares the values).
BASIS_WORDS = {
    "stated": "stated in the text",
    "inferred": "inferred from the text's own wording",
    "outside": "taken from outside knowledge",
}
BASIS_WORDS_AR = {
    "stated": "مذكور في النص",
    "inferred": "مستنتج من صياغة النص نفسه",
    "outside": "مأخوذ من معرفة خارجية",
}
# "N events whose date ...": the counted noun and the pronoun agree with N (حدثان تاريخهما، 3 أحداث تاريخها).
EVENTS_DATED_AR = ("حدثٌ واحد تاريخه", "حدثان تاريخهما", "أحداث تاريخها", "حدثًا تاريخه")


def furniture_by_reason(furniture: pd.DataFrame) -> pd.DataFrame:
    """Return a reason × document count of removed furniture lines, reasons sorted by total."""
    table = pd.crosstab(furniture["reason"], furniture["doc"])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return table.reset_index().rename_axis(columns=None)


def dating(catalogue: pd.DataFrame, references: Mapping[str, str] | None = None, lang: str = "en") -> pd.DataFrame:
    """Return, per document, its printed and best-estimate dates and their distance from the last event described;
    the outside knowledge named in `lang` by `references` (that language's `lang.reference_names`)."""
    rows = []
    for doc in catalogue.itertuples():
        written = parse_date(doc.date_iso)
        last_event = parse_date(doc.events_to)
        printed = parse_date(doc.date_printed_iso) if doc.date_printed_iso else None
        printed_gap = (printed.start - last_event.start).days / DAYS_PER_YEAR if printed else None
        rows.append(
            {
                "doc": doc.id,
                "printed": doc.date_printed_iso or "—",
                "written": doc.date_iso,
                "precision": written.precision,
                "basis": doc.date_basis,
                "outside knowledge": references_named(doc.date_outside, references or {}, lang) or "—",
                "events": f"{doc.events_from} – {doc.events_to}",
                "printed minus last event (years)": "—" if printed_gap is None else f"{printed_gap:.1f}",
            }
        )
    return pd.DataFrame(rows)


def year_written(date_iso: str) -> int:
    """Return the year a document's date of writing (best estimate) begins in: the year whose page holds it when
    the corpus has a page per year."""
    return parse_date(date_iso).start.year


def page_links(catalogue: pd.DataFrame) -> MarkdownText:
    """Return the sentence linking every document to its source page, in catalogue order, in both editions; above
    PAGE_PER_DOCUMENT_UP_TO documents, linking every year's page, with how many documents it holds."""
    if len(catalogue) > PAGE_PER_DOCUMENT_UP_TO:
        years = catalogue["date_iso"].map(year_written).value_counts().sort_index()
        links = [f"{{ref}}`{year} <{year_label(year)}>` ({n})" for year, n in years.items()]
        return bilingual(
            "Each document has a section on the page of the year it was written in (how many in brackets): "
            f"{join_names(links)}.",
            f"لكل وثيقة قسم في صفحة السنة التي كُتبت فيها (وعدد وثائقها بين قوسين): {'، '.join(links)}.",
        )
    links = [f"{{ref}}`{label}`" for label in map(document_label, catalogue["id"])]
    return bilingual(f"Each document links to its page: {join_names(links)}.", f"لكل وثيقة صفحتها: {'، '.join(links)}.")


def corpus_counts(catalogue: pd.DataFrame) -> dict[str, int | str]:
    """Return the corpus's size for the prose: documents, outlets and genres, as numbers and as a phrase in each
    language (the Arabic nouns agreeing with their numbers)."""
    n, outlets, genres = len(catalogue), int(catalogue["outlet"].nunique()), int(catalogue["genre"].nunique())

    def plural(k: int, noun: str) -> str:
        return f"{k} {noun}{'' if k == 1 else 's'}"

    return {
        "n_documents": n,
        "n_outlets": outlets,
        "n_genres": genres,
        "corpus_size": f"{plural(n, 'document')} from {plural(outlets, 'outlet')}, in {plural(genres, 'genre')}",
        "corpus_size_ar": f"{counted(n, 'وثيقة واحدة', 'وثيقتان', 'وثائق', 'وثيقةً')} من "
        f"{counted(outlets, 'ناشر واحد', 'ناشرَين', 'ناشرين', 'ناشرًا')}، في "
        f"{counted(genres, 'نوع واحد', 'نوعين', 'أنواع', 'نوعًا')}",
    }


def length_ends(lengths: pd.DataFrame) -> dict[str, int | str]:
    """Return the longest and the shortest document by words of article text (ties by id), with their words."""
    order = lengths.sort_values(["words", "doc"], ascending=[False, True])
    longest, shortest = order.iloc[0], order.iloc[-1]
    return {"longest_doc": longest["doc"], "longest_words": int(longest["words"]),
            "shortest_doc": shortest["doc"], "shortest_words": int(shortest["words"])}


def nato_texts(catalogue: pd.DataFrame) -> dict[str, str]:
    """Return how many of the documents NATO itself published (its outlet's name begins with 'NATO'), in words, in
    each language."""
    n = int(catalogue["outlet"].str.match(r"NATO\b").sum())
    english = {0: "no NATO text", 1: "only one NATO text"}.get(n, f"{n} NATO texts")
    arabic = {0: "ولا نص للناتو", 1: "ولا يوجد إلا نص واحد للناتو"}.get(
        n, f"وللناتو {counted(n, '', 'نصان', 'نصوص', 'نصًا')}")
    return {"nato_texts": english, "nato_texts_ar": arabic}


def _unsigned(catalogue: pd.DataFrame) -> pd.Series:
    """Return True for each document whose author is given as unsigned or unnamed."""
    return catalogue["author"].str.match(r"(?i)unsigned|unnamed")


def dating_counts(catalogue: pd.DataFrame, events: pd.DataFrame) -> dict[str, int | str]:
    """Return the prose's counts of authorship and dating: unsigned texts, documents by `date_basis`, and events
    by `date_basis` (with the phrase that says how the events' dates are known); for the Arabic prose, the counts
    of texts and events with their nouns (`_ar`), which agree with the number."""
    documents = catalogue["date_basis"].value_counts()
    bases = date_bases(events)
    unsigned = int(_unsigned(catalogue).sum())
    printed, outside = int(documents.get("printed", 0)), int(documents.get("outside", 0))
    return {
        "n_unsigned": unsigned,
        "n_docs_printed": printed,
        "n_docs_outside": outside,
        "n_events": len(events),
        **{f"n_events_{basis}": n for basis, n in bases.items()},
        "events_dated": date_basis_phrase(events),
        "events_dated_ar": date_basis_phrase(events, "ar"),
        # "... and N texts that are unsigned or whose writer is unnamed"
        "n_unsigned_ar": counted(unsigned, "نصٌّ واحد غير موقّع أو كاتبه غير مسمّى",
                               "نصّان غير موقّعين أو كاتبهما غير مسمّى", "نصوص غير موقّعة أو كاتبها غير مسمّى",
                               "نصًّا غير موقّع أو كاتبه غير مسمّى"),
        "n_docs_printed_ar": counted(printed, "نصٌّ واحد", "نصّان", "نصوص", "نصًّا"),  # the subject of a verb
        "n_docs_outside_ar": counted(outside, "نصٍّ واحد", "نصَّين", "نصوص", "نصًّا"),  # after a noun (تأريخ ...)
        "n_events_outside_ar": counted(int(bases.get("outside", 0)), "حدثٌ واحد", "حدثان", "أحداث", "حدثًا"),
    }


TOTAL = {"en": "all", "ar": "المجموع"}


def bases_by_document(events: pd.DataFrame, catalogue: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Return a document × `date_basis` count of the events, documents in catalogue order, with totals (the row
    named in `lang`)."""
    bases = list(date_bases(events))
    table = pd.crosstab(events["seed"], events["date_basis"]).reindex(
        index=[d for d in catalogue["id"] if d in set(events["seed"])], columns=bases, fill_value=0
    )
    table.loc[TOTAL[lang]] = table.sum()
    return table.reset_index().rename(columns={"seed": "doc"}).rename_axis(columns=None)


def republishing_counts(signs: pd.DataFrame) -> dict[str, int | str]:
    """Return the prose's counts from `republishing_signs`: documents that print their headline again, the Latin
    words inside Arabic and the guillemets, and which texts repeat sentences as pull quotes, in words."""
    latin = sum(len(v.split(LIST_JOIN)) for v in signs["Latin words in the Arabic"] if v != "—")
    return {
        "n_headline_again": int((signs["repeated headline"] > 0).sum()),
        "n_latin_words": latin,
        "latin_words": f"{latin} Latin word{'' if latin == 1 else 's'}",
        "latin_words_ar": counted(latin, "كلمة لاتينية واحدة", "كلمتان لاتينيتان", "كلمات لاتينية", "كلمة لاتينية"),
        "n_guillemets": int(signs["guillemets « »"].sum()),
        "pull_quotes": "; ".join(
            f"{doc} repeats {n} of its own sentences as pull quotes"
            for doc, n in zip(signs["doc"], signs["pull quotes"], strict=True)
            if n
        )
        or "no text carries pull quotes",
        "pull_quotes_ar": "؛ ".join(
            f"يكرر {doc} من جمله {counted(n, 'جملةً واحدة', 'جملتين', 'جمل', 'جملة')} في اقتباسات بارزة"
            for doc, n in zip(signs["doc"], signs["pull quotes"], strict=True)
            if n
        )
        or "لا يحمل أي نص اقتباسات بارزة",
    }


def date_bases(events: pd.DataFrame) -> dict[str, int]:
    """Return the number of events per `date_basis`, every value the descriptor allows included, in its order."""
    column = next(c for c in read_package().table("events").columns if c.name == "date_basis")
    counts = events["date_basis"].value_counts()
    return {basis: int(counts.get(basis, 0)) for basis in column.choices}


def date_basis_phrase(events: pd.DataFrame, lang: str = "en") -> str:
    """Return how the events' dates are known, in words: '2 are stated in the text, 2 are inferred from the
    text's own wording and 2 are taken from outside knowledge' (bases with no event left out); in Arabic with
    `lang="ar"`."""
    counts = [(basis, n) for basis, n in date_bases(events).items() if n]
    if lang == "ar":
        parts = [f"{counted(n, *EVENTS_DATED_AR)} {BASIS_WORDS_AR[basis]}" for basis, n in counts]
        if not parts:
            return "لا يحمل أيٌّ منها تاريخًا"
        return parts[0] if len(parts) == 1 else f"{'، '.join(parts[:-1])} و{parts[-1]}"
    parts = [f"{n} {'is' if n == 1 else 'are'} {BASIS_WORDS[basis]}" for basis, n in counts]
    if not parts:
        return "none is dated"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _claims(paragraphs: pd.DataFrame) -> list[tuple[str, int, WeekdayClaim]]:
    """Return every weekday claim of the article text with its document and paragraph, in text order."""
    return [
        (doc, int(number), claim)
        for doc, number, text in zip(paragraphs["doc"], paragraphs["paragraph"], paragraphs["text"], strict=True)
        for claim in weekday_claims(text)
    ]


def _claims_by_doc(paragraphs: pd.DataFrame) -> dict[str, list[WeekdayClaim]]:
    """Return each document's weekday claims, for the documents that make any."""
    claims: dict[str, list[WeekdayClaim]] = {}
    for doc, _, claim in _claims(paragraphs):
        claims.setdefault(doc, []).append(claim)
    return claims


def _day(iso: str, lang: str = "en", words: bool = False) -> str:
    """Return a day as 'YYYY-MM-DD (Weekday)', the weekday in `lang`; with `words`, the date in words as prose
    gives it ('6 September 2014 (Saturday)')."""
    return f"{describe(iso, lang) if words else iso} ({weekday_name(date.fromisoformat(iso), lang)})"


def _verdict(claim: WeekdayClaim, iso: str, lang: str = "en") -> str:
    """Return whether the claim holds if the text was written on date `iso`: for a day, the day the claim speaks of
    with its weekday; for a longer span, how many of its days fit (in `lang`)."""
    if not iso:
        return "—"
    span = parse_date(iso)
    if span.precision != "day":
        fit, days = len(fitting_days([claim], span)), (span.end - span.start).days + 1
        if lang == "ar":
            return f"يلائم {fit} من {counted(days, 'يوم واحد', 'يومين', 'أيام', 'يومًا')}"
        return f"{fit} of {days} days fit"
    meant = span.start + timedelta(days=claim.offset)
    answer = {"en": ("no", "yes"), "ar": ("لا", "نعم")}[lang][claim.holds(span.start)]
    return f"{answer}: {_day(meant.isoformat(), lang)}"


def weekday_checks(catalogue: pd.DataFrame, paragraphs: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Return one row per weekday a text gives for a day counted from its writing ('today, Saturday'): the document,
    paragraph, words, their meaning, and whether they hold on the printed date and on the estimated date (for the
    documents of `catalogue`), the meaning and verdicts in `lang`."""
    dates = catalogue.set_index("id")
    rows = [
        {
            "doc": doc,
            "paragraph": source_ref(doc, number),
            "quote": claim.text,
            "the text says": claim.arabic() if lang == "ar" else claim.english(),
            "on the printed date": _verdict(claim, dates.at[doc, "date_printed_iso"], lang),
            "on the estimated date": _verdict(claim, dates.at[doc, "date_iso"], lang),
        }
        for doc, number, claim in _claims(paragraphs)
        if doc in dates.index
    ]
    columns = ["doc", "paragraph", "quote", "the text says", "on the printed date", "on the estimated date"]
    return pd.DataFrame(rows, columns=columns)


def _summit_refs(value: str) -> list[str]:
    """Return the summit ids among a `date_outside` value's `table:id` rows."""
    return [ref.partition(":")[2] for ref in value.split(";") if ref.startswith("summits:")]


def summit_checks(
    catalogue: pd.DataFrame, paragraphs: pd.DataFrame, summits: pd.DataFrame, lang: str = "en", words: bool = False
) -> pd.DataFrame:
    """Return, for each document that gives weekdays and whose date needs a summit (`date_outside`), the summit's
    days from outside context and the days from its opening to a week after its close that fit every weekday the
    text gives, beside the printed date and the estimate (names and weekdays in `lang`; the days in words, for
    prose, with `words`)."""
    arabic = lang == "ar"
    claims = _claims_by_doc(paragraphs)
    by_id = summits.set_index("id")
    rows = []
    for doc in catalogue.itertuples():
        for summit in _summit_refs(doc.date_outside) if doc.id in claims else ():
            start, end = by_id.at[summit, "start"], by_id.at[summit, "end"]
            window = Span(parse_date(start).start, parse_date(end).end + timedelta(days=WEEK_AFTER), "interval")
            fit = fitting_days(claims[doc.id], window)
            rows.append(
                {
                    "doc": doc.id,
                    "outside context": f"{by_id.at[summit, f'name_{lang}']} (summits:{summit})",
                    "summit": f"{_day(start, lang, words)} {'إلى' if arabic else 'to'} {_day(end, lang, words)}",
                    FIT_COLUMN: ("، " if arabic else ", ").join(_day(d.isoformat(), lang, words) for d in fit)
                    or NO_FITTING_DAY[lang],
                    "printed": _day(doc.date_printed_iso, lang, words) if doc.date_printed_iso else "—",
                    "estimate": doc.date_iso,
                }
            )
    columns = ["doc", "outside context", "summit", FIT_COLUMN, "printed", "estimate"]
    return pd.DataFrame(rows, columns=columns)


def misdating(catalogue: pd.DataFrame, paragraphs: pd.DataFrame, summits: pd.DataFrame, doc: str) -> dict[str, str]:
    """Return, for the prose, the proofs that document `doc`'s printed date is not its date of writing: the
    weekday the text gives its own day and the printed date's, the summit's close, and how many days between the
    close and the printed date the weekdays alone would allow; each phrase also in Arabic, under `<key>_ar`."""
    row = catalogue.set_index("id").loc[doc]
    claims = _claims_by_doc(paragraphs).get(doc, [])
    implied = {claim.of_writing for claim in claims}
    if len(implied) != 1 or not row["date_printed_iso"]:
        raise ValueError(f"{doc}: its weekdays do not name one day of writing, or it prints no date")
    printed = date.fromisoformat(row["date_printed_iso"])
    summit = summits.set_index("id").loc[_summit_refs(row["date_outside"])[0]]
    close = parse_date(summit["end"]).end
    allowed = fitting_days(claims, Span(close, printed, "interval"))
    return {
        "misdated_printed": f"{describe(row['date_printed_iso'])}, a {weekday_name(printed)}",
        "misdated_text_day": WEEKDAY_NAMES[next(iter(implied))],
        "misdated_summit": str(summit["name_en"]),
        "misdated_close": f"{weekday_name(close)} {describe(summit['end'])}",
        "misdated_written": f"{weekday_name(date.fromisoformat(row['date_iso']))} {describe(row['date_iso'])}",
        "misdated_printed_ar": f"{describe(row['date_printed_iso'], 'ar')}، وهو يوم {weekday_name(printed, 'ar')}",
        "misdated_text_day_ar": DAYS[next(iter(implied))][0],
        "misdated_summit_ar": str(summit["name_ar"]),
        "misdated_close_ar": f"يوم {weekday_name(close, 'ar')} {describe(summit['end'], 'ar')}",
        "misdated_written_ar": f"يوم {weekday_name(date.fromisoformat(row['date_iso']), 'ar')} "
        f"{describe(row['date_iso'], 'ar')}",
        "misdated_allowed": f"{len(allowed):,}",
        "misdated_allowed_ar": counted(len(allowed), "يومٌ واحد", "يومان", "أيام", "يومًا"),  # subject of a verb
        "week_after": str(WEEK_AFTER),
    }


def republishing_signs(
    catalogue: pd.DataFrame, paragraphs: pd.DataFrame, furniture: pd.DataFrame, lang: str = "en"
) -> pd.DataFrame:
    """Return, per document, the signs of how its text reached us: headlines printed again and pull quotes (from
    the furniture), Latin-script words inside its Arabic, its quotation marks, and Latin-script prose removed (the
    few words of the cells in `lang`)."""
    glued, comma = ("، ملتصقة بكلمة عربية", "، ") if lang == "ar" else (", glued to Arabic", ", ")
    rows = []
    for doc in catalogue["id"]:
        body = paragraphs[paragraphs["doc"] == doc]
        removed = furniture[furniture["doc"] == doc]
        latin = [
            f"{word.word} ({source_ref(doc, int(number))}{glued if word.glued else ''})"
            for number, text in zip(body["paragraph"], body["text"], strict=True)
            for word in latin_in_arabic(text)
        ]
        marks = quotation_marks("\n".join(body["text"]))
        rows.append(
            {
                "doc": doc,
                "repeated headline": int((removed["reason"] == "repeated headline").sum()),
                "pull quotes": int((removed["reason"] == "pull quote").sum()),
                "Latin words in the Arabic": LIST_JOIN.join(latin) or "—",
                "guillemets « »": marks.guillemets,
                "with French spacing": marks.french_spaced,
                "other quotation marks": f'“ ” {marks.curly}{comma}" {marks.straight}',
                "Latin-script lines removed": LIST_JOIN.join(t for t in removed["text"] if latin_prose(t)) or "—",
            }
        )
    return pd.DataFrame(rows)


def _printed_refuted(catalogue: pd.DataFrame, paragraphs: pd.DataFrame) -> list[str]:
    """Return the documents whose printed day does not fit the weekdays their own text gives."""
    printed = dict(zip(catalogue["id"], catalogue["date_printed_iso"], strict=True))
    return [
        doc
        for doc, claims in _claims_by_doc(paragraphs).items()
        if printed[doc]
        and parse_date(printed[doc]).precision == "day"
        and not fits(claims, parse_date(printed[doc]).start)
    ]


def _translation_signs(signs: pd.Series, lang: str = "en") -> list[str]:
    """Return the signs of translation in one row of `republishing_signs`, in words."""
    found = []
    if signs["Latin words in the Arabic"] != "—":
        found.append("كلمات بالحروف اللاتينية متروكة في عربيته" if lang == "ar" else "Latin words left in its Arabic")
    if signs["with French spacing"]:
        found.append("علامات تنصيص « » بتباعد فرنسي" if lang == "ar" else "guillemets with French spacing")
    return found


def key_findings(
    catalogue: pd.DataFrame,
    lengths: pd.DataFrame,
    paragraphs: pd.DataFrame,
    furniture: pd.DataFrame,
    summits: pd.DataFrame,
    references: Mapping[str, Mapping[str, str]] | None = None,
    lang: str = "en",
) -> list[str]:
    """Return the sources chapter's key findings (in Arabic with `lang="ar"`), answers computed from the seeds, the
    catalogue and the outside context: who the texts are from, how far each dates itself, which printed date the
    text's own weekdays refute, and what the layout and script say of how the texts reached us. Documents not yet
    curated are left out of the judgements (author, dating) and named at the end. The outside context is named by
    `references` (`lang.reference_names`) where given."""
    note = not_counted(catalogue, lang=lang)
    catalogue = catalogue[catalogue["curation"] == "curated"]
    curated = set(catalogue["id"])
    lengths = lengths[lengths["doc"].isin(curated)]
    paragraphs = paragraphs[paragraphs["doc"].isin(curated)]
    furniture = furniture[furniture["doc"].isin(curated)]
    official = catalogue.loc[catalogue["genre"] == "official-release", "id"].tolist()
    unsigned = catalogue.loc[_unsigned(catalogue), "id"].tolist()
    by_print = catalogue.loc[catalogue["date_basis"] == "printed", "id"].tolist()
    outside = catalogue[catalogue["date_basis"] == "outside"]
    refs = sorted({ref for value in outside["date_outside"] for ref in value.split(";") if ref})
    refs = [(references or {}).get(lang, {}).get(ref, ref) for ref in refs]
    claims = _claims_by_doc(paragraphs)
    printed = dict(zip(catalogue["id"], catalogue["date_printed_iso"], strict=True))
    near = summit_checks(catalogue, paragraphs, summits, lang, words=True).set_index("doc")
    signs = republishing_signs(catalogue, paragraphs, furniture).set_index("doc")
    republished = signs.index[(signs["repeated headline"] > 0) | (signs["pull quotes"] > 0)].tolist()
    if lang == "ar":
        return _key_findings_ar(
            catalogue, lengths, official, unsigned, by_print, outside, refs, _printed_refuted(catalogue, paragraphs),
            claims, near, signs, republished,
        ) + ([note] if note else [])
    findings = [
        f"Only {len(official)} of the {len(catalogue)} texts has an institutional author ({', '.join(official)}); "
        f"{len(unsigned)} are unsigned or by an unnamed writer ({', '.join(unsigned)}). All are short: "
        f"{lengths['words'].min()} to {lengths['words'].max()} words of article text.",
        f"{len(by_print)} of the {len(catalogue)} texts are dated by the date their page prints "
        f"({', '.join(by_print)}); {len(outside)} ({', '.join(outside['id'])}) can be dated only with outside "
        f"knowledge ({', '.join(refs)}), their own wording giving no year, or too wide a span.",
    ]
    for doc in _printed_refuted(catalogue, paragraphs):
        day = date.fromisoformat(printed[doc])
        implied = " or ".join(sorted({WEEKDAY_NAMES[claim.of_writing] for claim in claims[doc]}))
        fit = f"; near the summit, its weekdays fit {near.at[doc, FIT_COLUMN]}" if doc in near.index else ""
        findings.append(
            f"The printed date of {doc}, {describe(printed[doc])}, a {weekday_name(day)}, is not when it was "
            f"written: its own text calls the day of writing a {implied}{fit}."
        )
    translated = {doc: _translation_signs(signs.loc[doc]) for doc in signs.index}
    translated = {doc: found for doc, found in translated.items() if found}
    findings.append(
        (
            f"1 text ({republished[0]}) prints its headline twice or carries pull quotes: it reached us as a "
            "website's page, in the site's layout, not as the original. "
            if len(republished) == 1
            else f"{len(republished)} texts ({', '.join(republished)}) print their headline twice or carry pull "
            "quotes: they reached us as pages of websites, in the sites' layout, not as the originals. "
            if republished
            else "No text prints its headline twice or carries pull quotes. "
        )
        + " ".join(
            f"{doc} shows signs of translation ({' and '.join(found)}), so its original language, like its "
            "authenticity, is not established."
            for doc, found in translated.items()
        )
    )
    return findings + ([note] if note else [])


def _republished_ar(republished: list[str]) -> str:
    """Return, in Arabic, which texts show a website's layout (a repeated headline, pull quotes), agreeing with
    their number."""
    listed = "، ".join(republished)
    if not republished:
        return "لا يطبع أي نص عنوانه مرتين ولا يحمل اقتباسات بارزة. "
    if len(republished) == 1:
        return (f"النص الوحيد الذي يطبع عنوانه مرتين أو يحمل اقتباسات بارزة ({listed}) وصلنا صفحةَ موقع، بتنسيق "
                "الموقع، لا أصلًا. ")
    if len(republished) == 2:
        return (f"النصّان اللذان يطبعان عنوانهما مرتين أو يحملان اقتباسات بارزة ({listed}) وصلانا صفحتَي موقعين، "
                "بتنسيق الموقعين، لا أصلين. ")
    return (f"النصوص التي تطبع عنوانها مرتين أو تحمل اقتباسات بارزة "
            f"({counted(len(republished), 'نصٌّ واحد', 'نصّان', 'نصوص', 'نصًّا')}: {listed}) وصلتنا صفحاتِ مواقع، "
            "بتنسيق المواقع، لا أصولًا. ")


def _key_findings_ar(
    catalogue: pd.DataFrame,
    lengths: pd.DataFrame,
    official: list[str],
    unsigned: list[str],
    by_print: list[str],
    outside: pd.DataFrame,
    refs: list[str],
    refuted: list[str],
    claims: dict[str, list[WeekdayClaim]],
    near: pd.DataFrame,
    signs: pd.DataFrame,
    republished: list[str],
) -> list[str]:
    """Return the sources chapter's key findings in Arabic, from the values `key_findings` computed."""
    printed = dict(zip(catalogue["id"], catalogue["date_printed_iso"], strict=True))
    findings = [
        # "N of them" (n منها) needs no counted noun, so the sentence agrees whatever the numbers
        f"من النصوص الـ{len(catalogue)}، {'لـ' if len(official) > 2 else 'ل'}"
        f"{counted(len(official), 'نصٍّ واحد منها فقط', 'نصَّين منها فقط', 'منها فقط', 'منها فقط')} كاتب مؤسسي "
        f"({'، '.join(official)})؛ و"
        f"{len(unsigned)} منها غير موقّعة أو لكاتب غير مسمّى ({'، '.join(unsigned)}). وكلها قصيرة: من "
        f"{lengths['words'].min()} إلى "
        f"{counted(int(lengths['words'].max()), 'كلمة واحدة', 'كلمتين', 'كلمات', 'كلمة')} من نص المقال.",
        f"ومن النصوص الـ{len(catalogue)}، يؤرَّخ {len(by_print)} منها بالتاريخ الذي تطبعه صفحته "
        f"({'، '.join(by_print)})؛ ولا يمكن تأريخ {len(outside)} منها ({'، '.join(outside['id'])}) إلا بمعرفة "
        f"خارجية ({'، '.join(refs)})، إذ لا تعطي صياغتها سنة، أو تعطي مدى واسعًا جدًا.",
    ]
    for doc in refuted:
        day = date.fromisoformat(printed[doc])
        implied = " أو ".join(sorted({DAYS[claim.of_writing][0] for claim in claims[doc]}))
        days = near.at[doc, FIT_COLUMN] if doc in near.index else ""
        fit = (
            ""
            if not days
            else "؛ ولا يوافق أيامَ الأسبوع التي يذكرها أيُّ يوم قرب موعد القمة"
            if days == NO_FITTING_DAY["ar"]
            else f"؛ وفي الأيام المحيطة بموعد القمة لا يوافق أيامَ الأسبوع التي يذكرها إلا {days}"
        )
        findings.append(
            f"التاريخ المطبوع على {doc}، {describe(printed[doc], 'ar')}، وهو يوم {weekday_name(day, 'ar')}، ليس "
            f"تاريخ كتابته: نصه نفسه يسمّي يوم الكتابة {implied}{fit}."
        )
    translated = {doc: _translation_signs(signs.loc[doc], "ar") for doc in signs.index}
    findings.append(
        _republished_ar(republished)
        + " ".join(
            f"يحمل {doc} علامات ترجمة ({' و'.join(found)})، فلغته الأصلية، كصحّته، غير ثابتة."
            for doc, found in translated.items()
            if found
        )
    )
    return findings
