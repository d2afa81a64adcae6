"""The quiz in a real Chromium.

Keyboard journeys per type, live feedback, score, saving, instant navigation, broken storage,
and no JavaScript. axe runs in every state a learner can bring about in test_quiz_access.py.
"""

from __future__ import annotations

import json

import pytest
from examples import example_ids, example_module, module_example_ids
from helpers import open_for_instant_navigation
from playwright.sync_api import expect

from quizkit.bank import QuizBanks
from quizkit.models import ITEM_TYPES
from quizkit.types import QUESTION_TYPES

pytestmark = pytest.mark.browser

KEUZE = "leermodules/voorbeeld-keuze/"
STELLINGEN = "leermodules/voorbeeld-stellingen/"
LOS = "leermodules/losse-vragen/"
# One example of each type, on its example module's page (tests/examples.py).
PAGE_OF = {example_ids(kind)[0]: f"leermodules/{example_module(kind)}/" for kind in ITEM_TYPES}


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def wrong_answer(unit_type: str, key):
    """An answer in the shape of ``key`` that is not right."""
    if unit_type in ("single", "phrasing"):
        return (key + 1) % 2 if key in (0, 1) else 0
    if unit_type == "multiple":
        return key[:1]
    if unit_type == "truefalse":
        return [not key[0], *key[1:]]
    if unit_type == "classify":
        return [(key[0] + 1) % 3, *key[1:]]
    if unit_type == "ordering":
        return None  # leave the shuffled order, which is never right
    raise AssertionError(f"no wrong answer for type '{unit_type}': add one to wrong_answer")


def shown_position(scope, value) -> int:
    """Where the input with ``value`` is among the inputs of ``scope``, in the order they are shown."""
    values = scope.locator("input").evaluate_all("els => els.map(e => JSON.parse(e.value))")
    return values.index(value)


def answer_unit(page, unit, unit_type: str, answer) -> None:
    """Give ``answer`` with the keyboard only, starting from the unit's first control.

    Options are found by their value, not their place, so any order they are shown in works.
    """
    if unit_type in ("single", "phrasing"):
        unit.locator("input").first.focus()
        page.keyboard.press("Space")
        for _ in range(shown_position(unit, answer)):
            page.keyboard.press("ArrowDown")
    elif unit_type == "multiple":
        boxes = unit.locator("input")
        values = boxes.evaluate_all("els => els.map(e => JSON.parse(e.value))")
        boxes.first.focus()
        for i, value in enumerate(values):
            if value in answer:
                page.keyboard.press("Space")
            if i < len(values) - 1:
                page.keyboard.press("Tab")
    elif unit_type in ("truefalse", "classify"):
        groups = unit.locator("[data-quiz-group]")
        for g in range(groups.count()):
            if g == 0:
                groups.nth(0).locator("input").first.focus()
            else:
                page.keyboard.press("Tab")
            page.keyboard.press("Space")
            for _ in range(shown_position(groups.nth(g), answer[g])):
                page.keyboard.press("ArrowRight")
    elif unit_type == "ordering" and answer is None:
        unit.locator('[data-quiz-action="up"]').first.focus()
    elif unit_type == "ordering":
        for position, step in enumerate(answer):
            li = unit.locator(f'[data-quiz-step="{step}"]')
            up = li.locator('[data-quiz-action="up"]')
            up.focus()
            while (
                unit.locator("[data-quiz-step]").evaluate_all(
                    "(els, s) => els.findIndex(e => e.dataset.quizStep === s)", str(step)
                )
                > position
            ):
                page.keyboard.press("Enter")
                # Focus stays on the pressed button while its step moves.
                assert page.evaluate(
                    "() => document.activeElement.closest('[data-quiz-step]').dataset.quizStep"
                ) == str(step)
    else:
        raise AssertionError(f"no keyboard answer for type '{unit_type}': add one to answer_unit")


