"""Worksheets ("werkbladen"): the handreiking's tools as fillable, printable forms.

Each sheet is built from the YAML the site already shows elsewhere (one source of truth):

- a **grid** from a data table in ``docs/_data/tabellen/``: the table's row headings become the
  sheet's rows, its other column headings the sheet's columns, and its cells the source's
  examples, shown only on request (never as answers);
- a **party grid** from the AMBIT table: the levels are the rows, the parties are columns the
  reader names, adds and removes; the source's parties and answers are the examples per row;
- a **plan** for a zorgafstemmingsgesprek from the fact lists of the handreiking (its steps,
  step 1's questions, the shared policy and the three-question summary).

The functions here build plain models; ``overrides/halk/worksheet.html`` renders them, and
``docs/assets/werkbladen/`` holds the script and styles that make them fillable and printable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from quizkit.errors import ContentError

from .content import SourceRef
from .facts import Fact, FactList, find_fact_list
from .pocket import full_citation
from .tables import find_table

if TYPE_CHECKING:
    from .site import SiteData

#: Most parties a party grid may have: eight columns still fit one A4 landscape page.
MAX_PARTIES = 8


@dataclass(frozen=True)
class SheetField:
    """One field to fill in: its key (stable within the sheet), label, hint and examples."""

    key: str
    label: str
    hint: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    lines: int = 3
    link: tuple[str, str] | None = None  # (text, URL) of a related sheet


@dataclass(frozen=True)
class Pairs:
    """A small two-column table to fill in (who does what), after a section's fields."""

    key: str
    caption: str
    left: str
    right: str
    rows: int


@dataclass(frozen=True)
class Section:
    """A titled group of fields on a plan sheet."""

    key: str
    title: str
    tagline: str | None
    steps: str
    fields: list[SheetField]
    examples: list[str] = field(default_factory=list)
    pairs: Pairs | None = None


@dataclass(frozen=True)
class Grid:
    """A grid sheet: rows × columns of fields; examples per cell or per row."""

    corner: str
    rows: list[str]
    columns: list[str]
    cell_examples: list[list[list[str]]]
    row_examples: list[list[str]] = field(default_factory=list)
    editable_columns: bool = False
    max_columns: int = MAX_PARTIES


@dataclass(frozen=True)
class Sheet:
    """A worksheet: what the template needs besides the site's helpers."""

    id: str
    kind: str  # grid | plan
    title: str
    landscape: bool
    source: Markup
    grid: Grid | None = None
    sections: list[Section] = field(default_factory=list)
    note: str | None = None


def _as_list(cell: str | list[str]) -> list[str]:
    return [cell] if isinstance(cell, str) else list(cell)


def grid_sheet(site: SiteData, name: str, table_id: str, sheet_id: str, title: str) -> Sheet:
    """A grid from the table ``name``/``table_id``: its cells become examples, never answers."""
    table = find_table(site.tables, name, table_id)
    if not table.row_headers or len(table.columns) < 2:
        raise ContentError("", None, f"werkblad: tabel '{table_id}' heeft geen rijkoppen en kolommen")
    grid = Grid(
        corner=table.columns[0],
        rows=[_as_list(row[0])[0] for row in table.rows],
        columns=list(table.columns[1:]),
        cell_examples=[[_as_list(cell) for cell in row[1:]] for row in table.rows],
    )
    return Sheet(sheet_id, "grid", title, True, full_citation(site, table.source), grid=grid, note=table.note)


def party_grid_sheet(site: SiteData, name: str, table_id: str, sheet_id: str, title: str, parties: list[str]) -> Sheet:
    """A grid whose columns are parties the reader names; the table's answers are examples per row.

    ``parties``: the columns a blank sheet starts with ("" for a column still to be named).
    """
    table = find_table(site.tables, name, table_id)
    if not 1 <= len(parties) <= MAX_PARTIES:
        raise ContentError("", None, f"werkblad: kies 1 tot en met {MAX_PARTIES} betrokkenen")
    who = table.columns[1:]
    row_examples = [
        [f"{party.lower()}: {'; '.join(_as_list(cell))}" for party, cell in zip(who, row[1:], strict=True)]
        for row in table.rows
    ]
    grid = Grid(
        corner=table.columns[0],
        rows=[_as_list(row[0])[0] for row in table.rows],
        columns=list(parties),
        cell_examples=[],
        row_examples=row_examples,
        editable_columns=True,
    )
    # The table's note explains the example; the sheet names only where it comes from.
    return Sheet(sheet_id, "grid", title, True, full_citation(site, table.source), grid=grid)


