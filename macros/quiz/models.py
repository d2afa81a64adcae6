"""The question bank format: one module per YAML file, seven item types.

The models are the single definition of the format: validation, the JSON Schema in
``schema/quiz-module.schema.json`` and the templates all follow from them. Each rule an
editor can break has a Dutch message; :func:`macros.validate.validate` adds file, line and id.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from ..content import Id, SourceRef, Text
from ..validate import Strict, require_unique

QUESTION_TYPES = ("single", "multiple", "truefalse", "classify", "ordering", "phrasing")
ITEM_TYPES = (*QUESTION_TYPES, "case")

# A stem is the <legend> of its fieldset: one paragraph of inline Markdown.
_BLOCK_MARKUP = re.compile(r"\n\s*\n|^\s*([-*+]|\d+[.)])\s|^\s*#|^\s*>", re.MULTILINE)


def _one_paragraph(text: str) -> str:
    if _BLOCK_MARKUP.search(text):
        raise ValueError("de vraag (stem) moet één alinea zijn, zonder lijst, kop of witregel")
    return text


def _yes_no(value: object) -> object:
    if not isinstance(value, bool):
        raise ValueError(f"'{value}' is geen true of false (juist of onjuist staat bij de optie of stelling zelf)")
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]


class Option(Strict):
    """An answer option of a ``single`` or ``multiple`` question."""

    text: Text = Field(description="Markdown: the option as the learner reads it")
    correct: YesNo = Field(False, description="true for a correct option")
    feedback: str | None = Field(None, description="Markdown: why this option is (not) right")


class PhrasingOption(Option):
    """A sentence to say to a patient; every one needs feedback on why it helps or not."""

    feedback: Text = Field(description="Markdown: why this sentence helps or does not")


class Statement(Strict):
    """A statement to judge as true or false."""

    text: Text
    answer: YesNo = Field(description="true when the statement is right")
    feedback: str | None = None


class Category(Strict):
    """A category to sort statements into."""

    id: Id
    label: Text


class ClassifyStatement(Strict):
    """A statement that belongs in one category."""

    text: Text
    category: Id = Field(description="The id of one of the item's categories")
    feedback: str | None = None


class _Question(Strict):
    """Fields every question has, in an item or in a case stage."""

    stem: Text = Field(description="Markdown, one paragraph: the question")
    hint: str | None = Field(None, description="Markdown: a hint shown under the question")
    explanation: str | None = Field(None, description="Markdown: shown after answering and under 'Toon antwoord'")

    @field_validator("stem")
    @classmethod
    def _stem(cls, value: str) -> str:
        return _one_paragraph(value)


def _check_choice(options: list[Option], exactly_one: bool) -> list[Option]:
    if len(options) < 2:
        raise ValueError("minstens twee opties nodig")
    correct = sum(o.correct for o in options)
    if correct == 0:
        raise ValueError("geen enkele optie is juist (zet correct: true bij het juiste antwoord)")
    if exactly_one and correct > 1:
        raise ValueError(f"{correct} opties zijn juist; bij dit type is precies één optie juist")
    if not exactly_one and correct == len(options):
        raise ValueError("alle opties zijn juist; zet minstens één optie op correct: false")
    require_unique([o.text for o in options], "optie '{}' komt twee keer voor")
    return options


def _check_statements(statements: list[Any]) -> list[Any]:
    if not statements:
        raise ValueError("minstens één stelling nodig")
    require_unique([s.text for s in statements], "stelling '{}' komt twee keer voor")
    return statements


class SingleQuestion(_Question):
    """One correct option."""

    type: Literal["single"]
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[Option]) -> list[Option]:
        return _check_choice(options, exactly_one=True)


class MultipleQuestion(_Question):
    """One or more correct options (not all)."""

    type: Literal["multiple"]
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[Option]) -> list[Option]:
        return _check_choice(options, exactly_one=False)


class TrueFalseQuestion(_Question):
    """Statements judged true or false."""

    type: Literal["truefalse"]
    statements: list[Statement]

    @field_validator("statements")
    @classmethod
    def _statements(cls, statements: list[Statement]) -> list[Statement]:
        return _check_statements(statements)


class ClassifyQuestion(_Question):
    """Statements sorted into categories (a radio group per statement, no drag-and-drop)."""

    type: Literal["classify"]
    categories: list[Category]
    statements: list[ClassifyStatement]

    @field_validator("categories")
    @classmethod
    def _categories(cls, categories: list[Category]) -> list[Category]:
        if len(categories) < 2:
            raise ValueError("minstens twee categorieën nodig")
        require_unique([c.id for c in categories], "categorie '{}' komt twee keer voor")
        return categories

    @field_validator("statements")
    @classmethod
    def _statements(cls, statements: list[ClassifyStatement]) -> list[ClassifyStatement]:
        return _check_statements(statements)

    @model_validator(mode="after")
    def _known_categories(self) -> ClassifyQuestion:
        known = [c.id for c in self.categories]
        for statement in self.statements:
            if statement.category not in known:
                raise ValueError(
                    f"stelling '{statement.text}' staat in categorie '{statement.category}', "
                    f"die niet bestaat (bekend: {', '.join(known)})"
                )
        return self


class OrderingQuestion(_Question):
    """Steps to put in order; ``steps`` lists them in the correct order."""

    type: Literal["ordering"]
    steps: list[Text] = Field(description="Markdown, in the correct order; shown shuffled")

    @field_validator("steps")
    @classmethod
    def _steps(cls, steps: list[str]) -> list[str]:
        if len(steps) < 3:
            raise ValueError("minstens drie stappen nodig")
        require_unique(steps, "stap '{}' komt twee keer voor")
        return steps


class PhrasingQuestion(_Question):
    """The most helpful sentence to say to a patient."""

    type: Literal["phrasing"]
    options: list[PhrasingOption]

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[PhrasingOption]) -> list[PhrasingOption]:
        return _check_choice(options, exactly_one=True)


StageQuestion = Annotated[
    SingleQuestion | MultipleQuestion | TrueFalseQuestion | ClassifyQuestion | OrderingQuestion | PhrasingQuestion,
    Field(discriminator="type"),
]


class Stage(Strict):
    """One stage of a case: a piece of the story and its own question."""

    id: Id
    text: Text = Field(description="Markdown narrative of this stage")
    question: StageQuestion


class _ItemFields(Strict):
    id: Id = Field(description="Stable, unique across all banks, never reused: it keys saved progress")
    source: SourceRef = Field(description="Where in the source documents this item rests")

    # What the script needs to check and save an answer (macros/quiz/answers.py). A page, its
    # SCORM package and the package's size check all ask for them: computed once per item.
    @cached_property
    def correct_answer(self) -> Any:
        """What a fully correct answer looks like (``answers.answer_key``)."""
        from .answers import answer_key

        return answer_key(self, self.id)

    @cached_property
    def saved_hash(self) -> str:
        """The hash that saved answers for this item carry (``answers.answer_hash``)."""
        from .answers import answer_hash

        return answer_hash(self, self.correct_answer)

    @cached_property
    def encoded_key(self) -> str:
        """The answer key as the markup carries it (``answers.encode_key``)."""
        from .answers import encode_key

        return encode_key(self.correct_answer, self.id)


class SingleItem(SingleQuestion, _ItemFields):
    """A ``single`` item."""


class MultipleItem(MultipleQuestion, _ItemFields):
    """A ``multiple`` item."""


class TrueFalseItem(TrueFalseQuestion, _ItemFields):
    """A ``truefalse`` item."""


class ClassifyItem(ClassifyQuestion, _ItemFields):
    """A ``classify`` item."""


class OrderingItem(OrderingQuestion, _ItemFields):
    """An ``ordering`` item."""


class PhrasingItem(PhrasingQuestion, _ItemFields):
    """A ``phrasing`` item."""


class CaseItem(_ItemFields):
    """A case in stages; each stage has its own question. Correct when every stage is."""

    type: Literal["case"]
    stem: Text = Field(description="Markdown, one paragraph: introduces the case")
    hint: str | None = None
    explanation: str | None = None
    stages: list[Stage]

    @field_validator("stem")
    @classmethod
    def _stem(cls, value: str) -> str:
        return _one_paragraph(value)

    @field_validator("stages")
    @classmethod
    def _stages(cls, stages: list[Stage]) -> list[Stage]:
        if not stages:
            raise ValueError("minstens één fase nodig")
        require_unique([s.id for s in stages], "fase '{}' komt twee keer voor")
        return stages


Item = Annotated[
    SingleItem | MultipleItem | TrueFalseItem | ClassifyItem | OrderingItem | PhrasingItem | CaseItem,
    Field(discriminator="type"),
]
Question = (
    SingleQuestion | MultipleQuestion | TrueFalseQuestion | ClassifyQuestion | OrderingQuestion | PhrasingQuestion
)


class ModuleMeta(Strict):
    """What a module is about, shown on its page and in the module list."""

    id: Id = Field(description="Equals the file name (without .yml)")
    title: Text
    description: Text = Field(description="One or two sentences on what the module practises")
    version: int = Field(
        description="Content version; raise it when items change in meaning (resets saved progress)",
        json_schema_extra={"minimum": 1},
    )
    minutes: int = Field(description="Estimated minutes", json_schema_extra={"minimum": 1})
    pass_mark: int = Field(
        description="Percentage of items answered correctly to pass (1-100)",
        json_schema_extra={"minimum": 1, "maximum": 100},
    )
    objectives: list[Text] = Field(description="Learning objectives, Markdown")

    @field_validator("pass_mark")
    @classmethod
    def _pass_mark(cls, value: int) -> int:
        if not 1 <= value <= 100:
            raise ValueError(f"pass_mark {value} ligt niet tussen 1 en 100 (een percentage)")
        return value

    @field_validator("version", "minutes")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError(f"{value} moet 1 of meer zijn")
        return value

    @field_validator("objectives")
    @classmethod
    def _objectives(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("minstens één leerdoel nodig")
        return value


class QuizModule(Strict):
    """One question bank file: ``docs/_data/quiz/<module id>.yml``."""

    module: ModuleMeta
    items: list[Item]

    @field_validator("items")
    @classmethod
    def _items(cls, items: list) -> list:
        if not items:
            raise ValueError("de module heeft geen vragen")
        return items
