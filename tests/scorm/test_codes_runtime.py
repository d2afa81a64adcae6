"""The answer key's SCORM codes against what a real SCORM 1.2 runtime records (scorm-again).

:func:`quizkit.scorm.scorm_codes` is written by hand after scorm.js; here each package of the
real build runs in scorm-again (tests/scorm/host.html) and every interaction it records is
compared with it.
"""

from __future__ import annotations

import pytest
from helpers import ANSWER_JS
from markupsafe import Markup

from quizkit.bank import QuizBanks
from quizkit.models import ITEM_TYPES
from quizkit.render import Strings
from quizkit.scorm import scorm_codes, scorm_response

pytestmark = pytest.mark.browser


def test_codes_are_what_the_lms_records(page, lms_url: str, banks: QuizBanks) -> None:
    strings = Strings("nl")
    seen_types = set()
    for module_id, module in banks.modules.items():
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.goto(f"{lms_url}{module_id}/host.html")
        assert page.evaluate("([prev, opts]) => lms.launch(prev, opts)", [None, {}]) == "index.html"
        frame = page.frame(name="sco")
        frame.wait_for_selector(".qk-quiz[data-quiz-ready]")
        # Every item answered wrong: the learner's response differs from the right answer.
        assert frame.evaluate(ANSWER_JS, "wrong") == len(module.items)
        cmi = page.evaluate("lms.data()")
        # The learner's saved states (shown terms), as scorm.js itself reads them back.
        saved = frame.evaluate("(text) => window.quizkit.scorm.unpack(text).items", cmi["suspend_data"])
        page.evaluate("lms.close()")
        data = cmi["interactions"]
        found = [data[str(n)] for n in range(len([k for k in data if k.isdigit()]))]
        assert [i["id"] for i in found] == [item.id for item in module.items], module_id
        for interaction, item in zip(found, module.items, strict=True):
            codes = scorm_codes(item, Markup.escape, strings)
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
            seen_types |= {q.type for q, *_ in item.units_of} | {item.type}
        assert not errors, errors
    assert seen_types == set(ITEM_TYPES), f"types the real banks do not exercise: {set(ITEM_TYPES) - seen_types}"
