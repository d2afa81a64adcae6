"""Every editor-facing message in the code has a row in CONTRIBUTING.md's table, and every row a message.

Design: the code is the catalogue. A message is written once, where the mistake is found (the
f-string names what it needs), so there is no second list of messages to keep in step with
the code. This test reads the messages out of the code with :mod:`ast`: every text handed to
``ContentError`` (directly, or through a variable set in the same function), to
``LocatedValueError`` and ``ValueError`` in validators, to ``require_unique``, Dutch pydantic
messages (``validate._MESSAGES``), and what the few functions that build a message return
(:data:`MESSAGE_FUNCTIONS`). Each becomes a pattern (``{...}`` parts match anything). The
table in CONTRIBUTING.md ("Wat betekent deze foutmelding?") gives each message as an editor
sees it, with example values; the test wants a row for every pattern and a pattern for every
row. Add a message in the code, and this test names it until the table explains it.
"""

from __future__ import annotations

import ast
import re

from helpers import ROOT

CODE_DIRS = ("quizkit", "macros", "hooks")
# Functions whose return value is a message (built there, reported elsewhere).
MESSAGE_FUNCTIONS = {
    *(
        "_call_problem",
        "_check_link",
        "check",
        "message_of",
        "origin_problem",
        "handler_problem",
        "repeated_id_problem",
        "style_problem",
        "_render_problem",
        "merged_list_message",
        "repeated_verdict_message",
        "repeated_verdicts",
    ),
}
# Messages for developers, not editors (a wrong plugin option), with the reason.
NOT_FOR_EDITORS = {
    "quizkit: citations 'macros.x:y' niet gevonden (No module named 'macros.x')",  # the plugin's option
    # The plugin's glossary option: a site without the abbr extension, a function that gives no glossary.
    "quizkit: glossary: de extensie abbr staat niet onder markdown_extensions; zet '- abbr' erbij of laat glossary weg",
    "quizkit: glossary 'macros.content:x' gaf geen woordenlijst: verwacht een dict van afkorting naar uitleg (tekst)",
    # A site's citations or glossary function that fails to import or to run: the site's code.
    "quizkit: glossary 'gloss:x' kan niet worden geladen (RuntimeError('stuk'))",
    "quizkit: glossary 'gloss:x' gaf een fout (RuntimeError('stuk'))",
    "quizkit: citations 'macros.content:x' niet gevonden (geen functie 'x' in macros.content)",
    # The schema command, given a folder: for whoever sets up a site's editor hints.
    "quizkit: schema is een map; geef de naam van het schemabestand, zoals quiz-module.schema.json",
}
# A pattern with fewer literal characters than this only joins other messages (f"{where}: {message}").
MIN_LITERAL = 8
TABLE_HEADING = "## Wat betekent deze foutmelding?"


def _pattern(node: ast.expr, constants: dict[str, str]) -> str | None:
    """A regular expression for the text ``node`` evaluates to; None when it is no text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _format_pattern(node.value)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(re.escape(str(value.value)))
            else:
                parts.append(".+?")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pattern(node.left, constants), _pattern(node.right, constants)
        return (left or ".+?") + (right or ".+?") if left or right else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _pattern(node.func.value, constants)
    if isinstance(node, ast.Name) and node.id in constants:
        return _format_pattern(constants[node.id])
    return None


def _format_pattern(text: str) -> str:
    """``str.format`` fields (``{}``, ``{name}``) match anything."""
    return ".+?".join(re.escape(part) for part in re.split(r"\{[^{}]*\}", text))


def _message_args(call: ast.Call) -> list[ast.expr]:
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    positions = {
        "ContentError": 2,
        "LocatedValueError": 1,
        "ValueError": 0,
        "require_unique": 1,
        "PluginError": 0,
        "UnreadableConfigError": 0,  # macros/offline.py: mkdocs.yml is no YAML (check and build)
        "_problem": 2,  # quizkit/bank.py: a question's type problem
    }
    if name not in positions:
        return []
    keyword = [k.value for k in call.keywords if k.arg in ("message", "msg")]
    index = positions[name]
    return keyword or ([call.args[index]] if len(call.args) > index else [])


def _message_nodes(func: ast.AST) -> list[ast.expr]:
    """The expressions in ``func`` (a function, or a module's top level) that are messages."""
    # Texts assigned to a name in this function, for messages passed on by name.
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    returns_messages = isinstance(func, ast.FunctionDef) and func.name in MESSAGE_FUNCTIONS
    nodes: list[ast.expr] = []
    for node in ast.walk(func):
        if isinstance(node, ast.Call):
            for arg in _message_args(node):
                nodes += assigned.get(arg.id, []) if isinstance(arg, ast.Name) else [arg]
        elif returns_messages and isinstance(node, ast.Return) and node.value is not None:
            nodes.append(node.value)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in ("_MESSAGES", "_EMPTY_MESSAGES") for t in node.targets
        ):
            assert isinstance(node.value, ast.Dict)
            nodes += [v for v in node.value.values if v is not None]
    return nodes


def code_messages() -> dict[str, str]:
    """Pattern -> where it is (``file:line``), for every editor-facing message in the code."""
    found: dict[str, str] = {}
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = {
                t.id: n.value.value
                for n in ast.walk(tree)
                if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                for t in n.targets
                if isinstance(t, ast.Name)
            }
            for func in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
                for node in _message_nodes(func):
                    pattern = _pattern(node, constants)
                    if pattern and len(re.sub(r"\.\+\?|\\", "", pattern)) >= MIN_LITERAL:
                        found.setdefault(pattern, f"{path.relative_to(ROOT)}:{node.lineno}")
    return {p: where for p, where in found.items() if not any(re.search(p, text) for text in NOT_FOR_EDITORS)}


def table_examples() -> list[str]:
    """The messages of CONTRIBUTING.md's table (the code spans in each row's first cell)."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0]
    examples = []
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split(" | ")[0]
            # A "|" in a table cell is written "\|", also in code.
            examples += [example.replace("\\|", "|") for example in re.findall(r"`([^`]+)`", first_cell)]
    return examples


def test_every_message_in_the_code_is_explained_in_contributing() -> None:
    examples = table_examples()
    missing = [
        f"{where}: {pattern}"
        for pattern, where in code_messages().items()
        if not any(re.search(pattern, example) for example in examples)
    ]
    assert not missing, "messages without a row in CONTRIBUTING.md's table:\n" + "\n".join(missing)


def test_every_row_of_the_table_is_a_message_of_the_code() -> None:
    patterns = list(code_messages())
    stale = [example for example in table_examples() if not any(re.search(p, example) for p in patterns)]
    assert not stale, "rows of CONTRIBUTING.md's table that no code writes:\n" + "\n".join(stale)


def test_the_extraction_finds_messages_of_every_kind() -> None:
    """The reader of the code does find the messages (a test that finds none would pass)."""
    patterns = code_messages()
    for text in (
        "veld 'x' staat twee keer in hetzelfde blok, ook op regel 3; verwijder er een",  # ContentError, format
        "items[0].stem: verplicht veld ontbreekt",  # validate._MESSAGES
        "geen enkele optie is juist (zet correct: true bij het juiste antwoord)",  # a validator's ValueError
        "fout in een macro-aanroep (x); controleer haakjes en aanhalingstekens",  # through a variable
        "table: argument 'x' ontbreekt",  # returned by _call_problem
    ):
        assert any(re.search(p, text) for p in patterns), text
    assert len(patterns) > 60
