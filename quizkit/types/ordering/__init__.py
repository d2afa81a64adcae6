"""``ordering``: steps to put in order with Omhoog/Omlaag buttons; shown shuffled."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, field_validator

from ...answers import shuffled
from ...base import Inline, Question
from ...validate import require_unique

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ...moodle import Head, MoodleWriter


class OrderingQuestion(Question):
    """Steps to put in order; ``steps`` lists them in the correct order."""

    scorm_interaction: ClassVar[str] = "sequencing"
    # qtype_ordering's XML import cuts a name longer than 42 bytes (fix_questionname, PHP's
    # strlen) to its words and " ...": the name is kept within that.
    moodle_name_bytes: ClassVar[int | None] = 42
    type: Literal["ordering"]
    steps: list[Inline] = Field(
        min_length=3, description="Markdown, one paragraph each, in the correct order; shown shuffled"
    )

    @field_validator("steps")
    @classmethod
    def _steps(cls, steps: list[str]) -> list[str]:
        require_unique(steps, "stap '{}' komt twee keer voor")
        return steps

    def size(self) -> list[int]:
        """The step count, and a number made from the steps' texts in their order.

        A saved order is a list of step indexes, and an index stands for whatever step is at that
        place in ``steps``. Without the texts in the saved-answer hash, moving a step in the bank
        would restore a learner's order as one they never made, judged by the new order. So any
        change to a step's text or place resets this item's saved answer (white space aside).
        """
        texts = "\n".join(" ".join(step.split()) for step in self.steps)
        return [*super().size(), int(hashlib.sha256(texts.encode()).hexdigest()[:8], 16)]

    def shown_order(self, seed: str) -> list[int]:
        """The order the steps are shown in: shuffled, stable per item, never already solved."""
        return shuffled(len(self.steps), seed)

    def answer_key(self, seed: str) -> list[int]:
        """The shown positions in the correct order."""
        shown = self.shown_order(seed)
        return [shown.index(step) for step in range(len(self.steps))]

    def authored(self, state: list[int], key: list[int]) -> list[int]:
        """The shown positions as the steps' places in the bank (type.js's ``authored``)."""
        return [key.index(shown) for shown in state]

    def worst_state(self) -> list[int]:
        """A permutation: always the same length."""
        return list(range(len(self.steps)))

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """Moodle ``ordering`` (core from 4.4): the steps in the correct order, all of them shown.

        Graded per step in its right place (as the site's "n of m steps" line); Moodle
        shuffles the steps itself. An ordering answer's ``fraction`` is its position.
        """
        q = mx.question(
            "ordering",
            head,
            layouttype="VERTICAL",
            selecttype="ALL",
            selectcount=len(self.steps),
            gradingtype="ABSOLUTE_POSITION",
            showgrading="SHOW",
            numberingstyle="none",
        )
        mx.combined_feedback(q)
        for position, step in enumerate(self.steps, start=1):
            mx.answer(q, str(position), mx.inline(step))
        return q


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = OrderingQuestion
