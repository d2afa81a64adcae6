"""The question bank format: one module per YAML file, items of the registered types.

The models are the single definition of the format: validation, the JSON Schema for
editors and the templates all follow from them. Each rule an editor can break has a Dutch
message; :func:`quizkit.validate.validate` adds file, line and id.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import BaseModel, Field, field_validator

from . import LOCALES_DIR
from .base import Id, Inline, ItemFields, Number, SourceRef, Text, item_model
from .types import ITEM_TYPES, QUESTION_MODELS, QUESTION_TYPES, CaseItem
from .validate import Strict
from .yamlload import load_yaml


def _reserved_ids() -> dict[str, str]:
    """Module ids the engine uses for something else, with the reason (for the message).

    quiz.js keeps a module's answers in the browser under "<storage_key>:<module id>" and the
    learner's option-order seed under "<storage_key>:learner"; the Moodle file with every
    module is "<all_modules_file>.xml" in each locale (quizkit/locales).
    """
    reserved = {"learner": "de browser bewaart daaronder de volgorde van de antwoorden"}
    for path in sorted(LOCALES_DIR.glob("*.yml")):
        name = load_yaml(path).data.get("trainer", {}).get("all_modules_file")
        if name:
            reserved[name] = "zo heet het Moodle-bestand met alle modules"
    return reserved


RESERVED_IDS = _reserved_ids()
ITEM_MODELS: dict[str, Any] = {name: item_model(model) for name, model in QUESTION_MODELS.items()}
ITEM_MODELS["case"] = CaseItem
if TYPE_CHECKING:
    Item = ItemFields
else:
    Item = Annotated[Union[tuple(ITEM_MODELS.values())], Field(discriminator="type")]  # noqa: UP007


class ModuleMeta(Strict):
    """What a module is about, shown on its page and in the module list."""

    id: Id = Field(description="Equals the file name (without .yml)")
    title: Inline
    description: Text = Field(description="One or two sentences on what the module practises")
    version: Number = Field(
        ge=1, description="Content version; raise it when items change in meaning (resets saved progress)"
    )
    minutes: Number = Field(ge=1, description="Estimated minutes")
    pass_mark: Number = Field(ge=1, le=100, description="Percentage of items answered correctly to pass (1-100)")
    objectives: list[Text] = Field(min_length=1, description="Learning objectives, Markdown")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, module_id: str) -> str:
        reason = RESERVED_IDS.get(module_id)
        if reason:
            raise ValueError(f"de id '{module_id}' is gereserveerd ({reason}); kies een andere id")
        return module_id


class QuizModule(Strict):
    """One question bank file: ``<banks folder>/<module id>.yml``."""

    module: ModuleMeta
    items: list[Item] = Field(min_length=1)

    @property
    def pass_count(self) -> int:
        """The fewest items answered right that pass the module.

        The score is a whole percentage rounded down (quiz.js, as sent to an LMS), so with a
        pass mark of 70 % a module of 12 items needs 9 (8 is 66 %), one of 15 needs 11.
        """
        return -(-self.module.pass_mark * len(self.items) // 100)


# What editors' tools call a bank's schema (python -m quizkit schema).
BANK_SCHEMA_TITLE = "Question bank (quizkit)"


def schema_text(model: type[BaseModel], schema_id: str, title: str) -> str:
    """The JSON Schema of ``model`` as indented JSON text, for editors' hints (VS Code's YAML extension).

    ``schema_id`` names the file (``$id``), ``title`` is what the editor shows. A bank's is
    ``schema_text(QuizModule, "quiz-module.schema.json", BANK_SCHEMA_TITLE)``; a site may title it
    in its own words (this site's ``make schema``).
    """
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **_plain_descriptions(model.model_json_schema()),
        "title": title,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _plain_descriptions(node: Any) -> Any:
    """``node`` with each description's reST literals (``id``) written as an editor shows code (`id`).

    Descriptions come from the models' docstrings; an editor's hover shows them as Markdown.
    """
    if isinstance(node, dict):
        return {
            key: value.replace("``", "`")
            if key == "description" and isinstance(value, str)
            else _plain_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_plain_descriptions(value) for value in node]
    return node


__all__ = [
    "BANK_SCHEMA_TITLE",
    "ITEM_MODELS",
    "ITEM_TYPES",
    "QUESTION_TYPES",
    "Item",
    "ItemFields",
    "ModuleMeta",
    "QuizModule",
    "SourceRef",
    "schema_text",
]
