"""``truefalse``: statements judged true or false (a radio pair per statement)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup
from pydantic import Field, field_validator

from ...base import Inline, Markdown, Question, YesNo, repeated_verdicts
from ...validate import Strict, require_unique

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ...moodle import Head, MoodleWriter


class Statement(Strict):
    """A statement to judge as true or false."""

    text: Inline
    answer: YesNo = Field(description="true when the statement is right")
    feedback: Markdown | None = None


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

    def wording_problems(self, strings: Any) -> list[str]:
        """A statement's feedback that starts with its verdict, shown right before it (see repeated_verdicts)."""
        verdicts = {True: strings("true_label"), False: strings("false_label")}
        shown = {answer: f"{strings('right_answer')}: {word}." for answer, word in verdicts.items()}
        answers = [(s.text, s.feedback, shown[s.answer]) for s in self.statements]
        return repeated_verdicts(answers, "stelling", (verdicts[True], verdicts[False]))

    def answer_key(self, seed: str) -> list[bool]:
        """A boolean per statement."""
        return [s.answer for s in self.statements]

    def worst_state(self) -> list[bool]:
        """``false`` for every statement (longer than ``true`` in JSON)."""
        return [False] * len(self.statements)

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """One statement: Moodle ``truefalse``. More: one ``match`` of statements to Juist/Onjuist.

        A match keeps the item one question, as on the site: one id, one mark, judged as a
        whole, the statements together. Moodle's match has no feedback per statement, so the
        general feedback starts with the site's answer (each statement, its value, its
        feedback).
        """
        right, wrong = mx.t("true_label"), mx.t("false_label")
        if len(self.statements) == 1:
            s = self.statements[0]
            q = mx.question("truefalse", replace(head, text=head.text + mx.para(s.text)))
            for value in (True, False):
                # Markup, so that adding the feedback (Markup) does not escape it.
                verdict = Markup("<p>{}.</p>").format(mx.t("right") if value == s.answer else mx.t("wrong"))
                mx.answer(
                    q,
                    "100" if value == s.answer else "0",
                    str(value).lower(),
                    verdict + mx.block(s.feedback),
                    fmt="moodle_auto_format",
                )
            return q
        head = replace(head, feedback=mx.answer_html(self, head.uid, head.seed) + head.feedback)
        return mx.match(
            head, [(mx.para(s.text), right if s.answer else wrong) for s in self.statements], [right, wrong]
        )

    def choices(self, t: Any, md: Any) -> list[tuple[str, str, Any]]:
        """The radios of each statement: (id suffix, value, label)."""
        return [("true", "true", t("true_label")), ("false", "false", t("false_label"))]


# What the registry (quizkit/types/__init__.py) takes from this folder.
MODEL = TrueFalseQuestion
