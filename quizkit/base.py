"""What every question type shares: the strict base, ids, texts, sources and item fields.

A question type (``quizkit/types/<name>/``) subclasses :class:`Question` and says, as
methods, what only it knows: the shape of a full answer (:meth:`Question.answer_key`), the
longest answer the script can save, and its SCORM 1.2 interaction type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, field_validator

from . import answers
from .errors import clipped
from .validate import ID_PATTERN, Strict
from .yamlload import LIST_MARKER

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from .moodle import Head, MoodleWriter

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
# Markdown links in a data text: inline ``[x](target)`` or ``[x](<target>)``, and reference
# definitions ``[x]: target`` (not a footnote's text, ``[^1]: ...``). A scan of the source and not
# of the rendered HTML: texts are validated when the banks load, long before (and far more
# cheaply than) they are rendered, and no Markdown library lists a text's links without
# rendering it. Autolinks (``<https://...>``) always have a scheme.
_LINK_TARGET = re.compile(
    r"\]\(\s*(?:<([^>\n]*)>|([^\s)]*))|^[ ]{0,3}\[(?!\^)[^\]]+\]:[ \t]*(?:<([^>\n]*)>|(\S*))", re.MULTILINE
)
# What a link to the site looks like: an anchor, a path from here or the top, a page (.md, .html)
# or a folder.
_SITE_LINK = re.compile(r"#|\.{0,2}/|[^:?#]*\.(?:md|html?)(?:[#?]|$)|[^:?#]*/$", re.IGNORECASE)


def _is_image(text: str, close: int) -> bool:
    """Whether the ``]`` at ``close`` ends an image's text (``![...]``), nested brackets counted."""
    depth = 0
    for i in range(close - 1, -1, -1):
        if text[i] == "]":
            depth += 1
        elif text[i] == "[":
            if depth == 0:
                return i > 0 and text[i - 1] == "!"
            depth -= 1
    return False


def no_site_link(text: str) -> str:
    """``text`` unchanged, or a ValueError if it links to anything but a full address.

    A data text shows on pages at different depths, in the SCORM packages and in Moodle, so a
    link relative to one page (``alk.md``, ``../x.md``, ``#kop``, ``www.nhg.org``) would be
    broken elsewhere, and MkDocs never sees it to check it. A target with a colon is left to the
    sanitiser, which keeps http, https and mailto and drops the rest (``javascript:``, however
    spelt); it drops images too, so an image is only checked for a link to the site.
    """
    for found in _LINK_TARGET.finditer(text):
        target = next((group for group in found.groups() if group is not None), "")
        if not target:
            continue
        if _SITE_LINK.match(target):
            raise ValueError(
                f"link naar '{target}': een link naar een pagina, bestand of kopje van de site werkt niet in "
                "tekst uit YAML (die tekst staat op verschillende pagina's, en bij vragen ook in SCORM en "
                "Moodle); noem de pagina in de tekst, of link naar een volledig adres (https://...)"
            )
        if ":" not in target and not (found.group(0).startswith("]") and _is_image(text, found.start())):
            raise ValueError(
                f"link naar '{target}': dit is geen volledig adres, dus de link wijst vanaf elke pagina ergens "
                "anders heen; begin het adres met https:// (of http://, of mailto: voor een e-mailadres), of "
                "noem de pagina in de tekst"
            )
    return text


# A footnote's mark (``[^1]``: not escaped, not a link's text ``[^x](...)``, not its text
# ``[^1]:``), a footnote's text anywhere (also in a list or a quotation), and code spans, in
# which neither is one. Lenient on purpose: a text that may hold a footnote's text is let through.
_FOOTNOTE_MARK = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?![:(])")
_FOOTNOTE_TEXT = re.compile(r"\[\^([^\]\s]+)\]:")
CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
# A fenced code block (``` or ~~~), in which nothing is markup either.
_CODE_BLOCK = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1|\Z)", re.MULTILINE | re.DOTALL)
# How to show the characters themselves, in every message about a footnote mark.
_LITERAL = "zet een '\\' voor de '[' als u de tekens zelf wilt tonen"


