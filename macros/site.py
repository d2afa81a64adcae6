"""Everything the macros need, loaded once per build and independent of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from quizkit.errors import ContentError
from quizkit.markdown import FastMarkdown, MarkdownRenderer

from .content import Bibliography, BibliographyCitations, Glossary, SourceRef, load_bibliography, load_glossary
from .facts import FactList, find_fact_list, load_fact_lists
from .tables import Table, find_table, load_tables


@dataclass(frozen=True)
class SourceSection:
    """One document's section on the sources page (see :meth:`SiteData.source_sections`)."""

    id: str
    heading: Markup
    description: Markup
    references: Markup | None


@dataclass
class SiteData:
    """All validated content data of the site plus the renderers that turn it into HTML."""

    root: Path
    bib: Bibliography
    glossary: Glossary
    tables: dict[str, dict[str, Table]]
    fact_lists: dict[str, FactList]
    renderer: MarkdownRenderer | None = None
    templates: Environment = field(init=False)
    markdown: FastMarkdown = field(init=False)

    def __post_init__(self) -> None:
        self.templates = Environment(
            loader=FileSystemLoader(self.root / "overrides" / "halk"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            # Templates do not change during a build; skip the per-use file check.
            auto_reload=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def set_markdown(self, markdown: FastMarkdown) -> None:
        """The build's Markdown for data texts: the quiz engine's (its ``markdown``).

        One converter numbers every footnote of a page; two would both give a page ``fn:1-1``.
        """
        self.renderer = markdown.renderer
        # Templates may also write text | md: memoised, for texts that recur.
        self.markdown = markdown
        self.templates.filters.update(md=self.markdown.inline, md_block=self.markdown.block)

    # -- rendering helpers -------------------------------------------------------------------
    # The helpers below go through the memo (FastMarkdown): a document's title or a glossary
    # term recurs on every page that cites it, and each conversion costs about 0.25 ms.
    def md(self, text: str) -> Markup:
        """Inline Markdown with the site's extensions (escapes raw HTML)."""
        assert self.renderer is not None, "the Markdown is set before the first page (on_pre_page_macros)"
        return self.markdown.inline(text)

    def md_block(self, text: str) -> Markup:
        """Block Markdown with the site's extensions (escapes raw HTML)."""
        assert self.renderer is not None, "the Markdown is set before the first page (on_pre_page_macros)"
        return self.markdown.block(text)

    def plain(self, text: str) -> str:
        """Data text as plain text (rendered, tags removed): for attributes and theme strings."""
        assert self.renderer is not None, "the Markdown is set before the first page (on_pre_page_macros)"
        return self.markdown.plain(text)

    def cite(self, ref: SourceRef, bronnen_url: str = "") -> Markup:
        """A short citation, as under a quiz item (:class:`BibliographyCitations`)."""
        return BibliographyCitations(self.bib).cite(ref, bronnen_url)

    def render(self, template: str, **context: Any) -> str:
        """Render one of ``overrides/halk/*.html``; output is a single HTML block."""
        context.setdefault("md", self.md)
        context.setdefault("md_block", self.md_block)
        context.setdefault("plain", self.plain)
        html = self.templates.get_template(template).render(**context)
        # Blank lines would end the raw HTML block in Markdown; the markup does not need them.
        return "\n".join(line for line in html.splitlines() if line.strip())

    def fact_list(self, list_id: str, bronnen_url: str, style: str = "list", show_title: bool = False) -> str:
        """HTML for a fact list (``style``: ``list`` or ``cards``)."""
        if style not in ("list", "cards"):
            raise ContentError("", None, f"fact_list: onbekende stijl '{style}' (kies list of cards)")
        facts = find_fact_list(self.fact_lists, list_id)
        cite = lambda ref: self.cite(ref, bronnen_url)  # noqa: E731
        return self.render("fact_list.html", facts=facts, style=style, show_title=show_title, cite=cite)

    def glossary_list(self, bronnen_url: str) -> str:
        """HTML for the glossary page: every term in alphabetical order, with its source."""
        terms = sorted(self.glossary.terms, key=lambda term: term.abbr.lower())
        return self.render(
            "glossary.html", terms=terms, bronnen_url=bronnen_url, source_of=lambda term: self.bib.doc(term.source.doc)
        )

    def source_sections(self) -> list[SourceSection]:
        """The sources page, one section per document: heading, description, literature.

        The heading is Markdown (so that it is in the page's table of contents), the rest HTML.

        A reference cited by several documents gets its anchor at its first mention; later
        mentions link back to it.
        """
        assert self.renderer is not None, "the Markdown is set before the first page (on_pre_page_macros)"
        shown: set[str] = set()
        sections = []
        for doc in self.bib.documents:
            refs = []
            for ref in self.bib.literature:
                if doc.id in ref.cited_in:
                    refs.append((ref, ref.id not in shown))
                    shown.add(ref.id)
            sections.append(
                SourceSection(
                    id=doc.id,
                    heading=self.renderer.literal(self.plain(doc.title)),
                    description=Markup(self.render("source_document.html", doc=doc)),
                    references=Markup(self.render("references.html", refs=refs, link=self.renderer.link))
                    if refs
                    else None,
                )
            )
        return sections

    def page_sources(self, refs: list[SourceRef], bronnen_url: str) -> Markup:
        """The list under "Bronnen van deze pagina": each document a page's front matter names."""
        docs = [(ref, self.bib.doc(ref.doc)) for ref in refs]
        return Markup(self.render("page_sources.html", refs=[(r, d) for r, d in docs if d], bronnen_url=bronnen_url))

    def table(self, name: str, table_id: str, bronnen_url: str) -> str:
        """HTML for a data table."""
        table = find_table(self.tables, name, table_id)
        return self.render("table.html", table=table, cite=lambda ref: self.cite(ref, bronnen_url))


def load_site_data(root: Path) -> SiteData:
    """Load and validate every shared data file under ``root/docs/_data``."""
    data_dir = root / "docs" / "_data"
    bib = load_bibliography(data_dir, root)
    glossary = load_glossary(data_dir, root, bib)
    tables = load_tables(data_dir / "tabellen", root, bib)
    fact_lists = load_fact_lists(data_dir / "lijsten", root, bib)
    return SiteData(root=root, bib=bib, glossary=glossary, tables=tables, fact_lists=fact_lists)
