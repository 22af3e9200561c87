"""Adding a document with `make add-source`: the file lands in seeds/ and the catalogue, marked uncurated, with
the dates the text gives; hostile files are refused with the file named and what to do, nothing written.

tests/fixtures/jordan_2008.txt is written for these tests: a plausible Arabic news item, not a real one.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from natoar.build.check import checked_inputs
from natoar.report import analysis, curation, datapages, documents, findings, lang, summary, textstats
from natoar.sources import add
from natoar.sources.add import AddError, add_source
from natoar.sources.book import load_book

FIXTURE = Path(__file__).parent / "fixtures" / "jordan_2008.txt"
TITLE = "الأردن والناتو يبحثان توسيع برنامج التعاون الفردي في مجال التدريب"


def catalogue_rows(project: Path) -> dict[str, dict[str, str]]:
    with (project / "data" / "documents.csv").open(encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def snapshot(project: Path) -> dict[str, bytes]:
    """Every file under seeds/ and data/, by path, with its bytes."""
    return {
        str(p.relative_to(project)): p.read_bytes()
        for folder in ("seeds", "data")
        for p in sorted((project / folder).rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def added(project):
    return add_source(FIXTURE, project, outlet="Sada Amman", genre="news-report")


def test_the_file_lands_in_seeds_under_the_naming_rule(project, root, added):
    digest = hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    number = max(int(p.name[:3]) for p in (root / "seeds").glob("*.txt")) + 1
    assert added.seed == project / "seeds" / f"{number:03d}_{digest[:16]}.txt"
    assert added.seed.read_bytes() == FIXTURE.read_bytes()
    # written through temporary files, yet readable like the files beside them
    assert added.seed.stat().st_mode & 0o044 == 0o044
    assert (project / "data" / "documents.csv").stat().st_mode & 0o777 == (
        root / "data" / "documents.csv"
    ).stat().st_mode & 0o777


def test_the_catalogue_row_holds_the_proposals_and_is_marked_uncurated(project, added):
    row = catalogue_rows(project)["sada-amman-2008"]
    assert row["sha256"] == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert (row["title_ar"], row["outlet_ar"], row["outlet"], row["genre"]) == (
        TITLE,
        "صدى عمان",
        "Sada Amman",
        "news-report",
    )
    assert (row["date_printed"], row["date_printed_iso"], row["date_iso"], row["date_basis"]) == (
        "10 مارس 2008",
        "2008-03-10",
        "2008-03-10",
        "printed",
    )
    # the earliest date the text mentions is 1994, the latest 'next June' (حزيران/يونيو المقبل)
    assert (row["events_from"], row["events_to"]) == ("1994", "2008-06")
    assert row["curation"] == "uncurated"
    assert all(row[name] == "" for name in ("title_en", "author", "stance", "reliability", "summary_en"))
    # the rows already there are kept byte for byte
    assert (
        (project / "data" / "documents.csv")
        .read_bytes()
        .startswith((Path(__file__).parents[1] / "data" / "documents.csv").read_bytes())
    )


def test_the_dates_in_the_text_are_read_with_their_precision(added):
    found = {(f.paragraph, f.expression.text): (f.expression.resolved, f.precision) for f in added.dates}
    assert found[(2, "السابع من ديسمبر/كانون الأول 2007")] == ("2007-12-07", "day")
    assert found[(3, "العام الماضي")] == ("2007", "year")
    assert found[(1, "أمس")] == ("2008-03-09", "day")
    assert found[(4, "حزيران/يونيو المقبل")] == ("2008-06", "month")


def test_the_input_check_passes_and_the_document_is_uncurated_not_failing(project, root, added, capsys):
    assert checked_inputs(project) is not None
    assert f"{len(catalogue_rows(root)) + 1} documents" in capsys.readouterr().out
    book = load_book(project)
    assert "sada-amman-2008" in curation.uncurated_ids(book.catalogue)
    assert curation.incomplete(book).empty  # the five curated documents are still complete
    left = curation.remaining(book)
    items = set(left.loc[left["doc"] == "sada-amman-2008", "item"])
    assert {"headline", "catalogue", "dates", "events", "topics", "actors", "numbers", "status"} <= items
    first = left[left["doc"] == "sada-amman-2008"].iloc[0]
    assert first["item"] == "headline" and "renumbers the paragraphs" in first["detail"]  # before any evidence
    numbers = left.set_index(["doc", "item"]).loc[("sada-amman-2008", "numbers"), "detail"]
    # each Arabic number isolated, so that a left-to-right page keeps it beside its paragraph
    assert numbers == "2 stated without a curated quote: ¶3 \u2068ثلاثين\u2069, ¶5 \u2068سبع\u2069"


def edition(markdown: str, language: str) -> str:
    """Return a generated page's Markdown as one edition keeps it: the other language's spans dropped (as
    natoar.build.i18n drops their nodes), its own spans' text kept, unescaped."""
    other = "ar" if language == "en" else "en"
    span = r"\[((?:\\.|[^\]\\])*)\]\{([^}]*)\}"

    def keep(match: re.Match) -> str:
        classes = match[2].split()
        return "" if f".lang-{other}" in classes and f".lang-{language}" not in classes else match[1]

    return re.sub(r"\\(.)", r"\1", re.sub(span, keep, markdown))


