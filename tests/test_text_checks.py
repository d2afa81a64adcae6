"""Texts in data files that the page would not show as written are refused when they load.

Each was an editor's journey in which ``make check`` said "in orde" while the page was wrong: a
list right under a sentence (merged into it), an image (dropped), a macro (shown as typed) and
Markdown in an abbreviation's expansion (shown as typed in its tooltip).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
import pytest
from helpers import ROOT
from mkdocs.config import load_config

from macros.content import Glossary
from macros.tables import TableFile
from quizkit.base import data_text, lists_apart, merged_lists
from quizkit.errors import ContentError
from quizkit.markdown import MarkdownRenderer
from quizkit.validate import validate
from quizkit.yamlload import load_yaml_text

# Texts of more than one line, each with or without a list that Markdown would merge into the
# sentence above it (also inside a quotation, an admonition, a footnote, a definition or a list
# item's paragraph). Which is which is not written here: the site's own Markdown decides.
LIST_TEXTS = [
    "Let op:\n- koorts\n- gewichtsverlies",
    "Let op:\n\n- koorts\n- gewichtsverlies",
    "Twee stappen:\n1. eerst dit\n2. dan dat",
    "Twee stappen:\n\n1. eerst dit\n2. dan dat",
    "Een zin\ndie doorloopt.\n* en een ster",
    "Een zin\ndie doorloopt.\n+ en een plus",
    "- een punt\n  dat doorloopt\n- nog een punt",
    "- een punt\ndat lui doorloopt\n- nog een punt",
    "## Kop\n- direct een lijst",
    "Tekst.\n\n```\ncode:\n- geen lijst\n```",
    "Tekst:\n```\n- in code\n```",
    "Tekst:\n~~~\n- in code\n~~~",
    "Tekst met `code\n- in een codespan`?",
    "Tabel:\n\n| a | b |\n|---|---|\n| - x | y |",
    "| a | b |\n|---|---|\n| x | y |\n\nLet op:\n- a",
    "Een regel\n- - -\nen verder",
    "Kop\n===\n- een lijst",
    "Het jaar\n2024. Daarna kwam de handreiking.",
    "    ingesprongen code\n- een lijst",
    "    code\nLet op:\n- een lijst",
    "Tekst\n\n    code:\n    - geen lijst",
    "Alinea.\n\n!!! note\n    Tekst:\n\n    - in een blok",
    "!!! note\n    Let op:\n    - koorts\n    - pijn",
    '??? info "Meer"\n    Let op:\n    - koorts',
    "> Let op:\n> - koorts",
    "> Let op:\n- koorts",
    "- een punt\n\n    vervolg\n- nog een punt",
    "- een punt\n\n    vervolg\n\n- nog een punt",
    "<div markdown>\nLet op:\n- koorts\n</div>",
    "<!-- opmerking -->\nLet op:\n- koorts",
    "Kies ja | nee:\n- koorts",
    "Zie[^1].\n\n[^1]: Let op:\n    - koorts",
    "Term\n: definitie\n- koorts",
    "- Let op:\n  - koorts\n  - pijn",
    "1. een\n2. twee\nmeer\n3. drie",
]
# A list item Markdown put inside a paragraph, a definition or an item: a line of it starts
# with a list marker (a number of one or two digits, as merged_lists counts them).
_MERGED = re.compile(r"<(p|dd|li)>(?:(?!</\1>).)*\n[ ]{0,3}(?:[*+-]|\d{1,2}\.)[ \t]", re.DOTALL)


@pytest.fixture(scope="module")
def site_markdown() -> MarkdownRenderer:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return MarkdownRenderer(config["markdown_extensions"], config["mdx_configs"])


@pytest.fixture(scope="module")
def page_markdown() -> Callable[[str], str]:
    """A page's Markdown: the site's extensions with raw HTML, as MkDocs converts a page."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda text: markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    ).convert(text)


@pytest.mark.parametrize("text", LIST_TEXTS)
def test_a_list_is_refused_exactly_where_markdown_merges_it(
    site_markdown: MarkdownRenderer, page_markdown: Callable[[str], str], text: str
) -> None:
    """In a data text (lists_apart) and on a page (merged_lists), as the site's Markdown renders each."""
    in_data, on_page = bool(_MERGED.search(str(site_markdown.block(text)))), bool(_MERGED.search(page_markdown(text)))
    assert bool(list(merged_lists(text))) == in_data == on_page
    if in_data:
        with pytest.raises(ValueError, match="staat direct onder een zin, zonder witregel ertussen"):
            lists_apart(text)
    else:
        assert lists_apart(text) == text


