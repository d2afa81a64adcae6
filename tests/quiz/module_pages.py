"""The Markdown page for a module (``docs/leermodules/<id>.md``), for fixture sites."""

from __future__ import annotations

import json

from quizkit.models import QuizModule
from quizkit.render import module_sources


def front_sources(module: QuizModule) -> str:
    """The ``sources`` front matter of a module's pages: the documents its items cite."""
    return "".join(f"  - doc: {doc}\n    where: vragen in deze leermodule\n" for doc in module_sources(module))


def module_page(module: QuizModule) -> str:
    """Front matter (title, description, sources from the items) and the ``quiz`` call."""
    meta = module.module
    sources = front_sources(module)
    return (
        f"---\ntitle: {json.dumps(meta.title, ensure_ascii=False)}\n"
        f"description: {json.dumps(meta.description, ensure_ascii=False)}\n"
        f'sources:\n{sources}---\n\n# {meta.title}\n\n{{{{ quiz("{meta.id}") }}}}\n'
    )


def answer_key_page(module: QuizModule) -> str:
    """The trainer's answer key page (``docs/leermodules/antwoorden/<id>.md``).

    Without ``search: exclude`` in its front matter: the engine keeps it out of search itself.
    """
    meta = module.module
    title = json.dumps(f"Antwoordsleutel: {meta.title}", ensure_ascii=False)
    return (
        f"---\ntitle: {title}\ndescription: {title}\nsources:\n{front_sources(module)}---\n\n"
        f'# Antwoordsleutel: {meta.title}\n\n{{{{ answer_key("{meta.id}") }}}}\n'
    )
