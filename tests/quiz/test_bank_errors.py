"""Every mistake an editor can make in a question bank stops the build with file, line and id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import helpers
import pytest
from helpers import ROOT, build
from quizsite import make_quiz_project

from macros.content import citations
from quizkit.bank import load_quiz_banks
from quizkit.base import BLOCK_HELP
from quizkit.errors import ContentError, ContentErrorList
from quizkit.models import ITEM_TYPES

PATH = "docs/_data/quiz/m.yml"
# A valid bank; each case below breaks one thing in it. Line numbers in the comments.
VALID = """\
module:
  id: m
  title: Titel
  description: Omschrijving.
  version: 1
  minutes: 5
  pass_mark: 70
  objectives:
    - iets kunnen
items:
  - id: een
    type: single
    stem: Vraag?
    source: {doc: profielschets, where: "1.2"}
    options:
      - text: A
        correct: true
      - text: B
  - id: twee
    type: ordering
    stem: Zet in volgorde.
    source: {doc: rovers-2025, where: dia}
    steps: [eerste, tweede, derde]
"""
# line 11: "- id: een", 16: "- text: A", 19: "- id: twee", 23: steps


def load(tmp_path: Path, text: str, name: str = "m.yml", extra: dict[str, str] | None = None):
    """Write ``text`` as a bank (plus ``extra`` banks) and load the folder like the build does."""
    folder = tmp_path / "docs" / "_data" / "quiz"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    for other, content in (extra or {}).items():
        (folder / other).write_text(content, encoding="utf-8")
    return load_quiz_banks(folder, tmp_path, citations(ROOT))


def error_of(tmp_path: Path, text: str, **kwargs) -> str:
    """The message a bad bank produces."""
    with pytest.raises(ContentError) as exc:
        load(tmp_path, text, **kwargs)
    return str(exc.value)


def errors_of(tmp_path: Path, text: str, **kwargs) -> list[str]:
    """The messages, one per problem, of a bank with several."""
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text, **kwargs)
    return [e.text for e in exc.value.errors]


ZIPS = "downloads/scorm"  # where the SCORM zips go in the site directory (mkdocs.yml: scorm_dir)


def assert_clean_failure(output: str) -> None:
    """Content errors end the build with MkDocs' own one-line error, never a traceback."""
    assert "Aborted with a BuildError!" in output, output[-2000:]
    helpers.assert_clean_failure(output)


def test_the_valid_bank_loads(tmp_path: Path) -> None:
    banks = load(tmp_path, VALID)
    assert list(banks.items) == ["een", "twee"]


CASE_STAGES = """\
  - id: drie
    type: case
    stem: Een casus.
    source: {doc: profielschets, where: "1.2"}
    stages:
      - id: a
        text: Eerst dit.
        question:
          type: case
          stem: Genest?
"""

