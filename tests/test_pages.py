import os
import re

import pytest

from natoar.build.pages import render_page, write_pages
from natoar.report.documents import page_links
from natoar.report.markdown import document_label, escape
from natoar.sources import corpus


def test_escape_makes_markup_and_html_literal():
    from markdown_it import MarkdownIt

    hostile = "<script>alert(1)</script> **bold** [link](x) &amp; <b>x</b> # head"
    html = MarkdownIt("commonmark").render(escape(hostile))
    assert "<script" not in html and "<b>" not in html and "<strong>" not in html and "<a " not in html
    assert (
        html
        == "<p>&lt;script&gt;alert(1)&lt;/script&gt; **bold** [link](x) &amp;amp; &lt;b&gt;x&lt;/b&gt; # head</p>\n"
    )


def test_a_page_lists_the_lines_removed_as_furniture_as_the_seed_holds_them(root):
    read = corpus.read_corpus(root)
    doc = read.documents.set_index("id").loc["morocco-us-2020"].copy()
    doc["id"] = "morocco-us-2020"
    removed = read.furniture[read.furniture["doc"] == "morocco-us-2020"]
    page = render_page(doc, read.paragraphs[read.paragraphs["doc"] == doc["id"]], len(removed), furniture=removed)
    table = page.split("Lines removed as site furniture")[1]
    seed = (root / "seeds" / doc["file"]).read_text(encoding="utf-8").splitlines()
    # the dateline a curator checks the printed date against, by its line in the file and why it went
    assert seed[4].startswith("25 ديسمبر 2020")
    why = "[update stamp]{.lang-en}[ختم التحديث]{.lang-ar}"
    assert f"| 5 | {why} | [{escape(seed[4])}]{{.lang-en .lang-ar .ar}} |" in table
    assert table.count("\n| ") == len(removed) + 1  # one row per removed line, under the header
    assert "Lines removed" not in render_page(doc, read.paragraphs.iloc[:0], 0)  # no table without the lines


def test_page_has_labels_and_rtl_paragraphs(root):
    catalogue = corpus.load_catalogue(root)
    body = corpus.read_corpus(root).paragraphs
    doc = catalogue[catalogue["id"] == "wales-2014"].iloc[0]
    page = render_page(doc, body[body["doc"] == "wales-2014"], 3)
    assert page.startswith("(src-wales-2014)=\n# [wales-2014: ")
    # the Arabic edition's title opens with the Arabic headline, so that links to it read right to left
    assert "]{.lang-en}[قادة الناتو يتفقون على إحياء شراكة الحلف مع العراق (wales-2014)]{.lang-ar}" in page
    count = int((body["doc"] == "wales-2014").sum())
    for n in (1, count):
        assert f"(src-wales-2014-p{n})=\n:::{{arabic}}\n**[{n}]** " in page
    assert f"(src-wales-2014-p{count + 1})=" not in page


def test_write_pages_rewrites_only_changes_and_removes_stale(project):
    pages = write_pages(project)
    sources = [p for p in pages if p.parent.name == "sources"]
    assert sorted(p.stem for p in sources) == sorted(corpus.load_catalogue(project)["id"])
    assert {p.name for p in pages} >= {"references.bib", "glossary.md"}
    stale = project / "chapters" / "sources" / "removed-doc.md"
    stale.write_text("old")
    first = sources[0]
    os.utime(first, (1, 1))
    write_pages(project)
    assert first.stat().st_mtime == 1
    assert not stale.exists()


def test_bibliography_has_one_entry_per_document(root):
    from natoar.build.pages import render_bibliography

    catalogue = corpus.load_catalogue(root)
    bib = render_bibliography(catalogue)
    assert bib.count("@misc{") == len(catalogue)
    assert "@misc{wales-2014," in bib and "year = {2014}" in bib
    # braced, so that the bibliography style keeps the headline's capitals (it wrote "Nato ... with iraq")
    assert "title = {{NATO leaders agree to revive the Alliance's partnership with Iraq}}" in bib