def _unwritten_footnote(text: str) -> str | None:
    """The label of the first footnote mark in ``text`` whose text ``text`` does not hold."""
    if "[^" not in text:
        return None
    source = CODE_SPAN.sub("", text)
    written = set(_FOOTNOTE_TEXT.findall(source))
    return next((label for label in _FOOTNOTE_MARK.findall(source) if label not in written), None)


def footnotes_written(text: str) -> str:
    """``text`` unchanged, or a ValueError if it marks a footnote whose text it does not hold.

    Each text is converted on its own (see quizkit.markdown), so a footnote's text must be in
    the same text as its mark; Markdown shows a mark without one as it is written ("[^1]").
    """
    label = _unwritten_footnote(text)
    if label is not None:
        raise ValueError(
            f"voetnoot '[^{label}]' zonder tekst: zet in dezelfde tekst, na een witregel, een regel "
            f"'[^{label}]: ...' met de tekst van de voetnoot (in een vraag kan dat niet: zet de toelichting dan "
            f"in de uitleg), haal de verwijzing weg, of {_LITERAL}"
        )
    return text


def no_footnote_mark(text: str) -> str:
    """``text`` unchanged, or a ValueError if it marks a footnote: a text within a line has no room for its text."""
    label = _unwritten_footnote(text)
    if label is not None:
        raise ValueError(
            f"voetnoot '[^{label}]' in een tekst die op één regel staat (zoals een optie, stelling, stap of hint): "
            f"daar past de tekst van een voetnoot niet; zet de toelichting in de feedback of de uitleg, of {_LITERAL}"
        )
    return text


# An HTML tag or comment in a data text. The converter drops raw HTML on purpose (see
# quizkit.markdown), so the page would show "<br>" as it was typed, and check said nothing (an
# editor's journey). Only the names of HTML's elements, written as HTML writes them (lower case),
# make a tag: a placeholder ("<naam behandelaar>", "<Enter>", "<A>"), a comparison ("<T2 of >T3",
# "a < b"), "<3" and an autolink (<https://...>, <naam@voorbeeld.nl>) stay text, as they show
# as typed. A tag in a code span or a fenced code block is code.
_HTML_ELEMENTS = (
    "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|big|blockquote|body|br|button|canvas|caption|center|"
    "cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|"
    "font|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|"
    "main|map|mark|math|menu|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|"
    "progress|q|rp|rt|ruby|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|"
    "svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr"
)
_HTML_TAG = re.compile(rf"<!--|</?(?:{_HTML_ELEMENTS})(?=[\s/>])[^<>]*>")


def no_html(text: str) -> str:
    """``text`` unchanged, or a ValueError if it holds an HTML tag, which the page would show as text."""
    if "<" not in text:
        return text
    found = _HTML_TAG.search(CODE_SPAN.sub("", _CODE_BLOCK.sub("", text)))
    if found:
        tag = clipped(" ".join(found.group(0).split()))  # one line in the message
        raise ValueError(
            f"HTML-code '{tag}': HTML werkt niet in tekst uit YAML en komt als tekst op de pagina; gebruik "
            "Markdown (**vet**, *cursief*, een witregel voor een nieuwe alinea) of laat de code weg; wilt u de "
            "tekens zelf tonen, schrijf dan &lt; in plaats van <"
        )
    return text


# An image (``![tekst](adres)``, ``![tekst][ref]``, ``![tekst]``: any "![" that is not escaped)
# and template code (``{{ ... }}``, ``{% ... %}``) in a data text, outside code. Neither reaches
# the page: the sanitiser drops images (no data text loads anything, from any host), and data
# texts never go through the page's template engine, so a macro shows as typed. Both passed
# check before (an editor's journey).
_IMAGE = re.compile(r"(?<!\\)!\[[^\]\n]{0,30}\]?")
_TEMPLATE = re.compile(r"\{[{%]")


