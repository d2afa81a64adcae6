"""The one error type an editor ever sees: file, line, item id and what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError


class ContentError(PluginError):
    """A mistake in the site's content (YAML data or Markdown), located precisely.

    MkDocs prints a ``PluginError`` as a single clean line and aborts the build
    with a non-zero exit code, so nothing half-built is published.
    """

    def __init__(self, path: str, line: int | None, message: str, item_id: str | None = None):
        self.path = str(path)
        self.line = line
        self.item_id = item_id
        self.detail = message
        where = self.path if line is None else f"{self.path}:{line}"
        item = f" [item {item_id}]" if item_id else ""
        super().__init__(f"{where}:{item} {message}")


class MacroContentError(ContentError):
    """A :class:`ContentError` raised from a macro call on a page.

    mkdocs-macros 1.5 puts the error's text into a ``%``-format string; a message with a
    percentage in it ("12,8 %") would break that and hide the real message. Doubling ``%``
    makes it come out as written.
    """

    def __str__(self) -> str:
        return super().__str__().replace("%", "%%")


def at_macro_call(error: ContentError, page_path: Path, macro: str, *args: str) -> ContentError:
    """The error for a failed macro call, with the line of ``macro("arg1", "arg2", ...)`` added when missing."""
    if error.line is not None or not page_path.exists():
        return MacroContentError(error.path, error.line, error.detail, error.item_id)
    quoted = r"\s*,\s*".join(r"['\"]" + re.escape(arg) + r"['\"]" for arg in args)
    pattern = re.compile(re.escape(macro) + r"\s*\(\s*" + quoted)
    for number, line in enumerate(page_path.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.search(line):
            return MacroContentError(error.path, number, error.detail, error.item_id)
    return MacroContentError(error.path, error.line, error.detail, error.item_id)
