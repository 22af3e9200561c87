"""The book's myst-nb output renderer: an image output's `alt` metadata becomes the image's alt text.

myst-nb 1.4 reads only `width` and `height` from an output's metadata and takes alt text from cell metadata,
where it would have to be typed by hand. `save_figure` writes each figure's computed alt text into its output's
metadata; this renderer, registered as the entry point `natoar` of `myst_nb.renderers` (pyproject.toml) and
chosen by `nb_render_plugin` in _config.yml, carries it onto the image. A PNG wider than WIDE_PX gets the class
`wide-figure`, which _static/reading.css shows on a phone at a legible scale inside a box that scrolls sideways.
An image whose metadata names its language (`lang`, as `save_figure` writes it: each figure is drawn once per
edition) gets the class `lang-<language>`, so that natoar.build.i18n keeps it only in that language's edition;
the other edition's image travels in the same output's metadata (`editions`), so that both stand in the one
figure (its label and caption, from the cell's metadata, given once).
"""

from __future__ import annotations

import base64
import struct
from dataclasses import replace

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

WIDE_PX = 1500  # saved pixels; wider figures would shrink their text below legibility on a phone's width


def png_width(content: str | bytes) -> int | None:
    """Return the pixel width of a PNG given as base64 text (as in a notebook) or bytes, or None if not a PNG."""
    try:
        head = base64.b64decode(content[:64]) if isinstance(content, str) else content[:24]
    except ValueError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">I", head[16:20])[0]


class Renderer(NbElementRenderer):
    """myst-nb's renderer, with alt text taken from the output's metadata when the output carries it, and the
    other editions' renderings of a figure drawn beside it."""

    def render_image(self, data: MimeData) -> list[nodes.Element]:
        """Render the image as myst-nb does, then set its alt text and language from the output's metadata; an
        output that also carries the figure in another language (`editions`: language → base64 PNG, alt text and
        width, as `figures.show_figure` writes them) renders that image too, inside the same figure."""
        metadata = data.output_metadata.get(data.mime_type, {})
        rendered = self._marked(super().render_image(data), data, metadata)
        for language, other in sorted(metadata.get("editions", {}).items()):
            shown = {"alt": other["alt"], "lang": language, "width": other["width"]}
            extra = replace(data, content=other["png"], output_metadata={data.mime_type: shown})
            rendered += self._marked(super().render_image(extra), extra, shown)
        return rendered

    @staticmethod
    def _marked(rendered: list[nodes.Element], data: MimeData, metadata: dict) -> list[nodes.Element]:
        alt, language = metadata.get("alt"), metadata.get("lang")
        wide = data.mime_type == "image/png" and (png_width(data.content) or 0) > WIDE_PX
        for node in rendered:
            if alt:
                node["alt"] = str(alt)
            if wide:
                node["classes"].append("wide-figure")
            if language:
                node["classes"].append(f"lang-{language}")
        return rendered
