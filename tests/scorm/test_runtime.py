"""Each package in a real SCORM 1.2 runtime: scorm-again's API in a host page, the SCO in an iframe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from helpers import ANSWER_JS

from quizkit.bank import QuizBanks
from quizkit.scorm import SUSPEND_DATA_LIMIT, check_suspend_data, pack_suspend_data, worst_suspend_data

pytestmark = pytest.mark.browser


@contextmanager
def lms_session(page, lms_url: str, module_id: str) -> Iterator[dict]:
    """The test LMS for ``module_id``; every request and page error is recorded."""
    seen: dict = {"requests": [], "errors": [], "console": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.goto(f"{lms_url}{module_id}/host.html")
    yield seen


def launch(page, previous: dict | None = None, **options) -> object:
    """Launch the SCO as the manifest says; returns its frame."""
    href = page.evaluate("([prev, opts]) => lms.launch(prev, opts)", [previous, options])
    assert href == "index.html"
    frame = page.frame(name="sco")
    frame.wait_for_selector(".qk-quiz[data-quiz-ready]")
    return frame


def answer_all(frame, mode: str, limit: int | list[int] | None = None) -> int:
    """Answer every item (or the first ``limit``, or those at the indexes ``limit``) right or wrong.

    See tests/scorm/answer.js.
    """
    return frame.evaluate(ANSWER_JS, mode if limit is None else [mode, limit])


def keys_of(item) -> list:
    """The right answer of each of an item's units."""
    return [q.answer_key(seed) for q, _uid, seed, _stage in item.units_of]


def interactions(cmi: dict) -> list[dict]:
    """The interactions in scorm-again's JSON of the cmi data."""
    data = cmi["interactions"]
    return [data[str(n)] for n in range(len([k for k in data if k.isdigit()]))]


@pytest.mark.parametrize("mode", ["right", "wrong"])
def test_all_right_passes_all_wrong_fails(page, lms_url: str, banks: QuizBanks, packages, mode: str) -> None:
    for module_id, module in banks.modules.items():
        with lms_session(page, lms_url, module_id) as seen:
            frame = launch(page)
            assert page.evaluate("window.API.isInitialized()"), "the SCO did not call LMSInitialize"
            assert frame.locator("[data-scorm-offline]").inner_text() == "", "connected: no 'not connected' notice"
            assert page.evaluate("lms.masteryscore") == str(module.module.pass_mark)
            assert answer_all(frame, mode) == len(module.items)
            summary = frame.locator(".qk-quiz__summary").inner_text()
            cmi = page.evaluate("lms.close()")
            core = cmi["core"]
            if mode == "right":
                assert (core["lesson_status"], core["score"]["raw"]) == ("passed", "100"), module_id
                assert "Geslaagd." in summary
            else:
                assert (core["lesson_status"], core["score"]["raw"]) == ("failed", "0"), module_id
                assert "Nog niet geslaagd" in summary
            assert (core["score"]["min"], core["score"]["max"]) == ("0", "100")
            assert core["exit"] == "", "a passed or failed module ends its attempt normally"
            found = interactions(cmi)
            assert [i["id"] for i in found] == [item.id for item in module.items]
            assert [i["type"] for i in found] == [item.scorm_interaction for item in module.items]
            assert {i["result"] for i in found} == {"correct" if mode == "right" else "wrong"}
            assert all(i["student_response"] for i in found), "every interaction records the learner's response"
            # The right answer in the same terms beside it: the learner's when right, never when wrong.
            patterns = [i["correct_responses"]["0"]["pattern"] for i in found]
            responses = [i["student_response"] for i in found]
            if mode == "right":
                assert patterns == responses
            else:
                assert all(p and p != r for p, r in zip(patterns, responses, strict=True)), (patterns, responses)
            assert page.evaluate("window.API.isTerminated()"), "the SCO did not call LMSFinish when it was closed"
            assert not seen["errors"], seen["errors"]
            # The build's worst-case estimate (quizkit/scorm.py) really bounds what the quiz saves.
            assert 0 < len(cmi["suspend_data"]) <= len(worst_suspend_data(module)) <= SUSPEND_DATA_LIMIT
            if mode == "right":  # the build packs exactly as scorm.js does
                record = {
                    "v": module.module.version,
                    "items": {i.id: {"h": i.saved_hash, "s": [k for k in keys_of(i)]} for i in module.items},
                }
                assert cmi["suspend_data"] == pack_suspend_data(module, record)
            # Every commit carries the status, and the score once the module is done.
            commits = page.evaluate("lms.commits")
            assert commits and all("cmi.core.lesson_status" in c for c in commits), commits
            assert "cmi.core.score.raw" in commits[-1]
            # Never "completed": the trainers' page has Moodle require the status "passed" alone.
            statuses = page.evaluate("lms.statuses")
            assert statuses and set(statuses) <= {"incomplete", "passed", "failed"}, statuses
            print(f"{module_id} ({mode}): cmi.suspend_data {len(cmi['suspend_data'])} characters")


