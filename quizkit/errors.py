"""The one error type an editor ever sees: file, line, item id and what is wrong."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def clipped(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: whole up to ``limit`` characters, else cut with "..."."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def visible(text: str) -> str:
    r"""``text`` with every invisible character written as its code (``\u200b``).

    A message is one line an editor can read: a line break, a zero-width space or a no-break
    space copied into an id or a key would otherwise be hidden in it, or split it.
    """
    return "".join(
        f"\\u{ord(c):04x}" if c != " " and unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp") else c
        for c in text
    )


class ContentError(Exception):
    """A mistake in content (YAML data or Markdown), located precisely.

    ``str(error)`` is the line an editor reads: ``file:line: [item id] message``. The MkDocs
    plugin turns these into a build error without a traceback; the command line prints them.
    """

    def __init__(self, path: str, line: int | None, message: str, item_id: str | None = None):
        self.path = str(path)
        self.line = line
        self.item_id = item_id
        self.detail = message
        super().__init__(self.text)

    @property
    def text(self) -> str:
        """``file:line: [item id] message``."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        item = f" [item {self.item_id}]" if self.item_id else ""
        return visible(f"{where}:{item} {self.detail}")


class ContentErrorList(ContentError):  # noqa: N818 - a list of ContentError
    """Several content errors at once: every problem found, each on its own line, once."""

    def __init__(self, errors: Iterable[ContentError]):
        unique: dict[str, ContentError] = {}
        self.errors: list[ContentError]
        for error in errors:
            for one in error.errors if isinstance(error, ContentErrorList) else [error]:
                unique.setdefault(one.text, one)
        self.errors = list(unique.values())
        first = self.errors[0] if self.errors else ContentError("", None, "")
        super().__init__(first.path, first.line, first.detail, first.item_id)

    @property
    def text(self) -> str:
        """One line per problem."""
        return "\n".join(error.text for error in getattr(self, "errors", []))


def raise_all(errors: list[ContentError]) -> None:
    """Raise every error in ``errors`` at once (one alone as itself); nothing when empty."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrorList(errors)
