"""Key findings and glued phrases in both editions: one computation, two renderings that carry the same numbers,
and an Arabic catalog that points at the Arabic rendering of every glued phrase a notebook has one for."""

import re
from pathlib import Path

import nbformat
import pytest

from natoar.report import documents, findings, lang, summary, textstats
from natoar.report.figuretext import join_names
from natoar.report.lang import reference_names
from natoar.sources.book import Book, load_book
from natoar.text.dates import describe

NUMBER = re.compile(r"\d+(?:\.\d+)?")
ARABIC = re.compile(r"[\u0600-\u06FF]")
GLUE = re.compile(r"\{glue:text\}`([\w-]+)\.ipynb::(\w+):s`")


def sources(book: Book, lang: str = "en") -> list[str]:
    """The sources chapter's key findings (its own module computes them)."""
    lengths = textstats.lengths(book.paragraphs)
    summits = book["reference/summits"]
    references = reference_names(book.tables)
    return documents.key_findings(
        book.catalogue, lengths, book.paragraphs, book.furniture, summits, references, lang=lang
    )


def intro(book: Book, lang: str = "en") -> list[str]:
    """The opening page's numbered findings."""
    return [finding.sentence for finding in summary.findings(book, lang=lang)]


CHAPTERS = {
    "architecture": findings.architecture,
    "wales-dcb": findings.wales,
    "morocco-us": findings.morocco_us,
    "sahel-energy": findings.sahel,
    "gulf": findings.gulf,
    "timeline": findings.timeline,
    "text-analysis": findings.text_analysis,
    "sources": sources,
    "intro": intro,
}


# Numbers Arabic writes in words after a definite plural (مقاطعه الأربعة), read back here as digits.
DEFINITE_NUMBERS = {"الثلاثة": 3, "الأربعة": 4, "الخمسة": 5, "الستة": 6, "السبعة": 7, "الثمانية": 8, "التسعة": 9,
                    "العشرة": 10}


def spelled_out(sentence: str) -> str:
    """Return an Arabic sentence with the counts it writes in words as digits: «في أيٍّ من مقاطعه الأربعة» is 0 of 4,
    «في كل مقاطعه الأربعة» 4 of 4."""
    word = "|".join(DEFINITE_NUMBERS)
    sentence = re.sub(rf"في أيٍّ من مقاطعه ({word})", lambda m: f"0 {DEFINITE_NUMBERS[m[1]]}", sentence)
    sentence = re.sub(rf"في كل مقاطعه ({word})", lambda m: f"{DEFINITE_NUMBERS[m[1]]} " * 2, sentence)
    return re.sub(rf"مقاطعه ({word})", lambda m: str(DEFINITE_NUMBERS[m[1]]), sentence)


def numbers(sentence: str) -> list[str]:
    """Return the numbers a finding states, leaving out those of seed quotations «...» (quoted as written),
    centuries, which English numbers ('the 18th century') and Arabic names in words (القرن الثامن عشر), and 1 and
    2, which an Arabic noun counted by them says in words (وثيقة واحدة، وثيقتان); an Arabic count of passages
    written in words is read as its digits."""
    found = NUMBER.findall(re.sub(r"«[^»]*»|\d+(st|nd|rd|th) century", "", spelled_out(sentence)))
    return sorted(n for n in found if n not in ("1", "2"))


@pytest.fixture(scope="module")
def book(root):
    return load_book(root)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_arabic_findings_carry_the_english_numbers(book, chapter):
    english, arabic = (CHAPTERS[chapter](book, lang=edition) for edition in lang.LANGUAGES)
    assert len(english) == len(arabic)
    for en, ar in zip(english, arabic, strict=True):
        assert len(ARABIC.findall(ar)) > len(re.findall(r"[A-Za-z]", ar)), ar
        assert numbers(en) == numbers(ar), (en, ar)


def test_the_number_check_can_fail(book):
    english = findings.gulf(book)
    assert numbers(english[1]) != numbers(findings.gulf(book, lang="ar")[0])


def test_a_changed_fact_changes_both_renderings(root):
    book = load_book(root)
    context = book.tables["reference/context"].copy()
    context.loc[context["id"] == "us-recognition", "date"] = "2020-12-01"
    changed = Book(book.root, book.corpus, {**book.tables, "reference/context": context})
    for render in (lambda b, e: findings.morocco_us(b, lang=e)[1], lambda b, e: intro(b, e)[3]):
        before = [render(book, edition) for edition in lang.LANGUAGES]
        after = [render(changed, edition) for edition in lang.LANGUAGES]
        assert ["15" in sentence for sentence in before] == [True, True]
        assert ["24" in sentence and "15" not in sentence for sentence in after] == [True, True]


