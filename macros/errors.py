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


def at_macro_call(error: ContentError, page_path: Path, macro: str, *args: str) -> ContentError:
    """Add the line of the call ``macro("arg1", "arg2", ...)`` on the page to an error that has none."""
    if error.line is not None or not page_path.exists():
        return error
    quoted = r"\s*,\s*".join(r"['\"]" + re.escape(arg) + r"['\"]" for arg in args)
    pattern = re.compile(re.escape(macro) + r"\s*\(\s*" + quoted)
    for number, line in enumerate(page_path.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.search(line):
            return ContentError(error.path, number, error.detail, error.item_id)
    return error
