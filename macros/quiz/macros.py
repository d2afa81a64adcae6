"""The quiz macros pages call: ``quiz``, ``quiz_item``, ``quiz_index`` and ``quiz_modules``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from ..errors import ContentError, at_macro_call
from ..site import need_assets
from .bank import QuizBanks, load_quiz_banks
from .render import QuizRenderer
from .stash import QuizStash

QUIZ_DIR = Path("docs") / "_data" / "quiz"
MODULE_PAGE = "leermodules/{}.md"


def register_quiz_macros(env: Any, site: Any, bronnen_page: str) -> QuizBanks:
    """Load every question bank (a mistake stops the build) and register the quiz macros."""
    root = Path(env.project_dir)
    banks = load_quiz_banks(root / QUIZ_DIR, root, site.bib)
    renderer = QuizRenderer(site, banks)
    env.variables["halk_quiz_renderer"] = renderer  # shared with the SCORM packages
    # Rendered quizzes bypass the page's Markdown parsing (see stash.py).
    stash = QuizStash()
    env.conf["markdown_extensions"].append(stash)

    def here() -> tuple[str, Path, str]:
        page = env.page
        return f"docs/{page.file.src_uri}", Path(page.file.abs_src_path), get_relative_url(bronnen_page, page.url)

    @env.macro
    def quiz(module_id: str) -> str:
        """A whole quiz module from ``docs/_data/quiz/<module_id>.yml``."""
        page, path, bronnen = here()
        need_assets(env.page, "quiz", "trainer")  # the result summary has a print button
        try:
            return stash.put(renderer.module(module_id, page, bronnen))
        except ContentError as exc:
            raise at_macro_call(exc, path, "quiz", module_id) from None

    @env.macro
    def quiz_item(item_id: str) -> str:
        """One quiz item by its id, from whichever module holds it."""
        page, path, bronnen = here()
        need_assets(env.page, "quiz")
        try:
            return stash.put(renderer.item(item_id, page, bronnen))
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

        return stash.put(renderer.index(url_of, order), searchable=True)

    @env.macro
    def quiz_modules():
        """The validated modules by id, for pages that lay them out by hand."""
        return banks.modules

    return banks
