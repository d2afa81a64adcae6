"""Answer keys in the markup, saved-answer hashes and the stable shuffle of ordering steps.

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


def shuffled(count: int, seed: str) -> list[int]:
    """A stable permutation of ``range(count)`` for ``seed``, never the identity (if count > 1)."""
    order = list(range(count))
    random.Random(hashlib.sha256(seed.encode()).digest()).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def encode_key(key: Any, item_id: str) -> str:
    """``key`` as JSON, XOR-ed with the item id and base64-encoded (decoded by quiz.js)."""
    data = json.dumps(key, separators=(",", ":")).encode()
    mask = item_id.encode()
    return base64.b64encode(bytes(b ^ mask[i % len(mask)] for i, b in enumerate(data))).decode()


# The characters of an item's tag (see saved_tag) in SCORM's cmi.suspend_data (scorm.js: TAG).
TAG_CHARS = 6


def saved_tag(item_id: str, saved_hash: str) -> str:
    """Which item, in which form, a saved answer in a SCORM package belongs to.

    ``cmi.suspend_data`` has room for neither item ids nor whole hashes. The answer hash alone
    does not name the item (items of the same shape and key share one), so an answer matched
    by its place or its hash would go to another item once the bank's items move.
    """
    return hashlib.sha256(f"{item_id}\n{saved_hash}".encode()).hexdigest()[:TAG_CHARS]


def answer_hash(shape: Any, key: Any) -> str:
    """A short hash of what saved answers depend on: type, shape and key (not the wording).

    A typo fix keeps a learner's saved answer; a new option or another correct answer makes the
    saved answer for this item (only) obsolete, and so does moving the right option. An ordering
    question's shape holds its steps' texts, so any change to a step does too. Swapping two wrong
    options (or two statements with the same answer) does not: their indexes are not in the key,
    and a restored answer then ticks the option now at the saved place (raise the module's
    version then).
    """
    text = json.dumps([shape, key], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:10]
