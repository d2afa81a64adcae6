"""Load YAML while remembering on which line every mapping, list and value starts.

PyYAML's composed node tree knows line numbers; plain ``safe_load`` throws them away.
The loader below builds ordinary dicts and lists (so pydantic can validate them) and
keeps a side table from object path -> line, so that a validation error at
``items[3].options[1].correct`` can be reported at the right line of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, clipped, raise_all
from .source import CONTROL, check_text, read_text

Loc = tuple[int | str, ...]


@dataclass
class LoadedYaml:
    """A parsed YAML document plus the line (1-based) of every path inside it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known node on ``loc`` (a pydantic-style location)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _RememberingResolver:
    """PyYAML's tag resolution for plain scalars, remembered per value for one file.

    Which tag a plain scalar gets (``true`` a bool, ``12`` an int, ``tekst`` a string) depends
    on its text alone, and a question bank repeats the same keys and values many times. The
    memory belongs to the loader of one file, so that it ends with the load.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)  # type: ignore[misc]
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[misc]


class _UniqueKeyLoader(_RememberingResolver, yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader, for reporting mistakes (see :func:`load_yaml_text`).

    It refuses aliases, tags and deep nesting as the one-pass loader does, node by node: it
    reads text that libyaml gave up on, where an alias could still follow.
    """

    line_offset = 0
    path = ""
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1 + self.line_offset if event.start_mark else None
        problem = _event_problem(event, self.path, line)
        if problem is not None:
            raise problem
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ContentError(self.path, line, _TOO_DEEP)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_BaseFastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _EventResolver(_RememberingResolver, yaml.resolver.Resolver):
    """The tag resolution of the one-pass loader (:func:`_from_events`): SafeLoader's own."""


_STR = "tag:yaml.org,2002:str"
_FLOW = ("while parsing a flow sequence", "while parsing a flow mapping")
_MERGE = "tag:yaml.org,2002:merge"
# Explicit tags that only say what the value already is; any other (``!!python/...``, ``!x``,
# ``!!binary``) is refused: content is text, numbers, true/false, lists and blocks of fields.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
# Deeper than any content file needs (a bank goes about eight levels deep).
MAX_DEPTH = 50
_TOO_DEEP = f"te diep genest (meer dan {MAX_DEPTH} niveaus lijsten en blokken in elkaar)"


_ALIAS = "verwijzing '*{}' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit"
_MERGE_KEY = "samenvoegen met '<<:' is niet toegestaan; schrijf de velden voluit"
_KEY_NOT_PLAIN = "een sleutel moet een gewone naam zijn, geen lijst of blok"
_KEY_NOT_TEXT = "sleutel '{}' moet tekst zijn; zet hem tussen aanhalingstekens"
# Where the first stands: a copied item without its "- " repeats every field, far apart.
_KEY_TWICE = "veld '{}' staat twee keer in hetzelfde blok, ook op regel {}; verwijder er een"