def no_image_or_macro(text: str) -> str:
    """``text`` unchanged, or a ValueError if it holds an image or template code, which the page would not show."""
    if "![" not in text and "{" not in text:
        return text
    source = CODE_SPAN.sub("", _CODE_BLOCK.sub("", text))
    image = _IMAGE.search(source)
    if image:
        raise ValueError(
            f"afbeelding '{image.group(0)}...': in tekst uit YAML verschijnt geen afbeelding (die tekst laadt "
            "niets, van geen enkele site); zet de afbeelding op de pagina zelf, of beschrijf in de tekst wat "
            "erop staat; wilt u de tekens zelf tonen, zet dan een '\\' voor de '!'"
        )
    template = _TEMPLATE.search(source)
    if template:
        end = source.find("}}" if template.group(0) == "{{" else "%}", template.end())
        shown = clipped(" ".join(source[template.start() : end + 2 if end >= 0 else None].split()))
        raise ValueError(
            f"'{shown}': macro's en andere sjablooncode werken niet in tekst uit YAML en komen als tekst op de "
            "pagina; zet de macro op de pagina zelf (in de Markdown), of schrijf de tekst uit"
        )
    return text


# A line that starts a list item (see LIST_MARKER) and a fence of a code block.
_LIST_LINE = re.compile(rf"[ ]{{0,3}}{LIST_MARKER}")
FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# A rule ("- - -", "***") or a heading's underline ("===", "---"): it ends the block before it,
# and is no list item, though it may start like one.
_RULE = re.compile(r"[ ]{0,3}(?:([*_-])(?:[ ]*\1){2,}|=+)[ ]*$")
# Blocks whose Markdown content is indented by four under a line of their own: an admonition or
# details (its title line), a footnote's text (after its mark, on that line too).
_CONTAINER = re.compile(r"[ ]{0,3}(?:!!!|\?\?\?\+?)|[ ]{0,3}\[\^[^\]\n]+\]:[ \t]*")
_QUOTE = re.compile(r"[ ]{0,3}> ?")
_INDENTED = re.compile(r"(?: {4}|\t)")
# A table: a row that starts with "|", or any first row above a row of only "|", ":", "-".
_TABLE_ROW = re.compile(r"[ ]{0,3}\|")
_TABLE_RULE = re.compile(
    r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*$"
)
# HTML on a line of its own: a whole comment, or a tag whose content is Markdown (md_in_html),
# ends the block before it; any other tag starts a block of raw HTML.
_HTML_BOUNDARY = re.compile(r"[ ]{0,3}(?:<!--.*-->[ \t]*$|<[a-z][^>]*\bmarkdown\b[^>]*>[ \t]*$)", re.IGNORECASE)
_HTML_LINE = re.compile(r"[ ]{0,3}</?[a-zA-Z!]")


def merged_lists(text: str) -> Iterator[tuple[int, str]]:
    """Each line (index from 0, and the line) that starts a list right under a line of a paragraph.

    Markdown starts a list only after a blank line (or a heading): "Let op:" with "- a" and
    "- b" on the lines under it becomes one paragraph, "Let op: - a - b", and check said
    nothing (an editor's journey). The same holds inside a quotation, an admonition, a footnote
    and a list item's own paragraphs, which are read the same way. A line of a list item's own
    (its continuation) and the lines of code blocks, tables and raw HTML are left alone.
    Python-Markdown has no option that reports this, so the lines are read here, as its block
    parser would start them (tests/test_text_checks.py holds the two side by side).
    """
    if "\n" not in text:
        return
    yield from _merged(text.split("\n"), 0)


def _body(lines: list[str], start: int) -> tuple[list[str], int]:
    """The lines from ``start`` that are indented by four or blank, dedented; and the index after them.

    A list line right under the body's last line of text is that paragraph's lazy continuation,
    as Python-Markdown reads it: it is taken along (and then reported).
    """
    body: list[str] = []
    i = start
    while i < len(lines) and (not lines[i].strip() or _INDENTED.match(lines[i])):
        body.append(lines[i][1:] if lines[i].startswith("\t") else lines[i][4:])
        i += 1
    if i < len(lines) and body and body[-1].strip() and _LIST_LINE.match(lines[i]):
        body.append(lines[i])
        i += 1
    return body, i


