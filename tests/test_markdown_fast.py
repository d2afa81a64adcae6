"""The memoised Markdown for data texts (FastMarkdown) gives exactly what full Markdown gives.

Its short-cut for plain text (abbreviations included) and its batch conversion are checked
against the site's own Markdown set-up, for every text in the site's data and for edge cases.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers import ROOT
from macros.markdown_render import FastMarkdown, from_mkdocs_config
from macros.quiz import load_quiz_banks
from mkdocs.config import load_config

from macros.site import SiteData, load_site_data

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
    data.renderer = from_mkdocs_config(config)
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
    banks = load_quiz_banks(ROOT / "docs" / "_data" / "quiz", ROOT, site.bib)
    found = set(_strings(list(banks.modules.values())))
    found |= set(_strings(list(site.fact_lists.values())))
    found |= set(_strings([t for tables in site.tables.values() for t in tables.values()]))
    found |= set(_strings(site.glossary))
    return sorted(t for t in found if t.strip())


def test_every_data_text_and_edge_case_renders_as_full_markdown(site: SiteData) -> None:
    texts = _site_texts(site) + EDGE_CASES
    assert len(texts) > 500, "the site's data texts were not found"
    fast = FastMarkdown(site)
    for text in texts:
        assert fast.inline(text) == site.md(text), text
        assert fast.block(text) == site.md_block(text), text
    shortcut = sum(fast._plain(t) is not None for t in texts)
    with_abbr = sum(fast._plain(t) is not None and "<abbr" in fast._plain(t) for t in texts)
    print(f"{len(texts)} texts, {shortcut} by the short-cut, {with_abbr} of them with abbreviations")
    assert with_abbr > 20, "the abbreviation short-cut is not used: the test checks little"


def test_batched_conversion_gives_the_same_html(site: SiteData) -> None:
    texts = _site_texts(site) + EDGE_CASES
    fast = FastMarkdown(site)

    def render() -> str:
        return "\n".join(f"{fast.inline(t)}|{fast.block(t)}" for t in texts)

    batched = fast.batch(render)
    expected = "\n".join(f"{site.md(t)}|{site.md_block(t)}" for t in texts)
    assert batched == expected


def test_without_abbreviations_in_markdown_the_short_cut_adds_none() -> None:
    """Golden tests use Markdown without the abbr extension: then no <abbr> may appear."""
    from macros.markdown_render import MarkdownRenderer

    data = load_site_data(ROOT)
    data.renderer = MarkdownRenderer(["attr_list", "md_in_html"])
    fast = FastMarkdown(data)
    assert fast.inline("Bij ALK en SOLK") == "Bij ALK en SOLK" == data.md("Bij ALK en SOLK")