_BAD_VALUE = "waarde '{}' past niet bij {}; laat de tag weg of zet de waarde tussen aanhalingstekens"
# YAML 1.1 gives '=' and '<<' alone a meaning of their own (a "value" key, a merge), no value.
_NOT_A_VALUE = "YAML leest '{0}' hier niet als tekst; zet het tussen aanhalingstekens ('{0}')"
_LONG_NUMBER = "getal van {} tekens (hoogstens {}); zet het tussen aanhalingstekens als het tekst is"
# YAML 1.1 reads more than figures as numbers, and changes them silently: 1.200 (Dutch for 1200)
# is 1.2, 1:30 is 90 (base 60), 012 is 10 (octal), 1_000 is 1000. A number is taken only when
# it reads back as written; the figure a page shows is then the one the editor typed.
_NUMBER_CHANGED = 'YAML leest {0} als het getal {1}; bedoelt u {0}, zet het dan tussen aanhalingstekens ("{0}")'
_SURROGATE_MESSAGE = "teken {} bestaat niet (een '\\u'-code voor een halve surrogaat); verwijder het"
_ESCAPED_CONTROL = (
    "onzichtbaar stuurteken {} in de tekst (een '\\'-code tussen dubbele aanhalingstekens); verwijder de code"
)
# Numbers longer than this are refused: PyYAML converts YAML 1.1's base-60 numbers (1:30:00) in
# time that grows with the square of their length, and Python refuses longer integers anyway.
MAX_NUMBER_LENGTH = 100
# A '#' after a space ends a text without quotes: YAML drops the rest of the line as a comment,
# silently, and a line that starts with '#' too. A comment written as one ("# note", "##") is let
# be; a '#' right before a word or a figure ("stap #2", "#hashtag") is text cut off, and refused.
_CUT_BY_COMMENT = re.compile(r"[ \t]+#(?=\w)")
_WORD = re.compile(r"\w+")
_CUT_TEXT = (
    "de tekst stopt bij '{}': YAML leest alles vanaf ' #' als commentaar en laat het weg; hoort "
    "'#{}' bij de tekst, zet dan de hele tekst tussen enkele aanhalingstekens ('…'; een ' in de "
    "tekst schrijft u dan als ''); is het commentaar, zet dan een spatie na de #"
)
# The same, where the '#' stands first: YAML then reads no text at all (an empty value).
_CUT_WHOLE = (
    "hier staat geen tekst: YAML leest alles vanaf ' #' als commentaar, ook '#{}' en wat erna komt; "
    "hoort het bij de tekst, zet dan de hele tekst tussen enkele aanhalingstekens ('…'; een ' in de "
    "tekst schrijft u dan als ''); is het commentaar, zet dan een spatie na de #"
)
# A line of a block of text that starts like a field ("explanation:", "- correct:"): a field
# indented further than the one above it, which YAML reads as more of that field's text.
_FIELD_START = re.compile(r"[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):(?:[ \t]|$)")
_FIELD_IN_TEXT = (
    "'{0}:' springt verder in dan het veld erboven: YAML leest het daardoor als een deel van de "
    "tekst van dat veld, en de pagina zou '… {0}: …' tonen; zet '{0}:' even ver in als de andere "
    "velden van hetzelfde blok"
)
# What starts a list item in Markdown: "- ", "* ", "+ ", "1. " (a number of one or two digits: a
# year at the start of a wrapped line, "2024. Daarna", is a sentence), then text. Here for a
# line of a folded text, and for quizkit.base's merged_lists.
LIST_MARKER = r"(?:[*+-]|\d{1,2}\.)[ \t]+\S"
_FOLDED_LIST_LINE = re.compile(rf"[ \t]*{LIST_MARKER}")
_LIST_IN_FOLDED = (
    "de lijst die begint met '{0}' staat in een tekst met '>-' (of '>'): YAML plakt alle regels van zo'n tekst "
    "tot één alinea aan elkaar, ook die van een lijst; begin de tekst met '|' in plaats van '>-', met een witregel "
    "vóór de lijst"
)
# YAML's line breaks (1.1): what its marks count lines by.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
# A lone surrogate can only come from a "\u" or "\U" escape in a double-quoted text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _event_problem(event: Any, path: str, line: int | None) -> ContentError | None:
    """The refusal of an alias or a tag other than the plain ones, if ``event`` is one."""
    if isinstance(event, yaml.AliasEvent):
        return ContentError(path, line, _ALIAS.format(event.anchor))
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in _PLAIN_TAGS and not isinstance(event, yaml.DocumentStartEvent):
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        return ContentError(path, line, f"YAML-tag '{shown}' is niet toegestaan; laat de tag weg")
    return None


def _text_value(value: str, path: str, line: int | None) -> str:
    r"""A text from the file, refused if an escape made a character the file itself may not hold.

    A double-quoted text can write any character as an escape (``"\a"``, ``"\x00"``,
    ``"\u0007"``), also the control characters :func:`~quizkit.source.check_text` refuses in the
    file, which would end up in the pages and make the Moodle XML unreadable; and a lone
    surrogate, which no file can encode.
    """
    found = CONTROL.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        if _SURROGATE.match(found.group()):
            raise ContentError(path, line, _SURROGATE_MESSAGE.format(code))
        raise ContentError(path, line, _ESCAPED_CONTROL.format(code))
    return value


def text_rows(text: str) -> list[str]:
    """``text``'s lines as YAML counts them (its marks' line numbers index this list)."""
    return _LINE_BREAK.split(text)


