"""What edits to the banks do to the answers learners have saved: the edits no rule forbids.

Saved answers (in the browser, and in an LMS through a SCORM package) belong to a module by its
id, to an item by its id, and within an item to the place of each option or statement
(:func:`answers.answer_hash`). Some edits lose or misplace them, and nothing in the banks as
they stand can show it:

- a module whose id changed (or that went): every learner starts it afresh;
- an item (or a case's stage) whose id changed, or that moved to another module: every learner
  starts it afresh, and an LMS or Moodle sees a new question beside the old one;
- two options or statements with the same answer that changed places while the module's
  version stayed: the item's hash stays too, so a saved answer is restored onto the other one.

:func:`saved_answer_warnings` compares the banks as published with the banks as they are and
names each. Other edits set saved answers aside on purpose, as they no longer fit: a new
version, another type, other units or another key. :func:`saved_answer_resets` names those, so
that an editor is never told that nothing is lost when learners will answer a question again.
Which earlier texts count as published (a site's last commit, say) is the caller's choice;
nothing here reads files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .bank import QuizBanks
from .errors import ContentError
from .models import QuizModule
from .yamlload import load_yaml_text


@dataclass(frozen=True)
class Published:
    """A bank as published: its path and text, its module and item ids, and its model if it still validates."""

    path: str
    text: str
    module_id: str
    item_ids: list[str]
    model: QuizModule | None


def published_bank(path: str, text: str) -> Published | None:
    """The bank ``text`` (at ``path``) as far as it can be read; ``None`` when it is no bank at all.

    Read with the engine's own YAML loader. A bank that no longer validates (the format moved on)
    still gives its module and item ids; only its model is missing.
    """
    try:
        # As published, a text that ' #' cut short included: its ids still count.
        data = load_yaml_text(text, path, refuse_cut=False).data
    except ContentError:
        return None
    meta = data.get("module") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or not isinstance(meta.get("id"), str):
        return None
    items = data.get("items")
    ids = (
        [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]
        if isinstance(items, list)
        else []
    )
    try:
        model: QuizModule | None = QuizModule.model_validate(data)
    except ValidationError:
        model = None
    return Published(path, text, meta["id"], ids, model)


def _placed_texts(question: Any) -> dict[str, list[str]]:
    """The question's lists whose units a saved answer follows by place: each unit's text, by field."""
    lists = {}
    for name in type(question).model_fields:
        value = getattr(question, name)
        if isinstance(value, list) and value and all(isinstance(getattr(u, "text", None), str) for u in value):
            lists[name] = [u.text for u in value]
    return lists


def _units(item: Any) -> dict[str, Any]:
    """The item's questions by stage id (``""`` for an item that is no case)."""
    return {stage.id if stage is not None else "": q for q, _uid, _seed, stage in item.units_of}


# How a message names a list of units.
UNIT_NAMES = {"options": "opties", "statements": "stellingen"}


def saved_answer_warnings(published: list[Published], banks: QuizBanks) -> list[str]:
    """Lines for the editor (``file:line: [item] ...``): what ``banks`` lose or misplace of ``published``."""
    now = {item.id: (module_id, item) for module_id, module in banks.modules.items() for item in module.items}
    found: list[ContentError] = []
    for old in published:
        if old.module_id not in banks.modules:
            found.append(
                ContentError(
                    old.path,
                    None,
                    f"module '{old.module_id}' bestaat niet meer: hebt u de id (of de bestandsnaam) veranderd, zet "
                    "die dan terug (aan de id van de module hangen de bewaarde antwoorden van cursisten)",
                )
            )
        old_items = {item.id: item for item in old.model.items} if old.model else {}
        old_version = old.model.module.version if old.model else None
        for item_id in old.item_ids:
            if item_id not in now:
                found.append(
                    ContentError(
                        old.path,
                        None,
                        "deze id staat niet meer in de vragenbanken; hebt u hem veranderd, zet hem dan terug (aan de "
                        "id hangen de bewaarde antwoorden van cursisten); een weggehaalde vraag is in orde, maar "
                        "hergebruik de id nooit",
                        item_id,
                    )
                )
                continue
            module_id, item = now[item_id]
            path, line = banks.paths[module_id], banks.lines.get(item_id)
            if module_id != old.module_id and old.module_id in banks.modules:
                found.append(
                    ContentError(
                        path,
                        line,
                        f"deze vraag stond in module '{old.module_id}'; de bewaarde antwoorden erop blijven daar "
                        "achter: cursisten beantwoorden haar hier opnieuw",
                        item_id,
                    )
                )
            before = old_items.get(item_id)
            if before is None or module_id != old.module_id:
                continue
            found += _item_changes(
                before, item, path, line, same_version=old_version == banks.modules[module_id].module.version
            )
    return [problem.text for problem in found]


