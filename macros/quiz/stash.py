"""Keep finished quiz HTML out of the page's Markdown pass.

A quiz is already HTML when the macro returns it; Python-Markdown would still parse every
tag of it as raw HTML (the larger part of a quiz page's build time). The macro returns a
one-word placeholder instead, and this extension's postprocessor puts the HTML back at the
end of the same Markdown conversion. The output is the same; only the work is skipped.
"""

from __future__ import annotations

import itertools
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_TOKEN = re.compile(r"(?:<p>)?HALKQUIZSTASH(\d+)X(?:</p>)?")


class QuizStash(Extension):
    """A Markdown extension holding rendered quizzes until the page's conversion ends."""

    def __init__(self) -> None:
        super().__init__()
        self._html: dict[str, str] = {}
        self._count = itertools.count()

    def put(self, html: str) -> str:
        """Keep ``html``; return the placeholder to put in the page's Markdown (own paragraph)."""
        number = str(next(self._count))
        self._html[number] = html
        return f"\n\nHALKQUIZSTASH{number}X\n\n"

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the postprocessor that swaps placeholders for the kept HTML."""
        md.postprocessors.register(_Restore(md, self), "halk_quiz_stash", 0)

    def restore(self, text: str) -> str:
        """Replace every placeholder in ``text`` by its HTML (each is used once)."""
        return _TOKEN.sub(lambda m: self._html.pop(m.group(1)), text)


class _Restore(Postprocessor):
    def __init__(self, md: Markdown, stash: QuizStash):
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        return self.stash.restore(text) if "HALKQUIZSTASH" in text else text
