"""The SCORM codes in the trainers' answer key: what each letter and number in the LMS stands for.

:func:`quizkit.scorm.scorm_codes` gives the right answer's ``correct_responses.0.pattern`` as
scorm.js writes it, and the legend of each unit; the answer key prints them under each answer.
What scorm-again really records is checked in test_codes_runtime.py.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from examples import write_example_banks
from helpers import ROOT

from macros.content import citations
from quizkit.bank import QuizBanks, load_quiz_banks
from quizkit.markdown import MarkdownRenderer
from quizkit.models import ITEM_MODELS, ITEM_TYPES
from quizkit.render import QuizRenderer, Strings
from quizkit.scorm import ScormCodes, scorm_codes
from quizkit.trainer import answer_key

SOURCE = {"doc": "profielschets", "where": "paragraaf 1.2"}


@pytest.fixture(scope="module")
def example_banks(tmp_path_factory: pytest.TempPathFactory) -> QuizBanks:
    """The named examples of every type, in the two example modules."""
    root = tmp_path_factory.mktemp("examples")
    return load_quiz_banks(write_example_banks(root / "banks"), root, citations(ROOT))


@pytest.fixture(scope="module")
def renderer(example_banks: QuizBanks) -> QuizRenderer:
    """A Dutch renderer with a fixed Markdown set-up."""
    return QuizRenderer(
        example_banks,
        markdown=MarkdownRenderer(["attr_list", "md_in_html"]),
        citations=citations(ROOT),
        strings=Strings("nl"),
    )


def codes_of(renderer: QuizRenderer, item: Any) -> ScormCodes:
    return scorm_codes(item, renderer.markdown.inline, renderer.t)


def legend(codes: ScormCodes) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Each unit's (statements, values) with the texts as plain strings."""
    return [([(n, str(t)) for n, t in u.statements], [(c, str(t)) for c, t in u.values]) for u in codes.units]


TRUE_FALSE = [("t", "Juist"), ("f", "Onjuist")]
# Per example item: its interaction type, the right answer's pattern, and each unit's legend.
EXPECTED: dict[str, tuple[str, str, list[tuple[list, list]]]] = {
    "vb-single-basis": ("choice", "b", [([], [("a", "Twee"), ("b", "Drie"), ("c", "Vijf")])]),
    "vb-single-opmaak": (
        "choice",
        "a",
        [
            (
                [],
                [
                    ("a", "Optie met <code>code</code> en <code>&lt;i&gt;html&lt;/i&gt;</code>"),
                    ("b", "Optie zonder feedback"),
                ],
            )
        ],
    ),
    "vb-multiple-basis": (
        "choice",
        "a,b",
        [
            (
                [],
                [
                    ("a", "Evidence-based ALK-behandelingen hebben geen effect gehad."),
                    ("b", "De klachten breiden uit of het functioneren verslechtert, ondanks behandeling."),
                    ("c", "Er is geen somatische verklaring gevonden."),
                ],
            )
        ],
    ),
    "vb-phrasing-basis": (
        "choice",
        "a",
        [
            (
                [],
                [
                    ("a", "Ik zie dat deze klachten een grote impact op je leven hebben. Dit komt vaker voor."),
                    ("b", "Er is lichamelijk niets te vinden, dus het zit tussen de oren."),
                    ("c", "Je moet nu echt in therapie."),
                ],
            )
        ],
    ),
    "vb-truefalse-basis": (
        "matching",
        "0.t,1.f",
        [
            (
                [
                    ("0", "Eén criterium is genoeg om van hardnekkige ALK te spreken."),
                    ("1", "Hardnekkige ALK komt alleen bij volwassenen voor."),
                ],
                TRUE_FALSE,
            )
        ],
    ),
    "vb-classify-modi": (
        "matching",
        "0.a,1.b,2.c",
        [
            (
                [
                    ("0", "“Deze pijn betekent dat er iets ernstigs mis is in mijn lichaam.”"),
                    ("1", "“Als er geen onderzoek wordt gedaan, nemen ze me niet serieus.”"),
                    ("2", "“Tja, het is er gewoon, maar dat hoort nu eenmaal bij mij.”"),
                ],
                [("a", "Psychische equivalentie"), ("b", "Teleologisch"), ("c", "Pretend")],
            )
        ],
    ),
    "vb-ordering-verwijzen": (
        "sequencing",
        "a,b,c,d,e",
        [
            (
                [],
                [
                    ("a", "Normaliseren en valideren"),
                    ("b", "Uitleggen hoe psychotherapie kan helpen"),
                    ("c", "De 'samen-optie'-techniek"),
                    ("d", "Een concreet voorbeeld geven en scepsis erkennen"),
                    ("e", "Verwijzen zonder druk, maar met openheid"),
                ],
            )
        ],
    ),
    "vb-case-verwijzing": (
        "performance",
        "1:a;2:0.a,1.b,2.c",
        [
            ([], [("a", "Ja"), ("b", "Nee")]),
            (
                [],
                [
                    ("a", "Normaliseren en valideren"),
                    ("b", "De 'samen-optie'-techniek"),
                    ("c", "Verwijzen zonder druk, maar met openheid"),
                ],
            ),
        ],
    ),
}


