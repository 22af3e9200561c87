import csv
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

from natoar.report import datapages, markdown
from natoar.sources import corpus
from natoar.sources.book import load_book
from natoar.sources.datapackage import read_package

ROOT = Path(__file__).resolve().parents[1]


def test_dictionary_documents_every_column_of_every_csv(root):
    dictionary = datapages.data_dictionary(root)
    files = {p.relative_to(root / "data").with_suffix("").as_posix(): p for p in (root / "data").rglob("*.csv")}
    assert set(dictionary) == set(files)
    for name, path in files.items():
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert dictionary[name]["column"].tolist() == header, name
        assert (dictionary[name]["meaning"].str.len() > 0).all(), name


def test_columns_show_the_declared_rules(root):
    page = datapages.columns("memberships", root)
    assert "| seed | The document the row cites. | required; matches `[a-z0-9]+(-[a-z0-9]+)*`; refers to `id`" in page
    assert page.endswith("Each (`country`, `framework`, `role`, `seed`) appears once.")
    claims = datapages.columns("claims", root)
    assert "| value\\_min |" in claims and "required; an integer ≥ 0 |" in claims
    assert claims.endswith("In each row, `value_max` is not below `value_min`.")
    assert datapages.row_rules("topic_vocabulary", root) == ""


def test_per_document_includes_curated_documents_without_rows(root):
    catalogue = corpus.load_catalogue(root)
    table = pd.DataFrame({"seed": ["wales-2014", "wales-2014"]})
    counts = datapages.per_document(table, catalogue).set_index("document")["rows"]
    assert counts["wales-2014"] == 2
    assert counts.sum() == 2 and len(counts) == (catalogue["curation"] == "curated").sum()


def test_per_document_leaves_out_uncurated_documents_until_they_have_rows():
    catalogue = pd.DataFrame({"id": ["a", "b", "c", "d"], "curation": ["curated", "uncurated", "curated", "uncurated"]})
    table = pd.DataFrame({"seed": ["d", "a", "d"]})
    counts = datapages.per_document(table, catalogue)
    assert counts.to_dict("records") == [
        {"document": "a", "rows": 1}, {"document": "c", "rows": 0}, {"document": "d", "rows": 2}
    ]


def test_per_decade():
    table = datapages.per_decade(pd.Series(["2014-09", "2011", "17XX", "2014-06/2014-09"]))
    assert table.to_dict("records") == [{"decade": "1700s", "rows": 1}, {"decade": "2010s", "rows": 3}]


def test_overview():
    catalogue = pd.DataFrame({"id": ["a", "b", "c", "d"], "curation": ["curated"] * 3 + ["uncurated"]})
    table = pd.DataFrame({"seed": ["a", "b"], "x": [1, 2], "line": [2, 3]})
    assert datapages.overview("t", table, catalogue.iloc[:3]) == (
        "`data/t.csv` has 2 rows and 2 columns, drawn from 2 of the 3 documents."
    )
    pending = "(documents not yet curated are listed in {ref}`ch-sources`)"
    assert datapages.overview("t", table, catalogue) == (
        f"`data/t.csv` has 2 rows and 2 columns, drawn from 2 of the 3 curated documents {pending}."
    )
    more = pd.concat([catalogue, pd.DataFrame({"id": ["e"], "curation": ["uncurated"]})])  # a page unchanged by it
    assert datapages.overview("t", table, more) == datapages.overview("t", table, catalogue)
    with_rows = pd.DataFrame({"seed": ["a", "d"], "x": [1, 2], "line": [2, 3]})
    assert datapages.overview("t", with_rows, catalogue) == (
        f"`data/t.csv` has 2 rows and 2 columns, drawn from 1 of the 3 curated documents and 1 not yet curated "
        f"{pending}."
    )


def _notebook_pages() -> dict[str, nbformat.NotebookNode]:
    return {name: nbformat.read(ROOT / datapages.notebook(name), as_version=4) for name in datapages.PAGES}


def _output(notebook: nbformat.NotebookNode) -> str:
    return "".join(o["data"]["text/plain"] for c in notebook.cells if c.cell_type == "code" for o in c.outputs)