@pytest.mark.parametrize("raw", [None, "100.0"], ids=["score-as-written", "score-as-decimal"])
def test_relaunch_restores_answers(page, lms_url: str, banks: QuizBanks, raw: str | None) -> None:
    module_id = max(banks.modules, key=lambda m: len(banks.modules[m].items))
    total = len(banks.modules[module_id].items)
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right")
        before = frame.evaluate("() => Array.from(document.querySelectorAll('input:checked')).map((i) => i.id)")
        first = page.evaluate("lms.close()")
        assert first["core"]["lesson_status"] == "passed"
        if raw is not None:  # an LMS may give the score back in another notation
            first["core"]["score"]["raw"] = raw
        # A new API instance (a new session of the LMS) primed with the stored cmi data.
        frame = launch(page, first)
        after = frame.evaluate("() => Array.from(document.querySelectorAll('input:checked')).map((i) => i.id)")
        assert after == before and after, "the checked answers came back from cmi.suspend_data"
        assert frame.locator("[data-quiz-progress]").inner_text().startswith(f"{total} van {total}")
        assert frame.locator(".qk-quiz-item__feedback.is-good").count() == total
        second = page.evaluate("lms.close()")
        # Nothing new was answered: the journal of interactions is not written again; the held
        # result is (every commit carries status and score).
        written = page.evaluate("lms.sets")
        assert not [e for e in written if e.startswith("cmi.interactions.")], written
        assert {"cmi.core.exit", "cmi.core.lesson_status", "cmi.core.score.raw"} <= set(written)
        assert len(interactions(second)) == total == len(interactions(first))
        assert (second["core"]["lesson_status"], second["core"]["score"]["raw"]) == ("passed", raw or "100")
        assert not seen["errors"], seen["errors"]


@pytest.mark.parametrize("hide_count", [False, True], ids=["lms-tells-count", "lms-hides-count"])
def test_a_changed_answer_is_added_to_the_journal(page, lms_url: str, banks: QuizBanks, hide_count: bool) -> None:
    module_id = max(banks.modules, key=lambda m: len(banks.modules[m].items))
    items = banks.modules[module_id].items
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page, hideCount=hide_count)
        answer_all(frame, "right")
        # The learner tries the first question again and now gets it wrong.
        frame.locator(f'#vraag-{items[0].id} [data-quiz-action="retry"]').click()
        assert answer_all(frame, "wrong", limit=1) == 1
        first = page.evaluate("lms.close()")
        found = interactions(first)
        assert [i["id"] for i in found] == [item.id for item in items] + [items[0].id]
        assert (found[0]["result"], found[-1]["result"]) == ("correct", "wrong")
        assert found[0]["student_response"] != found[-1]["student_response"]
        pct = 100 * (len(items) - 1) // len(items)
        # A pass keeps its best score (see test_a_lower_result_that_still_passes_keeps_the_best_score).
        assert first["core"]["score"]["raw"] == "100"
        # Relaunched with a result the LMS does not hold (say, an administrator reset the
        # status): the whole result is reported again, after what the journal has.
        stale = {**first, "core": {**first["core"], "lesson_status": "incomplete"}}
        launch(page, stale)
        second = page.evaluate("lms.close()")
        assert [i["id"] for i in interactions(second)] == [i["id"] for i in found] + [item.id for item in items]
        assert second["core"]["lesson_status"] == (
            "passed" if pct >= banks.modules[module_id].module.pass_mark else "failed"
        )
        assert not seen["errors"], seen["errors"]


def test_new_answers_in_a_new_launch_are_reported_even_with_the_same_score(
    page, lms_url: str, banks: QuizBanks
) -> None:
    module_id = max(banks.modules, key=lambda m: len(banks.modules[m].items))
    items = banks.modules[module_id].items
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right")
        frame.locator(f'#vraag-{items[0].id} [data-quiz-action="retry"]').click()
        answer_all(frame, "wrong", [0])  # first wrong, the rest right: reported
        for item in items[:2]:  # then the first two are cleared, and the learner leaves
            frame.locator(f'#vraag-{item.id} [data-quiz-action="retry"]').click()
        first = page.evaluate("lms.close()")
        assert len(interactions(first)) == len(items) + 1
        # Next launch: first right, second wrong. The same score, and other answers.
        frame = launch(page, first)
        answer_all(frame, "right", [0])
        answer_all(frame, "wrong", [1])
        second = page.evaluate("lms.close()")
        assert second["core"]["score"]["raw"] == first["core"]["score"]["raw"]
        found = interactions(second)
        assert [i["id"] for i in found] == [i["id"] for i in interactions(first)] + [item.id for item in items]
        assert (found[-len(items)]["result"], found[-len(items) + 1]["result"]) == ("correct", "wrong")
        assert not seen["errors"], seen["errors"]