def check_not_cut(event: Any, rows: list[str], resolver: Any, path: str, line_offset: int) -> None:
    """Refuse a text without quotes that a '#' cut short (see _CUT_BY_COMMENT).

    ``event`` is a scalar event, ``rows`` the text's :func:`text_rows`, ``resolver`` what
    resolves a plain scalar's tag. The '#' follows the text on its last line, or starts the
    next line that is not blank (where the text would have gone on).
    """
    end = event.end_mark
    if event.style or end.line >= len(rows):
        return  # quoted, or a block of text
    # An empty value is let through: 'explanation: #1 tip' leaves the explanation out entirely.
    if event.value and (event.tag or resolver.resolve(yaml.ScalarNode, event.value, event.implicit)) != _STR:
        return  # a number, true or null: quoting it, as the message says, would change its type
    row = end.line
    cut = _CUT_BY_COMMENT.match(rows[row], end.column)
    if cut is None and not rows[row][end.column :].strip():
        row += 1
        while row < len(rows) and not rows[row].strip():
            row += 1
        cut = _CUT_BY_COMMENT.match(rows[row]) if row < len(rows) else None
    if cut is not None:
        word = _WORD.match(rows[row], cut.end())
        after = word.group() if word else ""
        value = event.value
        if not value:  # said at the key, where the text should have been
            raise ContentError(path, event.start_mark.line + 1 + line_offset, _CUT_WHOLE.format(after))
        shown = value if len(value) <= 40 else "…" + value[-40:]
        raise ContentError(path, row + 1 + line_offset, _CUT_TEXT.format(shown, after))


def _scalar_value(constructor: Any, node: yaml.ScalarNode, path: str, line: int | None) -> Any:
    """What SafeLoader makes of a scalar that is not text (a number, true, a date, null).

    A value its type cannot have (``!!int x``) is a :class:`ContentError`, not a Python error.
    """
    shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_LENGTH:
        raise ContentError(path, line, _LONG_NUMBER.format(len(node.value), MAX_NUMBER_LENGTH))
    try:
        value = constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:  # no value of any type: '=' or '<<' alone
        raise ContentError(path, line, _NOT_A_VALUE.format(shown)) from None
    except (ValueError, TypeError, IndexError, KeyError, OverflowError):
        raise ContentError(path, line, _BAD_VALUE.format(shown, node.tag.replace("tag:yaml.org,2002:", "!!"))) from None
    if node.tag in _NUMBER_TAGS and repr(value) != node.value:
        raise ContentError(path, line, _NUMBER_CHANGED.format(shown, repr(value)))
    return value


class _FallbackError(Exception):
    """Not one well-formed document, or a mistake in its structure: the pure-Python loader says what."""


