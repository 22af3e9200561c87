"""A Sphinx extension: the `arabic` directive (a right-to-left block marked lang="ar" in HTML), code cells folded
behind a "Show code" toggle, and the citation metadata of every page."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from natoar.build.citation import cite_box, load_book, meta_tags

SKIP_PAGES = ("genindex", "search", "index")


class arabic_block(nodes.General, nodes.Element):
    """A block of Arabic text."""


def _visit_html(self, node: arabic_block) -> None:
    self.body.append(self.starttag(node, "div", CLASS="rtl", dir="rtl", lang="ar"))


def _depart_html(self, node: arabic_block) -> None:
    self.body.append("</div>\n")


def _pass(self, node: arabic_block) -> None:
    """Write the content only (builders without a right-to-left block)."""


class ArabicDirective(SphinxDirective):
    """Parse the content as MyST and wrap it in an Arabic block."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        node = arabic_block()
        node["classes"] += self.options.get("class", [])
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        return [node]


class HideCodeByDefault(SphinxPostTransform):
    """Fold the source of every code cell behind a toggle, as the cell tag `hide-input` would, in every notebook.

    One rule instead of a tag typed into each cell: a new cell is folded without anyone remembering to tag it, and
    the notebooks keep their code untouched for download and re-execution. It runs just before myst-nb's own
    HideInputCells (priority 199), which then wraps the source; cells tagged `remove-input` have no source left to
    fold, and cells that already carry a hide tag keep it.
    """

    default_priority = 198
    formats = ("html",)

    def run(self, **kwargs: object) -> None:
        for node in self.document.findall(nodes.container):
            if node.get("nb_element") != "cell_code" or node.get("hide_mode") or not node.children:
                continue
            if node.children[0].get("nb_element") != "cell_code_source":
                continue
            node["hide_mode"] = "input"
            node["prompt_show"] = self.config.nb_code_prompt_show
            node["prompt_hide"] = self.config.nb_code_prompt_hide
            node["classes"].append("tag_hide-input")


def _add_citation(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Add citation meta tags to each page's head and a 'Cite this page' box to its body."""
    if doctree is None or pagename in SKIP_PAGES or "body" not in context:
        return
    book = load_book(Path(app.srcdir), app.config.language or "en")
    title = _plain_title(context.get("title", ""))
    context["metatags"] = context.get("metatags", "") + meta_tags(book, title, pagename)
    context["body"] += cite_box(book, title, pagename)


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Remove sphinx-thebe's scripts: the book has no live code cells, and jupyter-book 1 declares them twice."""

    def wanted(script: object) -> bool:
        body = getattr(script, "attributes", {}).get("body", "") or ""
        return "thebe" not in str(getattr(script, "filename", "") or "") and "THEBE_JS_URL" not in body

    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if wanted(s)]


def _static_before_pages(app: Sphinx) -> None:
    """Copy myst-nb's stylesheet into the output before any page is written, as later builds find it.

    myst-nb copies it when the build finishes, so a first build links it without the `?v=` checksum Sphinx adds
    to files it finds already in place, and every later build links it with one: an incremental rebuild then
    differs from a clean build by those bytes.
    """
    if app.builder.format != "html":
        return
    from myst_nb.sphinx_ext import add_global_html_resources

    (Path(app.builder.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def _plain_title(title: str) -> str:
    import html
    import re

    text = html.unescape(re.sub(r"<[^>]+>", "", title)).strip()
    return re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text)


def setup(app: Sphinx) -> dict:
    """Register the directive and its node, the folding of code cells, and the citation metadata of every page."""
    app.connect("html-page-context", _add_citation)
    app.connect("html-page-context", _drop_thebe)
    app.connect("builder-inited", _static_before_pages)
    app.add_node(
        arabic_block,
        html=(_visit_html, _depart_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
    )
    app.add_directive("arabic", ArabicDirective)
    app.add_post_transform(HideCodeByDefault)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