def test_every_table_has_exactly_one_data_page_listed_in_the_toc_in_declared_order():
    assert set(datapages.PAGES) == set(read_package(ROOT).tables)
    pages = [datapages.notebook(name) for name in datapages.PAGES]
    assert sorted(p.relative_to(ROOT) for p in (ROOT / datapages.FOLDER).glob("*.ipynb")) == sorted(pages)
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["chapters"][0]["file"] == "chapters/data")
    assert [s["file"] for s in part["chapters"][0]["sections"]] == [p.with_suffix("").as_posix() for p in pages]


@pytest.mark.parametrize("name", datapages.PAGES)
def test_a_data_page_is_its_introduction_and_one_call(name):
    cells = _notebook_pages()[name].cells
    assert [c.cell_type for c in cells] == ["markdown", "code"]
    assert cells[0].source.startswith(f"({markdown.data_label(name)})=\n# ")
    assert "**outside context**" not in cells[0].source  # written by page() on every reference page
    assert cells[1].source == f'from natoar.report.datapages import page\n\npage("{name}")'


@pytest.mark.parametrize("name", datapages.PAGES)
def test_a_data_page_names_the_row_count_of_its_csv_and_describes_its_figures(name):
    with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        rows = len(list(csv.reader(file))) - 1
    output = _output(_notebook_pages()[name])
    assert f"`data/{name}.csv` has {rows} rows" in output and f"يضم `data/{name}.csv` " in output
    assert output.startswith("::::{container} lang-en\n")
    assert (datapages.OUTSIDE_CONTEXT in output) == (datapages.OUTSIDE_CONTEXT_AR in output) == name.startswith(
        "reference/"
    )
    for png, label, alt, caption in re.findall(
        r":::\{figure\} \.\./figures/(\S+)\n:name: (\S+)\n:alt: (.+)\n:width: \d+px\n\n(.+)\n:::", output
    ):
        assert (ROOT / "chapters" / "figures" / png).is_file()
        assert label == f"fig-{png.removesuffix('.png').replace('.', '-')}"
        data = png.removesuffix(".png").removesuffix(".ar")
        word = "البيانات" if png.endswith(".ar.png") else "Data"
        assert len(alt) > 30 and caption.endswith(f"{word}: [{data}.csv](../figures/{data}.csv).")
        if png.endswith(".ar.png"):  # the Arabic figure's caption and alt text are Arabic
            assert re.search("[\u0600-\u06FF]", caption) and re.search("[\u0600-\u06FF]", alt)
    figures = len(datapages.PAGES[name].figures)
    assert output.count(":::{figure}") == 2 * figures  # each drawn in both languages
    assert output.count(".ar.png\n:name:") == figures


def test_page_counts_and_captions_follow_the_data(project):
    events = project / "data" / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[1].startswith("ports-18c,")
    events.write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")
    text = datapages.page("events", project)
    assert f"`data/events.csv` has {len(lines) - 2} rows" in text
    assert f"from “{markdown.escape('After 11 September, Rabat')}" in text
    assert "(11 September 2001 to December 2001)" in text
    assert f"of the {len(lines) - 2} fall in the 2010s" in text
    assert f"يضم `data/events.csv` {len(lines) - 2} صفًا" in text
    assert f"من الأحداث الـ{len(lines) - 2} بين عامي 2010 و2019" in text
    assert "(من 11 سبتمبر 2001 إلى ديسمبر 2001)" in text
    assert (
        (project / "chapters" / "figures" / "data-events-per-decade.csv").read_text().startswith("decade,rows\n2000s,")
    )


def test_breakdown_orders_by_value_or_by_count():
    table = pd.DataFrame({"topic": ["b", "a", "b", "c"]})
    by_value = datapages.breakdown(table, datapages.Breakdown(("topic",), "documents"))
    assert by_value.splitlines()[2:] == ["| a | 1 |", "| b | 2 |", "| c | 1 |"]
    by_count = datapages.breakdown(table, datapages.Breakdown(("topic",), "documents", largest_first=True))
    assert by_count.splitlines()[2:] == ["| b | 2 |", "| a | 1 |", "| c | 1 |"]


def test_columns_and_rules_read_in_arabic(root):
    claims = datapages.columns("claims", root, "ar")
    assert claims.startswith("| العمود | المعنى | القواعد |")
    assert "| value\\_min | العدد (حدّه الأدنى حيث يعطي المصدر مدى). | مطلوب؛ عدد صحيح ≥ 0 |" in claims
    assert claims.endswith("في كل صف، لا يقل `value_max` عن `value_min`.")
    assert datapages.row_rules("memberships", root, "ar") == (
        "كل تركيبة من (`country`، `framework`، `role`، `seed`) لا ترد إلا مرة واحدة."
    )
    assert "40 حرفًا على الأكثر" in datapages.columns("events", root, "ar")


