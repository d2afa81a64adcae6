"""``phrasing``: the most helpful sentence to say to a patient (radio buttons, quoted)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from ...base import Text
from ..choice import OneRight, Option, check_choice


class PhrasingOption(Option):
    """A sentence to say to a patient; every one needs feedback on why it helps or not."""

    feedback: Text = Field(description="Markdown: why this sentence helps or does not")


class PhrasingQuestion(OneRight):
    """The most helpful sentence to say to a patient."""

    type: Literal["phrasing"]
    # type.js borrows single's handler, shuffle included.
    shuffles_options: ClassVar[bool] = True
    options: list[PhrasingOption] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[PhrasingOption]) -> list[PhrasingOption]:
        return check_choice(options, exactly_one=True)


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = PhrasingQuestion