def _merged(lines: list[str], offset: int) -> Iterator[tuple[int, str]]:
    """:func:`merged_lists` of ``lines``, the first of which is line ``offset`` of the whole text."""
    block = ""  # the current block: "" (none yet), "paragraph", "list" or "other"
    after_list = False  # a blank line after a list item: indented lines are more of that item
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:  # a code block, to its closing fence
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence.group(1)):
                i += 1
            block, after_list = "", False
        elif not line.strip():
            after_list = after_list or block == "list"
            block = ""
        elif _RULE.match(line) or _HTML_BOUNDARY.match(line):
            block, after_list = "", False
        elif not block and _INDENTED.match(line):
            body, end = _body(lines, i)
            if after_list:  # a list item's next paragraphs
                yield from _merged(body, offset + i)
            i = end  # else indented code
            continue
        elif _LIST_LINE.match(line):
            if block == "paragraph":
                yield offset + i, line  # once per list: the lines after it are its items
            block = "other" if block == "other" else "list"
        elif block:
            pass  # more of the block: a paragraph's next line, a list item's lazy line
        elif _CONTAINER.match(line):
            found = _CONTAINER.match(line)
            assert found is not None
            first = line[found.end() :] if line.lstrip().startswith("[^") else ""
            body, end = _body(lines, i + 1)
            yield from _merged([first, *body], offset + i)
            i, block, after_list = end, "", False
            continue
        elif _QUOTE.match(line):
            end = i
            while end < len(lines) and lines[end].strip():
                end += 1
            quoted = [_QUOTE.sub("", row, count=1) if _QUOTE.match(row) else row for row in lines[i:end]]
            yield from _merged(quoted, offset + i)
            i, block, after_list = end, "", False
            continue
        elif line.lstrip().startswith("#"):
            after_list = False  # a heading: a block of one line
        elif _TABLE_ROW.match(line) or (i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]) and "|" in line):
            block, after_list = "other", False
        elif _HTML_LINE.match(line) or line.lstrip().startswith((": ", "{%")):
            block, after_list = "other", False  # raw HTML, a definition, a template tag
        else:
            block, after_list = "paragraph", False
        i += 1


def merged_list_message(line: str, in_yaml: bool = True) -> str:
    """What an editor reads about ``line``, a list right under a sentence (see :func:`merged_lists`)."""
    shown = clipped(line.strip())
    where = " (in YAML in een tekst met '|')" if in_yaml else ""
    return (
        f"de lijst die begint met '{shown}' staat direct onder een zin, zonder witregel ertussen: Markdown maakt "
        f"er dan geen lijst van, maar plakt de regels achter die zin; zet een witregel vóór de lijst{where}; is "
        "het geen lijst, zet dan een '\\' vóór het streepje of sterretje, of vóór de punt na het getal (1\\.)"
    )


def lists_apart(text: str) -> str:
    """``text`` unchanged, or a ValueError if a list starts right under a sentence (see :func:`merged_lists`)."""
    for _, line in merged_lists(text):
        raise ValueError(merged_list_message(line))
    return text


def data_text(text: str) -> str:
    """``text`` unchanged, or the first ValueError of the checks every data text gets.

    One validator for images, macros, links, footnotes, HTML and lists, not one each:
    pydantic's call per validator adds up over the thousands of texts of a site's banks.
    """
    return lists_apart(no_html(footnotes_written(no_site_link(no_image_or_macro(text)))))


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(data_text)]
# An optional Markdown text (explanation, feedback): may be empty, checked alike.
Markdown = Annotated[str, AfterValidator(data_text)]