def test_half_done_then_resumed(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id):
        frame = launch(page)
        assert answer_all(frame, "wrong", limit=1) == 1
        checked = frame.evaluate("() => Array.from(document.querySelectorAll('input:checked')).map((i) => i.id)")
        assert checked, "the first item has inputs that were answered"
        first = page.evaluate("lms.close()")
        assert first["core"]["lesson_status"] == "incomplete", "an unfinished module is incomplete, not failed"
        assert first["core"]["exit"] == "suspend"
        frame = launch(page, first)
        assert frame.locator("[data-quiz-progress]").inner_text().startswith("1 van ")
        assert (
            frame.evaluate("() => Array.from(document.querySelectorAll('input:checked')).map((i) => i.id)") == checked
        )


NOT_CONNECTED = (
    "Let op: deze leermodule is niet verbonden met een leeromgeving. Uw antwoorden en score blijven in deze browser "
    "en worden niet doorgegeven. Hoort deze module bij uw opleiding, meld dit dan aan uw trainer."
)
REVIEW = (
    "U bekijkt deze module zonder dat er iets telt: de leeromgeving legt nu geen antwoorden of score vast, en uw "
    "resultaat daar blijft zoals het was. Wilt u dat een poging telt, start dan in de leeromgeving een nieuwe poging; "
    "kan dat niet, vraag het dan aan uw trainer."
)
REFUSED = (
    "Let op: de leeromgeving neemt uw antwoorden en score niet aan. U kunt de vragen maken, maar ze worden niet "
    "doorgegeven. Meld dit aan uw trainer."
)


@pytest.mark.parametrize("failure", ["failCommit", "failInit", "failSet", "throwCommit"])
def test_an_lms_that_refuses_is_said_once_and_the_quiz_goes_on(
    page, lms_url: str, banks: QuizBanks, failure: str
) -> None:
    # The learner still gets every verdict and the score, and is told (in an alert) that the
    # LMS records none of it: a learner working for accreditation must not think it counted.
    # Refused at once: the session, or the status "incomplete" the launch sets; the others at
    # the first commit, after the first answer.
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page, **{failure: True})
        notice = frame.locator("[data-scorm-notice]")
        assert notice.get_attribute("role") == "alert"
        assert frame.locator("[data-scorm-offline]").inner_text() == "", "an LMS is there: not 'not connected'"
        assert notice.inner_text() == (REFUSED if failure in ("failInit", "failSet") else "")
        answer_all(frame, "right")
        assert "Geslaagd." in frame.locator("[data-quiz-score]").inner_text()
        assert frame.locator(".qk-quiz-item__feedback.is-good").count() == len(banks.modules[module_id].items)
        assert notice.inner_text() == REFUSED
        page.evaluate("lms.close()")
        assert not seen["errors"], seen["errors"]
        assert not seen["console"], seen["console"]


def test_a_pass_is_not_taken_back(page, lms_url: str, banks: QuizBanks) -> None:
    # A learner who passed, then started afresh ("Begin opnieuw") and answered everything wrong,
    # keeps the pass and its score in the LMS; the wrong answers still go into the journal.
    module_id = next(iter(banks.modules))
    total = len(banks.modules[module_id].items)
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right")
        frame.locator('.qk-quiz__summary [data-quiz-action="reset"]').click()
        answer_all(frame, "wrong")
        assert "Nog niet geslaagd" in frame.locator(".qk-quiz__summary").inner_text()
        first = page.evaluate("lms.close()")
        assert (first["core"]["lesson_status"], first["core"]["score"]["raw"]) == ("passed", "100")
        results = [i["result"] for i in interactions(first)]
        assert results == ["correct"] * total + ["wrong"] * total
        # The next launch restores the wrong answers: the pass stays, the journal is not written again.
        frame = launch(page, first)
        assert frame.locator(".qk-quiz-item__feedback.is-bad").count() == total
        second = page.evaluate("lms.close()")
        assert (second["core"]["lesson_status"], second["core"]["score"]["raw"]) == ("passed", "100")
        assert len(interactions(second)) == 2 * total
        assert not seen["errors"], seen["errors"]