def test_every_type_has_an_expected_example(example_banks: QuizBanks) -> None:
    assert {example_banks.items[i][1].type for i in EXPECTED} == set(ITEM_TYPES)


@pytest.mark.parametrize("item_id", list(EXPECTED))
def test_codes_of_each_example(renderer: QuizRenderer, example_banks: QuizBanks, item_id: str) -> None:
    item = example_banks.items[item_id][1]
    codes = codes_of(renderer, item)
    interaction, pattern, units = EXPECTED[item_id]
    assert (codes.interaction, codes.pattern) == (interaction, pattern)
    assert legend(codes) == units
    if item.type == "case":  # each stage's part of the pattern, its place before a colon
        assert [u.pattern for u in codes.units] == pattern.split(";")
        assert [u.numbered for u in codes.units] == [False, True]  # the ordering stage's list is pairs
    else:
        assert [u.pattern for u in codes.units] == [pattern]
        assert not codes.units[0].numbered


def test_ordering_codes_are_bank_places_not_shown_places(example_banks: QuizBanks, renderer: QuizRenderer) -> None:
    # The key is in shown places (shuffled), the LMS gets the bank's: quiz.js's authored.
    item = example_banks.items["vb-ordering-verwijzen"][1]
    assert item.correct_answer != sorted(item.correct_answer)
    assert codes_of(renderer, item).pattern == "a,b,c,d,e"


def make_item(data: dict[str, Any]) -> Any:
    return ITEM_MODELS[data["type"]].model_validate({"source": SOURCE, "stem": "Vraag?", **data})


def test_codes_of_what_the_examples_lack(renderer: QuizRenderer) -> None:
    # One statement: SCORM's true-false, just "t" or "f" (scorm.js), no statement number.
    one = make_item({"id": "een", "type": "truefalse", "statements": [{"text": "Zo is het.", "answer": False}]})
    codes = codes_of(renderer, one)
    assert (codes.interaction, codes.pattern) == ("true-false", "f")
    assert legend(codes) == [([], TRUE_FALSE)]
    # In a case every list is pairs ("<place>.<value>"), a multiple's and a one-statement truefalse's too.
    case = make_item(
        {
            "id": "casus",
            "type": "case",
            "stem": "Een casus.",
            "stages": [
                {
                    "id": "a",
                    "text": "Fase een.",
                    "question": {
                        "type": "multiple",
                        "stem": "Welke?",
                        "options": [{"text": "X", "correct": True}, {"text": "Y"}, {"text": "Z", "correct": True}],
                    },
                },
                {
                    "id": "b",
                    "text": "Fase twee.",
                    "question": {"type": "truefalse", "stem": "Juist?", "statements": [{"text": "S", "answer": True}]},
                },
            ],
        }
    )
    codes = codes_of(renderer, case)
    assert codes.pattern == "1:0.a,1.c;2:0.t"
    assert [(u.pattern, u.numbered) for u in codes.units] == [("1:0.a,1.c", True), ("2:0.t", False)]
    assert legend(codes) == [([], [("a", "X"), ("b", "Y"), ("c", "Z")]), ([("0", "S")], TRUE_FALSE)]
    # Past z, an option is a digit (SCORM 1.2: one character): the 28th is 1.
    many = make_item(
        {
            "id": "veel",
            "type": "single",
            "options": [{"text": f"Optie {i}", "correct": i == 27} for i in range(30)],
        }
    )
    codes = codes_of(renderer, many)
    assert codes.pattern == "1"
    assert [c for c, _ in codes.units[0].values][24:30] == ["y", "z", "0", "1", "2", "3"]