# The first lines of a classify item after VALID's two (line 24 on); each case adds its categories.
CLASSIFY_HEAD = """\
  - id: drie
    type: classify
    stem: Sorteer.
    source: {doc: profielschets, where: "1.2"}
"""
CASES = {
    "malformed-yaml": (
        VALID.replace("    stem: Vraag?", "    stem: [Vraag?"),
        f"{PATH}:13: ongeldige YAML: expected ',' or ']', but got '?'",
    ),
    "duplicate-key": (
        VALID.replace("    stem: Vraag?\n", "    stem: Vraag?\n    stem: Nog eens?\n"),
        f"{PATH}:14: veld 'stem' staat twee keer in hetzelfde blok, ook op regel 13; verwijder er een",
    ),
    "unknown-type": (
        VALID.replace("type: single", "type: singel"),
        f"{PATH}:12: [item een] items[0].type: onbekend vraagtype 'singel' (bekend: {', '.join(ITEM_TYPES)})",
    ),
    "missing-type": (
        VALID.replace("    type: single\n", ""),
        f"{PATH}:11: [item een] items[0].type: verplicht veld ontbreekt",
    ),
    "unknown-field": (
        VALID.replace("    stem: Vraag?\n", "    stem: Vraag?\n    uitleg: x\n"),
        f"{PATH}:14: [item een] items[0].uitleg: onbekend veld",
    ),
    "missing-field": (
        VALID.replace("    stem: Vraag?\n", ""),
        f"{PATH}:11: [item een] items[0].stem: verplicht veld ontbreekt",
    ),
    "duplicate-id-in-bank": (
        VALID.replace("id: twee", "id: een"),
        f"{PATH}:19: [item een] id 'een' komt ook voor in {PATH}:11; een id is uniek over alle modules: het item dat al gepubliceerd is, houdt zijn id (daaraan hangt de voortgang van cursisten); geef het andere een nieuwe id",
    ),
    "no-correct-answer": (
        VALID.replace("        correct: true\n", ""),
        f"{PATH}:15: [item een] items[0].options: geen enkele optie is juist (zet correct: true bij het juiste antwoord)",
    ),
    "two-correct-in-single": (
        VALID.replace("      - text: B\n", "      - text: B\n        correct: true\n"),
        f"{PATH}:15: [item een] items[0].options: 2 opties zijn juist; bij dit type is precies één optie juist",
    ),
    "correct-answer-not-an-option": (
        VALID.replace("        correct: true\n", "        correct: C\n"),
        f"{PATH}:17: [item een] items[0].options[0].correct: "
        "'C' is geen true of false; schrijf true (juist) of false (onjuist) bij de optie of stelling zelf",
    ),
    "empty-options": (
        VALID.replace("      - text: A\n        correct: true\n      - text: B\n", "").replace(
            "    options:\n", "    options: []\n"
        ),
        f"{PATH}:15: [item een] items[0].options: moet er minstens 2 hebben (nu 0)",
    ),
    "duplicate-option": (
        VALID.replace("- text: B", "- text: A"),
        f"{PATH}:18: [item een] items[0].options[1]: optie 'A' komt twee keer voor; de eerste staat op regel 16",
    ),
    # The browser shows a run of spaces as one: learners would see the same option twice.
    "options-differ-only-in-spaces": (
        VALID.replace("- text: A", "- text: Verwijs  rustig").replace("- text: B", "- text: Verwijs rustig"),
        f"{PATH}:18: [item een] items[0].options[1]: optie 'Verwijs rustig' komt twee keer voor "
        "(de teksten verschillen alleen in spaties; de pagina toont ze gelijk); de eerste staat op regel 16",
    ),
    "correct-in-quotes": (
        VALID.replace("        correct: true\n", '        correct: "true"\n'),
        f"{PATH}:17: [item een] items[0].options[0].correct: "
        "'true' staat tussen aanhalingstekens en is dan tekst; schrijf true zonder aanhalingstekens",
    ),
    "correct-spelt-oddly": (  # not a YAML true or false, and not quoted either
        VALID.replace("        correct: true\n", "        correct: tRUE\n"),
        f"{PATH}:17: [item een] items[0].options[0].correct: "
        "'tRUE' is geen true of false; schrijf true (juist) of false (onjuist) bij de optie of stelling zelf",
    ),
    # The value left out: YAML reads nothing, which Python calls None (an editor's journey saw it).
    "correct-left-empty": (
        VALID.replace("        correct: true\n", "        correct:\n"),
        f"{PATH}:17: [item een] items[0].options[0].correct: hier staat niets; schrijf true (juist) of false (onjuist)",
    ),
    # Any field left empty says so, not what kind of value it lacks ("moet tekst zijn" was read
    # as "the text is wrong" in an editor's journey).
    "stem-left-empty": (
        VALID.replace("    stem: Vraag?\n", "    stem:\n"),
        f"{PATH}:13: [item een] items[0].stem: hier staat niets; schrijf de tekst achter de dubbele punt",
    ),
    "steps-left-empty": (
        VALID.replace("    steps: [eerste, tweede, derde]\n", "    steps:\n"),
        f"{PATH}:23: [item twee] items[1].steps: hier staat niets; zet de lijst eronder, in regels die met '- ' beginnen",
    ),
    "source-left-empty": (
        VALID.replace('    source: {doc: profielschets, where: "1.2"}\n', "    source:\n"),
        f"{PATH}:14: [item een] items[0].source: hier staat niets; zet de velden eronder, een stap verder ingesprongen",
    ),
    "step-left-empty": (
        VALID.replace("    steps: [eerste, tweede, derde]\n", "    steps:\n      - eerste\n      -\n      - derde\n"),
        f"{PATH}:25: [item twee] items[1].steps[1]: hier staat een leeg onderdeel van de lijst; vul het in of haal "
        "de regel weg",
    ),
    "type-left-empty": (
        VALID.replace("    type: single\n", "    type:\n"),
        f"{PATH}:12: [item een] items[0].type: hier staat niets; schrijf een van: {', '.join(ITEM_TYPES)}",
    ),
    "minutes-left-empty": (
        VALID.replace("  minutes: 5\n", "  minutes:\n"),
        f"{PATH}:6: module.minutes: hier staat niets; schrijf een geheel getal",
    ),
    # Each text is converted on its own: a footnote's text belongs in the text that marks it.
    "footnote-without-its-text": (
        VALID.replace("    stem: Vraag?\n", "    stem: Vraag?\n    explanation: Zie de bron.[^1]\n"),
        f"{PATH}:14: [item een] items[0].explanation: voetnoot '[^1]' zonder tekst: zet in dezelfde tekst, na "
        "een witregel, een regel '[^1]: ...' met de tekst van de voetnoot (in een vraag kan dat niet: zet de "
        "toelichting dan in de uitleg), haal de verwijzing weg, of zet een '\\' voor de '[' als u de tekens "
        "zelf wilt tonen",
    ),
    "footnote-in-an-option": (
        VALID.replace("- text: B", "- text: B[^1]"),
        f"{PATH}:18: [item een] items[0].options[1].text: voetnoot '[^1]' in een tekst die op één regel staat "
        "(zoals een optie, stelling, stap of hint): daar past de tekst van een voetnoot niet; zet de toelichting "
        "in de feedback of de uitleg, of zet een '\\' voor de '[' als u de tekens zelf wilt tonen",
    ),
    "multiple-all-correct": (
        VALID.replace("type: single", "type: multiple").replace(
            "      - text: B\n", "      - text: B\n        correct: true\n"
        ),
        f"{PATH}:15: [item een] items[0].options: alle opties zijn juist; zet minstens één optie op correct: false",
    ),
    "phrasing-option-without-feedback": (
        VALID.replace("type: single", "type: phrasing").replace(
            "        correct: true\n", "        correct: true\n        feedback: Goed.\n"
        ),
        f"{PATH}:19: [item een] items[0].options[1].feedback: verplicht veld ontbreekt",
    ),
    "duplicate-ordering-steps": (
        VALID.replace("[eerste, tweede, derde]", "[eerste, tweede, eerste]"),
        f"{PATH}:23: [item twee] items[1].steps[2]: stap 'eerste' komt twee keer voor",
    ),
    "too-few-ordering-steps": (
        VALID.replace("[eerste, tweede, derde]", "[eerste, tweede]"),
        f"{PATH}:23: [item twee] items[1].steps: moet er minstens 3 hebben (nu 2)",
    ),
    "missing-source": (
        VALID.replace("    source: {doc: rovers-2025, where: dia}\n", ""),
        f"{PATH}:19: [item twee] items[1].source: verplicht veld ontbreekt",
    ),
    "unknown-source-doc": (
        VALID.replace("doc: rovers-2025", "doc: rovers-2024"),
        f"{PATH}:22: [item twee] onbekend brondocument 'rovers-2024' "
        "(bekend: profielschets, handreiking, huisartsenonderzoek, rovers-2025, tussen-de-oren)",
    ),
    "file-name-differs-from-module-id": (
        VALID.replace("  id: m\n", "  id: andere\n"),
        f"{PATH}:2: module.id 'andere' moet gelijk zijn aan de bestandsnaam 'm'",
    ),
    "pass-mark-above-100": (
        VALID.replace("pass_mark: 70", "pass_mark: 170"),
        f"{PATH}:7: module.pass_mark: mag hoogstens 100 zijn",
    ),
    "pass-mark-zero": (
        VALID.replace("pass_mark: 70", "pass_mark: 0"),
        f"{PATH}:7: module.pass_mark: moet minstens 1 zijn",
    ),
    # YAML reads yes/on as true, which Python would take for 1: a pass mark of 1 %.
    "pass-mark-yes": (
        VALID.replace("pass_mark: 70", "pass_mark: yes"),
        f"{PATH}:7: module.pass_mark: moet een getal zijn, niet true (YAML leest ook yes, no, on en off als true of false)",
    ),
    "no-items": (
        VALID.split("items:\n")[0] + "items: []\n",
        f"{PATH}:10: items: moet er minstens 1 hebben (nu 0)",
    ),
    "bad-id-format": (
        VALID.replace("id: twee", "id: Twee_2"),
        f"{PATH}:19: [item Twee_2] items[1].id: ongeldige id: gebruik alleen kleine letters, cijfers en streepjes (bijvoorbeeld 'verwijzen-stap-1')",
    ),
    "stem-with-a-list": (
        VALID.replace("    stem: Vraag?\n", "    stem: |\n      Vraag?\n\n      - a\n"),
        f"{PATH}:13: [item een] items[0].stem: de vraag (stem) moet één alinea zijn: {BLOCK_HELP}",
    ),
    "classify-unknown-category": (
        VALID
        + CLASSIFY_HEAD
        + """\
    categories: [{id: ja, label: Ja}, {id: nee, label: Nee}]
    statements:
      - {text: Iets, category: ja}
      - {text: Anders, category: misschien}
""",
        f"{PATH}:31: [item drie] items[2].statements[1].category: stelling 'Anders' staat in categorie 'misschien', die niet bestaat (bekend: ja, nee)",
    ),
    # A category written as its label (an editor's journey: it was called a malformed id).
    "classify-category-given-as-its-label": (
        VALID
        + CLASSIFY_HEAD
        + """\
    categories: [{id: pretend, label: Pretendmodus}, {id: nee, label: Nee}]
    statements:
      - {text: Iets, category: pretend}
      - {text: Anders, category: pretendmodus}
""",
        f"{PATH}:31: [item drie] items[2].statements[1].category: stelling 'Anders' staat in categorie "
        "'pretendmodus', die niet bestaat; 'pretendmodus' is de naam van categorie 'pretend': schrijf de id, "
        "pretend (bekend: pretend, nee)",
    ),
    "classify-duplicate-category": (
        VALID
        + CLASSIFY_HEAD
        + """\
    categories: [{id: ja, label: Ja}, {id: ja, label: Nee}]
    statements:
      - {text: Iets, category: ja}
""",
        f"{PATH}:28: [item drie] items[2].categories[1]: categorie 'ja' komt twee keer voor",
    ),
    "case-stage-with-nested-case": (
        VALID + CASE_STAGES,
        f"{PATH}:32: [item drie] items[2].stages[0].question: een casusfase kan geen casus bevatten",
    ),
    "case-stage-question-with-id": (
        VALID
        + CASE_STAGES.replace(
            "type: case\n          stem: Genest?",
            "type: single\n          id: x\n          stem: Genest?\n          options: [{text: a, correct: true}, {text: b}]",
        ),
        f"{PATH}:33: [item drie] items[2].stages[0].question.id: onbekend veld",
    ),
    "case-duplicate-stage": (
        VALID
        + CASE_STAGES.replace(
            "type: case\n          stem: Genest?",
            "type: single\n          stem: Genest?\n          options: [{text: a, correct: true}, {text: b}]",
        )
        + "      - id: a\n        text: Nog eens.\n        question: {type: truefalse, stem: S, statements: [{text: x, answer: true}]}\n",
        f"{PATH}:35: [item drie] items[2].stages[1]: fase 'a' komt twee keer voor; de eerste staat op regel 29",
    ),
    # Stage "a-0"'s ids would be those of stage "a"'s first statement: the case could not be answered.
    "case-stage-id-extends-another": (
        VALID
        + CASE_STAGES.replace(
            "type: case\n          stem: Genest?",
            "type: truefalse\n          stem: Genest?\n          statements: [{text: x, answer: true}, {text: y, answer: false}]",
        )
        + "      - id: a-0\n        text: Nog eens.\n        question: {type: single, stem: S, options: [{text: a, correct: true}, {text: b}]}\n",
        f"{PATH}:35: [item drie] items[2].stages[1].id: fase 'a-0' begint met de id van fase 'a' plus '-'; "
        "de HTML-ids van beide fasen kunnen dan botsen: kies een andere id",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_bank_is_reported_precisely(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    assert error_of(tmp_path, text) == expected


def test_a_footnote_with_its_text_in_the_same_text_loads(tmp_path: Path) -> None:
    # Its text also in a list; a mark in code, escaped or a link's text is none.
    explanation = (
        "    explanation: |-\n"
        "      Zie de bron.[^1] Of `[^2]`, \\[^3] en [^4](https://www.nhg.org).\n\n"
        "      - punt[^5]\n\n"
        "          [^5]: In de lijst.\n\n"
        "      [^1]: Rovers.\n"
    )
    item = load(tmp_path, VALID.replace("    stem: Vraag?\n", "    stem: Vraag?\n" + explanation)).items["een"][1]
    assert item.explanation.startswith("Zie de bron.[^1] Of `[^2]`, \\[^3] en [^4](https://www.nhg.org).\n")
    assert item.explanation.endswith("[^1]: Rovers.")


def test_duplicate_id_across_banks(tmp_path: Path) -> None:
    other = VALID.replace("  id: m\n", "  id: a\n").replace("id: een", "id: eigen")
    message = error_of(tmp_path, VALID, extra={"a.yml": other})
    assert message == (
        f"{PATH}:19: [item twee] id 'twee' komt ook voor in docs/_data/quiz/a.yml:19; een id is uniek over alle modules: het item dat al gepubliceerd is, houdt zijn id (daaraan hangt de voortgang van cursisten); geef het andere een nieuwe id"
    )


THIRD = """\
  - id: drie
    type: ordering
    stem: Nog een volgorde.
    source: {doc: rovers-2025, where: dia}
    steps: [a, b, c]
"""


def test_a_copied_bank_is_one_problem_not_one_per_question(tmp_path: Path) -> None:
    # An editor starts a module from a copy of another and has not yet given its questions ids
    # of their own: one message names the copy, where there was one per question.
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, VALID + THIRD, extra={"a.yml": VALID + THIRD})
    assert [e.text for e in exc.value.errors] == [
        "docs/_data/quiz/a.yml:2: module.id 'm' moet gelijk zijn aan de bestandsnaam 'a'",
        f"{PATH}:11: 3 van de 3 vragen hebben een id die ook in docs/_data/quiz/a.yml staat ('een', 'twee', "
        "'drie'): is een van beide een kopie van de andere? Een id is uniek over alle modules: de vragen die al "
        "gepubliceerd zijn, houden hun id (daaraan hangt de voortgang van cursisten); geef de andere vragen elk "
        "een nieuwe id, of verwijder een overbodige kopie",
    ]


def _bank(module_id: str, item_ids: list[str]) -> str:
    """A valid bank of ordering questions with these ids."""
    head = VALID.split("items:\n")[0].replace("  id: m\n", f"  id: {module_id}\n")
    items = "".join(
        f"  - id: {item_id}\n    type: ordering\n    stem: Zet in volgorde.\n"
        f"    source: {{doc: rovers-2025, where: dia}}\n    steps: [a{n}, b, c]\n"
        for n, item_id in enumerate(item_ids)
    )
    return head + "items:\n" + items


@pytest.mark.parametrize("copy", ["nieuw", "zorg"], ids=["copy-read-first", "copy-read-last"])
def test_a_copied_bank_is_named_as_the_copy_when_its_ids_tell(tmp_path: Path, copy: str) -> None:
    # The ids start with the module's they were written for: the copy is the bank whose ids start
    # with another module's. The message stands there, whichever bank is read first; telling the
    # editor to renumber the published questions would lose every learner's answers.
    original = _bank("oud", ["oud-een", "oud-twee", "oud-drie", "oud-vier"])
    copied = _bank(copy, ["oud-een", "oud-twee", "oud-drie", f"{copy}-vier"])
    with pytest.raises(ContentError) as exc:
        load(tmp_path, original, name="oud.yml", extra={f"{copy}.yml": copied})
    assert exc.value.text == (
        f"docs/_data/quiz/{copy}.yml:11: 3 vragen hebben de id van een vraag in docs/_data/quiz/oud.yml: "
        "'oud-een' (regel 11), 'oud-twee' (regel 16), 'oud-drie' (regel 21). Dit bestand lijkt een kopie "
        f"daarvan: die ids beginnen met 'oud-'. Geef de vragen hier elk een nieuwe id die met '{copy}-' begint; "
        "die in docs/_data/quiz/oud.yml houden hun id (daaraan hangt de voortgang van cursisten). Is dit "
        "bestand al gepubliceerd en docs/_data/quiz/oud.yml nieuw, doe het dan andersom"
    )
    # Fewer shared ids: each is named, in the copy, at its line there.
    copied = _bank(copy, ["oud-een", f"{copy}-twee", "oud-drie"])
    with pytest.raises(ContentErrorList) as exc_list:
        load(tmp_path, original, name="oud.yml", extra={f"{copy}.yml": copied})
    assert [(e.path, e.line, e.item_id) for e in exc_list.value.errors] == [
        (f"docs/_data/quiz/{copy}.yml", 11, "oud-een"),
        (f"docs/_data/quiz/{copy}.yml", 21, "oud-drie"),
    ]
    assert exc_list.value.errors[0].detail == (
        "id 'oud-een' komt ook voor in docs/_data/quiz/oud.yml:11, in de module waarmee de id begint: deze "
        f"vraag lijkt een kopie daarvan; geef haar een nieuwe id die met '{copy}-' begint (de vraag in "
        "docs/_data/quiz/oud.yml houdt haar id: daaraan hangt de voortgang van cursisten; is dit bestand al "
        "gepubliceerd en docs/_data/quiz/oud.yml nieuw, doe het dan andersom)"
    )


def test_a_copy_guessed_by_its_ids_says_what_to_do_if_the_guess_is_wrong(tmp_path: Path) -> None:
    # A site whose published bank 'intro' holds ids that start with another module's ('stress-'),
    # and a new 'stress' bank copied from part of it: the ids make 'intro' look the copy (a
    # review's finding). The message says what to do when that file is the published one.
    published = _bank("intro", ["stress-signalen", "stress-uitleg", "stress-coping", "intro-doel"])
    copied = _bank("stress", ["stress-signalen", "stress-uitleg", "stress-coping"])
    with pytest.raises(ContentError) as exc:
        load(tmp_path, published, name="intro.yml", extra={"stress.yml": copied})
    assert exc.value.path == "docs/_data/quiz/intro.yml"
    assert exc.value.detail.endswith(
        "Is dit bestand al gepubliceerd en docs/_data/quiz/stress.yml nieuw, doe het dan andersom"
    ), exc.value.text


def test_questions_copied_within_one_bank_are_each_named(tmp_path: Path) -> None:
    # Three questions copied further down the same bank: not a copied file, each at its own line.
    text = VALID + THIRD
    items = text.split("items:\n", 1)[1]
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text + items)
    texts = [e.text for e in exc.value.errors]
    assert [t.split(" komt ook voor in ")[0] for t in texts] == [
        f"{PATH}:29: [item een] id 'een'",
        f"{PATH}:37: [item twee] id 'twee'",
        f"{PATH}:42: [item drie] id 'drie'",
    ]


def test_every_problem_of_every_bank_is_reported_at_once(tmp_path: Path) -> None:
    """Loading does not stop at the first mistake: each bank's problems come out together, once each."""
    two_in_one = VALID.replace("pass_mark: 70", "pass_mark: 170").replace("- text: B", "- text: A")
    other = VALID.replace("  id: m\n", "  id: a\n").replace("id: een", "id: eigen").replace("id: twee", "id: ander")
    other = other.replace("doc: rovers-2025", "doc: rovers-2024")
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, two_in_one, extra={"a.yml": other})
    texts = [e.text for e in exc.value.errors]
    assert texts == [
        "docs/_data/quiz/a.yml:22: [item ander] onbekend brondocument 'rovers-2024' "
        "(bekend: profielschets, handreiking, huisartsenonderzoek, rovers-2025, tussen-de-oren)",
        f"{PATH}:7: module.pass_mark: mag hoogstens 100 zijn",
        f"{PATH}:18: [item een] items[0].options[1]: optie 'A' komt twee keer voor; de eerste staat op regel 16",
    ]
    assert str(exc.value) == exc.value.text == "\n".join(texts)


