"""Learner safety in Chromium, as the user-journey audit found each defect.

D11 "Begin opnieuw" can be undone, D12 a changed answer loses its old verdict, D19 finishing a
module is announced and unanswered questions are listed, D20 true/false feedback says what the
learner chose, and the ordering count's singular.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from test_quiz_browser import KEUZE, STELLINGEN, answer_all_by_mouse, answer_item, answer_unit, feedback

from quizkit.bank import QuizBanks

pytestmark = pytest.mark.browser


def saved_items(page, module: str) -> dict:
    """The module's saved answers in localStorage."""
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('halk-quiz:{module}')).items")


def test_reset_can_be_undone(page, quiz_url: str) -> None:
    """D11: "Begin opnieuw" says what it did and offers "Ongedaan maken", which puts everything back.

    Also after a second press: that one wipes nothing, so the first press's answers come back.
    """
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page, wrong={"vb-single-basis"})
    summary = page.locator(".qk-quiz__summary")
    before = saved_items(page, "voorbeeld-keuze")
    undo = summary.locator('[data-quiz-action="undo"]')
    assert undo.is_hidden()
    summary.locator('[data-quiz-action="reset"]').click()
    assert "0 van 4 vragen beantwoord." in summary.inner_text()
    assert page.locator(".qk-quiz input:checked").count() == 0
    status = summary.locator('[data-quiz-status][role="status"]')
    assert "Uw antwoorden zijn gewist." in status.inner_text()
    # Pressed again (nothing seemed to change): the undo still has what the first press wiped.
    summary.locator('[data-quiz-action="reset"]').click()
    undo.focus()
    page.keyboard.press("Enter")
    assert saved_items(page, "voorbeeld-keuze") == before
    assert "4 van 4 vragen beantwoord." in summary.inner_text()
    assert "U heeft 3 van 4 vragen goed" in summary.inner_text(), summary.inner_text()
    assert page.locator("#vb-single-basis-2").is_checked()
    assert "Dat klopt niet." in page.locator("#vraag-vb-single-basis [data-quiz-feedback]").inner_text()
    assert status.inner_text() == "Uw antwoorden zijn teruggezet."
    assert undo.is_hidden()
    assert page.evaluate("() => document.activeElement.dataset.quizAction") == "reset"


def test_undo_is_gone_once_a_new_answer_is_checked(page, quiz_url: str) -> None:
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page)
    page.locator('[data-quiz-action="reset"]').click()
    answer_all_by_mouse(page)
    assert page.locator('[data-quiz-action="undo"]').is_hidden()


CHANGED = "Uw antwoord is veranderd. Kies opnieuw Controleer."


def test_changing_a_checked_answer_clears_its_verdict(page, quiz_url: str) -> None:
    """D12: the old verdict goes, and the item counts as unanswered until it is checked again.

    In its place the live region says so (a learner's journey: it went unheard).
    """
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page)
    region = page.locator("#vraag-vb-single-basis [data-quiz-feedback]")
    assert "Dat klopt." in region.inner_text()
    page.locator("#vb-single-basis-2").check()
    expect(region).to_have_text(CHANGED)
    assert "is-" not in (region.get_attribute("class") or "")
    assert "vb-single-basis" not in saved_items(page, "voorbeeld-keuze")
    summary = page.locator(".qk-quiz__summary").inner_text()
    assert "3 van 4 vragen beantwoord." in summary
    assert "Vraag 1 van 4: nog niet beantwoord" in summary
    # A checkbox ticked after checking, too.
    page.locator("#vb-multiple-basis-2").check()
    expect(page.locator("#vraag-vb-multiple-basis [data-quiz-feedback]")).to_have_text(CHANGED)


def test_moving_a_step_after_checking_clears_its_verdict(page, quiz_url: str) -> None:
    page.goto(quiz_url + STELLINGEN)
    item = page.locator("#vraag-vb-ordering-verwijzen")
    item.locator('[data-quiz-action="check"]').click()
    feedback(page, "vb-ordering-verwijzen")
    item.locator('[data-quiz-action="down"]').first.click()
    expect(item.locator("[data-quiz-feedback]")).to_have_text(CHANGED)
    assert "vb-ordering-verwijzen" not in saved_items(page, "voorbeeld-stellingen")