def feedback(page, item_id: str) -> str:
    """The text of an item's live region once it is filled."""
    region = page.locator(f"#vraag-{item_id} [data-quiz-feedback]")
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=region.element_handle())
    return region.inner_text()


def give_answer(page, banks: QuizBanks, item_id: str, right: bool) -> None:
    """Answer an item by keyboard (``right``, or wrong in its first unit), without checking it."""
    item = banks.items[item_id][1]
    keys = item.correct_answer
    stages = [s.question for s in item.stages] if item.type == "case" else [item]
    keys = keys if item.type == "case" else [keys]
    units = page.locator(f"#vraag-{item_id} [data-quiz-unit]")
    for u, (question, key) in enumerate(zip(stages, keys, strict=True)):
        give = key if right or u > 0 else wrong_answer(question.type, key)
        answer_unit(page, units.nth(u), question.type, give)


def answer_item(page, banks: QuizBanks, item_id: str, right: bool) -> str:
    """Answer an item by keyboard, check it with Enter, and return the live region's text."""
    give_answer(page, banks, item_id, right)
    # Arrow keys and choosing never submit: nothing has been announced yet.
    assert page.locator(f"#vraag-{item_id} [data-quiz-feedback]").inner_text() == ""
    tab_to(page, f'#vraag-{item_id} [data-quiz-action="check"]')
    page.keyboard.press("Enter")
    text = feedback(page, item_id)
    assert page.evaluate("() => document.activeElement.dataset.quizAction") == "check", "focus moved unasked"
    return text


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
@pytest.mark.parametrize("item_id", list(PAGE_OF))
def test_keyboard_journey(page, quiz_url: str, example_banks: QuizBanks, item_id: str, right: bool) -> None:
    page.goto(quiz_url + PAGE_OF[item_id])
    text = answer_item(page, example_banks, item_id, right)
    if right:
        assert text.startswith("Goed:\nDat klopt.") or text.startswith("Goed: Dat klopt."), text
    else:
        assert text.startswith("Niet goed:") and "Dat klopt niet." in text, text
    region = page.locator(f"#vraag-{item_id} [data-quiz-feedback]")
    assert region.get_attribute("aria-live") == "polite"
    assert region.locator(".qk-sr").inner_text().strip() in ("Goed:", "Niet goed:")


def test_feedback_names_the_chosen_option(page, quiz_url: str, example_banks: QuizBanks) -> None:
    page.goto(quiz_url + KEUZE)
    text = answer_item(page, example_banks, "vb-single-basis", right=False)
    assert "Nee, het zijn er meer." in text
    page.locator('#vraag-vb-single-basis [data-quiz-action="retry"]').click()
    # "Opnieuw" says what it did (a learner's journey: with a screen reader it cleared in silence),
    # in the live region, in place of the verdict it took away.
    region = page.locator("#vraag-vb-single-basis [data-quiz-feedback]")
    expect(region).to_have_text("Uw antwoord is gewist.")
    assert region.get_attribute("aria-live") == "polite"
    assert page.locator("#vraag-vb-single-basis input:checked").count() == 0
    # Choosing again takes the message away with the verdict.
    give_answer(page, example_banks, "vb-single-basis", right=True)
    expect(region).to_have_text("")


