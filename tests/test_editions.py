"""The two editions' machinery, without a build: configuration, language switch, direction, citation, and the
computed text in both languages."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest
import yaml
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from natoar.build import editions, i18n
from natoar.build.citation import bibtex, cite_box, load_book, meta_tags, reference
from natoar.report import lang


def test_arabic_config_is_the_english_one_with_title_language_code_toggle_numbering_and_footer(root):
    english, arabic = editions.book_config(root), editions.edition_config("ar", root)
    assert arabic["sphinx"]["config"]["language"] == "ar"
    assert arabic["title"] == english["sphinx"]["config"]["natoar_title_ar"] != english["title"]
    show, hide = arabic["sphinx"]["config"]["nb_code_prompt_show"], arabic["sphinx"]["config"]["nb_code_prompt_hide"]
    assert show != hide and all("\u0600" <= c <= "\u06ff" or c == " " for c in show + hide)  # the toggle in Arabic
    english["title"], english["sphinx"]["config"]["language"] = arabic["title"], "ar"
    english["sphinx"]["config"]["nb_code_prompt_show"], english["sphinx"]["config"]["nb_code_prompt_hide"] = show, hide
    numbering = arabic["sphinx"]["config"]["numfig_format"]
    assert numbering["figure"].startswith("الشكل") and numbering["table"].startswith("الجدول")
    english["sphinx"]["config"]["numfig_format"] = numbering
    footer = arabic["html"]["extra_footer"]
    assert footer == english["sphinx"]["config"]["natoar_footer_ar"] != english["html"]["extra_footer"]
    english["html"]["extra_footer"] = footer
    assert arabic["bibtex_bibfiles"] == ["chapters/references.ar.bib"]  # the seeds cited in Arabic
    english["bibtex_bibfiles"] = arabic["bibtex_bibfiles"]
    assert arabic == english


def test_written_config_reads_back(project, root):
    path = editions.write_config("ar", project)
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == editions.edition_config("ar", root)


def test_missing_arabic_title_is_a_clear_error(project, root):
    config = editions.book_config(root)
    del config["sphinx"]["config"]["natoar_title_ar"]
    (project / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    with pytest.raises(ValueError, match="natoar_title_ar"):
        editions.edition_config("ar", project)
    with pytest.raises(ValueError, match="no edition"):
        editions.edition_config("fr", root)


@pytest.mark.parametrize(
    ("page", "language", "href"),
    [
        ("chapters/intro", "en", "../ar/chapters/intro.html"),
        ("chapters/intro", "ar", "../../chapters/intro.html"),
        ("chapters/data/events", "en", "../../ar/chapters/data/events.html"),
        ("chapters/data/events", "ar", "../../../chapters/data/events.html"),
        ("genindex", "ar", "../genindex.html"),
    ],
)
def test_switch_leads_to_the_same_page_in_the_other_edition(page, language, href):
    assert i18n.switch_href(page, language) == href
    assert f'href="{href}"' in i18n.switch_html(page, language)


def test_direction_is_declared_on_arabic_pages_only():
    arabic = '<!DOCTYPE html>\n<html lang="ar" data-content_root="../">\n<p lang="ar">x</p>'
    assert i18n.declare_direction(arabic).startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl" data-content')
    assert i18n.declare_direction(arabic).count('dir="rtl"') == 1
    assert i18n.declare_direction(i18n.declare_direction(arabic)) == i18n.declare_direction(arabic)
    english = '<html lang="en" data-content_root="../">'
    assert i18n.declare_direction(english) == english


def test_the_theme_s_unmarked_words_are_translated_in_the_arabic_edition_only():
    page = '<button title="Toggle primary sidebar"></button><nav aria-label="Main"></nav>'
    arabic = i18n.translate_theme_words(page, "ar")
    assert "Toggle" not in arabic and 'aria-label="Main"' not in arabic and 'title="إظهار فهرس الكتاب' in arabic
    assert i18n.translate_theme_words(page, "en") == page


def test_arabic_citation_carries_the_arabic_title_and_language(root):
    english, arabic = load_book(root), load_book(root, "ar")
    assert arabic.title == editions.title("ar", root) and arabic.title != english.title
    assert arabic.url == english.url + "ar/"
    tags = meta_tags(arabic, "العنوان", "chapters/intro")
    assert '<meta name="citation_language" content="ar" />' in tags
    assert f'<meta name="citation_inbook_title" content="{arabic.title}" />' in tags
    assert '<meta name="citation_language" content="en" />' in meta_tags(english, "Title", "chapters/intro")
    entry = bibtex(arabic, "العنوان", "chapters/intro")
    assert "language = {arabic}" in entry and f"booktitle = {{{arabic.title}}}" in entry
    assert entry.split(",")[0] != bibtex(english, "Title", "chapters/intro").split(",")[0]
    assert "استشهد بهذه الصفحة" in cite_box(arabic, "العنوان", "chapters/intro")
    assert reference(arabic, "العنوان", "chapters/intro").endswith(f"{english.url}ar/chapters/intro.html")


def _doctree(language: str, *blocks: nodes.Node) -> nodes.document:
    document = new_document("test.md", get_default_settings(Parser))
    document.extend(blocks)
    document.settings.env = type("Env", (), {"config": type("Config", (), {"language": language})()})()
    i18n.EditionFilter(document).apply()
    return document


def test_translated_nodes_no_longer_carry_the_document_they_were_parsed_in():
    # Sphinx's Locale transform parses a translation as a document whose settings hold the build environment, and
    # puts that document's nodes in the page; a stand-in megabyte plays the environment here.
    page = new_document("page.md", get_default_settings(Parser))
    settings = get_default_settings(Parser)
    settings.env = "environment " * 100_000
    parsed = new_document("<translated>", settings)
    parsed += nodes.paragraph()
    parsed[0] += nodes.Text("نص مترجم")  # added to a node of that document: it records the document
    page += nodes.paragraph()
    page[0].children = parsed[0].children  # moved as Locale moves them: new parents, the same document
    for child in page[0].children:
        child.parent = page[0]
    assert len(pickle.dumps(page)) > 1_000_000
    i18n.AdoptTranslatedNodes(page).apply()
    assert len(pickle.dumps(page)) < 10_000
    assert all(node.document is page for node in page.findall())


def _block(text: str, classes: list[str] | None = None) -> nodes.container:
    return nodes.container("", nodes.paragraph(text, text, source="x"), classes=classes or [])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_edition_keeps_its_own_language_blocks(language):
    document = _doctree(language, _block("English text", ["lang-en"]), _block("نص عربي", ["lang-ar"]))
    assert document.astext() == {"en": "English text", "ar": "نص عربي"}[language]
    assert all(p.get("translatable") is False for p in document.findall(nodes.paragraph))


def test_computed_output_is_kept_out_of_the_catalogs_but_captions_are_not():
    caption = nodes.caption("A caption", "A caption", source="x")
    image = nodes.image(uri="x.png", alt="Bar chart: the longest is nato-morocco-2024 (1484 words).")
    output = nodes.container("", nodes.paragraph("3 of 5", "3 of 5", source="x"), nodes.figure("", image, caption),
                             classes=["cell_output"])
    prose = nodes.paragraph("Prose", "Prose", source="x")
    _doctree("en", output, prose)
    assert output[0]["translatable"] is False
    assert "translatable" not in caption and "translatable" not in prose
    assert "alt" not in image and image[i18n.STASHED_ALT].startswith("Bar chart")  # Sphinx would translate alt


def test_arabic_edition_drops_the_english_translation_of_a_quotation():
    from natoar.build.sphinxext import arabic_block

    quotation = arabic_block("", nodes.paragraph("نص", "نص", source="x"))
    translation = nodes.block_quote("", nodes.paragraph("Text", "Text", source="x"))
    other = nodes.block_quote("", nodes.paragraph("A quote", "A quote", source="x"))
    arabic = _doctree("ar", quotation, translation, nodes.paragraph("p", "p"), other)
    assert "Text" not in arabic.astext() and "A quote" in arabic.astext()
    quotation = arabic_block("", nodes.paragraph("نص", "نص", source="x"))
    translation = nodes.block_quote("", nodes.paragraph("Text", "Text", source="x"))
    english = _doctree("en", quotation, translation)
    assert "Text" in english.astext() and translation[0]["translatable"] is False


def test_columns_and_names_in_both_languages(root):
    frame = pd.DataFrame({"seed": ["wales-2014"], "framework": ["dcb"]})
    assert list(lang.header(frame, "en").columns) == ["seed", "framework"]
    assert list(lang.header(frame, "ar").columns) == ["المصدر", "الإطار"]
    with pytest.raises(KeyError, match="no Arabic name"):
        lang.column("unheard_of", "ar")
    with pytest.raises(ValueError, match="no edition"):
        lang.column("seed", "fr")
    frameworks = pd.read_csv(root / "data" / "frameworks.csv", keep_default_na=False)
    assert lang.name(frameworks, "md", "ar") == "الحوار المتوسطي"
    assert lang.name(frameworks, "md", "en") == "Mediterranean Dialogue"


def test_bilingual_output_marks_each_language():
    text = lang.bilingual("3 partners", "3 شركاء")
    assert "::::{container} lang-en\n3 partners\n::::" in text
    assert "::::{container} lang-ar\n3 شركاء\n::::" in text
    with pytest.raises(ValueError):
        lang.bilingual("3 partners", "")
    assert lang.glue_bilingual("n", "3 documents", "3 وثائق") == {"n": "3 documents", "n_ar": "3 وثائق"}


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "وثيقة واحدة"), (2, "وثيقتان"), (3, "3 وثائق"), (10, "10 وثائق"), (11, "11 وثيقة"), (0, "0 وثيقة"),
     (103, "103 وثائق"), (121, "121 وثيقة")],
)
def test_arabic_counts_agree_with_the_number(n, expected):
    assert lang.counted(n, "وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة") == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(11, "11 يومًا"), (100, "100 يوم"), (101, "101 يوم"), (202, "202 يوم"), (111, "111 يومًا"), (503, "503 أيام")],
)
def test_after_a_whole_hundred_the_counted_noun_loses_its_accusative_ending(n, expected):
    assert lang.counted(n, "يوم واحد", "يومان", "أيام", "يومًا") == expected
    assert lang.counted(n, "نصٌّ واحد", "نصّان", "نصوص", "نصًّا").endswith("نصّ" if n >= 100 and n % 100 <= 2 else "")
    assert lang.counted(200, "شريكٍ آخر", "شريكين آخرين", "شركاء آخرين", "شريكًا آخر") == "200 شريك آخر"


def test_arabic_search_folds_what_readers_type_differently():
    from natoar.build.search import SearchArabic, fold

    assert fold("الإرْهَابِيّة") == fold("الارهابيه") == fold("الإرهابية") == "الارهابيه"
    assert fold("مـبـادرة") == "مبادره" and fold("على") == "علي" and fold("NATO") == "nato"
    words = SearchArabic({}).split("الإرْهاب، والأمن (NATO) 2014")
    assert words == ["الإرْهاب", "والأمن", "NATO", "2014"]  # a word is not cut at its short vowel


def test_a_paragraph_in_both_languages_keeps_one_and_stays_out_of_the_catalogs():
    english = nodes.inline("Launched 2014.", "Launched 2014.", classes=["lang-en"])
    arabic = nodes.inline("سنة الإطلاق: 2014.", "سنة الإطلاق: 2014.", classes=["lang-ar"])
    paragraph = nodes.paragraph("both", "", english, arabic, source="x")
    _doctree("ar", paragraph)
    assert paragraph.astext() == "سنة الإطلاق: 2014." and paragraph["translatable"] is False
    assert "translatable" not in arabic  # Sphinx would remove it as a translation placeholder


def test_glossary_defines_each_term_in_both_languages(root):
    from natoar.build.pages import render_glossary
    from natoar.sources.evidence import load_table

    glossary = render_glossary(load_table("frameworks", root))
    definition = glossary.split("\nMD\n  ", 1)[1].split("\n", 1)[0]
    assert definition.startswith("[Mediterranean Dialogue. ]{.lang-en}[الحوار المتوسطي]{.ar .lang-en}")
    # the Arabic edition heads the entry with the Arabic name (natoar.build.i18n) and gives the English one
    arabic = "[الحوار المتوسطي]{.lang-ar .glossary-term}[المقابل الإنجليزي: ]{.lang-ar}"
    assert arabic + "[Mediterranean Dialogue]{.name-en .lang-ar}" in definition
    assert definition.endswith("[.]{.lang-ar}")
