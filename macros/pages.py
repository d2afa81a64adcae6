"""Checks on each Markdown page's front matter."""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationError

from .content import Bibliography, SourceRef, Text
from .errors import ContentError
from .validate import Strict


class PageMeta(Strict):
    """Front matter every content page carries."""

    title: Text
    description: Text = Field(description="Meta description: one or two sentences for search engines")
    sources: list[SourceRef] = Field(min_length=1)
    hide: list[str] = Field(default_factory=list)
    search: dict[str, Any] | None = None


def check_page_meta(meta: dict[str, Any], path: str, markdown: str, bib: Bibliography) -> PageMeta:
    # ``markdown`` is the page file's full text, front matter included, for line numbers.
    """Validate ``meta``; errors name the page file (front matter starts on line 1)."""
    try:
        page = PageMeta.model_validate(meta)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        msg = {"missing": "verplicht veld ontbreekt", "extra_forbidden": "onbekend veld"}.get(err["type"], err["msg"])
        raise ContentError(path, _front_matter_line(markdown, str(err["loc"][0]) if err["loc"] else ""), f"front matter {field}: {msg}") from None
    for ref in page.sources:
        if bib.doc(ref.doc) is None:
            known = ", ".join(d.id for d in bib.documents)
            raise ContentError(path, _front_matter_line(markdown, "sources"), f"onbekend brondocument '{ref.doc}' (bekend: {known})")
    return page


def _front_matter_line(markdown: str, key: str) -> int:
    """Best-effort line of ``key:`` in the page's front matter (1 when not found)."""
    for i, line in enumerate(markdown.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1
