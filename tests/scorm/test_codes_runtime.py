"""The answer key's SCORM codes against what a real SCORM 1.2 runtime records (scorm-again).

:func:`quizkit.scorm.scorm_codes` is written by hand after scorm.js; here each package of the
real build, of every type's examples and of the codes the site lacks runs in scorm-again
(tests/scorm/host.html), and every interaction it records is compared with it.
"""

from __future__ import annotations

import io
import shutil
import string
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import HERE, SCORM_AGAIN
from examples import write_example_banks
from helpers import ANSWER_JS, ROOT, serve
from markupsafe import Markup

from macros.content import citations
from quizkit.bank import QuizBanks, load_quiz_banks
from quizkit.models import ITEM_TYPES
from quizkit.render import QuizRenderer, Strings
from quizkit.scorm import PackageBuilder, scorm_codes, scorm_response

pytestmark = pytest.mark.browser


def run_wrong(page, host_url: str, items: int) -> tuple[list[dict], dict]:
    """Launch the package at ``host_url`` in scorm-again, answer every item wrong, close.

    Returns the interactions the LMS recorded, in order, and the learner's saved states (shown
    terms), as scorm.js itself reads them back from cmi.suspend_data.
    """
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(host_url)
    assert page.evaluate("([prev, opts]) => lms.launch(prev, opts)", [None, {}]) == "index.html"
    frame = page.frame(name="sco")
    frame.wait_for_selector(".qk-quiz[data-quiz-ready]")
    # Every item answered wrong: the learner's response differs from the right answer.
    assert frame.evaluate(ANSWER_JS, "wrong") == items
    cmi = page.evaluate("lms.data()")
    saved = frame.evaluate("(text) => window.quizkit.scorm.unpack(text).items", cmi["suspend_data"])
    page.evaluate("lms.close()")
    assert not errors, errors
    data = cmi["interactions"]
    return [data[str(n)] for n in range(len([k for k in data if k.isdigit()]))], saved


def check_interaction(interaction: dict, item: Any, saved: dict, strings: Strings) -> None:
    """The recorded interaction of ``item`` is what :func:`scorm_codes` and :func:`scorm_response` say."""
    codes = scorm_codes(item, Markup.escape, strings)
    assert interaction["id"] == item.id
    assert interaction["type"] == codes.interaction, item.id
    assert interaction["correct_responses"]["0"]["pattern"] == codes.pattern, item.id
    # The same encoding for any answer: the learner's, through each type's authored.
    keys = item.correct_answer if item.type == "case" else [item.correct_answer]
    states = [
        q.authored(state, key)
        for (q, _uid, _seed, _stage), state, key in zip(item.units_of, saved[item.id]["s"], keys, strict=True)
    ]
    assert interaction["student_response"] == scorm_response(codes.interaction, states), item.id
    assert interaction["student_response"] != codes.pattern, item.id


def check_modules(page, lms_url: str, banks: QuizBanks) -> set[str]:
    """Run every module's package (served under ``lms_url``) and check each interaction; the types seen."""
    strings = Strings("nl")
    seen_types = set()
    for module_id, module in banks.modules.items():
        found, saved = run_wrong(page, f"{lms_url}{module_id}/host.html", len(module.items))
        assert [i["id"] for i in found] == [item.id for item in module.items], module_id
        for interaction, item in zip(found, module.items, strict=True):
            check_interaction(interaction, item, saved, strings)
            seen_types |= {q.type for q, *_ in item.units_of} | {item.type}
    return seen_types


def test_codes_are_what_the_lms_records(page, lms_url: str, banks: QuizBanks) -> None:
    check_modules(page, lms_url, banks)


# What the site's banks lack: a one-statement true/false item (SCORM's true-false) and case
# stages of the other types, each an item of a module of its own, packaged as the plugin does.
EDGE_BANK = """
module: {id: randcodes, title: Randcodes, description: Codes die de site niet heeft., version: 1,
         minutes: 1, pass_mark: 50, objectives: [codes]}
items:
  - id: rc-een-stelling
    type: truefalse
    stem: Klopt dit?
    source: {doc: profielschets, where: "1.2"}
    statements: [{text: Zo is het., answer: false}]
  - id: rc-casus
    type: case
    stem: Een casus.
    source: {doc: profielschets, where: "1.2"}
    stages:
      - id: keuzes
        text: Fase een.
        question: {type: multiple, stem: Welke?, options: [{text: X, correct: true}, {text: Y}, {text: Z, correct: true}]}
      - id: stelling
        text: Fase twee.
        question: {type: truefalse, stem: Juist?, statements: [{text: S, answer: true}]}
      - id: stellingen
        text: Fase drie.
        question: {type: truefalse, stem: Juist?, statements: [{text: S1, answer: true}, {text: S2, answer: false}]}
      - id: volgorde
        text: Fase vier.
        question: {type: ordering, stem: Volgorde?, steps: [Een, Twee, Drie]}
      - id: zin
        text: Fase vijf.
        question: {type: phrasing, stem: Wat zegt u?, options: [{text: Goed., correct: true, feedback: Helpt.}, {text: Fout., feedback: Helpt niet.}]}
  - id: rc-lange-volgorde
    type: ordering
    stem: Zet 36 stappen in volgorde.
    source: {doc: profielschets, where: "1.2"}
    steps:
""" + "".join(f"      - Stap {n}\n" for n in range(1, 37))


def packaged(banks_dir: Path, root: Path) -> QuizBanks:
    """The banks in ``banks_dir``, each module's packages unpacked under ``root`` as an LMS serves them."""
    banks = load_quiz_banks(banks_dir, ROOT, citations(ROOT))
    renderer = QuizRenderer(banks, citations=citations(ROOT))
    for name, data in PackageBuilder(renderer).packages(banks.modules.values()).items():
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.extractall(root / name / "sco")
        shutil.copyfile(HERE / "host.html", root / name / "host.html")
        shutil.copyfile(SCORM_AGAIN, root / name / "scorm12.js")
    return banks


def test_codes_the_site_lacks_are_what_the_lms_records(page, tmp_path: Path) -> None:
    banks_dir = tmp_path / "banks"
    banks_dir.mkdir()
    (banks_dir / "randcodes.yml").write_text(EDGE_BANK, encoding="utf-8")
    banks = packaged(banks_dir, tmp_path / "lms")
    module = banks.modules["randcodes"]
    with serve(tmp_path / "lms") as url:
        found, saved = run_wrong(page, f"{url}randcodes/host.html", len(module.items))
    assert [i["type"] for i in found] == ["true-false", "performance", "sequencing"]
    for interaction, item in zip(found, module.items, strict=True):
        check_interaction(interaction, item, saved, Strings("nl"))
    # SCORM 1.2 codes a step with one character (0-9, a-z): 36 steps, 36 codes.
    for recorded in (found[2]["correct_responses"]["0"]["pattern"], found[2]["student_response"]):
        codes = recorded.split(",")
        assert len(codes) == len(set(codes)) == 36, recorded
        assert all(len(code) == 1 and code in string.digits + string.ascii_lowercase for code in codes), recorded


def test_codes_of_every_type_are_what_the_lms_records(page, tmp_path: Path) -> None:
    # Every type's examples (quizkit/types/*/example.yml), so that a new type is checked in the
    # runtime without the site's content having to use it.
    banks = packaged(write_example_banks(tmp_path / "banks"), tmp_path / "lms")
    with serve(tmp_path / "lms") as url:
        seen_types = check_modules(page, url, banks)
    assert seen_types == set(ITEM_TYPES), f"types the examples do not exercise: {set(ITEM_TYPES) - seen_types}"
