"""Citations: how an item's ``source`` is checked and shown. The site provides them.

A site with a bibliography checks that every source names a known document and links the
citation to its sources page; a site without one uses :class:`PlainCitations`. The MkDocs
plugin's ``citations`` option names a function ``(project root) -> Citations``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from markupsafe import Markup, escape

from .base import SourceRef
from .site import site_value


class Citations(Protocol):
    """What the engine asks a site about sources."""

    def check(self, ref: SourceRef) -> str | None:
        """An error message when ``ref`` names no known document, else ``None``."""

    def cite(self, ref: SourceRef, sources_url: str) -> Markup:
        """The citation under an item; ``sources_url`` is the relative link to the sources page."""

    def documents(self, doc_ids: list[str]) -> list[tuple[str, Markup]]:
        """(id, description as HTML) of each document, for the foot of a SCORM package."""


class PlainCitations:
    """Citations for a site without a bibliography: the source as written, no link."""

    def check(self, ref: SourceRef) -> str | None:
        """Any document id is accepted (the model allows lower-case letters, digits and hyphens)."""
        return None

    def cite(self, ref: SourceRef, sources_url: str) -> Markup:
        """``doc, where`` as plain text."""
        return Markup(f"{escape(ref.doc)}, {escape(ref.where)}")

    def documents(self, doc_ids: list[str]) -> list[tuple[str, Markup]]:
        """Each document by its name only."""
        return [(doc_id, escape(doc_id)) for doc_id in doc_ids]


def load_citations(spec: str | None, root: Path) -> Citations:
    """The site's citations from ``module:function`` (called with the project folder).

    Without ``spec``: :class:`PlainCitations`. A module or function that is not there is a
    ``ValueError`` naming ``spec``.
    """
    if not spec:
        return PlainCitations()
    return site_value(spec, "citations", root)
