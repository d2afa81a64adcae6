"""What a site hands the engine: functions named ``module:function`` in the plugin's options.

Each is called with the project folder. ``citations`` gives the site's :class:`~quizkit.cite.Citations`
(see :func:`quizkit.cite.load_citations`); ``glossary`` the abbreviations that data texts explain
(:func:`load_glossary`). The MkDocs plugin and the command line call the same functions, so that
both write the same quizzes, packages and Moodle files.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from .errors import ContentError


def site_value(spec: str, option: str, root: Path) -> Any:
    """What the function ``spec`` (``module:function``), named in the plugin's ``option``, gives for ``root``.

    Its module is looked for in the project folder ``root`` too (``macros.content`` beside
    mkdocs.yml), under ``mkdocs`` as under ``python -m quizkit``, whether or not another plugin
    put that folder on the path. A mistake in the site's data (a :class:`ContentError`) is
    passed on as it is; any other failure is a ``ValueError`` of one line naming the option and
    ``spec``: a module or function that is not there, or one that fails.
    """
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    module_name, _, name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ValueError(f"{option} '{spec}' niet gevonden ({exc})") from None
    except Exception as exc:  # importing runs the site's module: its own mistake, in one line
        raise ValueError(f"{option} '{spec}' kan niet worden geladen ({exc!r})") from None
    function = getattr(module, name, None)
    if not callable(function):
        raise ValueError(f"{option} '{spec}' niet gevonden (geen functie '{name}' in {module_name})")
    try:
        return function(root)
    except ContentError:
        raise
    except Exception as exc:  # the site's code: one line, as a site template's mistake is
        raise ValueError(f"{option} '{spec}' gaf een fout ({exc!r})") from None


def load_glossary(spec: str | None, root: Path) -> dict[str, str] | None:
    """The abbreviations ``{term: explanation}`` from the site's function ``spec``; ``None`` without one.

    Given to Python-Markdown's ``abbr`` extension for data texts (its ``glossary`` option).
    """
    if not spec:
        return None
    glossary = site_value(spec, "glossary", root)
    if not isinstance(glossary, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in glossary.items()
    ):
        raise ValueError(
            f"glossary '{spec}' gaf geen woordenlijst: verwacht een dict van afkorting naar uitleg (tekst)"
        )
    return glossary