def test_in_the_test_package_the_first_checked_answer_is_final(page, lms_url: str, banks: QuizBanks) -> None:
    # The package made as a test (<module>.toets.zip): no answer to look at before checking, no
    # second try, no "Begin opnieuw"; the LMS gets the first checked answers, also after a relaunch.
    module_id = max(banks.modules, key=lambda m: len(banks.modules[m].items))
    items = banks.modules[module_id].items
    total = len(items)
    with lms_session(page, lms_url, f"{module_id}.toets") as seen:
        frame = launch(page)
        first = frame.locator(f"#vraag-{items[0].id}")
        assert first.locator(".qk-quiz-item__answer").is_hidden(), "the answer shows before checking"
        assert frame.locator('.qk-quiz__summary [data-quiz-action="reset"]').is_hidden()
        assert answer_all(frame, "wrong", limit=1) == 1
        check = first.locator('[data-quiz-action="check"]')
        assert check.get_attribute("aria-disabled") == "true"
        assert first.locator('[data-quiz-action="retry"]').is_hidden()
        assert first.locator(".qk-quiz-item__answer").is_visible()
        assert first.locator(".qk-package__final").inner_text() == "Dit antwoord telt en staat vast."
        controls = first.locator("[data-quiz-unit] input, [data-quiz-unit] button")
        assert controls.count() and all(controls.nth(i).is_disabled() for i in range(controls.count()))
        # "Controleer" again changes nothing; the rest is answered right.
        check.click(force=True)  # Playwright waits for an aria-disabled button otherwise
        assert "is-bad" in first.locator("[data-quiz-feedback]").get_attribute("class")
        answer_all(frame, "right", list(range(1, total)))
        summary = frame.locator(".qk-quiz__summary").inner_text()
        pct = 100 * (total - 1) // total
        assert f"({pct}%)" in summary
        # No second try in a test: the verdict below the pass mark does not suggest one.
        if pct < banks.modules[module_id].module.pass_mark:
            assert "Niet geslaagd." in summary and "opnieuw" not in summary
        cmi = page.evaluate("lms.close()")
        assert cmi["core"]["score"]["raw"] == str(pct)
        assert [i["result"] for i in interactions(cmi)] == ["wrong"] + ["correct"] * (total - 1)
        # Relaunched: every answer is back, final, with its answer showing.
        frame = launch(page, cmi)
        assert frame.locator("[data-quiz-progress]").inner_text().startswith(f"{total} van {total}")
        assert frame.locator('[data-quiz-action="check"][aria-disabled="true"]').count() == total
        assert frame.locator(".qk-quiz-item__answer:visible").count() == total
        assert frame.locator(".qk-quiz-item__feedback.is-bad").count() == 1
        assert frame.locator(".qk-package__final").count() == total
        assert not seen["errors"], seen["errors"]


def test_without_javascript_the_test_package_shows_no_answer_and_says_why(
    browser, lms_url: str, banks: QuizBanks
) -> None:
    # Nothing can be checked or sent then; answers read with JavaScript off would be the answers
    # to the test taken with it on. The self-check still shows its answers.
    module_id = next(iter(banks.modules))
    total = len(banks.modules[module_id].items)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{lms_url}{module_id}.toets/sco/index.html")
        answers = page.locator(".qk-quiz-item__answer")
        assert answers.count() == total
        assert not any(answers.nth(i).is_visible() for i in range(total))
        hint = page.locator("[data-quiz-nojs]")
        assert hint.is_visible() and "werkt alleen met JavaScript" in hint.inner_text()
        page.goto(f"{lms_url}{module_id}/sco/index.html")
        assert all(answers.nth(i).is_visible() for i in range(total))
        assert "Toon antwoord" in page.locator("[data-quiz-nojs]").inner_text()
    finally:
        context.close()


