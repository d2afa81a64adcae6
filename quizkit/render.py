"""Turn validated modules and items into HTML with the engine's templates.

Every text from a bank goes through the site's Markdown (``md``/``md_block`` filters), which
escapes raw HTML; the templates only add structure, and autoescape everything else. Each
question type brings its own template (``types/<name>/template.html``). Nothing here needs
MkDocs.
"""

from __future__ import annotations

import json
import os
import re
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, select_autoescape
from markupsafe import Markup

from . import LOCALES_DIR, PACKAGE_DIR
from .bank import QuizBanks
from .cite import Citations, PlainCitations
from .errors import ContentError, raise_all
from .markdown import FastMarkdown, MarkdownRenderer
from .models import ITEM_TYPES, QUESTION_TYPES, Item, QuizModule
from .yamlload import load_yaml

LOCALES = tuple(sorted(p.stem for p in LOCALES_DIR.glob("*.yml")))
# What a storage key may hold: it is written into an HTML attribute and read as part of a key.
STORAGE_KEY = re.compile(r"[A-Za-z0-9_.-]+")


def check_storage_key(value: object, where: str = "mkdocs.yml") -> str:
    """``value`` if it can start the browser storage keys (the plugin's ``storage_key``), else a ValueError.

    ``where``: where the value was given (a configuration file, a command-line option).
    """
    if not isinstance(value, str) or not STORAGE_KEY.fullmatch(value):
        raise ValueError(
            f"storage_key '{value}' in {where}: alleen de letters a-z en A-Z (zonder accenten), cijfers, "
            "'-', '_' en '.' (het begin van de sleutels waaronder de browser de voortgang bewaart)"
        )
    return value


class Strings:
    """The engine's UI strings in one locale (``locales/<locale>.yml``).

    ``t("check")`` and ``t("stage", n=2)`` for the quiz, ``ts(...)`` for the trainer pages
    (falling back to the quiz's), :attr:`script_json` for the browser script.
    """

    def __init__(self, locale: str = "nl"):
        if locale not in LOCALES:
            raise ValueError(f"onbekende taal '{locale}' (bekend: {', '.join(LOCALES)})")
        self.locale = locale
        data = load_yaml(LOCALES_DIR / f"{locale}.yml").data
        self.quiz: dict[str, str] = data["quiz"]
        self.trainer: dict[str, str] = {**self.quiz, **data["trainer"]}
        self.script: dict[str, str] = data["script"]
        # Words that give a false option away (quizkit/cues.py): a bank's texts are in the site's language.
        self.absolute_words: tuple[str, ...] = tuple(data["cues"]["absolute_words"])

    def __call__(self, key: str, **values: Any) -> str:
        """The quiz string ``key`` with ``{placeholders}`` filled in (``<key>_one`` where n is 1)."""
        return self._fill(self.quiz, key, values, "quiz")

    def ts(self, key: str, **values: Any) -> str:
        """The trainer string ``key`` with ``{placeholders}`` filled in (``<key>_one`` where n is 1)."""
        return self._fill(self.trainer, key, values, "trainer")

    def _fill(self, strings: dict[str, str], key: str, values: dict[str, Any], section: str) -> str:
        if values.get("n") == 1 and f"{key}_one" in strings:
            key = f"{key}_one"
        if key not in strings:  # a template (a new type's, a site's) asks for a string no locale has
            where = "quiz" if section == "quiz" else "trainer of quiz"
            raise LookupError(f"quizkit/locales/{self.locale}.yml: geen tekst '{key}' onder {where}:")
        text = strings[key]
        return text.format(**values) if values else text

    @cached_property
    def script_json(self) -> str:
        """The strings the script needs, as compact JSON for a data attribute."""
        return _compact_json(self.script)

    @cached_property
    def test_script_json(self) -> str:
        """:attr:`script_json` for a test (the SCORM test package), which offers no second try."""
        return _compact_json({**self.script, "failed": self.trainer["failed_test"]})


