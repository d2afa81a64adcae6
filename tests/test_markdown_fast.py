"""The memoised Markdown for data texts (FastMarkdown) gives exactly what full Markdown gives.

Its short-cut for plain text (abbreviations included) is checked against the site's own
Markdown set-up, for every text in the site's data and for edge cases; each text is converted
on its own, so footnotes and link references never cross from one text to another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import ROOT
from mkdocs.config import load_config

from macros.content import BibliographyCitations
from macros.site import SiteData, load_site_data
from quizkit.bank import load_quiz_banks
from quizkit.markdown import FastMarkdown, MarkdownRenderer

EDGE_CASES = [
    "",
    "abc\t",
    "ALK\tALK",
    "ALK",
    "ALK.",
    "(ALK)",
    "ALKs en HALK",
    "de ALK-zorg",
    "POH-GGZ of GGZ of GGz",
    "Bij ALK, SOLK en NALK: drie namen",
    '"ALK" tussen aanhalingstekens',
    "3 maanden",
    "3. punt",
    "- een lijst",
    "Jan & Piet",
    "a < b",
    "Tekst met *nadruk* en ALK",
    "Tekst met **vet**",
    "Een [link](https://example.org)",
    "Regel een\nregel twee",
    "Vraag?",
    "? vraagteken vooraan",
    ": dubbelepunt vooraan",
    "Een # hekje",
]


@pytest.fixture(scope="module")
def site() -> SiteData:
    """Site data with the Markdown set-up of a real build (abbreviations from the glossary)."""
    data = load_site_data(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config["mdx_configs"].setdefault("abbr", {})["glossary"] = data.glossary.as_abbr_glossary()
    data.set_markdown(FastMarkdown(MarkdownRenderer(config["markdown_extensions"], config["mdx_configs"])))
    return data


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
    elif hasattr(value, "model_dump"):
        yield from _strings(value.model_dump())


def _site_texts(site: SiteData) -> list[str]:
    banks = load_quiz_banks(ROOT / "docs" / "_data" / "quiz", ROOT, BibliographyCitations(site.bib))
    found = set(_strings(list(banks.modules.values())))
    found |= set(_strings(list(site.fact_lists.values())))
    found |= set(_strings([t for tables in site.tables.values() for t in tables.values()]))
    found |= set(_strings(site.glossary))
    return sorted(t for t in found if t.strip())


def test_every_data_text_and_edge_case_renders_as_full_markdown(site: SiteData) -> None:
    texts = _site_texts(site) + EDGE_CASES
    assert len(texts) > 500, "the site's data texts were not found"
    full = site.renderer
    fast = FastMarkdown(full)
    assert fast.shortcut, "an extension outside the allow-list turned the short-cut off: the test checks little"
    for text in texts:
        assert fast.inline(text) == full.inline(text), text
        assert fast.block(text) == full.block(text), text
    shortcut = sum(fast._plain(t) is not None for t in texts)
    with_abbr = sum(fast._plain(t) is not None and "<abbr" in fast._plain(t) for t in texts)
    print(f"{len(texts)} texts, {shortcut} by the short-cut, {with_abbr} of them with abbreviations")
    assert with_abbr > 20, "the abbreviation short-cut is not used: the test checks little"


def test_the_short_cut_is_on_with_the_sites_extensions(site: SiteData) -> None:
    """Every extension the site lists leaves plain sentences alone (the test above proves it)."""
    assert FastMarkdown(site.renderer).shortcut


def test_footnotes_and_link_references_stay_in_their_own_text(site: SiteData) -> None:
    """Each text is converted on its own: nothing defined in one text shows up in the next."""
    fast = FastMarkdown(site.renderer)
    first = fast.block("Een bewering.[^1]\n\n[^1]: De voetnoot.\n\n[bron]: https://example.org/een")
    assert "De voetnoot." in first and "footnote" in first
    second = fast.block("Nog een tekst met [bron] en [^1].")
    assert "De voetnoot." not in second and "footnote" not in second
    assert "example.org" not in second and "[bron]" in second
    assert fast.inline("Alleen [bron].") == "Alleen [bron]."
    # In the page's order, and again from the memo: the same HTML as each text alone.
    assert fast.block("Nog een tekst met [bron] en [^1].") == site.renderer.block("Nog een tekst met [bron] en [^1].")


@pytest.mark.parametrize("name", ["abbr", "markdown.extensions.abbr"])
def test_the_short_cut_keeps_abbreviations_whichever_name_configures_them(name: str) -> None:
    """A site may list the extension by its long name: the glossary is still the short-cut's."""
    renderer = MarkdownRenderer([name], {name: {"glossary": {"ALK": "aanhoudende lichamelijke klachten"}}})
    fast = FastMarkdown(renderer)
    assert fast.shortcut
    expected = 'Wat is <abbr title="aanhoudende lichamelijke klachten">ALK</abbr>?'
    assert fast.inline("Wat is ALK?") == renderer.inline("Wat is ALK?") == expected


def test_without_abbreviations_in_markdown_the_short_cut_adds_none() -> None:
    """Golden tests use Markdown without the abbr extension: then no <abbr> may appear."""
    renderer = MarkdownRenderer(["attr_list", "md_in_html"])
    fast = FastMarkdown(renderer)
    assert fast.inline("Bij ALK en SOLK") == "Bij ALK en SOLK" == renderer.inline("Bij ALK en SOLK")


def test_a_stacked_tables_cell_labels_are_its_headings_as_read(site: SiteData) -> None:
    # On a phone a table of 4+ columns (or 3 of prose) stacks, each cell showing its heading (data-label): the
    # heading's text, not its Markdown ("**Duur**" or a link would show as source).
    table = next(t for tables in site.tables.values() for t in tables.values() if len(t.columns) >= 4)
    columns = ["**Vet**", "[Link](https://example.org)", "*Schuin* en `code`", *table.columns[3:]]
    html = site.render("table.html", table=table.model_copy(update={"columns": columns}), cite=lambda ref: "")
    labels = re.findall(r'data-label="([^"]*)"', html)
    assert {"Link", "Schuin en code"} <= set(labels), labels  # the first column heads the rows (th)
    assert not [label for label in labels if set(label) & set("*[]`")], labels
