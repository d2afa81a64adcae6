"""Load every question bank, validate it, and check what a schema cannot.

That is: ids unique across banks, file name = module id, sources the site knows (through its
:class:`~quizkit.cite.Citations`). Every problem of every bank is reported, each once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .base import SourceRef
from .cite import Citations, PlainCitations
from .errors import ContentError, ContentErrorList, raise_all
from .models import ITEM_TYPES, QUESTION_TYPES, Item, QuizModule
from .validate import ID_PATTERN, close_field, close_id, describe_loc, misspelt_hint, require_file_name, validate_all
from .yamlload import LoadedYaml, Loc, data_files, load_yaml


@dataclass
class QuizBanks:
    """All modules by id, and every item by id with the module it belongs to."""

    modules: dict[str, QuizModule] = field(default_factory=dict)
    items: dict[str, tuple[str, Item]] = field(default_factory=dict)
    # Where each module's bank is, as shown in messages (``docs/_data/quiz/x.yml``).
    paths: dict[str, str] = field(default_factory=dict)
    # The line in its bank where each item starts, by item id (for messages after loading).
    lines: dict[str, int | None] = field(default_factory=dict)

    def module(self, module_id: str) -> QuizModule:
        """The module ``module_id``, or a :class:`ContentError` naming the known ones.

        The message says when ``module_id`` is a question's id instead, or looks like a
        module's id mistyped.
        """
        if module_id not in self.modules:
            known = ", ".join(sorted(self.modules)) or "geen"
            if module_id in self.items:
                hint = f"; '{module_id}' is de id van een vraag (in module '{self.items[module_id][0]}'), niet van een module"
            else:
                meant = close_id(module_id, self.modules)
                hint = f"; bedoelt u '{meant}'?" if meant else ""
            raise ContentError("", None, f"module '{module_id}' bestaat niet{hint} (bekend: {known})")
        return self.modules[module_id]

    def item(self, item_id: str) -> tuple[QuizModule, Item]:
        """The item ``item_id`` and its module, or a :class:`ContentError`.

        The message says when ``item_id`` is a module's id instead, or looks like an item's id
        mistyped (the known ids are too many to list).
        """
        if item_id not in self.items:
            if item_id in self.modules:
                hint = (
                    f"; '{item_id}' is de id van een module, niet van een vraag; "
                    f'een hele module zet u op een pagina met {{{{ quiz("{item_id}") }}}}'
                )
            else:
                meant = close_id(item_id, self.items)
                hint = f"; bedoelt u '{meant}'?" if meant else ""
            raise ContentError("", None, f"quiz_item: vraag '{item_id}' bestaat in geen enkele module{hint}", item_id)
        module_id, item = self.items[item_id]
        return self.modules[module_id], item


def bank_files(quiz_dir: Path, root: Path) -> list[Path]:
    """The question bank files, in the order they load; a bank's file name is its module id."""
    return data_files(quiz_dir, root, "vragenbank")


def _type_problems(loaded: LoadedYaml) -> Iterator[tuple[Loc, ContentError]]:
    """An unknown or missing ``type``, named in Dutch with its line, before pydantic sees it.

    Each with where the question is in the data: pydantic's errors inside it are left out.
    """
    items = loaded.data.get("items") if isinstance(loaded.data, dict) else None
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        item_id = item.get("id") if isinstance(item.get("id"), str) else None
        yield from _check_type(loaded, ("items", i), item, ITEM_TYPES, item_id)
        stages = item.get("stages") if item.get("type") == "case" else None
        for s, stage in enumerate(stages if isinstance(stages, list) else []):
            question = stage.get("question") if isinstance(stage, dict) else None
            if not isinstance(question, dict):
                continue
            loc = ("items", i, "stages", s, "question")
            if question.get("type") == "case":
                yield _problem(
                    loaded, loc, f"{describe_loc(loc)}: een casusfase kan geen casus bevatten", item_id, (*loc, "type")
                )
            else:
                yield from _check_type(loaded, loc, question, QUESTION_TYPES, item_id)


def _check_type(
    loaded: LoadedYaml, loc: Loc, node: dict, allowed: tuple[str, ...], item_id: str | None
) -> Iterator[tuple[Loc, ContentError]]:
    where, known = describe_loc(loc), ", ".join(allowed)
    if "type" not in node:
        # 'Type' or 'tpye': the type is there, misspelt (said at its line, as validate says others).
        key = next((k for k in node if isinstance(k, str) and close_field(k, ["type"])), None)
        if key is not None:
            message = f"{where}.{key}: onbekend veld{misspelt_hint('type', missing=True)}"
            yield _problem(loaded, loc, message, item_id, (*loc, key))
        else:
            yield _problem(loaded, loc, f"{where}.type: verplicht veld ontbreekt", item_id)
    elif node["type"] is None:  # 'type:' with nothing after it
        yield _problem(
            loaded, loc, f"{where}.type: hier staat niets; schrijf een van: {known}", item_id, (*loc, "type")
        )
    elif node["type"] not in allowed:
        yield _problem(
            loaded, loc, f"{where}.type: onbekend vraagtype '{node['type']}' (bekend: {known})", item_id, (*loc, "type")
        )


