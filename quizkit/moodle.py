"""Moodle XML question banks: one file per module and one with every module.

Each module becomes a question category (``$course$/top/<module title>``, the module id as the
category's ``idnumber``) followed by its items in the module's order. What an item becomes in
Moodle is the type's own business: each question type has a method ``moodle(mx, head)`` (see
``quizkit/types/<type>/__init__.py``) that fills in its Moodle question with the primitives of
:class:`MoodleWriter`; a case (``moodle_questions``) becomes one question per stage. The
mapping, with its reasons, is in CONTRIBUTING.md ("Moodle XML").

Every text is the engine's own HTML: the site's Markdown through the renderer, the same
templates as the site. The XML is built with :mod:`xml.etree.ElementTree` (every text escaped
by it); Moodle's importer decodes the escapes. Nothing here needs MkDocs.

Targets Moodle 4.4 and later (``ordering`` is a core question type from 4.4; ``match``,
``multichoice`` and ``truefalse`` read as they have since 2.x).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

from .errors import ContentError, raise_all
from .models import QuizModule
from .render import QuizRenderer, Strings

# The grades Moodle accepts for an answer (question_bank's fraction options), and their
# negatives; the importer refuses any other value. Written as percentages, 5 decimals.
MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)  # fmt: skip
# The most characters of a question's name: its number and first words, enough to tell apart
# questions that open alike ("Juist of onjuist? Beoordeel deze stellingen over ..."), well
# within the 255 Moodle keeps. A type whose importer cuts names shorter says so
# (Question.moodle_name_bytes).
NAME_LENGTH = 100
# Moodle keeps a question's idnumber in 100 characters (question_bank_entries.idnumber).
ID_LENGTH = 100


def all_modules_file(strings: Strings) -> str:
    """The name of the Moodle file with every module, in the interface's language (``alle-modules.xml``)."""
    return f"{strings.ts('all_modules_file')}.xml"


def fraction(share: float) -> str:
    """``share`` (-1..1) as the percentage Moodle reads, or a ValueError if Moodle has no such grade."""
    for allowed in MOODLE_FRACTIONS:
        if abs(abs(share) - allowed) < 1e-6:
            return f"{100 * allowed * (1 if share >= 0 else -1):.5f}".rstrip("0").rstrip(".")
    raise ValueError(f"Moodle kent geen score van {share:.4f} per antwoord")


def penalty_of(n: int) -> float:
    """The smallest grade Moodle allows that is at least ``1 / n`` (``n`` >= 1).

    What each of ``n`` wrong options takes off: together at least 100 %, so that ticking every
    option scores nothing (11 wrong options take off 10 % each; 1/11 is no grade Moodle has).
    """
    return min(f for f in MOODLE_FRACTIONS if f >= 1 / n - 1e-6)


def utf8_size(text: str) -> int:
    """``text``'s length in UTF-8 bytes (what PHP's strlen counts)."""
    return len(text.encode())


def short_name(text: str, limit: int = NAME_LENGTH, size: Callable[[str], int] = len) -> str:
    """``text`` cut at a word boundary to at most ``limit`` (as ``size`` measures), with an ellipsis if cut.

    A first word longer than ``limit`` is cut within the word.
    """
    if size(text) <= limit:
        return text
    cut = text
    while cut and size(cut + "…") > limit:
        cut = (cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]).rstrip(" ,;:.–—-")
    return cut + "…"


@dataclass(frozen=True)
class Head:
    """What every Moodle question has besides its type's part (see :meth:`MoodleWriter.question`)."""

    name: str  # the number, then the question's first words
    idnumber: str
    text: str  # HTML
    feedback: str  # HTML: the general feedback
    grade: float = 1.0
    # The unit's shuffle seed and HTML id prefix, which every type's answer macro takes
    # (answer(q, uid, seed)); the types' answers as shown under "Toon antwoord" need neither yet.
    seed: str = ""
    uid: str = ""
    number: str = ""  # the item's number in its module, as the name starts ("07", "112")


