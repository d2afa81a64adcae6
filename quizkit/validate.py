"""Validate loaded YAML against a pydantic model and report errors with file and line."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ContentError
from .yamlload import LoadedYaml, Loc

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """Base for every content model: unknown fields are an error, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# Pydantic's messages in Dutch, for the errors an editor is likely to make. ``{...}`` is
# filled from the error's context; anything not listed keeps pydantic's own wording.
_MESSAGES = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_pattern_mismatch": "ongeldige waarde; moet passen bij het patroon {pattern}",
    "too_short": "moet er minstens {min_length} hebben (nu {actual_length})",
    "too_long": "mag er hoogstens {max_length} hebben (nu {actual_length})",
    "list_type": "moet een lijst zijn (regels die met '- ' beginnen)",
    "dict_type": "moet een blok met velden zijn",
    "model_type": "moet een blok met velden zijn",
    "model_attributes_type": "moet een blok met velden zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than": "moet kleiner zijn dan {lt}",
    "literal_error": "ongeldige waarde; toegestaan: {expected}",
    "union_tag_invalid": "onbekende waarde '{tag}'; toegestaan: {expected_tags}",
    "string_too_long": "mag hoogstens {max_length} tekens lang zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
}

# The same errors for a field written with nothing after its colon (YAML reads that as null):
# "moet tekst zijn" would not tell the editor that the field is empty.
_EMPTY_MESSAGES = {
    "string_type": "hier staat niets; schrijf de tekst achter de dubbele punt",
    "list_type": "hier staat niets; zet de lijst eronder, in regels die met '- ' beginnen",
    "dict_type": "hier staat niets; zet de velden eronder, een stap verder ingesprongen",
    "model_type": "hier staat niets; zet de velden eronder, een stap verder ingesprongen",
    "int_type": "hier staat niets; schrijf een geheel getal",
    "float_type": "hier staat niets; schrijf een getal",
}
_EMPTY_ENTRY = "hier staat een leeg onderdeel van de lijst; vul het in of haal de regel weg"

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


EMPTY_FILE = "het bestand is leeg (of bevat alleen commentaar): er staan geen velden in"


def message_of(err: Any, loc: Loc | None = None) -> str:
    """A pydantic error's message in Dutch (pydantic's own words for the rare ones).

    ``loc`` is where the error is in the data (pydantic's location without union tags).
    """
    loc = tuple(err["loc"]) if loc is None else loc
    if err["type"] == "string_pattern_mismatch" and (err.get("ctx") or {}).get("pattern") == ID_PATTERN:
        return "ongeldige id: gebruik alleen kleine letters, cijfers en streepjes (bijvoorbeeld 'verwijzen-stap-1')"
    if err.get("input", ...) is None and err["type"] in _EMPTY_MESSAGES:
        if loc and isinstance(loc[-1], int):
            return _EMPTY_ENTRY  # an entry of a list ("-" alone, "~" between [ ]): no colon to write after
        return _EMPTY_MESSAGES[err["type"]]
    template = _MESSAGES.get(err["type"])
    if template is None:
        return err["msg"]
    try:
        return template.format(**(err.get("ctx") or {}))
    except (KeyError, IndexError):
        return err["msg"]


# The fields that name an entry in a message's ``[item ...]``: an ``id``, or a glossary
# term's ``abbr`` (its key: a glossary has no ids).
NAMING_KEYS = ("id", "abbr")


def _own_id(node: Any) -> str | None:
    if isinstance(node, dict):
        return next((node[key] for key in NAMING_KEYS if isinstance(node.get(key), str)), None)
    return None


def _nearest_id(data: Any, loc: Loc) -> str | None:
    """The ``id`` (or ``abbr``) of the innermost mapping along ``loc`` that has one."""
    found = _own_id(data)
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        found = _own_id(node) or found
    return found


def _data_loc(data: Any, loc: Loc, missing: bool) -> Loc:
    """Drop the parts of a pydantic location that are not in the data (union tags and the like)."""
    kept: list[int | str] = []
    node = data
    for part in loc:
        try:
            child = node[part]
        except (KeyError, IndexError, TypeError):
            continue
        kept.append(part)
        node = child
    # A missing field is named last and is not in the data: keep it for the message.
    if missing and loc and isinstance(loc[-1], str):
        kept.append(loc[-1])
    return tuple(kept)


def describe_loc(loc: Loc) -> str:
    """A location as an editor reads it: ``items[3].options[1].correct``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class LocatedValueError(ValueError):
    """A validator's error about a part of the value (e.g. ``("rows", 2)``), so it gets that line."""

    def __init__(self, loc: tuple[int | str, ...], message: str, first: tuple[int | str, ...] | None = None):
        super().__init__(message)
        self.loc = loc
        # Where the same value stood first, for a duplicate: the message then names its line.
        self.first = first