def test_a_new_documents_page_needs_no_translation_catalog_to_be_arabic(project, added):
    from natoar.build.pages import WORDS_AR, write_pages

    write_pages(project)
    page = (project / "chapters" / "sources" / "sada-amman-2008.md").read_text(encoding="utf-8")
    arabic, english = edition(page, "ar"), edition(page, "en")
    assert "لم تُدقَّق بعد" in arabic and "لا يستشهد بها أي صف في `data/events.csv`" in arabic
    assert "Not yet curated" in english and "no row of `data/events.csv` cites it" in english
    left = [words for words in WORDS_AR if words != "SHA-256" and words.split(" (")[0] in arabic]
    assert left == []  # the page's own words (labels, headings, the notice) are all Arabic there
    assert not (project / "locales" / "ar" / "LC_MESSAGES" / "chapters" / "sources").exists()


def test_the_edition_reader_can_fail():
    assert edition("[Summary]{.lang-en}[الملخص]{.lang-ar} [`x.txt`]{.lang-en .lang-ar}", "ar") == "الملخص `x.txt`"
    assert edition("[Summary]{.lang-en}[الملخص]{.lang-ar} data\\/x\\.csv", "en") == "Summary data/x.csv"


def test_marking_it_curated_before_its_fields_are_filled_is_refused(project, added):
    path = project / "data" / "documents.csv"
    text = path.read_text(encoding="utf-8")
    mark = text.rindex(",uncurated")
    path.write_text(text[:mark] + ",curated" + text[mark + len(",uncurated") :], encoding="utf-8")
    with pytest.raises(
        Exception,
        match="marked curated but title_en, author, stance, reliability, summary_en, author_ar, "
        "stance_ar, reliability_ar, summary_ar are empty",
    ):
        load_book(project)


def test_marking_it_curated_with_the_proposed_date_notes_unrewritten_is_refused(project, added):
    from natoar.sources.datapackage import CURATED_FIELDS

    path = project / "data" / "documents.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[-1].update({c: rows[-1][c] or "Filled by the curator." for c in CURATED_FIELDS}, curation="curated")
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(Exception, match="date_note and date_note_ar still hold make add-source's proposal"):
        load_book(project)


