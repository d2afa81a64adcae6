"""Options appear in each learner's own order (issue 12).

Stable for that learner, different between learners, never a solved ordering item, and the
authored order without JavaScript and in the answer keys.
"""

from __future__ import annotations

from quizkit.bank import QuizBanks

KEUZE = "leermodules/voorbeeld-keuze/"
STELLINGEN = "leermodules/voorbeeld-stellingen/"


def shown_options(page, item_id: str) -> list[str]:
    """The option values of an item's first unit, in the order they are shown."""
    return page.eval_on_selector_all(
        f'[data-quiz-item="{item_id}"] [data-quiz-unit] input', "inputs => inputs.map(i => i.value)"
    )


def shown_steps(page, item_id: str) -> list[int]:
    return page.eval_on_selector_all(
        f'[data-quiz-item="{item_id}"] [data-quiz-step]', "steps => steps.map(s => +s.dataset.quizStep)"
    )


def learner_page(new_page, quiz_url: str, seed: str | None, path: str):
    page = new_page()
    page.goto(quiz_url + path)
    if seed is not None:
        page.evaluate("seed => localStorage.setItem('halk-quiz:learner', seed)", seed)
        page.reload()
    page.wait_for_selector("[data-quiz-ready]")
    return page


def test_the_order_is_the_same_for_a_learner_on_every_visit(new_page, quiz_url: str):
    page = learner_page(new_page, quiz_url, "leerling-a", KEUZE)
    first = shown_options(page, "vb-multiple-basis")
    page.reload()
    page.wait_for_selector("[data-quiz-ready]")
    assert shown_options(page, "vb-multiple-basis") == first


def as_learner(page, seed: str) -> None:
    """Open the page again as the learner ``seed`` (the browser's learner id, as quiz.js keeps it)."""
    page.evaluate("seed => localStorage.setItem('halk-quiz:learner', seed)", seed)
    page.reload()
    page.wait_for_selector("[data-quiz-ready]")


def test_learners_see_different_orders(new_page, quiz_url: str, example_banks: QuizBanks):
    orders = set()
    page = learner_page(new_page, quiz_url, None, KEUZE)
    for n in range(8):
        as_learner(page, f"leerling-{n}")
        orders.add(tuple(shown_options(page, "vb-multiple-basis")))
    options = len(example_banks.items["vb-multiple-basis"][1].options)
    assert options >= 3
    assert len(orders) >= 3, f"8 learners saw only {len(orders)} orders"


def test_a_new_learner_gets_an_id_of_their_own(new_page, quiz_url: str):
    page = learner_page(new_page, quiz_url, None, KEUZE)
    seed = page.evaluate("() => localStorage.getItem('halk-quiz:learner')")
    assert seed and len(seed) >= 6


def test_an_ordering_item_never_starts_solved(new_page, quiz_url: str, example_banks: QuizBanks):
    key = example_banks.items["vb-ordering-verwijzen"][1].correct_answer
    page = learner_page(new_page, quiz_url, None, STELLINGEN)
    for n in range(12):
        as_learner(page, f"volgorde-{n}")
        assert shown_steps(page, "vb-ordering-verwijzen") != key


def test_without_javascript_and_in_the_answer_key_the_order_is_as_written(new_page, quiz_url: str):
    page = new_page(java_script_enabled=False)
    page.goto(quiz_url + KEUZE)
    assert shown_options(page, "vb-multiple-basis") == sorted(shown_options(page, "vb-multiple-basis"), key=int)
    page.goto(quiz_url + "leermodules/antwoorden/voorbeeld-keuze/")
    feedback = page.eval_on_selector_all(
        "#antwoord-vb-multiple-basis [data-quiz-fb]", "items => items.map(i => +i.dataset.quizFb)"
    )
    assert feedback == sorted(feedback) and len(feedback) >= 3
