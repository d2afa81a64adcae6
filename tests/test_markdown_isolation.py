"""Data texts are converted each on their own, and the plain-text short-cut is fail-safe (F4).

Footnotes and link reference definitions are global to a Markdown document: if texts were
converted together, one text's definitions would reach another. And the short-cut that skips
Markdown for plain sentences is only right for extensions known to leave plain text alone.
"""

from __future__ import annotations

import re

import pytest

from quizkit.markdown import FastMarkdown, MarkdownRenderer

SITE_EXTENSIONS = ["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]


@pytest.fixture
def fast() -> FastMarkdown:
    return FastMarkdown(MarkdownRenderer(SITE_EXTENSIONS, {"abbr": {"glossary": {"ALK": "aanhoudende klachten"}}}))


def test_reference_links_do_not_cross_texts(fast: FastMarkdown):
    first = fast.block("Zie de [richtlijn][nhg].")
    second = fast.block("Tekst.\n\n[nhg]: https://example.org")
    assert "<a " not in first, "a reference defined in another text linked this one"
    assert "[richtlijn][nhg]" in first
    assert "example.org" not in second  # a definition is not shown as text


def test_footnotes_stay_with_their_text(fast: FastMarkdown):
    one = fast.block("Eerste bewering.[^1]\n\n[^1]: Bron van de eerste.")
    two = fast.block("Tweede bewering.[^1]\n\n[^1]: Bron van de tweede.")
    assert "Bron van de eerste" in one and "Bron van de tweede" not in one
    assert "Bron van de tweede" in two and "Bron van de eerste" not in two
    # Two texts on one page (two explanations): their footnotes' ids, and so their links, differ.
    ids = [re.findall(r'id="([^"]+)"', html) for html in (one, two)]
    assert len(ids[0]) == len(ids[1]) == 2, ids  # the reference and the note
    assert not set(ids[0]) & set(ids[1]), ids
    for html in (one, two):
        assert {f"#{i}" for i in re.findall(r'id="([^"]+)"', html)} == set(re.findall(r'href="(#[^"]+)"', html))
    # The same footnoted feedback under two questions of one page: ids of its own each time.
    again = fast.block("Eerste bewering.[^1]\n\n[^1]: Bron van de eerste.")
    assert not set(re.findall(r'id="([^"]+)"', again)) & set(ids[0]), again


def test_shortcut_matches_full_markdown_for_plain_sentences(fast: FastMarkdown):
    assert fast.shortcut
    full = MarkdownRenderer(SITE_EXTENSIONS, {"abbr": {"glossary": {"ALK": "aanhoudende klachten"}}})
    for text in ("Een gewone zin over ALK en de huisarts", "3 maanden klachten", "Wat doet u nu"):
        assert fast.inline(text) == full.inline(text)
        assert fast.block(text) == full.block(text)


@pytest.mark.parametrize(
    ("extension", "text"),
    [
        ("pymdownx.magiclink", "Zie https://nalk.info voor meer"),
        ("pymdownx.smartsymbols", "Copyright (c) 2026 en 1/2"),
        ("pymdownx.emoji", "Blij :smile: hier"),
        ("smarty", "Hij zei 'ja' -- toen"),
    ],
)
def test_an_extension_outside_the_allow_list_turns_the_shortcut_off(extension: str, text: str):
    renderer = MarkdownRenderer(["abbr", extension])
    fast = FastMarkdown(renderer)
    assert not fast.shortcut
    assert fast.inline(text) == renderer.inline(text)
    assert fast.inline(text) != text, f"{extension} should change {text!r}; the test would prove nothing"


def test_raw_html_in_data_text_is_escaped(fast: FastMarkdown):
    html = fast.block('Tekst <script>alert(1)</script> en <b onclick="x()">vet</b>')
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;" in html


def test_the_sites_own_configuration_keeps_the_shortcut():
    """MkDocs adds toc, tables and fenced_code by itself; none of them may turn the short-cut off."""
    from helpers import ROOT
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert FastMarkdown(MarkdownRenderer(config.markdown_extensions, config.mdx_configs)).shortcut