def test_a_verdict_an_arrow_key_takes_away_is_said(page, quiz_url: str, example_banks: QuizBanks) -> None:
    """A checked answer that changes says so; its verdict and saved answer go.

    A learner's journey: going over a checked question's options with the arrow keys changed the
    answer, and its verdict and saved answer went without a word to a screen reader.
    """
    page.goto(quiz_url + KEUZE)
    summary = page.locator(".qk-quiz__summary")
    answer_item(page, example_banks, "vb-single-basis", right=True)
    assert "1 van 4 vragen beantwoord." in summary.inner_text()
    page.locator("#vraag-vb-single-basis input:checked").focus()
    page.keyboard.press("ArrowDown")
    region = page.locator("#vraag-vb-single-basis [data-quiz-feedback]")
    expect(region).to_have_text("Uw antwoord is veranderd. Kies opnieuw Controleer.")
    assert region.get_attribute("aria-live") == "polite"
    assert "is-" not in (region.get_attribute("class") or "")
    assert "0 van 4 vragen beantwoord." in summary.inner_text()
    # Said once: going on over the options takes the message away, as choosing again takes away
    # that of "Opnieuw" (there is no verdict left to lose).
    page.keyboard.press("ArrowDown")
    expect(region).to_have_text("")
    # A hint is not a verdict: choosing after "Kies eerst een antwoord" takes the hint away in silence.
    page.locator('#vraag-vb-single-opmaak [data-quiz-action="check"]').click()
    hint = page.locator("#vraag-vb-single-opmaak [data-quiz-feedback]")
    expect(hint).to_have_text("Kies eerst een antwoord.")
    page.locator("#vb-single-opmaak-0").check()
    expect(hint).to_have_text("")


def test_ordering_moves_are_announced(page, quiz_url: str) -> None:
    page.goto(quiz_url + STELLINGEN)
    unit = page.locator("#vraag-vb-ordering-verwijzen [data-quiz-unit]")
    first = unit.locator("[data-quiz-step]").first
    assert first.locator('[data-quiz-action="up"]').get_attribute("aria-disabled") == "true"
    text = first.locator(".qk-q__step-text").inner_text()
    first.locator('[data-quiz-action="down"]').focus()
    page.keyboard.press("Enter")
    moves = unit.locator("[data-quiz-moves]")
    assert moves.get_attribute("aria-live") == "polite"
    assert moves.inner_text() == f"{text}: nu op plaats 2 van 5."


def answer_all_by_mouse(page, wrong: set[str] = frozenset()) -> None:
    """Answer the keuze module (the right answers, except for the ids in ``wrong``)."""
    choices = {"vb-single-basis": [1], "vb-single-opmaak": [0], "vb-multiple-basis": [0, 1], "vb-phrasing-basis": [0]}
    for item_id, picks in choices.items():
        picks = [2] if item_id in wrong else picks
        for i in picks:
            page.locator(f"#{item_id}-{i}").check()
        page.locator(f'#vraag-{item_id} [data-quiz-action="check"]').click()
        feedback(page, item_id)


def test_score_and_summary_against_pass_mark(page, quiz_url: str) -> None:
    page.goto(quiz_url + KEUZE)
    # The module says how many right answers pass; 3 passes here, 2 fails (test_failing_score).
    assert "Geslaagd bij 60% goed (3 van de 4 vragen)" in page.locator(".qk-quiz__facts").inner_text()
    summary = page.locator(".qk-quiz__summary")
    assert summary.is_visible()
    assert "0 van 4 vragen beantwoord." in summary.inner_text()
    answer_all_by_mouse(page, wrong={"vb-single-basis"})
    text = summary.inner_text()
    assert "4 van 4 vragen beantwoord." in text
    assert "U heeft 3 van 4 vragen goed (75%). Nodig om te slagen: 60%. Geslaagd." in text
    assert "Vraag 1 van 4: niet goed" in text and "Vraag 2 van 4: goed" in text
    page.locator('[data-quiz-action="reset"]').click()
    assert "0 van 4 vragen beantwoord." in summary.inner_text()
    assert page.locator(".qk-quiz input:checked").count() == 0
    assert page.evaluate("() => JSON.parse(localStorage.getItem('halk-quiz:voorbeeld-keuze')).items") == {}


def test_failing_score(page, quiz_url: str) -> None:
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page, wrong={"vb-single-basis", "vb-phrasing-basis"})
    assert (
        "U heeft 2 van 4 vragen goed (50%). Nodig om te slagen: 60%. Nog niet geslaagd."
        in page.locator(".qk-quiz__summary").inner_text()
    )