def _compact_json(strings: dict[str, str]) -> str:
    return json.dumps(strings, ensure_ascii=False, separators=(",", ":"))


def templates(site_templates: Path | None = None) -> Environment:
    """The engine's Jinja environment; templates in ``site_templates`` (if any) take precedence."""
    paths = [p for p in (site_templates, PACKAGE_DIR / "templates", PACKAGE_DIR) if p is not None]
    return Environment(
        loader=FileSystemLoader(paths),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        # Templates do not change during a build; skip the per-use file check.
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def check_templates(env: Environment, folder: Path) -> None:
    """Compile every template in a site's ``folder``: a syntax mistake is a :class:`ContentError`.

    Else it would stop the build with Jinja's traceback, at the first page that uses it. The
    file is shown relative to the current folder (the project's, where MkDocs runs).
    """
    problems = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".html", ".xml")):
        try:
            env.get_template(path.relative_to(folder).as_posix())
        except TemplateSyntaxError as exc:
            problems.append(ContentError(_shown(path), exc.lineno, f"fout in sjabloon: {exc.message}"))
    raise_all(problems)


def _shown(path: Path) -> str:
    """A template's file as a message names it: relative to the current folder (the project's)."""
    return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)


@contextmanager
def template_errors(env: Environment, site_templates: Path | None = None) -> Iterator[None]:
    """Turn a mistake a template makes while rendering into a :class:`ContentError` at its line.

    A site's template (or a type's) can ask for a string no locale has, a field a value lacks
    or a macro with the wrong arguments; Jinja finds that only when it renders. The editor gets
    the template's file and line, not a Python traceback: the innermost template in the
    traceback, one in ``site_templates`` (the site's own) before one of the engine's. Where no
    site template takes part, only the mistakes a template can make are relabelled (Jinja's
    own, a missing string or key, wrong arguments); anything else is the engine's bug, and
    keeps its traceback.
    """
    try:
        yield
    except ContentError:
        raise
    except Exception as exc:
        folders = [Path(p).resolve() for p in getattr(env.loader, "searchpath", [])]
        site = site_templates.resolve() if site_templates is not None else None
        found: list[tuple[Path, int]] = []
        for frame, line in traceback.walk_tb(exc.__traceback__):
            path = Path(frame.f_code.co_filename)
            if path.suffix in (".html", ".xml") and any(path.resolve().is_relative_to(f) for f in folders):
                # A macro called from Python (QuizRenderer.body) runs Jinja's compiled code
                # directly, without the traceback rewrite that render() does: map its line back.
                template = frame.f_globals.get("__jinja_template__")
                found.append((path, template.get_corresponding_lineno(line) if template else line))
        own = [where for where in found if site is not None and where[0].resolve().is_relative_to(site)]
        if not own and not (found and isinstance(exc, (TemplateError, LookupError, TypeError))):
            raise
        path, line = (own or found)[-1]
        raise ContentError(_shown(path), line, f"fout in sjabloon: {exc}") from None


def drop_blank_lines(html: str) -> str:
    """``html`` without its blank lines, but for those inside ``<pre>`` (a code block's own)."""
    if "<pre" not in html:
        return "\n".join(filter(str.strip, html.splitlines()))
    kept = []
    in_pre = False
    for line in html.splitlines():
        if in_pre or line.strip():
            kept.append(line)
        opened, closed = line.rfind("<pre"), line.rfind("</pre>")
        if opened != closed:  # the line opens or closes a <pre>: the later of the two counts
            in_pre = opened > closed
    return "\n".join(kept)


# Quotation marks a text may open and close with (“…”, ‘…’, „…”, "…", '…').
QUOTE_PAIRS = {"“": "”", "‘": "’", "„": "”", '"': '"', "'": "'"}


