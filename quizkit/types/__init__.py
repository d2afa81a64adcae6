"""The question types: one folder each, registered here by name.

A type's folder holds its model (``__init__.py``: a :class:`quizkit.base.Question` subclass
exported as ``MODEL``), its template (``template.html``: the macros ``question`` and
``answer``), its part of the browser script (``type.js``: read, write and feedback of an
answer) and its named examples (``example.yml``, a bank that feeds the golden, HTML, axe and
browser tests). To add a type: add its folder and its name to :data:`QUESTION_TYPES`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Field

from ..base import Question
from .case import case_item

# Every question type, in the order the trainer pages list them. ``case`` is not here: it is
# built from all of these (its stages hold any of them).
QUESTION_TYPES = ("single", "multiple", "truefalse", "classify", "ordering", "phrasing")
ITEM_TYPES = (*QUESTION_TYPES, "case")
TYPES_DIR = Path(__file__).parent


QUESTION_MODELS: dict[str, Any] = {name: importlib.import_module(f"{__name__}.{name}").MODEL for name in QUESTION_TYPES}
# What scorm.js can report (CONTRIBUTING.md, "How to add a question type").
SCORM_INTERACTIONS = ("choice", "true-false", "matching", "sequencing", "performance")


def check_models(models: dict[str, Any]) -> None:
    """Each type's model names its SCORM interaction, one scorm.js knows (a property may choose)."""
    for name, model in models.items():
        value = getattr(model, "scorm_interaction", None)
        if value is None or (isinstance(value, str) and value not in SCORM_INTERACTIONS):
            raise TypeError(
                f"quizkit/types/{name}: scorm_interaction must be one of {SCORM_INTERACTIONS}, not {value!r}"
            )


check_models(QUESTION_MODELS)  # when the engine is imported: a developer's mistake, before any build
if TYPE_CHECKING:
    StageQuestion = Question
else:
    StageQuestion = Annotated[Union[tuple(QUESTION_MODELS.values())], Field(discriminator="type")]  # noqa: UP007
CaseItem = case_item(StageQuestion)
