"""Checks on each Markdown page's front matter, with the page file and line in every error."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

from quizkit.base import footnotes_written, no_site_link
from quizkit.errors import ContentError
from quizkit.validate import Strict, validate
from quizkit.yamlload import load_yaml_text

from .content import Bibliography, SourceRef, check_source

_UNCLOSED = (
    "de front matter die hier begint, wordt niet afgesloten: zet onder de laatste regel van de velden een "
    "regel met alleen '---'"
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Front matter opened and not closed: '---', then a line that starts as a field ("title:").
_OPENED = re.compile(r"---[ \t]*\n[ \t]*[A-Za-z_][\w-]*[ \t]*:")


# Title and description are plain text (the theme escapes them): "<" shows as typed, so no
# HTML check, but a link or footnote in them is refused as in any text from YAML.
PlainText = Annotated[
    str, StringConstraints(min_length=1), AfterValidator(no_site_link), AfterValidator(footnotes_written)
]


class PageMeta(Strict):
    """Front matter every content page carries."""

    title: PlainText
    description: PlainText = Field(description="Meta description: one or two sentences for search engines")
    sources: list[SourceRef] = Field(min_length=1)
    hide: list[str] = Field(default_factory=list)
    search: dict[str, Any] | None = None


def check_page_meta(source_text: str, path: str, bib: Bibliography | None) -> PageMeta:
    """Parse and validate the front matter of a page file (``source_text`` is the whole file).

    MkDocs silently drops front matter that is not valid YAML; this parses it again so that
    a stray colon is reported at its line instead of as a missing title.
    """
    match = _FRONT_MATTER.match(source_text)
    if not match:
        if _OPENED.match(source_text):  # opened, never closed: MkDocs shows it as text
            raise ContentError(path, 1, _UNCLOSED)
        raise ContentError(path, 1, "de pagina begint niet met front matter (--- title, description, sources ---)")
    loaded = load_yaml_text(match.group(1) or "", path, line_offset=1)  # the opening '---' is line 1
    if not isinstance(loaded.data, dict):
        raise ContentError(path, 2, "front matter moet bestaan uit velden als title, description en sources")
    page = validate(PageMeta, loaded)
    for i, ref in enumerate(page.sources):
        check_source(ref, bib, path, loaded.line_of(("sources", i, "doc")), None)
    return page
