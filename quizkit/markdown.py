"""Render Markdown from data files with exactly the site's own Markdown extensions.

Text in YAML (a quiz stem, feedback, an option, a table cell, a glossary entry) is never
pasted into HTML as is: it goes through :class:`MarkdownRenderer`, the one path from data text
to HTML. It drops raw HTML and attribute lists, so ``<script>`` is shown as text, gets the
site's abbreviations, links and typography, and then passes the sanitiser (:func:`sanitiser`),
which keeps only the tags, attributes and URL schemes Markdown makes of ordinary text.
:class:`FastMarkdown` memoises it and skips Markdown for plain sentences, where that provably
changes nothing (such text holds no markup for the sanitiser to remove).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import markdown
import nh3
from markupsafe import Markup, escape

log = logging.getLogger(__name__)

_P_WRAP = re.compile(r"^<p>(.*)</p>$", re.DOTALL)

# Extensions never used for data texts: headings in data snippets must not get permalinks or
# ids of their own (toc), and an attribute list could set any attribute, event handlers
# included (attr_list).
DATA_EXCLUDED_EXTENSIONS = frozenset({"toc", "attr_list"})
# The extensions a plain sentence (see _PLAIN) passes through unchanged, apart from the
# abbreviations that ``abbr`` marks up (which FastMarkdown reproduces). With any other
# extension (smarty, magiclink, emoji, smartsymbols... change plain text), every text takes
# the full Markdown path.
PLAIN_SAFE_EXTENSIONS = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "def_list",
        "fenced_code",
        "footnotes",
        "md_in_html",
        "tables",
        "toc",
        "pymdownx.details",
        "pymdownx.superfences",
    }
)
# The default set when no site configuration is given (the command line).
DEFAULT_EXTENSIONS = ("abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables")


# What HTML made from data text may contain, and nothing else. Editors paste text from
# publishers' sites and slide decks into the YAML, and the same HTML runs inside trainers' LMS
# pages (SCORM), so no data text may carry script: not through raw HTML (the Markdown drops
# it), an attribute list (off for data texts), an event-handler attribute or a javascript:,
# data: or vbscript: URL (the sanitiser drops those, whatever their spelling or entity
# encoding). The tags and attributes are those the site's Markdown extensions make of
# ordinary text: emphasis, links, abbreviations (abbr), lists, definition lists, tables
# (aligned columns: text-align only), footnotes, code, quotes, admonitions and details.
# Links keep relative URLs, anchors and http, https and mailto; nothing else. No images: an
# image in a data text could load from another host, and the site makes no such request.
ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"),
        *("em", "strong", "b", "i", "code", "pre", "kbd", "sub", "sup", "del", "ins", "mark", "span"),
        *("a", "abbr", "ul", "ol", "li", "dl", "dt", "dd", "details", "summary"),
        *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"),
    }
)
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        # class: footnotes, admonitions and details mark their parts with classes.
        "*": frozenset({"class"}),
        "a": frozenset({"href", "title"}),
        "abbr": frozenset({"title"}),
        "ol": frozenset({"start"}),
        # Column alignment (tables): the style attribute, with text-align and nothing else. (A
        # Content-Security-Policy must allow such attributes: this site's, by hash in hooks/headers.py.)
        "th": frozenset({"style"}),
        "td": frozenset({"style"}),
        # Footnote references and footnotes: fnref:N and fn:N, nothing an editor can choose.
        "sup": frozenset({"id"}),
        "li": frozenset({"id"}),
    }
)
ALLOWED_STYLES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitiser() -> Callable[[str], str]:
    """The sanitiser of HTML made from data text: the allow-lists above, nothing else."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        filter_style_properties=set(ALLOWED_STYLES),
        url_schemes=set(URL_SCHEMES),
        # The site's own links carry no rel; data texts link to no third-party script either way.
        link_rel=None,
    ).clean


