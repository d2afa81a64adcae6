"""Bad content data stops the build with the file, the line and the item id."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_clean_failure, build, copy_project

from macros.facts import FactList
from macros.tables import TableFile
from quizkit.errors import ContentError
from quizkit.validate import validate
from quizkit.yamlload import load_yaml_text


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
    ],
)
def test_common_yaml_mistakes_are_said_in_dutch_at_their_line(text: str, line: int, said: str) -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text(text, "x.yml")
    assert exc.value.line == line, exc.value.text
    assert said in exc.value.detail, exc.value.text
    assert exc.value.detail.endswith(")"), "PyYAML's own words follow in brackets"


def test_duplicate_key_reports_line() -> None:
    with pytest.raises(ContentError) as exc:
        load_yaml_text("a: 1\nb: 2\na: 3\n", "x.yml")
    assert exc.value.line == 3
    assert "twee keer" in str(exc.value)


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
    assert str(exc.value) == "l.yml:9: [item een] items[2]: id 'een' komt twee keer voor in deze lijst"
