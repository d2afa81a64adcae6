"""Surface cues in the question banks: answers a learner can guess without knowing the content.

Four cues are measured, per module and in total:

- **longest right option**: in a single-answer list (a ``single`` or ``phrasing`` item, or
  such a question inside a case stage), the right option is strictly the longest, by the
  length of the text the learner sees (Markdown markup left out);
- **right option first**: in such a list, the right option is the bank's first. The page
  shuffles options per learner, but the bank's order is what a page without JavaScript shows,
  what a Moodle quiz that does not shuffle shows, and what the answer codes an LMS reports
  (``a``, ``b``...) follow;
- **absolute words**: an option (of any choice question) or a true/false statement that
  contains an absolute word of the locale (Dutch *altijd*, *nooit*, *alleen*; English
  *always*, *never*, *only*) is false;
- **statements in category order**: in a ``classify`` question (also in a case stage) the
  statements follow the categories, so their answers read 0, 0, 1, 2 or 0, 1, 2, 0, 1, 2, or
  each category's statements stand together (1, 1, 2, 2, 0, 0).
  The page shows them in the bank's order to every learner (unlike options, which are
  shuffled per learner), so the pattern gives the answers away.

:func:`measure_cues` is pure: it takes validated :class:`~quizkit.models.QuizModule` models and
returns numbers, so it runs in a test or a one-off script without MkDocs; :func:`cue_lines`
says them to an editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from .models import QuizModule
from .render import Strings
from .types import CaseItem
from .types.choice import Option
from .types.classify import ClassifyQuestion
from .types.multiple import MultipleQuestion
from .types.phrasing import PhrasingQuestion
from .types.single import SingleQuestion
from .types.truefalse import Statement, TrueFalseQuestion

# The absolute words are the locale's (``cues: absolute_words`` in ``locales/<locale>.yml``):
# the banks' texts are in the site's language. Without a locale, the default one's.


@cache
def _absolute(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` as whole words, in any case, across any spacing."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


@cache
def default_words() -> tuple[str, ...]:
    """The absolute words of the default locale."""
    return Strings().absolute_words


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]|<[^>]+>")
_SPACE = re.compile(r"\s+")


def visible_text(markdown: str) -> str:
    """The text a learner sees: link targets, emphasis marks, code ticks and tags left out."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def absolute_words(markdown: str, words: tuple[str, ...] | None = None) -> list[str]:
    """The absolute words (``words``, else the default locale's) in a text: lower case, in order."""
    pattern = _absolute(words or default_words())
    return [_SPACE.sub(" ", m.group(0).lower()) for m in pattern.finditer(visible_text(markdown))]


@dataclass(frozen=True)
class ChoiceList:
    """One single-answer list: where it is, and how long its right and longest wrong options are."""

    module: str
    item: str
    stage: str | None
    right_length: int
    longest_wrong_length: int
    right_position: int  # the right option's place in the bank's order, from 0

    @property
    def right_is_longest(self) -> bool:
        """True when the right option is strictly longer than every wrong one."""
        return self.right_length > self.longest_wrong_length

    @property
    def ratio(self) -> float:
        """Length of the right option over that of the longest wrong one."""
        return self.right_length / max(self.longest_wrong_length, 1)

    @property
    def where(self) -> str:
        """``item`` or ``item/stage``."""
        return f"{self.item}/{self.stage}" if self.stage else self.item


@dataclass(frozen=True)
class AbsoluteText:
    """An option or statement with an absolute word, and whether it is right or true."""

    module: str
    item: str
    stage: str | None
    text: str
    words: tuple[str, ...]
    true: bool

    @property
    def where(self) -> str:
        """``item`` or ``item/stage``."""
        return f"{self.item}/{self.stage}" if self.stage else self.item


@dataclass
class CueCount:
    """The counts for one module, or for all modules together."""

    module: str
    lists: int = 0
    right_longest: int = 0
    right_first: int = 0
    absolute: int = 0
    absolute_false: int = 0
    sorts: int = 0  # classify questions
    sorts_in_order: int = 0  # ... whose statements follow the categories (see in_category_order)

    @property
    def right_longest_share(self) -> float:
        """Share (0-1) of single-answer lists whose right option is strictly the longest."""
        return self.right_longest / self.lists if self.lists else 0.0

    @property
    def right_first_share(self) -> float:
        """Share (0-1) of single-answer lists whose right option comes first in the bank."""
        return self.right_first / self.lists if self.lists else 0.0

    @property
    def absolute_false_share(self) -> float:
        """Share (0-1) of options and statements with an absolute word that are false."""
        return self.absolute_false / self.absolute if self.absolute else 0.0

    def add(self, other: CueCount) -> None:
        """Add another count to this one."""
        self.lists += other.lists
        self.right_longest += other.right_longest
        self.right_first += other.right_first
        self.absolute += other.absolute
        self.absolute_false += other.absolute_false
        self.sorts += other.sorts
        self.sorts_in_order += other.sorts_in_order


@dataclass
class CueReport:
    """Counts per module and in total, the lists and texts behind them, and the worst items."""

    modules: list[CueCount] = field(default_factory=list)
    total: CueCount = field(default_factory=lambda: CueCount("totaal"))
    lists: list[ChoiceList] = field(default_factory=list)
    absolutes: list[AbsoluteText] = field(default_factory=list)
    in_order: list[str] = field(default_factory=list)  # classify questions in category order (item or item/stage)

    def worst(self, n: int = 10) -> list[ChoiceList]:
        """The ``n`` lists where the right option is longest by the largest factor."""
        longest = [c for c in self.lists if c.right_is_longest]
        return sorted(longest, key=lambda c: c.ratio, reverse=True)[:n]


