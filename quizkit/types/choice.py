"""What the option types (single, multiple, phrasing) share: options and their rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field

from ..base import Inline, Markdown, Question, YesNo, repeated_verdicts
from ..validate import Strict, require_unique

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from ..moodle import Head, MoodleWriter


class Option(Strict):
    """An answer option of a ``single`` or ``multiple`` question."""

    text: Inline = Field(description="Markdown, one paragraph: the option as the learner reads it")
    correct: YesNo = Field(False, description="true for a correct option")
    feedback: Markdown | None = Field(None, description="Markdown: why this option is (not) right")


def moodle_choice(question: Question, mx: MoodleWriter, head: Head, single: bool) -> ET.Element:
    """Moodle ``multichoice``: the options with their own feedback, shuffled where the site shuffles them.

    One right option scores 100 %. With several, each right option scores an equal share
    (together 100 %) and each wrong one takes off an equal share (together -100 %, or a little
    more where Moodle has no grade of exactly 1/n: see :func:`~quizkit.moodle.penalty_of`), so
    that ticking every option scores nothing; Moodle never gives less than 0 for a question.
    """
    options = question.options  # type: ignore[attr-defined]
    right = sum(o.correct for o in options)
    wrong = len(options) - right
    plus = mx.fraction(1 / right)  # a ValueError when Moodle cannot split 100 % that way
    minus = "0" if single else mx.fraction(-mx.penalty_of(wrong))
    q = mx.question(
        "multichoice",
        head,
        single="true" if single else "false",
        # Each learner's own order, as on the site (if the quiz also shuffles within questions);
        # else the written order (phrasing: the sentences as the editor arranged them).
        shuffleanswers="true" if question.shuffles_options else "false",
        answernumbering="abc",
        showstandardinstruction=1,
    )
    mx.combined_feedback(q)
    for option in options:
        mx.answer(q, plus if option.correct else minus, mx.inline(option.text), mx.block(option.feedback))
    return q


def option_wording_problems(options: list[Option], strings: Any) -> list[str]:
    """An option's feedback that starts with the verdict the answer shows before the option ("Juist: ...")."""
    right, wrong = strings("right"), strings("wrong")
    answers = [(o.text, o.feedback, f"{right if o.correct else wrong}:") for o in options]
    return repeated_verdicts(answers, "optie", (right, wrong))


def check_choice(options: list, exactly_one: bool) -> list:
    """The options, or a ValueError naming what is wrong with which are correct."""
    correct = sum(o.correct for o in options)
    if correct == 0:
        raise ValueError("geen enkele optie is juist (zet correct: true bij het juiste antwoord)")
    if exactly_one and correct > 1:
        raise ValueError(f"{correct} opties zijn juist; bij dit type is precies één optie juist")
    if not exactly_one and correct == len(options):
        raise ValueError("alle opties zijn juist; zet minstens één optie op correct: false")
    require_unique([o.text for o in options], "optie '{}' komt twee keer voor")
    return options


class OneRight(Question):
    """A question with options of which exactly one is right (single, phrasing)."""

    scorm_interaction: ClassVar[str] = "choice"

    def wording_problems(self, strings: Any) -> list[str]:
        """See :func:`option_wording_problems`."""
        return option_wording_problems(self.options, strings)  # type: ignore[attr-defined]

    def answer_key(self, seed: str) -> int:
        """The index of the right option."""
        return next(i for i, o in enumerate(self.options) if o.correct)  # type: ignore[attr-defined]

    def worst_state(self) -> int:
        """The highest option index."""
        return len(self.options) - 1  # type: ignore[attr-defined]

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """Moodle ``multichoice`` with one answer (see :func:`moodle_choice`)."""
        return moodle_choice(self, mx, head, single=True)