def _problem(
    loaded: LoadedYaml, loc: Loc, message: str, item_id: str | None, line_at: Loc | None = None
) -> tuple[Loc, ContentError]:
    """The problem ``message`` of the question at ``loc``, on the line of ``line_at`` (else of ``loc``)."""
    return loc, ContentError(loaded.path, loaded.line_of(line_at or loc), message, item_id)


def _item_id(loaded: LoadedYaml, loc: Loc) -> str | None:
    """The id of the item that ``loc`` lies in (None outside the items)."""
    items = loaded.data.get("items") if isinstance(loaded.data, dict) else None
    if len(loc) < 2 or loc[0] != "items" or not isinstance(items, list) or not isinstance(loc[1], int):
        return None
    item = items[loc[1]] if loc[1] < len(items) else None
    return item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None


class BankProblems(ContentErrorList):
    """The problems of a bank whose YAML loaded but whose content does not pass; ``loaded`` is its data.

    With the data, the bank's sources are still checked (:func:`source_problems`), so that an
    editor sees every problem of the file at once.
    """

    def __init__(self, errors: list[ContentError], loaded: LoadedYaml):
        super().__init__(errors)
        self.loaded = loaded


def parse_bank(path: Path, root: Path) -> tuple[QuizModule, LoadedYaml]:
    """Load and validate one bank file, apart from its sources; every problem at once.

    Raises :class:`ContentError` when the YAML does not load, :class:`BankProblems` when the
    content does not pass.
    """
    loaded = load_yaml(path, root)
    typed = list(_type_problems(loaded))
    problems = [problem for _, problem in typed]
    bank, errors = validate_all(QuizModule, loaded)
    # A question with an unknown type gets that one message: which fields it lacks depends on
    # the type it should have. The rest of the bank is still checked.
    untyped = [loc for loc, _ in typed]
    problems += [
        # Name the item, not a case stage or category inside it that also has an id; a mistake
        # in the module's own fields names no item.
        ContentError(e.path, e.line, e.detail, _item_id(loaded, loc))
        for loc, e in errors
        if not any(loc[: len(question)] == question for question in untyped)
    ]
    if not problems:
        try:
            require_file_name(loaded, path.stem, ("module", "id"))
        except ContentError as exc:
            problems = [exc]
    if problems:
        raise BankProblems(problems, loaded)
    assert bank is not None
    return bank, loaded


def source_problems(loaded: LoadedYaml, citations: Citations) -> list[ContentError]:
    """An error for each item whose source the site's citations do not know.

    Read from the bank's data rather than its model, so that the sources of a bank with other
    mistakes are checked too: an editor sees every problem of the file at once. A document name
    that is malformed itself is left to the schema's message.
    """
    data = loaded.data
    items = data.get("items") if isinstance(data, dict) else None
    problems = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        source = item.get("source") if isinstance(item, dict) else None
        if not isinstance(source, dict):
            continue
        try:
            # Only the document counts here: a missing or wrong ``where`` is the schema's to report.
            ref = SourceRef.model_validate({"doc": source.get("doc"), "where": "-"})
        except ValidationError:
            continue
        message = citations.check(ref)
        if message:
            item_id = item.get("id") if isinstance(item.get("id"), str) else None
            problems.append(ContentError(loaded.path, loaded.line_of(("items", i, "source", "doc")), message, item_id))
    return problems