class MoodleWriter:
    """Builds Moodle XML for the modules of one build, with the build's renderer.

    The question types call its primitives (:meth:`question`, :meth:`answer`,
    :meth:`subquestion`, :meth:`combined_feedback`) and its Markdown (:meth:`inline`,
    :meth:`block`).
    """

    def __init__(self, renderer: QuizRenderer):
        self.renderer = renderer
        self.t = renderer.t
        self.all_modules = all_modules_file(self.t)
        self._documents: dict[str, Markup] = {}

    # -- texts -------------------------------------------------------------------------------
    def inline(self, text: str | None) -> Markup:
        """Inline Markdown as on the site (no ``<p>``)."""
        return self.renderer.markdown.inline(text or "")

    def block(self, text: str | None) -> Markup:
        """Block Markdown as on the site."""
        return self.renderer.markdown.block(text) if text else Markup("")

    def plain(self, text: str | None) -> str:
        """Inline Markdown as plain text, whitespace collapsed (names, match answers)."""
        return self.renderer.markdown.plain(text or "")

    def para(self, text: str | None) -> str:
        """One paragraph of inline Markdown (a stem, a statement), or nothing."""
        return f"<p>{self.inline(text)}</p>" if text else ""

    # -- elements ----------------------------------------------------------------------------
    @staticmethod
    def text(parent: ET.Element, tag: str, html: str, fmt: str | None = "html") -> ET.Element:
        """``<tag format="html"><text>html</text></tag>`` under ``parent``."""
        element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
        ET.SubElement(element, "text").text = str(html)
        return element

    @staticmethod
    def value(parent: ET.Element, tag: str, value: object) -> ET.Element:
        """``<tag>value</tag>`` under ``parent``."""
        element = ET.SubElement(parent, tag)
        element.text = str(value)
        return element

    def question(self, qtype: str, head: Head, **options: object) -> ET.Element:
        """A ``<question>`` with the parts every type has, then ``options`` as simple elements."""
        if len(head.idnumber) > ID_LENGTH:
            raise ValueError(
                f"idnumber '{head.idnumber}' is {len(head.idnumber)} tekens lang; Moodle bewaart er "
                f"hoogstens {ID_LENGTH} (bij een casus: de id, '--' en de id van de fase); kies een kortere id"
            )
        q = ET.Element("question", {"type": qtype})
        ET.SubElement(ET.SubElement(q, "name"), "text").text = head.name
        self.text(q, "questiontext", head.text)
        self.text(q, "generalfeedback", head.feedback)
        self.value(q, "defaultgrade", f"{head.grade:.7f}")
        self.value(q, "penalty", "0.3333333")
        self.value(q, "hidden", 0)
        self.value(q, "idnumber", head.idnumber)
        for tag, value in options.items():
            self.value(q, tag, value)
        return q

    fraction = staticmethod(fraction)
    penalty_of = staticmethod(penalty_of)

    def answer(self, q: ET.Element, grade: str, html: str, feedback: str = "", fmt: str | None = "html") -> ET.Element:
        """An ``<answer fraction="grade">`` with its text and feedback (HTML); see :func:`fraction`."""
        answer = self.text(q, "answer", html, fmt)
        answer.set("fraction", grade)
        self.text(answer, "feedback", feedback)
        return answer

    def answer_html(self, q: Any, uid: str, seed: str) -> str:
        """The answer as under "Toon antwoord" on the site (the type's ``answer`` macro)."""
        macros: Any = self.renderer.types[q.type]
        return str(macros.answer(q, uid, seed))

    def subquestion(self, q: ET.Element, html: str, answer: str) -> ET.Element:
        """A ``match`` pair: the stem (HTML; empty for a distractor) and its answer (plain text)."""
        sub = self.text(q, "subquestion", html)
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = answer
        return sub

    def match(self, head: Head, pairs: list[tuple[str, str]], choices: list[str]) -> ET.Element:
        """Moodle ``match``: each (stem HTML, answer text) pair in order, then unused choices.

        A choice no stem has is added as a distractor: Moodle offers only the answers its
        pairs name. Moodle's editing form wants three rows; a smaller match gets a row with
        no stem repeating a choice (Moodle shows each distinct answer once), so a trainer can
        still edit the question.
        """
        if len(set(choices)) != len(choices):
            raise ValueError(f"twee keuzes zijn als platte tekst gelijk: {', '.join(choices)}")
        q = self.question("match", head, shuffleanswers="false")
        self.combined_feedback(q)
        for html, answer in pairs:
            self.subquestion(q, html, answer)
        rows = len(pairs)
        for choice in choices:
            if choice not in {answer for _, answer in pairs}:
                self.subquestion(q, "", choice)
                rows += 1
        for _ in range(rows, 3):
            self.subquestion(q, "", choices[0])
        return q

    def combined_feedback(self, q: ET.Element) -> None:
        """Feedback on a right, partly right and wrong answer, and the number of parts right."""
        self.text(q, "correctfeedback", f"<p>{self.t.ts('moodle_right')}</p>")
        self.text(q, "partiallycorrectfeedback", f"<p>{self.t.ts('moodle_partly')}</p>")
        self.text(q, "incorrectfeedback", f"<p>{self.t.ts('moodle_wrong')}</p>")
        # Value 1, not an empty element: Moodle's own types read it by presence, qtype_ordering by
        # its value (an empty one would turn the setting off).
        self.value(q, "shownumcorrect", 1)

    # -- modules -----------------------------------------------------------------------------
    def source(self, item: Any) -> str:
        """The item's source as a paragraph: the document described in full, and where."""
        doc_id = item.source.doc
        doc = self._documents.get(doc_id)
        if doc is None:  # described once per document, not once per item
            doc = self._documents[doc_id] = dict(self.renderer.citations.documents([doc_id])).get(
                doc_id, Markup.escape(doc_id)
            )
        return str(Markup("<p>{}: {} ({})</p>").format(self.t("source"), doc, item.source.where))

    def name(self, number: str, question: Any) -> str:
        """A question's name: ``number``, then as many of its first words as Moodle keeps."""
        cap = getattr(question, "moodle_name_bytes", None)  # a case is no question: its stages are
        limit, size = (cap, utf8_size) if cap else (NAME_LENGTH, len)
        return f"{number} " + short_name(self.plain(question.stem), limit - size(number) - 1, size)

    def head(self, item: Any, n: int) -> Head:
        """The head of item number ``n`` (from 1) of a module."""
        hint = f"<p><em>{self.inline(item.hint)}</em></p>" if item.hint else ""
        number = f"{n:02d}"
        return Head(
            name=self.name(number, item),
            number=number,
            idnumber=item.id,
            text=self.para(item.stem) + hint,
            feedback=str(self.block(item.explanation)) + self.source(item),
            seed=item.id,
            uid=item.id,
        )

    def category(self, module: QuizModule) -> ET.Element:
        """The category question that puts the following questions in the module's category."""
        meta = module.module
        q = ET.Element("question", {"type": "category"})
        path = "$course$/top/" + self.plain(meta.title).replace("/", "//")
        ET.SubElement(ET.SubElement(q, "category"), "text").text = path
        # The content version too: a trainer can tell which version a course imported. And the
        # module's pass mark, which a Moodle quiz does not take over: the trainer sets it there.
        facts = escape(f"{self.t.ts('version', n=meta.version)} · {self.t('pass_mark', n=meta.pass_mark)}")
        self.text(q, "info", f"{self.block(meta.description)}<p>{facts}</p>")
        self.value(q, "idnumber", meta.id)
        return q

    def module_questions(self, module: QuizModule) -> list[ET.Element]:
        """The module's category, then its questions in the module's order.

        An item Moodle cannot take is a :class:`ContentError` at the item's line; every such
        item of the module is reported at once.
        """
        banks = self.renderer.banks
        out = [self.category(module)]
        problems = []
        for n, item in enumerate(module.items, start=1):
            try:
                out += item.moodle_questions(self, self.head(item, n))
            except ValueError as exc:
                path = banks.paths.get(module.module.id, "")
                problems.append(ContentError(path, banks.lines.get(item.id), f"Moodle XML: {exc}", item.id))
        raise_all(problems)
        return out

    def files(self) -> dict[str, bytes]:
        """Every file by name: ``<module>.xml`` per module and :attr:`all_modules`.

        Each module's questions are made and serialised once; both files that hold a question
        hold that same text (see :func:`question_xml`). Raises every item Moodle cannot take
        at once (see :meth:`module_questions`).
        """
        questions: dict[str, list[str]] = {}
        problems = []
        for module in self.renderer.banks.modules.values():
            try:
                questions[module.module.id] = [question_xml(q) for q in self.module_questions(module)]
            except ContentError as exc:
                problems.append(exc)
        raise_all(problems)
        files = {f"{module_id}.xml": quiz_document(texts) for module_id, texts in questions.items()}
        files[self.all_modules] = quiz_document([text for texts in questions.values() for text in texts])
        return files


