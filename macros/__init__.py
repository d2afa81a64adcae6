"""mkdocs-macros entry point: registers macros and page hooks; the work lives in modules."""

from __future__ import annotations

import functools
import gc
from pathlib import Path

from mkdocs.utils import get_relative_url

from .charts import render_bar_chart
from .errors import ContentError, at_macro_call
from .facts import find_fact_list
from .markdown_render import from_mkdocs_config
from .pages import check_page_meta
from .pocket import pocket_card as render_pocket_card
from .publishing import GitDates, page_dates
from .quiz.macros import register_quiz_macros
from .scorm import register_trainer_macros, write_scorm_packages
from .site import load_site_data

BRONNEN_PAGE = "bronnen/"


def define_env(env) -> None:
    """Load and validate all data (failing the build on any mistake) and register macros."""
    root = Path(env.project_dir)
    site = load_site_data(root)
    # One glossary file feeds the abbreviations on every page (abbr extension)...
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = site.glossary.as_abbr_glossary()
    # ...and the same Markdown set-up renders text from data files.
    site.renderer = from_mkdocs_config(env.conf)
    env.variables["site_data"] = site
    # "Laatst bijgewerkt" under every page: one git call for all of docs/.
    env.variables["halk_git_dates"] = GitDates(Path(env.conf["docs_dir"]))
    env.conf["extra"]["source_docs"] = {d.id: d.model_dump() for d in site.bib.documents}

    def page_file() -> str:
        return f"docs/{env.page.file.src_uri}"

    # The offline copy (mkdocs.offline.yml) has no directory URLs: bronnen.html, not bronnen/.
    bronnen_page = BRONNEN_PAGE if env.conf["use_directory_urls"] else "bronnen.html"
    env.conf["extra"]["bronnen_page"] = bronnen_page

    def bronnen_url() -> str:
        return get_relative_url(bronnen_page, env.page.url)

    def located(func):
        """Register ``func`` as a macro whose content errors name the line of the call."""

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except ContentError as exc:
                names = [a for a in args if isinstance(a, str)]
                raise at_macro_call(exc, Path(env.page.file.abs_src_path), func.__name__, *names) from None

        return env.macro(wrapper)

    @located
    def table(name: str, table_id: str) -> str:
        """A data table from ``docs/_data/tabellen/<name>.yml``."""
        return site.table(name, table_id, page_file(), bronnen_url())

    @located
    def bar_chart(name: str, table_id: str, value_column: int = 1, max_value: float | None = None) -> str:
        """A data table whose ``value_column`` also shows each figure as a bar (no JS)."""
        return render_bar_chart(site, name, table_id, value_column, page_file(), bronnen_url(), max_value)

    @located
    def fact_list(list_id: str, style: str = "list", show_title: bool = False) -> str:
        """A fact list from ``docs/_data/lijsten/<list_id>.yml``."""
        return site.fact_list(list_id, page_file(), bronnen_url(), style, show_title)

    @located
    def pocket_card(list_id: str, title: str | None = None) -> str:
        """A printable pocket card (one page) from ``docs/_data/lijsten/<list_id>.yml``."""
        return render_pocket_card(site, list_id, page_file(), title)

    @located
    def facts(list_id: str):
        """The fact list model itself, for pages that lay it out by hand."""
        return find_fact_list(site.fact_lists, list_id, page_file())

    @env.macro
    def glossary_terms():
        """The glossary terms, for the glossary page."""
        return site.glossary.terms

    # What exists now lives for the whole build: keep it out of the cycle collector's scans (a
    # build allocates heavily), which also leaves it untouched for the quiz worker forked next.
    gc.freeze()
    quiz_banks = register_quiz_macros(env, site, bronnen_page)  # starts building the quiz modules
    register_trainer_macros(env, site, quiz_banks, bronnen_page)

    @env.macro
    def bibliography():
        """The bibliography model, for the sources page."""
        return site.bib


def on_pre_page_macros(env) -> None:
    """Every page must name its sources in its front matter; stop the build if not."""
    site = env.variables["site_data"]
    source_text = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    check_page_meta(source_text, f"docs/{env.page.file.src_uri}", site.bib)
    # "Laatst bijgewerkt: ..." under the content (overrides/partials/source-file.html).
    env.page.meta["halk_updated"] = page_dates(Path(env.page.file.abs_src_path), dates=env.variables["halk_git_dates"])


def on_post_build(env) -> None:
    """After the build: one SCORM 1.2 package per quiz module in site/downloads/scorm/."""
    write_scorm_packages(env)
    gc.unfreeze()
