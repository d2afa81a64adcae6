"""Bar charts that are tables: one column of a data table gets a CSS bar in every cell.

A chart is the same table ``{{ table(...) }}`` would render (caption, headers, every row),
so screen readers and text browsers get a real table. Each cell of the value column also
carries a decorative bar whose width is the value as a share of the scale. No JavaScript,
no images, no third-party requests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizkit.errors import ContentError

from .tables import Table, find_table

if TYPE_CHECKING:
    from .site import SiteData

# "71", "71%", "71 %", "12,8%", "0.7" - a single figure, optionally a percentage.
_FIGURE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%?$")


@dataclass(frozen=True)
class Bar:
    """One bar: the figure as written in the YAML, its value and its width in percent."""

    text: str
    value: float
    width: float


@dataclass(frozen=True)
class BarChart:
    """A table plus the bars for one of its columns."""

    table: Table
    value_column: int
    scale: float
    bars: list[Bar]


def parse_figure(text: str) -> float | None:
    """The number in a cell such as ``"71%"`` or ``"12,8%"``; ``None`` if it is not one figure."""
    match = _FIGURE.match(text.strip())
    if not match:
        return None
    return float(match.group(1).replace(",", "."))


def build_bar_chart(table: Table, value_column: int, max_value: float | None = None) -> BarChart:
    """Compute the bars for ``value_column`` of ``table``.

    The scale is ``max_value`` (e.g. 100 for percentages) or else the largest value, so the
    longest bar fills the cell. Every cell of the column must be a single figure; anything
    else is a :class:`ContentError` naming the table and the row (the macro adds the page and line).
    """
    where = f"bar_chart('{table.id}')"
    if value_column < 1 or value_column >= len(table.columns):
        raise ContentError(
            "",
            None,
            f"{where}: value_column {value_column} bestaat niet (kies 1 tot en met {len(table.columns) - 1})",
        )
    values: list[tuple[str, float]] = []
    for i, row in enumerate(table.rows, start=1):
        cell = row[value_column]
        value = parse_figure(cell) if isinstance(cell, str) else None
        if value is None or not isinstance(cell, str):
            raise ContentError(
                "", None, f"{where}: rij {i}, kolom '{table.columns[value_column]}' is geen getal: {cell!r}"
            )
        values.append((cell, value))
    scale = max_value if max_value is not None else max(v for _, v in values)
    if scale <= 0:
        raise ContentError("", None, f"{where}: de schaal moet groter dan 0 zijn (nu {scale})")
    too_big = [text for text, v in values if v > scale]
    if too_big:
        raise ContentError("", None, f"{where}: waarde {too_big[0]} is groter dan max_value {scale}")
    bars = [Bar(text=text, value=v, width=round(100 * v / scale, 2)) for text, v in values]
    return BarChart(table=table, value_column=value_column, scale=scale, bars=bars)


def render_bar_chart(
    site: SiteData,
    name: str,
    table_id: str,
    value_column: int,
    bronnen_url: str,
    max_value: float | None = None,
) -> str:
    """HTML for the chart of ``docs/_data/tabellen/<name>.yml`` table ``table_id``."""
    table = find_table(site.tables, name, table_id)
    chart = build_bar_chart(table, value_column, max_value)
    return site.render("table.html", chart=chart, table=table, cite=lambda ref: site.cite(ref, bronnen_url))
