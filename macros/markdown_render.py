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


# Text that Markdown would return unchanged: one line, no markup characters, not starting
# like a block (list, heading, quote, definition, admonition). Figures may start a text
# ("3 maanden") but not as a numbered list item ("3. ...").
_PLAIN = re.compile(r"^(?![\s>#=+*\-:?!.]|\d+[.)])[^\n\t*_`\[\]!<>&\\{}|~^]+$")


class FastMarkdown:
    """The site's Markdown for data texts: memoised, plain text short-cut, converted in batches.

    A quiz page renders thousands of short strings. Most are plain sentences that Markdown
    would wrap in ``<p>`` and otherwise leave alone but for glossary abbreviations: those skip
    the Markdown pipeline, and each abbreviation in them becomes the ``<abbr>`` element that
    Markdown itself made of that abbreviation alone. The rest would each pay Markdown's fixed
    cost per conversion; inside :meth:`batch` they are collected while a template renders and
    converted in one Markdown pass afterwards. A test holds every data text of the site to the
    full Markdown result.
    """

    _SEP = "HALKMDSEP"

    def __init__(self, site: Any):
        self.site = site
        terms = sorted(site.glossary.as_abbr_glossary(), key=len, reverse=True) if site.glossary else []
        # The same pattern the abbr extension builds from the same glossary.
        self._abbr = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b") if terms else None
        self._abbr_html: dict[str, str | None] = {}
        self._inline: dict[str, Markup] = {}
        self._block: dict[str, Markup] = {}
        self._pending: dict[tuple[str, bool], str] | None = None

    def _plain(self, text: str) -> str | None:
        """``text`` as Markdown would render it inline, if it is plain text; else ``None``."""
        if not _PLAIN.match(text):
            return None
        if self._abbr is None:
            return text
        html = []
        end = 0
        for match in self._abbr.finditer(text):
            element = self._abbreviation(match.group(0))
            if element is None:
                return None
            html += (text[end : match.start()], element)
            end = match.end()
        return "".join(html) + text[end:] if html else text

    def _abbreviation(self, term: str) -> str | None:
        """What the site's Markdown makes of the abbreviation ``term`` alone.

        That is its ``<abbr>`` element, or the term itself when the Markdown has no
        abbreviations; ``None`` when it is anything else (texts with it then take the long way).
        """
        if term not in self._abbr_html:
            html = str(self.site.md(term))
            plain = html == term or (html.startswith("<abbr ") and html.endswith(f">{term}</abbr>"))
            self._abbr_html[term] = html if plain else None
        return self._abbr_html[term]

    def _defer(self, text: str, inline: bool) -> Markup:
        assert self._pending is not None
        token = self._pending.setdefault((text, inline), f"HALKMD{len(self._pending)}Z")
        return Markup(token)

    def inline(self, text: str) -> Markup:
        """Inline Markdown, as ``SiteData.md``."""
        html = self._inline.get(text)
        return html if html is not None else self._convert(text, inline=True)

    def block(self, text: str) -> Markup:
        """Block Markdown, as ``SiteData.md_block``."""
        html = self._block.get(text)
        return html if html is not None else self._convert(text, inline=False)

    def _convert(self, text: str, inline: bool) -> Markup:
        plain = self._plain(text)
        if plain is None and self._pending is not None:
            return self._defer(text, inline)
        if plain is not None:
            html = Markup(plain if inline else f"<p>{plain}</p>")
        else:
            html = self.site.md(text) if inline else self.site.md_block(text)
        (self._inline if inline else self._block)[text] = html
        return html

    def batch(self, render: Any) -> str:
        """Call ``render()`` collecting its Markdown texts, convert them at once, fill them in."""
        self._pending = {}
        try:
            html = render()
        finally:
            pending, self._pending = self._pending, None
        if not pending:
            return html
        self._convert_all(list(pending))
        by_token = {token: key for key, token in pending.items()}

        def fill(match: re.Match[str]) -> str:
            text, inline = by_token[match.group(0)]
            return (self._inline if inline else self._block)[text]

        return _DEFERRED.sub(fill, html)

    def _convert_all(self, texts: list[tuple[str, bool]]) -> None:
        source = "\n\n".join(f"{self._SEP}\n\n{text}" for text, _ in texts)
        parts = self.site.md_block(source).split(f"<p>{self._SEP}</p>")[1:]
        if len(parts) != len(texts):  # a text that would bleed into the next: convert one by one
            parts = [self.site.md_block(text) for text, _ in texts]
        for (text, inline), part in zip(texts, parts, strict=True):
            part = part.strip("\n")
            if inline:
                match = _P_WRAP.match(part)
                self._inline[text] = Markup(match.group(1) if match and "<p>" not in match.group(1) else part)
            else:
                self._block[text] = Markup(part)


_DEFERRED = re.compile(r"HALKMD\d+Z")
