"""A Sphinx extension for the book's editions: what each edition keeps, right to left, and the language switch.

- Blocks marked for one language (class `lang-en` or `lang-ar`, e.g. a computed output given in both languages)
  are kept only in that language's edition, and are never offered for translation.
- Computed text (everything a code cell prints, its figures' alt text included, except a figure's caption, which
  the notebook's author writes in the cell's metadata) is not offered for translation either: it is not prose,
  it changes with the data, and it gets its Arabic from the same computation (`natoar.report.lang`).
- Text without a Latin letter (Arabic as written, numbers) is not offered for translation, nor is a glossary term
  (the name that `{term}` references use; the generated definition gives it in each language).
- A seed quotation's English translation (a block quote right after an Arabic block, or a block of class
  `translation`) is left out of the Arabic edition, which shows the quotation as written.
- Arabic pages declare `dir="rtl"` on <html>; every page links to the same page in the other edition.
- Search in Arabic folds the spellings a reader may type (natoar.build.search).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from natoar.build.editions import EDITIONS, SOURCE_LANGUAGE
from natoar.build.search import fold

RTL_LANGUAGES = ("ar",)
NAMES = {"en": "English", "ar": "العربية"}
SWITCH_LABEL = {"en": "Read this page in", "ar": "اقرأ هذه الصفحة"}
# The interface words sphinx-book-theme's templates write without marking them for translation (its sidebar toggles'
# tooltips and two landmarks' names, read aloud by screen readers), as they stand in its HTML, by edition; the
# words it does mark are in locales/<lang>/LC_MESSAGES/sphinx.po.
THEME_WORDS = {
    "ar": {
        'title="Toggle primary sidebar"': 'title="إظهار فهرس الكتاب أو إخفاؤه"',
        'title="Toggle secondary sidebar"': 'title="إظهار محتويات الصفحة أو إخفاؤها"',
        'aria-label="Main"': 'aria-label="التنقل في الكتاب"',
        'aria-label="Page"': 'aria-label="الصفحة"',
    }
}
# The search field's placeholder (html_theme_options.search_bar_text, "Search this book..." from jupyter-book).
SEARCH_BAR_TEXT = {"ar": "ابحث في هذا الكتاب…"}
LANG_CLASS = "lang-"
# In a generated glossary, the span that gives a term's name in the edition's language (natoar.build.pages).
TERM_CLASS = "glossary-term"
STASHED_ALT = "natoar_computed_alt"
# Text without a Latin letter (Arabic quoted as written, numbers, identifiers in other scripts) needs no translation.
_LATIN = re.compile(r"[A-Za-z]")
TRANSLATION_CLASS = "translation"


def edition_language(config: object) -> str:
    """Return the language of the edition being built ('en' when none is configured)."""
    return getattr(config, "language", None) or SOURCE_LANGUAGE


def other_language(language: str) -> str:
    """Return the language of the other edition."""
    return next(lang for lang in EDITIONS if lang != language)


def _untranslatable(node: nodes.Element, keep_captions: bool = False) -> None:
    for child in node.findall(nodes.TextElement):
        if isinstance(child, nodes.Inline):
            # Inline nodes are never offered for translation, and Sphinx removes any inline node that carries a
            # `translatable` attribute (its placeholders), moving its text to the end of the paragraph.
            continue
        if keep_captions and _in_figure_caption(child, node):
            continue
        child["translatable"] = False


def _in_figure_caption(node: nodes.Node, stop: nodes.Node) -> bool:
    while node is not None and node is not stop:
        if isinstance(node, (nodes.caption, nodes.legend)):
            return True
        node = node.parent
    return False


def _is_translation(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.Element):
        return False
    if TRANSLATION_CLASS in node.get("classes", []):
        return True
    if not isinstance(node, nodes.block_quote) or node.parent is None:
        return False
    index = node.parent.index(node)
    before = node.parent[index - 1] if index else None
    return before is not None and type(before).__name__ == "arabic_block"


class EditionFilter(SphinxTransform):
    """Keep each edition's own blocks, drop the other edition's, and keep computed text out of the catalogs."""

    default_priority = 10  # before Sphinx's Locale transform (20), which translates what is left translatable

    def apply(self, **kwargs: object) -> None:
        language = edition_language(self.config)
        marked = [n for n in self.document.findall(nodes.Element) if _languages(n)]
        for node in marked:
            if node.parent is None:
                continue
            if isinstance(node, nodes.Inline) and isinstance(node.parent, nodes.TextElement):
                node.parent["translatable"] = False  # a paragraph written in both languages by its generator
            if language in _languages(node):
                _untranslatable(node)
            else:
                node.parent.remove(node)
        for node in [n for n in self.document.findall(_is_translation)]:
            if node.parent is None:
                continue
            if language == SOURCE_LANGUAGE:
                _untranslatable(node)
            else:
                node.parent.remove(node)
        for node in self.document.findall(nodes.container):
            if "cell_output" in node.get("classes", []):
                _untranslatable(node, keep_captions=True)
                for image in node.findall(nodes.image):  # computed alt text (save_figure): out of the catalogs
                    if "alt" in image:
                        image[STASHED_ALT] = image.attributes.pop("alt")
        for node in self.document.findall(nodes.TextElement):
            if not isinstance(node, nodes.Inline) and not _LATIN.search(node.astext()):
                node["translatable"] = False
        for node in self.document.findall(nodes.term):
            node["translatable"] = False  # a glossary term is the name {term} references use; its definition translates


class RestoreComputedAlt(SphinxTransform):
    """Give back the computed alt text that EditionFilter hid from Sphinx's translation (Sphinx offers every
    image's alt text for translation, whatever its `translatable` flag); the gettext builder never sees it."""

    default_priority = 25  # after Sphinx's Locale transform (20)

    def apply(self, **kwargs: object) -> None:
        if self.app.builder.name == "gettext":
            return
        for image in self.document.findall(nodes.image):
            if STASHED_ALT in image:
                image["alt"] = image.attributes.pop(STASHED_ALT)