def test_a_changed_reading_changes_the_arabic_finding_too(root):
    book = load_book(root)
    attributions = book.tables["attributions"].copy()
    attributions.loc[attributions["id"] == "mnna-us", "attributed_to"] = "nato"
    changed = Book(book.root, book.corpus, {**book.tables, "attributions": attributions})
    kept = "يُبقي الناتو بمعزل: ينسب الأدواتِ الأمريكية إلى الولايات المتحدة في كل مقاطعه الأربعة"
    assert findings.morocco_us(book, lang="ar")[2].startswith(kept)
    not_kept = "لا يُبقي الناتو بمعزل: ينسب الأدواتِ الأمريكية إلى الولايات المتحدة في 3 مقاطع من مقاطعه الأربعة"
    assert findings.morocco_us(changed, lang="ar")[2].startswith(not_kept)


@pytest.mark.parametrize(
    ("k", "n", "said"),
    [
        (0, 1, "لا يذكرها في مقطعه الوحيد الذي يسمّي أداة أمريكية"),
        (1, 1, "يذكرها في مقطعه الوحيد الذي يسمّي أداة أمريكية"),
        (0, 2, "لا يذكرها في أيٍّ من مقطعيه اللذين يسمّيان أداة أمريكية"),
        (1, 2, "يذكرها في أحد مقطعيه اللذين يسمّيان أداة أمريكية"),
        (1, 4, "يذكرها في أحد مقاطعه الأربعة التي تسمّي أداة أمريكية"),
        (2, 2, "يذكرها في كلا مقطعيه اللذين يسمّيان أداة أمريكية"),
        (0, 4, "لا يذكرها في أيٍّ من مقاطعه الأربعة التي تسمّي أداة أمريكية"),
        (2, 5, "يذكرها في مقطعين من مقاطعه الخمسة التي تسمّي أداة أمريكية"),
        (3, 10, "يذكرها في 3 مقاطع من مقاطعه العشرة التي تسمّي أداة أمريكية"),
        (11, 12, "يذكرها في 11 مقطعًا من مقاطعه الـ12 التي تسمّي أداة أمريكية"),
        (12, 12, "يذكرها في كل مقاطعه الـ12 التي تسمّي أداة أمريكية"),
    ],
)
def test_a_part_of_a_documents_passages_is_said_in_words_agreeing_with_its_numbers(k, n, said):
    assert lang.in_its_passages(k, n, "يذكرها", "لا يذكرها", lang.NAMING_US) == said


def test_a_part_larger_than_its_whole_is_refused():
    with pytest.raises(ValueError, match="5 of 4 passages"):
        lang.in_its_passages(5, 4, "يذكرها", "لا يذكرها")
    with pytest.raises(ValueError, match="3 of 2 passages"):
        lang.jointly(3, 2)


@pytest.mark.parametrize(
    ("j", "k", "said"),
    [
        (0, 3, ""),
        (1, 3, " (وفي أحدها بالناتو والولايات المتحدة معًا)"),
        (2, 5, " (وفي اثنين منها بالناتو والولايات المتحدة معًا)"),
        (1, 1, " (وبالولايات المتحدة أيضًا)"),  # not «وفي أحدها», which would read as a second passage
        (2, 2, " (وبالولايات المتحدة أيضًا)"),
    ],
)
def test_passages_tying_the_instruments_to_both_are_counted_only_when_some_do(j, k, said):
    assert lang.jointly(j, k) == said


def test_key_findings_box_holds_both_editions(book):
    box = lang.key_findings(findings.wales, book)
    assert box.index("lang-en") < box.index("Key findings") < box.index("lang-ar") < box.index("أهم النتائج")


def test_no_edition_outside_the_books_languages(book):
    with pytest.raises(ValueError, match="fr"):
        findings.wales(book, lang="fr")


def test_dates_in_arabic_words():
    assert describe("2020-12-22", "ar") == "22 ديسمبر 2020"
    assert describe("1995-02", "ar") == "فبراير 1995"
    assert describe("2004/2014", "ar") == "من 2004 إلى 2014"
    assert describe("17XX", "ar") == "القرن الثامن عشر" and describe("20XX", "ar") == "القرن الحادي والعشرون"
    assert describe("201X", "ar") == "العقد الممتد من 2010 إلى 2019"


def test_glued_phrases_have_arabic_renderings(book):
    values = documents.misdating(book.catalogue, book.paragraphs, book["reference/summits"], "wales-2014")
    assert values["misdated_written_ar"] == "يوم السبت 6 سبتمبر 2014"
    assert values["misdated_summit_ar"] == "قمة ويلز"
    assert findings.maghreb_span(book, lang="ar") == "من 2014 إلى 2024"


