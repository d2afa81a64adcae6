"""Load every question bank, validate it, and check what a schema cannot.

That is: ids unique across banks, file name = module id, sources that exist, and references
from pages that resolve.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Bibliography, check_source
from ..errors import ContentError
from ..validate import describe_loc, require_file_name, validate
from ..yamlload import LoadedYaml, load_yaml
from .models import ITEM_TYPES, QUESTION_TYPES, Item, QuizModule


@dataclass
class QuizBanks:
    """All modules by id, and every item by id with the module it belongs to."""

    modules: dict[str, QuizModule] = field(default_factory=dict)
    items: dict[str, tuple[str, Item]] = field(default_factory=dict)

    def module(self, module_id: str, page: str) -> QuizModule:
        """The module ``module_id`` or a :class:`ContentError` pointing at ``page``."""
        check_module_exists(module_id, self.modules, page)
        return self.modules[module_id]

    def item(self, item_id: str, page: str) -> tuple[QuizModule, Item]:
        """The item ``item_id`` and its module, or a :class:`ContentError` pointing at ``page``."""
        if item_id not in self.items:
            raise ContentError(page, None, f"quiz_item: vraag '{item_id}' bestaat in geen enkele module", item_id)
        module_id, item = self.items[item_id]
        return self.modules[module_id], item


def check_module_exists(module_id: str, known: Iterable[str], page: str) -> None:
    """Stop with an error pointing at ``page`` if no module ``module_id`` is among ``known``."""
    known = sorted(known)
    if module_id not in known:
        raise ContentError(
            page, None, f"quiz: module '{module_id}' bestaat niet (bekend: {', '.join(known) or 'geen'})"
        )


def bank_files(quiz_dir: Path) -> list[Path]:
    """The question bank files, in the order they load; a bank's file name is its module id."""
    return sorted(quiz_dir.glob("*.yml"))


def _precheck_types(loaded: LoadedYaml) -> None:
    """Name an unknown or missing ``type`` in Dutch, with its line, before pydantic sees it."""
    items = loaded.data.get("items") if isinstance(loaded.data, dict) else None
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        item_id = item.get("id") if isinstance(item.get("id"), str) else None
        _check_type(loaded, ("items", i), item, ITEM_TYPES, item_id)
        stages = item.get("stages") if item.get("type") == "case" else None
        for s, stage in enumerate(stages if isinstance(stages, list) else []):
            question = stage.get("question") if isinstance(stage, dict) else None
            if isinstance(question, dict):
                if question.get("type") == "case":
                    raise ContentError(
                        loaded.path,
                        loaded.line_of(("items", i, "stages", s, "question", "type")),
                        f"items[{i}].stages[{s}].question: een casusfase kan geen casus bevatten",
                        item_id,
                    )
                _check_type(loaded, ("items", i, "stages", s, "question"), question, QUESTION_TYPES, item_id)


def _check_type(loaded: LoadedYaml, loc: tuple, node: dict, allowed: tuple[str, ...], item_id: str | None) -> None:
    where = describe_loc(loc)
    if "type" not in node:
        raise ContentError(loaded.path, loaded.line_of(loc), f"{where}.type: verplicht veld ontbreekt", item_id)
    if node["type"] not in allowed:
        raise ContentError(
            loaded.path,
            loaded.line_of((*loc, "type")),
            f"{where}.type: onbekend vraagtype '{node['type']}' (bekend: {', '.join(allowed)})",
            item_id,
        )


def _item_at(loaded: LoadedYaml, line: int | None) -> str | None:
    """The id of the item whose YAML block holds ``line``."""
    items = loaded.data.get("items") if isinstance(loaded.data, dict) else None
    if line is None or not isinstance(items, list):
        return None
    found = None
    for i, item in enumerate(items):
        start = loaded.lines.get(("items", i))
        if start is not None and start <= line and isinstance(item, dict):
            found = item.get("id") if isinstance(item.get("id"), str) else None
    return found


def load_bank(path: Path, root: Path, bib: Bibliography) -> tuple[QuizModule, LoadedYaml]:
    """Load and validate one bank file (checks within the file only)."""
    loaded = load_yaml(path, root)
    _precheck_types(loaded)
    try:
        bank = validate(QuizModule, loaded)
    except ContentError as exc:
        # Name the item, not a case stage or category inside it that also has an id.
        raise ContentError(exc.path, exc.line, exc.detail, _item_at(loaded, exc.line) or exc.item_id) from None
    require_file_name(loaded, path.stem, ("module", "id"))
    for i, item in enumerate(bank.items):
        check_source(item.source, bib, loaded.path, loaded.line_of(("items", i, "source", "doc")), item.id)
    return bank, loaded


def duplicate_ids(bank: QuizModule, loaded: LoadedYaml, first_seen: dict[str, str]) -> Iterator[ContentError]:
    """An error for each item of ``bank`` whose id an earlier bank has; records the rest.

    ``first_seen`` maps each id to ``file:line`` of its first use, across the banks so far.
    """
    for i, item in enumerate(bank.items):
        line = loaded.line_of(("items", i, "id"))
        if item.id in first_seen:
            yield ContentError(
                loaded.path,
                line,
                f"id '{item.id}' komt al voor in {first_seen[item.id]}; een id is uniek over alle modules",
                item.id,
            )
        else:
            first_seen[item.id] = f"{loaded.path}:{line}"


def load_quiz_banks(quiz_dir: Path, root: Path, bib: Bibliography) -> QuizBanks:
    """Load every ``*.yml`` in ``quiz_dir``; item ids must be unique across all banks."""
    banks = QuizBanks()
    first_seen: dict[str, str] = {}
    for path in bank_files(quiz_dir):
        bank, loaded = load_bank(path, root, bib)
        for problem in duplicate_ids(bank, loaded, first_seen):
            raise problem
        banks.items.update((item.id, (bank.module.id, item)) for item in bank.items)
        banks.modules[bank.module.id] = bank
    return banks
