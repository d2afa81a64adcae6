"""Keep finished quiz HTML out of the page's Markdown pass and out of the search plugin.

A quiz is already HTML when the macro returns it. Python-Markdown would still parse every tag
of it as raw HTML, and Material's search plugin would parse it again only to leave it out of
the index (items carry ``data-search-exclude``): together the larger part of a quiz page's
build time. So the macro returns a one-word placeholder; this extension's postprocessor turns
it into an empty slot element at the end of the page's Markdown conversion, and the plugin's
``on_post_page`` (:meth:`QuizStash.fill`) puts the HTML into the slot in the finished page. The
output is the same; only the work is skipped. The stash is the plugin's, one per build.

Text that should be searchable (the module list) is put back by the postprocessor itself.
Site macros keep their finished HTML here too (the plugin's ``keep``), so that the page's
Markdown never parses data text a second time. The ids in HTML put back into a page are handed
to MkDocs' anchor check (:meth:`QuizStash.take_ids`), which never saw that HTML.
"""

from __future__ import annotations

import html
import itertools
import re
import secrets
from html.parser import HTMLParser

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markupsafe import Markup


class Kept(Markup):
    """The placeholder of kept HTML: a block of its own, on a line of its own in the page."""

    __slots__ = ()


class QuizStash(Extension):
    """A Markdown extension holding rendered quizzes until their page is written."""

    def __init__(self) -> None:
        super().__init__()
        self._html: dict[str, str] = {}
        self._late: set[str] = set()
        self._count = itertools.count()
        self._restored_ids: set[str] = set()
        self._toc: dict[str, list[tuple[str, str]]] = {}
        self._restored_toc: list[tuple[str, str]] = []
        # Placeholders carry a value no text can know in advance: a placeholder typed into a page
        # or a data file stays text, never takes another macro's HTML, never breaks the build.
        self._key = secrets.token_hex(6)
        self._token = re.compile(rf"(?:<p>)?QUIZKITSTASH{self._key}N(\d+)X(?:</p>)?")
        self._slot = f'<div data-quizkit-slot="{self._key}-{{}}"></div>'
        self._slot_re = re.compile(rf'<div data-quizkit-slot="{self._key}-(\d+)"></div>')

    def put(self, html: str, searchable: bool = False, toc: list[tuple[str, str]] | None = None) -> Kept:
        """Keep ``html``; return the placeholder to put in the page's Markdown (own paragraph).

        Unless ``searchable``, the HTML reaches the page only after the search plugin has
        read it, so it is not indexed. ``toc``: headings in ``html`` for the page's table of
        contents, as (id, title as HTML); the Markdown never sees them (see :meth:`take_toc`).
        """
        number = str(next(self._count))
        self._html[number] = html
        if toc:
            self._toc[number] = list(toc)
        if not searchable:
            self._late.add(number)
        return Kept(f"\n\nQUIZKITSTASH{self._key}N{number}X\n\n")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the postprocessor that swaps placeholders for HTML or slots."""
        md.postprocessors.register(_Restore(md, self), "quizkit_stash", 0)

    def restore(self, text: str) -> str:
        """Replace placeholders in ``text``: searchable HTML now, the rest by an empty slot."""

        def swap(match: re.Match[str]) -> str:
            number = match.group(1)
            if number not in self._html:
                return match.group(0)
            if number in self._late:
                # Its ids are still link targets (#vraag-<item>): found without parsing the
                # HTML, which is what the late fill saves (see _tag_ids).
                self._restored_ids |= _tag_ids(self._html[number])
                return self._slot.format(number)
            kept = str(self._html.pop(number))
            self._restored_ids |= _ids(kept)
            self._restored_toc += self._toc.pop(number, [])
            return kept

        return self._token.sub(swap, text)

    def take_toc(self) -> list[tuple[str, str]]:
        """The table-of-contents entries of the HTML put back into the page just converted."""
        entries, self._restored_toc = self._restored_toc, []
        return entries

    def take_ids(self) -> set[str]:
        """The ids in the HTML put back into the page just converted (then forgotten)."""
        ids, self._restored_ids = self._restored_ids, set()
        return ids

    def fill(self, output: str) -> str:
        """Put the kept HTML into the slots of a finished page (each is used once)."""
        if "data-quizkit-slot" not in output:
            return output

        def swap(match: re.Match[str]) -> str:
            number = match.group(1)
            if number not in self._html:
                return match.group(0)
            self._late.discard(number)
            return self._html.pop(number)

        return self._slot_re.sub(swap, output)


class _Restore(Postprocessor):
    def __init__(self, md: Markdown, stash: QuizStash):
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        return self.stash.restore(text) if "QUIZKITSTASH" in text else text


_ID_ATTRIBUTE = re.compile(r' id="([^"<>]*)"')


def _tag_ids(html_text: str) -> set[str]:
    """The ids in HTML the engine wrote, without parsing it (a fifth of the CPU of a pattern per tag).

    The engine's templates write every id as `` id="..."`` inside a tag, and ``<`` and ``>`` in
    texts and attribute values are always escaped: an `` id="`` is an attribute when the last
    ``<`` before it comes after the last ``>``.
    """
    found = set()
    for match in _ID_ATTRIBUTE.finditer(html_text):
        at = match.start()
        if html_text.rfind("<", 0, at) > html_text.rfind(">", 0, at):
            found.add(html.unescape(match.group(1)))
    return found


class _IdCollector(HTMLParser):
    """Every ``id`` (and ``<a name>``) in a piece of HTML: what an in-page link can point at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids |= {v for k, v in attrs if v and (k == "id" or (k == "name" and tag == "a"))}


def _ids(html: str) -> set[str]:
    collector = _IdCollector()
    collector.feed(html)
    collector.close()
    return collector.ids