def test_opnieuw_puts_the_steps_back_in_the_learners_own_starting_order(page, quiz_url: str) -> None:
    # A learner's journey: "Opnieuw" put the steps in the page's authored order, not the order
    # the learner started from (and found again after a reload).
    page.goto(quiz_url + STELLINGEN)
    item = page.locator("#vraag-vb-ordering-verwijzen")

    def order() -> list[str]:
        return item.locator(".qk-q__step-text").all_inner_texts()

    start = order()
    item.locator('[data-quiz-action="down"]').first.click()
    assert order() != start
    item.locator('[data-quiz-action="check"]').click()
    feedback(page, "vb-ordering-verwijzen")
    item.locator('[data-quiz-action="retry"]').click()
    assert order() == start
    item.locator('[data-quiz-action="down"]').first.click()
    item.locator('[data-quiz-action="check"]').click()
    page.locator('.qk-quiz__summary [data-quiz-action="reset"]').click()
    assert order() == start
    page.reload()
    assert order() == start


def test_finishing_the_module_is_announced(page, quiz_url: str) -> None:
    """D19: the summary lists what is left; the check that completes the module says so."""
    page.goto(quiz_url + KEUZE)
    page.locator("#vb-single-basis-1").check()
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    text = feedback(page, "vb-single-basis")
    assert "alle vragen" not in text
    summary = page.locator(".qk-quiz__summary").inner_text()
    assert "Vraag 1 van 4: goed" in summary
    for n in (2, 3, 4):
        assert f"Vraag {n} van 4: nog niet beantwoord" in summary
    answer_all_by_mouse(page, wrong={"vb-single-basis"})
    last = page.locator("#vraag-vb-phrasing-basis [data-quiz-feedback]")
    assert "U heeft alle vragen beantwoord. U heeft 3 van 4 vragen goed (75%)." in last.inner_text()
    link = last.locator("a")
    assert link.inner_text() == "Bekijk uw resultaat"
    assert link.get_attribute("href") == "#quiz-voorbeeld-keuze-resultaat"
    # Checking again later does not repeat it.
    page.locator('#vraag-vb-single-basis [data-quiz-action="check"]').click()
    page.wait_for_timeout(100)
    assert "alle vragen" not in feedback(page, "vb-single-basis")


def test_truefalse_feedback_says_what_the_learner_chose(page, quiz_url: str, example_banks: QuizBanks) -> None:
    """D20: "Uw antwoord: Onjuist. Het juiste antwoord: Juist." rather than a bare "Juist."."""
    page.goto(quiz_url + STELLINGEN)
    text = answer_item(page, example_banks, "vb-truefalse-basis", right=False)
    statement = example_banks.items["vb-truefalse-basis"][1].statements[0]
    mine, right = ("Onjuist", "Juist") if statement.answer else ("Juist", "Onjuist")
    assert f"Uw antwoord: {mine}. Het juiste antwoord: {right}." in text


def test_classify_feedback_says_what_the_learner_chose(page, quiz_url: str, example_banks: QuizBanks) -> None:
    """A learner's journey: "statement — category" did not say whose answer the category was."""
    page.goto(quiz_url + STELLINGEN)
    text = answer_item(page, example_banks, "vb-classify-modi", right=False)
    question = example_banks.items["vb-classify-modi"][1]
    labels = {c.id: c.label for c in question.categories}
    wrong = 0
    for i, statement in enumerate(question.statements):
        mine = page.locator(f"#vraag-vb-classify-modi [data-quiz-group]:nth-of-type({i + 1}) input:checked")
        chosen = mine.evaluate("input => input.labels[0].textContent.trim()")
        if chosen != labels[statement.category]:
            wrong += 1
            assert f"Uw antwoord: {chosen}. Het juiste antwoord: {labels[statement.category]}" in text, text
    assert wrong, "the wrong answer put no statement in another category"


def test_a_chosen_label_that_is_a_question_has_no_full_stop_after_it(
    page, quiz_url: str, example_banks: QuizBanks
) -> None:
    """A review: "Uw antwoord: Wie moet het doen?." (two handreiking categories are questions)."""
    page.goto(quiz_url + STELLINGEN)
    page.evaluate(
        """() => document.querySelectorAll('#vraag-vb-classify-modi [data-quiz-group] label')
            .forEach((label) => { label.textContent += '?'; })"""
    )
    text = answer_item(page, example_banks, "vb-classify-modi", right=False)
    assert "Uw antwoord: " in text and "?." not in text, text
    assert "? Het juiste antwoord: " in text, text


def test_one_step_in_place_is_singular(page, quiz_url: str, example_banks: QuizBanks) -> None:
    """One step in its place is singular: "1 van 5 stappen staat op de goede plaats"."""
    page.goto(quiz_url + STELLINGEN)
    key = example_banks.items["vb-ordering-verwijzen"][1].correct_answer
    order = [key[0], *key[2:], key[1]]  # only the first step in its place
    unit = page.locator("#vraag-vb-ordering-verwijzen [data-quiz-unit]")
    answer_unit(page, unit, "ordering", order)
    page.locator('#vraag-vb-ordering-verwijzen [data-quiz-action="check"]').click()
    text = feedback(page, "vb-ordering-verwijzen")
    assert f"1 van {len(key)} stappen staat op de goede plaats." in text
    assert json.dumps(order) == json.dumps(saved_items(page, "voorbeeld-stellingen")["vb-ordering-verwijzen"]["s"][0])


