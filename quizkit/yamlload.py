"""Load YAML while remembering on which line every mapping, list and value starts.

PyYAML's composed node tree knows line numbers; plain ``safe_load`` throws them away.
The loader below builds ordinary dicts and lists (so pydantic can validate them) and
keeps a side table from object path -> line, so that a validation error at
``items[3].options[1].correct`` can be reported at the right line of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .errors import ContentError

Loc = tuple[int | str, ...]


@dataclass
class LoadedYaml:
    """A parsed YAML document plus the line (1-based) of every path inside it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known node on ``loc`` (a pydantic-style location)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _RememberingResolver:
    """PyYAML's tag resolution for plain scalars, remembered per value.

    Which tag a plain scalar gets (``true`` a bool, ``12`` an int, ``tekst`` a string) depends
    on its text alone, and a question bank repeats the same keys and values thousands of times.
    """

    _plain_tags: ClassVar[dict[str, str]]

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)  # type: ignore[misc]
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[misc]


class _UniqueKeyLoader(_RememberingResolver, yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last."""

    line_offset = 0
    _plain_tags: ClassVar[dict[str, str]] = {}


_BaseFastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastUniqueKeyLoader(_RememberingResolver, _BaseFastLoader):
    """The same on libyaml's parser (about ten times faster on large question banks)."""

    line_offset = 0
    _plain_tags: ClassVar[dict[str, str]] = {}


_STR = "tag:yaml.org,2002:str"


def _construct(node: yaml.Node, loader: _UniqueKeyLoader, loc: Loc, lines: dict[Loc, int], path: str) -> Any:
    lines[loc] = node.start_mark.line + 1 + loader.line_offset
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR and isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise ContentError(
                    path,
                    key_node.start_mark.line + 1 + loader.line_offset,
                    f"sleutel '{key}' staat twee keer in dezelfde lijst",
                )
            result[key] = _construct(value_node, loader, (*loc, key), lines, path)
            # Point errors about a key at the key's own line.
            lines[(*loc, key)] = key_node.start_mark.line + 1 + loader.line_offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, loader, (*loc, i), lines, path) for i, child in enumerate(node.value)]
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value  # what SafeLoader makes of a string, without its dispatch
    return loader.construct_object(node, deep=True)


def load_yaml_text(text: str, path: str, line_offset: int = 0) -> LoadedYaml:
    """Parse ``text`` (the contents of ``path``) into a :class:`LoadedYaml`.

    ``line_offset`` is added to every line number, for YAML embedded in a larger file.

    Raises :class:`ContentError` with the line for malformed YAML or duplicate keys.
    """
    try:
        return _load_with(_FastUniqueKeyLoader, text, path, line_offset)
    except ContentError:
        # Report a mistake in the pure-Python parser's words, the same on every machine.
        return _load_with(_UniqueKeyLoader, text, path, line_offset)


def _load_with(loader_class: type, text: str, path: str, line_offset: int) -> LoadedYaml:
    loader = loader_class(text)
    loader.line_offset = line_offset
    try:
        node = loader.get_single_node()
        lines: dict[Loc, int] = {}
        data = None if node is None else _construct(node, loader, (), lines, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise ContentError(path, line, f"ongeldige YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise ContentError(path, None, f"ongeldige YAML: {exc}") from None
    finally:
        loader.dispose()
    return LoadedYaml(path=path, data=data, lines=lines)


def load_yaml(path: str | Path, display_root: str | Path | None = None) -> LoadedYaml:
    """Read and parse a YAML file; paths in errors are shown relative to ``display_root``."""
    path = Path(path)
    shown = str(path.relative_to(display_root)) if display_root else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(shown, None, "bestand niet gevonden") from None
    except UnicodeDecodeError as exc:
        raise ContentError(shown, None, f"bestand is geen geldige UTF-8-tekst ({exc.reason})") from None
    return load_yaml_text(text, shown)
