"""What trainers need per module: facts from the bank, links, and the printable answer key.

Everything comes from the validated question banks (``macros.quiz``); nothing is hard-coded
per module. Rendering uses the templates in ``overrides/halk/trainer/`` and, for the answers
themselves, the quiz engine's own ``answer`` macro (``overrides/halk/quiz/item.html``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..quiz.models import ITEM_TYPES, QuizModule
from ..quiz.render import Strings, units_of

STRINGS_FILE = Path(__file__).with_name("strings.yml")
# Where a module's page, answer key and SCORM zip live (source paths and site path).
MODULE_SOURCE = "leermodules/{}.md"
ANSWER_KEY_SOURCE = "leermodules/antwoorden/{}.md"
SCORM_ZIP = "downloads/scorm/{}.zip"


@dataclass(frozen=True)
class ModuleLinks:
    """The addresses a trainer hands out or downloads for one module."""

    absolute: str
    relative: str
    answer_key: str
    scorm: str


def type_counts(module: QuizModule) -> list[tuple[str, int]]:
    """Number of items per type, in the order of :data:`ITEM_TYPES` (types that occur only)."""
    counts = Counter(item.type for item in module.items)
    return [(kind, counts[kind]) for kind in ITEM_TYPES if counts[kind]]


def absolute_url(site_url: str, page_url: str) -> str:
    """``page_url`` (site-relative, as MkDocs gives it) under ``site_url``."""
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


def trainer_strings() -> Strings:
    """The trainer texts (``strings.yml``); what they share with the quiz comes from the quiz's."""
    return Strings(STRINGS_FILE, base=Strings())


class TrainerRenderer:
    """Renders the catalogue and answer keys; ``site`` provides ``render``, ``md`` and ``cite``."""

    def __init__(self, site: Any, quiz_strings: Strings | None = None):
        self.site = site
        self.t = quiz_strings or Strings()
        self.ts = trainer_strings()
        # The answer key uses the quiz engine's answer macro, which writes fixed texts with | t.
        site.templates.filters.setdefault("t", self.t)

    def catalogue(self, modules: list[QuizModule], links: dict[str, ModuleLinks]) -> str:
        """HTML: every module with its objectives, facts, deep links, SCORM and answer key."""
        return self.site.render(
            "trainer/catalogue.html", modules=modules, links=links, type_counts=type_counts, ts=self.ts, t=self.t
        )

    def answer_key(self, module: QuizModule, bronnen_url: str, catalogue_url: str) -> str:
        """HTML: every item of ``module`` with its correct answer, feedback and source."""
        return self.site.render(
            "trainer/answer_key.html",
            module=module,
            ts=self.ts,
            t=self.t,
            units_of=units_of,
            cite=lambda ref: self.site.cite(ref, bronnen_url),
            catalogue_url=catalogue_url,
        )
