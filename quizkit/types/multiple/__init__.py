"""``multiple``: options of which one or more (not all) are right (checkboxes)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from ...base import Question
from ..choice import Option, check_choice


class MultipleQuestion(Question):
    """One or more correct options (not all)."""

    scorm_interaction: ClassVar[str] = "choice"
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[Option]) -> list[Option]:
        return check_choice(options, exactly_one=False)

    def answer_key(self, seed: str) -> list[int]:
        """The sorted indexes of the right options."""
        return [i for i, o in enumerate(self.options) if o.correct]

    def worst_state(self) -> list[int]:
        """Every option ticked."""
        return list(range(len(self.options)))


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = MultipleQuestion