def unquote(text: str) -> str:
    """``text`` without the one pair of quotation marks around all of it, if it has one.

    For texts shown in ``<q>``, which adds its own: “Ik begrijp …” would show twice quoted.
    """
    stripped = text.strip()
    close = QUOTE_PAIRS.get(stripped[:1])
    inner = stripped[1:-1]
    # Only a pair around the whole text: not two quotations side by side.
    if close and len(stripped) > 1 and stripped.endswith(close) and stripped[0] not in inner and close not in inner:
        return inner
    return text


class QuizRenderer:
    """Renders the quizzes, trainer pages and SCORM pages of one build.

    It owns a Jinja environment of its own: its filters (``t``, ``md``, ``cite``...) belong
    to this renderer and no other.
    """

    def __init__(
        self,
        banks: QuizBanks,
        markdown: MarkdownRenderer | None = None,
        citations: Citations | None = None,
        strings: Strings | None = None,
        site_templates: Path | None = None,
        site_name: str = "",
        storage_key: str = "quizkit",
    ):
        check_storage_key(storage_key, "QuizRenderer(storage_key=...)")
        self.banks = banks
        self.markdown = FastMarkdown(markdown or MarkdownRenderer())
        self.citations = citations or PlainCitations()
        self.t = strings or Strings()
        raise_all(wording_problems(banks, self.t))
        self.site_name = site_name
        # The site's part of the keys under which the browser keeps a learner's progress
        # (quiz.js: "<storage_key>:<module id>"), on every quiz as data-quiz-store.
        self.storage_key = storage_key
        self._modules: dict[tuple[str, str, bool], str] = {}
        self._item_lists: dict[tuple[str, str], Markup] = {}
        self.site_templates = site_templates
        self.env = templates(site_templates)
        md = self.markdown
        # Jinja calls a filter directly, where a function goes through its context on every
        # call: a module renders thousands of texts.
        self.env.filters.update(
            t=self.t,
            ts=self.t.ts,
            md=md.inline,
            md_block=md.block,
            quiz_choices=lambda question: question.choices(self.t, md.inline),
            quiz_labels=lambda categories: {c.id: md.inline(c.label) for c in categories},
            unquote=unquote,
        )
        self.env.filters["type_counts"] = type_counts
        self.env.globals["t"] = self.t  # the interface's strings, in every template
        # A site's templates are compiled after the filters exist: Jinja looks filters up when
        # it compiles, so an override using ``|t`` or ``|md`` would read as a mistake before.
        if site_templates is not None:
            check_templates(self.env, site_templates)
        # Each type's macros (question, answer), imported once; a global, so that templates
        # imported without context (quiz/item.html) find them too.
        self.types = {
            name: self._macros(f"types/{name}/template.html", "question", "answer") for name in QUESTION_TYPES
        }
        self.env.globals["quiz_types"] = self.types
        self._item_body: Callable[[Any, bool], str] = self._macros("quiz/item.html", "body").body
        self._bodies: dict[tuple[str, bool], Markup] = {}

    def _macros(self, name: str, *needed: str) -> Any:
        """The template ``name`` imported (its macros as attributes), with the macros ``needed``.

        A site's override runs its top level here: a mistake there, or a macro it left out,
        is one line too.
        """
        with template_errors(self.env, self.site_templates):
            template = self.env.get_template(name)
            module = template.module
        missing = [macro for macro in needed if not hasattr(module, macro)]
        if missing:
            shown = _shown(Path(template.filename or name))
            raise ContentError(shown, None, f"fout in sjabloon: macro '{missing[0]}' ontbreekt")
        return module

    def render(self, template: str, **context: Any) -> str:
        """Render one of the engine's templates; blank lines are dropped (one HTML block)."""
        with template_errors(self.env, self.site_templates):
            return drop_blank_lines(self.env.get_template(template).render(**context))

    def body(self, item: Item, numbered: bool = False) -> Markup:
        """An item's body (all but its number and citation), rendered once per build.

        ``numbered``: the body of a module's numbered item, whose buttons name the number.
        """
        key = (item.id, numbered)
        html = self._bodies.get(key)
        if html is None:
            with template_errors(self.env, self.site_templates):
                html = self._bodies[key] = Markup(self._item_body(item, numbered))
        return html

    def cite(self, sources_url: str) -> Callable[[Any], Markup]:
        """The citation function for pages whose sources page is at ``sources_url``."""
        return lambda ref: self.citations.cite(ref, sources_url)

    def items(self, module_id: str, sources_url: str) -> Markup:
        """A module's numbered list of items, citing the sources page at ``sources_url``.

        Rendered once per build and sources page: a module's self-check and its test (a SCORM
        package each) hold the same list.
        """
        key = (module_id, sources_url)
        html = self._item_lists.get(key)
        if html is None:
            html = self._item_lists[key] = Markup(
                self.render(
                    "quiz/items.html",
                    module=self.banks.module(module_id),
                    cite=self.cite(sources_url),
                    body=self.body,
                )
            )
        return html

    def module(self, module_id: str, sources_url: str, test: bool = False) -> str:
        """HTML for a whole module: intro, every item, score and summary.

        Rendered once per build and link to the sources page (pages at the same depth share
        it; a SCORM package has its own). ``test``: the SCORM test package's, which
        offers no second try: the script's strings, the no-JavaScript hint and the storage key
        of a test.
        """
        key = (module_id, sources_url, test)
        html = self._modules.get(key)
        if html is None:
            module = self.banks.module(module_id)
            html = self._modules[key] = self.render(
                "quiz/module.html",
                module=module,
                items=self.items(module_id, sources_url),
                # The test keeps its answers apart from the self-check's: without an LMS both
                # packages of a module, opened in one browser, would share one record, and the
                # test would open with the self-check's answers final.
                store=f"{self.storage_key}.test" if test else self.storage_key,
                strings=self.t.test_script_json if test else self.t.script_json,
                test=test,
            )
        return html

    def item(self, item_id: str, sources_url: str) -> str:
        """HTML for one item, on any page; its saved progress is shared with its module."""
        module, item = self.banks.item(item_id)
        return self.render(
            "quiz/single_item.html",
            module=module,
            item=item,
            cite=self.cite(sources_url),
            body=self.body,
            store=self.storage_key,
        )

    def index(self, page_url_of: Callable[[str], str], order: list[str] | None = None) -> str:
        """HTML list of every module with its metadata and a link (``page_url_of(module_id)``).

        Modules named in ``order`` come first, in that order; the rest follow by title.
        """
        order = order or []
        rank = {module_id: i for i, module_id in enumerate(order)}
        modules = sorted(self.banks.modules.values(), key=lambda m: (rank.get(m.module.id, len(order)), m.module.title))
        return self.render("quiz/index.html", modules=modules, url_of=page_url_of)


def wording_problems(banks: QuizBanks, strings: Strings) -> list[ContentError]:
    """Every question's clash with the interface's words (see Question.wording_problems), at its item."""
    return [
        ContentError(banks.paths.get(module.module.id, ""), banks.lines.get(item.id), problem, item.id)
        for module in banks.modules.values()
        for item in module.items
        for question, _uid, _seed, _stage in item.units_of
        for problem in question.wording_problems(strings)
    ]


def module_sources(module: QuizModule) -> list[str]:
    """The source documents a module's items cite, in order of first use."""
    seen: list[str] = []
    for item in module.items:
        if item.source.doc not in seen:
            seen.append(item.source.doc)
    return seen


def type_counts(module: QuizModule) -> list[tuple[str, int]]:
    """Number of items per type, in the order of :data:`ITEM_TYPES` (types that occur only)."""
    counts: dict[str, int] = {}
    for item in module.items:
        counts[item.type] = counts.get(item.type, 0) + 1
    return [(kind, counts[kind]) for kind in ITEM_TYPES if kind in counts]


__all__ = ["Item", "QuizRenderer", "Strings", "module_sources", "templates", "type_counts"]
