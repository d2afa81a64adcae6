"""``case``: a case in stages; each stage has its own question of any other type.

Correct when every stage is. Unlike the other types it is built from them: its stages hold
any registered question type (see :func:`case_item`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator

from ...base import Hint, Id, ItemFields, Markdown, Question, Text, one_paragraph
from ...validate import LocatedValueError, Strict, require_unique

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ...moodle import Head, MoodleWriter


def case_item(stage_question: Any) -> type:
    """The ``case`` item model whose stages hold ``stage_question`` (the other types' union)."""

    class Stage(Strict):
        """One stage of a case: a piece of the story and its own question."""

        id: Id
        text: Text = Field(description="Markdown narrative of this stage")
        question: stage_question

    class CaseItem(ItemFields):
        """A case in stages; each stage has its own question. Correct when every stage is."""

        scorm_interaction: ClassVar[str] = "performance"
        type: Literal["case"]
        stem: Text = Field(description="Markdown, one paragraph: introduces the case")
        hint: Hint | None = None
        explanation: Markdown | None = None
        stages: list[Stage] = Field(min_length=1)

        @field_validator("stem")
        @classmethod
        def _stem(cls, value: str) -> str:
            return one_paragraph(value)

        @field_validator("stages")
        @classmethod
        def _stages(cls, stages: list[Stage]) -> list[Stage]:
            ids = [s.id for s in stages]
            require_unique(ids, "fase '{}' komt twee keer voor")
            # A stage's HTML ids are its unit id plus "-" and more (its first statement's group
            # is "<item>--<stage>-0"), so stage "a-0" would share ids with stage "a": as for items
            # (quizkit.bank.html_id_clashes), no stage id is another's plus "-".
            for i, stage_id in enumerate(ids):
                for other in ids:
                    if stage_id.startswith(other + "-"):
                        raise LocatedValueError(
                            (i, "id"),
                            f"fase '{stage_id}' begint met de id van fase '{other}' plus '-'; de HTML-ids van "
                            "beide fasen kunnen dan botsen: kies een andere id",
                        )
            return stages

        def units(self, uid: str) -> list[tuple[Question, str, str, Any]]:
            """A unit per stage, with ids and seeds of their own."""
            return [(s.question, f"{uid}--{s.id}", f"{uid}/{s.id}", s) for s in self.stages]

        def answer_key(self, seed: str) -> list[Any]:
            """A list of the stages' keys."""
            return [stage.question.answer_key(f"{seed}/{stage.id}") for stage in self.stages]

        def shape(self) -> list[Any]:
            """Each stage's id, type and size."""
            return [[s.id, s.question.type, s.question.size()] for s in self.stages]

        def moodle_questions(self, mx: MoodleWriter, head: Head) -> list[ET.Element]:
            """A Moodle question per stage, in order, each of its own type.

            Each carries the case so far (see :func:`quizkit.moodle.stage_head`) and a share
            of the item's mark.
            """
            from ...moodle import stage_head

            return [s.question.moodle(mx, stage_head(mx, self, head, i)) for i, s in enumerate(self.stages)]

        def worst_state(self) -> list[Any]:
            """The stages' longest answers."""
            return [s.question.worst_state() for s in self.stages]

    Stage.__module__ = CaseItem.__module__ = __name__
    return CaseItem