class TranslateTocCaptions(SphinxTransform):
    """Translate the captions of the toctrees sphinx-external-toc inserts (at priority 100, after Sphinx's Locale
    transform has run, so Sphinx leaves them in English though the gettext builder extracts them)."""

    default_priority = 101

    def apply(self, **kwargs: object) -> None:
        if edition_language(self.config) == SOURCE_LANGUAGE:
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        folders = [str(Path(self.env.srcdir) / d) for d in self.config.locale_dirs]
        catalog, found = init_locale(folders, self.config.language, domain)
        if not found:
            return
        for toctree in self.document.findall(addnodes.toctree):
            if toctree.get("caption"):
                toctree["caption"] = catalog.gettext(toctree.get("rawcaption") or toctree["caption"])


class AdoptTranslatedNodes(SphinxTransform):
    """Make the translated nodes belong to the page they were moved into.

    Sphinx's Locale transform parses each translation as a document of its own, whose settings hold the whole build
    environment, and moves that document's nodes into the page; they keep pointing to it. Sphinx removes the
    environment from the page's settings before saving the page's doctree, but not from those documents, so every
    translated page saved a copy of the environment: at 259 pages, 2.2 MB of a 2.2 MB doctree, which each build
    unpickles again to number the figures."""

    default_priority = 999  # the last transform, after every one that may translate

    def apply(self, **kwargs: object) -> None:
        for node in self.document.findall(include_self=False):
            if node.__dict__.get("_document") not in (None, self.document):
                node.document = self.document


class GlossaryInEditionLanguage(SphinxPostTransform):
    """Head each glossary entry with its name in the edition's language, and order the entries by it.

    A term stays the English name or acronym that `{term}` references resolve to (its anchor does not change);
    where the definition holds a span of class TERM_CLASS, the edition shows that span's text as the term, the
    acronym after it, and leaves the definition to the English name."""

    default_priority = 5

    def run(self, **kwargs: object) -> None:
        if edition_language(self.config) == SOURCE_LANGUAGE:
            return
        for glossary in self.document.findall(addnodes.glossary):
            for entries in glossary.findall(nodes.definition_list):
                keyed = [(self._rename(item), index, item) for index, item in enumerate(entries.children)]
                entries.children = [item for _, _, item in sorted(keyed, key=lambda k: (k[0], k[1]))]

    @staticmethod
    def _rename(item: nodes.Element) -> str:
        """Put the entry's name in the edition's language in its term; return the key that orders the entry."""
        term = next(iter(item.findall(nodes.term)))
        named = [n for n in item.findall(nodes.inline) if TERM_CLASS in n.get("classes", [])]
        if not named:
            return _sort_key(term.astext())
        name, english = named[0].astext(), term.astext()
        named[0].parent.remove(named[0])
        spelled = {n.astext() for n in item.findall(nodes.inline) if "name-en" in n.get("classes", [])}
        for text in [child for child in term.children if isinstance(child, nodes.Text)]:
            term.remove(text)
        term.insert(0, nodes.Text(name))
        if english not in spelled:  # an acronym: shown after the name
            term.insert(1, nodes.Text(" ("))
            term.insert(2, nodes.inline(english, english, classes=["name-en"]))
            term.insert(3, nodes.Text(")"))
        return _sort_key(name)