def test_the_list_texts_hold_both_kinds(site_markdown: MarkdownRenderer) -> None:
    """The corpus has texts that merge and texts that do not (else the test above proves little)."""
    merged = [bool(_MERGED.search(str(site_markdown.block(text)))) for text in LIST_TEXTS]
    assert merged.count(True) >= 15 and merged.count(False) >= 12, merged


TABLE = "tables:\n  - id: t\n    caption: c\n    source: {doc: d, where: w}\n    columns: [a]\n    rows: [[x]]\n"


def _note(text: str) -> ContentError:
    block = "".join(f"      {line}\n" if line else "\n" for line in text.split("\n"))
    with pytest.raises(ContentError) as exc:
        validate(TableFile, load_yaml_text(f"{TABLE}    note: |-\n{block}", "t.yml"))
    return exc.value


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Zie het schema:\n\n![schema](https://example.org/s.png)", "afbeelding '![schema]...': in tekst uit YAML"),
        ("Zie ![schema][s].\n\n[s]: https://example.org/s.png", "afbeelding '![schema]...': in tekst uit YAML"),
        ("Zie ![lokaal](../assets/s.png).", "afbeelding '![lokaal]...'"),
        # A shortcut reference, brackets in the text, a text over two lines: images all the same.
        ("Zie ![schema].\n\n[schema]: https://example.org/s.png", "afbeelding '![schema]...'"),
        ("Zie ![een [mooi] schema](s.png).", "afbeelding '![een [mooi]...'"),
        ("Zie ![een\nschema](https://example.org/s.png).", "afbeelding '![een...'"),
        (
            'Zie {{ bron("profielschets") }} voor meer.',
            "'{{ bron(\"profielschets\") }}': macro's en andere sjablooncode",
        ),
        ("{% if x %}ja{% endif %}", "'{% if x %}': macro's"),
        ("Zie hieronder:\n- een\n- twee", "de lijst die begint met '- een' staat direct onder een zin"),
    ],
)
def test_an_image_a_macro_or_a_merged_list_is_refused_at_its_line(text: str, said: str) -> None:
    error = _note(text)
    assert error.line == 7, error.text
    assert error.detail.startswith(f"tables[0].note: {said}"), error.text


@pytest.mark.parametrize(
    "text",
    [
        'In code: `![x](y.png)` en `{{ quiz("x") }}`.',
        "Een uitroep is geen afbeelding, \\![x](y) ook niet: de '\\' houdt het tekst.",
        'Code:\n\n~~~\n{{ quiz("x") }} en ![x](y) en <br>\n~~~',
        "Een id als {#anker} is geen sjablooncode; hier staat het als tekst.",
        "Accolades { en } los, en {x} ook.",
        "Zie hieronder:\n\n- een\n- twee",
        # Escaped as the message advises: a line that starts with a dash, in the sentence.
        "Een zin\n\\- met een streepje ervoor",
    ],
)
def test_the_same_characters_as_text_or_code_are_let_be(text: str) -> None:
    assert data_text(text) == text


GLOSSARY = "terms:\n  - abbr: ALK\n    expansion: {}\n    source: {{doc: profielschets, where: h1}}\n"


@pytest.mark.parametrize(
    ("expansion", "shown"),
    [
        ("Aanhoudende *lichamelijke* klachten", "*"),
        ("Aanhoudende **lichamelijke** klachten", "*"),
        ("Aanhoudende _lichamelijke_ klachten", "_l"),
        ("'Aanhoudende `lichamelijke` klachten'", "`"),
        ("'[Aanhoudende](https://nalk.nl) klachten'", "[Aanhoudende]("),
    ],
)
def test_markdown_in_an_expansion_is_refused_with_the_term(expansion: str, shown: str) -> None:
    """The tooltip shows the expansion as typed, the glossary page as Markdown: two different texts."""
    with pytest.raises(ContentError) as exc:
        validate(Glossary, load_yaml_text(GLOSSARY.format(expansion), "woordenlijst.yml"))
    assert exc.value.line == 3 and exc.value.item_id == "ALK", exc.value.text
    assert exc.value.detail.startswith(f"terms[0].expansion: opmaak '{shown}' in de uitschrijving"), exc.value.text


