"""Turn validated modules and items into HTML with the templates in ``overrides/halk/quiz/``.

Every text from a bank goes through the site's Markdown renderer (``md``/``md_block``), which
escapes raw HTML; the templates only add structure. Nothing here needs MkDocs.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..yamlload import load_yaml
from .answers import answer_hash, answer_key, encode_key, step_order
from .bank import QuizBanks
from .models import Item, QuizModule

STRINGS_FILE = Path(__file__).with_name("strings.yml")


class Strings:
    """The quiz UI's Dutch strings (``strings.yml``): ``t("check")``, ``t("stage", n=2)``."""

    def __init__(self, path: Path = STRINGS_FILE):
        data = load_yaml(path).data
        self.page: dict[str, str] = data["page"]
        self.script: dict[str, str] = data["script"]

    def __call__(self, key: str, **values: Any) -> str:
        """The page string ``key`` with ``{placeholders}`` filled in."""
        text = self.page[key]
        return text.format(**values) if values else text

    @cached_property
    def script_json(self) -> str:
        """The strings the script needs, as compact JSON for a data attribute."""
        return json.dumps(self.script, ensure_ascii=False, separators=(",", ":"))


# Text that Markdown would return unchanged: one line, no markup characters, not starting
# like a block (list, heading, quote, definition, admonition). Figures may start a text
# ("3 maanden") but not as a numbered list item ("3. ...").
_PLAIN = re.compile(r"^(?![\s>#=+*\-:?!.]|\d+[.)])[^\n*_`\[\]!<>&\\{}|~^]*$")


class FastMarkdown:
    """The site's Markdown for quiz texts, memoised, with a shortcut for plain text.

    A quiz page renders thousands of short strings; most are plain sentences that Markdown
    would wrap in ``<p>`` and otherwise leave alone. Those skip the Markdown pipeline unless
    they contain a glossary abbreviation (which the abbr extension must mark up).
    """

    def __init__(self, site: Any):
        self.site = site
        terms = sorted(site.glossary.as_abbr_glossary(), key=len, reverse=True) if site.glossary else []
        self._abbr = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b") if terms else None
        self._inline: dict[str, Markup] = {}
        self._block: dict[str, Markup] = {}

    def _plain(self, text: str) -> bool:
        return bool(_PLAIN.match(text)) and not (self._abbr and self._abbr.search(text))

    def inline(self, text: str) -> Markup:
        """Inline Markdown, as ``SiteData.md``."""
        html = self._inline.get(text)
        if html is None:
            html = self._inline[text] = Markup(text) if self._plain(text) else self.site.md(text)
        return html

    def block(self, text: str) -> Markup:
        """Block Markdown, as ``SiteData.md_block``."""
        html = self._block.get(text)
        if html is None:
            html = self._block[text] = Markup(f"<p>{text}</p>") if self._plain(text) else self.site.md_block(text)
        return html


class QuizRenderer:
    """Renders quizzes for one build; ``site`` provides ``md``, ``md_block``, ``cite``, ``render``."""

    def __init__(self, site: Any, banks: QuizBanks, strings: Strings | None = None):
        self.site = site
        self.banks = banks
        self.t = strings or Strings()
        self.markdown = FastMarkdown(site)
        # The type templates ("quiz/types/*.html") are imported without context, so Jinja
        # builds each one once per build instead of once per item; what they use is global.
        site.templates.globals.update(
            md=self.markdown.inline, md_block=self.markdown.block, t=self.t, step_order=step_order
        )

    def _context(self, bronnen_url: str) -> dict[str, Any]:
        return {
            "md": self.markdown.inline,
            "md_block": self.markdown.block,
            "t": self.t,
            "cite": lambda ref: self.site.cite(ref, bronnen_url),
            "key_of": lambda item: encode_key(answer_key(item, item.id), item.id),
            "hash_of": answer_hash,
            "step_order": step_order,
            "units_of": units_of,
        }

    def module(self, module_id: str, page: str, bronnen_url: str) -> str:
        """HTML for a whole module: intro, every item, score and summary."""
        module = self.banks.module(module_id, page)
        return self.site.render("quiz/module.html", module=module, **self._context(bronnen_url))

    def item(self, item_id: str, page: str, bronnen_url: str) -> str:
        """HTML for one item, on any page; its saved progress is shared with its module."""
        module, item = self.banks.item(item_id, page)
        return self.site.render("quiz/single_item.html", module=module, item=item, **self._context(bronnen_url))

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
