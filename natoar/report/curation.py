"""What remains to curate, per document: `make curation-status` (`python -m natoar.report.curation [id ...]`).

A document is curated when a reader has filled its catalogue row and recorded its evidence. The book's
completeness checks (every stated number covered by a curated quote; events, topics and actors recorded; a
gloss for every word the text chapter shows) hold for curated documents; for the others this module lists what
they still lack, and the book shows them as not yet curated instead of failing.
"""

from __future__ import annotations

import sys

import pandas as pd

from natoar.report import lang as ar
from natoar.report import textstats
from natoar.sources.book import Book, load_book
from natoar.sources.datapackage import CURATED_FIELDS
from natoar.sources.errors import BookInputError
from natoar.sources.evidence import uncovered_numbers
from natoar.text.names import people_matcher

# An Arabic word inside a list in Latin script: a first-strong isolate (U+2068 ... U+2069) keeps its direction from
# reordering its neighbours in the browser, and shows as nothing in a terminal.
ISOLATE = "\u2068{}\u2069"
EVIDENCE = ("events", "topics", "actors")  # tables every curated document contributes rows to
COLUMNS = ["doc", "curation", "item", "detail", "detail_ar"]
# The items of `remaining`, in Arabic.
ITEMS_AR = {"headline": "العنوان", "catalogue": "الفهرس", "dates": "التواريخ", "events": "الأحداث",
            "topics": "الموضوعات", "actors": "الفاعلون", "numbers": "الأعداد", "glosses": "الشروح", "status": "الحالة"}


def curated_ids(catalogue: pd.DataFrame) -> list[str]:
    """Return the ids of the curated documents, in catalogue order."""
    return catalogue.loc[catalogue["curation"] == "curated", "id"].tolist()


def uncurated_ids(catalogue: pd.DataFrame) -> list[str]:
    """Return the ids of the documents not yet curated, in catalogue order."""
    return catalogue.loc[catalogue["curation"] != "curated", "id"].tolist()


def evidence_names(catalogue: pd.DataFrame, lang: str = "en") -> tuple[str, str]:
    """Return what a finding drawn from curated evidence calls the documents it rests on, plural and singular:
    the seeds while every document is curated; the curated documents once some are not, so that a claim such as
    'no seed names ...' is not made of texts no one has read for it yet."""
    some_pending = bool(uncurated_ids(catalogue))
    if lang == "ar":
        return ("المصادر المدقَّقة", "مصدر مدقَّق") if some_pending else ("المصادر", "مصدر")
    return ("curated documents", "curated document") if some_pending else ("seeds", "seed")


# Up to this many documents not yet curated are named in a chapter's findings; more are counted, and the catalogue
# marks them (a key finding naming 250 ids is not read).
NAMED_UP_TO = 8


def not_counted(catalogue: pd.DataFrame, read_as_text: bool = False, lang: str = "en") -> str:
    """Return the sentence a chapter adds when some documents are not yet curated ('' when all are).

    `read_as_text`: for a chapter that counts every seed's words, themes and dates, which need no curation."""
    ids = uncurated_ids(catalogue)
    if not ids:
        return ""
    one = len(ids) == 1
    listed = len(ids) > NAMED_UP_TO  # too many to name in a sentence: the catalogue marks them
    if lang == "ar":
        many = f"{ar.counted(len(ids), '', '', 'وثائق', 'وثيقةً')} يشير إليها الفهرس"
        names = many if listed else "، ".join(ids)
        if read_as_text:
            return (
                f"لم تُدقَّق بعد: {names}؛ يُقرأ نصها ويُحصى هنا كغيره، لكن لا تسنده بعد أدلة مدقَّقة (أحداث، شروح)، "
                "ويتركها فحص التواريخ مقابل الأحداث جانبًا."
            )
        return f"لم تُدقَّق بعد، فلا تُحسب هنا دليلًا: {names} (تذكر صفحاتها ما بقي)."
    names = f"{len(ids)} documents, each marked in the catalogue" if listed else ", ".join(ids)
    if read_as_text:
        its, it = ("its", "it") if one else ("their", "them")
        return (
            f"Not yet curated: {names}; {its} text is read and counted here like the others', but no curated "
            f"evidence (events, glosses) backs it yet, and the check of dates against events leaves {it} out."
        )
    pages = "its page lists" if one else "their pages list"
    return f"Not yet curated, so not counted as evidence here: {names} ({pages} what remains)."


