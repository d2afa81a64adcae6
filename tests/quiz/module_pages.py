"""The Markdown page for a module (``docs/leermodules/<id>.md``), for fixture sites."""

from __future__ import annotations

import json

from quizkit.models import QuizModule
from quizkit.render import module_sources


def module_page(module: QuizModule) -> str:
    """Front matter (title, description, sources from the items) and the ``quiz`` call."""
    meta = module.module
    sources = "".join(f"  - doc: {doc}\n    where: vragen in deze leermodule\n" for doc in module_sources(module))
    return (
        f"---\ntitle: {json.dumps(meta.title, ensure_ascii=False)}\n"
        f"description: {json.dumps(meta.description, ensure_ascii=False)}\n"
        f'sources:\n{sources}---\n\n# {meta.title}\n\n{{{{ quiz("{meta.id}") }}}}\n'
    )


def answer_key_page(module: QuizModule) -> str:
    """The trainers' answer key page of a module (``answer_key`` call, out of the search)."""
    meta = module.module
    sources = "".join(f"  - doc: {doc}\n    where: vragen in deze leermodule\n" for doc in module_sources(module))
    title = f"Antwoordsleutel: {meta.title}"
    return (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
        f"description: {json.dumps('Antwoordsleutel voor trainers bij ' + meta.title, ensure_ascii=False)}\n"
        f'search:\n  exclude: true\nsources:\n{sources}---\n\n# {title}\n\n{{{{ answer_key("{meta.id}") }}}}\n'
    )
