"""Answer keys, display order and content hashes: what the script needs to check an answer.

The key travels in the markup lightly obfuscated (XOR with the item id, then base64) so that a
glance at the page source does not reveal it. It is not a secret: the same answer is one click
away under "Toon antwoord".
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
from typing import Any

from .models import CaseItem, ClassifyQuestion, MultipleQuestion, OrderingQuestion, TrueFalseQuestion


def step_order(question: OrderingQuestion, seed: str) -> list[int]:
    """The order in which the steps are shown: shuffled, stable per item, never already solved."""
    order = list(range(len(question.steps)))
    random.Random(hashlib.sha256(seed.encode()).digest()).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def answer_key(question: Any, seed: str) -> Any:
    """What a fully correct answer looks like, in the shape the script reads from the form.

    single/phrasing: the option index; multiple: the sorted indexes; truefalse: a boolean per
    statement; classify: a category index per statement; ordering: the shown positions in the
    correct order; case: a list of its stages' keys.
    """
    if isinstance(question, CaseItem):
        return [answer_key(stage.question, f"{seed}/{stage.id}") for stage in question.stages]
    if isinstance(question, OrderingQuestion):
        shown = step_order(question, seed)
        return [shown.index(step) for step in range(len(question.steps))]
    if isinstance(question, TrueFalseQuestion):
        return [s.answer for s in question.statements]
    if isinstance(question, ClassifyQuestion):
        ids = [c.id for c in question.categories]
        return [ids.index(s.category) for s in question.statements]
    correct = [i for i, o in enumerate(question.options) if o.correct]
    return correct if isinstance(question, MultipleQuestion) else correct[0]


def encode_key(key: Any, item_id: str) -> str:
    """``key`` as JSON, XOR-ed with the item id and base64-encoded (decoded by quiz.js)."""
    data = json.dumps(key, separators=(",", ":")).encode()
    mask = item_id.encode()
    return base64.b64encode(bytes(b ^ mask[i % len(mask)] for i, b in enumerate(data))).decode()


def answer_hash(item: Any, key: Any = None) -> str:
    """A short hash of what saved answers depend on: type, shape and key (not the wording).

    A typo fix keeps a learner's saved answer; a new option, another order or another correct
    answer makes the saved answer for this item (only) obsolete. ``key``: the item's
    :func:`answer_key`, when already known.
    """
    stages = item.stages if isinstance(item, CaseItem) else [None]
    shape = [(s.id, s.question.type, _size(s.question)) if s else (item.type, _size(item)) for s in stages]
    text = json.dumps([shape, answer_key(item, item.id) if key is None else key], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _size(question: Any) -> list[int]:
    return [len(getattr(question, f, None) or []) for f in ("options", "statements", "categories", "steps")]
