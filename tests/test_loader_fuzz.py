"""Fuzz of the content loader: whatever an editor's file holds, the only error is a ContentError.

Arbitrary text and bytes, and the real question banks mutated (bytes cut, copied and inserted;
one value swapped for another shape), go through ``quizkit.yamlload`` and the bank validation.
Any exception other than :class:`~quizkit.errors.ContentError` (a traceback for the editor),
an error without a one-line message, or an example that runs longer than its time box fails.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizkit.bank import parse_bank
from quizkit.errors import ContentError, ContentErrorList
from quizkit.source import check_text
from quizkit.yamlload import (
    _TOO_DEEP,
    MAX_DEPTH,
    LoadedYaml,
    _event_problem,
    _load_with,
    _UniqueKeyLoader,
    check_no_field_in_text,
    check_no_list_in_folded,
    check_not_cut,
    load_yaml,
    load_yaml_text,
    text_rows,
)

BANKS = sorted((ROOT / "docs" / "_data" / "quiz").glob("*.yml"))
BANK_TEXTS = [path.read_bytes() for path in BANKS]
# Every YAML file of the site and the engine (banks, data, examples, locales).
ALL_DATA = sorted({*(ROOT / "docs" / "_data").rglob("*.yml"), *(ROOT / "quizkit").rglob("*.yml")})
# Seconds one example may take: a real bank loads in a few milliseconds.
TIME_BOX = 5

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


@contextmanager
def time_box(seconds: int = TIME_BOX) -> Iterator[None]:
    """Fail an example that runs longer than ``seconds`` (an input that makes the loader hang)."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"the loader took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_only_content_errors(load: Callable[[], object]) -> None:
    """``load()`` succeeds, or fails with content errors of one line each, within the time box."""
    with time_box():
        try:
            load()
        except ContentError as error:
            for one in error.errors if isinstance(error, ContentErrorList) else [error]:
                assert "\n" not in one.text and one.detail and one.path, repr(one.text)


# Text with YAML's special characters much more often than chance would give them.
YAMLISH = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("-:?[]{},&*!|>'\"%@`#\n\t \r<=~.0123456789abcxyz")),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)


@FUZZ
@given(text=YAMLISH)
def test_any_text_loads_or_gives_a_content_error(text: str) -> None:
    assert_only_content_errors(lambda: load_yaml_text(text, "x.yml"))


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_load_or_give_a_content_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(data)
    assert_only_content_errors(lambda: load_yaml(path, tmp_path))


def _check_bank(folder: Path, data: bytes, name: str = "casus.yml") -> None:
    path = folder / "docs" / "_data" / "quiz" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    assert_only_content_errors(lambda: parse_bank(path, folder))