def _sort_key(name: str) -> str:
    """Return the key that orders a glossary's names as an Arabic reader looks them up: spellings folded, the
    article ال of the first word ignored (الحوار المتوسطي under ح)."""
    return fold(re.sub(r"^ال(?=\w\w)", "", name))


def _languages(node: nodes.Element) -> list[str]:
    return [c[len(LANG_CLASS):] for c in node.get("classes", []) if c.startswith(LANG_CLASS)]


def switch_href(pagename: str, language: str) -> str:
    """Return the relative URL, from page `pagename` of the edition in `language`, of the same page in the other."""
    depth = pagename.count("/") + len(EDITIONS[language].strip("/").split("/")) * bool(EDITIONS[language])
    return "../" * depth + EDITIONS[other_language(language)] + pagename + ".html"


def switch_html(pagename: str, language: str) -> str:
    """Return the language switch: a link to the same page in the other edition, named in that edition's language."""
    other = other_language(language)
    href = html.escape(switch_href(pagename, language), quote=True)
    return (
        f'<p class="edition-switch" lang="{other}" dir="{"rtl" if other in RTL_LANGUAGES else "ltr"}">'
        f'{html.escape(SWITCH_LABEL[other])} <a href="{href}" hreflang="{other}" rel="alternate">'
        f"{html.escape(NAMES[other])}</a></p>\n"
    )


def _add_switch(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    if "body" not in context or doctree is None:
        return
    language = edition_language(app.config)
    other = other_language(language)
    href = html.escape(switch_href(pagename, language), quote=True)
    context["body"] = switch_html(pagename, language) + context["body"]
    link = f'<link rel="alternate" hreflang="{other}" href="{href}" />\n'
    context["metatags"] = context.get("metatags", "") + link


_HTML_TAG = re.compile(r"<html\b[^>]*>")
_LANG = re.compile(r'\blang="([A-Za-z-]+)"')


def declare_direction(page: str) -> str:
    """Return the page with `dir="rtl"` on its <html> element if its language is written right to left."""

    def tag(match: re.Match[str]) -> str:
        found = _LANG.search(match.group(0))
        if not found or found.group(1).split("-")[0] not in RTL_LANGUAGES or " dir=" in match.group(0):
            return match.group(0)
        return match.group(0).replace(found.group(0), f'{found.group(0)} dir="rtl"', 1)

    return _HTML_TAG.sub(tag, page, count=1)


def translate_theme_words(page: str, language: str) -> str:
    """Return the page with the interface words the theme writes without marking them for translation in
    `language` (`THEME_WORDS`)."""
    for english, translated in THEME_WORDS.get(language, {}).items():
        page = page.replace(english, translated)
    return page


def _finish_pages(app: Sphinx, exception: Exception | None) -> None:
    """On every page of an edition other than the English one, translate the theme's unmarked interface words, and
    declare the direction of a right-to-left edition (the theme's <html> tag has no block for it)."""
    language = edition_language(app.config)
    if exception is not None or app.builder.format != "html" or language == SOURCE_LANGUAGE:
        return
    for page in sorted(Path(app.outdir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = translate_theme_words(text, language)
        fixed = declare_direction(fixed) if language in RTL_LANGUAGES else fixed
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def _search_bar_text(app: Sphinx, config: object) -> None:
    """Give the search field its placeholder in the edition's language (jupyter-book sets it in English)."""
    text = SEARCH_BAR_TEXT.get(edition_language(config))
    if text:
        config.html_theme_options = {**(config.html_theme_options or {}), "search_bar_text": text}


def setup(app: Sphinx) -> dict:
    """Register the edition filter, the language switch and the direction of right-to-left pages."""
    app.add_config_value("natoar_title_ar", "", "env", [str])
    app.add_config_value("natoar_footer_ar", "", "env", [str])
    from natoar.build.search import SearchArabic

    app.add_search_language(SearchArabic)
    app.add_transform(EditionFilter)
    app.add_transform(RestoreComputedAlt)
    app.add_transform(TranslateTocCaptions)
    app.add_transform(AdoptTranslatedNodes)
    app.add_post_transform(GlossaryInEditionLanguage)
    app.connect("config-inited", _search_bar_text)
    app.connect("html-page-context", _add_switch)
    app.connect("build-finished", _finish_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
