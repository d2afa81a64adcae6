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

from markupsafe import Markup, escape

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
    """The site's Markdown for quiz texts: memoised, plain text short-cut, converted in batches.

    A quiz page renders thousands of short strings. Most are plain sentences that Markdown
    would wrap in ``<p>`` and otherwise leave alone: those skip the Markdown pipeline unless
    they contain a glossary abbreviation (which the abbr extension must mark up). The rest
    would each pay Markdown's fixed cost per conversion; inside :meth:`batch` they are
    collected while a template renders and converted in one Markdown pass afterwards.
    """

    _SEP = "HALKMDSEP"

    def __init__(self, site: Any):
        self.site = site
        terms = sorted(site.glossary.as_abbr_glossary(), key=len, reverse=True) if site.glossary else []
        self._abbr = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b") if terms else None
        self._inline: dict[str, Markup] = {}
        self._block: dict[str, Markup] = {}
        self._pending: dict[tuple[str, bool], str] | None = None

    def _plain(self, text: str) -> bool:
        return bool(_PLAIN.match(text)) and not (self._abbr and self._abbr.search(text))

    def _defer(self, text: str, inline: bool) -> Markup:
        assert self._pending is not None
        token = self._pending.setdefault((text, inline), f"HALKMD{len(self._pending)}Z")
        return Markup(token)

    def inline(self, text: str) -> Markup:
        """Inline Markdown, as ``SiteData.md``."""
        html = self._inline.get(text)
        if html is None:
            if self._plain(text):
                html = self._inline[text] = Markup(text)
            elif self._pending is not None:
                return self._defer(text, True)
            else:
                html = self._inline[text] = self.site.md(text)
        return html

    def block(self, text: str) -> Markup:
        """Block Markdown, as ``SiteData.md_block``."""
        html = self._block.get(text)
        if html is None:
            if self._plain(text):
                html = self._block[text] = Markup(f"<p>{text}</p>")
            elif self._pending is not None:
                return self._defer(text, False)
            else:
                html = self._block[text] = self.site.md_block(text)
        return html

    def batch(self, render: Any) -> str:
        """Call ``render()`` collecting its Markdown texts, convert them at once, fill them in."""
        self._pending = {}
        try:
            html = render()
        finally:
            pending, self._pending = self._pending, None
        if not pending:
            return html
        self._convert_all(list(pending))
        by_token = {token: key for key, token in pending.items()}

        def fill(match: re.Match[str]) -> str:
            text, inline = by_token[match.group(0)]
            return (self._inline if inline else self._block)[text]

        return _DEFERRED.sub(fill, html)

    def _convert_all(self, texts: list[tuple[str, bool]]) -> None:
        source = "\n\n".join(f"{self._SEP}\n\n{text}" for text, _ in texts)
        parts = self.site.md_block(source).split(f"<p>{self._SEP}</p>")[1:]
        if len(parts) != len(texts):  # a text that would bleed into the next: convert one by one
            parts = [self.site.md_block(text) for text, _ in texts]
        for (text, inline), part in zip(texts, parts, strict=True):
            part = part.strip("\n")
            if inline:
                match = _P_WRAP.match(part)
                self._inline[text] = Markup(match.group(1) if match and "<p>" not in match.group(1) else part)
            else:
                self._block[text] = Markup(part)


_DEFERRED = re.compile(r"HALKMD\d+Z")
# Stands for the relative URL of the sources page in a cached module (see QuizRenderer.module).
_BRONNEN_TOKEN = "HALKBRONNENURL"
_P_WRAP = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


class QuizRenderer:
    """Renders quizzes for one build; ``site`` provides ``md``, ``md_block``, ``cite``, ``render``."""

    def __init__(self, site: Any, banks: QuizBanks, strings: Strings | None = None):
        self.site = site
        self.banks = banks
        self.t = strings or Strings()
        self.markdown = FastMarkdown(site)
        self._modules: dict[str, str] = {}
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
        """HTML for a whole module: intro, every item, score and summary.

        A module is rendered once per build (its page and its SCORM package both show it);
        only the link to the sources page differs, so that is filled in per use.
        """
        module = self.banks.module(module_id, page)
        html = self._modules.get(module_id)
        if html is None:
            context = self._context(_BRONNEN_TOKEN)
            html = self._modules[module_id] = self.markdown.batch(
                lambda: self.site.render("quiz/module.html", module=module, **context)
            )
        return html.replace(_BRONNEN_TOKEN, str(escape(bronnen_url)))

    def item(self, item_id: str, page: str, bronnen_url: str) -> str:
        """HTML for one item, on any page; its saved progress is shared with its module."""
        module, item = self.banks.item(item_id, page)
        context = self._context(bronnen_url)
        return self.markdown.batch(
            lambda: self.site.render("quiz/single_item.html", module=module, item=item, **context)
        )

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
