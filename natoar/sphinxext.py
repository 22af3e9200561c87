"""A Sphinx extension: the `arabic` directive, a right-to-left block marked lang="ar" in HTML."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


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


def setup(app: Sphinx) -> dict:
    """Register the directive and its node."""
    app.add_node(
        arabic_block,
        html=(_visit_html, _depart_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
    )
    app.add_directive("arabic", ArabicDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