def test_the_quiz_counts_when_the_browser_keeps_nothing(page, quiz_url: str) -> None:
    # Storage full or blocked (private browsing, a policy): nothing is saved, but the summary,
    # the score and "Begin opnieuw" work on the page as if it were.
    page.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('vol', 'QuotaExceededError'); };"
    )
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page, wrong={"vb-single-basis"})
    summary = page.locator(".qk-quiz__summary")
    assert "4 van 4 vragen beantwoord." in summary.inner_text()
    assert "U heeft 3 van 4 vragen goed (75%)." in summary.inner_text()
    assert page.evaluate("() => localStorage.getItem('halk-quiz:voorbeeld-keuze')") is None
    summary.locator('[data-quiz-action="reset"]').click()
    assert "0 van 4 vragen beantwoord." in summary.inner_text()


# For every change inside an item's feedback region: whether the region was a live region
# (aria-live "polite") or silenced ("off"), as it stands at the end of the script's task that
# made the change (when the observer runs; Chromium hands live-region changes to a screen
# reader no earlier).
LIVE_LOG = """
window.liveLog = [];
new MutationObserver((records) => {
  for (const record of records) {
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const region = node && node.closest("[data-quiz-feedback]");
    if (region && record.addedNodes.length) window.liveLog.push(region.getAttribute("aria-live"));
  }
}).observe(document, { subtree: true, childList: true });
"""


def test_answers_put_back_are_not_read_out(page, quiz_url: str) -> None:
    """Restored verdicts fill their regions silently; a region speaks again once the learner acts.

    A screen reader would read every restored verdict at once, after "Ongedaan maken" too.
    """
    page.add_init_script(LIVE_LOG)
    page.goto(quiz_url + KEUZE)
    answer_all_by_mouse(page, wrong={"vb-single-basis"})
    assert set(page.evaluate("() => liveLog")) == {"polite"}
    page.reload()
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    assert "Dat klopt niet." in feedback(page, "vb-single-basis")
    assert page.evaluate("() => liveLog") == ["off"] * 4
    # Checked again: heard again.
    page.locator('#vraag-vb-single-opmaak [data-quiz-action="check"]').click()
    page.wait_for_function("() => liveLog.length === 5")
    assert page.evaluate("() => liveLog")[4] == "polite"
    region = page.locator("#vraag-vb-single-opmaak [data-quiz-feedback]")
    assert region.get_attribute("aria-live") == "polite"
    # Wiped and put back: the one status line speaks, the four verdicts do not.
    summary = page.locator(".qk-quiz__summary")
    summary.locator('[data-quiz-action="reset"]').click()
    assert page.evaluate("() => document.querySelectorAll('[data-quiz-feedback][aria-live=polite]').length") == 4
    before = page.evaluate("() => liveLog.length")
    summary.locator('[data-quiz-action="undo"]').click()
    assert page.locator("#vraag-vb-single-opmaak [data-quiz-feedback]").inner_text() != ""
    assert page.evaluate(f"() => liveLog.slice({before})") == ["off"] * 4
    assert summary.locator("[data-quiz-status]").inner_text() == "Uw antwoorden zijn teruggezet."
    # A change to a restored answer makes its region live again before any verdict.
    page.locator("#vb-single-basis-1").check()
    assert page.locator("#vraag-vb-single-basis [data-quiz-feedback]").get_attribute("aria-live") == "polite"


def test_an_incomplete_answer_says_what_is_missing(page, quiz_url: str) -> None:
    """The message fits the part still unanswered, and in a case names its stage."""
    page.goto(quiz_url + STELLINGEN)
    page.locator('#vraag-vb-case-verwijzing [data-quiz-action="check"]').click()
    assert feedback(page, "vb-case-verwijzing") == "Fase 1: Kies eerst een antwoord."
    truefalse = page.locator("#vraag-vb-truefalse-basis")
    truefalse.locator("[data-quiz-group] input").first.check()
    truefalse.locator('[data-quiz-action="check"]').click()
    assert feedback(page, "vb-truefalse-basis") == "Kies eerst bij elke uitspraak een antwoord."
    page.goto(quiz_url + KEUZE)
    page.locator('#vraag-vb-multiple-basis [data-quiz-action="check"]').click()
    assert feedback(page, "vb-multiple-basis") == "Kies eerst een antwoord."