def test_a_duplicate_id_is_found_also_in_a_bank_with_other_mistakes(tmp_path: Path) -> None:
    """An id another bank already has, in a bank with a misspelt type: both in one build.

    Before, the duplicate id came out only once the type was fixed (a second-organisation
    journey made three mistakes and saw two).
    """
    first = VALID.replace("  id: m\n", "  id: a\n").replace("id: een", "id: eerste")
    second = VALID.replace("type: single", "type: singel").replace("id: een", "id: eigen")
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, second, extra={"a.yml": first})
    texts = [e.text for e in exc.value.errors]
    assert texts == [
        f"{PATH}:12: [item eigen] items[0].type: onbekend vraagtype 'singel' (bekend: {', '.join(ITEM_TYPES)})",
        f"{PATH}:19: [item twee] id 'twee' komt ook voor in docs/_data/quiz/a.yml:19; een id is uniek over alle modules: het item dat al gepubliceerd is, houdt zijn id (daaraan hangt de voortgang van cursisten); geef het andere een nieuwe id",
    ]


def test_an_unknown_type_does_not_hide_the_other_items_problems(tmp_path: Path) -> None:
    """The item with an unknown type gets that one message; the module and other items are checked."""
    text = VALID.replace("type: single", "type: singel").replace("    stem: Zet in volgorde.\n", "")
    text = text.replace("pass_mark: 70", "pass_mark: 170")
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text)
    assert [e.text for e in exc.value.errors] == [
        f"{PATH}:7: module.pass_mark: mag hoogstens 100 zijn",
        f"{PATH}:12: [item een] items[0].type: onbekend vraagtype 'singel' (bekend: {', '.join(ITEM_TYPES)})",
        f"{PATH}:19: [item twee] items[1].stem: verplicht veld ontbreekt",
    ]