def item_ids(loaded: LoadedYaml) -> Iterator[tuple[int, str]]:
    """(index, id) of each item of a bank whose id is well-formed, read from the bank's data.

    From the data rather than the model, so that the ids of a bank with other mistakes are
    checked too (a malformed id is the schema's to report). Stripped of white space, as the
    model strips it (``"een\u00a0"`` is the id ``een``).
    """
    items = loaded.data.get("items") if isinstance(loaded.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        item_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(item_id, str) and re.fullmatch(ID_PATTERN, item_id.strip()):
            yield i, item_id.strip()


# This many ids of a bank that another bank has too: a copy of (part of) that bank, said once.
COPIED_IDS = 3
# A copy's message names this many of its ids, each with its line.
SHOWN_IDS = 5


def _copied_in(shared: list[str], one: str, other: str) -> str | None:
    """Which of the banks ``one`` and ``other`` (paths) holds the copy of the ids ``shared``.

    Where a site starts each item's id with its module's id and a hyphen (this site does:
    docs/_data/quiz/README.md), and a module's id is its bank's file name (the engine's rule),
    questions copied to a new bank still start with the old module's id. ``None`` when the ids
    do not tell (both module ids fit, or neither). A site whose published bank holds another
    module's ids can still mislead this guess: the messages say what to do then.
    """
    prefixes = {path: f"{Path(path).stem}-" for path in (one, other)}
    for copy, original in ((one, other), (other, one)):
        if all(i.startswith(prefixes[original]) and not i.startswith(prefixes[copy]) for i in shared):
            return copy
    return None


def duplicate_ids(loaded: LoadedYaml, first_seen: dict[str, str]) -> Iterator[ContentError]:
    """An error for each item of a bank whose id an earlier item has; records the rest.

    ``first_seen`` maps each id to ``file:line`` of its first use, across the banks so far.
    Where :data:`COPIED_IDS` or more ids are another bank's, one bank holds a copy of the other
    (an editor started a module from an existing file): that is one error, not one per question.
    It stands in the copy when the ids tell which bank that is (see :func:`_copied_in`): an
    editor told to give the published questions new ids would lose every learner's answers.
    """
    ids = list(item_ids(loaded))
    shared: dict[str, list[tuple[str, int | None, str]]] = {}
    for i, item_id in ids:
        line = loaded.line_of(("items", i, "id"))
        if item_id in first_seen:
            other = first_seen[item_id].rsplit(":", 1)[0]
            shared.setdefault(other, []).append((item_id, line, first_seen[item_id]))
        else:
            first_seen[item_id] = f"{loaded.path}:{line}"
    for other, found in shared.items():
        if other == loaded.path:  # within one bank: each said at its line
            copy = None
        else:
            copy = _copied_in([item_id for item_id, _line, _where in found], loaded.path, other)
        if copy is not None:
            original = other if copy == loaded.path else loaded.path
            # Each shared question: its line in the copy, and where it stands in the original.
            places: list[tuple[str, int | None, str]] = []
            for item_id, line, where in found:
                if copy == loaded.path:
                    places.append((item_id, line, where))
                else:
                    places.append((item_id, int(where.rsplit(":", 1)[1]), f"{loaded.path}:{line}"))
            if len(found) >= COPIED_IDS:
                shown = ", ".join(f"'{item_id}' (regel {line})" for item_id, line, _where in places[:SHOWN_IDS])
                more = f" en {len(found) - SHOWN_IDS} andere" if len(found) > SHOWN_IDS else ""
                yield ContentError(
                    copy,
                    places[0][1],
                    f"{len(found)} vragen hebben de id van een vraag in {original}: {shown}{more}. Dit bestand "
                    f"lijkt een kopie daarvan: die ids beginnen met '{Path(original).stem}-'. Geef de vragen hier elk "
                    f"een nieuwe id die met '{Path(copy).stem}-' begint; die in {original} houden hun id (daaraan "
                    f"hangt de voortgang van cursisten). Is dit bestand al gepubliceerd en {original} nieuw, doe "
                    "het dan andersom",
                )
                continue
            for item_id, line, where in places:
                yield ContentError(
                    copy,
                    line,
                    f"id '{item_id}' komt ook voor in {where}, in de module waarmee de id begint: deze vraag lijkt "
                    f"een kopie daarvan; geef haar een nieuwe id die met '{Path(copy).stem}-' begint (de vraag in "
                    f"{original} houdt haar id: daaraan hangt de voortgang van cursisten; is dit bestand al "
                    f"gepubliceerd en {original} nieuw, doe het dan andersom)",
                    item_id,
                )
            continue
        if len(found) >= COPIED_IDS and other != loaded.path:
            shown = ", ".join(f"'{item_id}'" for item_id, _line, _where in found[:3])
            more = f" en {len(found) - 3} andere" if len(found) > 3 else ""
            yield ContentError(
                loaded.path,
                found[0][1],
                f"{len(found)} van de {len(ids)} vragen hebben een id die ook in {other} staat ({shown}{more}): "
                "is een van beide een kopie van de andere? Een id is uniek over alle modules: de vragen die al "
                "gepubliceerd zijn, houden hun id (daaraan hangt de voortgang van cursisten); geef de andere vragen "
                "elk een nieuwe id, of verwijder een overbodige kopie",
            )
            continue
        for item_id, line, where in found:
            yield ContentError(
                loaded.path,
                line,
                f"id '{item_id}' komt ook voor in {where}; een id is uniek over alle modules: het item dat al gepubliceerd is, houdt zijn id (daaraan hangt de voortgang van cursisten); geef het andere een nieuwe id",
                item_id,
            )


# SCORM 1.2 reports each item under its id (cmi.interactions.n.id): at most 255 characters.
MAX_ID_LENGTH = 255


def id_problems(bank: QuizModule, loaded: LoadedYaml) -> Iterator[ContentError]:
    """An error for each item id too long for SCORM 1.2."""
    for i, item in enumerate(bank.items):
        if len(item.id) > MAX_ID_LENGTH:
            yield ContentError(
                loaded.path,
                loaded.line_of(("items", i, "id")),
                f"id is {len(item.id)} tekens lang; SCORM 1.2 staat hoogstens {MAX_ID_LENGTH} tekens toe",
                item.id,
            )


def html_id_clashes(first_seen: dict[str, str]) -> Iterator[ContentError]:
    """An error for each item id that is another item's id plus ``-...``.

    Every HTML id of an item starts with its id and a hyphen (``een-0`` for its first option,
    ``een--fase-1-0`` in a case stage), so the ids of item ``een-0`` and of item ``een`` can be
    the same (a label would then tick the other item's answer). ``first_seen`` maps each id
    to ``file:line``.
    """
    for item_id, where in first_seen.items():
        parts = item_id.split("-")
        for k in range(1, len(parts)):
            prefix = "-".join(parts[:k])
            if prefix in first_seen:
                path, _, line = where.rpartition(":")
                yield ContentError(
                    path,
                    int(line) if line.isdigit() else None,
                    f"id '{item_id}' begint met de id van vraag '{prefix}' ({first_seen[prefix]}) plus '-'; "
                    "de HTML-ids van beide vragen kunnen dan botsen: kies een andere id",
                    item_id,
                )
                break


def load_quiz_banks(
    quiz_dir: Path, root: Path, citations: Citations | None = None, cache: BankCache | None = None
) -> QuizBanks:
    """Load every ``*.yml`` in ``quiz_dir``; item ids must be unique across all banks.

    Every bank is checked even when an earlier one has a mistake; all problems come out
    together as one :class:`~quizkit.errors.ContentErrorList`. ``cache`` keeps parsed banks
    between calls (``mkdocs serve`` rebuilds).
    """
    banks = QuizBanks()
    first_seen: dict[str, str] = {}
    problems: list[ContentError] = []
    citations = citations or PlainCitations()
    if not quiz_dir.is_dir():
        shown = str(quiz_dir.relative_to(root) if quiz_dir.is_relative_to(root) else quiz_dir)
        if quiz_dir.exists():
            raise ContentError(shown, None, "is een bestand; geef de map met vragenbanken op")
        raise ContentError(shown, None, "map met vragenbanken niet gevonden")
    for path in bank_files(quiz_dir, root):
        try:
            bank, loaded = cache.parse(path, root) if cache else parse_bank(path, root)
        except BankProblems as exc:
            # The file's problems together, in the order of their lines.
            found = [*exc.errors, *source_problems(exc.loaded, citations), *duplicate_ids(exc.loaded, first_seen)]
            problems += sorted(found, key=lambda e: e.line or 0)
            continue
        except ContentError as exc:  # the YAML itself does not load
            problems.append(exc)
            continue
        found = [*source_problems(loaded, citations), *duplicate_ids(loaded, first_seen), *id_problems(bank, loaded)]
        if found:
            problems += sorted(found, key=lambda e: e.line or 0)
            continue
        banks.items.update((item.id, (bank.module.id, item)) for item in bank.items)
        banks.lines.update((item.id, loaded.line_of(("items", i))) for i, item in enumerate(bank.items))
        banks.modules[bank.module.id] = bank
        banks.paths[bank.module.id] = loaded.path
    problems += html_id_clashes(first_seen)
    raise_all(problems)
    return banks


class BankCache:
    """Parsed banks by file, reused while the file stays the same file, unchanged.

    Lives as long as the plugin (across ``mkdocs serve`` rebuilds): an edit to one bank
    re-reads that bank only. Sources and ids across banks are checked on every build.
    """

    def __init__(self) -> None:
        self._banks: dict[Path, tuple[tuple[int, ...], tuple[QuizModule, LoadedYaml]]] = {}

    def parse(self, path: Path, root: Path) -> tuple[QuizModule, LoadedYaml]:
        """:func:`parse_bank`, or its result from before when ``path`` has not changed."""
        stat = path.stat()
        # Modification time and size alone miss an edit of the same length whose old time was
        # put back (cp -p, rsync -t, tar x, an editor that keeps it); the change time cannot be
        # set back, and a file replaced by another has another inode.
        state = (stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns, stat.st_ino)
        known = self._banks.get(path)
        if known is not None and known[0] == state:
            return known[1]
        self._banks.pop(path, None)
        result = parse_bank(path, root)
        self._banks[path] = (state, result)
        return result

    def load(self, quiz_dir: Path, root: Path, citations: Citations | None = None) -> QuizBanks:
        """Every bank of ``quiz_dir`` (see :func:`load_quiz_banks`), parsed once per change."""
        return load_quiz_banks(quiz_dir, root, citations, cache=self)