def test_overview_in_arabic_agrees_its_nouns_with_the_numbers():
    catalogue = pd.DataFrame({"id": ["a", "b", "c", "d"], "curation": ["curated"] * 3 + ["uncurated"]})
    table = pd.DataFrame({"seed": ["a", "b"], "x": [1, 2], "line": [2, 3]})
    assert datapages.overview("t", table, catalogue.iloc[:3], "ar") == (
        "يضم `data/t.csv` صفين وعمودين، مأخوذةً من وثيقتين من أصل 3."
    )
    assert datapages.overview("t", table.iloc[:1], catalogue, "ar") == (
        "يضم `data/t.csv` صفًا واحدًا وعمودين، مأخوذةً من وثيقة واحدة من أصل 3 مُدقَّقة "
        "(والوثائق التي لم تُدقَّق بعد مذكورة في {ref}`ch-sources`)."
    )
    assert datapages.overview("t", table.assign(seed=["d", "d"]), catalogue, "ar") == (
        "يضم `data/t.csv` صفين وعمودين، مأخوذةً من 0 وثيقة من أصل 3 مُدقَّقة ومن وثيقة واحدة لم تُدقَّق بعد "
        "(والوثائق التي لم تُدقَّق بعد مذكورة في {ref}`ch-sources`)."
    )


LANGUAGES = {"event_en": "en", "label": "en", "note": "en", "name_en": "en", "quote": "ar", "name_ar": "ar"}


def test_the_arabic_table_shows_twins_in_place_of_their_english_columns():
    """A column of English words with an Arabic twin (X_ar beside X_en or X) is shown by its twin, in its place and
    under its header; without a twin it is shown marked as English; Arabic cells are set right to left."""
    frame = pd.DataFrame(
        {
            "id": ["a-1", "b-2"],
            "event_en": ["Morocco joins", "NATO meets"],
            "label": ["Joins", "Meets"],
            "note": ["A caveat.", ""],
            "quote": ["انضم المغرب", "اجتمع الحلف"],
            "event_ar": ["انضمام المغرب", ""],
            "label_ar": ["الانضمام", "الاجتماع"],
        }
    )
    shown = ["id", "event_en", "label", "note", "quote"]
    table = datapages.arabic_table(frame, shown, LANGUAGES)
    assert list(table.columns) == shown
    assert table.to_dict("list") == {
        "id": ["a\\-1", "b\\-2"],
        "event_en": ["[انضمام المغرب]{.ar}", "[NATO meets]{.language-en}"],
        "label": ["[الانضمام]{.ar}", "[الاجتماع]{.ar}"],
        "note": ["[A caveat\\.]{.language-en}", ""],
        "quote": ["[انضم المغرب]{.ar}", "[اجتمع الحلف]{.ar}"],
    }
    without_twins = datapages.arabic_table(frame.drop(columns=["event_ar", "label_ar"]), shown, LANGUAGES)
    assert without_twins["event_en"].tolist() == ["[Morocco joins]{.language-en}", "[NATO meets]{.language-en}"]


def test_the_arabic_table_names_codes_in_arabic_and_keeps_the_stored_code_beside():
    """A reader of the Arabic edition reads a code's meaning; a user of the CSV still sees the code it stores."""
    frame = pd.DataFrame({"country": ["morocco", "atlantis", ""], "status": ["planned", "occurred", "planned"]})
    coded = {"country": {"morocco": "المغرب"}, "status": {"planned": "مُزمَع", "occurred": "وقع"}}
    table = datapages.arabic_table(frame, ["country", "status"], {}, coded=coded)
    assert table["country"].tolist() == [
        "[المغرب]{.ar} ([morocco]{.language-en})",
        "[atlantis]{.language-en}",  # no Arabic name: the code alone, marked English
        "",
    ]
    assert table["status"].tolist()[1] == "[وقع]{.ar} ([occurred]{.language-en})"


def test_the_codes_of_a_data_page_come_from_vocabularies_and_from_the_names_its_keys_refer_to(project):
    book = load_book(project)
    memberships = datapages.codes(book["memberships"], read_package(project).table("memberships"), book)
    assert memberships["country"]["morocco"] == "المغرب" and memberships["role"]["candidate"] == "مرشّح"
    assert memberships["framework"]["ici"].startswith("مبادرة")
    # a table's own key defines its codes: it is shown as stored
    assert "topic" not in datapages.codes(
        book["topic_vocabulary"], read_package(project).table("topic_vocabulary"), book
    )
    assert "topic" in datapages.codes(book["topics"], read_package(project).table("topics"), book)


