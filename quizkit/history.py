"""What an edit to a bank does to the answers learners have saved: two edits no rule forbids.

Saved answers (in the browser, and in an LMS through a SCORM package) belong to an item by its
id, and within an item to the place of each option or statement (:func:`answers.answer_hash`).
Two edits lose or misplace them, and nothing in the bank as it stands can show either:

- an item (or a case's stage) whose id changed: every learner starts it afresh, and an LMS or
  Moodle sees a new question beside the old one;
- two options or statements with the same answer that changed places while ``module.version``
  stayed: the item's hash stays too, so a saved answer is restored onto the other one.

:func:`saved_answer_warnings` compares a bank's text as it was with the text as it is and
names both. Which earlier text counts as published (a site's last commit, say) is the caller's
choice; nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

# The lists whose units a saved answer follows by place, and what a unit's answer is there.
PLACED_UNITS = {"options": ("correct",), "statements": ("answer", "category")}


def _mapping(text: str) -> dict[str, Any] | None:
    """The bank's data, or ``None`` when the text is no bank (then nothing is compared)."""
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _items(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    items = data.get("items")
    return {i["id"]: i for i in items or [] if isinstance(i, dict) and isinstance(i.get("id"), str)}


def _questions(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The item's questions by stage id (``""`` for an item that is no case)."""
    stages = item.get("stages")
    if not isinstance(stages, list):
        return {"": item}
    return {
        s["id"]: s["question"]
        for s in stages
        if isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("question"), dict)
    }


def _swapped(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The lists of ``after`` whose units only changed places among units with the same answer."""
    found = []
    for field, answer_keys in PLACED_UNITS.items():
        old, new = before.get(field), after.get(field)
        if not (isinstance(old, list) and isinstance(new, list)):
            continue
        texts = [[u.get("text") if isinstance(u, dict) else u for u in units] for units in (old, new)]
        answers = [
            [tuple(u.get(k) for k in answer_keys) if isinstance(u, dict) else None for u in units]
            for units in (old, new)
        ]
        moved = texts[0] != texts[1] and sorted(map(str, texts[0])) == sorted(map(str, texts[1]))
        if moved and answers[0] == answers[1]:
            found.append(field)
    return found


UNIT_NAMES = {"options": "opties", "statements": "stellingen"}


def saved_answer_warnings(path: str, before: str, after: str, ids_now: Iterable[str]) -> list[str]:
    """Lines for the editor: what of ``before`` (the bank as published) ``after`` loses or misplaces.

    ``ids_now`` holds the item ids of every bank as it is: an item moved to another bank is not
    reported as gone here (its module's other learners' answers stay behind, but its id is kept).
    """
    old, new = _mapping(before), _mapping(after)
    if old is None or new is None:
        return []
    ids = set(ids_now)
    old_items, new_items = _items(old), _items(new)
    lines = []
    for item_id in old_items:
        if item_id not in ids:
            lines.append(
                f"{path}: [item {item_id}] deze id staat niet meer in de vragenbanken; hebt u hem veranderd, "
                "zet hem dan terug (aan de id hangen de bewaarde antwoorden van cursisten); een weggehaalde "
                "vraag is in orde, maar hergebruik de id nooit"
            )
    same_version = (old.get("module") or {}).get("version") == (new.get("module") or {}).get("version")
    for item_id, item in new_items.items():
        if item_id not in old_items:
            continue
        before_questions, after_questions = _questions(old_items[item_id]), _questions(item)
        for stage in before_questions.keys() - after_questions.keys():
            lines.append(
                f"{path}: [item {item_id}] de fase '{stage}' staat er niet meer; hebt u de id van de fase "
                "veranderd, zet hem dan terug (aan de id hangen de bewaarde antwoorden van cursisten)"
            )
        if not same_version:
            continue
        for stage, question in after_questions.items():
            if stage not in before_questions:
                continue
            for field in _swapped(before_questions[stage], question):
                where = f" (fase '{stage}')" if stage else ""
                lines.append(
                    f"{path}: [item {item_id}] {UNIT_NAMES[field]} met hetzelfde antwoord van plaats verwisseld"
                    f"{where} terwijl module.version gelijk bleef; een bewaard antwoord komt dan bij de "
                    "andere terecht: verhoog module.version"
                )
    return lines