def test_without_an_lms_the_test_does_not_open_with_the_self_checks_answers(
    page, lms_url: str, banks: QuizBanks
) -> None:
    # Both packages opened in one browser without an LMS (a trainer trying them, a learner
    # opening the files): each keeps its own record in the browser.
    module_id = next(iter(banks.modules))
    page.goto(f"{lms_url}{module_id}/sco/index.html")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    answer_all(page, "right")
    assert "Geslaagd." in page.locator("[data-quiz-score]").inner_text()
    page.goto(f"{lms_url}{module_id}.toets/sco/index.html")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    assert page.locator(".qk-package__final").count() == 0
    assert page.locator('[data-quiz-action="check"][aria-disabled="true"]').count() == 0
    assert page.locator("[data-quiz-progress]").inner_text().startswith("0 van ")
    # A checked answer is final, as in the test, but the note under it says that nothing counts
    # here, as the notice at the top does (a learner's journey: it said "Dit antwoord telt").
    assert page.locator("[data-scorm-offline]").inner_text() == NOT_CONNECTED
    assert answer_all(page, "wrong", limit=1) == 1
    assert page.locator(".qk-package__final").all_inner_texts() == [
        "Dit antwoord staat vast, maar telt nu niet mee: zie de melding bovenaan."
    ]
    # Where nothing counts the test may be started again (a learner's journey: offline, its
    # answers stayed final in that browser for good), and undone: final again.
    first = page.locator(".qk-quiz-item").first
    reset = page.locator('.qk-quiz__summary [data-quiz-action="reset"]')
    assert page.locator('[data-quiz-action="retry"]:visible').count() == 0, "no second try per question"
    reset.click()
    assert page.locator(".qk-package__final").count() == 0
    assert page.locator("[data-quiz-progress]").inner_text().startswith("0 van ")
    assert first.locator(".qk-quiz-item__answer").is_hidden(), "the answer shows before checking"
    assert first.locator('[data-quiz-action="check"]').get_attribute("aria-disabled") is None
    controls = first.locator("[data-quiz-unit] input, [data-quiz-unit] button")
    assert not any(controls.nth(i).is_disabled() for i in range(controls.count()))
    page.locator('.qk-quiz__summary [data-quiz-action="undo"]').click()
    assert page.locator("[data-quiz-progress]").inner_text().startswith("1 van ")
    assert first.locator('[data-quiz-action="check"]').get_attribute("aria-disabled") == "true"
    assert first.locator(".qk-package__final").count() == 1
    # Cleared again and answered anew: final again, and kept so after a reload.
    reset.click()
    assert answer_all(page, "right", limit=1) == 1
    page.reload()
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    assert first.locator(".qk-package__final").count() == 1
    assert "is-good" in first.locator("[data-quiz-feedback]").get_attribute("class")