def test_ids_a_reader_needs_named_are_named_in_arabic_beside_their_code(project):
    """A cause's next cause, an alias's entity (no declared key: an actor or a framework) and a check's reference
    row are shown by their Arabic names with the code beside: the book's own name where the seed's word is not a
    name by itself, and a group of reference rows without a name (a framework's partners) by what groups them."""
    book = load_book(project)
    package = read_package(project)

    def shown(table: str, column: str, code: str) -> str:
        coded = datapages.codes(book[table], package.table(table), book)
        return datapages.coded_cell(code, coded.get(column, {}))

    assert shown("causes", "leads_to", "cause-western-decline").startswith("[تراجع النفوذ الغربي")
    assert shown("aliases", "entity", "morocco") == "[المغرب]{.ar} ([morocco]{.language-en})"
    assert shown("reference/checks", "reference", "summits:wales-2014").startswith("[قمة ويلز]{.ar}")
    assert shown("aliases", "entity", "north-atlantic-council").startswith("[مجلس شمال الأطلسي \\(بحسب السياق\\)]{.ar}")
    assert shown("aliases", "entity", "enhanced-opportunities").startswith("[الفرص المعززة للشركاء]{.ar}")
    assert shown("reference/checks", "reference", "partners:md").startswith("[شركاء الحوار المتوسطي]{.ar}")
    assert shown("reference/checks", "reference", "nato_members:2009-04-01").startswith(
        "[أعضاء الناتو اعتبارًا من 1 أبريل 2009]{.ar}"
    )
    both = shown("reference/checks", "reference", "summits:wales-2014;context:dcb-partners-now")
    assert both.count("{.ar}") == 2 and "؛ " in both


def test_the_documents_page_names_publishers_and_outside_dates_as_the_arabic_chapters_do(project):
    page = datapages.page("documents", project, lang="ar")
    assert "Unknown website" not in page and "NATO (official website)" not in page
    assert "[قمة ويلز]{.ar} ([summits\\:wales\\-2014]{.language-en})" in page


def test_a_twin_shown_beside_its_english_column_stands_once():
    pairs = datapages.arabic_columns(["id", "name_en", "name_ar"], ["id", "name_en", "name_ar"], LANGUAGES)
    assert pairs == [("id", "id"), ("name_ar", "name_ar")]


def english_edition(page: str) -> str:
    """Return a bilingual page as the English edition keeps it (natoar.build.i18n), as Markdown."""
    kept = re.sub(r"::::\{container\} lang-ar\n.*?\n::::(\n\n|$)", "", page, flags=re.DOTALL)
    kept = re.sub(r"::::\{container\} lang-en\n(.*?)\n::::", r"\1", kept, flags=re.DOTALL)
    return re.sub(r"\[([^\n]*?)\]\{\.lang-en\}\[[^\n]*\]\{\.lang-ar\}", r"\1", kept).strip()


@pytest.mark.drawing
def test_the_english_rendering_is_the_english_edition_of_each_page(project):
    """The bilingual page, less its Arabic, is the page rendered in English alone, as the English edition read it."""
    pages = _notebook_pages()
    for name in datapages.PAGES:
        assert english_edition(_output(pages[name])) == datapages.page(name, project, lang="en"), name


def test_an_arabic_breakdown_names_vocabulary_values_in_arabic_and_keeps_other_codes():
    table = pd.DataFrame({"status": ["planned", "occurred", "occurred"], "theme": ["x", "x", "y"]})
    arabic = datapages.breakdown(table, datapages.Breakdown(("status", "theme"), "events"), "ar")
    assert "| مُزمَع | x | 1 |" in arabic and "| وقع | y | 1 |" in arabic and "planned" not in arabic
    assert "| planned | x | 1 |" in datapages.breakdown(table, datapages.Breakdown(("status", "theme"), "events"))
    named = datapages.breakdown(
        pd.DataFrame({"country": ["morocco"]}), datapages.Breakdown(("country",), "events"), "ar",
        {"country": {"morocco": "المغرب"}},
    )
    assert "| المغرب | 1 |" in named and "morocco" not in named