@pytest.mark.parametrize("headline", [
    "الناتو يطالب الأردن برفع إنفاقه الدفاعي إلى 2% من الناتج المحلي",  # '%' opens a LaTeX comment
    "Al \"Quds\" 100% News \\ {يبحث} \\textbf{x}",
])
def test_a_headline_with_latex_characters_reaches_the_bibliography_as_written(root, headline):
    from pybtex.database import parse_string
    from pybtex.richtext import Text

    from natoar.build.pages import render_bibliography

    publisher = {column: headline for column in ("outlet", "outlet_ar", "cited_as_ar")}
    catalogue = corpus.load_catalogue(root).head(1).assign(title_ar=headline, title_en="", **publisher)
    for language in ("en", "ar"):
        entry = parse_string(render_bibliography(catalogue, language), "bibtex").entries[catalogue["id"][0]]
        title, author = entry.fields["title"], str(entry.persons["author"][0])
        # as written, but braces, which a BibTeX field cannot hold unbalanced, are parentheses
        written = headline.replace("{", "(").replace("}", ")")
        assert [Text.from_latex(field).render_as("text") for field in (title, author)] == [written, written]


def test_the_arabic_edition_cites_each_seed_under_its_arabic_publisher_and_headline(root):
    """An Arabic sentence citing a seed ({cite:t}) reads the publisher in Arabic: the edition's label where the
    outlet is described rather than named, else the name the page prints in Arabic, else the name as written."""
    from natoar.build.pages import render_bibliography

    catalogue = corpus.load_catalogue(root)
    arabic = render_bibliography(catalogue, "ar")
    assert re.findall(r"@misc\{([^,]+),", arabic) == re.findall(r"@misc\{([^,]+),", render_bibliography(catalogue))
    entries = dict(re.findall(r"@misc\{([^,]+),\n(.*?)\n\}", arabic, flags=re.DOTALL))
    assert "author = {{موقع مجهول الاسم (ينقل عن وكالة أنباء الشرق الأوسط)}}" in entries["wales-2014"]
    assert "author = {{صحيفة العرب}}" in entries["nato-morocco-2024"]  # cited_as_ar; its outlet_ar is العرب
    catalogue = catalogue.assign(cited_as_ar="")
    fallback = render_bibliography(catalogue, "ar")
    assert "author = {{أحداث الداخلة}}" in fallback  # outlet_ar, as printed
    assert "author = {{Maghreb Online}}" in fallback  # a name with no Arabic form: as written
    assert "title = {{قادة الناتو يتفقون على إحياء شراكة الحلف مع العراق}}" in entries["wales-2014"]
    assert "النوع: خبر صحفي" in entries["wales-2014"] and "In Arabic" not in arabic
    # an ISO date and a file name are set left to right inside the Arabic note (else they read reversed)
    assert "\u20662014-09-06\u2069" in entries["wales-2014"] and "\u2066001_56f98c8a3ec56dc3.txt\u2069" in arabic


def test_each_edition_has_its_bibliography_and_reads_it(project):
    from natoar.build.editions import edition_config, edition_file

    assert edition_file("data/literature.bib", "ar") == "data/literature.bib"  # a .bib not written per edition

    written = {p.name for p in write_pages(project)}
    assert {"references.bib", "references.ar.bib"} <= written
    assert edition_config("ar", project)["bibtex_bibfiles"] == ["chapters/references.ar.bib"]
    assert edition_config("en", project)["bibtex_bibfiles"] == ["chapters/references.bib"]


def test_glossary_lists_acronyms_with_arabic(root):
    from natoar.build.pages import render_glossary
    from natoar.sources.evidence import load_table

    glossary = render_glossary(load_table("frameworks", root))
    assert "\nDCB\n  " in glossary
    assert "[مبادرة تعزيز القدرات الدفاعية للناتو]{.ar .lang-en}" in glossary
    # the Arabic edition's term (natoar.build.i18n moves it into the entry's heading)
    assert "[مبادرة تعزيز القدرات الدفاعية للناتو]{.lang-ar .glossary-term}" in glossary


def test_source_paragraphs_link_back_to_the_rows_citing_them(root):
    from natoar.build.pages import citations
    from natoar.sources.evidence import load_evidence

    cited = citations(load_evidence(root))
    assert "{ref}`events: mnna-2004 <data-events>`" in cited[("morocco-us-2020", 3)]
    catalogue = corpus.load_catalogue(root)
    body = corpus.read_corpus(root).paragraphs
    doc = catalogue[catalogue["id"] == "morocco-us-2020"].iloc[0]
    page = render_page(doc, body[body["doc"] == "morocco-us-2020"], 0, cited)
    cited_p3 = page.split("(src-morocco-us-2020-p3)=")[1].split("(src-morocco-us-2020-p4)=")[0]
    assert "<small>[Cited in {ref}`frameworks: mnna <data-frameworks>`, " in cited_p3
    # the Arabic edition names the Data page by its own (translated) title, the row's id beside it
    assert "[ورد في: {ref}`data-frameworks` (`mnna`)، " in cited_p3