def saved_answer_resets(published: list[Published], banks: QuizBanks) -> list[str]:
    """Lines for the editor (``file:line: [item] ...``): the saved answers of ``published`` that ``banks`` set aside.

    No mistake: the engine sets an answer aside when it no longer fits the question, and the
    learner answers that question again. A module whose version changed is one line; an
    item is named when its type changed, or its units or key (its hash). An item that went or
    moved, or a case whose stage went, is a warning of :func:`saved_answer_warnings`, not named
    again here.
    """
    found: list[ContentError] = []
    for old in published:
        if old.model is None or old.module_id not in banks.modules:
            continue
        path, module = banks.paths[old.module_id], banks.modules[old.module_id]
        if module.module.version != old.model.module.version:
            found.append(
                ContentError(
                    path,
                    None,
                    f"module.version is veranderd (van {old.model.module.version} naar {module.module.version}): "
                    "elke vraag van deze module begint opnieuw voor wie haar al beantwoordde",
                )
            )
            continue
        now = {item.id: item for item in module.items}
        for before in old.model.items:
            after = now.get(before.id)
            if after is None or not set(_units(before)) <= set(_units(after)):
                continue  # gone, or a stage that went: a warning already says what to do
            if before.type != after.type:
                reason = f"het type is veranderd (van {before.type} naar {after.type})"
            elif before.saved_hash != after.saved_hash:
                reason = (
                    # Its steps' texts are its shape: rewording one resets it too (answers.answer_hash).
                    "een stap is veranderd (bij een volgordevraag telt ook de tekst van een stap)"
                    if after.type == "ordering"
                    else "het juiste antwoord of de vorm van de vraag is veranderd "
                    "(opties, stellingen, stappen, categorieën of fasen)"
                )
            else:
                continue
            found.append(
                ContentError(
                    path,
                    banks.lines.get(after.id),
                    f"begint opnieuw voor wie deze vraag al beantwoordde: {reason}, en een bewaard antwoord past "
                    "dan niet meer (zo bedoeld, geen fout)",
                    after.id,
                )
            )
    return [reset.text for reset in found]


def _item_changes(before: Any, after: Any, path: str, line: int | None, same_version: bool) -> list[ContentError]:
    """A stage that went, and units moved without a new version where the saved answers still apply."""
    found: list[ContentError] = []
    if before.type != after.type:  # another type is another shape: its saved answers are set aside
        return found
    old_units, new_units = _units(before), _units(after)
    for stage in [s for s in old_units if s not in new_units]:
        found.append(
            ContentError(
                path,
                line,
                f"de fase '{stage}' staat er niet meer; hebt u de id van de fase veranderd, zet hem dan terug "
                "(aan de id hangen de bewaarde antwoorden van cursisten)",
                after.id,
            )
        )
    # A new version, or another hash (another key or shape), and saved answers are set aside.
    if not same_version or before.saved_hash != after.saved_hash:
        return found
    for stage, question in new_units.items():
        if stage not in old_units:
            continue
        old_lists, new_lists = _placed_texts(old_units[stage]), _placed_texts(question)
        for field, texts in new_lists.items():
            old_texts = old_lists.get(field, [])
            # A unit now at another place than before (its text found elsewhere): a saved answer
            # for its old place lands on whatever is there now. A reworded unit is not traced.
            if any(text != texts[i] and text in texts for i, text in enumerate(old_texts) if i < len(texts)):
                where = f" (fase '{stage}')" if stage else ""
                found.append(
                    ContentError(
                        path,
                        line,
                        f"{UNIT_NAMES.get(field, field)} met hetzelfde antwoord van plaats verwisseld{where} terwijl "
                        "module.version gelijk bleef; een bewaard antwoord komt dan bij de andere terecht: verhoog "
                        "module.version",
                        after.id,
                    )
                )
    return found
