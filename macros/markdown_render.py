"""Render Markdown from data files with exactly the site's own Markdown extensions.

Text in YAML (a table cell, a quiz stem, feedback) is never pasted into HTML as is:
it goes through this renderer, so it is escaped the way the rest of the site is and
gets the same abbreviations, links and typography.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import markdown
from markupsafe import Markup

_P_WRAP = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


class MarkdownRenderer:
    """A reusable Markdown converter configured like the MkDocs build."""

    def __init__(self, extensions: Sequence[Any] = (), extension_configs: Mapping[str, Any] | None = None):
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(extension_configs or {}))
        # Data text may not carry raw HTML: without these processors, "<script>" is
        # just text and comes out escaped.
        for registry, name in ((self._md.preprocessors, "html_block"), (self._md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)

    def block(self, text: str) -> Markup:
        """Render ``text`` as block Markdown (paragraphs, lists)."""
        self._md.reset()
        return Markup(self._md.convert(text or ""))

    def inline(self, text: str) -> Markup:
        """Render ``text`` as inline Markdown: one paragraph, without the ``<p>`` wrapper."""
        html = self.block(text)
        match = _P_WRAP.match(html)
        if match and "<p>" not in match.group(1):
            return Markup(match.group(1))
        return html


def from_mkdocs_config(config: Mapping[str, Any]) -> MarkdownRenderer:
    """Build a renderer from a MkDocs config (its ``markdown_extensions`` and ``mdx_configs``)."""
    extensions = [e for e in config.get("markdown_extensions", []) if not _is_toc(e)]
    return MarkdownRenderer(extensions, config.get("mdx_configs", {}))


def _is_toc(ext: Any) -> bool:
    # Headings inside data snippets must not get permalinks or ids of their own.
    return ext == "toc" or ext == "markdown.extensions.toc"
