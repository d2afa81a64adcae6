"""Write the JSON Schemas of every kind of data file, generated from the pydantic models.

Editors get hints and red squiggles in VS Code (YAML extension) through the first line of a
data file, e.g. ``# yaml-language-server: $schema=../../../schema/lijst.schema.json``.
Run ``make schema`` (or ``python -m macros.schemas``) after changing a model; a test checks
that the files in ``schema/`` match the models.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

from quizkit.models import QuizModule
from quizkit.models import schema_text as model_schema_text

from .content import Bibliography, Glossary
from .facts import FactList
from .tables import TableFile

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

# file name in schema/ -> (model, title shown by the editor, the data files it is for)
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "quiz-module.schema.json": (QuizModule, "Vragenbank (leermodule) van de Kennisbank Hardnekkige ALK", "quiz/*.yml"),
    "lijst.schema.json": (FactList, "Lijst (criteria, stappen, modi, ...)", "lijsten/*.yml"),
    "tabellen.schema.json": (TableFile, "Tabellen", "tabellen/*.yml"),
    "bronnen.schema.json": (Bibliography, "Bronnen en literatuur", "bronnen.yml"),
    "woordenlijst.schema.json": (Glossary, "Woordenlijst (afkortingen)", "woordenlijst.yml"),
}


def schema_text(name: str) -> str:
    """The schema ``name`` as formatted JSON text (what ``schema/<name>`` must hold)."""
    model, title, _ = SCHEMAS[name]
    return model_schema_text(model, name, title)


def main() -> int:
    """Write every schema file; print where."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name in SCHEMAS:
        (SCHEMA_DIR / name).write_text(schema_text(name), encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