def _from_events(text: str, path: str, line_offset: int, refuse_cut: bool = True) -> LoadedYaml:
    """Build the data of ``text`` from libyaml's event stream in one pass, checking as it goes.

    Refuses aliases, unknown tags and deep nesting before anything is built from them. An alias
    (``*name``) repeats a block defined elsewhere (``&name``); aliases of aliases grow a small
    file into billions of values ("billion laughs"), so none is accepted, also not in a merge
    key (``<<: *name``). Refusing them keeps the work of loading in proportion to the file's
    size. Mistakes in the structure (a key twice, a key that is a list, a merge key) are
    reported after the whole stream is read, so that an alias or a tag anywhere in the file is
    reported first. The dicts, lists and values are what SafeLoader makes of the same text; the
    lines are those :func:`_construct` records. Raises :class:`_FallbackError` for text that is not
    one well-formed document (``yaml.MarkedYAMLError`` for libyaml's own nesting limit).

    Composing a node tree first (SafeLoader's way, and this loader's before) builds two Python
    objects and two marks per value and reads the text twice; this reads it once.
    """
    resolver = _EventResolver()
    constructor = yaml.constructor.SafeConstructor()
    lines: dict[Loc, int] = {}
    # Open collections: (the dict or list, its location, the key awaiting its value or None).
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    # Set at the first mistake that is not an alias, a tag or deep nesting (a key twice, a value
    # its type cannot have, a second document...): from there on the events are only checked,
    # and the pure-Python loader then says what the mistake is (see load_yaml_text).
    failed = False
    # Only an escape can put a character in a text that check_text let through.
    escapes = "\\" in text
    # The text's lines, only where a comment may follow a text on its line (see _CUT_BY_COMMENT).
    rows = text_rows(text) if refuse_cut and (" #" in text or "\t#" in text) else None
    depth = 0
    # The keys of the file, and its blocks of text (see _FIELD_START).
    keys: set[str] = set()
    blocks: list[Any] = []
    for event in yaml.parse(text, Loader=_BaseFastLoader):
        mark: Any = event.start_mark  # libyaml marks every event
        line = mark.line + 1 + line_offset
        refused = _event_problem(event, path, line)
        if refused is not None:
            raise refused
        if rows is not None and isinstance(event, yaml.ScalarEvent):
            check_not_cut(event, rows, resolver, path, line_offset)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            failed = failed or documents > 1
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            if not failed:
                stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue  # the stream's and the document's ends
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ContentError(path, line, _TOO_DEEP)
        if failed:
            continue
        is_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None
        # The value of this event: a scalar's, or a new open collection.
        if isinstance(event, yaml.ScalarEvent):
            if event.style in (">", "|"):
                blocks.append(event)
            tag = event.tag
            if tag is None:
                tag = resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
            try:
                if tag == _STR:
                    value: Any = _text_value(event.value, path, line) if escapes else event.value
                elif tag == _MERGE and is_key:
                    value = None  # a merge key, refused below (SafeConstructor has nothing for it)
                else:
                    node = yaml.ScalarNode(tag, event.value, mark, mark, event.style)
                    value = _scalar_value(constructor, node, path, line)
            except (ContentError, yaml.YAMLError):
                failed = True
                continue
        else:
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if not stack:
            root, loc = value, ()
            lines[loc] = line
        else:
            parent, parent_loc, key = stack[-1]
            if isinstance(parent, list):
                loc = (*parent_loc, len(parent))
                parent.append(value)
                lines[loc] = line
            elif is_key:
                # A key that is a block, a merge key, a key that is not text, a key twice.
                if (
                    isinstance(event, yaml.ScalarEvent)
                    and tag != _MERGE
                    and isinstance(value, str)
                    and value not in parent
                ):
                    stack[-1][2] = (value, line)
                    keys.add(value)
                else:
                    failed = True
                continue
            else:  # the value of the key before it; errors about a key point at the key's line
                name, key_line = key
                loc = (*parent_loc, name)
                parent[name] = value
                lines[loc] = key_line
                stack[-1][2] = None
        if not isinstance(event, yaml.ScalarEvent):
            stack.append([value, loc, None])
    if failed:
        # Reported by the pure-Python loader, as before this loader: it names the same mistake,
        # unless its parser finds the text malformed where libyaml's did not.
        raise _FallbackError
    if blocks and refuse_cut:
        rows = rows or text_rows(text)
        check_no_field_in_text(blocks, rows, keys, path, line_offset)
        check_no_list_in_folded(blocks, rows, path, line_offset)
    return LoadedYaml(path=path, data=root, lines=lines)


def check_no_field_in_text(events: list[Any], rows: list[str], keys: set[str], path: str, line_offset: int) -> None:
    """Refuse a block of text (``>-``, ``|``) whose next lines hold a field indented too far.

    ``events`` are the scalar events of blocks of text (``>-``, ``|``), ``rows`` the file's
    :func:`text_rows`, ``keys`` the names the file uses as keys. YAML reads a line indented
    further than the field above it as more of that block: ``explanation: >-`` one step too far
    in becomes part of the question, the explanation is gone, and both are valid YAML. (In a
    text without quotes or block, 'name: ' is a YAML error of its own.) Only a name the file uses
    as a key elsewhere counts: a sentence in a block may go on with "Bijvoorbeeld:".
    """
    for event in events:
        end = event.end_mark
        # A block's end is the start of the line after it, where the next field may stand.
        last = end.line - 1 if end.column == 0 else end.line
        for row in range(event.start_mark.line + 1, last + 1):
            found = _FIELD_START.match(rows[row])
            if found and found.group(1) in keys:
                raise ContentError(path, row + 1 + line_offset, _FIELD_IN_TEXT.format(found.group(1)))