def glued_keys(notebook: Path) -> set[str]:
    """Return the glue keys a notebook's saved outputs hold."""
    cells = nbformat.read(notebook, as_version=4).cells
    return {
        output["metadata"]["scrapbook"]["name"]
        for cell in cells
        for output in cell.get("outputs", [])
        if "scrapbook" in output.get("metadata", {})
    }


def test_arabic_catalog_points_at_the_arabic_phrase(root):
    """A msgstr that shows the English rendering of a phrase the notebook also glues in Arabic would put English
    into an Arabic sentence."""
    wrong, pointed = [], 0
    for catalog in sorted((root / "locales" / "ar" / "LC_MESSAGES").rglob("*.po")):
        for line in catalog.read_text(encoding="utf-8").splitlines():
            if not line.startswith("msgstr"):
                continue
            for notebook, key in GLUE.findall(line):
                keys = glued_keys(root / "chapters" / f"{notebook}.ipynb")
                assert key in keys, f"{catalog.name}: {notebook} glues no {key}"
                pointed += key.endswith("_ar")
                if f"{key}_ar" in keys:
                    wrong.append(f"{catalog.name}: {key}")
    assert wrong == [] and pointed >= 12


def test_tables_are_headed_in_each_editions_language():
    import pandas as pd

    frame = pd.DataFrame({"date": ["2014"], "quote": ["نص"], "source": ["{ref}`x`"], "md": ["P"]})
    both = lang.table(frame, markup=("source",), names={"md": "md"})
    english, arabic = both.split("::::{container} lang-ar")
    assert "| date | quote | source | md |" in english
    assert "| التاريخ | الاقتباس | الإحالة | md |" in arabic
    assert "[نص]{.ar}" in arabic and "{ref}`x`" in arabic  # an Arabic column stays right to left, markup stays markup
    with pytest.raises(KeyError, match="no Arabic name"):
        lang.table(frame.rename(columns={"md": "unnamed column"}))


def test_a_long_table_is_paged_in_both_editions(tmp_path, monkeypatch):
    import pandas as pd

    from natoar.report.figures import MAX_TABLE_ROWS, save_table

    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "chapters").mkdir()
    monkeypatch.chdir(tmp_path / "chapters")
    frame = pd.DataFrame({"doc": [f"d{k:03d}" for k in range(MAX_TABLE_ROWS + 5)], "words": 1})
    english, arabic = save_table(frame, "t", root=tmp_path, both=True).split("::::{container} lang-ar")
    assert "| doc | words |" in english and "| الوثيقة | الكلمات |" in arabic
    assert arabic.count("\n| d") == MAX_TABLE_ROWS
    assert f"من {len(frame)}؛ وكلها في: [t.csv](figures/t.csv)." in arabic
    assert save_table(frame, "t", root=tmp_path) == english.split("\n", 1)[1].rsplit("\n::::", 1)[0]


def test_a_table_can_show_arabic_cells_in_the_arabic_edition():
    import pandas as pd

    frame = pd.DataFrame({"topic": ["piracy"]})
    english, arabic = lang.table(frame, arabic=pd.DataFrame({"topic": ["القرصنة"]})).split("::::{container} lang-ar")
    assert "| piracy |" in english and "| القرصنة |" in arabic and "piracy" not in arabic
    with pytest.raises(ValueError, match="columns"):
        lang.table(frame, arabic=pd.DataFrame({"theme": ["القرصنة"]}))


def test_lists_of_names_are_joined_as_each_language_joins_them():
    assert join_names(["Georgia", "Jordan", "Moldova"]) == "Georgia, Jordan and Moldova"
    assert join_names(["الأردن", "جورجيا", "مولدوفا"], "ar") == "الأردن، وجورجيا، ومولدوفا"  # و before every later item
    assert join_names(["المغرب"], "ar") == "المغرب" and join_names([], "ar") == "لا أحد"


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        ([], "لا يطبع أي نص عنوانه مرتين"),
        (["a"], "النص الوحيد الذي يطبع عنوانه مرتين أو يحمل اقتباسات بارزة (a) وصلنا صفحةَ موقع"),
        (["a", "b"], "النصّان اللذان يطبعان عنوانهما مرتين أو يحملان اقتباسات بارزة (a، b) وصلانا"),
        (["a", "b", "c"], "النصوص التي تطبع عنوانها مرتين أو تحمل اقتباسات بارزة (3 نصوص: a، b، c) وصلتنا"),
    ],
)
def test_the_texts_that_reached_us_as_web_pages_are_named_agreeing_with_their_number(texts, said):
    assert documents._republished_ar(texts).startswith(said)
