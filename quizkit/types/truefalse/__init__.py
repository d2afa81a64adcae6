"""``truefalse``: statements judged true or false (a radio pair per statement)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup
from pydantic import Field, field_validator

from ...base import Inline, Markdown, Question, YesNo
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
        """A statement's feedback that starts with the verdict the answer shows right before it.

        The answer reads "Het juiste antwoord: Juist." and then the feedback: one that starts
        with "Juist." said it twice, and did so under 54 of the site's 60 statements. Only the
        word as a verdict counts (followed by a mark, or alone, bold or not): "Juist bij deze
        groep ..." uses the same word as an adverb.
        """
        verdicts = {True: strings("true_label"), False: strings("false_label")}
        words = "|".join(re.escape(word) for word in verdicts.values())
        verdict = re.compile(rf"[*_]{{0,2}}({words})[*_]{{0,2}}[ \t]*(?:[.,;:!(–—-]|$)")
        problems = []
        for s in self.statements:
            found = verdict.match((s.feedback or "").lstrip())
            if found:
                shown = f"{strings('right_answer')}: {verdicts[s.answer]}."
                problems.append(repeated_verdict_message(s.text, found.group(1), shown))
        return problems

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


def repeated_verdict_message(statement: str, word: str, verdict: str) -> str:
    """What an editor reads about a statement whose feedback starts with ``word``, after ``verdict``."""
    text = statement if len(statement) <= 40 else statement[:37] + "..."
    return (
        f"de feedback bij stelling '{text}' begint met '{word}', maar vlak ervoor staat al '{verdict}'; "
        "begin de feedback met de uitleg"
    )