def check_no_list_in_folded(events: list[Any], rows: list[str], path: str, line_offset: int) -> None:
    """Refuse a list in a folded block of text (``>-``, ``>``): YAML joins its lines into one.

    "Let op:", "- koorts" and "- pijn" on lines of their own become "Let op: - koorts - pijn",
    also after a blank line, so Markdown never sees a list (an editor's journey; most texts of
    the banks are folded). Only lines at the text's own indentation count: YAML keeps the line
    breaks of lines indented further. ``events`` and ``rows`` as for :func:`check_no_field_in_text`.
    """
    for event in events:
        if event.style != ">":
            continue
        end = event.end_mark
        last = end.line - 1 if end.column == 0 else end.line
        indent = None
        for row in range(event.start_mark.line + 1, min(last, len(rows) - 1) + 1):
            if not rows[row].strip():
                continue
            found = _FOLDED_LIST_LINE.match(rows[row])
            own = len(rows[row]) - len(rows[row].lstrip(" \t"))
            indent = own if indent is None else indent
            if found and own == indent:
                raise ContentError(path, row + 1 + line_offset, _LIST_IN_FOLDED.format(clipped(rows[row].strip())))


def _construct(node: yaml.Node, loader: _UniqueKeyLoader, loc: Loc, lines: dict[Loc, int], path: str) -> Any:
    lines[loc] = node.start_mark.line + 1 + loader.line_offset
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + loader.line_offset
            if key_node.tag == _MERGE:
                raise ContentError(path, key_line, _MERGE_KEY)
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContentError(path, key_line, _KEY_NOT_PLAIN)
            if key_node.tag == _STR:
                key = _text_value(key_node.value, path, key_line)
            else:  # a number, a date, '=' (a mistake in Dutch, as for a value)
                key = _scalar_value(loader, key_node, path, key_line)
            if not isinstance(key, str):
                raise ContentError(path, key_line, _KEY_NOT_TEXT.format(key_node.value))
            if key in result:
                raise ContentError(path, key_line, _KEY_TWICE.format(key, lines[(*loc, key)]))
            result[key] = _construct(value_node, loader, (*loc, key), lines, path)
            # Point errors about a key at the key's own line.
            lines[(*loc, key)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, loader, (*loc, i), lines, path) for i, child in enumerate(node.value)]
    line = lines[loc]
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return _text_value(node.value, path, line)  # what SafeLoader makes of a string, checked
    if isinstance(node, yaml.ScalarNode):
        return _scalar_value(loader, node, path, line)
    return loader.construct_object(node, deep=True)


def load_yaml_text(text: str, path: str, line_offset: int = 0, *, refuse_cut: bool = True) -> LoadedYaml:
    """Parse ``text`` (the contents of ``path``) into a :class:`LoadedYaml`.

    ``line_offset`` is added to every line number, for YAML embedded in a larger file.
    ``refuse_cut``: refuse a text that ' #' cut short (see :func:`check_not_cut`) or that holds a
    field indented into it (see :func:`check_no_field_in_text`); off to read a file as it was
    published, mistakes and all (``make check`` compares saved answers with the last commit).

    Raises :class:`ContentError` with the line for malformed YAML, duplicate keys, keys that
    are not text, aliases, tags, nesting deeper than :data:`MAX_DEPTH` and control characters.
    """
    check_text(text, path, line_offset)
    try:
        return _from_events(text, path, line_offset, refuse_cut)
    except yaml.MarkedYAMLError as exc:
        if exc.problem and "nesting depth" in exc.problem and exc.problem_mark:  # libyaml's own limit
            raise ContentError(path, exc.problem_mark.line + 1 + line_offset, _TOO_DEEP) from None
    except _FallbackError:
        pass
    # Malformed: the pure-Python loader says where, in its own words, the same on every machine.
    return _load_with(_UniqueKeyLoader, text, path, line_offset)


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """Lines (start, end) of a quoted text that runs over lines up to the mistake ``exc``.

    A quote left open takes everything up to the next quote mark (or the end of the file)
    into one text, and the parser stumbles only there, further down. In this project's files
    a quoted text never spans lines (long texts use ``>-``), so such a text points at the
    quote left open.
    """
    end = exc.problem_mark.line + 1 if exc.problem_mark else None
    if exc.context == "while scanning a quoted scalar" and exc.context_mark and end:
        return exc.context_mark.line + 1, end
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if end is not None and token.start_mark.line + 1 > end:
                break
            quoted = isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
            if quoted and token.end_mark.line > token.start_mark.line:
                found = (token.start_mark.line + 1, token.end_mark.line + 1)
    except yaml.YAMLError:
        pass
    return found


