"""``multiple``: options of which one or more (not all) are right (checkboxes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator

from ...base import Question
from ..choice import Option, check_choice, moodle_choice, option_wording_problems

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ...moodle import Head, MoodleWriter


class MultipleQuestion(Question):
    """One or more correct options (not all)."""

    scorm_interaction: ClassVar[str] = "choice"
    shuffles_options: ClassVar[bool] = True
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[Option]) -> list[Option]:
        return check_choice(options, exactly_one=False)

    def wording_problems(self, strings: Any) -> list[str]:
        """See :func:`~quizkit.types.choice.option_wording_problems`."""
        return option_wording_problems(self.options, strings)

    def answer_key(self, seed: str) -> list[int]:
        """The sorted indexes of the right options."""
        return [i for i, o in enumerate(self.options) if o.correct]

    def worst_state(self) -> list[int]:
        """Every option ticked."""
        return list(range(len(self.options)))

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """Moodle ``multichoice`` with several answers (see :func:`moodle_choice`)."""
        return moodle_choice(self, mx, head, single=False)


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = MultipleQuestion
