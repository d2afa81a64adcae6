"""The one error type an editor ever sees: file, line, item id and what is wrong."""

from __future__ import annotations

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