def test_the_self_check_package_keeps_answers_and_retries_open(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    item = banks.modules[module_id].items[0]
    with lms_session(page, lms_url, module_id):
        frame = launch(page)
        block = frame.locator(f"#vraag-{item.id}")
        assert block.locator(".qk-quiz-item__answer").is_visible()
        answer_all(frame, "wrong", limit=1)
        assert block.locator('[data-quiz-action="retry"]').is_visible()
        assert block.locator('[data-quiz-action="check"]').get_attribute("aria-disabled") is None
        assert frame.locator(".qk-package__final").count() == 0


def test_without_an_lms_it_is_a_plain_quiz(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    seen: list[str] = []
    page.on("pageerror", lambda e: seen.append(str(e)))
    page.goto(f"{lms_url}{module_id}/sco/index.html")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    assert page.evaluate("window.quizkit.scorm.lms") is False
    assert page.evaluate("window.quizkit.adapter") is None, "no LMS: quiz.js keeps its own storage"
    # The learner is told that nothing is passed on: a test taken here counts nowhere.
    notice = page.locator("[data-scorm-offline]")
    assert notice.get_attribute("role") == "status"
    assert notice.inner_text() == NOT_CONNECTED
    assert notice.is_visible()
    answer_all(page, "right")
    assert "Geslaagd." in page.locator("[data-quiz-score]").inner_text()
    page.reload()
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    total = len(banks.modules[module_id].items)
    assert page.locator("[data-quiz-progress]").inner_text().startswith(f"{total} van {total}"), "kept in localStorage"
    assert not seen, seen


def test_package_makes_no_request_outside_itself(page, lms_url: str, banks: QuizBanks) -> None:
    for module_id in banks.modules:
        with lms_session(page, lms_url, module_id) as seen:
            frame = launch(page)
            answer_all(frame, "wrong")
            frame.locator("summary").first.click()
            page.evaluate("lms.close()")
        host = f"{lms_url}{module_id}/"
        lms_files = {host + "host.html", host + "scorm12.js", host + "sco/imsmanifest.xml"}
        outside = [u for u in seen["requests"] if u not in lms_files and not u.startswith(host + "sco/")]
        assert not outside, f"{module_id}: requests outside the package: {outside}"
        assert any(u.endswith("/sco/quiz.js") for u in seen["requests"])


@pytest.mark.parametrize("package", ["", ".toets"], ids=["self-check", "test"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_package_page_passes_axe(browser, lms_url: str, banks: QuizBanks, scheme: str, package: str) -> None:
    from helpers import format_violations, run_axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        module_id = next(iter(banks.modules)) + package
        page.goto(f"{lms_url}{module_id}/host.html")
        frame = launch(page)
        answer_all(frame, "wrong")
        background = frame.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(255, 255, 255)") == (scheme == "light")
        frame_page = frame.page
        frame_page.goto(f"{lms_url}{module_id}/sco/index.html")  # axe runs on a top-level document
        frame_page.wait_for_selector(".qk-quiz[data-quiz-ready]")
        answer_all(frame_page, "wrong")
        frame_page.locator("details summary").first.click()
        violations = run_axe(frame_page, colours_only=scheme == "dark")
        assert not violations, format_violations(violations)
    finally:
        context.close()


def hide_tab(frame) -> None:
    """The browser hides the tab (another tab, the home screen): visibilitychange to hidden."""
    frame.evaluate(
        """() => {
            Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
            document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )


def test_results_are_committed_when_the_tab_is_hidden_not_on_unload(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right")
        before = len(page.evaluate("lms.commits"))
        frame.evaluate(
            """() => { window.dispatchEvent(new Event("beforeunload")); window.dispatchEvent(new Event("unload")); }"""
        )
        assert len(page.evaluate("lms.commits")) == before, "nothing is committed on (before)unload"
        hide_tab(frame)
        commits = page.evaluate("lms.commits")
        assert len(commits) == before + 1, "hiding the tab commits"
        assert {"cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.exit"} <= set(commits[-1])
        assert not page.evaluate("window.API.isTerminated()"), "a hidden tab may come back: no LMSFinish"
        assert page.evaluate("lms.get('cmi.core.lesson_status')") == "passed"
        page.evaluate("lms.close()")  # pagehide: commit and finish
        assert page.evaluate("window.API.isTerminated()")
        assert len(page.evaluate("lms.commits")) == before + 2
        assert not seen["errors"], seen["errors"]


@pytest.mark.parametrize("mode", ["browse", "review"])
def test_browse_and_review_change_nothing(page, lms_url: str, banks: QuizBanks, mode: str) -> None:
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        assert frame.locator("[data-scorm-review]").inner_text() == "", "a launch that counts says nothing"
        answer_all(frame, "right")
        first = page.evaluate("lms.close()")
        previous = {**first, "core": {**first["core"], "lesson_mode": mode}}
        frame = launch(page, previous)
        assert frame.evaluate("window.quizkit.scorm.credited") is False
        # The learner is told that nothing counts now (Moodle reopens a finished attempt so).
        notice = frame.locator("[data-scorm-review]")
        assert notice.get_attribute("role") == "status"
        assert notice.inner_text() == REVIEW
        frame.locator("[data-quiz-action='reset']").first.click()
        answer_all(frame, "wrong")
        hide_tab(frame)
        second = page.evaluate("lms.close()")
        written = page.evaluate("lms.sets")
        assert not written, f"{mode}: the SCO wrote {written}"
        assert (second["core"]["lesson_status"], second["core"]["score"]["raw"]) == ("passed", "100")
        assert second["suspend_data"] == first["suspend_data"]
        assert len(interactions(second)) == len(interactions(first))
        assert not seen["errors"], seen["errors"]


def test_exit_is_suspend_while_incomplete_and_status_comes_with_every_commit(
    page, lms_url: str, banks: QuizBanks
) -> None:
    module_id = next(iter(banks.modules))
    total = len(banks.modules[module_id].items)
    with lms_session(page, lms_url, module_id):
        frame = launch(page)
        answer_all(frame, "right", limit=total - 1)
        assert page.evaluate("lms.data().core.exit") == "suspend"
        assert page.evaluate("lms.get('cmi.core.lesson_status')") == "incomplete"
        answer_all(frame, "right", [total - 1])
        assert page.evaluate("lms.data().core.exit") == ""
        cmi = page.evaluate("lms.close()")
        assert cmi["core"]["lesson_status"] == "passed"
        commits = page.evaluate("lms.commits")
        assert len(commits) >= total and all("cmi.core.lesson_status" in c and "cmi.core.exit" in c for c in commits)


def test_interactions_only_when_the_lms_supports_them(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page, noInteractions=True)
        answer_all(frame, "right")
        cmi = page.evaluate("lms.close()")
        written = page.evaluate("lms.sets")
        assert not [e for e in written if e.startswith("cmi.interactions.")], written
        assert (cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]) == ("passed", "100")
        assert not seen["errors"], seen["errors"]


def test_suspend_data_fits_a_module_ten_times_the_largest(banks: QuizBanks) -> None:
    largest = max(banks.modules.values(), key=lambda m: len(worst_suspend_data(m)))

    def scaled(times: int):
        items = [item.model_copy(update={"id": f"{item.id}-{n}"}) for n in range(times) for item in largest.items]
        return largest.model_copy(update={"items": items})

    ten = scaled(10)
    size = len(worst_suspend_data(ten))
    print(f"{largest.module.id} x10: {len(ten.items)} items, worst cmi.suspend_data {size} characters")
    assert size < SUSPEND_DATA_LIMIT
    check_suspend_data(ten, "x")
    with pytest.raises(Exception, match="meer dan de 4096"):
        check_suspend_data(scaled(40), "x")


def test_a_lower_result_that_still_passes_keeps_the_best_score(page, lms_url: str, banks: QuizBanks) -> None:
    # After 100 %, "Begin opnieuw" and one right answer pass too (the pass mark set to 1 %): the
    # LMS keeps 100, as the README says of every worse result; the new answers are journalled.
    module_id = next(iter(banks.modules))
    n = len(banks.modules[module_id].items)
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        frame.evaluate("() => { document.querySelector('.qk-quiz').dataset.quizPass = '1'; }")
        answer_all(frame, "right")
        frame.locator('.qk-quiz__summary [data-quiz-action="reset"]').click()
        assert answer_all(frame, "right", [0]) == 1
        assert answer_all(frame, "wrong", list(range(1, n))) == n - 1
        assert f"U heeft 1 van {n} vragen goed ({100 // n}%)" in frame.locator(".qk-quiz__summary").inner_text()
        cmi = page.evaluate("lms.close()")
        assert (cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]) == ("passed", "100")
        # The first item's answer is the one reported before: only the changed ones are added.
        assert [i["result"] for i in interactions(cmi)] == ["correct"] * n + ["wrong"] * (n - 1)
        assert not seen["errors"], seen["errors"]


def test_a_pass_the_lms_holds_without_a_score_is_not_taken_back(page, lms_url: str, banks: QuizBanks) -> None:
    # An administrator marked the learner as passed: the LMS holds "passed", no score and no
    # saved answers. Wrong answers in the next launch still leave the pass alone.
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        launch(page)
        first = page.evaluate("lms.close()")
        core = {**first["core"], "lesson_status": "passed", "score": {**first["core"]["score"], "raw": ""}}
        frame = launch(page, {**first, "suspend_data": "", "core": core})
        answer_all(frame, "wrong")
        second = page.evaluate("lms.close()")
        assert second["core"]["lesson_status"] == "passed", second["core"]
        assert [i["result"] for i in interactions(second)] == ["wrong"] * len(banks.modules[module_id].items)
        assert not seen["errors"], seen["errors"]


def test_a_score_just_below_the_pass_mark_is_not_rounded_up_to_it(page, lms_url: str, banks: QuizBanks) -> None:
    # One right of n is 100/n %; with a fraction of .5 or more, rounding would reach the next
    # whole percentage. Set as the pass mark, that would pass a learner who is below it.
    module_id = next(m for m, module in banks.modules.items() if (100 / len(module.items)) % 1 >= 0.5)
    n = len(banks.modules[module_id].items)
    below, mark = 100 // n, 100 // n + 1
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        frame.evaluate("mark => { document.querySelector('.qk-quiz').dataset.quizPass = String(mark); }", mark)
        assert answer_all(frame, "right", [0]) == 1
        assert answer_all(frame, "wrong", list(range(1, n))) == n - 1
        summary = frame.locator(".qk-quiz__summary").inner_text()
        assert f"U heeft 1 van {n} vragen goed ({below}%). Nodig om te slagen: {mark}%. Nog niet geslaagd." in summary
        core = page.evaluate("lms.close()")["core"]
        assert (core["lesson_status"], core["score"]["raw"]) == ("failed", str(below))
        assert not seen["errors"], seen["errors"]


def test_an_ordering_answer_is_reported_in_the_banks_order(page, lms_url: str, banks: QuizBanks) -> None:
    # The steps are shown shuffled; the LMS gets their places in the bank, so that a trainer
    # reading the report sees a right answer as a, b, c, d, whatever order the learner saw.
    module_id, item = next(
        (m, item) for m, module in banks.modules.items() for item in module.items if item.type == "ordering"
    )
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right")
        found = {i["id"]: i for i in interactions(page.evaluate("lms.close()"))}
        assert found[item.id]["type"] == "sequencing"
        assert found[item.id]["student_response"] == ",".join("abcdefghij"[: len(item.steps)])
        assert found[item.id]["result"] == "correct"
        assert not seen["errors"], seen["errors"]


def test_saved_answers_go_back_to_their_own_items_after_the_bank_moved_them(
    page, lms_url: str, banks: QuizBanks
) -> None:
    # Two items of one module with the same answer hash (same shape, same key): an answer saved
    # when one stood where the other stands now must go back to its own item, not to its place.
    module_id, here, moved = next(
        (m, a, b)
        for m, module in banks.modules.items()
        for a in module.items
        for b in module.items
        if a is not b and a.saved_hash == b.saved_hash
    )
    module = banks.modules[module_id]
    items = module.items
    record = {"v": module.module.version, "items": {moved.id: {"h": moved.saved_hash, "s": keys_of(moved)}}}
    entry = next(e for e in pack_suspend_data(module, record).split("~")[2].split(",") if e)
    entries = [""] * len(items)
    entries[items.index(here)] = entry  # where the answered item stood in the older bank
    with lms_session(page, lms_url, module_id) as seen:
        launch(page)
        blank = page.evaluate("lms.close()")
        previous = {**blank, "suspend_data": f"~{module.module.version}~" + ",".join(entries)}
        frame = launch(page, previous)
        summary = frame.locator(".qk-quiz__summary").inner_text()
        total = len(items)
        assert f"Vraag {items.index(moved) + 1} van {total}: goed" in summary, summary
        assert f"Vraag {items.index(here) + 1} van {total}: nog niet beantwoord" in summary, summary
        assert "1 van" in frame.locator("[data-quiz-progress]").inner_text()
        assert not seen["errors"], seen["errors"]


def test_reset_and_undo_in_a_package_put_every_answer_back(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    total = len(banks.modules[module_id].items)
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right", limit=2)
        saved = page.evaluate("lms.get('cmi.suspend_data')")
        summary = frame.locator(".qk-quiz__summary")
        summary.locator('[data-quiz-action="reset"]').click()
        assert frame.locator("[data-quiz-progress]").inner_text() == f"0 van {total} vragen beantwoord."
        summary.locator('[data-quiz-action="undo"]').click()
        assert frame.locator("[data-quiz-progress]").inner_text() == f"2 van {total} vragen beantwoord."
        assert page.evaluate("lms.get('cmi.suspend_data')") == saved
        assert not seen["errors"], seen["errors"]


def test_a_page_kept_for_back_and_forward_keeps_its_session(page, lms_url: str, banks: QuizBanks) -> None:
    # pagehide with persisted: the page may come back; it commits but does not finish, so
    # that what the learner does after coming back still reaches the LMS.
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        answer_all(frame, "right", limit=1)
        frame.evaluate(
            "() => { window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));"
            " window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })); }"
        )
        assert not page.evaluate("window.API.isTerminated()")
        answer_all(frame, "right", [1])
        cmi = page.evaluate("lms.close()")
        assert page.evaluate("window.API.isTerminated()")
        record = packed_entries(cmi["suspend_data"])
        assert len(record) == 2, cmi["suspend_data"]
        assert not seen["errors"], seen["errors"]


def packed_entries(text: str) -> list[str]:
    """The non-empty entries of packed suspend_data."""
    return [entry for entry in text.split("~")[2].split(",") if entry]


def test_answers_of_another_version_are_gone_and_the_learner_is_told_why(page, lms_url: str, banks: QuizBanks) -> None:
    # The trainer replaced the package by a newer content version: the learner's answers belong
    # to the old questions, so none is put back, and a status line says so instead of silence.
    module_id = next(iter(banks.modules))
    version = banks.modules[module_id].module.version
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page)
        assert answer_all(frame, "wrong", limit=2) == 2
        first = page.evaluate("lms.close()")
        assert first["suspend_data"].startswith(f"~{version}~")
        # The same version: answers back, no notice.
        frame = launch(page, first)
        notice = frame.locator("[data-scorm-version]")
        assert notice.get_attribute("role") == "status" and notice.inner_text() == ""
        assert frame.locator("[data-quiz-progress]").inner_text().startswith("2 van ")
        page.evaluate("lms.close()")
        other = {**first, "suspend_data": first["suspend_data"].replace(f"~{version}~", f"~{version + 1}~", 1)}
        frame = launch(page, other)
        notice = frame.locator("[data-scorm-version]")
        assert notice.inner_text().startswith("Deze module is veranderd sinds u eraan werkte"), notice.inner_text()
        assert f"inhoudsversie {version}" in notice.inner_text()
        assert frame.locator("[data-quiz-progress]").inner_text().startswith("0 van ")
        page.evaluate("lms.close()")
        # A saved record without answers (all cleared, or an older package's empty JSON) is no
        # reason to say so.
        items = first["suspend_data"].split("~")[2].count(",") + 1
        for empty in (f"~{version + 1}~" + "," * (items - 1), json.dumps({"v": version + 1, "items": {}})):
            frame = launch(page, {**first, "suspend_data": empty})
            assert frame.locator("[data-scorm-version]").inner_text() == "", empty
            page.evaluate("lms.close()")
        assert not seen["errors"], seen["errors"]
