"""The quiz macros for mkdocs-macros: quiz, quiz_item, quiz_index, trainer_catalogue, answer_key.

List this module under the macros plugin's ``modules:`` (``modules: [quizkit.plugin.macros]``);
each macro is a thin call into the quizkit plugin of the build. A mistake (an unknown module or
item, a missing page, a wrong argument, a misspelt name, a syntax mistake in a call) does not
stop the page with a traceback: it is reported with the line of the page file through
:func:`located`, :func:`reporting_undefined` and :func:`on_pre_page_macros`, and the build
stops once every page is read, listing all. Site macros use :func:`located` too.
"""

from __future__ import annotations

import functools
import inspect
import logging
import re
import sys
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from types import FrameType
from typing import Any

from jinja2 import Template, TemplateNotFound, TemplateSyntaxError, Undefined
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta
from pydantic import ValidationError, validate_call

from .. import base
from ..errors import ContentError
from ..validate import message_of
from .stash import Kept

# The plugin's name in mkdocs.yml.
PLUGIN = "quizkit"
log = logging.getLogger("mkdocs.plugins.quizkit")


def plugin_of(env: Any) -> Any:
    """The quizkit plugin of this build (``define_env`` stops a build without it, before any page)."""
    try:
        return env.conf.plugins[PLUGIN]
    except KeyError:
        raise PluginError(
            f"quizkit: de macro's van quizkit hebben de plugin '{PLUGIN}' nodig onder plugins: in mkdocs.yml"
        ) from None


def page_file(env: Any) -> str:
    """The current page's source, as messages show it (``docs/x.md``)."""
    return str(Path(env.conf.docs_dir).name) + "/" + env.page.file.src_uri


# A macro call with one "{" before it and two "}" after it: Jinja sees no call there, and the
# page shows it as typed ("{ quiz("casus") }}"), while a strict build said nothing (an editor's
# journey). One "}" after two "{" is Jinja's own syntax error, reported with the page's line.
_ONE_BRACE_CALL = re.compile(r"(?<![{\\])\{[ \t]*[A-Za-z_]\w*[ \t]*\([^\n]*?\)[ \t]*\}\}")


class PageSource:
    """A page file as the build read it: its lines, and where the Markdown that is rendered starts.

    The quizkit plugin keeps one per page (``on_page_read_source``), so that finding the line
    of a macro call reads and splits no file: a page with many quizzes asks many times.
    """

    def __init__(self, text: str, reported: bool = False):
        self.text = text
        # Whether the plugin already reported a mistake in the file (not UTF-8, or front matter
        # that is no YAML, which it then emptied): a later check of the front matter would only
        # repeat it in other words.
        self.reported = reported

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines."""
        return self.text.splitlines()

    def one_brace_calls(self) -> Iterator[tuple[int, str]]:
        """Each macro call written with one opening brace (see ``_ONE_BRACE_CALL``): its line and text.

        Code blocks and code spans are left alone: a page may show how to write a macro.
        """
        fenced = False
        for number, line in enumerate(self.lines, start=1):
            if base.FENCE.match(line):
                fenced = not fenced
            elif not fenced and "{" in line:
                for found in _ONE_BRACE_CALL.finditer(base.CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)):
                    yield number, found.group(0)

    def merged_lists(self) -> Iterator[tuple[int, str]]:
        """Each list right under a sentence in the Markdown (see quizkit.base.merged_lists): its line and text."""
        offset = self.body_offset
        for number, line in base.merged_lists("\n".join(self.lines[offset:])):
            yield offset + number + 1, line

    @cached_property
    def body_offset(self) -> int:
        """How many lines come before the Markdown that is rendered.

        MkDocs hands mkdocs-macros the page without its front matter; a line of the template
        plus this is the line of the file.
        """
        body, _ = meta.get_data(self.text)
        return self.text.count("\n") - body.count("\n")


def page_source(env: Any) -> PageSource | None:
    """The current page's file as the quizkit plugin read it (``None``: a page with no file)."""
    return plugin_of(env).page_sources.get(env.page.file.src_uri)


def page_line(env: Any, line: int | None) -> int | None:
    """The line of the page file for ``line`` of its rendered Markdown."""
    if line is None:
        return None
    source = page_source(env)
    return line if source is None else line + source.body_offset


