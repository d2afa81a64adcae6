"""Pocket cards ("zakkaarten"): one printable card per fact list, from the same YAML as the pages.

A card shows every item of ``docs/_data/lijsten/<id>.yml`` and cites the list's source in full
(title, authors, where), because a printed card has no link to the sources page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .content import SourceRef
from .facts import find_fact_list

if TYPE_CHECKING:
    from .site import SiteData


def full_citation(site: SiteData, ref: SourceRef) -> Markup:
    """``Title (authors, date), where``: readable on paper without the sources page."""
    doc = site.bib.doc(ref.doc)
    assert doc is not None, "source references are checked at load time"
    who = f"{doc.authors}, {doc.date}" if doc.date else doc.authors
    return Markup("<cite>{}</cite> ({}), {}").format(doc.title, who, escape(ref.where))


def pocket_card(site: SiteData, list_id: str, title: str | None = None) -> tuple[str, tuple[str, str]]:
    """HTML for one pocket card showing every item of the fact list ``list_id``.

    With it, the card's entry for the page's table of contents: (heading id, title as HTML).
    """
    facts = find_fact_list(site.fact_lists, list_id)
    item_sources = list(dict.fromkeys(full_citation(site, item.source) for item in facts.items if item.source))
    heading = title or facts.title
    html = site.render(
        "pocket_card.html",
        facts=facts,
        title=heading,
        source=full_citation(site, facts.source),
        item_sources=item_sources,
    )
    return html, (f"kaart-{facts.id}-titel", str(escape(site.plain(heading))))
