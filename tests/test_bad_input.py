"""Bad input of every kind stops ``make build`` with one Dutch line per problem and publishes nothing.

Each case breaks one thing in a copy of the real project and runs the publishing build
(``python -m macros.build``: strict build elsewhere, swapped in only on success) against a
site folder that holds an earlier site. The case asserts the exact lines the editor reads
(``file:line: [item] message``, every one and nothing else), the exit code, that no Python
traceback or mkdocs-macros error page appears, and that the earlier site is byte for byte
what it was. Harmless inputs (a byte-order mark, Windows line endings) must build.

A copy of the project is a few milliseconds; a build that stops at the data files takes about
a second, one that stops after reading every page two to four. Run with ``-n 2``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, publish

from macros.build import NOT_PUBLISHED

Edit = Callable[[Path], None]

BANK = "docs/_data/quiz/casus.yml"
NEW_BANK = "docs/_data/quiz/kapot.yml"
TABLE = "docs/_data/tabellen/kapot.yml"
LIST = "docs/_data/lijsten/criteria.yml"
PAGE = "docs/alk.md"
MODULE_PAGE = "docs/leermodules/casus.md"
# A call appended to a page (after a blank line) is on this line of PAGE.
PAGE_CALL = len((ROOT / PAGE).read_text(encoding="utf-8").splitlines()) + 2
HEADING_LINE = (ROOT / PAGE).read_text(encoding="utf-8").splitlines().index("## Wat is ALK? { #definitie }") + 1
MODULE_PAGE_CALL = len((ROOT / MODULE_PAGE).read_text(encoding="utf-8").splitlines()) + 2
MODULE_QUIZ_LINE = (ROOT / MODULE_PAGE).read_text(encoding="utf-8").splitlines().index('{{ quiz("casus") }}') + 1
ANSWER_KEY_PAGE = "docs/leermodules/antwoorden/casus.md"
ANSWER_KEY_LINE = (ROOT / ANSWER_KEY_PAGE).read_text(encoding="utf-8").splitlines().index(
    '{{ answer_key("casus") }}'
) + 1
SOURCES_OF_PAGE = "sources:\n  - doc: profielschets\n    where: hoofdstuk 1\n"  # valid sources for new front matter

# -- edits --------------------------------------------------------------------------------------


def write(rel: str, text: str, encoding: str = "utf-8") -> Edit:
    return lambda project: _write_bytes(project / rel, text.encode(encoding))


def write_bytes(rel: str, data: bytes) -> Edit:
    return lambda project: _write_bytes(project / rel, data)


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def append(rel: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")

    return edit


def replace(rel: str, old: str, new: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def mkdir(rel: str) -> Edit:
    return lambda project: (project / rel).mkdir(parents=True)


def page_with_front_matter(front: str, body: str = "# Titel\n\nTekst.\n") -> Edit:
    """PAGE with new front matter (between the two ``---`` lines, from line 2)."""
    return write(PAGE, f"---\n{front}---\n\n{body}")


# -- content ------------------------------------------------------------------------------------

# Nine levels of ten: a billion x's once every alias is expanded.
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)
ALIAS = "verwijzing '*a' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit"
CONTROL = "onzichtbaar stuurteken {} in de tekst (vaak meegekopieerd uit een pdf of dia); verwijder het"
ESCAPED_CONTROL = (
    "onzichtbaar stuurteken {} in de tekst (een '\\'-code tussen dubbele aanhalingstekens); verwijder de code"
)
NOT_UTF8 = "bestand is geen UTF-8-tekst (byte 0x{}); sla het op als UTF-8"
DEEP = "te diep genest (meer dan 50 niveaus lijsten en blokken in elkaar)"
UNDEFINED = "'{}' is geen macro of variabele van deze site (let op de spelling)"
ON_PAGE_TWICE = (
    "[item {id}] {macro}: vraag '{id}' staat al eerder op deze pagina; een vraag mag maar één keer op een pagina staan"
)
SYNTAX = "fout in een macro-aanroep ({}); controleer haakjes en aanhalingstekens"
MERGED_LIST = (
    "de lijst die begint met '{}' staat direct onder een zin, zonder witregel ertussen: Markdown maakt er dan "
    "geen lijst van, maar plakt de regels achter die zin; zet een witregel vóór de lijst{}; is het geen lijst, "
    "zet dan een '\\' vóór het streepje of sterretje, of vóór de punt na het getal (1\\.)"
)
IN_YAML = " (in YAML in een tekst met '|')"
OPEN_QUOTE = "ongeldige YAML: aanhalingsteken niet gesloten? De tekst tussen aanhalingstekens loopt door tot regel {}"
BAD_ID = "ongeldige id: gebruik alleen kleine letters, cijfers en streepjes (bijvoorbeeld 'verwijzen-stap-1')"

# A small valid bank, for cases that break one thing in it (line numbers in the comments).
SMALL_BANK = """\
module:
  id: kapot
  title: Kapot
  description: Een bank om te breken.
  version: 1
  minutes: 5
  pass_mark: 70
  objectives: [iets]
