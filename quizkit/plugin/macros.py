"""The quiz macros for mkdocs-macros: quiz, quiz_item, quiz_index, trainer_catalogue, answer_key.

List this module under the macros plugin's ``modules:`` (``modules: [quizkit.plugin.macros]``);
each macro is a thin call into the quizkit plugin of the build. A mistake (an unknown module or
item, a missing page) does not stop the page with a traceback: it is reported with the line of
the call through :func:`located`, and the build stops once every page is read, listing all.
Site macros can use :func:`located` too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ContentError

# The plugin's name in mkdocs.yml.
PLUGIN = "quizkit"


def plugin_of(env: Any) -> Any:
    """The quizkit plugin of this build."""
    try:
        return env.conf.plugins[PLUGIN]
    except KeyError:
        raise ContentError(
            "mkdocs.yml", None, f"de macro's van quizkit vragen de plugin '{PLUGIN}' in plugins:"
        ) from None


def page_file(env: Any) -> str:
    """The current page's source, as messages show it (``docs/x.md``)."""
    return str(Path(env.conf.docs_dir).name) + "/" + env.page.file.src_uri


def line_of_call(page_path: Path, macro: str, args: tuple[Any, ...]) -> int | None:
    """The line of ``macro("arg", ...)`` in the page's source, or ``None`` when not found."""
    try:
        text = page_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    names = [re.escape(a) for a in args if isinstance(a, str)]
    quoted = r"\s*,\s*".join(r"['\"]" + name + r"['\"]" for name in names)
    pattern = re.compile(r"\b" + re.escape(macro) + r"\s*\(\s*" + quoted)
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line):
            return number
    return None


def located(env: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a function as a macro whose :class:`ContentError` names the line of its call.

    The error is handed to the quizkit plugin, which stops the build once every page is read
    (listing every problem, without a traceback); the macro gives an empty result meanwhile.
    """

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except ContentError as exc:
                line = line_of_call(Path(env.page.file.abs_src_path), func.__name__, args)
                where = (
                    exc
                    if exc.path and exc.line is not None
                    else ContentError(page_file(env), line, exc.detail, exc.item_id)
                )
                plugin_of(env).report(where)
                return ""

        return env.macro(wrapper)

    return register


def define_env(env: Any) -> None:
    """Register the quiz and trainer macros (mkdocs-macros calls this for ``modules:``)."""
    macro = located(env)

    @macro
    def quiz(module_id: str) -> str:
        """A whole quiz module, from the bank ``<module_id>.yml``, with its score and summary."""
        return plugin_of(env).quiz(env.page, module_id)

    @macro
    def quiz_item(item_id: str) -> str:
        """One quiz item by its id, from whichever module holds it; progress shared with the module."""
        return plugin_of(env).quiz_item(env.page, item_id)

    @macro
    def quiz_index(order: list[str] | None = None) -> str:
        """Every module with its facts, objectives and a link to its page (``order``: ids first)."""
        return plugin_of(env).quiz_index(env.page, order)

    @macro
    def trainer_catalogue() -> str:
        """Every module for trainers: objectives, facts, links, SCORM package and answer key."""
        return plugin_of(env).trainer_catalogue(env.page)

    @macro
    def answer_key(module_id: str) -> str:
        """The printable answer key of one module (every item, its answer, feedback and source)."""
        return plugin_of(env).answer_key(env.page, module_id)