_NO_COLON = "could not find expected ':'"
_BLOCK_MAPPING = "expected <block end>, but found '<block mapping start>'"
# A text that starts with a character YAML keeps for itself: a Markdown code span ("`code` ...")
# most often. (One that starts with | or > is a block of text to YAML; its complaint depends
# on what follows, so it keeps PyYAML's words.)
_RESERVED_START = {
    f"found character '{start}' that cannot start any token": (
        f"een tekst die met {start} begint, leest YAML niet als tekst; zet de hele tekst tussen enkele "
        f"aanhalingstekens ('{start}…'; een ' in de tekst schrijft u dan als '')"
    )
    for start in "`@%"
}
# PyYAML's most frequent complaints about an editor's YAML, said in Dutch with what to do; the
# original follows in brackets (other complaints are shown as PyYAML words them).
_SAID = {
    _NO_COLON: "de dubbele punt na de sleutel ontbreekt op deze regel; schrijf 'sleutel: waarde'",
    "mapping values are not allowed here": (
        "een dubbele punt waar YAML er geen verwacht. Staat er een dubbele punt in een tekst, zet die "
        "tekst dan tussen rechte aanhalingstekens (\" of ', niet de gekrulde); of springt deze regel te "
        "ver in, of mist de regel erboven de dubbele punt na de sleutel"
    ),
    _BLOCK_MAPPING: (
        "deze regel springt anders in dan de regels erboven; zet hem even ver in als de andere velden "
        "van hetzelfde blok"
    ),
    "expected <block end>, but found '<block sequence start>'": (
        "deze lijst springt anders in dan de regels erboven; zet de '-' even ver in als de andere velden "
        "van hetzelfde blok, of verder dan de sleutel erboven"
    ),
    "expected <block end>, but found '-'": (
        "dit lijstitem springt anders in dan de items erboven; zet de '-' even ver in als de andere"
    ),
    "found character '\\t' that cannot start any token": "een tab; spring in met spaties",
    # "{text: Koorts: boven 38 graden, ...}": a colon in a text between { } or [ ]; PyYAML says
    # the same of a comma left out between two fields ("{text: Iets correct: true}").
    **{
        f"expected ',' or '{close}', but got ':'": (
            f"een dubbele punt in een tekst tussen {open_} {close}, of een komma vergeten tussen twee velden. "
            "Staat de dubbele punt in de tekst, zet die tekst dan tussen enkele aanhalingstekens ('Koorts: boven "
            "38 graden'; een ' in de tekst schrijft u dan als ''); anders hoort er een komma voor het veld"
        )
        for open_, close in ("{}", "[]")
    },
    **_RESERVED_START,
}
# More text after a closed quote or bracket ("stem: "Samen-optie" is stap 3.", "stem: [Rovers]
# Zet ..."); the same complaint for a text's next line indented too little, said as such.
_MORE_AFTER = "expected <block end>, but found '<scalar>'"
_MORE_AFTER_SAID = (
    "na een tekst tussen aanhalingstekens of een lijst tussen [ ] staat nog meer op deze regel. Begint "
    'een tekst met " of [, zet dan de hele tekst tussen enkele aanhalingstekens (bijvoorbeeld \'"Samen-optie" '
    "is stap 3.'; een ' in de tekst schrijft u dan als '')"
)
_OPENS_QUOTED = re.compile(r"\s*(?:-\s+)?(?:[^\s:#\"'\[{][^:#]*:\s+)?[\"'\[{]")
# "stem: *Zet* de stappen...": YAML reads a value that starts with * or & as an alias or anchor.
_ALIAS_OR_ANCHOR = ("while scanning an alias", "while scanning an anchor")
_ALIAS_OR_ANCHOR_SAID = (
    "een tekst die met * of & begint, leest YAML als verwijzing; zet de hele tekst tussen enkele "
    "aanhalingstekens ('*Zet* de stappen ...')"
)