# What makes Python-Markdown (with the site's extensions) start a block other than a paragraph,
# as its block processors test it. A list or indented code only at the start of a text (a
# line in a paragraph never starts one), and a table: a first line with a "|" and under it a
# line of only "|", ":", "-" and spaces (tables' test: the first two lines of a block). The rest
# on any line: a heading (#, or a line of = or - under a line), a quote (>), a rule (***), a
# fenced code block, a definition (:), a footnote's text ([^1]:), an admonition or details
# (!!!, ???); and a blank line anywhere.
_BLOCK_MARKUP = re.compile(
    r"\A(?:[ ]{0,3}(?:[*+-]|\d+\.)[ \t]|[ ]{4}|\t)"
    r"|\A[^\n]*\|[^\n]*\n[|:\- \t]*\|[|:\- \t]*$"
    r"|\n[ \t]*\n"
    r"|^(?:#|[ ]{0,3}>|[ ]{0,3}:[ ]|!!!|\?\?\?|[ ]{0,3}(?:`{3,}|~{3,})|[ ]{0,3}\[\^[^\]\n]*\]:"
    r"|[ ]{0,3}([*_-])(?:[ ]*\1){2,}[ ]*$)"
    r"|\n(?:=+|-+)[ ]*(?:\n|\Z)",
    re.MULTILINE,
)
# What the editor can do about it (the same for the stem and every other text on one line).
BLOCK_HELP = (
    "een witregel, een codeblok, een tabel, een voetnoot ('[^1]: ...') of een regel die begint met '-', '*', '+', "
    "'1.', '#', '>', ':' of '!!!' "
    "of alleen '=' of '-' bevat, maakt er een lijst, kop, citaat of blok van; zet een '\\' voor dat "
    'teken (\\> 38 graden; tussen dubbele aanhalingstekens twee: "\\\\> 38 graden") of herschrijf de zin'
)


def one_paragraph(text: str) -> str:
    """``text`` unchanged, or a ValueError if Markdown would make more than a paragraph of it."""
    if _BLOCK_MARKUP.search(text):
        raise ValueError(f"de vraag (stem) moet één alinea zijn: {BLOCK_HELP}")
    return text


def inline_text(text: str) -> str:
    """``text`` unchanged, or a ValueError if it holds block markup (see :func:`one_paragraph`)."""
    if _BLOCK_MARKUP.search(text):
        raise ValueError(f"deze tekst staat op de pagina in een zin of label en moet één alinea zijn: {BLOCK_HELP}")
    return text


# A text the templates set inside a line: an option's label, a statement, a step, a category,
# a hint, a title. A list or a heading there would put block elements in a <label> or <p>.
def line_text(text: str) -> str:
    """``text`` unchanged, or the first ValueError of the checks a text within a line gets (one validator)."""
    return no_html(no_footnote_mark(no_site_link(inline_text(text))))


Inline = Annotated[str, StringConstraints(min_length=1), AfterValidator(line_text)]
# A hint is such a text too, but may be left empty (``hint: ""``: no hint).
Hint = Annotated[str, AfterValidator(line_text)]


_QUOTED_YES_NO = ("true", "True", "TRUE", "false", "False", "FALSE")


def _yes_no(value: object) -> object:
    if value in _QUOTED_YES_NO:  # YAML reads these as true or false unless they are quoted
        raise ValueError(
            f"'{value}' staat tussen aanhalingstekens en is dan tekst; schrijf {str(value).lower()} zonder "
            "aanhalingstekens"
        )
    if value is None:  # the key with nothing after it: YAML reads no value at all
        raise ValueError("hier staat niets; schrijf true (juist) of false (onjuist)")
    if not isinstance(value, bool):
        raise ValueError(
            f"'{value}' is geen true of false; schrijf true (juist) of false (onjuist) bij de optie of stelling zelf"
        )
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]


