"""Keep finished quiz HTML out of the page's Markdown pass and out of the search plugin.

A quiz is already HTML when the macro returns it. Python-Markdown would still parse every tag
of it as raw HTML, and Material's search plugin would parse it again only to leave it out of
the index (items carry ``data-search-exclude``): together the larger part of a quiz page's
build time. So the macro returns a one-word placeholder; this extension's postprocessor turns
it into an empty slot element at the end of the page's Markdown conversion, and the plugin's
``on_post_page`` (:meth:`QuizStash.fill`) puts the HTML into the slot in the finished page. The
output is the same; only the work is skipped. The stash is the plugin's, one per build.

Text that should be searchable (the module list) is put back by the postprocessor itself.
"""

from __future__ import annotations

import itertools
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_TOKEN = re.compile(r"(?:<p>)?QUIZKITSTASH(\d+)X(?:</p>)?")
_SLOT = '<div data-quizkit-slot="{}"></div>'
_SLOT_RE = re.compile(r'<div data-quizkit-slot="(\d+)"></div>')


class QuizStash(Extension):
    """A Markdown extension holding rendered quizzes until their page is written."""

    def __init__(self) -> None:
        super().__init__()
        self._html: dict[str, str] = {}
        self._late: set[str] = set()
        self._count = itertools.count()

    def put(self, html: str, searchable: bool = False) -> str:
        """Keep ``html``; return the placeholder to put in the page's Markdown (own paragraph).

        Unless ``searchable``, the HTML reaches the page only after the search plugin has
        read it, so it is not indexed.
        """
        number = str(next(self._count))
        self._html[number] = html
        if not searchable:
            self._late.add(number)
        return f"\n\nQUIZKITSTASH{number}X\n\n"

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the postprocessor that swaps placeholders for HTML or slots."""
        md.postprocessors.register(_Restore(md, self), "quizkit_stash", 0)

    def restore(self, text: str) -> str:
        """Replace placeholders in ``text``: searchable HTML now, the rest by an empty slot."""

        def swap(match: re.Match[str]) -> str:
            number = match.group(1)
            return _SLOT.format(number) if number in self._late else str(self._html.pop(number))

        return _TOKEN.sub(swap, text)

    def fill(self, output: str) -> str:
        """Put the kept HTML into the slots of a finished page (each is used once)."""
        if "data-quizkit-slot" not in output:
            return output

        def swap(match: re.Match[str]) -> str:
            number = match.group(1)
            self._late.discard(number)
            return self._html.pop(number)

        return _SLOT_RE.sub(swap, output)


class _Restore(Postprocessor):
    def __init__(self, md: Markdown, stash: QuizStash):
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        return self.stash.restore(text) if "QUIZKITSTASH" in text else text