def test_the_module_after_the_items_is_checked_and_named_as_the_module(tmp_path: Path) -> None:
    """Problems are placed by where they are in the data, not by line.

    A module block after the items, behind an item with an unknown type, is still checked and
    named as the module.
    """
    module, items = VALID.split("items:\n")
    text = (
        "items:\n"
        + items.replace("type: ordering", "type: ordening")
        + module.replace("pass_mark: 70", "pass_mark: 170")
    )
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text)
    assert [e.text for e in exc.value.errors] == [
        f"{PATH}:11: [item twee] items[1].type: onbekend vraagtype 'ordening' (bekend: {', '.join(ITEM_TYPES)})",
        f"{PATH}:21: module.pass_mark: mag hoogstens 100 zijn",
    ]


def test_a_case_stage_with_an_unknown_type_does_not_hide_the_cases_other_mistakes(tmp_path: Path) -> None:
    case = """\
  - id: drie
    type: case
    stem: Een casus.
    stages:
      - id: a
        text: Eerst.
        question: {type: singel, stem: Wat?, options: [{text: A, correct: true}, {text: B}]}
      - id: b
        text: Dan.
        question: {type: truefalse, stem: Klopt het?, statements: [{text: Ja, answer: true}]}
"""
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, VALID + case)
    assert [e.text for e in exc.value.errors] == [
        f"{PATH}:24: [item drie] items[2].source: verplicht veld ontbreekt",
        f"{PATH}:30: [item drie] items[2].stages[0].question.type: onbekend vraagtype 'singel' "
        f"(bekend: {', '.join(t for t in ITEM_TYPES if t != 'case')})",
    ]


