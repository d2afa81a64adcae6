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
