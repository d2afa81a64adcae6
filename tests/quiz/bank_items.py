"""Question bank items built by hand, as dicts a bank's YAML would give (tests of cues and history)."""

from __future__ import annotations

SOURCE = {"doc": "profielschets", "where": "hoofdstuk 2"}


def single(item_id: str, right: str, *wrong: str, kind: str = "single") -> dict:
    options = [{"text": right, "correct": True, "feedback": "f"}]
    options += [{"text": w, "correct": False, "feedback": "f"} for w in wrong]
    return {"id": item_id, "type": kind, "stem": "Vraag?", "source": SOURCE, "options": options}


def case_of(item_id: str, *questions: dict) -> dict:
    """A case with a stage ``s1``, ``s2``... per question (an item's fields without its id and source)."""
    stages = [
        {"id": f"s{n}", "text": "Fase.", "question": {k: v for k, v in q.items() if k not in ("id", "source")}}
        for n, q in enumerate(questions, start=1)
    ]
    return {"id": item_id, "type": "case", "stem": "Casus.", "source": SOURCE, "stages": stages}


def classify(item_id: str, *answers: str) -> dict:
    categories = [{"id": c, "label": c.upper()} for c in sorted(set(answers))]
    statements = [{"text": f"Stelling {i}", "category": a} for i, a in enumerate(answers)]
    return {
        "id": item_id,
        "type": "classify",
        "stem": "Deel in.",
        "source": SOURCE,
        "categories": categories,
        "statements": statements,
    }
