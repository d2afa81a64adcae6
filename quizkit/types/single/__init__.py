"""``single``: options of which exactly one is right (radio buttons)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from ..choice import OneRight, Option, check_choice


class SingleQuestion(OneRight):
    """One correct option."""

    shuffles_options: ClassVar[bool] = True
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[Option]) -> list[Option]:
        return check_choice(options, exactly_one=True)


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = SingleQuestion