@pytest.mark.tool
def test_the_command_line_prints_what_remains(project):
    result = subprocess.run(
        [sys.executable, "-m", "natoar.sources.add", str(FIXTURE), "--outlet", "Sada Amman", "--id", "jordan-2008"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "as 'jordan-2008' (uncurated)" in result.stdout
    assert "¶2: السابع من ديسمبر/كانون الأول 2007 -> 2007-12-07, day" in result.stdout
    assert "What remains for a curator" in result.stdout and "fill title_en, genre, author" in result.stdout
    assert "then `make notebooks` before `make test`" in result.stdout  # else nbval fails on every chapter


ARTICLE = FIXTURE.read_text(encoding="utf-8")
ENGLISH = (
    "NATO and Jordan discuss training\n\nNATO and Jordan discuss training\n\n10 March 2008\n\n"
    "Jordanian officials met a NATO delegation in Amman yesterday to discuss wider military cooperation.\n"
)
FURNITURE_ONLY = f"{TITLE}\n\n{TITLE}\n\n10 مارس 2008\n\nاترك تعليق\n\n" + ARTICLE.split("10 مارس 2008")[1]
HOSTILE = {
    "empty": (b"", "the file is empty"),
    "blank": (b"\n \n", "the file is empty"),
    "bom": (codecs.BOM_UTF8 + ARTICLE.encode(), "byte-order mark"),
    "truncated": (ARTICLE.encode()[:-20][:-1], "ends inside a UTF-8 character"),
    "windows-1256": (ARTICLE.encode("cp1256"), "is not UTF-8"),
    "english": (ENGLISH.encode(), "letters are Arabic"),
    "all-furniture": (
        FURNITURE_ONLY.encode(),
        "every line besides the headline was removed as site furniture (9 as comment section",
    ),
    "huge": ((ARTICLE * 1000).encode(), "MB, more than any article"),  # 1.4 MB: a dump, not an article
}


def test_the_truncated_sample_is_cut_inside_a_character():
    with pytest.raises(UnicodeDecodeError, match="unexpected end of data"):
        HOSTILE["truncated"][0].decode("utf-8")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_naming_it_and_writing_nothing(project, tmp_path, name):
    data, problem = HOSTILE[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    before = snapshot(project)
    with pytest.raises(AddError) as caught:
        add_source(path, project, outlet="Sada Amman")
    message = str(caught.value)
    assert message.startswith(str(path)), message
    assert problem in message and "Fix:" in message, message
    assert snapshot(project) == before


def test_a_duplicate_is_refused_naming_the_document_it_repeats(project, tmp_path):
    path = tmp_path / "again.txt"
    path.write_bytes((project / "seeds" / "002_f7bd7c8e5b3f259c.txt").read_bytes())
    before = snapshot(project)
    with pytest.raises(AddError, match=r"again\.txt: the catalogue already holds these bytes as 'morocco-us-2020'"):
        add_source(path, project)
    add_source(FIXTURE, project)
    middle = snapshot(project)
    with pytest.raises(AddError, match="already holds these bytes as 'source-2008'"):
        add_source(FIXTURE, project)
    assert snapshot(project) == middle != before


def test_a_page_with_no_readable_date_asks_for_one(project, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(ARTICLE.replace("10 مارس 2008\n", ""), encoding="utf-8")
    with pytest.raises(AddError, match=r"prints no date the date finder can read \(the text mentions 2007-12-07\)"):
        add_source(path, project)
    added = add_source(path, project, date="2008-03")
    # a date typed on the command line comes from outside the text, not from its wording
    assert (added.row["date_iso"], added.row["date_basis"], added.row["date_printed"]) == ("2008-03", "outside", "")
    assert "2008-03, from outside the text: given to make add-source as DATE=2008-03" in added.row["date_note"]
    assert "من خارج النص" in added.row["date_note_ar"]


# The top of NATO's Arabic page of 29 June 2004 (nato.int news_20811), and of Al Sharq's op-ed of 15 February 2021
# under the site's banner date (thakiratalsharq.com), as the reviewed copies print them.
NATO_2004 = """حلف الناتو يرفع الحوار المتوسطي إلى شراكة حقيقية ويطلق مبادرة اسطنبول للتعاون

  • 29 Jun. 2004 -
  • |
  • آخر تحديث 02-Aug-2010 17:07

في اجتماع عقد في اسطنبول، قرّر قادة الناتو رفع الحوار المتوسطي للتحالف إلى شراكة حقيقية وإطلاق مبادرة اسطنبول.

b040626a 26th June 2004 Views of Istanbul - The Blue Mosque
"""
SHARQ_2021 = """23 سبتمبر 2025

تسجيل

قطر والناتو.. شراكة مميزة

15 فبراير 2021

منذ انضمام قطر الى مبادرة إسطنبول للتعاون التابعة لحلف شمال الاطلسي (الناتو) في 16 فبراير 2005، طورت الدوحة علاقات.
"""


def test_an_english_dateline_on_natos_arabic_page_is_the_printed_date():
    printed, others = add._printed_date(NATO_2004, NATO_2004.splitlines()[0], "")
    assert (printed.printed, printed.date, printed.line, others) == ("29 Jun. 2004", "2004-06-29", 3, [])


def test_the_dateline_below_the_headline_is_taken_over_a_banner_above_it():
    printed, others = add._printed_date(SHARQ_2021, "قطر والناتو.. شراكة مميزة", "")
    assert (printed.printed, printed.date, printed.above_headline) == ("15 فبراير 2021", "2021-02-15", False)
    assert [(d.printed, d.where()) for d in others] == [("23 سبتمبر 2025", "line 1, above the headline")]
    notes = add._date_notes(printed, others, "")
    assert "The page also prints '23 سبتمبر 2025' (line 1, above the headline)." in notes[0]


def test_a_dateline_after_the_day_of_the_build_is_no_date_of_writing(monkeypatch):
    monkeypatch.setattr(add, "today", lambda: date(2020, 9, 13))  # the banner and the article both later
    assert add._printed_date(SHARQ_2021, "قطر والناتو.. شراكة مميزة", "") == (None, [])


def test_the_seeds_printed_dates_are_proposed_as_the_catalogue_records_them(root):
    with (root / "data" / "documents.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        text = (root / "seeds" / row["file"]).read_text(encoding="utf-8")
        title, outlet_ar = add._propose_title(text, "")
        printed, _ = add._printed_date(text, title, outlet_ar)
        proposed = (printed.printed, printed.date) if printed else ("", "")
        assert proposed == (row["date_printed"], row["date_printed_iso"]), row["id"]


def test_the_report_says_when_the_text_gives_no_dates(project, added):
    assert "  dates in the text (paragraph: expression -> date, precision):\n    none found\n" in add.report(
        replace(added, dates=[]), project
    )


def test_an_unknown_genre_is_refused_with_the_allowed_ones(project):
    with pytest.raises(AddError, match=r"GENRE 'blog' is not a genre.*speech, interview, communique, op-ed"):
        add_source(FIXTURE, project, genre="blog")


def test_a_failed_catalogue_write_leaves_no_stray_seed(project, monkeypatch):
    before = snapshot(project)
    write = add._write_atomically

    def failing(path: Path, data: bytes) -> None:
        if path.name == "documents.csv":
            raise OSError("disk full")
        write(path, data)

    monkeypatch.setattr(add, "_write_atomically", failing)
    with pytest.raises(OSError, match="disk full"):
        add_source(FIXTURE, project)
    assert snapshot(project) == before


def test_a_document_added_without_a_genre_is_shown_as_not_yet_curated_in_both_editions(project):
    add_source(FIXTURE, project, outlet="Sada Amman")
    catalogue = load_book(project).catalogue
    table = curation.shown(catalogue, ["id", "genre", "author", "author_ar", "date_printed", "cited_as_ar"])
    row = table.set_index("id").loc["sada-amman-2008"]
    assert (row["genre"], row["author"], row["author_ar"]) == ("not yet curated", "not yet curated", "لم يُراجَع بعد")
    assert row["cited_as_ar"] == ""  # optional: left empty, not awaiting a curator
    arabic = lang.arabic(table).set_index(table["id"])
    assert arabic.loc["sada-amman-2008", "genre"] == "لم يُراجَع بعد"  # the sources chapter's table, in Arabic


def test_the_chapters_do_not_count_it_as_evidence_and_say_so(project, added):
    book = load_book(project)
    # the note names every document not yet curated: this one, and any the checkout already holds
    note = "Not yet curated, so not counted as evidence here: "
    if curation.uncurated_ids(book.catalogue) == ["sada-amman-2008"]:
        note += "sada-amman-2008 (its page lists what remains)."
    # the first document written is still the 2011 release: the uncurated one's proposed 2008 date is not evidence
    timeline = findings.timeline(book)
    assert timeline[1].startswith(
        "Before 2011 the book sees only in retrospect: none of the curated documents was written before 15 Feb"
    )
    assert timeline[-1].startswith(note) and "sada-amman-2008" in timeline[-1]
    opening = summary.findings(book)
    assert opening[-2].sentence.startswith("Of the 5 curated documents, 2 print no date and 1 prints a wrong one")
    assert opening[-1].sentence.startswith(note) and "sada-amman-2008" in opening[-1].sentence
    # a claim of what the texts do not say is made of the curated ones only, and says so
    assert "no curated document names Morocco as a Mediterranean Dialogue partner" in findings.architecture(book)[0]
    assert any("no curated document names Morocco as a partner" in f.sentence for f in opening)
    arabic = " ".join(findings.architecture(book, lang="ar"))
    assert "ولا يسمّي أي مصدر مدقَّق المغربَ" in arabic and "روابطه الأخرى في المصادر المدقَّقة" in arabic
    assert "sada-amman-2008" not in analysis.topic_matrix(book["topics"], list(book.curated["id"])).columns
    text_note = findings.text_analysis(book)[-1]
    assert text_note.startswith("Not yet curated: ") and "sada-amman-2008" in text_note and "text is read" in text_note
    assert "drawn from 5 of the 5 curated documents (documents not yet curated are listed in" in datapages.overview(
        "events", book["events"], book.catalogue
    )
    assert "sada-amman-2008" not in set(datapages.per_document(book["events"], book.catalogue)["document"])


def test_with_every_document_curated_the_chapters_add_no_note(root):
    book = load_book(root)
    if curation.uncurated_ids(book.catalogue):
        pytest.skip("the book has documents not yet curated")
    assert curation.not_counted(book.catalogue) == ""
    assert not any("not yet curated" in f.sentence.lower() for f in summary.findings(book))


@pytest.mark.parametrize("count", [curation.NAMED_UP_TO, curation.NAMED_UP_TO + 1, 253])
def test_findings_name_a_few_uncurated_documents_and_count_many(root, count):
    catalogue = load_book(root).catalogue.head(1)
    catalogue = catalogue.loc[catalogue.index.repeat(count)].reset_index(drop=True)
    catalogue["id"] = [f"doc-{n:03d}" for n in range(1, count + 1)]
    catalogue["curation"] = "uncurated"
    english, arabic = curation.not_counted(catalogue), curation.not_counted(catalogue, lang="ar")
    text_en, text_ar = (curation.not_counted(catalogue, read_as_text=True, lang=lang) for lang in ("en", "ar"))
    if count <= curation.NAMED_UP_TO:
        assert english.startswith("Not yet curated, so not counted as evidence here: doc-001, doc-002, ")
        assert f"doc-{count:03d}" in english and f"doc-{count:03d}" in arabic
        return
    assert "doc-" not in english + arabic + text_en + text_ar
    many = {9: "9 وثائق", 253: "253 وثيقةً"}[count]
    assert english == (f"Not yet curated, so not counted as evidence here: {count} documents, each marked in the "
                       "catalogue (their pages list what remains).")
    assert text_en.startswith(f"Not yet curated: {count} documents, each marked in the catalogue; their text is read")
    assert arabic == f"لم تُدقَّق بعد، فلا تُحسب هنا دليلًا: {many} يشير إليها الفهرس (تذكر صفحاتها ما بقي)."
    assert text_ar.startswith(f"لم تُدقَّق بعد: {many} يشير إليها الفهرس؛ يُقرأ نصها")


def test_the_sources_chapter_judges_only_curated_documents(project):
    # a new document whose text names its weekday ('today, Wednesday') is not judged with the curated ones
    add_source(Path(__file__).parent / "fixtures" / "new_article.txt", project, outlet="Test site")
    book = load_book(project)
    lengths = textstats.lengths(book.paragraphs)
    found = documents.key_findings(book.catalogue, lengths, book.paragraphs, book.furniture, book["reference/summits"])
    assert found[0].startswith("Only 1 of the 5 texts has an institutional author")
    assert "test-site-2025" not in " ".join(found[:-1]) and "test-site-2025" in found[-1]


@pytest.mark.tool
def test_make_add_source_passes_file_names_and_outlets_as_typed_never_to_the_shell(project, tmp_path):
    shutil.copy(Path(__file__).parents[1] / "Makefile", project / "Makefile")
    (project / ".venv").symlink_to(Path(__file__).parents[1] / ".venv")
    article = tmp_path / 'a`touch PWNED`b "q" it\'s.txt'
    article.write_bytes(FIXTURE.read_bytes())
    outlet = 'Al "Quds" 100% News'
    command = ["make", "-o", ".venv/.installed", "add-source", f"FILE={article}", f"OUTLET={outlet}"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "PWNED").exists()  # the backtick was never run
    assert [row["outlet"] for row in catalogue_rows(project).values()][-1] == outlet


def test_numbers_left_to_cover_are_stated_numbers_not_the_parts_of_a_date(project, added):
    from natoar.sources.evidence import uncovered_numbers

    left = uncovered_numbers(project)
    mine = left[left["doc"] == "sada-amman-2008"]
    # 'the seventh of December 2007' (¶2) and 'in 1994' (¶5) are dates; 'some thirty officers' and 'seven states'
    # are numbers a curator has to quote
    assert list(zip(mine["paragraph"], mine["number"], strict=True)) == [(3, "ثلاثين"), (5, "سبع")]


@pytest.mark.parametrize(
    ("options", "problem", "fix"),
    [
        ({"date": "2015-03-12 "}, "DATE (--date) '2015-03-12 ' holds white space", "give the date alone, '2015-03-12'"),
        ({"date": " 2015"}, "DATE (--date) ' 2015' holds white space", "'2015'"),
        ({"date": "12/03/2015"}, "DATE (--date) '12/03/2015' is not written as YYYY-MM-DD", "2015-03-12"),
        ({"date": "2015-3-12"}, "DATE (--date) '2015-3-12' is not written as YYYY-MM-DD", "year first"),
        ({"date": "2015-02-30"}, "DATE (--date) '2015-02-30': day is out of range", "a date of the calendar"),
        ({"doc_id": "../../etc/x"}, "ID (--id) '../../etc/x' is not a document id", "like jordan-2008"),
        ({"doc_id": "Jordan 2008"}, "ID (--id) 'Jordan 2008' is not a document id", "like jordan-2008"),
        ({"doc_id": "jordan-2008-"}, "ID (--id) 'jordan-2008-' is not a document id", "like jordan-2008"),
        # the page prints 10 March 2008: a month that holds it is neither that date nor another
        ({"date": "2008-03"}, "DATE (--date) '2008-03' takes in the date the page prints, 2008-03-10", "leave DATE"),
    ],
)
def test_a_bad_option_is_refused_naming_the_option_and_the_whole_value(project, options, problem, fix):
    before = snapshot(project)
    with pytest.raises(AddError) as caught:
        add_source(FIXTURE, project, **options)
    message = str(caught.value)
    assert message.startswith(f"{FIXTURE}: {problem}") and fix in message.split("Fix:")[1], message
    assert "documents.csv" not in message and snapshot(project) == before


def test_a_good_id_and_date_are_taken(project):
    added = add_source(FIXTURE, project, doc_id="jordan-2008", date="2008-03-10")
    assert (added.row["id"], added.row["date_iso"]) == ("jordan-2008", "2008-03-10")


def test_an_interrupt_prints_one_line_and_writes_nothing(project, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.chdir(project)
    monkeypatch.setattr(add, "_check_staged", interrupted)
    before = snapshot(project)
    assert add.main([str(FIXTURE)]) == 130
    err = capsys.readouterr().err
    assert err == "interrupted: the file was not added. Nothing was written: seeds/ and data/ are unchanged.\n"
    assert snapshot(project) == before


def test_an_interrupt_while_writing_lets_both_writes_finish_and_says_so(project, monkeypatch, capsys):
    import os
    import signal

    write = add._write_atomically

    def interrupted_write(path: Path, data: bytes) -> None:
        if path.suffix == ".txt":
            os.kill(os.getpid(), signal.SIGINT)
        write(path, data)

    monkeypatch.chdir(project)
    monkeypatch.setattr(add, "_write_atomically", interrupted_write)
    assert add.main([str(FIXTURE), "--id", "jordan-2008"]) == 130
    assert "interrupted after the file was added" in capsys.readouterr().err
    assert "jordan-2008" in catalogue_rows(project)
    assert load_book(project)


def test_a_guessed_headline_or_outlet_is_flagged_for_the_curator():
    page = "تسجيل\nقطر والناتو.. شراكة مميزة\n15 فبراير 2021\nوقّعت قطر أمس اتفاقية مع الحلف.\n"
    row = {"title_ar": "قطر والناتو.. شراكة مميزة", "outlet_ar": "تسجيل"}
    checks = add.guessed_title(page, row, "")
    # a short headline printed once is common and not flagged; the outlet taken from the line above it is
    assert [c.split(":")[0].strip() for c in checks] == ["CHECK the outlet's Arabic name"]
    assert add.guessed_title(page, row, "تسجيل") == []  # an outlet the user gave is no guess
    body = {"title_ar": "وقّعت قطر أمس اتفاقية مع الحلف.", "outlet_ar": ""}
    assert "ends like a sentence" in add.guessed_title(page, body, "")[0]
    twice = "قطر والناتو.. شراكة مميزة\n" + page
    assert add.guessed_title(twice, {**row, "outlet_ar": ""}, "") == []  # printed twice: the page's headline


def test_curation_status_says_which_gloss_gaps_of_a_curated_document_others_brought():
    catalogue = pd.DataFrame({"id": ["a", "b"], "file": ["000_a.txt", "001_b.txt"], "curation": ["curated"] * 2})
    table = pd.DataFrame(
        [("a", "curated", "glosses", "1 word shown without a gloss: x", ""),
         ("b", "curated", "glosses", "1 word shown without a gloss: y", "")],
        columns=curation.COLUMNS,
    )
    lacking = table[table["doc"] == "b"]  # b's gap is its own; a's only appears with the uncurated documents
    text = curation.status_text(table, catalogue, lacking)
    a_part, b_part = text.split("b (001_b.txt)")
    assert curation.BROUGHT_BY_OTHERS in a_part and curation.BROUGHT_BY_OTHERS not in b_part