def test_a_source_page_gives_each_edition_the_catalogue_text_in_its_language(root):
    catalogue = corpus.load_catalogue(root)
    doc = catalogue[catalogue["id"] == "morocco-us-2020"].iloc[0]
    page = render_page(doc, corpus.read_corpus(root).paragraphs.iloc[:0], 0)
    summary = page.split("## [Summary]{.lang-en}[الملخص]{.lang-ar}")[1].split("##")[0].strip()
    assert summary.startswith("[A Moroccan regional news site")
    assert summary.endswith("]{.lang-ar}") and "]{.lang-en}[يتتبع موقع إخباري" in summary
    assert "]{.lang-en}[**الموقف.** احتفائي" in page
    # the publisher as the Arabic edition cites it (cited_as_ar)
    assert "| [Outlet]{.lang-en}[الناشر]{.lang-ar} | [Ahdath Dakhla]{.lang-en}[موقع أحداث الداخلة]{.lang-ar} |" in page
    assert "| [Genre]{.lang-en}[النوع]{.lang-ar} | [news-report]{.lang-en}[خبر صحفي]{.lang-ar} |" in page
    # a name the catalogue writes only in Latin script is kept, marked as an English name, in the Arabic edition
    cable = catalogue[catalogue["id"] == "cable-2014"].iloc[0].copy()
    cable["cited_as_ar"] = ""
    assert "[Maghreb Online]{.lang-ar .name-en}" in render_page(cable, corpus.read_corpus(root).paragraphs.iloc[:0], 0)


@pytest.mark.scale
def test_beyond_the_limit_each_year_has_one_page_and_a_new_document_rewrites_only_its_year(project):
    from natoar.report.documents import PAGE_PER_DOCUMENT_UP_TO
    from natoar.tools.scalebench import add_documents

    add_documents(project, PAGE_PER_DOCUMENT_UP_TO)
    catalogue = corpus.load_catalogue(project)
    assert len(catalogue) > PAGE_PER_DOCUMENT_UP_TO
    pages = [p for p in write_pages(project) if p.parent.name == "sources"]
    years = {str(int(d[:4])) for d in catalogue["date_iso"]}
    assert sorted(p.stem for p in pages) == sorted(years)
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    for doc in catalogue["id"]:  # every document keeps its label, once, as a section of its year's page
        assert text.count(f"({document_label(doc)})=\n## [{doc}: ") == 1
    # the sources chapter links each year's page, with how many documents it holds, instead of every document
    english = page_links(catalogue).split("lang-ar")[0]
    linked = {label: int(n) for label, n in re.findall(r"\{ref\}`\d{4} <(sources-\d{4})>` \((\d+)\)", english)}
    held = {re.match(r"\((sources-\d{4})\)=", page.read_text(encoding="utf-8"))[1]:
            page.read_text(encoding="utf-8").count("\n## [") for page in pages}
    assert linked == held and sum(linked.values()) == len(catalogue)
    assert "src-" not in english
    before = {p.stem: p.read_text(encoding="utf-8") for p in pages}
    for page in pages:
        os.utime(page, (1, 1))
    added = add_documents(project, 1, start=PAGE_PER_DOCUMENT_UP_TO + 1)
    catalogue = corpus.load_catalogue(project)
    year = str(int(catalogue.set_index("id").loc[added[0], "date_iso"][:4]))
    write_pages(project)
    after = {p.stem: p for p in (project / "chapters" / "sources").glob("*.md")}
    rewritten = {stem for stem, p in after.items() if p.stat().st_mtime != 1}
    changed = {stem for stem, p in after.items() if before.get(stem) != p.read_text(encoding="utf-8")}
    # the new document's year is written; any other page is rewritten only if its text changed (an uncurated
    # document's list of what remains can depend on the whole corpus), and most pages are left alone
    assert year in rewritten
    assert rewritten == changed
    assert len(rewritten) < len(after) / 2


def test_a_paragraph_cited_by_several_rows_of_a_table_under_one_key_links_to_it_once(root):
    from natoar.build.pages import citations
    from natoar.sources.evidence import load_evidence

    line = citations(load_evidence(root))[("wales-2014", 8)]
    assert line.count("{ref}`memberships: dcb <data-memberships>`") == 1  # four memberships of dcb cite ¶8
    assert line.count("{ref}`data-memberships` (`dcb`)") == 1