def _questions(module: QuizModule) -> Iterable[tuple[str, str | None, object]]:
    for item in module.items:
        if isinstance(item, CaseItem):
            for stage in item.stages:  # type: ignore[attr-defined]
                yield item.id, stage.id, stage.question
        else:
            yield item.id, None, item


def in_category_order(answers: Sequence[int]) -> bool:
    """Whether a classify question's answers (a category index per statement) follow a pattern.

    Sorted (0, 0, 1, 2), the categories over and over (0, 1, 2, 0, 1, 2), or each category's
    statements side by side (1, 1, 2, 2, 0, 0): a learner who sees the pattern needs no
    knowledge. One category for all, or two statements, is no pattern.
    """
    if len(answers) < 3 or len(set(answers)) < 2:
        return False
    cycle = max(answers) + 1
    runs = [a for i, a in enumerate(answers) if i == 0 or answers[i - 1] != a]
    blocks = len(runs) == len(set(runs)) < len(answers)  # each category once, some twice or more
    return list(answers) == sorted(answers) or all(a == i % cycle for i, a in enumerate(answers)) or blocks


def _choice_list(module_id: str, item: str, stage: str | None, options: Sequence[Option]) -> ChoiceList:
    right = [len(visible_text(o.text)) for o in options if o.correct]
    wrong = [len(visible_text(o.text)) for o in options if not o.correct]
    position = next(i for i, o in enumerate(options) if o.correct)
    return ChoiceList(module_id, item, stage, max(right), max(wrong, default=0), position)


def measure_cues(modules: Iterable[QuizModule], words: tuple[str, ...] | None = None) -> CueReport:
    """Count the cues in ``modules`` (validated banks), per module and in total.

    ``words``: the absolute words of the banks' language (:attr:`Strings.absolute_words`);
    without them, the default locale's.
    """
    report = CueReport()
    for module in modules:
        module_id = module.module.id
        count = CueCount(module_id)
        for item, stage, question in _questions(module):
            texts: list[tuple[str, bool]] = []
            if isinstance(question, SingleQuestion | PhrasingQuestion):
                choice = _choice_list(module_id, item, stage, question.options)
                report.lists.append(choice)
                count.lists += 1
                count.right_longest += choice.right_is_longest
                count.right_first += choice.right_position == 0
            if isinstance(question, SingleQuestion | PhrasingQuestion | MultipleQuestion):
                texts = [(o.text, o.correct) for o in question.options]
            elif isinstance(question, TrueFalseQuestion):
                texts = [(s.text, s.answer) for s in question.statements if isinstance(s, Statement)]
            elif isinstance(question, ClassifyQuestion):
                count.sorts += 1
                if in_category_order(question.answer_key(item)):
                    count.sorts_in_order += 1
                    report.in_order.append(f"{item}/{stage}" if stage else item)
            for text, true in texts:
                found = absolute_words(text, words)
                if found:
                    report.absolutes.append(AbsoluteText(module_id, item, stage, text, tuple(found), true))
                    count.absolute += 1
                    count.absolute_false += not true
        report.modules.append(count)
        report.total.add(count)
    return report


# Above these shares a module's cues are flagged (a warning for the editor, not a failure).
CUE_LIMITS = {"right_longest": 0.35, "right_first": 0.50, "absolute_false": 0.70}


def cue_lines(modules: Iterable[QuizModule], words: tuple[str, ...] | None = None) -> list[str]:
    """The cues of ``modules`` for the editor (``make check``, ``python -m quizkit check``).

    The figures per module and in total, a warning for each module over :data:`CUE_LIMITS` or
    with a classify question in category order, and the items where the cue is strongest.
    """
    words = words or default_words()
    report = measure_cues(modules, words)
    lines = ["Raadbare vragen (signalen, geen fouten):"]
    for count in [*report.modules, report.total]:
        flags = []
        if count.lists and count.right_longest_share > CUE_LIMITS["right_longest"]:
            flags.append(f"juiste optie vaak de langste (meer dan {CUE_LIMITS['right_longest']:.0%})")
        if count.lists and count.right_first_share > CUE_LIMITS["right_first"]:
            flags.append(f"juiste optie vaak bovenaan in de bank (meer dan {CUE_LIMITS['right_first']:.0%})")
        if count.sorts_in_order:
            flags.append("stellingen van een indeelvraag in de volgorde van de categorieën")
        if count.absolute and count.absolute_false_share > CUE_LIMITS["absolute_false"]:
            flags.append(
                f"woorden als '{words[0]}' of '{words[1]}' vaak in onjuiste opties "
                f"(meer dan {CUE_LIMITS['absolute_false']:.0%})"
            )
        lines.append(
            f"  {count.module}: juiste optie de langste in {count.right_longest} van {count.lists} lijsten "
            f"({count.right_longest_share:.0%}); absolute woorden onjuist in {count.absolute_false} van "
            f"{count.absolute} ({count.absolute_false_share:.0%}); juiste optie bovenaan in {count.right_first} "
            f"van {count.lists} lijsten ({count.right_first_share:.0%})"
            + (
                f"; indelen in de volgorde van de categorieën in {count.sorts_in_order} van {count.sorts}"
                if count.sorts
                else ""
            )
            + (f"  WAARSCHUWING: {'; '.join(flags)}" if flags else "")
        )
    if report.in_order:
        lines.append(
            "  Indeelvragen waarvan de antwoorden de volgorde van de categorieën volgen (zet de stellingen door "
            "elkaar): " + ", ".join(report.in_order)
        )
    worst = report.worst(5)
    if worst:
        lines.append(
            "  Vragen waar de juiste optie het duidelijkst de langste is: " + ", ".join(c.where for c in worst)
        )
    return lines