def require_unique(values: list[str], message: str, at: tuple[int | str, ...] = ()) -> None:
    """Raise at the second occurrence of any value; ``message`` has a ``{}`` for the value.

    The error points at that entry: ``at`` is its list's location relative to the validator
    (empty in a field validator, the field's name in a model validator).
    A page shows a run of spaces as one: values that differ only there count as the same.
    """
    seen: dict[str, tuple[int, str]] = {}
    for i, value in enumerate(values):
        # A line break after two spaces is one the page shows (<br>): kept apart.
        shown = " ".join(value.replace("  \n", "\0").split())
        if shown in seen:
            first, before = seen[shown]
            spaces = "" if before == value else " (de teksten verschillen alleen in spaties; de pagina toont ze gelijk)"
            raise LocatedValueError((*at, i), message.format(value) + spaces, first=(*at, first))
        seen[shown] = (i, value)


def _members(kind: Any) -> list[Any]:
    """The types ``kind`` stands for: itself, or each type of a union (``Annotated`` taken off)."""
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _members(typing.get_args(kind)[0])
    if origin in (typing.Union, types.UnionType):
        return [member for arg in typing.get_args(kind) for member in _members(arg)]
    return [kind]


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _tags(model: type[BaseModel]) -> set[Any]:
    """The values a model's ``Literal`` fields allow: a tagged union names its member by one (``single``)."""
    return {
        value
        for field in model.model_fields.values()
        if typing.get_origin(field.annotation) is typing.Literal
        for value in typing.get_args(field.annotation)
    }


def _step(kind: Any, part: int | str) -> list[Any]:
    """The types found one step (``part`` of a pydantic location) into a value of type ``kind``."""
    found: list[Any] = []
    for member in _members(kind):
        origin, args = typing.get_origin(member), typing.get_args(member)
        if _is_model(member) and isinstance(part, str):
            if part in member.model_fields:
                found.append(member.model_fields[part].annotation)
            elif part in _tags(member) or part == member.__name__:
                found.append(member)  # the union member pydantic tried: the location names it
        elif origin in (list, tuple) and isinstance(part, int) and args:
            found.append(args[0])
        elif origin is dict and len(args) == 2:
            found.append(args[1])
    return found


def allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names a block at ``loc`` (a pydantic location) may have; none when that is unclear.

    Pydantic's error for an unknown field does not name the fields that are known, so the
    model's annotations are followed along the location: fields, list items, dict values and
    the members of a union, a tagged one (the question types) by its tag.
    """
    kinds: list[Any] = [model]
    for part in loc:
        kinds = [found for kind in kinds for found in _step(kind, part)]
    return sorted(
        {field.alias or name for kind in kinds if _is_model(kind) for name, field in kind.model_fields.items()}
    )


def close_field(name: str, known: list[str]) -> str | None:
    """The field of ``known`` that ``name`` probably misspells (a capital, a letter too many, too few or swapped)."""
    # 0.6 is difflib's own default.
    match = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    return match[0] if match else None


# At most this many characters of two ids left unmatched: a letter left out, added or changed,
# or two swapped, twice at most ("one or two letters off").
ID_SLIPS = 4


def close_id(name: str, known: Iterable[str]) -> str | None:
    """The id of ``known`` that ``name`` probably mistypes, one or two letters off (see :data:`ID_SLIPS`).

    Counted as characters left unmatched rather than by difflib's ratio (as :func:`close_field`
    is): ids share long prefixes, so an id that differs in a whole word ('modi' for 'waarom')
    still scores high.
    """
    name = name.lower()
    found: list[tuple[int, str]] = []
    for candidate in known:
        matcher = difflib.SequenceMatcher(None, name, candidate)
        matched = sum(block.size for block in matcher.get_matching_blocks())
        unmatched = len(name) + len(candidate) - 2 * matched
        if unmatched <= ID_SLIPS:
            found.append((unmatched, candidate))
    return min(found)[1] if found else None


def misspelt_hint(meant: str, missing: bool) -> str:
    """What follows "onbekend veld" for a field that misspells ``meant`` (``missing``: that field is not there)."""
    return f"; bedoelt u '{meant}'?" + (" Dat veld ontbreekt nu" if missing else "")


def other_kinds_with(model: type[BaseModel], loc: Loc) -> list[str]:
    """The tags of a tagged union's other members that have the field an unknown one at ``loc`` is.

    Pydantic's location of a field unknown to the member it tried names that member by its tag
    (``items.0.single.steps``): a field of another question type (``steps`` is ordering's) in an
    item whose ``type`` is wrong. None when ``loc`` is not in a tagged union.
    """
    if len(loc) < 2 or not isinstance(loc[-2], str) or not isinstance(loc[-1], str):
        return []
    kinds: list[Any] = [model]
    for part in loc[:-2]:
        kinds = [found for kind in kinds for found in _step(kind, part)]
    tags: list[str] = []
    for kind in kinds:
        members = [member for member in _members(kind) if _is_model(member)]
        if not any(loc[-2] in _tags(member) for member in members):
            continue
        for member in members:
            if loc[-2] not in _tags(member) and loc[-1] in member.model_fields:
                tags += sorted(str(tag) for tag in _tags(member))
    return tags


def _misspellings(model: type[BaseModel], data: Any, errors: list[Any]) -> tuple[dict[int, str], set[Loc]]:
    """For each unknown field that looks like a known one misspelled, what to add to its message.

    That is the name it stands for, and whether that field is missing; or, for a field of another
    question type, which type that is. Returns the hints by error index, and the locations of
    the missing fields they explain: those are not reported again (``sorces`` for ``sources`` is
    one mistake, not two).
    """
    missing = {tuple(err["loc"]) for err in errors if err["type"] == "missing"}
    hints: dict[int, str] = {}
    explained: set[Loc] = set()
    for i, err in enumerate(errors):
        loc = tuple(err["loc"])
        if err["type"] != "extra_forbidden" or not loc or not isinstance(loc[-1], str):
            continue
        block: Any = data
        for part in _data_loc(data, loc[:-1], False):
            block = block[part]
        taken = set(block) if isinstance(block, dict) else set()
        meant = close_field(loc[-1], [name for name in allowed_fields(model, loc[:-1]) if name not in taken])
        if meant is not None:
            is_missing = (*loc[:-1], meant) in missing
            hints[i] = misspelt_hint(meant, is_missing)
            if is_missing:
                explained.add((*loc[:-1], meant))
        elif others := other_kinds_with(model, loc):
            kinds = " of ".join(filter(None, (", ".join(others[:-1]), others[-1])))
            hints[i] = f"; '{loc[-1]}' hoort bij type {kinds}, niet bij {loc[-2]}: klopt 'type'?"
    return hints, explained


def _all_located(model: type[BaseModel], loaded: LoadedYaml, exc: ValidationError) -> list[tuple[Loc, ContentError]]:
    """Every error of ``exc`` located, a misspelt field named with the name it should have."""
    errors = exc.errors(include_url=False)
    hints, explained = _misspellings(model, loaded.data, errors)
    return [
        _located(loaded, err, hints.get(i))
        for i, err in enumerate(errors)
        if not (err["type"] == "missing" and tuple(err["loc"]) in explained)
    ]


def _located(loaded: LoadedYaml, err: Any, hint: str | None = None) -> tuple[Loc, ContentError]:
    """A pydantic error as a ContentError, with where it is in the data (``("items", 2, "stem")``).

    ``hint`` follows the message of an unknown field (see :func:`_misspellings`).
    """
    inner = (err.get("ctx") or {}).get("error")
    extra = inner.loc if isinstance(inner, LocatedValueError) else ()
    loc = _data_loc(loaded.data, (*tuple(err["loc"]), *extra), err["type"] == "missing")
    if not loc and loaded.data is None:
        # An empty file (or one of comments only) is no block of fields: say so, not the type.
        return loc, ContentError(loaded.path, loaded.line_of(loc), EMPTY_FILE)
    first = inner.first if isinstance(inner, LocatedValueError) else None
    first_line = loaded.line_of(_data_loc(loaded.data, (*tuple(err["loc"]), *first), False)) if first else None
    message = message_of(err, loc)
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    field = describe_loc(loc)
    text = f"{field}: {message}" if field else message
    if first_line is not None and first_line != loaded.line_of(loc):
        text += f"; de eerste staat op regel {first_line}"
    if hint is not None:
        text += hint
    return loc, ContentError(loaded.path, loaded.line_of(loc), text, _nearest_id(loaded.data, loc))


def require_file_name(loaded: LoadedYaml, stem: str, loc: Loc, item_id: str | None = None) -> None:
    """Stop when the id at ``loc`` differs from the file name ``stem`` (the id names the file)."""
    value = loaded.data
    for part in loc:
        value = value[part]
    if value != stem:
        raise ContentError(
            loaded.path,
            loaded.line_of(loc),
            f"{describe_loc(loc)} '{value}' moet gelijk zijn aan de bestandsnaam '{stem}'",
            item_id,
        )


def validation_problems(
    model: type[BaseModel], loaded: LoadedYaml, context: dict[str, Any] | None = None
) -> list[ContentError]:
    """Every validation error of ``loaded.data`` as ``model``, each located (empty when valid)."""
    try:
        model.model_validate(loaded.data, context=context)
    except ValidationError as exc:
        return [error for _, error in _all_located(model, loaded, exc)]
    return []


def validate_all(model: type[M], loaded: LoadedYaml) -> tuple[M | None, list[tuple[Loc, ContentError]]]:
    """``loaded.data`` as ``model`` and no problems, or ``None`` and every validation error.

    Each error comes with where it is in the data (its line is in the error).
    """
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, _all_located(model, loaded, exc)


def validate(model: type[M], loaded: LoadedYaml, context: dict[str, Any] | None = None) -> M:
    """Validate ``loaded.data`` as ``model``; the first error becomes a :class:`ContentError`."""
    try:
        return model.model_validate(loaded.data, context=context)
    except ValidationError as exc:
        raise _all_located(model, loaded, exc)[0][1] from None