@st.composite
def mutated_bank(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real bank with a few byte-level edits: cut, copied, inserted or overwritten."""
    index = draw(st.integers(0, len(BANKS) - 1))
    data = bytearray(BANK_TEXTS[index])
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 200)))
        kind = draw(st.sampled_from(["cut", "copy", "insert", "overwrite"]))
        if kind == "cut":
            del data[start:end]
        elif kind == "copy":
            at = draw(st.integers(0, len(data)))
            data[at:at] = data[start:end]
        elif kind == "insert":
            # YAML's own marks (an alias, a tag, a merge key...) followed by anything.
            mark = draw(st.sampled_from([b"\n", b": ", b"- ", b"&a ", b"*a", b"<<: ", b"!x ", b'"', b"[", b"\t"]))
            data[start:start] = mark + draw(st.binary(max_size=10))
        else:
            data[start:end] = draw(st.binary(min_size=end - start, max_size=end - start))
    return BANKS[index].name, bytes(data)


@FUZZ
@given(bank=mutated_bank())
def test_a_mutated_bank_loads_or_gives_content_errors(tmp_path: Path, bank: tuple[str, bytes]) -> None:
    _check_bank(tmp_path, bank[1], bank[0])


# Values of every shape YAML can give, to put where the bank expects something else.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=8,
)


def _paths(node: Any, at: tuple = ()) -> Iterator[tuple]:
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*at, i))


PARSED = [yaml.safe_load(text) for text in BANK_TEXTS]
PATHS = [list(_paths(data))[1:] for data in PARSED]


@FUZZ
@given(data=st.data())
def test_a_bank_with_a_value_of_another_shape_gives_content_errors(tmp_path: Path, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(BANKS) - 1))
    bank = yaml.safe_load(BANK_TEXTS[index])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(PATHS[index]))
        parent = bank
        try:
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = data.draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier swap changed the shape above this path
    _check_bank(tmp_path, yaml.safe_dump(bank, allow_unicode=True).encode(), BANKS[index].name)


@pytest.mark.parametrize("path", BANKS, ids=[p.stem for p in BANKS])
def test_the_real_banks_load(tmp_path: Path, path: Path) -> None:
    """The fuzz starts from valid banks (a mutation that changes nothing must load)."""
    parse_bank(path, ROOT)


# The one-pass loader (libyaml's events straight to dicts and lists) against the loader it
# replaced: every event checked first (aliases, tags, depth), then the composing loader, which is
# kept for reporting mistakes. The same data, the same line for every path, the same message.
def _two_pass(text: str) -> LoadedYaml:
    check_text(text, "x.yml", 0)
    depth = 0
    rows = text_rows(text)
    resolver = yaml.resolver.Resolver()
    blocks = []  # the blocks of text, for a field indented into one (after a load without mistakes)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            line = event.start_mark.line + 1 if event.start_mark else None
            problem = _event_problem(event, "x.yml", line)
            if problem is not None:
                raise problem
            if isinstance(event, yaml.ScalarEvent):
                check_not_cut(event, rows, resolver, "x.yml", 0)
                if event.style in (">", "|"):
                    blocks.append(event)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ContentError("x.yml", line, _TOO_DEEP)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if exc.problem and "nesting depth" in exc.problem and exc.problem_mark:
            raise ContentError("x.yml", exc.problem_mark.line + 1, _TOO_DEEP) from None
    try:
        loaded = _load_with(_CComposingLoader, text, "x.yml", 0)
    except ContentError:
        return _load_with(_UniqueKeyLoader, text, "x.yml", 0)
    if blocks:
        check_no_field_in_text(blocks, rows, set(_keys(loaded.data)), "x.yml", 0)
        check_no_list_in_folded(blocks, rows, "x.yml", 0)
    return loaded


def _keys(data: Any) -> Iterator[str]:
    """Every key of every mapping in ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from _keys(value)


class _CComposingLoader(yaml.CSafeLoader):
    """The composing loader on libyaml, as the two-pass loader had it."""

    line_offset = 0


def _both(text: str) -> tuple[Any, Any]:
    def outcome(load: Callable[[], LoadedYaml]) -> Any:
        try:
            loaded = load()
        except ContentError as error:
            return error.text
        return loaded.data, loaded.lines

    with time_box():
        return outcome(lambda: load_yaml_text(text, "x.yml")), outcome(lambda: _two_pass(text))


@pytest.mark.parametrize("path", ALL_DATA, ids=[str(p.relative_to(ROOT)) for p in ALL_DATA])
def test_one_pass_loader_gives_what_the_two_pass_loader_gives(path: Path) -> None:
    one_pass, two_pass = _both(path.read_text(encoding="utf-8"))
    assert not isinstance(one_pass, str), one_pass
    assert one_pass == two_pass


@FUZZ
@given(bank=mutated_bank())
def test_one_pass_loader_agrees_on_mutated_banks(bank: tuple[str, bytes]) -> None:
    one_pass, two_pass = _both(bank[1].decode("utf-8", "replace"))
    assert one_pass == two_pass


@FUZZ
@given(text=YAMLISH)
def test_one_pass_loader_agrees_on_any_text(text: str) -> None:
    one_pass, two_pass = _both(text)
    assert one_pass == two_pass


@FUZZ
@given(value=VALUES)
def test_one_pass_loader_reads_what_safe_dump_writes(value: Any) -> None:
    text = yaml.safe_dump({"waarde": value}, allow_unicode=True)
    one_pass, two_pass = _both(text)
    assert one_pass == two_pass
    if not isinstance(one_pass, str):  # not refused (a control character, say): SafeLoader's data
        assert one_pass[0] == yaml.safe_load(text)


def _laughs(levels: int, lead: str = "") -> str:
    """Aliases of aliases, ten each ("billion laughs"), after ``lead``."""
    lines = [lead + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


# Mistakes that once escaped as Python errors, were reported out of order, or let aliases
# through: each is one line, within the time box.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: !!int x\n",
            "x.yml:1: waarde 'x' past niet bij !!int; laat de tag weg of zet de waarde tussen aanhalingstekens",
        ),
        (
            "a: !!int ''\n",
            "x.yml:1: waarde '' past niet bij !!int; laat de tag weg of zet de waarde tussen aanhalingstekens",
        ),
        (
            "a: 1\nb: !!int x\nc: *z\n",
            "x.yml:3: verwijzing '*z' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit",
        ),
        (
            "a: <<\nb: &x 1\nc: *x\n",
            "x.yml:3: verwijzing '*x' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit",
        ),
        (
            "a: 1\n---\nb: *x\n",
            "x.yml:3: verwijzing '*x' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit",
        ),
        ("a: 1\n---\nb: !x y\n", "x.yml:3: YAML-tag '!x' is niet toegestaan; laat de tag weg"),
        # YAML 1.1's "value" key and merge key alone, as values or a key: no value of any type.
        ("a: 1\nb: =\n", "x.yml:2: YAML leest '=' hier niet als tekst; zet het tussen aanhalingstekens ('=')"),
        ("a: [x, <<]\n", "x.yml:1: YAML leest '<<' hier niet als tekst; zet het tussen aanhalingstekens ('<<')"),
        ("a: 1\n=: 2\n", "x.yml:2: YAML leest '=' hier niet als tekst; zet het tussen aanhalingstekens ('=')"),
        (
            "a: " + "1" * 5000 + "\n",
            "x.yml:1: getal van 5000 tekens (hoogstens 100); zet het tussen aanhalingstekens als het tekst is",
        ),
        (
            "a: 1" + ":59" * 30000 + "\n",
            "x.yml:1: getal van 90001 tekens (hoogstens 100); zet het tussen aanhalingstekens als het tekst is",
        ),
        # Numbers YAML changes: a Dutch thousands point, base 60, octal, an underscore.
        (
            "a: 1.200\n",
            'x.yml:1: YAML leest 1.200 als het getal 1.2; bedoelt u 1.200, zet het dan tussen aanhalingstekens ("1.200")',
        ),
        (
            "a: 1\nb: [x, 1:30]\n",
            'x.yml:2: YAML leest 1:30 als het getal 90; bedoelt u 1:30, zet het dan tussen aanhalingstekens ("1:30")',
        ),
        (
            "a: 012\n",
            'x.yml:1: YAML leest 012 als het getal 10; bedoelt u 012, zet het dan tussen aanhalingstekens ("012")',
        ),
        (
            "a: 1_000\n",
            'x.yml:1: YAML leest 1_000 als het getal 1000; bedoelt u 1_000, zet het dan tussen aanhalingstekens ("1_000")',
        ),
        (
            "a: \ufffe\n",
            "x.yml:1: onzichtbaar stuurteken U+FFFE in de tekst (vaak meegekopieerd uit een pdf of dia); verwijder het",
        ),
        (
            'a: ok\nb: "x\\x07"\n',
            "x.yml:2: onzichtbaar stuurteken U+0007 in de tekst (een '\\'-code tussen dubbele aanhalingstekens); "
            "verwijder de code",
        ),
        (
            '"k\\a": 1\n',
            "x.yml:1: onzichtbaar stuurteken U+0007 in de tekst (een '\\'-code tussen dubbele aanhalingstekens); "
            "verwijder de code",
        ),
        (
            'a: ["\\N"]\n',
            "x.yml:1: onzichtbaar stuurteken U+0085 in de tekst (een '\\'-code tussen dubbele aanhalingstekens); "
            "verwijder de code",
        ),
        (
            'a: "\\ud800"\n',
            "x.yml:1: teken U+D800 bestaat niet (een '\\u'-code voor een halve surrogaat); verwijder het",
        ),
        # libyaml stops at the byte-order mark in line 2, PyYAML's own parser reads on: the
        # aliases after it must be refused there too, not expanded.
        (
            _laughs(6, "a: 1\n\ufeff}: 1\n"),
            "x.yml:4: verwijzing '*a0' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit",
        ),
    ],
)
def test_mistakes_give_one_line_in_order(text: str, expected: str) -> None:
    with time_box(), pytest.raises(ContentError) as caught:
        load_yaml_text(text, "x.yml")
    assert caught.value.text == expected
