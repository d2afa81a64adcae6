"""Bad content data stops the build with the file, the line and the item id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT, assert_clean_failure, build, copy_project

from macros.content import Glossary
from macros.facts import FactList
from macros.site import load_site_data
from macros.tables import TableFile
from quizkit.bank import BankProblems, parse_bank
from quizkit.errors import ContentError
from quizkit.history import published_bank
from quizkit.validate import EMPTY_FILE, validate, validation_problems
from quizkit.yamlload import data_files, load_yaml_text


def test_malformed_yaml_reports_line() -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text("tables:\n  - id: a\n    caption: [unclosed\n", "x.yml")
    assert exc.value.path == "x.yml"
    assert exc.value.line in (3, 4)
    assert "ongeldige YAML" in str(exc.value)


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        # A missing colon: at the key's line, not the one after, where PyYAML notices it.
        ("items:\n  - id: a\n    type multiple\n    stem: x\n", 3, "de dubbele punt na de sleutel ontbreekt"),
        ("a: 1\nb\n", 2, "de dubbele punt na de sleutel ontbreekt"),
        ("a:\n  b: 1\n c: 2\n", 3, "deze regel springt anders in dan de regels erboven"),
        ("a:\n  - x\n - y\n", 3, "deze lijst springt anders in"),
        ("stem: “Vraag: hoe vaak?”\n", 1, "tussen rechte aanhalingstekens"),
        ("a:\n\tb: 1\n", 2, "een tab; spring in met spaties"),
        # A colon in a text between { } or [ ] (a second organisation's journey: PyYAML's words alone).
        ("a: 1\nb:\n  - {text: Koorts: boven 38, category: rood}\n", 3, "een dubbele punt in een tekst tussen { }"),
        ("a: [een, twee: drie: vier]\n", 1, "een dubbele punt in een tekst tussen [ ]"),
        ("a:\n  - {text: Iets, correct: true feedback: Goed}\n", 2, "of een komma vergeten tussen twee velden"),
        # A text that starts like something else: a quoted word, a list, an alias, an anchor.
        ('a: 1\nstem: "Samen-optie" is stap 3.\n', 2, "zet dan de hele tekst tussen enkele aanhalingstekens"),
        ("a: 1\nstem: [Rovers 2025] Zet de stappen\n", 2, "zet dan de hele tekst tussen enkele aanhalingstekens"),
        ("a: 1\nstem: *Zet* de stappen\n", 2, "een tekst die met * of & begint"),
        ("a: 1\nstem: & of en\n", 2, "een tekst die met * of & begint"),
        # A Markdown code span first (a second site's journey), or @ or %: YAML keeps them.
        ("a: 1\nstem: `make check` draait\n", 2, "een tekst die met ` begint, leest YAML niet als tekst"),
        ("a: 1\nstem: Zie het adres\nhint: @zorgverlener\n", 3, "een tekst die met @ begint"),
        ("a: 1\nstem: 50% is genoeg\nhint: % van de patiënten\n", 3, "een tekst die met % begint"),
        # A text's next line indented too little: an indentation slip, not a quote.
        ("a:\n  explanation: >-\n    tekst\n   meer tekst\n", 4, "deze regel springt anders in"),
    ],
)
def test_common_yaml_mistakes_are_said_in_dutch_at_their_line(text: str, line: int, said: str) -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text(text, "x.yml")
    assert exc.value.line == line, exc.value.text
    assert said in exc.value.detail, exc.value.text
    assert exc.value.detail.endswith(")"), "PyYAML's own words follow in brackets"


@pytest.mark.parametrize(
    ("text", "line", "kept", "word"),
    [
        # An editor's journey: the text was published as "Juist; dit is stap", without a message.
        ("a: 1\nfeedback: Juist; dit is stap #2 in de eerste lijn.\n", 2, "Juist; dit is stap", "#2"),
        ("stem: een tekst\n  over twee regels #hashtag en meer\nb: c\n", 2, "een tekst over twee regels", "#hashtag"),
        ("- optie #1\n", 1, "optie", "#1"),
        ("a: b\t#c\n", 1, "b", "#c"),
        # The '#' at the start of the text's next line (a text wrapped right before it).
        ("items:\n  - feedback: Juist; zie ook\n      #2 in de lijst.\n    b: 1\n", 3, "Juist; zie ook", "#2"),
        ("items:\n  - feedback: Juist; zie ook\n\n      #2 van het\n      proces.\n", 4, "Juist; zie ook", "#2"),
        # Windows line endings; in a list between [ ] (the word without the bracket).
        ("a: b\r\nc: d #e\r\n", 2, "d", "#e"),
        ("a: [een, twee #drie]\n", 1, "twee", "#drie"),
    ],
)
def test_a_hash_that_cuts_a_text_short_is_said_at_its_line(text: str, line: int, kept: str, word: str) -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text(text, "x.yml")
    assert exc.value.line == line, exc.value.text
    assert f"de tekst stopt bij '{kept}'" in exc.value.detail and f"hoort '{word}' bij de tekst" in exc.value.detail
    # In front matter (YAML after the page's first line), at the page's line.
    with pytest.raises(ContentError) as exc:
        load_yaml_text(text, "page.md", line_offset=1)
    assert exc.value.line == line + 1


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        # An editor's journey: 'explanation:' one step too far in became part of the question (the
        # page showed "... het best? explanation: >- De eerste stap ...") and check said "in orde".
        (
            "items:\n  - stem: >-\n      Welke zin?\n      explanation: >-\n        Uitleg.\n"
            "  - stem: Nog een.\n    explanation: Meer.\n",
            4,
            "explanation",
        ),
        # 'correct:' too far in under an option's text, in a list item; a literal block too.
        (
            "options:\n  - text: >-\n      Een zin\n      correct: false\n  - text: Twee\n    correct: true\n",
            4,
            "correct",
        ),
        ("options:\n  - text: Een\n    feedback: |\n      Goed\n      - text: Twee\n", 5, "text"),
    ],
)
def test_a_field_indented_too_far_into_the_text_above_is_said_at_its_line(text: str, line: int, field: str) -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text(text, "x.yml")
    assert exc.value.line == line, exc.value.text
    assert exc.value.detail.startswith(f"'{field}:' springt verder in dan het veld erboven"), exc.value.text
    # Read as it was published (make check compares saved answers with the last commit, which
    # may hold this mistake): loaded as YAML reads it, the field inside the text.
    assert f"{field}: " in str(load_yaml_text(text, "x.yml", refuse_cut=False).data)


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that goes on with a word and a colon: no field of the file.
        "stem: >-\n  Eerst dit.\n  Bijvoorbeeld: dat.\nhint: x\n",
        "stem: |\n  Eerst dit.\n  Let op: dat.\nhint: x\n",
        # A field's name in a sentence, not at the start of its line.
        "stem: >-\n  Lees de hint: daar staat het.\nhint: x\n",
        # The field after a block, at the block's end: its own field.
        "stem: >-\n  Een blok.\nhint: x\n",
    ],
)
def test_a_text_that_goes_on_with_a_colon_is_no_field_indented_too_far(text: str) -> None:
    assert load_yaml_text(text, "x.yml").data["hint"] == "x"


@pytest.mark.parametrize(
    ("text", "line", "word"),
    [
        # A second organisation's journey: the explanation was left out, the build went on.
        ("explanation: #1 tip is to stay active.\nb: c\n", 1, "#1"),
        ("- #hashtag\n- twee\n", 1, "#hashtag"),
        ("a:\n  #2 op de volgende regel\nb: c\n", 1, "#2"),  # at the key, not the comment
    ],
)
def test_a_hash_right_after_the_key_is_said_as_no_text_at_all(text: str, line: int, word: str) -> None:
    said = f"hier staat geen tekst: YAML leest alles vanaf ' #' als commentaar, ook '{word}' en wat erna komt"
    for offset in (0, 1):  # a data file, and front matter after the page's first line
        with pytest.raises(ContentError) as exc:
            load_yaml_text(text, "x.yml", line_offset=offset)
        assert (exc.value.line, exc.value.detail[: len(said)]) == (line + offset, said), exc.value.text


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: tekst  # een opmerking\n", {"a": "tekst"}),  # a comment written as one
        ("a: tekst #\n", {"a": "tekst"}),
        ("a: 'stap #2'\n", {"a": "stap #2"}),  # quoted
        ("a: >-\n  stap #2 in een blok\n", {"a": "stap #2 in een blok"}),  # a block of text keeps it
        ("a: stap#2\n", {"a": "stap#2"}),  # no space before it: text
        ("# a: b #c\na: b\n", {"a": "b"}),  # a line that is a comment
        ("a: tekst ##\nb: tekst #---\n", {"a": "tekst", "b": "tekst"}),  # no word after it
        # Not a text: quoting it would change its type (a number, true).
        ("weight: 2 #TODO\ncorrect: true #let\n", {"weight": 2, "correct": True}),
        ("a: x\n#top\n", {"a": "x"}),  # a comment at the margin continues no text
        # An empty value with a comment written as one, or none; null written out is no text.
        ("a: # een opmerking\nb:\nc: ~ #x\nd: null #y\n", {"a": None, "b": None, "c": None, "d": None}),
    ],
)
def test_a_hash_that_cuts_nothing_is_let_be(text: str, data: dict) -> None:
    assert load_yaml_text(text, "x.yml").data == data


def test_a_bank_published_with_a_cut_text_still_counts_for_saved_answers() -> None:
    # Its ids are compared with the banks as they are (make check), also after the mend.
    text = "module:\n  id: m\n  title: x\nitems:\n  - id: m-a\n    stem: stap #2\n"
    published = published_bank("docs/_data/quiz/m.yml", text)
    assert published is not None and published.item_ids == ["m-a"]
    with pytest.raises(ContentError):
        load_yaml_text(text, "m.yml")


def test_duplicate_key_reports_line() -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text("a: 1\nb: 2\na: 3\n", "x.yml")
    assert (exc.value.line, exc.value.detail) == (
        3,
        "veld 'a' staat twee keer in hetzelfde blok, ook op regel 1; verwijder er een",
    )


def test_validation_error_points_at_field_line_and_id() -> None:
    text = (
        "tables:\n"
        "  - id: eerste\n"
        "    caption: Een\n"
        "    source: {doc: profielschets, where: x}\n"
        "    columns: [a, b]\n"
        "    rows:\n"
        "      - [1, 2]\n"
        "      - [1]\n"
    )
    with pytest.raises(ContentError) as exc:
        validate(TableFile, load_yaml_text(text, "t.yml"))
    assert exc.value.item_id == "eerste"
    assert exc.value.line == 8, "the error points at the short row itself"
    assert "tables[0].rows[1]: rij 2 heeft 1 cellen" in str(exc.value)


def test_unknown_field_is_an_error() -> None:
    text = "tables:\n  - id: t\n    caption: c\n    colour: red\n    source: {doc: d, where: w}\n    columns: [a]\n    rows: [[x]]\n"
    with pytest.raises(ContentError) as exc:
        validate(TableFile, load_yaml_text(text, "t.yml"))
    assert exc.value.line == 4
    assert "colour: onbekend veld" in str(exc.value)


def test_a_duplicate_names_the_line_of_the_first() -> None:
    # An editor's journey: a new GGZ at the top of a long glossary, the old one far below.
    term = "  - abbr: {}\n    expansion: x\n    source: {{doc: d, where: w}}\n"
    text = "terms:\n" + term.format("GGZ") + term.format("ALK") + term.format("GGZ")
    with pytest.raises(ContentError) as exc:
        validate(Glossary, load_yaml_text(text, "w.yml"))
    assert (
        str(exc.value) == "w.yml:8: [item GGZ] terms[2]: 'GGZ' komt twee keer voor in terms; de eerste staat op regel 2"
    )


@pytest.mark.parametrize("text", ["", "\n\n", "# yaml-language-server: $schema=../../../schema/x.json\n"])
def test_an_empty_file_is_said_to_be_empty(tmp_path: Path, text: str) -> None:
    # An editor's journey: "moet een blok met velden zijn" did not say the file was empty.
    with pytest.raises(ContentError) as exc:
        validate(TableFile, load_yaml_text(text, "t.yml"))
    assert exc.value.detail == EMPTY_FILE
    bank = tmp_path / "docs" / "_data" / "quiz" / "leeg.yml"
    bank.parent.mkdir(parents=True)
    bank.write_text(text, encoding="utf-8")
    with pytest.raises(BankProblems) as problems:
        parse_bank(bank, tmp_path)
    assert [p.detail for p in problems.value.errors] == [EMPTY_FILE]


@pytest.mark.parametrize(
    ("relpath", "content", "expected"),
    [
        ("docs/_data/bronnen.yml", "documents: [\n", "docs/_data/bronnen.yml:"),
        (
            "docs/_data/woordenlijst.yml",
            "terms:\n  - abbr: X\n    expansion: y\n    source: {doc: nergens, where: z}\n",
            "onbekend brondocument 'nergens'",
        ),
        (
            "docs/_data/tabellen/kapot.yml",
            "tables:\n  - id: k\n    caption: c\n",
            "docs/_data/tabellen/kapot.yml:2: [item k] tables[0].source: verplicht veld ontbreekt",
        ),
        # A Dutch figure without quotes: YAML read 1.200 as 1.2, and the page showed "1.2".
        (
            "docs/_data/tabellen/kapot.yml",
            "tables:\n  - id: k\n    caption: c\n    source: {doc: profielschets, where: x}\n"
            "    columns: [Onderdeel, Aantal]\n    numeric: [1]\n    rows:\n      - [Huisartsen, 1.200]\n",
            "docs/_data/tabellen/kapot.yml:8: YAML leest 1.200 als het getal 1.2; bedoelt u 1.200, zet het dan "
            'tussen aanhalingstekens ("1.200")',
        ),
    ],
)
def test_bad_data_file_fails_the_build(tmp_path: Path, relpath: str, content: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    (project / relpath).parent.mkdir(parents=True, exist_ok=True)
    (project / relpath).write_text(content, encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert expected in result.stderr + result.stdout
    assert_clean_failure(result.stderr + result.stdout)
    assert not (tmp_path / "out" / "index.html").exists(), "a failed build must publish nothing"


def test_page_without_sources_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "index.md").write_text("---\ntitle: X\ndescription: y\n---\n# X\n", encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "docs/index.md:2: sources: verplicht veld ontbreekt" in output
    assert_clean_failure(output)
    assert not (tmp_path / "out" / "index.html").exists(), "a failed build must publish nothing"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param('{{ table("alk", "bestaat-niet") }}', "tabel 'bestaat-niet' staat niet in 'alk.yml'"),
        ('{{ fact_list("bestaat-niet") }}', "lijst 'bestaat-niet' bestaat niet"),
        ('{{ fact_list("criteria", style="tegels") }}', "fact_list: onbekende stijl 'tegels'"),
        # The sources page's macro, which gives data to loop over rather than HTML.
        ('{% for s in source_sections("alk") %}{% endfor %}', "source_sections: deze macro neemt geen argumenten"),
        ('{% for s in source_sections(doc="alk") %}{% endfor %}', "source_sections: deze macro neemt geen argumenten"),
    ],
)
def test_bad_macro_call_names_page_and_line(tmp_path: Path, call: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "alk.md"
    text = page.read_text(encoding="utf-8") + f"\n{call}\n"
    page.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert f"docs/alk.md:{line}: {expected}" in output, output[-2000:]
    assert_clean_failure(output)
    assert not (tmp_path / "out" / "index.html").exists(), "a failed build must publish nothing"


def test_duplicate_id_points_at_the_second_entry() -> None:
    text = (
        "id: l\ntitle: L\nsource: {doc: profielschets, where: x}\nitems:\n"
        "  - id: een\n    title: Een\n  - id: twee\n    title: Twee\n  - id: een\n    title: Weer een\n"
    )
    with pytest.raises(ContentError) as exc:
        validate(FactList, load_yaml_text(text, "l.yml"))
    assert (
        str(exc.value)
        == "l.yml:9: [item een] items[2]: id 'een' komt twee keer voor in deze lijst; de eerste staat op regel 5"
    )


def test_every_unknown_source_in_a_table_or_list_file_is_reported_at_once(tmp_path: Path) -> None:
    # An editor who renames a source fixes every place in one round, not one per `make check`.
    from macros.check import check_data

    project = copy_project(tmp_path / "p")
    data = project / "docs" / "_data"
    expected = []
    for rel, old, new in [
        ("tabellen/ernstige-alk.yml", "doc: tussen-de-oren,", "doc: oren-2023,"),
        ("lijsten/handreiking-stappen.yml", "doc: ", "doc: x-"),
    ]:
        path = data / rel
        text = path.read_text(encoding="utf-8").replace(old, new)
        path.write_text(text, encoding="utf-8")
        lines = [n for n, line in enumerate(text.splitlines(), 1) if new in line]
        assert len(lines) >= 2, f"{rel}: the test needs two sources there"
        expected += [(f"docs/_data/{rel}", n) for n in lines]
    found = [(e.path, e.line) for e in check_data(project) if "onbekend brondocument" in e.detail]
    assert sorted(found) == sorted(expected), found


def test_an_unknown_document_in_cited_in_is_reported_at_its_entry() -> None:
    # Not at the top of the file: the editor renamed a document and looks for what still uses it.
    from helpers import ROOT

    from macros.content import Bibliography

    text = (ROOT / "docs" / "_data" / "bronnen.yml").read_text(encoding="utf-8")
    text = text.replace("cited_in: [tussen-de-oren]", "cited_in: [oren-2023]", 1)
    line = next(n for n, entry in enumerate(text.splitlines(), 1) if "oren-2023" in entry)
    with pytest.raises(ContentError) as exc:
        validate(Bibliography, load_yaml_text(text, "docs/_data/bronnen.yml"))
    assert exc.value.line == line, exc.value.text
    assert "verwijst naar onbekend brondocument 'oren-2023'" in exc.value.detail


def test_a_site_without_tables_or_lists_loads_its_data(tmp_path: Path) -> None:
    # Git keeps no empty folder: a site with no tables yet has no tabellen/ at all.
    root = tmp_path / "project"
    shutil.copytree(ROOT / "docs" / "_data", root / "docs" / "_data")
    shutil.rmtree(root / "docs" / "_data" / "tabellen")
    shutil.rmtree(root / "docs" / "_data" / "lijsten")
    data = load_site_data(root)
    assert (data.tables, data.fact_lists) == ({}, {})
    assert data.glossary.terms
    assert data_files(root / "nergens", root, "lijst") == []


def test_a_misspelt_field_in_front_matter_is_named_not_the_missing_one() -> None:
    """``sorces`` for ``sources``: the build stops at the misspelling's line, naming the right name.

    Before, it said "sources: verplicht veld ontbreekt" at line 2, where nothing is wrong.
    """
    from macros.pages import check_page_meta

    text = (
        "---\ntitle: Titel\ndescription: Omschrijving.\nsorces:\n  - doc: profielschets\n    where: '1.2'\n---\n# T\n"
    )
    with pytest.raises(ContentError) as exc:
        check_page_meta(text, "docs/x.md", None)
    assert exc.value.text == "docs/x.md:4: sorces: onbekend veld; bedoelt u 'sources'? Dat veld ontbreekt nu"


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        # An editor's journey: the closing '---' left out was said as no front matter at all.
        ("---\ntitle: Titel\ndescription: O.\nsources: []\n\n# T\n", 1, "wordt niet afgesloten"),
        ("---  \ntitle: Titel\n", 1, "wordt niet afgesloten"),
        ("# T\n\nTekst.\n", 1, "begint niet met front matter"),
        ("\n---\ntitle: Titel\n---\n", 1, "begint niet met front matter"),
        # A page that starts with a rule, and front matter closed but empty: not left open.
        ("---\n\n# T\n", 1, "begint niet met front matter"),
        ("---\n---\n# T\n", 2, "front matter moet bestaan uit velden"),
    ],
)
def test_front_matter_left_open_is_said_apart_from_none(text: str, line: int, said: str) -> None:
    from macros.pages import check_page_meta

    with pytest.raises(ContentError) as exc:
        check_page_meta(text, "docs/x.md", None)
    assert exc.value.line == line and said in exc.value.detail, exc.value.text


def test_a_misspelt_field_in_a_data_file_is_named_with_the_field_it_stands_for() -> None:
    text = "tables:\n  - id: t\n    captoin: c\n    source: {doc: d, where: w}\n    columns: [a]\n    rows: [[x]]\n"
    with pytest.raises(ContentError) as exc:
        validate(TableFile, load_yaml_text(text, "t.yml"))
    assert (
        exc.value.text
        == "t.yml:3: [item t] tables[0].captoin: onbekend veld; bedoelt u 'caption'? Dat veld ontbreekt nu"
    )


SITE_LINK = (
    "link naar 'signaleren.md': een link naar een pagina, bestand of kopje van de site werkt niet in tekst uit YAML"
)
TABLE = "tables:\n  - id: t\n    caption: c\n    source: {doc: d, where: w}\n    columns: [Kop, Waarde]\n"
FACTS = "id: l\ntitle: Lijst\nsource: {doc: d, where: w}\n"


@pytest.mark.parametrize(
    ("model", "text", "line", "where"),
    [
        # An editor's journey: a table cell's page link was published as a dead '.md' link
        # (the table is HTML by the time MkDocs rewrites links), and check said "in orde".
        (
            TableFile,
            TABLE + "    rows:\n      - [Duur, 'zie [signaleren](signaleren.md)']\n",
            7,
            "tables[0].rows[0][1]",
        ),
        (
            TableFile,
            TABLE + "    rows:\n      - - Duur\n        - [een, '[twee](signaleren.md)']\n",
            8,
            "tables[0].rows[0][1][1]",
        ),
        (
            TableFile,
            TABLE.replace("[Kop, Waarde]", "[Kop, '[Waarde](signaleren.md)']") + "    rows: [[a, b]]\n",
            5,
            "tables[0].columns[1]",
        ),
        (TableFile, TABLE + "    rows: [[a, b]]\n    note: Zie [signaleren](signaleren.md).\n", 7, "tables[0].note"),
        (FactList, FACTS + "intro: Zie [signaleren](signaleren.md).\nitems:\n  - {id: a, title: A}\n", 4, "intro"),
        (
            FactList,
            FACTS + "items:\n  - id: a\n    title: A\n    text: Zie [signaleren](signaleren.md).\n",
            7,
            "items[0].text",
        ),
        (
            FactList,
            FACTS + "items:\n  - id: a\n    title: A\n    tagline: '[s](signaleren.md)'\n",
            7,
            "items[0].tagline",
        ),
        (
            FactList,
            FACTS + "items:\n  - id: a\n    title: A\n    example: '[s](signaleren.md)'\n",
            7,
            "items[0].example",
        ),
        (
            Glossary,
            "terms:\n  - abbr: X\n    expansion: y\n    explanation: Zie [signaleren](signaleren.md).\n"
            "    source: {doc: d, where: w}\n",
            4,
            "terms[0].explanation",
        ),
    ],
)
def test_a_page_link_in_any_site_data_text_is_said_at_its_line(model: type, text: str, line: int, where: str) -> None:
    # Every problem, as make check lists them: one, not also "moet een lijst zijn" for a cell,
    # which may be a text or a list.
    problems = validation_problems(model, load_yaml_text(text, "d.yml"))
    assert len(problems) == 1, [p.text for p in problems]
    assert problems[0].line == line, problems[0].text
    assert problems[0].detail.startswith(f"{where}: {SITE_LINK}"), problems[0].text


def test_a_table_cell_may_be_a_number_an_empty_text_or_a_list() -> None:
    text = TABLE + "    rows:\n      - [Duur, 12.8]\n      - [Leeg, '']\n      - [Lijst, [een, 3]]\n"
    rows = validate(TableFile, load_yaml_text(text, "d.yml")).tables[0].rows
    assert rows == [["Duur", "12.8"], ["Leeg", ""], ["Lijst", ["een", "3"]]]
