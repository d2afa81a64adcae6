"""What every question type shares: the strict base, ids, texts, sources and item fields.

A question type (``quizkit/types/<name>/``) subclasses :class:`Question` and says, as
methods, what only it knows: the shape of a full answer (:meth:`Question.answer_key`), the
longest answer the script can save, and its SCORM 1.2 interaction type.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, field_validator

from . import answers
from .validate import ID_PATTERN, Strict

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from .moodle import Head, MoodleWriter

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]

# A stem is the <legend> of its fieldset: one paragraph of inline Markdown.
_BLOCK_MARKUP = re.compile(r"\n\s*\n|^\s*([-*+]|\d+[.)])\s|^\s*#|^\s*>", re.MULTILINE)


def one_paragraph(text: str) -> str:
    """``text`` unchanged, or a ValueError if it holds block markup (a list, heading, blank line)."""
    if _BLOCK_MARKUP.search(text):
        raise ValueError("de vraag (stem) moet één alinea zijn, zonder lijst, kop of witregel")
    return text


def inline_text(text: str) -> str:
    """``text`` unchanged, or a ValueError if it holds block markup (see :func:`one_paragraph`)."""
    if _BLOCK_MARKUP.search(text):
        raise ValueError("deze tekst moet één alinea zijn, zonder lijst, kop of witregel: hij staat binnen een regel")
    return text


# A text the templates set inside a line: an option's label, a statement, a step, a category,
# a hint, a title. A list or a heading there would put block elements in a <label> or <p>.
Inline = Annotated[str, StringConstraints(min_length=1), AfterValidator(inline_text)]


def _yes_no(value: object) -> object:
    if not isinstance(value, bool):
        raise ValueError(f"'{value}' is geen true of false (juist of onjuist staat bij de optie of stelling zelf)")
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]


class SourceRef(Strict):
    """A pointer into a source document: which document, and where in it."""

    doc: Id
    where: Text


class Question(Strict):
    """Fields every question has, in an item or in a case stage, and what each type defines."""

    # The SCORM 1.2 interaction type of an item of this type (scorm.js encodes the response).
    scorm_interaction: ClassVar[str] = "performance"
    # Whether the site shows the options in each learner's own order (the type's script has a
    # ``shuffle`` handler); the Moodle question then shuffles them too.
    shuffles_options: ClassVar[bool] = False

    stem: Text = Field(description="Markdown, one paragraph: the question")
    hint: Inline | None = Field(None, description="Markdown, one paragraph: a hint shown under the question")
    explanation: str | None = Field(None, description="Markdown: shown after answering and under 'Toon antwoord'")

    @field_validator("stem")
    @classmethod
    def _stem(cls, value: str) -> str:
        return one_paragraph(value)

    def answer_key(self, seed: str) -> Any:
        """What a fully correct answer looks like, in the shape the type's script reads."""
        raise NotImplementedError

    def worst_state(self) -> Any:
        """The longest answer the type's script can save (bounds SCORM's suspend_data)."""
        raise NotImplementedError

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """The question as a Moodle XML ``<question>`` (see quizkit/moodle.py)."""
        raise NotImplementedError

    def moodle_questions(self, mx: MoodleWriter, head: Head) -> list[ET.Element]:
        """The Moodle questions of an item of this type: one (a case has one per stage)."""
        return [self.moodle(mx, head)]

    def size(self) -> list[int]:
        """The answer's shape (counts of options, statements...): part of the saved-answer hash."""
        return [len(getattr(self, f, None) or []) for f in ("options", "statements", "categories", "steps")]

    def units(self, uid: str) -> list[tuple[Question, str, str, Any]]:
        """The questions shown, as (question, html id prefix, shuffle seed, case stage or None)."""
        return [(self, uid, uid, None)]


class ItemFields(Strict):
    """What makes a question an item of a bank: a stable id and a source."""

    id: Id = Field(description="Stable, unique across all banks, never reused: it keys saved progress")
    source: SourceRef = Field(description="Where in the source documents this item rests")

    if TYPE_CHECKING:  # what every item has from its type (a Question, or a case)
        type: str
        stem: str
        hint: str | None
        explanation: str | None
        scorm_interaction: ClassVar[str]

        def answer_key(self, seed: str) -> Any: ...  # noqa: D102
        def units(self, uid: str) -> list[tuple[Question, str, str, Any]]: ...  # noqa: D102
        def size(self) -> list[int]: ...  # noqa: D102
        def moodle_questions(self, mx: MoodleWriter, head: Head) -> list[ET.Element]: ...  # noqa: D102

    # What the script needs to check and save an answer. A page, its SCORM package and the
    # package's size check all ask for them: computed once per item.
    @cached_property
    def correct_answer(self) -> Any:
        """What a fully correct answer looks like (:meth:`Question.answer_key`)."""
        return self.answer_key(self.id)

    @cached_property
    def saved_hash(self) -> str:
        """The hash that saved answers for this item carry (:func:`answers.answer_hash`)."""
        return answers.answer_hash(self.shape(), self.correct_answer)

    @cached_property
    def encoded_key(self) -> str:
        """The answer key as the markup carries it (:func:`answers.encode_key`)."""
        return answers.encode_key(self.correct_answer, self.id)

    def shape(self) -> list[Any]:
        """What saved answers depend on besides the key: type and size of each unit."""
        return [[self.type, self.size()]]

    @property
    def units_of(self) -> list[tuple[Question, str, str, Any]]:
        """The item's questions (see :meth:`Question.units`) under the item's id."""
        return self.units(self.id)


def item_model(question: type[Question]) -> type:
    """The item class of a question type: the question plus an id and a source."""
    name = question.__name__.removesuffix("Question") + "Item"
    return type(
        name, (question, ItemFields), {"__doc__": f"A ``{name}`` in a bank.", "__module__": question.__module__}
    )
