"""The book's myst-nb output renderer: an image output's `alt` metadata becomes the image's alt text.

myst-nb 1.4 reads only `width` and `height` from an output's metadata and takes alt text from cell metadata,
where it would have to be typed by hand. `save_figure` writes each figure's computed alt text into its output's
metadata; this renderer, registered as the entry point `natoar` of `myst_nb.renderers` (pyproject.toml) and
chosen by `nb_render_plugin` in _config.yml, carries it onto the image.
"""

from __future__ import annotations

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer


class Renderer(NbElementRenderer):
    """myst-nb's renderer, with alt text taken from the output's metadata when the output carries it."""

    def render_image(self, data: MimeData) -> list[nodes.Element]:
        """Render the image as myst-nb does, then set its alt text from the output's metadata."""
        rendered = super().render_image(data)
        alt = data.output_metadata.get(data.mime_type, {}).get("alt")
        if alt:
            for node in rendered:
                node["alt"] = str(alt)
        return rendered
