"""Data tables: structured facts kept once in YAML, rendered wherever a page needs them.

A table file ``docs/_data/tabellen/<name>.yml`` holds one or more tables. Each cell is
inline Markdown, or a list of inline Markdown strings rendered as a bulleted list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator

from quizkit.errors import ContentError, raise_all
from quizkit.validate import LocatedValueError, Strict, require_unique, validate
from quizkit.yamlload import data_files, load_yaml

from .content import Bibliography, Id, Markdown, SourceRef, Text, check_source


def _number_as_text(value: object) -> object:
    # Editors write figures as plain numbers (78, 12.8); a cell shows them as text.
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return [_number_as_text(v) for v in value]
    return value


def _cell_kind(value: object) -> str:
    return "list" if isinstance(value, list) else "text"


# A cell is a text or a list of texts. The discriminator picks one, so a mistake in a text is
# reported once, and not also as "moet een lijst zijn" (what the other member of a union says).
Cell = Annotated[
    Annotated[Markdown, Tag("text")] | Annotated[list[Text], Tag("list")],
    Discriminator(_cell_kind),
    BeforeValidator(_number_as_text),
]


class Table(Strict):
    """One table: a caption, column headings, rows of cells, and where the facts come from."""

    id: Id
    caption: Text
    source: SourceRef
    columns: list[Text] = Field(min_length=1)
    rows: list[list[Cell]] = Field(min_length=1)
    row_headers: bool = Field(True, description="First cell of each row is a row heading")
    numeric: list[int] = Field(default_factory=list, description="Indexes of columns with figures")
    note: Markdown | None = None

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        width = len(self.columns)
        for i, row in enumerate(self.rows):
            if len(row) != width:
                raise LocatedValueError(
                    ("rows", i), f"rij {i + 1} heeft {len(row)} cellen, de kolomkoppen zijn er {width}"
                )
        for col in self.numeric:
            if not 0 <= col < width:
                raise ValueError(f"numeric noemt kolom {col}, maar er zijn kolommen 0 tot en met {width - 1}")
        return self


class TableFile(Strict):
    """A file of tables."""

    tables: list[Table] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> TableFile:
        require_unique([table.id for table in self.tables], "tabel-id '{}' komt twee keer voor", at=("tables",))
        return self


def load_tables(table_dir: Path, root: Path, bib: Bibliography) -> dict[str, dict[str, Table]]:
    """Load every ``*.yml`` under ``table_dir``: ``{file stem: {table id: Table}}``."""
    return {
        path.stem: {t.id: t for t in load_table_file(path, root, bib).tables}
        for path in data_files(table_dir, root, "tabelbestand")
    }


def load_table_file(path: Path, root: Path, bib: Bibliography | None) -> TableFile:
    """Load and validate one table file; every table's source must exist (all unknown ones at once)."""
    loaded = load_yaml(path, root)
    tables = validate(TableFile, loaded)
    problems = []
    for i, table in enumerate(tables.tables):
        try:
            check_source(table.source, bib, loaded.path, loaded.line_of(("tables", i, "source")), table.id)
        except ContentError as exc:
            problems.append(exc)
    raise_all(problems)
    return tables


def find_table(tables: dict[str, dict[str, Table]], name: str, table_id: str) -> Table:
    """The table ``name``/``table_id``, or a :class:`ContentError` (the macro adds the page and the line)."""
    if name not in tables:
        raise ContentError("", None, f"tabelbestand '{name}' bestaat niet (bekend: {', '.join(sorted(tables))})")
    if table_id not in tables[name]:
        known = ", ".join(tables[name])
        raise ContentError("", None, f"tabel '{table_id}' staat niet in '{name}.yml' (bekend: {known})")
    return tables[name][table_id]
