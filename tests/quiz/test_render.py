"""Pure render functions against golden HTML, plus the properties the markup must keep.

Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change; review the diff.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from examples import example_ids
from helpers import ROOT
from quizsite import FIXTURES

from macros.schemas import SCHEMA_DIR, SCHEMAS, schema_text
from quizkit import PACKAGE_DIR
from quizkit.answers import answer_hash, encode_key
from quizkit.assets import quiz_script_parts
from quizkit.bank import QuizBanks
from quizkit.models import ITEM_TYPES
from quizkit.render import QuizRenderer, Strings, unquote

GOLDEN = FIXTURES / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Every named example of every type (quizkit/types/<type>/example.yml).
EXAMPLE_IDS = [item_id for kind in ITEM_TYPES for item_id in example_ids(kind)]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check_golden(name: str, html: str) -> None:
    """Compare ``html`` with ``golden/<name>.html`` (or write it when UPDATE_GOLDEN=1)."""
    path = GOLDEN / f"{name}.html"
    if UPDATE or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(html + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {path.name} was missing and has been written; review and commit it")
    assert html + "\n" == path.read_text(encoding="utf-8"), f"{path.name} differs; UPDATE_GOLDEN=1 to accept"


def test_examples_cover_every_type(example_banks: QuizBanks) -> None:
    types = {example_banks.items[i][1].type for i in EXAMPLE_IDS}
    assert types == set(ITEM_TYPES)
    assert set(EXAMPLE_IDS) == set(example_banks.items)


@pytest.mark.parametrize("item_id", EXAMPLE_IDS)
def test_item_matches_golden(renderer: QuizRenderer, item_id: str) -> None:
    check_golden(item_id, renderer.item(item_id, "../bronnen/"))


@pytest.mark.parametrize("module_id", ["voorbeeld-keuze", "voorbeeld-stellingen"])
def test_module_matches_golden(renderer: QuizRenderer, module_id: str) -> None:
    check_golden(f"module-{module_id}", renderer.module(module_id, "../bronnen/"))


def test_index_matches_golden(renderer: QuizRenderer) -> None:
    check_golden("index", renderer.index(lambda m: f"{m}/", ["voorbeeld-stellingen"]))


def test_text_from_data_is_escaped(renderer: QuizRenderer) -> None:
    html = renderer.item("vb-single-opmaak", "")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "<i>" not in html
    assert "<em>nadruk</em>" in html and "<code>code</code>" in html


def test_no_plain_answer_key_in_the_questions_markup(renderer: QuizRenderer, example_banks: QuizBanks) -> None:
    # Outside "Toon antwoord" (which holds the answer by design, for readers without JavaScript)
    # nothing marks the right option: a screen reader or a stylesheet cannot give it away before
    # the learner asks. The key is encoded, not secret: it keeps the answer out of plain sight.
    html = renderer.module("voorbeeld-keuze", "")
    assert "data-correct" not in html and "correct" not in re.sub(r"<details.*?</details>", "", html, flags=re.S)
    # The key decodes (as quiz.js does) to the answer key.
    for item_id in ("vb-single-basis", "vb-multiple-basis"):
        encoded = re.search(rf'data-quiz-item="{item_id}".*?data-quiz-key="([^"]+)"', html).group(1)
        raw = base64.b64decode(encoded)
        decoded = bytes(b ^ item_id.encode()[i % len(item_id)] for i, b in enumerate(raw))
        item = example_banks.items[item_id][1]
        assert json.loads(decoded) == item.answer_key(item_id) == item.correct_answer
        assert encoded == item.encoded_key
    assert example_banks.items["vb-single-basis"][1].answer_key("vb-single-basis") == 1
    assert example_banks.items["vb-multiple-basis"][1].answer_key("vb-multiple-basis") == [0, 1]


def test_ordering_is_shown_shuffled_and_key_restores_order(example_banks: QuizBanks, renderer: QuizRenderer) -> None:
    item = example_banks.items["vb-ordering-verwijzen"][1]
    html = renderer.item(item.id, "")
    shown = re.findall(r'class="qk-q__step-text"[^>]*>([^<]+)<', html)
    assert sorted(shown) == sorted(item.steps) and shown != item.steps
    key = item.answer_key(item.id)
    assert [shown[i] for i in key] == item.steps


def test_answer_hash_ignores_wording_but_not_answers(example_banks: QuizBanks) -> None:
    item = example_banks.items["vb-single-basis"][1]

    def changed(**update: object):
        # A fresh model, not model_copy: that would carry over the item's cached key and hash.
        return type(item).model_validate({**item.model_dump(), **update})

    assert item.saved_hash == answer_hash(item.shape(), item.correct_answer)
    assert changed(stem="Anders gezegd?").saved_hash == item.saved_hash
    options = [item.options[1], item.options[0], item.options[2]]
    reordered = changed(options=[o.model_dump() for o in options])
    assert reordered.correct_answer == 0 and reordered.saved_hash != item.saved_hash
    extra = changed(options=[*(o.model_dump() for o in item.options), {"text": "Tien"}])
    assert extra.correct_answer == item.correct_answer and extra.saved_hash != item.saved_hash
    assert encode_key(1, "ab") != encode_key(1, "cd")


def test_moving_or_rewording_a_step_resets_an_ordering_answer(example_banks: QuizBanks) -> None:
    # A saved order is a list of step indexes: after a step moves in the bank, the same indexes
    # would show an order the learner never made, judged by the new order.
    item = example_banks.items["vb-ordering-verwijzen"][1]

    def with_steps(steps: list[str]):
        return type(item).model_validate({**item.model_dump(), "steps": steps})

    swapped = with_steps([item.steps[1], item.steps[0], *item.steps[2:]])
    assert swapped.correct_answer == item.correct_answer, "the key alone does not see the move"
    assert swapped.saved_hash != item.saved_hash
    assert with_steps([item.steps[0] + " nu", *item.steps[1:]]).saved_hash != item.saved_hash
    reflowed = with_steps([item.steps[0].replace(" ", "  \n"), *item.steps[1:]])
    assert reflowed.saved_hash == item.saved_hash


def test_schema_files_are_up_to_date() -> None:
    for name in SCHEMAS:
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == schema_text(name), f"{name}: run `make schema`"
    schema = json.loads(schema_text("quiz-module.schema.json"))
    assert schema["additionalProperties"] is False
    assert set(schema["$defs"]["SingleItem"]["required"]) >= {"id", "type", "stem", "source", "options"}
    # An editor's hover shows a description as Markdown, in any site's language: no reST literal, no Dutch.
    descriptions = re.findall(r'"description": "((?:[^"\\]|\\.)*)"', schema_text("quiz-module.schema.json"))
    assert len(descriptions) > 20
    assert not [d for d in descriptions if "``" in d or "Toon antwoord" in d], descriptions


def test_every_data_file_names_an_existing_schema() -> None:
    data = ROOT / "docs" / "_data"
    for name, (_, _, pattern) in SCHEMAS.items():
        files = sorted(data.glob(pattern))
        assert files, f"no data files for {name}"
        for path in files:
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.endswith(f"/schema/{name}"), f"{path.name}: first line should name {name}"
            target = (path.parent / first.split("$schema=")[1]).resolve()
            assert target == SCHEMA_DIR / name, f"{path.name}: schema path does not resolve to schema/{name}"


def test_every_bank_names_the_schema() -> None:
    for bank in [
        *sorted((ROOT / "docs" / "_data" / "quiz").glob("*.yml")),
        *sorted((FIXTURES / "modules").glob("*.yml")),
    ]:
        first = bank.read_text(encoding="utf-8").splitlines()[0]
        assert "$schema=" in first and "quiz-module.schema.json" in first, f"{bank.name}: first line names no schema"


def test_ui_strings_live_only_in_strings_file() -> None:
    # Dutch UI words must not be typed into templates or the script (quiz.js and every type.js).
    paths = [
        *(PACKAGE_DIR / "templates").rglob("*.html"),
        *(PACKAGE_DIR / "types").rglob("*.html"),
        *quiz_script_parts(),
    ]
    assert any(p.name == "type.js" for p in paths) and any(p.parent.name == "quiz" for p in paths)
    for path in paths:
        text = re.sub(r"\{#.*?#\}|/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
        for word in ("Controleer", "Opnieuw", "Toon antwoord", "Goed:", "Niet goed", "Omhoog", "Omlaag", "Vraag "):
            assert word not in text, f"{path}: contains the UI string {word!r}; put it in quizkit/locales/nl.yml"


def test_example_markup_is_valid_html(renderer: QuizRenderer, tmp_path: Path) -> None:
    if shutil.which("java") is None or not VNU.exists():
        pytest.fail("the Nu Html Checker needs java and npm's vnu-jar: run `make test`, which installs both")
    body = "\n".join(
        [
            renderer.module("voorbeeld-keuze", "../bronnen/"),
            renderer.module("voorbeeld-stellingen", "../bronnen/"),
            renderer.index(lambda m: f"{m}/"),
        ]
    )
    page = tmp_path / "voorbeelden.html"
    page.write_text(
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Voorbeelden</title></head>'
        f"<body><main><h1>Voorbeelden</h1>\n{body}\n</main></body></html>\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "text", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("“Ik begrijp het.”", "Ik begrijp het."),
        ("‘Ik begrijp het.’", "Ik begrijp het."),
        ("Ik begrijp het.", "Ik begrijp het."),
        ("“Ja,” zegt u, “dat klopt.”", "“Ja,” zegt u, “dat klopt.”"),
        ("“", "“"),
    ],
)
def test_unquote_takes_off_one_pair_around_the_whole_text(text: str, shown: str) -> None:
    """D13: a phrasing option in <q> shows one pair of quotation marks, not ‘“…”’."""
    assert unquote(text) == shown


def test_blank_lines_inside_a_code_block_are_kept(tmp_path: Path) -> None:
    # The renderer drops the templates' blank lines, but a code block's empty line is its text.
    from quizkit.bank import load_quiz_banks
    from quizkit.markdown import MarkdownRenderer

    (tmp_path / "m.yml").write_text(
        "module: {id: m, title: M, description: D, version: 1, minutes: 1, pass_mark: 50, objectives: [o]}\n"
        "items:\n"
        "  - id: q\n    type: single\n    stem: S\n    source: {doc: d, where: w}\n"
        '    explanation: "```\\nregel 1\\n\\nregel 3\\n```\\n\\nNa de code."\n'
        "    options: [{text: A, correct: true}, {text: B}]\n",
        encoding="utf-8",
    )
    renderer = QuizRenderer(load_quiz_banks(tmp_path, tmp_path), MarkdownRenderer(["fenced_code"]))
    html = renderer.module("m", "")
    assert "regel 1\n\nregel 3" in html
    assert "\n\n" not in html.replace("regel 1\n\nregel 3", "")


def test_a_string_no_locale_has_is_named_with_its_file_and_section() -> None:
    from quizkit.render import Strings

    with pytest.raises(LookupError, match=r"^quizkit/locales/en\.yml: geen tekst 'no_such_label' onder quiz:$"):
        Strings("en")("no_such_label")
    with pytest.raises(LookupError, match=r"onder trainer of quiz:$"):
        Strings("nl").ts("no_such_label", n=1)


def test_a_type_must_name_a_scorm_interaction_scorm_js_knows() -> None:
    from quizkit.types import QUESTION_MODELS, check_models

    check_models(QUESTION_MODELS)

    class Unnamed:
        pass

    class Typed:
        scorm_interaction = "essay"  # not a SCORM 1.2 interaction

    with pytest.raises(TypeError, match=r"quizkit/types/nieuw: scorm_interaction must be one of .* not None"):
        check_models({"nieuw": Unnamed})
    with pytest.raises(TypeError, match=r"not 'essay'"):
        check_models({"nieuw": Typed})


def test_an_engine_bug_under_a_template_keeps_its_traceback(example_banks: QuizBanks, tmp_path: Path) -> None:
    # Only a template's kind of mistake becomes "fout in sjabloon" at an engine template's line;
    # a bug in the engine's Python (here its Markdown filter) stays a bug, with its traceback.
    from quizkit.errors import ContentError

    renderer = QuizRenderer(example_banks)
    module_id = next(iter(example_banks.modules))

    def broken(text: str) -> str:
        raise RuntimeError("engine bug")

    renderer.env.filters["md"] = broken
    with pytest.raises(RuntimeError, match="engine bug"):
        renderer.module(module_id, "")
    # A mistake of any kind in a site's own template is the site's: its line.
    (tmp_path / "quiz").mkdir()
    (tmp_path / "quiz" / "index.html").write_text("<ul>\n{{ 1 / 0 }}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"quiz/index\.html:2: fout in sjabloon: division by zero"):
        QuizRenderer(example_banks, site_templates=tmp_path).index(lambda module_id: "")


def test_pass_count_is_the_fewest_right_answers_the_script_passes(example_banks: QuizBanks) -> None:
    """The facts' "(9 van de 12 vragen)" against quiz.js: a whole percentage, rounded down."""
    module = next(iter(example_banks.modules.values()))
    for total in range(1, 41):
        for mark in range(1, 101):
            bank = module.model_copy(
                update={
                    "items": [module.items[0]] * total,
                    "module": module.module.model_copy(update={"pass_mark": mark}),
                }
            )
            k = bank.pass_count
            assert 100 * k // total >= mark, (total, mark, k)
            assert 100 * (k - 1) // total < mark, (total, mark, k)


def test_pass_count_of_one_question_is_singular(example_banks: QuizBanks) -> None:
    """One question read "(1 van de 1 vragen)"; it is "(1 van 1 vraag)" now, and singular in English too."""
    module = next(iter(example_banks.modules.values()))
    for total, locale, said in (
        (1, "nl", "(1 van 1 vraag)"),
        (2, "nl", "(2 van de 2 vragen)"),
        (1, "en", "(1 of 1 question)"),
    ):
        bank = module.model_copy(
            update={"items": module.items[:1] * total, "module": module.module.model_copy(update={"pass_mark": 100})}
        )
        renderer = QuizRenderer(example_banks, strings=Strings(locale))
        facts = renderer.env.get_template("quiz/item.html").module.facts(bank)
        assert said in str(facts), facts