def test_a_plain_expansion_loads() -> None:
    glossary = validate(Glossary, load_yaml_text(GLOSSARY.format("Aanhoudende lichamelijke klachten (2024)"), "w.yml"))
    assert glossary.as_abbr_glossary() == {"ALK": "Aanhoudende lichamelijke klachten (2024)"}


BANK = """\
module:
  id: m
  title: M
  description: D.
  version: 1
  minutes: 5
  pass_mark: 70
  objectives: [iets]
items:
  - id: m-stellingen
    type: truefalse
    stem: Klopt het?
    source: {{doc: d, where: w}}
    statements:
      - {{text: Een, answer: true, feedback: "{first}"}}
      - {{text: Twee, answer: false, feedback: Want zo staat het er.}}
  - id: m-casus
    type: case
    stem: Een casus.
    source: {{doc: d, where: w}}
    stages:
      - id: een
        text: Eerst.
        question: {{type: truefalse, stem: Klopt het, statements: [{{text: Drie, answer: false, feedback: "{second}"}}]}}
"""


def _renderer_problems(tmp_path, first: str, second: str, locale: str = "nl", bank: str | None = None) -> list[str]:
    from quizkit.bank import load_quiz_banks
    from quizkit.errors import ContentErrorList
    from quizkit.render import QuizRenderer, Strings

    (tmp_path / "quiz").mkdir(exist_ok=True)
    text = bank if bank is not None else BANK.format(first=first, second=second)
    (tmp_path / "quiz" / "m.yml").write_text(text, encoding="utf-8")
    banks = load_quiz_banks(tmp_path / "quiz", tmp_path)
    try:
        QuizRenderer(banks, strings=Strings(locale))
    except ContentErrorList as exc:
        return [str(e) for e in exc.errors]
    except ContentError as exc:
        return [str(exc)]
    return []


def test_feedback_that_repeats_the_verdict_before_it_is_refused_at_its_item(tmp_path) -> None:
    """A learner read "Het juiste antwoord: Juist. Juist. ..." under 54 of the site's 60 statements."""
    problems = _renderer_problems(tmp_path, "Juist; zo staat het er.", "Onjuist. Het is andersom.")
    assert problems == [
        "quiz/m.yml:10: [item m-stellingen] de feedback bij stelling 'Een' begint met 'Juist', maar het antwoord "
        "toont daar al 'Het juiste antwoord: Juist.'; begin de feedback met de uitleg",
        "quiz/m.yml:17: [item m-casus] de feedback bij stelling 'Drie' begint met 'Onjuist', maar het antwoord "
        "toont daar al 'Het juiste antwoord: Onjuist.'; begin de feedback met de uitleg",
    ]


def test_option_feedback_that_repeats_its_verdict_is_refused(tmp_path) -> None:
    """The answer shows "Juist: <optie>" and then the feedback: "Juist. ..." said it twice (24 options did)."""
    bank = BANK.format(first="Zo staat het er.", second="Het is andersom.").replace(
        "  - id: m-casus",
        "  - id: m-keuze\n    type: single\n    stem: Welke?\n    source: {doc: d, where: w}\n    options:\n"
        "      - {text: Een, correct: true, feedback: Juist. Zo staat het er.}\n"
        "      - {text: Twee, feedback: Onjuist op één punt.}\n"
        "      - {text: Drie, feedback: 'Goed bedoeld, maar nee.'}\n"
        "  - id: m-casus",
    )
    problems = _renderer_problems(tmp_path, "", "", bank=bank)
    assert problems == [
        "quiz/m.yml:17: [item m-keuze] de feedback bij optie 'Een' begint met 'Juist', maar het antwoord toont daar "
        "al 'Juist:'; begin de feedback met de uitleg"
    ]


def test_feedback_that_goes_on_from_the_verdict_is_let_be(tmp_path) -> None:
    assert _renderer_problems(tmp_path, "Zo staat het er; juist daarom.", "Het is andersom.") == []
    # The word as an adverb is no verdict; bold or after a dash it is.
    assert _renderer_problems(tmp_path, "Juist bij deze groep helpt dat.", "Onjuistheden zijn er niet.") == []
    assert len(_renderer_problems(tmp_path, "**Juist.** Zo staat het er.", "Onjuist—het is andersom.")) == 2
    # The words are the locale's: an English site's verdicts are True and False.
    assert _renderer_problems(tmp_path, "Juist.", "Onjuist.", locale="en") == []
    assert len(_renderer_problems(tmp_path, "True: it says so.", "Fine.", locale="en")) == 1
