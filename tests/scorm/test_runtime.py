"""Each package in a real SCORM 1.2 runtime: scorm-again's API in a host page, the SCO in an iframe."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from helpers import ANSWER_JS

from quizkit.bank import QuizBanks
from quizkit.scorm import SUSPEND_DATA_LIMIT, worst_suspend_data

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
    frame.wait_for_selector(".halk-quiz[data-quiz-ready]")
    return frame


def answer_all(frame, mode: str, limit: int | list[int] | None = None) -> int:
    """Answer every item (or the first ``limit``, or those at the indexes ``limit``) right or wrong.

    See tests/scorm/answer.js.
    """
    return frame.evaluate(ANSWER_JS, mode if limit is None else [mode, limit])


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
            assert page.evaluate("lms.masteryscore") == str(module.module.pass_mark)
            assert answer_all(frame, mode) == len(module.items)
            summary = frame.locator(".halk-quiz__summary").inner_text()
            cmi = page.evaluate("lms.close()")
            core = cmi["core"]
            if mode == "right":
                assert (core["lesson_status"], core["score"]["raw"]) == ("passed", "100"), module_id
                assert "Geslaagd." in summary
            else:
                assert (core["lesson_status"], core["score"]["raw"]) == ("failed", "0"), module_id
                assert "Nog niet geslaagd" in summary
            assert (core["score"]["min"], core["score"]["max"]) == ("0", "100")
            assert core["exit"] == "suspend", "the learner's answers are kept for the next launch"
            found = interactions(cmi)
            assert [i["id"] for i in found] == [item.id for item in module.items]
            assert [i["type"] for i in found] == [item.scorm_interaction for item in module.items]
            assert {i["result"] for i in found} == {"correct" if mode == "right" else "wrong"}
            assert all(i["student_response"] for i in found), "every interaction records the learner's response"
            assert page.evaluate("window.API.isTerminated()"), "the SCO did not call LMSFinish when it was closed"
            assert not seen["errors"], seen["errors"]
            # The build's worst-case estimate (quizkit/scorm.py) really bounds what the quiz saves.
            assert 0 < len(cmi["suspend_data"]) <= len(worst_suspend_data(module)) <= SUSPEND_DATA_LIMIT
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
        assert frame.locator(".halk-quiz-item__feedback.is-good").count() == total
        second = page.evaluate("lms.close()")
        # Nothing new was answered: neither the result nor the journal of interactions is written again.
        written = page.evaluate("lms.sets")
        assert not [
            e for e in written if e.startswith(("cmi.interactions.", "cmi.core.score", "cmi.core.lesson_status"))
        ], written
        assert "cmi.core.exit" in written, "the launch's own bookkeeping is still written"
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
        pct = round(100 * (len(items) - 1) / len(items))
        assert first["core"]["score"]["raw"] == str(pct)
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


def test_lms_commit_errors_do_not_reach_the_learner(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    with lms_session(page, lms_url, module_id) as seen:
        frame = launch(page, failCommit=True)
        answer_all(frame, "right")
        assert "Geslaagd." in frame.locator("[data-quiz-score]").inner_text()
        assert frame.locator(".halk-quiz-item__feedback.is-good").count() == len(banks.modules[module_id].items)
        page.evaluate("lms.close()")
        assert not seen["errors"], seen["errors"]


def test_without_an_lms_it_is_a_plain_quiz(page, lms_url: str, banks: QuizBanks) -> None:
    module_id = next(iter(banks.modules))
    seen: list[str] = []
    page.on("pageerror", lambda e: seen.append(str(e)))
    page.goto(f"{lms_url}{module_id}/sco/index.html")
    page.wait_for_selector(".halk-quiz[data-quiz-ready]")
    assert page.evaluate("window.quizkit.scorm.lms") is False
    assert page.evaluate("window.quizkit.adapter") is None, "no LMS: quiz.js keeps its own storage"
    answer_all(page, "right")
    assert "Geslaagd." in page.locator("[data-quiz-score]").inner_text()
    page.reload()
    page.wait_for_selector(".halk-quiz[data-quiz-ready]")
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_package_page_passes_axe(browser, lms_url: str, banks: QuizBanks, scheme: str) -> None:
    from helpers import format_violations, run_axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        module_id = next(iter(banks.modules))
        page.goto(f"{lms_url}{module_id}/host.html")
        frame = launch(page)
        answer_all(frame, "wrong")
        background = frame.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(255, 255, 255)") == (scheme == "light")
        frame_page = frame.page
        frame_page.goto(f"{lms_url}{module_id}/sco/index.html")  # axe runs on a top-level document
        frame_page.wait_for_selector(".halk-quiz[data-quiz-ready]")
        answer_all(frame_page, "wrong")
        frame_page.locator("details summary").first.click()
        violations = run_axe(frame_page)
        assert not violations, format_violations(violations)
    finally:
        context.close()
