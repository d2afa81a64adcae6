"""mkdocs-macros entry point: registers the site's macros and page hooks; the work lives in modules.

The quiz macros (``quiz``, ``quiz_item``, ``quiz_index``, ``trainer_catalogue``, ``answer_key``)
come from the quiz engine, listed under ``modules:`` in mkdocs.yml (``quizkit.plugin.macros``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from quizkit.errors import ContentError
from quizkit.plugin.macros import located, page_file, page_source, plugin_of

from .charts import render_bar_chart
from .facts import find_fact_list
from .pages import check_page_meta
from .pocket import pocket_card as render_pocket_card
from .publishing import GitDates, page_dates
from .site import SourceSection, load_site_data
from .worksheets import grid_sheet, party_grid_sheet, plan_sheet, render_sheet


def define_env(env) -> None:
    """Load and validate all data (failing the build on any mistake) and register macros."""
    root = Path(env.project_dir)
    try:
        site = load_site_data(root)
    except ContentError as exc:
        # MkDocs prints a plugin error as it is: the file, the line and the message, no traceback.
        raise PluginError(exc.text) from None
    # One glossary file feeds the abbreviations on every page (abbr extension). Data texts, the
    # quizzes' and the site's, get the same from the quizkit plugin's glossary option
    # (macros.content:abbreviations), which the command line reads too (see on_pre_page_macros).
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = site.glossary.as_abbr_glossary()
    env.variables["site_data"] = site
    # "Laatst bijgewerkt" under every page: one git call for all of docs/.
    env.variables["halk_git_dates"] = GitDates(Path(env.conf["docs_dir"]))

    def bronnen_url() -> str:
        """The link to the sources page (the quizkit plugin's ``sources_page``) from this page."""
        return plugin_of(env).sources_url(env.page)

    macro = located(env)

    def html_macro(func: Callable[..., str]) -> Callable[..., str]:
        """A macro that returns finished HTML from data: the page's Markdown never parses it again.

        Data text is sanitised once, when it is rendered; parsed a second time as part of the
        page (inside a ``markdown`` block, say), text such as ``{: onclick=... }`` would turn
        into attributes. The quizkit plugin keeps the HTML aside until the page is converted.
        """

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> str:
            html = func(*args, **kwargs)
            return plugin_of(env).keep(html) if html else html

        return macro(wrapper)

    @html_macro
    def table(name: str, table_id: str) -> str:
        """A data table from ``docs/_data/tabellen/<name>.yml``."""
        return site.table(name, table_id, bronnen_url())

    @html_macro
    def bar_chart(name: str, table_id: str, value_column: int = 1, max_value: float | None = None) -> str:
        """A data table whose ``value_column`` also shows each figure as a bar (no JS)."""
        return render_bar_chart(site, name, table_id, value_column, bronnen_url(), max_value)

    @html_macro
    def fact_list(list_id: str, style: str = "list", show_title: bool = False) -> str:
        """A fact list from ``docs/_data/lijsten/<list_id>.yml``."""
        return site.fact_list(list_id, bronnen_url(), style, show_title)

    @macro
    def pocket_card(list_id: str, title: str | None = None) -> str:
        """A printable pocket card (one page) from ``docs/_data/lijsten/<list_id>.yml``.

        Kept out of the page's Markdown like every data macro; its title still heads an entry
        in the page's table of contents.
        """
        html, toc_entry = render_pocket_card(site, list_id, title)
        return plugin_of(env).keep(html, toc=[toc_entry])

    @html_macro
    def pocket_cards_print_css() -> str:
        """The stylesheet that prints this page on A6 pages, one pocket card per page (or two sides)."""
        href = get_relative_url("assets/css/zakkaarten-print.css", env.page.url)
        return f'<link rel="stylesheet" href="{href}" media="print">'

    @macro
    def facts(list_id: str):
        """The fact list model itself, for pages that lay it out by hand."""
        return find_fact_list(site.fact_lists, list_id)

    def page_url(path: str) -> str:
        """The link to the page ``path`` (without ``.md``) from this page."""
        return plugin_of(env).url_from(env.page, f"{path}.md", "werkblad")

    def sheet_assets() -> dict[str, str]:
        return {kind: get_relative_url(f"assets/werkbladen/werkblad.{kind}", env.page.url) for kind in ("css", "js")}

    @html_macro
    def worksheet_grid(name: str, table_id: str, sheet_id: str, title: str) -> str:
        """A fillable, printable grid from a table; its cells are the examples behind the toggle."""
        return render_sheet(site, grid_sheet(site, name, table_id, sheet_id, title), sheet_assets())

    @html_macro
    def worksheet_parties(name: str, table_id: str, sheet_id: str, title: str, parties: list[str]) -> str:
        """A grid whose columns are parties the reader names, adds and removes (AMBIT)."""
        sheet = party_grid_sheet(site, name, table_id, sheet_id, title, parties)
        return render_sheet(site, sheet, sheet_assets())

    @html_macro
    def worksheet_plan(sheet_id: str, title: str) -> str:
        """The preparation sheet for a zorgafstemmingsgesprek, from the handreiking's lists."""
        links = {s: page_url(f"werkbladen/{s}") for s in ("verklaringsmodel", "ambit")}
        return render_sheet(site, plan_sheet(site, sheet_id, title, links), sheet_assets())

    @html_macro
    def glossary() -> str:
        """The glossary page's list of terms (HTML, autoescaped template)."""
        return site.glossary_list(bronnen_url())

    @macro
    def source_sections() -> list[SourceSection]:
        """The sources page's sections: a Markdown-safe heading and HTML for each document.

        Registered like every other macro: a mistake is reported at the line of the call.
        """
        return site.source_sections()


def on_pre_page_macros(env) -> None:
    """Every page must name its sources in its front matter; a page that does not is reported.

    Before the first page, the site's data texts get the build's one Markdown converter.
    """
    site = env.variables["site_data"]
    if site.renderer is None:
        site.set_markdown(plugin_of(env).markdown)
    source = page_source(env)  # the file as the quizkit plugin read it for MkDocs
    # A file the plugin could not read, or whose front matter is no YAML, it reported once already.
    if source is not None and not source.reported:
        try:
            meta = check_page_meta(source.text, page_file(env), site.bib)
        except ContentError as exc:
            plugin_of(env).report(exc)
        else:
            # "Bronnen van deze pagina" (overrides/partials/page-sources.html), rendered here with
            # autoescape: the theme's own templates print what they are given as it is.
            sources_url = plugin_of(env).sources_url(env.page)
            env.page.meta["halk_page_sources"] = site.page_sources(meta.sources, sources_url)
    # "Laatst bijgewerkt: ..." under the content (overrides/partials/source-file.html).
    env.page.meta["halk_updated"] = page_dates(Path(env.page.file.abs_src_path), dates=env.variables["halk_git_dates"])