def call_line(env: Any) -> int | None:
    """The line of the page file being rendered at this moment (a macro call, a name).

    Jinja compiles a page to Python code and maps the code's lines back to the template's
    (the lines its tracebacks show); the page's frame is the innermost one of a template of
    mkdocs-macros' environment (the quiz engine's own templates have another).
    """
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.environment is env.env:
            return page_line(env, template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return None


def _call_problem(name: str, func: Callable[..., Any], exc: ValidationError) -> str:
    """What is wrong with the arguments of a macro call, in Dutch."""
    errors = exc.errors(include_url=False)
    # A misspelt keyword first: the argument it was meant to be is then missing too.
    err = next((e for e in errors if e["type"] == "unexpected_keyword_argument"), errors[0])
    names = list(inspect.signature(func).parameters)
    where = err["loc"][0] if err["loc"] else ""
    if isinstance(where, int) and where < len(names):  # a positional argument: its name
        where = names[where]
    kind = err["type"]
    if kind == "missing_argument":
        return f"{name}: argument '{where}' ontbreekt"
    known = ", ".join(names)
    if kind in ("unexpected_keyword_argument", "unexpected_positional_argument") and not names:
        return f"{name}: deze macro neemt geen argumenten"
    if kind == "unexpected_keyword_argument":
        return f"{name}: onbekend argument '{where}' (bekend: {known})"
    if kind == "unexpected_positional_argument":
        return f"{name}: te veel argumenten (bekend: {known})"
    if len(err["loc"]) > 1 and isinstance(err["loc"][1], int) and kind == "string_type":
        # One value of a list ("quiz_index(['casus', handreiking])"): a name without quotes.
        return (
            f"{name}: argument '{where}', waarde {err['loc'][1] + 1}: {message_of(err)}; staat er een naam zonder "
            'aanhalingstekens? Schrijf elke naam in de lijst tussen aanhalingstekens, zoals ["casus", "handreiking"]'
        )
    return f"{name}: argument '{where}' {message_of(err)}"


def report_unexpected(env: Any, name: str, exc: Exception) -> ContentError:
    """A macro failed in a way no check foresaw: still a line for the editor, not a traceback."""
    return ContentError(page_file(env), call_line(env), f"{name}: kan niet worden uitgevoerd ({exc})")


def on_own_line(env: Any, name: str) -> None:
    """A macro that makes a block (kept HTML) must be called at the start of a line of its own.

    Its placeholder is a paragraph of its own: indented (in an admonition, a list item) or in
    a sentence, it would end the block around it and turn what follows into code or text.
    """
    line = call_line(env)
    source = page_source(env)
    if line is None or source is None or not 0 < line <= len(source.lines):
        return
    if not source.lines[line - 1].startswith("{{"):
        raise ContentError(
            page_file(env),
            line,
            f"{name}: zet deze macro aan het begin van een eigen regel, niet ingesprongen en niet in een zin",
        )


def located(env: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a function as a macro whose mistakes are reported at the line of its call.

    The arguments are checked against the function's signature and type hints first (a
    missing or unknown argument, text where a number belongs). A :class:`ContentError` (or a
    wrong argument) is handed to the quizkit plugin, which stops the build once every page is
    read (listing every problem, without a traceback); the macro gives an empty result meanwhile.
    """

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        checked = validate_call(func)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                result = checked(*args, **kwargs)
                if isinstance(result, Kept):
                    on_own_line(env, func.__name__)
                return result
            except ContentError as exc:
                problem = (
                    exc
                    if exc.path and exc.line is not None
                    else ContentError(page_file(env), call_line(env), exc.detail, exc.item_id)
                )
            except ValidationError as exc:
                problem = ContentError(page_file(env), call_line(env), _call_problem(func.__name__, func, exc))
            except Exception as exc:  # whatever the data does, the editor gets a line
                problem = report_unexpected(env, func.__name__, exc)
            plugin_of(env).report(problem)
            return ""

        return env.macro(wrapper)

    return register


def reporting_undefined(env: Any) -> type[Undefined]:
    """Jinja's "undefined" for pages: a misspelt macro or variable is reported at its line.

    It renders as nothing, so the page still renders and every other problem is found too;
    the build stops once every page is read (mkdocs-macros would stop at the first, with a
    traceback).
    """

    class ReportingUndefined(Undefined):
        __slots__ = ()
        reports_to_quizkit = True

        def _report(self) -> None:
            name = self._undefined_name or "?"
            plugin_of(env).report(
                ContentError(
                    page_file(env),
                    call_line(env),
                    f"'{name}' is geen macro of variabele van deze site (let op de spelling)",
                )
            )

        def __str__(self) -> str:
            self._report()
            return ""

        def __call__(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
            self._report()
            return ""

        def __iter__(self) -> Iterator[Any]:
            self._report()
            return iter(())

        def __bool__(self) -> bool:
            self._report()
            return False

        def __len__(self) -> int:
            self._report()
            return 0

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__"):
                raise AttributeError(name)
            return self

        def __getitem__(self, key: Any) -> Any:
            return self

    return ReportingUndefined


def _template_line(exc: BaseException) -> int | None:
    """The line of the page (as rendered) where ``exc`` arose: its innermost frame in the page.

    Jinja rewrites a template's frames in a traceback to the template's lines; a page rendered
    from a string has the file name ``<template>``.
    """
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _render_problem(exc: Exception) -> str:
    """What went wrong while a page rendered, in the editors' words where they can be found."""
    if isinstance(exc, TemplateNotFound):
        return f"bestand '{exc.name}' niet gevonden (in een {{% include %}} of {{% import %}})"
    return f"fout bij het invullen van de pagina ({exc}); controleer de macro of variabele op deze regel"


def reporting_template(env: Any) -> type[Template]:
    """Jinja's template class for pages: a mistake found while a page renders is reported at its line.

    What the checks before rendering cannot see (an include of a file that is not there, sums
    with a text) would reach mkdocs-macros, which prints a traceback and ends the process, a
    running ``mkdocs serve`` included. The page renders empty instead, and the build stops once
    every page is read, as for any other mistake; the traceback is in MkDocs' debug log (``-v``).
    """

    class ReportingTemplate(env.env.template_class):
        reports_to_quizkit = True

        def render(self, *args: Any, **kwargs: Any) -> str:
            try:
                return str(super().render(*args, **kwargs))
            except Exception as exc:  # anything: mkdocs-macros would exit() on it
                log.debug("quizkit: %s could not be rendered", page_file(env), exc_info=exc)
                line = page_line(env, _template_line(exc))
                plugin_of(env).report(ContentError(page_file(env), line, _render_problem(exc)))
                return ""

    return ReportingTemplate


def _open_quote(env: Any) -> int | None:
    """The line of a quoted text in a macro call that runs on to later lines (an unclosed quote).

    Jinja reads such a text up to the next quote mark on the page, and reports the mistake
    further down; the opening quote is where it is.
    """
    for line, kind, value in env.env.lex(env.markdown):
        if kind == "string" and "\n" in value:
            return int(line)
    return None


def on_pre_page_macros(env: Any) -> None:
    """Check the page's macro calls for syntax mistakes before mkdocs-macros renders it.

    A mistake is reported with its line and the page renders empty (mkdocs-macros would stop
    the build at the first such page with a traceback). Misspelt names are reported while the
    page renders (:func:`reporting_undefined`; mkdocs-macros makes its Jinja environment after
    ``define_env``, so it is set here).
    """
    if not getattr(env.env.undefined, "reports_to_quizkit", False):
        env.env.undefined = reporting_undefined(env)
    if not getattr(env.env.template_class, "reports_to_quizkit", False):
        env.env.template_class = reporting_template(env)
    if env.page.meta.get("render_macros") is False:
        return
    try:
        line = _open_quote(env)
        if line is not None:
            problem = "aanhalingsteken niet gesloten in een macro-aanroep"
        else:
            env.env.from_string(env.markdown)
            return
    except TemplateSyntaxError as exc:
        line = exc.lineno
        unclosed = _UNCLOSED_BLOCK.search(exc.message or "")
        curly = _CURLY_QUOTE.search(exc.message or "")
        if unclosed:  # a {% if %} or {% for %} without its end: brackets and quotes are fine
            block = unclosed.group(1)
            problem = f"blok '{{% {block} ... %}}' niet gesloten: zet '{{% end{block} %}}' waar het blok eindigt"
        elif curly:  # a word processor's quotation mark, which Jinja does not read as one
            problem = (
                f"gekruld aanhalingsteken {curly.group(1)} in een macro-aanroep: gebruik rechte aanhalingstekens "
                '(" of \'), bijvoorbeeld {{ quiz("casus") }}'
            )
        else:
            problem = f"fout in een macro-aanroep ({exc.message}); controleer haakjes en aanhalingstekens"
    plugin_of(env).report(ContentError(page_file(env), page_line(env, line), problem))
    env.markdown = ""


# Jinja's words for a block left open at the end of the page ("... needs to be closed is 'if'.").
_UNCLOSED_BLOCK = re.compile(r"The innermost block that needs to be closed is '(\w+)'")
# Jinja's words for a character it cannot read in a call: here a typographic quotation mark.
_CURLY_QUOTE = re.compile(r"unexpected char '([“”‘’„‚«»″＂])'")


def define_env(env: Any) -> None:
    """Register the quiz and trainer macros (mkdocs-macros calls this for ``modules:``).

    The plugin is told that its macros run in this build (see QuizPlugin.on_pre_build); without
    the plugin the build stops here, before any page.
    """
    plugin_of(env).macros_config = env.conf
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