def question_xml(question: ET.Element) -> str:
    """``question`` serialised as it stands in a ``<quiz>`` document: indented one level deep."""
    ET.indent(question, space="  ", level=1)
    return ET.tostring(question, encoding="unicode")


def quiz_document(questions: list[str]) -> bytes:
    """A ``<quiz>`` document of serialised questions (:func:`question_xml`), UTF-8.

    Byte for byte what ElementTree writes for a ``<quiz>`` element holding the questions,
    indented (``tests/moodle`` compares the two): each question is serialised once, though
    it stands in two files, and the unicode writer is used (ElementTree's encoding writer
    costs about a third more).
    """
    if not questions:
        return b"<?xml version='1.0' encoding='UTF-8'?>\n<quiz />\n"
    body = "\n  ".join(questions)
    return f"<?xml version='1.0' encoding='UTF-8'?>\n<quiz>\n  {body}\n</quiz>\n".encode()


def stage_head(mx: MoodleWriter, item: Any, head: Head, index: int) -> Head:
    """The head of a case's stage ``index`` (from 0): the case so far, then the stage's question.

    Each stage question carries the case's introduction and every stage up to it, so that it
    stands on its own when a quiz draws it at random.
    """
    story = [mx.para(item.stem)]
    if item.hint:
        story.append(f"<p><em>{mx.inline(item.hint)}</em></p>")
    for k, stage in enumerate(item.stages[: index + 1], start=1):
        story.append(f"<p><strong>{mx.t('stage', n=k)}</strong></p>{mx.block(stage.text)}")
    # The stage's question, HTML id and seed as the site has them (the stage's Moodle id is its HTML id).
    q, uid, seed, _stage = item.units_of[index]
    hint = f"<p><em>{mx.inline(q.hint)}</em></p>" if q.hint else ""
    total = len(item.stages)
    prefix = f"{head.number}.{index + 1}"
    return replace(
        head,
        name=mx.name(prefix, q),
        idnumber=uid,
        text="".join(story) + mx.para(q.stem) + hint,
        # The case's explanation only after its last stage: it names what the later stages ask.
        feedback=str(mx.block(q.explanation))
        + (str(mx.block(item.explanation)) if index == total - 1 else "")
        + mx.source(item),
        # The stages share the item's one point, as on the site a case counts as one question.
        grade=round(1 / total, 7),
        seed=seed,
        uid=uid,
    )