def _item(facts: FactList, item_id: str) -> Fact:
    for item in facts.items:
        if item.id == item_id:
            return item
    raise ContentError("", None, f"werkblad: lijst '{facts.id}' heeft geen item '{item_id}'")


def _text(item: Fact) -> list[str]:
    return ([item.text.strip()] if item.text else []) + list(item.points)


def plan_sheet(site: SiteData, sheet_id: str, title: str, links: dict[str, str]) -> Sheet:
    """The preparation sheet for a zorgafstemmingsgesprek, following the handreiking's steps.

    Its three parts are the summary's three questions (``samenvatting``); the fields come from
    step 1's questions (``handreiking-stap-achteruit``), the steps (``handreiking-stappen``) and
    the shared policy (``handreiking-beleid``). ``links``: URLs of the grid sheets by sheet id.
    """
    lists = site.fact_lists
    summary = find_fact_list(lists, "samenvatting")
    steps = find_fact_list(lists, "handreiking-stappen")
    back = find_fact_list(lists, "handreiking-stap-achteruit")
    policy = find_fact_list(lists, "handreiking-beleid")
    what, do, who = (_item(summary, i) for i in ("wat-is-er-aan-de-hand", "wat-moet-er-gebeuren", "wie-moet-het-doen"))
    model, plan, available = (_item(steps, i) for i in ("verklaringsmodel", "beleid", "beschikbaar"))
    coordinator, table, roles, expectations, stepwise, together = (
        _item(policy, i)
        for i in ("casuscoordinator", "om-tafel", "rollen", "verwachtingen", "stappenplan", "met-niet-over")
    )
    sections = [
        Section(
            key="wat",
            title=what.title,
            tagline=what.tagline,
            steps=f"Stap 1 en 2 van de handreiking: {_item(steps, 'diagnostiek').title.lower()}; {model.title.lower()}",
            fields=[
                *(SheetField(f"wat-{item.id}", item.title, hint=list(item.points)) for item in back.items),
                SheetField(
                    "wat-verklaringsmodel",
                    model.title,
                    hint=list(model.points),
                    lines=4,
                    link=("Werkblad Verklaringsmodel", links["verklaringsmodel"]),
                ),
            ],
            examples=list(what.points),
        ),
        Section(
            key="moet",
            title=do.title,
            tagline=do.tagline,
            steps=f"Stap 3 van de handreiking: {plan.title.lower()}",
            fields=[
                SheetField("moet-beleid", policy.title, lines=4),
                SheetField("moet-casuscoordinator", coordinator.title, hint=_text(coordinator), lines=2),
                SheetField(
                    "moet-verwachtingen",
                    expectations.title,
                    hint=_text(expectations),
                    lines=3,
                    link=("Werkblad Verwachtingen verhelderen (AMBIT)", links["ambit"]),
                ),
            ],
            examples=[*do.points, together.title, *_text(table)],
        ),
        Section(
            key="wie",
            title=who.title,
            tagline=who.tagline,
            steps=f"Stap 3 en 4 van de handreiking: {roles.title.lower()}; {available.title.lower()}",
            fields=[
                SheetField("wie-stappenplan", stepwise.title, hint=_text(stepwise), lines=4),
                SheetField("wie-beschikbaar", available.title, hint=list(available.points), lines=2),
            ],
            examples=list(who.points),
            pairs=Pairs("wie-rollen", roles.title, "Betrokkene", "Rol en taak", 5),
        ),
    ]
    return Sheet(
        sheet_id,
        "plan",
        title,
        False,
        _plan_sources(site, summary, steps, back, policy),
        sections=sections,
    )


def _plan_sources(site: SiteData, *lists: FactList) -> Markup:
    """One citation per source document, naming every place the lists come from (for paper)."""
    wheres: dict[str, list[str]] = {}
    for facts in lists:
        for ref in [facts.source, *(item.source for item in facts.items if item.source)]:
            places = wheres.setdefault(ref.doc, [])
            if ref.where not in places:
                places.append(ref.where)
    cites = [full_citation(site, SourceRef(doc=doc, where="; ".join(places))) for doc, places in wheres.items()]
    return Markup("; ").join(cites)


def render_sheet(site: SiteData, sheet: Sheet, assets: dict[str, str]) -> str:
    """HTML for one worksheet; ``assets`` maps ``css``/``js`` to URLs relative to the page."""
    return site.render("worksheet.html", sheet=sheet, assets=assets, max_parties=MAX_PARTIES)
