"""The site's shared content data: source documents, glossary and data tables.

Each loader reads one YAML file from ``docs/_data``, validates it strictly and returns
a frozen model. Nothing here knows about MkDocs, so it is tested directly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from markupsafe import Markup, escape
from pydantic import AfterValidator, Field, StringConstraints, field_validator, model_validator

from quizkit.base import Id, Markdown, SourceRef, Text
from quizkit.errors import ContentError
from quizkit.validate import LocatedValueError, Strict, require_unique, validate
from quizkit.yamlload import load_yaml


class SourceDocument(Strict):
    """One of the five source texts the site rests on."""

    id: Id
    file: Text
    title: Text
    short: Text = Field(description="Short name used in citations on pages and quiz items")
    authors: Text
    date: Text | None = None
    kind: Text
    contents: Text


class Reference(Strict):
    """A publication, guideline or website that a source document cites."""

    id: Id
    text: Text = Field(description="The reference as Markdown, e.g. authors, title, journal, year")
    cited_in: list[Id] = Field(min_length=1)
    url: str | None = None


class Bibliography(Strict):
    """``bronnen.yml``: the source documents and the literature they cite."""

    documents: list[SourceDocument] = Field(min_length=1)
    literature: list[Reference] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_and_resolved(self) -> Bibliography:
        doc_ids = [d.id for d in self.documents]
        require_unique(doc_ids, "'{}' komt twee keer voor in documents", at=("documents",))
        require_unique([r.id for r in self.literature], "'{}' komt twee keer voor in literature", at=("literature",))
        for i, ref in enumerate(self.literature):
            for j, doc in enumerate(ref.cited_in):
                if doc not in doc_ids:
                    raise LocatedValueError(
                        ("literature", i, "cited_in", j),
                        f"literatuur '{ref.id}' verwijst naar onbekend brondocument '{doc}'",
                    )
        return self

    def doc(self, doc_id: str) -> SourceDocument | None:
        """The document with ``doc_id``, or ``None``."""
        return next((d for d in self.documents if d.id == doc_id), None)


# Markdown's emphasis, code and links in an abbreviation's expansion.
_MARKUP = re.compile(r"[*`]|\[[^\]]*\][(\[]|(?:^|\s)_\S|\S_(?:\s|[.,;:]|$)")


def plain_expansion(text: str) -> str:
    """``text`` unchanged, or a ValueError if it holds Markdown: an expansion is plain text.

    The ``abbr`` extension sets it as the abbreviation's title, which the tooltip shows as
    typed: "*lichamelijke*" came out with its stars there, and bold on the glossary page.
    """
    found = _MARKUP.search(text)
    if found:
        raise ValueError(
            f"opmaak '{found.group(0).strip()}' in de uitschrijving: die staat als gewone tekst in de uitleg die "
            "verschijnt bij de afkorting, dus Markdown (sterretjes, liggende streepjes, accents graves of een link) "
            "komt daar letterlijk te staan; "
            "schrijf gewone tekst, en zet opmaak of een link in explanation"
        )
    return text


class Term(Strict):
    """One abbreviation in the glossary."""

    abbr: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9\-]*$")]
    expansion: Annotated[Text, AfterValidator(plain_expansion)]
    explanation: Markdown | None = None
    source: SourceRef


class Glossary(Strict):
    """``woordenlijst.yml``: every abbreviation used on the site."""

    terms: list[Term] = Field(min_length=1)

    @field_validator("terms")
    @classmethod
    def _unique(cls, terms: list[Term]) -> list[Term]:
        require_unique([t.abbr for t in terms], "'{}' komt twee keer voor in terms")
        return terms

    def as_abbr_glossary(self) -> dict[str, str]:
        """Mapping for Python-Markdown's ``abbr`` extension (``glossary`` option)."""
        return {t.abbr: t.expansion for t in self.terms}


def load_bibliography(data_dir: Path, root: Path) -> Bibliography:
    """Load and validate ``bronnen.yml``."""
    return validate(Bibliography, load_yaml(data_dir / "bronnen.yml", root))


def load_glossary(data_dir: Path, root: Path, bib: Bibliography | None) -> Glossary:
    """Load and validate ``woordenlijst.yml``; every term's source must exist (see :func:`check_source`)."""
    loaded = load_yaml(data_dir / "woordenlijst.yml", root)
    glossary = validate(Glossary, loaded)
    for i, term in enumerate(glossary.terms):
        check_source(term.source, bib, loaded.path, loaded.line_of(("terms", i, "source")), term.abbr)
    return glossary


def check_source(ref: SourceRef, bib: Bibliography | None, path: str, line: int | None, item_id: str | None) -> None:
    """Raise a :class:`ContentError` when ``ref`` names a document that does not exist.

    Without a bibliography (``make check`` when ``bronnen.yml`` has a problem of its own,
    which it reports) nothing can be checked here, and the file's other checks still run.
    """
    problem = BibliographyCitations(bib).check(ref) if bib is not None else None
    if problem:
        raise ContentError(path, line, problem, item_id)


class BibliographyCitations:
    """The quiz engine's citations (quizkit.cite.Citations) from this site's bibliography."""

    def __init__(self, bib: Bibliography):
        self.bib = bib

    def check(self, ref: SourceRef) -> str | None:
        """A Dutch message when ``ref`` names no document of ``bronnen.yml``."""
        if self.bib.doc(ref.doc) is None:
            return f"onbekend brondocument '{ref.doc}' (bekend: {', '.join(d.id for d in self.bib.documents)})"
        return None

    def cite(self, ref: SourceRef, sources_url: str) -> Markup:
        """The document's short name, linked to its entry on the sources page, and where."""
        doc = self.bib.doc(ref.doc)
        where = escape(ref.where)
        if doc is None:
            return Markup(f"{escape(ref.doc)}, {where}")
        # Escaped piece by piece (Markup.format's string.Formatter costs more, on every item).
        return Markup(f'<a href="{escape(sources_url)}#{escape(doc.id)}">{escape(doc.short)}</a>, {where}')

    def documents(self, doc_ids: list[str]) -> list[tuple[str, Markup]]:
        """Each document: short name, title, authors and date."""
        out = []
        for doc_id in doc_ids:
            doc = self.bib.doc(doc_id)
            if doc is None:
                continue
            date = f", {doc.date}" if doc.date else ""
            # A title that ends in its own mark (Rovers: "... aanhouden?") takes no full stop.
            stop = "" if doc.title.rstrip().endswith(("?", "!", ".")) else "."
            out.append(
                (
                    doc.id,
                    Markup("<strong>{}</strong>: {}{} {}{}.").format(doc.short, doc.title, stop, doc.authors, date),
                )
            )
        return out


def citations(root: Path) -> BibliographyCitations:
    """The site's citations for the quizkit plugin (``citations: macros.content:citations``)."""
    return BibliographyCitations(load_bibliography(root / "docs" / "_data", root))


def abbreviations(root: Path) -> dict[str, str]:
    """The glossary's abbreviations for the quizkit plugin (``glossary: macros.content:abbreviations``).

    The same the site's pages explain (macros/__init__.py), so the quizzes, the SCORM packages and
    the Moodle files explain them too, also when the command line writes them.
    """
    data = root / "docs" / "_data"
    return load_glossary(data, root, load_bibliography(data, root)).as_abbr_glossary()
