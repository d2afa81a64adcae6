"""``truefalse``: statements judged true or false (a radio pair per statement)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from ...base import Question, Text, YesNo
from ...validate import Strict, require_unique


class Statement(Strict):
    """A statement to judge as true or false."""

    text: Text
    answer: YesNo = Field(description="true when the statement is right")
    feedback: str | None = None


class TrueFalseQuestion(Question):
    """Statements judged true or false."""

    type: Literal["truefalse"]
    statements: list[Statement] = Field(min_length=1)

    @property
    def scorm_interaction(self) -> str:  # type: ignore[override]
        """``true-false`` for one statement, else ``matching`` (statement to value)."""
        return "true-false" if len(self.statements) == 1 else "matching"

    @field_validator("statements")
    @classmethod
    def _statements(cls, statements: list[Statement]) -> list[Statement]:
        require_unique([s.text for s in statements], "stelling '{}' komt twee keer voor")
        return statements

    def answer_key(self, seed: str) -> list[bool]:
        """A boolean per statement."""
        return [s.answer for s in self.statements]

    def worst_state(self) -> list[bool]:
        """``false`` for every statement (longer than ``true`` in JSON)."""
        return [False] * len(self.statements)

    def choices(self, t: Any, md: Any) -> list[tuple[str, str, Any]]:
        """The radios of each statement: (id suffix, value, label)."""
        return [("j", "true", t("true_label")), ("o", "false", t("false_label"))]


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = TrueFalseQuestion
