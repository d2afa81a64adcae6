"""Write the JSON Schema of a question bank, generated from the pydantic models.

Editors get hints and red squiggles in VS Code (YAML extension) through the first line of a
bank: ``# yaml-language-server: $schema=../../../schema/quiz-module.schema.json``.
Run ``make schema`` (or ``python -m macros.quiz.schema``) after changing the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .models import QuizModule

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "quiz-module.schema.json"


def schema_text() -> str:
    """The schema as formatted JSON text (what ``schema/quiz-module.schema.json`` must hold)."""
    schema = QuizModule.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "quiz-module.schema.json",
        **schema,
        "title": "Vragenbank (leermodule) van de Kennisbank Hardnekkige ALK",
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    """Write the schema file; print where."""
    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