items:
  - id: kapot-een
    type: single
    stem: Vraag?
    source: {doc: profielschets, where: "1.2"}
    options:
      - text: A
        correct: true
      - text: B
"""
# line 10: "- id: kapot-een"


def bank_item(item_id: str, stem: str = "Nog een?") -> str:
    return (
        f"  - id: {item_id}\n    type: truefalse\n    stem: {stem}\n"
        '    source: {doc: profielschets, where: "1.2"}\n    statements: [{text: x, answer: true}]\n'
    )


# A small valid table file (id on line 2).
SMALL_TABLE = """\
tables:
  - id: kapot
    caption: Kapot
    source: {doc: profielschets, where: x}
    columns: [a, b]
    rows:
      - [een, twee]
"""


@dataclass(frozen=True)
class Case:
    """One bad input: the edits to the project and every line the build must print for it."""

    edits: tuple[Edit, ...]
    lines: tuple[str, ...]


def case(*edits: Edit, lines: list[str] | str) -> Case:
    return Case(tuple(edits), (lines,) if isinstance(lines, str) else tuple(lines))


def call_on_page(text: str, message: str) -> Case:
    """``text`` on a line of its own at the end of PAGE, and the one ``message`` for that line."""
    return case(append(PAGE, text + "\n"), lines=f"{PAGE}:{PAGE_CALL}: {message}")


CASES: dict[str, Case] = {
    # -- YAML aliases and merge keys (memory and time) ---------------------------------------
    "laughs-in-bank": case(write(NEW_BANK, LAUGHS), lines=f"{NEW_BANK}:2: {ALIAS}"),
    "laughs-in-table": case(write(TABLE, LAUGHS), lines=f"{TABLE}:2: {ALIAS}"),
    "laughs-in-list": case(
        write("docs/_data/lijsten/kapot.yml", LAUGHS), lines=f"docs/_data/lijsten/kapot.yml:2: {ALIAS}"
    ),
    "laughs-in-glossary": case(
        write("docs/_data/woordenlijst.yml", LAUGHS), lines=f"docs/_data/woordenlijst.yml:2: {ALIAS}"
    ),
    "laughs-in-front-matter": case(
        page_with_front_matter("title: X\ndescription: Y\n" + SOURCES_OF_PAGE + LAUGHS), lines=f"{PAGE}:8: {ALIAS}"
    ),
    "alias-in-bank-item": case(
        replace(
            BANK,
            "  - id: casus-handreiking-advies\n    type: case\n",
            "  - id: casus-handreiking-advies\n    type: *t\n",
        ),
        replace(
            BANK, "  - id: casus-kennismaking\n    type: case\n", "  - id: casus-kennismaking\n    type: &t case\n"
        ),
        lines=f"{BANK}:105: verwijzing '*t' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit",
    ),
    "merge-key-overriding-a-field": case(
        write(TABLE, "basis: &basis\n  caption: Een\n  columns: [a]\ntables:\n  - <<: *basis\n    caption: Twee\n"),
        lines=f"{TABLE}:5: verwijzing '*basis' is niet toegestaan (ook niet in '<<:'); schrijf de tekst of de velden voluit",
    ),
    "merge-key-inline": case(
        write(TABLE, "tables:\n  - <<: {caption: Een, columns: [a]}\n    id: x\n"),
        lines=f"{TABLE}:2: samenvoegen met '<<:' is niet toegestaan; schrijf de velden voluit",
    ),
    # -- keys -----------------------------------------------------------------------------------
    "complex-key-in-bank": case(
        write(NEW_BANK, SMALL_BANK + "? [a, b]\n: x\n"),
        lines=f"{NEW_BANK}:18: een sleutel moet een gewone naam zijn, geen lijst of blok",
    ),
    "complex-flow-key-in-table": case(
        write(TABLE, SMALL_TABLE.replace("    caption: Kapot\n", "    caption: Kapot\n    {[a]: 1}: x\n")),
        lines=f"{TABLE}:4: een sleutel moet een gewone naam zijn, geen lijst of blok",
    ),
    "yes-no-key-in-list": case(
        replace(LIST, "ordered: true\n", "ordered: true\nno: 1\n"),
        lines=f"{LIST}:10: sleutel 'no' moet tekst zijn; zet hem tussen aanhalingstekens",
    ),
    "number-key-in-bank": case(
        write(NEW_BANK, SMALL_BANK.replace("    stem: Vraag?\n", "    stem: Vraag?\n    12: x\n")),
        lines=f"{NEW_BANK}:13: sleutel '12' moet tekst zijn; zet hem tussen aanhalingstekens",
    ),
    "duplicate-key-in-front-matter": case(
        page_with_front_matter("title: X\ndescription: Y\ntitle: Z\n" + SOURCES_OF_PAGE),
        lines=f"{PAGE}:4: veld 'title' staat twee keer in hetzelfde blok, ook op regel 2; verwijder er een",
    ),
    # -- tags -----------------------------------------------------------------------------------
    "python-tag-in-bank": case(
        write(NEW_BANK, SMALL_BANK.replace("stem: Vraag?", "stem: !!python/object/apply:os.system [ls]")),
        lines=f"{NEW_BANK}:12: YAML-tag '!!python/object/apply:os.system' is niet toegestaan; laat de tag weg",
    ),
    "custom-tag-in-table": case(
        write(TABLE, SMALL_TABLE.replace("caption: Kapot", "caption: !include andere.yml")),
        lines=f"{TABLE}:3: YAML-tag '!include' is niet toegestaan; laat de tag weg",
    ),
    "binary-tag-in-front-matter": case(
        page_with_front_matter("title: !!binary aGFsbG8=\ndescription: Y\n" + SOURCES_OF_PAGE),
        lines=f"{PAGE}:2: YAML-tag '!!binary' is niet toegestaan; laat de tag weg",
    ),
    "python-tag-in-front-matter": case(
        page_with_front_matter("title: X\ndescription: !!python/name:os.system\n" + SOURCES_OF_PAGE),
        lines=f"{PAGE}:3: YAML-tag '!!python/name:os.system' is niet toegestaan; laat de tag weg",
    ),
    # -- size and depth ---------------------------------------------------------------------------
    "deep-flow-nesting-in-bank": case(
        write(NEW_BANK, "module:\n  id: " + "[" * 100_000 + "\n"), lines=f"{NEW_BANK}:2: {DEEP}"
    ),
    "deep-block-nesting-in-table": case(
        write(TABLE, "".join(f"{'  ' * i}k{i}:\n" for i in range(60)) + "  " * 60 + "x\n"),
        lines=f"{TABLE}:51: {DEEP}",
    ),
    "huge-bank": case(
        write(NEW_BANK, SMALL_BANK + "# " + "x" * 2_100_000 + "\n"),
        lines=f"{NEW_BANK}: bestand is te groot (2100 kB; hoogstens 2000 kB); splits het op",
    ),
    # -- encodings and control characters ------------------------------------------------------
    "latin-1-page": case(
        write(PAGE, "---\ntitle: Café\ndescription: Y\n" + SOURCES_OF_PAGE + "---\n\n# Café\n", "latin-1"),
        lines=f"{PAGE}:2: {NOT_UTF8.format('E9')}",
    ),
    "utf-16-page": case(write(PAGE, "---\ntitle: X\n---\n", "utf-16"), lines=f"{PAGE}:1: {NOT_UTF8.format('FF')}"),
    "latin-1-bank": case(
        write(NEW_BANK, SMALL_BANK.replace("Een bank om te breken.", "Een bank voor één café."), "latin-1"),
        lines=f"{NEW_BANK}:4: {NOT_UTF8.format('E9')}",
    ),
    "cp1252-quotes-in-table": case(
        write(TABLE, SMALL_TABLE.replace("caption: Kapot", "caption: “Kapot”"), "cp1252"),
        lines=f"{TABLE}:3: {NOT_UTF8.format('93')}",
    ),
    "nul-byte-in-bank": case(
        write(NEW_BANK, SMALL_BANK.replace("stem: Vraag?", "stem: Vraag\x00?")),
        lines=f"{NEW_BANK}:12: {CONTROL.format('U+0000')}",
    ),
    # A bank that passes its schema but that Moodle cannot take stops the build before any page.
    "moodle-cannot-take-it": case(
        write(
            NEW_BANK,
            SMALL_BANK
            + "  - id: kapot-twee\n    type: classify\n    stem: Sorteer.\n"
            + '    source: {doc: profielschets, where: "1.2"}\n'
            + "    categories: [{id: a, label: Ja}, {id: b, label: '*Ja*'}]\n"
            + "    statements: [{text: Een, category: a}, {text: Twee, category: b}]\n",
        ),
        lines=f"{NEW_BANK}:{SMALL_BANK.count(chr(10)) + 1}: [item kapot-twee] Moodle XML: twee keuzes zijn als "
        "platte tekst gelijk: Ja, Ja",
    ),
    # Written as an escape, the control character passes the file's check; the text's stops it.
    "escaped-bell-in-bank": case(
        write(NEW_BANK, SMALL_BANK.replace("stem: Vraag?", 'stem: "Vraag\\a?"')),
        lines=f"{NEW_BANK}:12: {ESCAPED_CONTROL.format('U+0007')}",
    ),
    "escape-character-in-table": case(
        write(TABLE, SMALL_TABLE.replace("[een, twee]", "[een\x1b, twee]")),
        lines=f"{TABLE}:7: {CONTROL.format('U+001B')}",
    ),
    "c1-control-in-glossary": case(
        replace("docs/_data/woordenlijst.yml", "  - abbr: ALK\n", "  - abbr: ALK\u0085\n"),
        lines=f"docs/_data/woordenlijst.yml:12: {CONTROL.format('U+0085')}",
    ),
    "nul-byte-in-page": case(
        replace(PAGE, "## Wat is ALK? { #definitie }\n", "## Wat is ALK? { #definitie }\n\x00\n"),
        lines=f"{PAGE}:{HEADING_LINE + 1}: {CONTROL.format('U+0000')}",
    ),
    # Found only while the page renders (mkdocs-macros would print a traceback and exit).
    "sum-with-text-on-page": call_on_page(
        '{{ 1 + "a" }}',
        "fout bij het invullen van de pagina (unsupported operand type(s) for +: 'int' and 'str'); "
        "controleer de macro of variabele op deze regel",
    ),
    "length-of-a-misspelt-name": call_on_page("{{ onbekend | length }}", UNDEFINED.format("onbekend")),
    "include-of-a-missing-file": call_on_page(
        '{% include "nergens.md" %}', "bestand 'nergens.md' niet gevonden (in een {% include %} of {% import %})"
    ),
    "vertical-tab-in-page": call_on_page("Tekst met een\x0bverticale tab.", CONTROL.format("U+000B")),
    "control-character-in-front-matter": case(
        page_with_front_matter("title: X\x07\ndescription: Y\n" + SOURCES_OF_PAGE),
        lines=f"{PAGE}:2: {CONTROL.format('U+0007')}",
    ),
    # -- files and folders ------------------------------------------------------------------------
    "folder-named-like-a-bank": case(
        mkdir("docs/_data/quiz/x.yml"),
        lines="docs/_data/quiz/x.yml: is een map, geen vragenbank; geef de map een andere naam",
    ),
    "bank-saved-as-yaml": case(
        write("docs/_data/quiz/kapot.yaml", SMALL_BANK),
        lines="docs/_data/quiz/kapot.yaml: een vragenbank eindigt op .yml, niet op .yaml; hernoem het bestand",
    ),
    "bank-saved-as-upper-case-yml": case(
        write("docs/_data/quiz/kapot.YML", SMALL_BANK),
        lines="docs/_data/quiz/kapot.YML: een vragenbank eindigt op .yml, niet op .YML; hernoem het bestand",
    ),
    "folder-named-like-a-bank-in-capitals": case(
        mkdir("docs/_data/quiz/x.YML"),
        lines="docs/_data/quiz/x.YML: is een map, geen vragenbank; geef de map een andere naam",
    ),
    "folder-named-like-a-table": case(
        mkdir("docs/_data/tabellen/x.yml"),
        lines="docs/_data/tabellen/x.yml: is een map, geen tabelbestand; geef de map een andere naam",
    ),
    "list-saved-as-yaml": case(
        write("docs/_data/lijsten/kapot.yaml", "id: kapot\n"),
        lines="docs/_data/lijsten/kapot.yaml: een lijst eindigt op .yml, niet op .yaml; hernoem het bestand",
    ),
    # -- malformed YAML: the line of the mistake -------------------------------------------------
    "unclosed-quote-in-bank": case(
        write(NEW_BANK, SMALL_BANK.replace("stem: Vraag?", 'stem: "Vraag?')),
        lines=f"{NEW_BANK}:12: {OPEN_QUOTE.format(13)}",
    ),
    "unclosed-quote-in-front-matter": case(
        page_with_front_matter('title: "X\ndescription: Y\n' + SOURCES_OF_PAGE),
        lines=f"{PAGE}:2: {OPEN_QUOTE.format(7)}",
    ),
    "unclosed-bracket-in-table": case(
        write(TABLE, SMALL_TABLE.replace("[een, twee]", "[een, twee\n      - [drie, vier]")),
        lines=f"{TABLE}:7: ongeldige YAML: haakje niet gesloten? (expected ',' or ']', but got '[' op regel 8)",
    ),
    # -- ids: case, invisible characters, HTML ids, length ---------------------------------------
    "id-in-capitals": case(
        write(NEW_BANK, SMALL_BANK + bank_item("Kapot-Twee")),
        lines=f"{NEW_BANK}:18: [item Kapot-Twee] items[1].id: {BAD_ID}",
    ),
    "id-differing-only-in-case-across-banks": case(
        write(NEW_BANK, SMALL_BANK + bank_item("Casus-Kennismaking")),
        lines=f"{NEW_BANK}:18: [item Casus-Kennismaking] items[1].id: {BAD_ID}",
    ),
    "id-with-zero-width-space": case(
        write(NEW_BANK, SMALL_BANK + bank_item("kapot-een\u200b")),
        lines=f"{NEW_BANK}:18: [item kapot-een\\u200b] items[1].id: {BAD_ID}",
    ),
    "id-differing-by-no-break-space": case(
        write(NEW_BANK, SMALL_BANK + bank_item('"kapot-een\u00a0"')),
        lines=f"{NEW_BANK}:18: [item kapot-een] id 'kapot-een' komt ook voor in {NEW_BANK}:10; "
        "een id is uniek over alle modules: het item dat al gepubliceerd is, houdt zijn id (daaraan hangt de voortgang van cursisten); geef het andere een nieuwe id",
    ),
    "ids-whose-html-ids-collide": case(
        write(NEW_BANK, SMALL_BANK + bank_item("kapot-een-0")),
        lines=f"{NEW_BANK}:18: [item kapot-een-0] id 'kapot-een-0' begint met de id van vraag 'kapot-een' "
        f"({NEW_BANK}:10) plus '-'; de HTML-ids van beide vragen kunnen dan botsen: kies een andere id",
    ),
    "ids-whose-html-ids-collide-across-banks": case(
        write(NEW_BANK, SMALL_BANK + bank_item("casus-kennismaking-eerste-presentatie")),
        lines=f"{NEW_BANK}:18: [item casus-kennismaking-eerste-presentatie] id 'casus-kennismaking-eerste-presentatie' "
        f"begint met de id van vraag 'casus-kennismaking' ({BANK}:17) plus '-'; "
        "de HTML-ids van beide vragen kunnen dan botsen: kies een andere id",
    ),
    "id-too-long-for-scorm": case(
        write(NEW_BANK, SMALL_BANK + bank_item("kapot-" + "x" * 250)),
        lines=f"{NEW_BANK}:18: [item kapot-{'x' * 250}] id is 256 tekens lang; SCORM 1.2 staat hoogstens 255 tekens toe",
    ),
    "table-id-with-no-break-space-inside": case(
        write(TABLE, SMALL_TABLE.replace("id: kapot", 'id: "ka\u00a0pot"')),
        lines=f"{TABLE}:2: [item ka\\u00a0pot] tables[0].id: {BAD_ID}",
    ),
    "list-entry-id-in-capitals": case(
        replace(LIST, "  - id: geen-effect\n", "  - id: Geen-Effect\n"),
        lines=f"{LIST}:12: [item Geen-Effect] items[0].id: {BAD_ID}",
    ),
    # -- the same quiz twice on a page -------------------------------------------------------------
    "item-on-its-own-module-page": case(
        append(MODULE_PAGE, '{{ quiz_item("casus-gemiste-diagnose") }}\n'),
        lines=f"{MODULE_PAGE}:{MODULE_PAGE_CALL}: "
        + ON_PAGE_TWICE.format(id="casus-gemiste-diagnose", macro="quiz_item"),
    ),
    "same-quiz-twice-on-a-page": case(
        append(MODULE_PAGE, '{{ quiz("casus") }}\n'),
        lines=f"{MODULE_PAGE}:{MODULE_PAGE_CALL}: " + ON_PAGE_TWICE.format(id="casus-kennismaking", macro="quiz"),
    ),
    "same-item-twice-on-a-page": case(
        append(PAGE, '{{ quiz_item("casus-gemiste-diagnose") }}\n\n{{ quiz_item("casus-gemiste-diagnose") }}\n'),
        lines=f"{PAGE}:{PAGE_CALL + 2}: " + ON_PAGE_TWICE.format(id="casus-gemiste-diagnose", macro="quiz_item"),
    ),
    # -- macro calls: arguments, names, syntax (the line of the call) ---------------------------
    "macro-missing-an-argument": call_on_page('{{ table("alk") }}', "table: argument 'table_id' ontbreekt"),
    "macro-with-too-many-arguments": call_on_page(
        '{{ fact_list("criteria", "list", true, "x") }}',
        "fact_list: te veel argumenten (bekend: list_id, style, show_title)",
    ),
    "macro-with-unknown-keyword": call_on_page(
        '{{ table("alk", tabel="duur") }}', "table: onbekend argument 'tabel' (bekend: name, table_id)"
    ),
    "macro-with-keyword-arguments": case(
        append(PAGE, 'Tekst.\n\n{{ table(name="alk", table_id="bestaat-niet") }}\n'),
        lines=f"{PAGE}:{PAGE_CALL + 2}: tabel 'bestaat-niet' staat niet in 'alk.yml' (bekend: duur, dsm5)",
    ),
    "macro-with-a-number-for-text": call_on_page('{{ table("alk", 5) }}', "table: argument 'table_id' moet tekst zijn"),
    # An editor's journey: a module id without quotes in the index's list.
    "macro-with-a-name-without-quotes-in-a-list": call_on_page(
        '{{ quiz_index(["casus", handreiking]) }}',
        "quiz_index: argument 'order', waarde 2: moet tekst zijn; staat er een naam zonder aanhalingstekens? Schrijf "
        'elke naam in de lijst tussen aanhalingstekens, zoals ["casus", "handreiking"]',
    ),
    "macro-with-text-for-a-number": call_on_page(
        '{{ bar_chart("alk", "duur", "twee") }}', "bar_chart: argument 'value_column' moet een geheel getal zijn"
    ),
    "macro-call-split-over-lines": call_on_page(
        '{{ table(\n    "alk",\n    "bestaat-niet",\n) }}',
        "tabel 'bestaat-niet' staat niet in 'alk.yml' (bekend: duur, dsm5)",
    ),
    "misspelt-macro": call_on_page('{{ tabel("alk", "duur") }}', UNDEFINED.format("tabel")),
    "undefined-variable": call_on_page("Versie {{ inhoudsversie }}.", UNDEFINED.format("inhoudsversie")),
    "unclosed-quote-in-macro-call": call_on_page(
        '{{ table("alk, "duur") }}\n\nTekst.\n\n{{ fact_list("criteria") }}',
        "aanhalingsteken niet gesloten in een macro-aanroep",
    ),
    "unclosed-parenthesis": call_on_page(
        '{{ table("alk", "duur" }}',
        SYNTAX.format("unexpected '}', expected ')'"),
    ),
    "unclosed-block": case(
        append(PAGE, "{% if true %}\nTekst.\n"),
        lines=f"{PAGE}:{PAGE_CALL}: blok '{{% if ... %}}' niet gesloten: zet '{{% endif %}}' waar het blok eindigt",
    ),
    "curly-quotes-in-macro-call": call_on_page(
        "{{ fact_list(‘criteria’) }}",
        "gekruld aanhalingsteken ‘ in een macro-aanroep: gebruik rechte aanhalingstekens (\" of '), "
        'bijvoorbeeld {{ quiz("casus") }}',
    ),
    "unknown-filter": call_on_page('{{ "x" | vet }}', SYNTAX.format("No filter named 'vet'.")),
    # -- what check once called "in orde" while the page was wrong (editors' journeys) -------
    "macro-call-with-one-opening-brace": call_on_page(
        '{ fact_list("criteria") }} en `{ in_code() }}`',
        "'{ fact_list(\"criteria\") }}' begint met één '{': zo is het geen macro, en komt het als tekst op de "
        "pagina; zet een macro tussen '{{' en '}}'",
    ),
    "module-page-copied-with-the-old-module": case(
        replace(MODULE_PAGE, '{{ quiz("casus") }}', '{{ quiz("verwijzen") }}'),
        lines=f"{MODULE_PAGE}:{MODULE_QUIZ_LINE}: quiz(\"verwijzen\") op de pagina van leermodule 'casus' "
        '(module_page in mkdocs.yml: docs/leermodules/<id>.md); bedoelt u quiz("casus")?',
    ),
    "answer-key-in-the-menu": case(
        replace(
            "mkdocs.yml",
            "      - leermodules/trainers.md\n",
            "      - leermodules/trainers.md\n      - leermodules/antwoorden/casus.md\n",
        ),
        lines=f"{ANSWER_KEY_PAGE}:{ANSWER_KEY_LINE}: deze antwoordsleutel staat in het menu (nav in mkdocs.yml), "
        "zodat leerlingen de antwoorden daar vinden; haal de pagina uit nav (de trainerspagina linkt ernaar)",
    ),
    "list-right-under-a-sentence-in-a-bank": case(
        write(
            NEW_BANK,
            SMALL_BANK.replace(
                "    stem: Vraag?\n", "    stem: Vraag?\n    explanation: |-\n      Let op:\n      - a\n      - b\n"
            ),
        ),
        lines=f"{NEW_BANK}:13: [item kapot-een] items[0].explanation: {MERGED_LIST.format('- a', IN_YAML)}",
    ),
    "list-right-under-a-sentence-on-a-page": case(
        append(PAGE, "Let op:\n- een\n- twee\n\nEn `code`:\n\n```\nTekst:\n- geen lijst\n```\n"),
        lines=f"{PAGE}:{PAGE_CALL + 1}: {MERGED_LIST.format('- een', '')}",
    ),
    "list-in-a-folded-text-in-a-bank": case(
        write(
            NEW_BANK,
            SMALL_BANK.replace(
                "    stem: Vraag?\n", "    stem: Vraag?\n    explanation: >-\n      Let op:\n\n      - a\n      - b\n"
            ),
        ),
        lines=f"{NEW_BANK}:16: de lijst die begint met '- a' staat in een tekst met '>-' (of '>'): YAML plakt alle "
        "regels van zo'n tekst tot één alinea aan elkaar, ook die van een lijst; begin de tekst met '|' in plaats "
        "van '>-', met een witregel vóór de lijst",
    ),
    "problems-on-two-pages-at-once": case(
        append(PAGE, '{{ table("alk") }}\n'),
        append("docs/over.md", '{{ fact_list("bestaat-niet") }}\n'),
        lines=[
            f"{PAGE}:{PAGE_CALL}: table: argument 'table_id' ontbreekt",
            "docs/over.md:"
            + str(len((ROOT / "docs/over.md").read_text(encoding="utf-8").splitlines()) + 2)
            + ": lijst 'bestaat-niet' bestaat niet (bekend: ",
        ],
    ),
}

# A line that starts with a file of the project: one problem, as the build prints it.
_PROBLEM = re.compile(r"^(?:ERROR\s+-\s+)?((?:docs/|mkdocs\.yml)\S*?:(?:\d+:)? .*)$")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def earlier_site(folder: Path) -> dict[str, bytes]:
    """A published site from before (what ``make build`` left last time)."""
    (folder / "alk").mkdir(parents=True)
    (folder / "index.html").write_text("<p>De vorige versie.</p>\n", encoding="utf-8")
    (folder / "alk" / "index.html").write_text("<p>Ook van de vorige versie.</p>\n", encoding="utf-8")
    return snapshot(folder)


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_stops_the_build_with_one_line_per_problem(tmp_path: Path, name: str) -> None:
    project = copy_project(tmp_path / "project")
    for edit in CASES[name].edits:
        edit(project)
    site = tmp_path / "site"
    before = earlier_site(site)
    result = publish(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert "Macro Rendering Error" not in output and "Macro Syntax Error" not in output, output[-3000:]
    problems = [m.group(1) for m in map(_PROBLEM.match, output.splitlines()) if m]
    expected = list(CASES[name].lines)
    assert len(problems) == len(expected), "\n".join(problems)
    for line, want in zip(problems, expected, strict=True):
        # An expected line ending in "(bekend: " stands for the line up to there (the list goes on).
        assert line.startswith(want) if want.endswith("(bekend: ") else line == want, "\n".join(problems)
    assert NOT_PUBLISHED.format(site=site) in output
    assert snapshot(site) == before, "a failed build leaves the published site as it was"


HARMLESS: dict[str, tuple[Edit, ...]] = {
    "byte-order-mark-on-a-page": (
        lambda project: _write_bytes(project / PAGE, b"\xef\xbb\xbf" + (ROOT / PAGE).read_bytes()),
    ),
    "byte-order-mark-on-a-bank-and-a-table": (
        lambda project: _write_bytes(project / BANK, b"\xef\xbb\xbf" + (ROOT / BANK).read_bytes()),
        lambda project: _write_bytes(
            project / "docs/_data/tabellen/alk.yml",
            b"\xef\xbb\xbf" + (ROOT / "docs/_data/tabellen/alk.yml").read_bytes(),
        ),
    ),
    "windows-line-endings-everywhere": (
        lambda project: [
            _write_bytes(path, path.read_bytes().replace(b"\n", b"\r\n"))
            for path in (project / "docs").rglob("*")
            if path.suffix in (".md", ".yml")
        ],
    ),
    "plain-tags-and-quoted-keys": (
        replace(BANK, "  minutes: 15\n", "  minutes: !!int 15\n"),
        replace(BANK, "  pass_mark: 70\n", '  "pass_mark": 70\n'),
    ),
}


@pytest.mark.parametrize("name", list(HARMLESS))
def test_harmless_input_builds(tmp_path: Path, name: str) -> None:
    project = copy_project(tmp_path / "project")
    for edit in HARMLESS[name]:
        edit(project)
    site = tmp_path / "site"
    earlier_site(site)
    result = publish(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    page = (site / "alk" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="aanhoudende-lichamelijke-klachten-alk">Aanhoudende lichamelijke klachten' in page
    assert "\ufeff" not in page and "\r" not in page
    assert (site / "leermodules" / "casus" / "index.html").is_file()