def _load_with(loader_class: type, text: str, path: str, line_offset: int) -> LoadedYaml:
    try:
        loader = loader_class(text)
    except yaml.YAMLError as exc:  # the reader's check of the characters (ruled out above)
        raise ContentError(path, None, f"ongeldige YAML: {exc}") from None
    loader.line_offset = line_offset
    loader.path = path
    try:
        node = loader.get_single_node()
        lines: dict[Loc, int] = {}
        data = None if node is None else _construct(node, loader, (), lines, path)
    except yaml.MarkedYAMLError as exc:
        quote = _unclosed_quote(text, exc)
        if quote is not None:
            line, end = quote
            raise ContentError(
                path,
                line + line_offset,
                f"ongeldige YAML: aanhalingsteken niet gesloten? De tekst tussen aanhalingstekens "
                f"loopt door tot regel {end + line_offset}",
            ) from None
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 + line_offset if mark else None
        opened = exc.context_mark
        if exc.context in _FLOW and opened and exc.problem_mark and opened.line < exc.problem_mark.line:
            # A bracket left open: the mistake is where it opened, not where the parser gave up.
            raise ContentError(
                path,
                opened.line + 1 + line_offset,
                f"ongeldige YAML: haakje niet gesloten? ({exc.problem} op regel {where})",
            ) from None
        problem = exc.problem or exc.context or ""
        said = _SAID.get(problem) or (_ALIAS_OR_ANCHOR_SAID if exc.context in _ALIAS_OR_ANCHOR else None)
        if problem == _MORE_AFTER and exc.problem_mark is not None:
            rows = text.splitlines()
            row = rows[exc.problem_mark.line] if exc.problem_mark.line < len(rows) else ""
            said = _MORE_AFTER_SAID if _OPENS_QUOTED.match(row) else _SAID[_BLOCK_MAPPING]
        if problem == _NO_COLON and exc.context_mark is not None:
            # PyYAML notices the missing colon on the line after the key.
            where = exc.context_mark.line + 1 + line_offset
        raise ContentError(
            path, where, f"ongeldige YAML: {said} ({problem})" if said else f"ongeldige YAML: {problem}"
        ) from None
    except RecursionError:  # pragma: no cover - deep nesting is refused before (_from_events)
        raise ContentError(path, None, _TOO_DEEP) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise ContentError(path, None, f"ongeldige YAML: {exc}") from None
    finally:
        loader.dispose()
    return LoadedYaml(path=path, data=data, lines=lines)


def load_yaml(path: str | Path, display_root: str | Path | None = None) -> LoadedYaml:
    """Read and parse a YAML file; paths in errors are shown relative to ``display_root``."""
    path = Path(path)
    # Shown relative to the project; a file outside it by its full path.
    shown = str(path.relative_to(display_root)) if display_root and path.is_relative_to(display_root) else str(path)
    return load_yaml_text(read_text(path, shown), shown)


def data_files(folder: Path, root: Path, what: str) -> list[Path]:
    """The ``*.yml`` files of ``folder``, in name order (``what``: e.g. "vragenbank").

    A ``.yaml`` file (or ``.YML``, in any capitals) or a folder named ``*.yml`` there is a
    mistake: it would be left out without a word. A folder that is not there holds no files.
    """
    if not folder.is_dir():
        return []
    problems = []
    files = []
    # Any case: on a case-sensitive disk "bank.YML" would be left out as surely as "bank.yaml".
    for path in sorted(p for p in folder.iterdir() if p.name.lower().endswith((".yml", ".yaml"))):
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        if path.is_dir():
            problems.append(ContentError(shown, None, f"is een map, geen {what}; geef de map een andere naam"))
        elif not path.name.endswith(".yml"):
            suffix = path.name[path.name.rfind(".") :]
            problems.append(
                ContentError(shown, None, f"een {what} eindigt op .yml, niet op {suffix}; hernoem het bestand")
            )
        else:
            files.append(path)
    raise_all(problems)
    return files