def _not_yes_no(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(
            f"moet een getal zijn, niet {str(value).lower()} (YAML leest ook yes, no, on en off als true of false)"
        )
    return value


# A whole number (a pass mark, a version): YAML's true and false are no numbers, though Python
# would take them for 1 and 0 (``pass_mark: yes`` would pass everyone at 1 %).
Number = Annotated[int, BeforeValidator(_not_yes_no)]


class SourceRef(Strict):
    """A pointer into a source document: which document, and where in it."""

    doc: Id
    where: Text


class Question(Strict):
    """Fields every question has, in an item or in a case stage, and what each type defines."""

    # The SCORM 1.2 interaction type of an item of this type (scorm.js encodes the response):
    # every type sets its own (quizkit/types/__init__.py checks that it does).
    scorm_interaction: ClassVar[str]
    # Whether the site shows the options in each learner's own order (the type's script has a
    # ``shuffle`` handler); the Moodle question then shuffles them too.
    shuffles_options: ClassVar[bool] = False
    # The most UTF-8 bytes of a name the type's Moodle importer keeps whole, where it cuts
    # names shorter than Moodle does (see quizkit.moodle.NAME_LENGTH); None: it does not.
    moodle_name_bytes: ClassVar[int | None] = None

    stem: Text = Field(description="Markdown, one paragraph: the question")
    hint: Hint | None = Field(None, description="Markdown, one paragraph: a hint shown under the question")
    explanation: Markdown | None = Field(
        None, description="Markdown: shown with the answer (the show-answer button, the answer key)"
    )

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

    def authored(self, state: Any, key: Any) -> Any:
        """``state`` in the bank's terms, as the type's script reports it to the LMS (its ``authored``).

        Most types' states already are; a type whose state is in shown terms overrides this.
        """
        return state

    def moodle(self, mx: MoodleWriter, head: Head) -> ET.Element:
        """The question as a Moodle XML ``<question>`` (see quizkit/moodle.py)."""
        raise NotImplementedError

    def wording_problems(self, strings: Any) -> list[str]:
        """What in the question reads wrong beside the interface's words (``strings``, the locale's).

        None for most types; a type whose template sets its own words next to a bank's text
        names the clashes (the option types and truefalse: see :func:`repeated_verdicts`).
        """
        return []

    def moodle_questions(self, mx: MoodleWriter, head: Head) -> list[ET.Element]:
        """The Moodle questions of an item of this type: one (a case has one per stage)."""
        return [self.moodle(mx, head)]

    def size(self) -> list[int]:
        """The answer's shape (counts of options, statements...): part of the saved-answer hash."""
        return [len(getattr(self, f, None) or []) for f in ("options", "statements", "categories", "steps")]

    def units(self, uid: str) -> list[tuple[Question, str, str, Any]]:
        """The questions shown, as (question, html id prefix, shuffle seed, case stage or None)."""
        return [(self, uid, uid, None)]


def repeated_verdicts(answers: list[tuple[str, str | None, str]], kind: str, words: tuple[str, str]) -> list[str]:
    """A message for each answer whose feedback starts with the verdict the answer view already shows.

    ``answers``: (the option's or statement's text, its feedback, the verdict shown with it, as
    "Juist:" or "Het juiste antwoord: Juist."); ``kind``: what the text is ("optie",
    "stelling"); ``words``: the locale's two verdicts. The answer view reads "Het juiste
    antwoord: Juist." and then the feedback: one that started with "Juist." said it twice (54
    of the site's 60 statements did). Only the word as a verdict counts, followed by a mark or
    nothing, bold or not: "Juist bij deze groep ..." uses it as an adverb.
    """
    verdict = re.compile(rf"[*_]{{0,2}}({'|'.join(map(re.escape, words))})[*_]{{0,2}}[ \t]*(?:[.,;:!(–—-]|$)")
    problems = []
    for text, feedback, shown in answers:
        found = verdict.match((feedback or "").lstrip())
        if found:
            problems.append(repeated_verdict_message(kind, text, found.group(1), shown))
    return problems


def repeated_verdict_message(kind: str, text: str, word: str, shown: str) -> str:
    """What an editor reads about feedback that starts with ``word``, which the answer shows as ``shown``."""
    return (
        f"de feedback bij {kind} '{clipped(text)}' begint met '{word}', maar het antwoord toont daar al '{shown}'; "
        "begin de feedback met de uitleg"
    )


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
    def saved_tag(self) -> str:
        """The tag of this item's saved answer in a SCORM package (:func:`answers.saved_tag`)."""
        return answers.saved_tag(self.id, self.saved_hash)

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
