"""The quiz macros pages call: ``quiz``, ``quiz_item``, ``quiz_index`` and ``quiz_modules``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from ..errors import ContentError, at_macro_call
from ..site import need_assets
from . import worker
from .bank import QuizBanks, bank_files, check_module_exists, load_quiz_banks
from .render import QuizRenderer, with_sources_link
from .stash import QuizStash

QUIZ_DIR = Path("docs") / "_data" / "quiz"
MODULE_PAGE = "leermodules/{}.md"


def register_quiz_macros(env: Any, site: Any, bronnen_page: str) -> Callable[[], QuizBanks]:
    """Start building the quiz modules (see worker.py) and register the quiz macros.

    Returns a function that gives the validated banks to the macros that lay them out here
    (single items, the module list, the trainer pages); it loads them on first use.
    """
    root = Path(env.project_dir)
    quiz_dir = root / QUIZ_DIR
    module_ids = [path.stem for path in bank_files(quiz_dir)]
    site_dir = Path(env.conf["site_dir"])
    # Without banks there is nothing to do beside the pages.
    stages = worker.quiz_stages(site, root, quiz_dir, site_dir)
    job = worker.start(stages, site_dir, parallel=None if module_ids else False)
    env.variables["halk_quiz_job"] = job  # it writes the SCORM zips too
    # Rendered quizzes bypass the page's Markdown parsing (see stash.py).
    stash = QuizStash()
    env.conf["markdown_extensions"].append(stash)

    @functools.cache
    def renderer() -> QuizRenderer:
        return QuizRenderer(site, load_quiz_banks(quiz_dir, root, site.bib))

    def here() -> tuple[str, Path, str]:
        page = env.page
        return f"docs/{page.file.src_uri}", Path(page.file.abs_src_path), get_relative_url(bronnen_page, page.url)

    @env.macro
    def quiz(module_id: str) -> str:
        """A whole quiz module from ``docs/_data/quiz/<module_id>.yml``."""
        page, path, bronnen = here()
        need_assets(env.page, "quiz", "trainer")  # the result summary has a print button
        try:
            check_module_exists(module_id, module_ids, page)
        except ContentError as exc:
            raise at_macro_call(exc, path, "quiz", module_id) from None
        # The module's HTML is put into the page when it is written; the job has it by then.
        return stash.put(lambda: with_sources_link(job.module_html(module_id), bronnen))

    @env.macro
    def quiz_item(item_id: str) -> str:
        """One quiz item by its id, from whichever module holds it."""
        page, path, bronnen = here()
        need_assets(env.page, "quiz")
        try:
            return stash.put(renderer().item(item_id, page, bronnen))
        except ContentError as exc:
            raise at_macro_call(exc, path, "quiz_item", item_id) from None

    @env.macro
    def quiz_index(order: list[str] | None = None) -> str:
        """The list of every quiz module with its metadata and a link to its page."""

        def url_of(module_id: str) -> str:
            # The page's real URL: "leermodules/x/" online, "leermodules/x.html" in the offline copy.
            found = env.variables["files"].get_file_from_path(MODULE_PAGE.format(module_id))
            if found is None:
                raise ContentError(
                    f"docs/{env.page.file.src_uri}",
                    None,
                    f"leermodule '{module_id}': docs/{MODULE_PAGE.format(module_id)} ontbreekt",
                )
            return get_relative_url(found.url, env.page.url)

        return stash.put(renderer().index(url_of, order), searchable=True)

    @env.macro
    def quiz_modules():
        """The validated modules by id, for pages that lay them out by hand."""
        return renderer().banks.modules

    return lambda: renderer().banks
