"""Data texts are converted each on their own, and the plain-text short-cut is fail-safe (F4).

Footnotes and link reference definitions are global to a Markdown document: if texts were
converted together, one text's definitions would reach another. And the short-cut that skips
Markdown for plain sentences is only right for extensions known to leave plain text alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import build, copy_project

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


def _add_footnote(path: Path, sentence: str, note: str) -> None:
    """Give the folded YAML text that ends with ``sentence`` (once in ``path``) a footnote."""
    text = path.read_text(encoding="utf-8")
    assert text.count(sentence + "\n") == 1, sentence
    path.write_text(text.replace(sentence + "\n", f"{sentence}[^1]\n\n      [^1]: {note}\n"), encoding="utf-8")


PROBE_HOOK = """\
# The test's look inside the build (tests/test_markdown_isolation.py): one converter or two.
from pathlib import Path


def on_post_build(config, **_):
    site = config.plugins["macros"].variables["site_data"]
    shared = site.markdown is config.plugins["quizkit"].markdown
    (Path(config.site_dir) / "one-converter.txt").write_text(str(shared), encoding="utf-8")
"""


def test_site_data_and_quizzes_on_one_page_give_their_footnotes_ids_of_their_own(tmp_path: Path) -> None:
    """A fact list (the site's macros) and a quiz (the engine) on one page, each with a footnote.

    Both are data texts. Each converter numbers its texts' footnotes from 1 (fn:1-1, fn:2-1...),
    so with a converter each, a site text and a quiz text could get the same ids, and both back
    links would jump to the first. The site's macros use the engine's converter. Whether two
    converters would collide on this page depends on how many texts each converted before
    (here they would not), so a hook of the test's own reports from inside the build that
    there is one. The build refuses a page with an id twice (hooks/linkmessages.py); the
    page's footnote ids and links are checked too.
    """
    project = copy_project(tmp_path / "project")
    data = project / "docs" / "_data"
    _add_footnote(data / "lijsten" / "modi.yml", "sprake is van een ernstige ziekte.", "Noot bij de lijst.")
    _add_footnote(data / "quiz" / "mentaliseren.yml", "begrijpen hoe die je gedrag beïnvloeden.", "Noot bij de vraag.")
    page = project / "docs" / "leermodules" / "mentaliseren.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ fact_list("modi") }}\n', encoding="utf-8")
    (project / "hooks" / "probe.py").write_text(PROBE_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\nhooks:\n") == 1
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/probe.py\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert (site / "one-converter.txt").read_text(encoding="utf-8") == "True"
    html = (site / "leermodules" / "mentaliseren" / "index.html").read_text(encoding="utf-8")
    assert "Noot bij de lijst." in html and "Noot bij de vraag." in html
    ids = re.findall(r'id="(fn(?:ref)?:[^"]+)"', html)
    assert len(ids) == 4, ids  # each footnote's reference and note
    assert len(set(ids)) == 4, ids
    assert set(re.findall(r'href="#(fn(?:ref)?:[^"]+)"', html)) == set(ids)