def test_a_bank_with_a_schema_mistake_still_has_its_sources_checked(tmp_path: Path) -> None:
    """An unknown source and a schema mistake in one bank come out together, in line order."""
    text = VALID.replace("doc: profielschets", "doc: profielschets-2099").replace("correct: true", "correct: ja")
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text)
    assert [e.text for e in exc.value.errors] == [
        f"{PATH}:14: [item een] onbekend brondocument 'profielschets-2099' "
        "(bekend: profielschets, handreiking, huisartsenonderzoek, rovers-2025, tussen-de-oren)",
        f"{PATH}:17: [item een] items[0].options[0].correct: 'ja' is geen true of false; schrijf true (juist) "
        "of false (onjuist) bij de optie of stelling zelf",
    ]


def test_an_unknown_source_is_found_also_without_its_where(tmp_path: Path) -> None:
    text = VALID.replace('{doc: profielschets, where: "1.2"}', "{doc: profielschets-2099}")
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text)
    assert [e.text for e in exc.value.errors] == [
        f"{PATH}:14: [item een] items[0].source.where: verplicht veld ontbreekt",
        f"{PATH}:14: [item een] onbekend brondocument 'profielschets-2099' "
        "(bekend: profielschets, handreiking, huisartsenonderzoek, rovers-2025, tussen-de-oren)",
    ]