def test_progress_survives_reload(page, quiz_url: str, example_banks: QuizBanks) -> None:
    page.goto(quiz_url + STELLINGEN)
    answer_item(page, example_banks, "vb-ordering-verwijzen", right=True)
    answer_item(page, example_banks, "vb-classify-modi", right=False)
    order = page.locator("#vraag-vb-ordering-verwijzen [data-quiz-step]").evaluate_all(
        "els => els.map(e => e.dataset.quizStep)"
    )
    page.reload()
    assert (
        page.locator("#vraag-vb-ordering-verwijzen [data-quiz-step]").evaluate_all(
            "els => els.map(e => e.dataset.quizStep)"
        )
        == order
    )
    assert page.locator("#vraag-vb-ordering-verwijzen [data-quiz-feedback]").inner_text().startswith("Goed:")
    assert page.locator("#vraag-vb-classify-modi [data-quiz-feedback]").inner_text().startswith("Niet goed:")
    assert page.locator("#vraag-vb-classify-modi input:checked").count() == 3
    total = len(module_example_ids("voorbeeld-stellingen"))
    assert f"2 van {total} vragen beantwoord." in page.locator(".qk-quiz__summary").inner_text()


def test_progress_survives_instant_navigation(page, quiz_url: str) -> None:
    open_for_instant_navigation(page, quiz_url + KEUZE)
    page.locator("#vb-single-basis-1").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    feedback(page, "vb-single-basis")
    page.evaluate("() => { window.__stillHere = true; }")
    page.locator('nav a[href$="voorbeeld-stellingen/"]').first.click()
    page.wait_for_url("**/voorbeeld-stellingen/")
    page.locator('#vraag-vb-truefalse-basis [data-quiz-action="check"]').wait_for(state="visible")
    assert page.evaluate("() => window.__stillHere === true"), "navigation was not instant"
    page.locator("#vb-truefalse-basis-0-true").check()
    page.locator("#vb-truefalse-basis-1-false").check()
    page.locator('#vraag-vb-truefalse-basis [data-quiz-action="check"]').click()
    assert feedback(page, "vb-truefalse-basis").startswith("Goed:")
    page.locator('nav a[href$="voorbeeld-keuze/"]').first.click()
    page.wait_for_url("**/voorbeeld-keuze/")
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').wait_for(state="visible")
    assert page.evaluate("() => window.__stillHere === true")
    assert page.locator("#vb-single-basis-1").is_checked()
    assert feedback(page, "vb-single-basis").startswith("Goed:")
    # One click handler per quiz, however often the page was shown: one check, one saved entry.
    assert page.evaluate("() => document.querySelectorAll('.qk-quiz[data-quiz-ready]').length") == 1
    page.locator("#vb-single-basis-0").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    assert feedback(page, "vb-single-basis").startswith("Niet goed:")


def test_quiz_starts_after_instant_navigation_from_a_page_without_quiz(page, quiz_url: str) -> None:
    # Only quiz pages load quiz.js (the quizkit plugin adds it to their content); instant navigation must run it.
    open_for_instant_navigation(page, quiz_url + "alk/")
    assert page.evaluate("() => typeof window.quizkit") == "undefined"
    assert page.locator('script[src$="quiz.js"], link[href$="quiz.css"]').count() == 0
    page.evaluate("() => { window.__stillHere = true; }")
    page.locator('nav a[href$="voorbeeld-keuze/"]').first.click()
    page.wait_for_url("**/voorbeeld-keuze/")
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').wait_for(state="visible")
    assert page.evaluate("() => window.__stillHere === true"), "navigation was not instant"
    page.locator("#vb-single-basis-1").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    assert feedback(page, "vb-single-basis").startswith("Goed:")
    # The stylesheet came along too (it loads after the page is swapped): quiz.css gives every item a top border.
    expect(page.locator(".qk-quiz-item").first).to_have_css("border-top-style", "solid")


