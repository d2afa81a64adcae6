"""``classify``: statements sorted into categories (a radio group per statement, no drag-and-drop)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from ...base import Id, Inline, Markdown, Question
from ...validate import LocatedValueError, Strict, require_unique

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ...moodle import Head, MoodleWriter


class Category(Strict):
    """A category to sort statements into."""

    id: Id
    label: Inline


class ClassifyStatement(Strict):
    """A statement that belongs in one category."""

    text: Inline
    # Text, not an Id: a category written as its label ("Pretendmodus") is told as such by the
    # item's check (_known_categories), not as a malformed id.
    category: str = Field(min_length=1, description="The id of one of the item's categories")
    feedback: Markdown | None = None


class ClassifyQuestion(Question):
    """Statements sorted into categories."""

    scorm_interaction: ClassVar[str] = "matching"
    type: Literal["classify"]
    categories: list[Category] = Field(min_length=2)
    statements: list[ClassifyStatement] = Field(min_length=1)

    @field_validator("categories")
    @classmethod
    def _categories(cls, categories: list[Category]) -> list[Category]:
        require_unique([c.id for c in categories], "categorie '{}' komt twee keer voor")
        return categories

    @field_validator("statements")
    @classmethod
    def _statements(cls, statements: list[ClassifyStatement]) -> list[ClassifyStatement]:
        require_unique([s.text for s in statements], "stelling '{}' komt twee keer voor")
        return statements

    @model_validator(mode="after")
    def _known_categories(self) -> ClassifyQuestion:
        known = [c.id for c in self.categories]
        by_label = {c.label.casefold(): c.id for c in self.categories}
        for i, statement in enumerate(self.statements):
            if statement.category not in known:
                meant = by_label.get(statement.category.casefold())
                hint = (
                    f"; '{statement.category}' is de naam van categorie '{meant}': schrijf de id, {meant}"
                    if meant
                    else ""
                )
                raise LocatedValueError(  # at the statement's category, not the item's first line
                    ("statements", i, "category"),
                    f"stelling '{statement.text}' staat in categorie '{statement.category}', "
                    f"die niet bestaat{hint} (bekend: {', '.join(known)})",
                )
        return self

    def answer_key(self, seed: str) -> list[int]:
        """A category index per statement."""
        ids = [c.id for c in self.categories]
        return [ids.index(s.category) for s in self.statements]

    def worst_state(self) -> list[int]:
        """The highest category index for every statement."""
        return [len(self.categories) - 1] * len(self.statements)

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """Moodle ``match``: each statement to its category's label, every category offered.

        One statement alone becomes a ``multichoice`` of the categories.

        Labels are plain text, as Moodle's match answers are. The general feedback starts with
        the site's answer, since Moodle's match has no feedback per statement.
        """
        if len(self.statements) == 1:  # Moodle's match wants two stems: a choice of category
            s = self.statements[0]
            q = mx.question(
                "multichoice",
                replace(head, text=head.text + mx.para(s.text)),
                single="true",
                shuffleanswers="false",
                answernumbering="abc",
                showstandardinstruction=1,
            )
            mx.combined_feedback(q)
            for c in self.categories:
                right = c.id == s.category
                mx.answer(q, "100" if right else "0", mx.inline(c.label), mx.block(s.feedback) if right else "")
            return q
        labels = {c.id: mx.plain(c.label) for c in self.categories}
        head = replace(head, feedback=mx.answer_html(self, head.uid, head.seed) + head.feedback)
        pairs = [(mx.para(s.text), labels[s.category]) for s in self.statements]
        return mx.match(head, pairs, list(labels.values()))

    def choices(self, t: Any, md: Any) -> list[tuple[str, str, Any]]:
        """A radio per category: (id suffix, value = its index, label)."""
        return [(str(i), str(i), md(c.label)) for i, c in enumerate(self.categories)]


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = ClassifyQuestion
