"""The quizkit stash: finished HTML passes the page's Markdown untouched, and only its own does.

A placeholder is a word in the page until the Markdown is converted; one that a page or a data
file happens to contain (typed, pasted, or guessed) must stay text, never take another macro's
HTML and never stop the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from helpers import assert_clean_failure, build, copy_project

from quizkit.plugin.stash import QuizStash


def _convert(stash: QuizStash, source: str) -> str:
    return markdown.Markdown(extensions=["md_in_html", "attr_list", stash]).convert(source)


def test_kept_html_is_not_parsed_again_even_in_a_markdown_block() -> None:
    stash = QuizStash()
    token = stash.put('<h2 id="kaart">Titel {: onclick="x" }</h2>', searchable=True)
    html = _convert(stash, f'<div class="kaarten" markdown>\n{token}\n</div>\n')
    assert '<h2 id="kaart">Titel {: onclick="x" }</h2>' in html
    assert "onclick=" not in html.replace('{: onclick="x" }', "")
    assert stash.take_ids() == {"kaart"}
    assert stash.take_ids() == set()  # taken once


def test_a_placeholder_typed_into_a_text_stays_text() -> None:
    stash = QuizStash()
    real = stash.put("<p>geheim</p>", searchable=True)
    number = re.search(r"N(\d+)X", real).group(1)
    typed = f"Zie QUIZKITSTASH{number}X en QUIZKITSTASH0N{number}X."
    html = _convert(stash, typed + "\n" + str(real))
    assert html.count("geheim") == 1
    assert f"QUIZKITSTASH{number}X" in html
    late = QuizStash()
    slot_source = late.put("<p>later</p>")
    converted = _convert(late, '<div data-quizkit-slot="0"></div>\n' + str(slot_source))
    filled = late.fill(converted)
    assert filled.count("later") == 1
    assert '<div data-quizkit-slot="0"></div>' in filled


def test_a_placeholder_in_data_builds_as_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    bib = project / "docs" / "_data" / "bronnen.yml"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text.replace("    short: Profielschets (2024)", "    short: Profielschets QUIZKITSTASH1X", 1))
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert_clean_failure(output)
    # The short name is in every citation of that document, quizzes and answer keys among them.
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert sum("Profielschets QUIZKITSTASH1X" in page for page in pages) >= 3


def test_a_block_macro_inside_an_admonition_or_a_sentence_is_a_clear_mistake(tmp_path: Path) -> None:
    """Its placeholder would end the admonition (the rest turning into code): one line, at the call."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "alk.md"
    lines = page.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines += ["", '!!! note "Tabel"', "", '    {{ table("alk", "duur") }}', "", 'Zie {{ fact_list("modi") }} hier.']
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert_clean_failure(output)
    where = len(lines) - 2
    assert (
        f"docs/alk.md:{where}: table: zet deze macro aan het begin van een eigen regel, niet ingesprongen en niet in "
        "een zin" in output
    ), output[-2000:]
    assert f"docs/alk.md:{len(lines)}: fact_list: zet deze macro aan het begin" in output, output[-2000:]


def test_ids_of_late_html_are_found_in_tags_only() -> None:
    """The ids handed to MkDocs' anchor check for HTML filled in after it read the page."""
    from quizkit.plugin.stash import _tag_ids

    html = (
        '<article class="qk-quiz-item" id="vraag-een" data-quiz-item="een">'
        '<p>Zeg niet id="nep" tegen de patiënt</p>'
        '<input type="radio" name="a" id="a-&amp;-b"></article>'
    )
    assert _tag_ids(html) == {"vraag-een", "a-&-b"}
