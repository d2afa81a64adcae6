"""The trainer macros (``trainer_catalogue``, ``answer_key``) and the SCORM build after the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..errors import ContentError
from ..quiz.bank import QuizBanks
from ..quiz.models import QuizModule
from ..site import need_assets
from .trainer import ANSWER_KEY_SOURCE, MODULE_SOURCE, SCORM_ZIP, ModuleLinks, TrainerRenderer, absolute_url

CATALOGUE_SOURCE = "leermodules/trainers.md"


def register_trainer_macros(env: Any, site: Any, banks_of: Callable[[], QuizBanks], bronnen_page: str) -> None:
    """Register the trainer macros; ``banks_of()`` gives the validated banks (loaded on first use)."""
    renderer = TrainerRenderer(site)

    def page_file() -> str:
        return f"docs/{env.page.file.src_uri}"

    def url_of(src_uri: str, what: str) -> str:
        """The site URL of a page; a build error naming the missing file if it does not exist."""
        found = env.variables["files"].get_file_from_path(src_uri)
        if found is None:
            raise ContentError(page_file(), None, f"{what}: docs/{src_uri} ontbreekt; maak die pagina aan")
        return found.url

    def nav_order() -> list[QuizModule]:
        """The modules in the order of their pages in the navigation (then by title)."""
        pages = [p.file.src_uri for p in env.variables["navigation"].pages]
        rank = {src: i for i, src in enumerate(pages)}

        def position(module: QuizModule) -> tuple[int, str]:
            return rank.get(MODULE_SOURCE.format(module.module.id), len(pages)), module.module.title

        return sorted(banks_of().modules.values(), key=position)

    @env.macro
    def trainer_catalogue() -> str:
        need_assets(env.page, "trainer")
        """Every module with objectives, facts, deep links, its SCORM package and answer key."""
        here = env.page.url
        links = {}
        for module in banks_of().modules.values():
            module_id = module.module.id
            module_url = url_of(MODULE_SOURCE.format(module_id), f"leermodule '{module_id}'")
            key_url = url_of(ANSWER_KEY_SOURCE.format(module_id), f"antwoordsleutel '{module_id}'")
            # The address on the published site, also in the offline copy (which has no directory URLs).
            online = File(MODULE_SOURCE.format(module_id), "", "", use_directory_urls=True).url
            links[module_id] = ModuleLinks(
                absolute=absolute_url(env.conf["site_url"] or "/", online),
                relative=get_relative_url(module_url, here),
                answer_key=get_relative_url(key_url, here),
                scorm=get_relative_url(SCORM_ZIP.format(module_id), here),
            )
        return renderer.catalogue(nav_order(), links)

    @env.macro
    def answer_key(module_id: str) -> str:
        need_assets(env.page, "trainer")
        """The printable answer key of one module (every item, its answer, feedback and source)."""
        here = env.page.url
        module = banks_of().module(module_id, page_file())
        bronnen = get_relative_url(bronnen_page, here)
        catalogue = get_relative_url(url_of(CATALOGUE_SOURCE, "trainerspagina"), here)
        return renderer.answer_key(module, bronnen, catalogue)


def write_scorm_packages(env: Any) -> list[Path]:
    """After the build: one SCORM 1.2 zip per module in ``<site_dir>/downloads/scorm/``.

    The quiz job (``macros/quiz/worker.py``) writes them beside the pages; this waits for it.
    """
    return env.variables["halk_quiz_job"].packages()