def test_a_file_given_as_the_bank_folder_is_named_as_such(tmp_path: Path) -> None:
    bank = tmp_path / "m.yml"
    bank.write_text(VALID, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_quiz_banks(bank, tmp_path)
    assert exc.value.text == "m.yml: is een bestand; geef de map met vragenbanken op"


@pytest.mark.parametrize(
    ("page_text", "expected"),
    [
        (
            '# X\n\n{{ quiz("bestaat-niet") }}\n',
            "module 'bestaat-niet' bestaat niet (bekend: voorbeeld-keuze, voorbeeld-stellingen)",
        ),
        (
            "# X\n\nTekst.\n\n{{ quiz_item('vb-single-basi') }}\n",
            "[item vb-single-basi] quiz_item: vraag 'vb-single-basi' bestaat in geen enkele module; "
            "bedoelt u 'vb-single-basis'?",
        ),
        (
            '# X\n\n{{ quiz_index(["voorbeeld-keuze", "voorbeeld-stelingen"]) }}\n',
            "module 'voorbeeld-stelingen' bestaat niet; bedoelt u 'voorbeeld-stellingen'? "
            "(bekend: voorbeeld-keuze, voorbeeld-stellingen)",
        ),
    ],
    ids=["unknown-module", "unknown-item", "unknown-module-in-the-index-order"],
)
def test_macro_naming_unknown_module_or_item_fails_the_build(tmp_path: Path, page_text: str, expected: str) -> None:
    project = make_quiz_project(tmp_path / "project")
    page = project / "docs" / "leermodules" / "losse-vragen.md"
    head = page.read_text(encoding="utf-8").split("# Losse vragen")[0]
    page.write_text(head + page_text, encoding="utf-8")
    line = head.count("\n") + page_text.count("\n")  # the macro call is on the last line
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert f"docs/leermodules/losse-vragen.md:{line}: {expected}" in output
    assert_clean_failure(output)
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()], "a failed build writes no page and no zip"


@pytest.mark.parametrize(
    ("call", "name", "expected"),
    [
        ("item", "verwijzen-hoe-niet", "quiz_item: vraag 'verwijzen-hoe-niet' bestaat in geen enkele module"),
        # A new id that only shares its module's prefix: no guess ('verwijzen-zonder-druk' is not meant).
        ("item", "verwijzen-nieuw", "quiz_item: vraag 'verwijzen-nieuw' bestaat in geen enkele module"),
        # A whole word other, in a long id: no guess (difflib's ratio offered 'mentaliseren-waarom-herkennen').
        (
            "item",
            "mentaliseren-modi-herkennen",
            "quiz_item: vraag 'mentaliseren-modi-herkennen' bestaat in geen enkele module",
        ),
        # Two letters swapped: still a guess.
        (
            "item",
            "casus-iatrogeen-schade",
            "quiz_item: vraag 'casus-iatrogeen-schade' bestaat in geen enkele module; "
            "bedoelt u 'casus-iatrogene-schade'?",
        ),
        # A letter left out: the id it mistypes is named.
        (
            "item",
            "casus-iatrogene-schad",
            "quiz_item: vraag 'casus-iatrogene-schad' bestaat in geen enkele module; "
            "bedoelt u 'casus-iatrogene-schade'?",
        ),
        # A module's id given for a question's, and the other way round.
        (
            "item",
            "casus",
            "quiz_item: vraag 'casus' bestaat in geen enkele module; 'casus' is de id van een module, "
            'niet van een vraag; een hele module zet u op een pagina met {{ quiz("casus") }}',
        ),
        (
            "module",
            "casus-iatrogene-schade",
            "module 'casus-iatrogene-schade' bestaat niet; 'casus-iatrogene-schade' is de id van een vraag "
            "(in module 'casus'), niet van een module (bekend: ",
        ),
        ("module", "verwijzne", "module 'verwijzne' bestaat niet; bedoelt u 'verwijzen'? (bekend: "),
        ("module", "nergens", "module 'nergens' bestaat niet (bekend: "),
    ],
)
def test_an_unknown_id_is_named_with_what_was_probably_meant(call: str, name: str, expected: str) -> None:
    # The site's own ids: many share a prefix ("casus-"), so a guess must be close to be offered.
    banks = load_quiz_banks(ROOT / "docs" / "_data" / "quiz", ROOT, citations(ROOT))
    with pytest.raises(ContentError) as exc:
        getattr(banks, call)(name)
    assert exc.value.detail.startswith(expected), exc.value.detail
    if "bedoelt u" not in expected:
        assert "bedoelt u" not in exc.value.detail


def test_bad_bank_fails_the_whole_build(tmp_path: Path) -> None:
    project = make_quiz_project(tmp_path / "project")
    bank = project / "docs" / "_data" / "quiz" / "voorbeeld-keuze.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: phrasing", "type: zin"), encoding="utf-8")
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert (
        "docs/_data/quiz/voorbeeld-keuze.yml:50: [item vb-phrasing-basis] items[3].type: onbekend vraagtype 'zin'"
        in output
    )
    assert_clean_failure(output)
    assert not [p for p in out.rglob("*") if p.is_file()], "a failed build leaves nothing in the site directory"


def test_every_problem_of_every_bank_fails_the_build_at_once(tmp_path: Path) -> None:
    """One bad item per bank, and a macro naming an unknown module: each reported, on a line of its own."""
    project = make_quiz_project(tmp_path / "project")
    quiz = project / "docs" / "_data" / "quiz"
    keuze = quiz / "voorbeeld-keuze.yml"
    keuze.write_text(keuze.read_text(encoding="utf-8").replace("type: phrasing", "type: zin"), encoding="utf-8")
    stellingen = quiz / "voorbeeld-stellingen.yml"
    text = stellingen.read_text(encoding="utf-8")
    assert "pass_mark: 60" in text or "pass_mark:" in text
    stellingen.write_text(re.sub(r"pass_mark: \d+", "pass_mark: 170", text, count=1), encoding="utf-8")
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert (
        "docs/_data/quiz/voorbeeld-keuze.yml:50: [item vb-phrasing-basis] items[3].type: onbekend vraagtype" in output
    )
    assert (
        "docs/_data/quiz/voorbeeld-stellingen.yml:" in output and "module.pass_mark: mag hoogstens 100 zijn" in output
    )
    assert_clean_failure(output)
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_a_strict_mode_abort_takes_the_zips_and_moodle_files_away(tmp_path: Path) -> None:
    """MkDocs aborts for a warning only after every page and zip is written (on_build_error)."""
    project = make_quiz_project(tmp_path / "project")
    page = project / "docs" / "leermodules" / "losse-vragen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Kapot](bestaat-niet.md)\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stderr + result.stdout
    assert (out / "leermodules" / "losse-vragen" / "index.html").is_file(), "the abort came after the pages"
    assert not (out / ZIPS).exists()
    assert not (out / "downloads" / "moodle").exists(), "nor the Moodle XML files"