def test_one_namespace_with_a_handler_per_question_type(page, quiz_url: str) -> None:
    """quiz.js is the core, every type's type.js and the start, in one file: window.quizkit."""
    page.goto(quiz_url + STELLINGEN)
    page.locator(".qk-quiz[data-quiz-ready]").wait_for(state="attached")
    found = page.evaluate(
        """() => ({
            keys: Object.keys(window.quizkit).sort(),
            types: Object.fromEntries(Object.entries(window.quizkit.types).map(([name, t]) =>
                [name, ["read", "write", "feedback", "count", "valid"].filter(f => typeof t[f] === "function")])),
            start: typeof window.quizkit.quiz.start,
        })"""
    )
    assert found["types"] == {name: ["read", "write", "feedback", "count", "valid"] for name in QUESTION_TYPES}
    assert found["start"] == "function"
    # On the site there is no SCORM adapter: quiz.js keeps answers in localStorage.
    assert "adapter" not in found["keys"] and "scorm" not in found["keys"]
    assert {"quiz", "types", "shared"} <= set(found["keys"])
    assert page.locator('script[src$="assets/quizkit/quiz.js"]').count() == 1


def test_single_item_page_shares_progress_with_its_module(page, quiz_url: str) -> None:
    page.goto(quiz_url + LOS)
    page.locator("#vb-single-basis-1").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    feedback(page, "vb-single-basis")
    page.goto(quiz_url + KEUZE)
    assert page.locator("#vb-single-basis-1").is_checked()
    assert "1 van 4 vragen beantwoord." in page.locator(".qk-quiz__summary").inner_text()


@pytest.mark.parametrize(
    "stored",
    ["{not json", '"a string"', '{"v": 1, "items": 7}', '{"v": 1, "items": {"vb-single-basis": {"h": "x", "s": 5}}}'],
    ids=["not-json", "wrong-type", "items-not-a-map", "stale-hash"],
)
def test_corrupt_storage_leaves_a_working_quiz(page, quiz_url: str, stored: str) -> None:
    page.goto(quiz_url + KEUZE)
    page.evaluate("s => localStorage.setItem('halk-quiz:voorbeeld-keuze', s)", stored)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.reload()
    page.locator("#vb-single-basis-1").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    assert feedback(page, "vb-single-basis").startswith("Goed:")
    assert errors == []
    saved = json.loads(page.evaluate("() => localStorage.getItem('halk-quiz:voorbeeld-keuze')"))
    assert saved["items"]["vb-single-basis"]["ok"] is True


@pytest.mark.parametrize(
    ("saved", "right"),
    [
        pytest.param([0], False, id="wrong"),
        pytest.param([1], True, id="right"),
        pytest.param([7], None, id="no-such-option"),
        pytest.param([-1], None, id="negative"),
        pytest.param(["1"], None, id="text"),
        pytest.param([[1]], None, id="list"),
        pytest.param([None], None, id="null"),
        pytest.param([], None, id="no-unit"),
    ],
)
def test_saved_answers_are_checked_not_trusted(page, quiz_url: str, saved: list, right: bool | None) -> None:
    """A saved entry with the current hash counts only if it fits the item; "ok" in storage is ignored."""
    page.goto(quiz_url + KEUZE)
    hashes = page.locator("[data-quiz-item]").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.dataset.quizItem, e.dataset.quizHash]))"
    )
    entries = {
        "vb-single-basis": {"h": hashes["vb-single-basis"], "s": saved, "ok": True},
        # Untouched by the case: a right answer to another item, saved with ok: false.
        "vb-multiple-basis": {"h": hashes["vb-multiple-basis"], "s": [[0, 1]], "ok": False},
    }
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.evaluate("s => localStorage.setItem('halk-quiz:voorbeeld-keuze', s)", json.dumps({"v": 1, "items": entries}))
    page.reload()
    page.locator(".qk-quiz[data-quiz-ready]").wait_for(state="attached")
    summary = page.locator(".qk-quiz__summary").inner_text()
    assert "Vraag 3 van 4: goed" in summary, "the other item's right answer counts, whatever its ok says"
    region = page.locator("#vraag-vb-single-basis [data-quiz-feedback]")
    if right is None:
        assert "1 van 4 vragen beantwoord." in summary, "an entry that does not fit the item is dropped"
        assert page.locator("#vraag-vb-single-basis input:checked").count() == 0
        assert region.inner_text() == ""
    else:
        assert "2 van 4 vragen beantwoord." in summary
        assert f"Vraag 1 van 4: {'goed' if right else 'niet goed'}" in summary
        assert page.locator(f"#vb-single-basis-{saved[0]}").is_checked()
        assert region.inner_text().startswith("Goed:" if right else "Niet goed:")
    assert errors == []


