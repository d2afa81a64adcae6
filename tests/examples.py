"""The example banks: each question type's named examples, gathered into two modules.

The examples live with their types (``quizkit/types/<type>/example.yml``); the module headers
in tests/fixtures/quiz/modules/ gather them into two example modules: the choice types, and
every other type, so a new type's examples join without a change here. They feed the golden,
HTML-validation, axe, browser, SCORM and Moodle tests.
"""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT

from quizkit.models import ITEM_TYPES
from quizkit.types import QUESTION_MODELS, TYPES_DIR
from quizkit.yamlload import load_yaml_text

MODULE_HEADERS = ROOT / "tests" / "fixtures" / "quiz" / "modules"
# The choice types (a model with options) go into the first example module; every other type
# into the second.
CHOICE_TYPES = tuple(kind for kind, model in QUESTION_MODELS.items() if "options" in model.model_fields)


def example_items(kind: str) -> str:
    """The items of ``quizkit/types/<kind>/example.yml``, without its leading comment."""
    lines = (TYPES_DIR / kind / "example.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


def example_ids(kind: str) -> list[str]:
    """The ids of the named examples of type ``kind``, in their file's order."""
    items = load_yaml_text(example_items(kind), f"quizkit/types/{kind}/example.yml").data
    return [item["id"] for item in items]


def example_module(kind: str) -> str:
    """The id of the example module that holds the examples of type ``kind``."""
    return "voorbeeld-keuze" if kind in CHOICE_TYPES else "voorbeeld-stellingen"


def module_example_ids(module_id: str) -> list[str]:
    """The ids of every example in the example module ``module_id``, in its order."""
    return [item_id for kind in ITEM_TYPES if example_module(kind) == module_id for item_id in example_ids(kind)]


def write_example_banks(dest: Path) -> Path:
    """The two example modules as bank files in ``dest``: each header, then its types' examples."""
    dest.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = {}
    for kind in ITEM_TYPES:
        groups.setdefault(example_module(kind), []).append(kind)
    for module_id, kinds in groups.items():
        header = (MODULE_HEADERS / f"{module_id}.yml").read_text(encoding="utf-8")
        (dest / f"{module_id}.yml").write_text(header + "".join(map(example_items, kinds)), encoding="utf-8")
    return dest