def shown(catalogue: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return the catalogue's `columns`, the empty fields a curator has still to fill (CURATED_FIELDS) reading 'not
    yet curated' until the document is curated; an optional field left empty (no printed date) stays empty."""
    table = catalogue[columns].copy()
    pending = (catalogue["curation"] != "curated").to_numpy()
    for column in (c for c in columns if c in CURATED_FIELDS):
        label = ar.PENDING_AR if column.endswith("_ar") else ar.PENDING  # an Arabic column's, in Arabic
        table.loc[pending & (table[column] == "").to_numpy(), column] = label
    return table


def words_shown(book: Book, among: list[str] | None = None) -> pd.DataFrame:
    """Return the words the text chapter shows for each document (its most frequent and most distinctive),
    computed on the documents `among` (default: all, as the chapter does)."""
    tables = book.tables
    people = people_matcher(tables["aliases"], tables["actors"])
    paragraphs = book.paragraphs
    if among is not None:
        paragraphs = paragraphs[paragraphs["doc"].isin(among)]
    counts = textstats.term_counts(paragraphs, leave_out=people)
    shown = pd.concat(
        [counts.groupby("doc").head(textstats.TOP_TERMS), textstats.distinctive(textstats.log_odds(counts))]
    )
    return shown[["doc", "term"]].drop_duplicates().sort_values(["doc", "term"], ignore_index=True)


def unglossed(book: Book, among: list[str] | None = None) -> pd.DataFrame:
    """Return, per document, the words the text chapter shows that have no row in glosses.csv (see `words_shown`)."""
    shown = words_shown(book, among)
    return shown[~shown["term"].isin(set(book["glosses"]["term"]))].reset_index(drop=True)


def _listed(values: list[str], most: int = 8, lang: str = "en") -> str:
    if len(values) <= most:
        more = ""
    else:
        more = f" و{len(values) - most} غيرها" if lang == "ar" else f" and {len(values) - most} more"
    return (ar.join(values[:most]) if lang == "ar" else ", ".join(values[:most])) + more


def remaining(book: Book | None = None, glosses_among: list[str] | None = None) -> pd.DataFrame:
    """Return one row per thing a document still lacks: its id, curation status, the item and the detail (in
    English, and in Arabic for the Arabic edition's source pages).

    Words without a gloss are those the text chapter shows, whose lists depend on the whole corpus: a new
    document can make a curated one's distinctive words change. `glosses_among` computes them on those
    documents only (see `incomplete`)."""
    book = book or load_book()
    catalogue = book.catalogue
    numbers = uncovered_numbers(book.root, book.tables)
    glossless = unglossed(book, glosses_among)
    rows = []
    for doc in catalogue.itertuples():
        items = []
        if doc.curation != "curated":
            items.append(("headline",
                          "first settle title_ar and outlet_ar (the headline and the outlet's name as printed): the "
                          "furniture rules read them, so changing either later renumbers the paragraphs evidence cites",
                          "ثبِّت أولًا title_ar و outlet_ar (العنوان واسم الناشر كما طُبعا): تقرؤهما قواعد حذف "
                          "زوائد الموقع، فتغيير أيٍّ منهما لاحقًا يعيد ترقيم الفقرات التي تستشهد بها الأدلة"))
        empty = [c for c in CURATED_FIELDS if not getattr(doc, c)]
        if empty:
            names = ", ".join(empty)
            items.append(("catalogue", f"fill {names} in data/documents.csv", f"املأ {names} في data/documents.csv"))
        if doc.curation != "curated":
            items.append(("dates",
                          "check the proposed date of writing and span of events; rewrite date_note and date_note_ar",
                          "راجِع تاريخ الكتابة المقترح ومدى الأحداث، وأعِد كتابة date_note و date_note_ar"))
        for name in EVIDENCE:
            if not (book[name]["seed"] == doc.id).any():
                items.append((name, f"no row of data/{name}.csv cites it", f"لا يستشهد بها أي صف في data/{name}.csv"))
        mine = numbers[numbers["doc"] == doc.id]
        if not mine.empty:
            # each Arabic word isolated, so that a page read left to right keeps every ¶ beside its own number
            stated = [f"¶{r.paragraph} {ISOLATE.format(r.number)}" for r in mine.itertuples()]
            items.append(("numbers", f"{len(mine)} stated without a curated quote: {_listed(stated)}",
                          f"أعداد مذكورة بلا اقتباس مدقَّق ({len(mine)}): {_listed(stated, lang='ar')}"))
        words = glossless.loc[glossless["doc"] == doc.id, "term"].tolist()
        if words:
            shown = [ISOLATE.format(word) for word in words]
            noun = "word" if len(words) == 1 else "words"
            items.append(("glosses", f"{len(words)} {noun} shown without a gloss in data/glosses.csv: {_listed(shown)}",
                          f"كلمات معروضة بلا شرح في data/glosses.csv ({len(words)}): {_listed(shown, lang='ar')}"))
        if doc.curation != "curated":
            items.append(("status", "when nothing above remains, set curation to 'curated'",
                          "حين لا يبقى شيء مما سبق، اجعل curation ‏'curated'"))
        rows += [(doc.id, doc.curation, item, detail, arabic) for item, detail, arabic in items]
    return pd.DataFrame(rows, columns=COLUMNS)


def incomplete(book: Book | None = None) -> pd.DataFrame:
    """Return what the curated documents still lack (nothing, when the curation is complete).

    Glosses are checked on the curated documents' corpus, so adding an uncurated document never makes a
    curated one incomplete; the words it brings into the chapter's lists show as without a gloss there, and
    `remaining` lists them."""
    book = book or load_book()
    table = remaining(book, glosses_among=curated_ids(book.catalogue))
    return table[table["curation"] == "curated"].reset_index(drop=True)


BROUGHT_BY_OTHERS = (
    "    (these words are shown because of documents not yet curated: each document's words are weighed against "
    "the others', so a new one changes which words the text chapter shows; they do not make this document "
    "incomplete)"
)


def status_text(table: pd.DataFrame, catalogue: pd.DataFrame, lacking: pd.DataFrame | None = None) -> str:
    """Return the status of every document in `catalogue` as lines of text, what remains listed under each.

    `lacking` (see `incomplete`) tells a curated document's own gaps from the words without a gloss that only
    documents not yet curated bring into the text chapter's lists, which the text then explains."""
    own = set() if lacking is None else set(zip(lacking["doc"], lacking["item"], strict=True))
    lines = []
    for doc in catalogue.itertuples():
        mine = table[table["doc"] == doc.id]
        state = "curated" if doc.curation == "curated" else "NOT YET CURATED"
        lines.append(f"{doc.id} ({doc.file}): {state}" + ("" if len(mine) else ", nothing remains"))
        for row in mine.itertuples():
            lines.append(f"  - {row.item}: {row.detail}")
            brought = lacking is not None and doc.curation == "curated" and (doc.id, row.item) not in own
            lines += [BROUGHT_BY_OTHERS] if brought and row.item == "glosses" else []
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print what remains for the documents named (default: all); return 1 if a curated one is incomplete."""
    try:
        book = load_book()
    except BookInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    catalogue = book.catalogue
    unknown = sorted(set(argv) - set(catalogue["id"]))
    if unknown:
        print(f"error: no document {', '.join(unknown)} in data/documents.csv", file=sys.stderr)
        return 1
    if argv:
        catalogue = catalogue[catalogue["id"].isin(argv)]
    lacking = incomplete(book)
    print(status_text(remaining(book), catalogue, lacking))
    lacking = lacking[lacking["doc"].isin(catalogue["id"])]
    if not lacking.empty:
        print(f"error: documents marked curated are incomplete: {', '.join(lacking['doc'].unique())}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