def test_unavailable_storage_leaves_a_working_quiz(new_page, quiz_url: str) -> None:
    page = new_page()
    page.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new Error('blocked'); }});"
    )
    errors: list[str] = []
    # Material's own scripts may complain about the blocked storage; ours must not.
    page.on("pageerror", lambda e: errors.append(e.stack or str(e)))
    page.goto(quiz_url + KEUZE)
    page.locator("#vb-single-basis-2").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    assert feedback(page, "vb-single-basis").startswith("Niet goed:")
    # Nothing is saved, but the page counts the answer (it keeps the record itself).
    assert "1 van 4 vragen beantwoord." in page.locator(".qk-quiz__summary").inner_text()
    assert [e for e in errors if "quiz" in e] == []


def test_changed_item_drops_only_its_own_saved_answer(page, quiz_url: str) -> None:
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page)
    key = "halk-quiz:voorbeeld-keuze"
    saved = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    saved["items"]["vb-single-basis"]["h"] = "edited0000"  # as if an editor changed the item's answers
    saved["items"]["vb-removed-item"] = {"h": "gone", "s": [1], "ok": True}  # an item that no longer exists
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
    page.reload()
    assert page.locator("#vraag-vb-single-basis input:checked").count() == 0
    assert page.locator("#vb-multiple-basis-0").is_checked() and page.locator("#vb-phrasing-basis-0").is_checked()
    assert "3 van 4 vragen beantwoord." in page.locator(".qk-quiz__summary").inner_text()


def test_version_bump_starts_afresh(page, quiz_url: str) -> None:
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page)
    page.evaluate(
        "() => { const d = JSON.parse(localStorage.getItem('halk-quiz:voorbeeld-keuze')); d.v = 0;"
        " localStorage.setItem('halk-quiz:voorbeeld-keuze', JSON.stringify(d)); }"
    )
    page.reload()
    assert page.locator(".qk-quiz input:checked").count() == 0