# Texts that stand on one line of a question, and what the site's Markdown makes of them.
ONE_LINE_TEXTS = [
    *(
        "1) Bel de huisarts",
        "Bel eerst\n- daarna de POH",
        "3 maanden",
        "C# en #ALK",
        "-5 graden",
        "Zin: met dubbele punt",
    ),
    *("tekst --- tekst", "a *b* c", "2.5 procent", "Twee regels\nin een zin"),
    *(
        "1. Eerste",
        "- punt",
        "+ plus",
        "* ster",
        "Titel\n=====",
        "tekst\n---",
        "a\n\nb",
        "> 38 graden",
        "Zin\n> citaat",
    ),
    *("```\ncode\n```", "~~~\ncode\n~~~", "!!! note", "??? note", "***", "Zin\n***", "term\n: uitleg", "    code"),
    *("#1 van de lijst", "Zin\n# kop", "a | b\n--- | ---\nc | d", "| a | b |\n|---|---|\n| c | d |"),
    # Short and aligned separators, a single column; a line of dashes under a pipe further down.
    *("bron | duur\n-- | --\nx | y", "a | b\n:- | -:", "| a |\n| - |", "a | b\nc\n-- | --", "a - b | c"),
    "a | b\n-\t|\t-",
    # A footnote's text makes a block of its own (a rule and a list); a reference alone does not.
    *("Zin.[^1]\n[^1]: Noot.", "[^x]: Noot.", "Zin[^1] zonder noot"),
]


@pytest.mark.parametrize("text", ONE_LINE_TEXTS)
def test_one_paragraph_is_what_the_sites_markdown_makes_one_paragraph(text: str) -> None:
    # The check of options, statements, steps, hints and stems refuses exactly the texts the
    # site's Markdown would make more than one paragraph of (a list, heading, quote, block).
    from mkdocs.config import load_config

    from quizkit.base import inline_text
    from quizkit.markdown import MarkdownRenderer

    config = load_config(str(ROOT / "mkdocs.yml"))
    html = str(MarkdownRenderer(config["markdown_extensions"], config["mdx_configs"]).block(text)).strip()
    one = re.fullmatch(r"<p>(?:(?!</?p>).)*</p>", html, re.S) is not None
    try:
        inline_text(text)
        accepted = True
    except ValueError:
        accepted = False
    assert accepted == one, html


def test_an_empty_hint_is_no_hint(tmp_path: Path) -> None:
    # As before hints had to be one paragraph: `hint: ""` is allowed and shows nothing.
    banks = load(tmp_path, VALID.replace("    stem: Vraag?\n", '    stem: Vraag?\n    hint: ""\n'))
    assert banks.items["een"][1].hint == ""
    with pytest.raises(ContentError, match="één alinea"):
        load(tmp_path, VALID.replace("    stem: Vraag?\n", "    stem: Vraag?\n    hint: '> 38 graden'\n"))


@pytest.mark.parametrize("written", ["\\> 38 graden", '"\\\\> 38 graden"', "'\\> 38 graden'"])
def test_the_escape_the_message_suggests_works_as_written(tmp_path: Path, written: str) -> None:
    # Plain, in double quotes (where YAML reads "\\" as one "\") and in single quotes.
    banks = load(tmp_path, VALID.replace("    stem: Vraag?\n", f"    stem: Vraag?\n    hint: {written}\n"))
    assert banks.items["een"][1].hint == "\\> 38 graden"


@pytest.mark.parametrize(
    ("written", "target"),
    [("Zie [ALK](alk.md).", "alk.md"), ("Zie [x](../nergens.md#kop)", "../nergens.md#kop"), ("[kop](#kop)", "#kop")],
)
def test_a_link_to_a_page_of_the_site_is_refused_at_its_line(tmp_path: Path, written: str, target: str) -> None:
    # Such a link would be broken on pages at another depth, in SCORM and in Moodle; MkDocs never sees it.
    with pytest.raises(ContentError) as exc:
        load(tmp_path, VALID.replace("    stem: Vraag?\n", f"    stem: Vraag?\n    explanation: '{written}'\n"))
    assert f"explanation: link naar '{target}': een link naar een pagina" in exc.value.text
    assert exc.value.line == VALID.splitlines().index("    stem: Vraag?") + 2


@pytest.mark.parametrize("target", ["www.nhg.org", "woordenlijst", "?vraag=1"])
def test_a_link_without_a_scheme_is_refused_at_its_line(tmp_path: Path, target: str) -> None:
    # A browser reads it relative to the page it is on: broken on the site, in SCORM and in Moodle.
    with pytest.raises(ContentError) as exc:
        load(
            tmp_path,
            VALID.replace("    stem: Vraag?\n", f"    stem: Vraag?\n    explanation: 'Zie [hier]({target}).'\n"),
        )
    assert f"explanation: link naar '{target}': dit is geen volledig adres" in exc.value.text
    assert exc.value.line == VALID.splitlines().index("    stem: Vraag?") + 2