def codes_blocks(html: str, item_id: str) -> list[list[str]]:
    """The codes of one item in the answer key's HTML: per block, its lines as text.

    A unit's block is its heading line, then one line per code; a case's whole-answer block is
    one line.
    """
    items = html.split('<li class="qk-answer-key__item" ')[1:]
    block = next(b for b in items if re.match(rf'id="\w+-{item_id}"', b))
    found = re.findall(r'<(div|p) class="qk-answer-key__codes">(.*?)</\1>\n', block, re.DOTALL)
    lines = [re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", text) or [text] for _, text in found]
    return [[re.sub(r"<[^>]+>", "", line) for line in block_lines] for block_lines in lines]


def test_answer_key_shows_the_codes(renderer: QuizRenderer, example_banks: QuizBanks) -> None:
    html = "\n".join(answer_key(renderer, m, "../bronnen/", "../trainers/") for m in example_banks.modules.values())
    head = "Codes in de leeromgeving (SCORM): juist antwoord"
    stage = "Codes in de leeromgeving (SCORM): het deel van deze fase in het juiste antwoord"
    expected = {
        "vb-single-basis": [[f"{head} b", "a = Twee", "b = Drie", "c = Vijf"]],
        "vb-multiple-basis": [
            [
                f"{head} a,b",
                "a = Evidence-based ALK-behandelingen hebben geen effect gehad.",
                "b = De klachten breiden uit of het functioneren verslechtert, ondanks behandeling.",
                "c = Er is geen somatische verklaring gevonden.",
            ]
        ],
        "vb-phrasing-basis": [
            [
                f"{head} a",
                "a = Ik zie dat deze klachten een grote impact op je leven hebben. Dit komt vaker voor.",
                "b = Er is lichamelijk niets te vinden, dus het zit tussen de oren.",
                "c = Je moet nu echt in therapie.",
            ]
        ],
        "vb-truefalse-basis": [
            [
                f"{head} 0.t,1.f",
                "0 = Eén criterium is genoeg om van hardnekkige ALK te spreken.",
                "1 = Hardnekkige ALK komt alleen bij volwassenen voor.",
                "t = Juist",
                "f = Onjuist",
            ]
        ],
        "vb-classify-modi": [
            [
                f"{head} 0.a,1.b,2.c",
                "0 = “Deze pijn betekent dat er iets ernstigs mis is in mijn lichaam.”",
                "1 = “Als er geen onderzoek wordt gedaan, nemen ze me niet serieus.”",
                "2 = “Tja, het is er gewoon, maar dat hoort nu eenmaal bij mij.”",
                "a = Psychische equivalentie",
                "b = Teleologisch",
                "c = Pretend",
            ]
        ],
        "vb-ordering-verwijzen": [
            [
                f"{head} a,b,c,d,e",
                "a = Normaliseren en valideren",
                "b = Uitleggen hoe psychotherapie kan helpen",
                "c = De 'samen-optie'-techniek",
                "d = Een concreet voorbeeld geven en scepsis erkennen",
                "e = Verwijzen zonder druk, maar met openheid",
            ]
        ],
        "vb-case-verwijzing": [
            [f"{stage} 1:a", "a = Ja", "b = Nee"],
            [
                f"{stage} 2:0.a,1.b,2.c (in een casus staat voor elke letter een volgnummer vanaf 0 en een punt)",
                "a = Normaliseren en valideren",
                "b = De 'samen-optie'-techniek",
                "c = Verwijzen zonder druk, maar met openheid",
            ],
            [
                f"{head} 1:a;2:0.a,1.b,2.c (per fase het nummer van de fase, een dubbele punt en de code van die fase; "
                "de fasen gescheiden door een puntkomma)"
            ],
        ],
    }
    for item_id, blocks in expected.items():
        assert codes_blocks(html, item_id) == blocks, item_id
    # A stage's codes under that stage, before the next stage.
    case = html[html.index('id="antwoord-vb-case-verwijzing"') :]
    first, second = case.split('<div class="qk-answer-key__stage">')[1:]
    assert "<code>1:a</code>" in first and "<code>2:0.a,1.b,2.c</code>" not in first
    assert "<code>2:0.a,1.b,2.c</code>" in second
    # Every item has its codes once, a case once per stage and once for the whole.
    count = sum(len(item.units_of) + (item.type == "case") for m in example_banks.modules.values() for item in m.items)
    assert html.count('class="qk-answer-key__codes"') == count


def test_english_answer_key_names_the_codes(example_banks: QuizBanks) -> None:
    english = QuizRenderer(example_banks, citations=citations(ROOT), strings=Strings("en"))
    html = answer_key(english, example_banks.module("voorbeeld-stellingen"), "../sources/", "../trainers/")
    assert codes_blocks(html, "vb-truefalse-basis") == [
        [
            "Codes in the LMS (SCORM): right answer 0.t,1.f",
            "0 = Eén criterium is genoeg om van hardnekkige ALK te spreken.",
            "1 = Hardnekkige ALK komt alleen bij volwassenen voor.",
            "t = True",
            "f = False",
        ]
    ]
