"""Fact lists: short structured lists (criteria, steps, modes, misconceptions) kept once in YAML.

A file ``docs/_data/lijsten/<id>.yml`` holds one list. Pages render it with
``{{ fact_list("<id>") }}``; pocket cards, quizzes and other pages use the same data.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from quizkit.errors import ContentError, raise_all
from quizkit.validate import Strict, require_file_name, require_unique, validate
from quizkit.yamlload import data_files, load_yaml

from .content import Bibliography, Id, Markdown, SourceRef, Text, check_source


class Fact(Strict):
    """One entry of a fact list."""

    id: Id
    title: Text
    tagline: Markdown | None = Field(None, description="A short motto, shown under the title")
    text: Markdown | None = Field(None, description="Markdown explanation in the site's own words")
    points: list[Text] = Field(default_factory=list, description="Markdown bullet points")
    example: Markdown | None = Field(None, description="A quotation from the source (example sentence or statement)")
    example_label: str = "Voorbeeld"
    source: SourceRef | None = Field(None, description="Only where it differs from the list's source")


class FactList(Strict):
    """A titled list of facts with one source."""

    id: Id
    title: Text
    intro: Markdown | None = None
    ordered: bool = False
    source: SourceRef
    items: list[Fact] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> FactList:
        require_unique([item.id for item in self.items], "id '{}' komt twee keer voor in deze lijst", at=("items",))
        return self


def load_fact_lists(list_dir: Path, root: Path, bib: Bibliography) -> dict[str, FactList]:
    """Load every ``*.yml`` in ``list_dir``; the file name must equal the list's id."""
    lists = (load_fact_list(path, root, bib) for path in data_files(list_dir, root, "lijst"))
    return {facts.id: facts for facts in lists}


def load_fact_list(path: Path, root: Path, bib: Bibliography | None) -> FactList:
    """Load and validate one fact list; its id is its file name, and every source must exist."""
    loaded = load_yaml(path, root)
    facts = validate(FactList, loaded)
    require_file_name(loaded, path.stem, ("id",), facts.id)
    sources: list[tuple[SourceRef, tuple[str | int, ...], str]] = [(facts.source, ("source",), facts.id)]
    sources += [(item.source, ("items", i, "source"), item.id) for i, item in enumerate(facts.items) if item.source]
    problems = []
    for source, where, item_id in sources:  # every unknown source at once
        try:
            check_source(source, bib, loaded.path, loaded.line_of(where), item_id)
        except ContentError as exc:
            problems.append(exc)
    raise_all(problems)
    return facts


def find_fact_list(lists: dict[str, FactList], list_id: str) -> FactList:
    """The list ``list_id``, or a :class:`ContentError` (the macro adds the page and the line of its call)."""
    if list_id not in lists:
        raise ContentError("", None, f"lijst '{list_id}' bestaat niet (bekend: {', '.join(sorted(lists))})")
    return lists[list_id]