def _name(ext: Any) -> str:
    """An extension's short name: ``markdown.extensions.abbr`` and ``abbr`` alike."""
    name = ext if isinstance(ext, str) else f"{type(ext).__module__}.{type(ext).__name__}"
    return name.removeprefix("markdown.extensions.")


class MarkdownRenderer:
    """A reusable Markdown converter configured like the site's build, without raw HTML."""

    def __init__(
        self,
        extensions: Sequence[Any] = DEFAULT_EXTENSIONS,
        extension_configs: Mapping[str, Any] | None = None,
        glossary: Mapping[str, str] | None = None,
    ):
        """``glossary``: the abbreviations to explain (the ``abbr`` extension's own, replaced)."""
        self.extensions = [e for e in extensions if _name(e) not in DATA_EXCLUDED_EXTENSIONS]
        self.configs = dict(extension_configs or {})
        if glossary is not None:
            abbr = next((e for e in self.extensions if isinstance(e, str) and _name(e) == "abbr"), None)
            if abbr is None:
                raise ValueError(
                    "glossary: de extensie abbr staat niet onder markdown_extensions; zet '- abbr' erbij of laat "
                    "glossary weg"
                )
            self.configs[abbr] = {**self.configs.get(abbr, {}), "glossary": dict(glossary)}
        # Each text is converted on its own, so each would number its footnotes from 1: two texts
        # with a footnote on one page (two explanations) would both have id="fn:1" and their
        # back links would jump to the first. UNIQUE_IDS puts the text's own number in its ids
        # (fn:7-1), counted per converter, so no two texts of a build share one.
        for ext in self.extensions:
            if isinstance(ext, str) and _name(ext) == "footnotes":
                self.configs[ext] = {**self.configs.get(ext, {}), "UNIQUE_IDS": True}
        self._md = markdown.Markdown(extensions=list(self.extensions), extension_configs=self.configs)
        # Data text may not carry raw HTML: without these processors, "<script>" is
        # just text and comes out escaped.
        for registry, name in ((self._md.preprocessors, "html_block"), (self._md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)
        self._sanitise = sanitiser()

    @property
    def glossary(self) -> dict[str, str]:
        """The abbreviations the ``abbr`` extension explains on every text."""
        # Configured under the short name or the long one (markdown.extensions.abbr), as the
        # extension list may name it: both name the one extension that uses this glossary.
        found = [config for name, config in self.configs.items() if _name(name) == "abbr"]
        return dict((found[0] if found else {}).get("glossary") or {})

    @property
    def plain_safe(self) -> bool:
        """Whether every extension leaves a plain sentence alone (see PLAIN_SAFE_EXTENSIONS)."""
        return all(isinstance(e, str) and _name(e) in PLAIN_SAFE_EXTENSIONS for e in self.extensions)

    def block(self, text: str) -> Markup:
        """Render ``text`` as block Markdown (paragraphs, lists); each text on its own."""
        self._md.reset()
        return Markup(self._sanitise(self._md.convert(text or "")))

    def inline(self, text: str) -> Markup:
        """Render ``text`` as inline Markdown: one paragraph, without the ``<p>`` wrapper."""
        html = self.block(text)
        match = _P_WRAP.match(html)
        if match and "<p>" not in match.group(1):
            return Markup(match.group(1))
        return html

    def link(self, url: str) -> Markup:
        """A link to ``url`` showing the address, sanitised like any Markdown link."""
        return Markup(self._sanitise(str(Markup('<a href="{0}">{0}</a>').format(url))))

    def literal(self, text: str) -> Markup:
        """Markdown source that the site's Markdown renders as exactly ``text`` (one line).

        For data printed into a page's own Markdown where the page needs the Markdown itself
        (a heading that belongs in the table of contents): every character Markdown could read
        as markup is backslash-escaped, the ones it would read as HTML are entity-encoded.
        Python-Markdown offers no such function; its own list of escapable characters is used.
        """
        escapable = set(self._md.ESCAPED_CHARS) - {"<", ">", "&"}
        flat = " ".join(str(text).split())
        return Markup("".join("\\" + c if c in escapable else str(escape(c)) for c in flat))


# Text that Markdown would return unchanged: one line, no markup characters, not starting
# like a block (list, heading, quote, definition, admonition). Figures may start a text
# ("3 maanden") but not as a numbered list item ("3. ...").
# Control characters and no-break spaces are left to the full path: the sanitiser's HTML
# serialiser normalises them (\r, NUL) or writes them as entities (&nbsp;).
_PLAIN = re.compile(r"^(?![\s>#=+*\-:?!.]|\d+[.)])[^\x00-\x1f\x7f\xa0*_`\[\]!<>&\\{}|~^]+\Z")


# Where a text may hold a footnote (a reference ``[^1]`` or its text ``[^1]: ...``).
_FOOTNOTE = "[^"


class FastMarkdown:
    """The site's Markdown for data texts: memoised, with a short-cut for plain sentences.

    A quiz page renders thousands of short strings. Most are plain sentences that Markdown
    would wrap in ``<p>`` and otherwise leave alone but for glossary abbreviations: those skip
    the Markdown pipeline, and each abbreviation in them becomes the ``<abbr>`` element that
    Markdown itself made of that abbreviation alone. The short-cut runs only when every
    configured extension is known to leave plain text alone; otherwise every text is converted.
    Each text is converted on its own, so footnotes and link references never cross texts.
    """

    def __init__(self, renderer: MarkdownRenderer):
        self.renderer = renderer
        self.shortcut = renderer.plain_safe
        if not self.shortcut:
            log.info("quizkit: Markdown short-cut off (an extension outside the allow-list is configured)")
        terms = sorted(renderer.glossary, key=len, reverse=True)
        # The same pattern the abbr extension builds from the same glossary.
        self._abbr = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b") if terms else None
        self._abbr_html: dict[str, str | None] = {}
        self._inline: dict[str, Markup] = {}
        self._block: dict[str, Markup] = {}

    def _plain(self, text: str) -> str | None:
        """``text`` as Markdown would render it inline, if it is plain text; else ``None``."""
        if not self.shortcut or not _PLAIN.match(text):
            return None
        if self._abbr is None:
            return text
        html: list[str] = []
        end = 0
        for match in self._abbr.finditer(text):
            element = self._abbreviation(match.group(0))
            if element is None:
                return None
            html += (text[end : match.start()], element)
            end = match.end()
        return "".join(html) + text[end:] if html else text

    def _abbreviation(self, term: str) -> str | None:
        """What the Markdown makes of the abbreviation ``term`` alone (``None``: not just that)."""
        if term not in self._abbr_html:
            html = str(self.renderer.inline(term))
            plain = html == term or (html.startswith("<abbr ") and html.endswith(f">{term}</abbr>"))
            self._abbr_html[term] = html if plain else None
        return self._abbr_html[term]

    def inline(self, text: str) -> Markup:
        """Inline Markdown (one paragraph, no ``<p>``)."""
        if _FOOTNOTE in text:  # each conversion its own footnote ids: not kept (see below)
            return self.renderer.inline(text)
        html = self._inline.get(text)
        if html is None:
            plain = self._plain(text)
            html = self._inline[text] = Markup(plain) if plain is not None else self.renderer.inline(text)
        return html

    def plain(self, text: str) -> str:
        """``text`` as plain text, for names, attributes and titles: rendered, then without tags.

        MarkupSafe's ``striptags`` also decodes entities and collapses whitespace.
        """
        return self.inline(text).striptags()

    def block(self, text: str) -> Markup:
        """Block Markdown.

        A text with a footnote is converted each time it is asked for: its footnotes' ids are
        that conversion's own (see MarkdownRenderer), so the same feedback under two questions
        of one page does not give two elements the same id.
        """
        if _FOOTNOTE in text:
            return self.renderer.block(text)
        html = self._block.get(text)
        if html is None:
            plain = self._plain(text)
            html = self._block[text] = Markup(f"<p>{plain}</p>") if plain is not None else self.renderer.block(text)
        return html
