"""Turn validated modules and items into HTML with the templates in ``overrides/halk/quiz/``.

Every text from a bank goes through the site's Markdown renderer (``md``/``md_block``), which
escapes raw HTML; the templates only add structure. Nothing here needs MkDocs.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..yamlload import load_yaml
from .answers import step_order
from .bank import QuizBanks
from .models import Item, QuizModule

STRINGS_FILE = Path(__file__).with_name("strings.yml")


class Strings:
    """The quiz UI's Dutch strings (``strings.yml``): ``t("check")``, ``t("stage", n=2)``."""

    def __init__(self, path: Path = STRINGS_FILE, base: Strings | None = None):
        """``base``: strings this file may leave out (it takes the page strings it lacks from there)."""
        data = load_yaml(path).data
        self.page: dict[str, str] = {**(base.page if base else {}), **data["page"]}
        self.script: dict[str, str] = data.get("script") or {}

    def __call__(self, key: str, **values: Any) -> str:
        """The page string ``key`` with ``{placeholders}`` filled in."""
        text = self.page[key]
        return text.format(**values) if values else text

    @cached_property
    def script_json(self) -> str:
        """The strings the script needs, as compact JSON for a data attribute."""
        return json.dumps(self.script, ensure_ascii=False, separators=(",", ":"))


# Stands for the relative URL of the sources page in rendered quiz HTML: the same module HTML
# serves pages at different depths and the SCORM package.
_BRONNEN_TOKEN = "HALKBRONNENURL"


def with_sources_link(html: str, bronnen_url: str) -> str:
    """Quiz HTML with its citations linked to the sources page at ``bronnen_url``."""
    return html.replace(_BRONNEN_TOKEN, str(escape(bronnen_url)))


class QuizRenderer:
    """Renders quizzes for one build; ``site`` provides ``md``, ``md_block``, ``cite``, ``render``."""

    def __init__(self, site: Any, banks: QuizBanks, strings: Strings | None = None):
        self.site = site
        self.banks = banks
        self.t = strings or Strings()
        self.markdown = site.markdown
        self._modules: dict[str, str] = {}
        # What the item templates (quiz/item.html) use, as filters: Jinja calls a filter
        # directly, where a function goes through its context on every call. A template binds
        # its filters once (an imported one on first import), so they are set once per
        # Environment and depend only on the site, never on this renderer.
        if "quiz_key" in site.templates.filters:
            return
        site.templates.filters.update(
            t=self.t,
            quiz_units=units_of,
            quiz_hash=lambda item: item.saved_hash,
            quiz_key=lambda item: item.encoded_key,
            quiz_step_order=step_order,
            quiz_labels=lambda categories: {c.id: site.markdown.inline(c.label) for c in categories},
            quiz_choices=lambda question: choices(question, self.t, site.markdown.inline),
            # The link to the sources page differs per page: filled in by module() and item().
            quiz_cite=lambda ref: site.cite(ref, _BRONNEN_TOKEN),
        )

    def module(self, module_id: str, page: str, bronnen_url: str) -> str:
        """HTML for a whole module: intro, every item, score and summary.

        A module is rendered once per build (its page and its SCORM package both show it);
        only the link to the sources page differs, so that is filled in per use.
        """
        self.banks.module(module_id, page)
        return with_sources_link(self.module_html(module_id), bronnen_url)

    def module_html(self, module_id: str) -> str:
        """The module's HTML with a placeholder for the sources link (see :func:`with_sources_link`)."""
        html = self._modules.get(module_id)
        if html is None:
            module = self.banks.modules[module_id]
            html = self._modules[module_id] = self.markdown.batch(
                lambda: self.site.render(
                    "quiz/module.html", module=module, t=self.t, md=self.markdown.inline, md_block=self.markdown.block
                )
            )
        return html

    def item(self, item_id: str, page: str, bronnen_url: str) -> str:
        """HTML for one item, on any page; its saved progress is shared with its module."""
        module, item = self.banks.item(item_id, page)
        html = self.markdown.batch(
            lambda: self.site.render("quiz/single_item.html", module=module, item=item, t=self.t)
        )
        return with_sources_link(html, bronnen_url)

    def index(self, page_url_of: Any, order: list[str] | None = None) -> str:
        """HTML list of every module with its metadata and a link (``page_url_of(module_id)``).

        Modules named in ``order`` come first, in that order; the rest follow by title.
        """
        order = order or []
        rank = {module_id: i for i, module_id in enumerate(order)}
        modules = sorted(self.banks.modules.values(), key=lambda m: (rank.get(m.module.id, len(order)), m.module.title))
        return self.site.render(
            "quiz/index.html",
            modules=modules,
            url_of=page_url_of,
            t=self.t,
            md=self.markdown.inline,
            md_block=self.markdown.block,
        )


def choices(question: Any, t: Strings, md: Any) -> list[tuple[str, str, Any]]:
    """The radios per statement of a truefalse or classify question: (id suffix, value, label).

    Juist/Onjuist for truefalse (values "true" and "false"), else a radio per category (the
    value is its index, as in the answer key).
    """
    if question.type == "truefalse":
        return [("j", "true", t("true_label")), ("o", "false", t("false_label"))]
    return [(str(i), str(i), md(c.label)) for i, c in enumerate(question.categories)]


def units_of(item: Item) -> list[tuple[Any, str, str, Any]]:
    """The questions of an item as (question, html id prefix, shuffle seed, case stage or None)."""
    if item.type == "case":
        return [(s.question, f"{item.id}--{s.id}", f"{item.id}/{s.id}", s) for s in item.stages]
    return [(item, item.id, item.id, None)]


def module_sources(module: QuizModule) -> list[str]:
    """The source documents a module's items cite, in order of first use."""
    seen: list[str] = []
    for item in module.items:
        if item.source.doc not in seen:
            seen.append(item.source.doc)
    return seen


def item_count(module: QuizModule) -> int:
    """Number of scored items in a module."""
    return len(module.items)