def test_footnotes_in_explanations_and_feedback_load_and_a_stem_refuses_one(tmp_path: Path) -> None:
    # A footnote's text ([^1]: ...) is no link definition: its first word is no link target.
    note = "Zie de dia.[^1]\n\n[^1]: Rovers 2025, dia Handvatten."
    text = VALID.replace("    stem: Vraag?\n", f"    stem: Vraag?\n    explanation: {json.dumps(note)}\n")
    assert load(tmp_path, text).items["een"][1].explanation == note
    with pytest.raises(ContentError) as exc:
        load(
            tmp_path,
            VALID.replace("    stem: Vraag?\n", f"    stem: {json.dumps('Vraag?[^1]' + chr(10) + '[^1]: Noot.')}\n"),
        )
    assert "de vraag (stem) moet één alinea zijn" in exc.value.text, exc.value.text


def test_a_link_to_a_full_address_is_kept(tmp_path: Path) -> None:
    text = "Zie [de richtlijn](https://example.org/richtlijn) of [mail](mailto:info@example.org)."
    banks = load(tmp_path, VALID.replace("    stem: Vraag?\n", f"    stem: Vraag?\n    explanation: '{text}'\n"))
    assert banks.items["een"][1].explanation == text


def test_options_apart_by_a_line_break_are_two_options(tmp_path: Path) -> None:
    # Two spaces before a line break make one the page shows (<br>): not the same text.
    text = VALID.replace("- text: A", '- text: "Verwijs  \\nrustig"').replace("- text: B", "- text: Verwijs rustig")
    options = load(tmp_path, text).items["een"][1].options
    assert [o.text for o in options] == ["Verwijs  \nrustig", "Verwijs rustig"]


def test_a_misspelt_field_is_named_with_the_field_it_stands_for(tmp_path: Path) -> None:
    """A field name with a letter wrong, a capital or a letter too few: the message names the right one.

    Where the right one is required, the misspelling is one mistake, not two: the field is not
    also reported missing. The known names are followed into the options, the question types
    (a tag of a union) and a case stage's question. A name like no field gets no guess.
    """
    text = (
        VALID.replace("    - iets kunnen\n", "    - iets kunnen\n  extra_tijd: 5\n")
        .replace("    stem: Vraag?\n", "    Stem: Vraag?\n    explantion: Uitleg.\n")
        .replace("        correct: true\n", "        correct: true\n        feedbak: Goed.\n")
        # Two letters swapped in a short name (difflib scores 'txet' against 'text' 0.75).
        .replace("      - text: B\n", "      - txet: B\n")
        .replace("    steps: [eerste, tweede, derde]\n", "    stepz: [eerste, tweede, derde]\n    kleur: rood\n")
    )
    case = (
        "  - id: drie\n    type: case\n    stem: Casus.\n    source: {doc: rovers-2025, where: dia}\n"
        "    stages:\n      - id: een\n        text: Eerst.\n"
        "        question: {type: truefalse, stem: Klopt het, statments: [{text: Iets, answer: true}]}\n"
    )
    with pytest.raises(ContentErrorList) as exc:
        load(tmp_path, text + case)
    assert [e.text for e in exc.value.errors] == [
        f"{PATH}:10: module.extra_tijd: onbekend veld",
        f"{PATH}:14: [item een] items[0].Stem: onbekend veld; bedoelt u 'stem'? Dat veld ontbreekt nu",
        f"{PATH}:15: [item een] items[0].explantion: onbekend veld; bedoelt u 'explanation'?",
        f"{PATH}:20: [item een] items[0].options[0].feedbak: onbekend veld; bedoelt u 'feedback'?",
        f"{PATH}:21: [item een] items[0].options[1].txet: onbekend veld; bedoelt u 'text'? Dat veld ontbreekt nu",
        f"{PATH}:26: [item twee] items[1].stepz: onbekend veld; bedoelt u 'steps'? Dat veld ontbreekt nu",
        f"{PATH}:27: [item twee] items[1].kleur: onbekend veld",
        f"{PATH}:35: [item drie] items[2].stages[0].question.statments: onbekend veld; bedoelt u 'statements'? "
        "Dat veld ontbreekt nu",
    ]


def test_a_field_of_another_type_says_which_type_it_belongs_to(tmp_path: Path) -> None:
    # An editor's journey: an ordering item typed "single" was told only that "steps" is unknown
    # and "options" missing, and might have deleted the steps.
    assert errors_of(tmp_path, VALID.replace("    type: ordering\n", "    type: single\n")) == [
        f"{PATH}:19: [item twee] items[1].options: verplicht veld ontbreekt",
        f"{PATH}:23: [item twee] items[1].steps: onbekend veld; 'steps' hoort bij type ordering, niet bij "
        "single: klopt 'type'?",
    ]
    # A field more than one type has: each is named.
    text = VALID.replace("    type: single\n", "    type: ordering\n    steps: [a, b, c]\n")
    assert error_of(tmp_path, text).endswith(
        "items[0].options: onbekend veld; 'options' hoort bij type single, multiple of phrasing, niet bij "
        "ordering: klopt 'type'?"
    )


def test_a_misspelt_type_is_said_at_its_line(tmp_path: Path) -> None:
    """The type is read before the rest (it chooses the fields): its misspelling is named there too."""
    text = VALID.replace("    type: single\n", "    Type: single\n")
    assert (
        error_of(tmp_path, text)
        == f"{PATH}:12: [item een] items[0].Type: onbekend veld; bedoelt u 'type'? Dat veld ontbreekt nu"
    )
    # No key like it: the type is missing, at the item's line.
    text = VALID.replace("    type: single\n", "")
    assert error_of(tmp_path, text) == f"{PATH}:11: [item een] items[0].type: verplicht veld ontbreekt"


def test_a_field_written_twice_under_another_spelling_is_not_guessed_to_be_the_first(tmp_path: Path) -> None:
    """``stem`` is there already: ``stme`` beside it is an unknown field, not that one again."""
    text = VALID.replace("    stem: Vraag?\n", "    stem: Vraag?\n    stme: Vraag?\n")
    assert error_of(tmp_path, text).endswith("[item een] items[0].stme: onbekend veld")
