"""What trainers need per module: the catalogue with links, and the printable answer key.

Everything comes from the validated question banks; nothing is hard-coded per module. The
answers themselves come from each type's own ``answer`` macro, as under "Toon antwoord".
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import QuizModule
from .render import QuizRenderer, module_sources
from .scorm import scorm_codes


@dataclass(frozen=True)
class ModuleLinks:
    """The addresses a trainer hands out or downloads for one module."""

    absolute: str
    relative: str
    answer_key: str
    scorm: str = ""  # empty: the site makes no packages (scorm_dir: "")
    scorm_test: str = ""  # the package as a test (see quizkit.scorm)
    moodle: str = ""  # empty: the site makes no Moodle files (moodle_dir: "")


def absolute_url(site_url: str, page_url: str) -> str:
    """``page_url`` (site-relative) under ``site_url``."""
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


def catalogue(
    renderer: QuizRenderer, modules: list[QuizModule], links: dict[str, ModuleLinks], moodle_all: str = ""
) -> str:
    """HTML: every module with its objectives, facts, sources, deep links, SCORM, Moodle XML and answer key.

    ``moodle_all`` is the link to the Moodle XML file with every module (none: not offered).
    """
    return renderer.render(
        "trainer/catalogue.html",
        modules=modules,
        links=links,
        moodle_all=moodle_all,
        sources=lambda module: renderer.citations.documents(module_sources(module)),
    )


def answer_key(
    renderer: QuizRenderer, module: QuizModule, sources_url: str, catalogue_url: str, packages: bool = True
) -> str:
    """HTML: every item of ``module`` with its correct answer, feedback and source.

    With ``packages`` (the site makes SCORM packages), under each answer the codes the LMS
    records for it (``codes``: :func:`quizkit.scorm.scorm_codes`).
    """
    return renderer.render(
        "trainer/answer_key.html",
        module=module,
        cite=renderer.cite(sources_url),
        catalogue_url=catalogue_url,
        codes=(lambda item: scorm_codes(item, renderer.markdown.inline, renderer.t)) if packages else None,
    )
