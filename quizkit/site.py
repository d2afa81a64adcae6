"""What a site hands the engine: functions named ``module:function`` in the plugin's options.

Each is called with the project folder. ``citations`` gives the site's :class:`~quizkit.cite.Citations`
(see :func:`quizkit.cite.load_citations`); ``glossary`` the abbreviations that data texts explain
(:func:`load_glossary`). The MkDocs plugin and the command line call the same functions, so that
both write the same quizzes, packages and Moodle files.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def site_function(spec: str, option: str, root: Path) -> Callable[[Path], Any]:
    """The function ``spec`` (``module:function``) a site names in the plugin's ``option``.

    Its module is looked for in the project folder ``root`` too (``macros.content`` beside
    mkdocs.yml), under ``mkdocs`` as under ``python -m quizkit``, whether or not another plugin
    put that folder on the path. A module or function that is not there is a ``ValueError``
    naming the option and ``spec``.
    """
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    module_name, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"{option} '{spec}' niet gevonden ({exc})") from None


def load_glossary(spec: str | None, root: Path) -> dict[str, str] | None:
    """The abbreviations ``{term: explanation}`` from the site's function ``spec``; ``None`` without one.

    Given to Python-Markdown's ``abbr`` extension for data texts (its ``glossary`` option).
    """
    if not spec:
        return None
    glossary = site_function(spec, "glossary", root)(root)
    if not isinstance(glossary, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in glossary.items()
    ):
        raise ValueError(
            f"glossary '{spec}' gaf geen woordenlijst: verwacht een dict van afkorting naar uitleg (tekst)"
        )
    return glossary