def test_without_javascript_the_page_is_complete(new_page, quiz_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(quiz_url + STELLINGEN)
    assert page.locator(".qk-quiz-item").count() == len(module_example_ids("voorbeeld-stellingen"))
    assert page.locator('[data-quiz-action="check"]').first.is_hidden()
    assert page.locator('[data-quiz-action="up"]').first.is_hidden()
    assert page.locator(".qk-quiz__summary").is_hidden()
    assert page.locator("[data-quiz-nojs]").is_visible()
    assert page.locator("#vraag-vb-classify-modi legend").first.is_visible()
    answer = page.locator("#vraag-vb-classify-modi details")
    assert not answer.locator("[data-quiz-answer]").is_visible()
    answer.locator("summary").focus()
    page.keyboard.press("Enter")
    assert answer.locator("[data-quiz-answer]").is_visible()
    assert "Alleen wat concreet en zichtbaar is, telt." in answer.inner_text()
    assert "maar dat hoort nu eenmaal bij mij.” Het juiste antwoord: Pretend" in answer.inner_text()
    assert page.locator("#vraag-vb-ordering-verwijzen details").text_content().count("Normaliseren en valideren") == 1


def test_moodle_shuffles_the_options_of_exactly_the_types_the_site_shuffles(page, quiz_url: str) -> None:
    """A type with options shuffles in Moodle exactly when the site's script shuffles it.

    quiz.js shuffles a unit's choices where its type has a shuffle handler (phrasing borrows
    single's); the model says the same for its Moodle question (shuffles_options).
    """
    from quizkit.types import QUESTION_MODELS

    page.goto(quiz_url + KEUZE)
    page.locator(".qk-quiz[data-quiz-ready]").wait_for(state="attached")
    shuffles = page.evaluate(
        "() => Object.fromEntries(Object.entries(window.quizkit.types)"
        ".map(([name, t]) => [name, typeof t.shuffle === 'function']))"
    )
    with_options = {name: model for name, model in QUESTION_MODELS.items() if "options" in model.model_fields}
    assert {"single", "multiple", "phrasing"} <= set(with_options)
    assert {name: model.shuffles_options for name, model in with_options.items()} == {
        name: shuffles[name] for name in with_options
    }


def test_multiple_choice_is_right_in_any_shown_order(page, quiz_url: str) -> None:
    """The ticked options are compared sorted: the learner's order of the options does not matter."""
    page.goto(quiz_url + KEUZE)
    page.evaluate(
        "() => { const a = document.querySelector('#vb-multiple-basis-0').parentNode;"
        " const b = document.querySelector('#vb-multiple-basis-1').parentNode; a.parentNode.insertBefore(b, a); }"
    )
    page.locator("#vb-multiple-basis-0").check()
    page.locator("#vb-multiple-basis-1").check()
    page.locator('#vraag-vb-multiple-basis [data-quiz-action="check"]').click()
    assert "Dat klopt." in feedback(page, "vb-multiple-basis")


def test_multiple_choice_feedback_counts_the_right_options_chosen(
    page, quiz_url: str, example_banks: QuizBanks
) -> None:
    """A wrong answer that only missed a right option listed nothing but "Juist: ..." lines."""
    page.goto(quiz_url + KEUZE)
    options = example_banks.items["vb-multiple-basis"][1].options
    right = [i for i, o in enumerate(options) if o.correct]
    wrong = [i for i, o in enumerate(options) if not o.correct]
    assert len(right) >= 2 and wrong, "the example needs two right options and a wrong one"
    page.locator(f"#vb-multiple-basis-{right[0]}").check()
    page.locator('#vraag-vb-multiple-basis [data-quiz-action="check"]').click()
    text = feedback(page, "vb-multiple-basis")
    assert "Dat klopt niet." in text and f"Juiste antwoorden gekozen: 1 van {len(right)}." in text
    # A wrong option ticked beside every right one: all right ones chosen, and still not right.
    for i in right + wrong[:1]:
        page.locator(f"#vb-multiple-basis-{i}").check()
    page.locator('#vraag-vb-multiple-basis [data-quiz-action="check"]').click()
    text = feedback(page, "vb-multiple-basis")
    assert "Dat klopt niet." in text and f"Juiste antwoorden gekozen: {len(right)} van {len(right)}." in text


def test_the_right_order_is_numbered_like_the_steps(page, quiz_url: str, example_banks: QuizBanks) -> None:
    """The steps read 1., 2., 3.; the right order under "Toon antwoord" must not read a., b., c."""
    page.goto(quiz_url + STELLINGEN)
    answer_item(page, example_banks, "vb-ordering-verwijzen", right=False)
    item = page.locator("#vraag-vb-ordering-verwijzen")
    item.locator("details.qk-quiz-item__answer > summary").click()
    answer = item.locator("ol.qk-quiz-answer__list")
    assert answer.evaluate("el => getComputedStyle(el).listStyleType") == "decimal"
