"""``python -m quizkit``: the banks checked and exported without a site generator.

With ``--config mkdocs.yml`` it must check what the build checks and write what the build
writes; every mistake, in the banks or on the command line, is one line and exit code 1, never
a traceback.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
import zipfile
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from helpers import ROOT, copy_project
from pydantic import BaseModel

from quizkit.__main__ import LANGUAGE_NOTE, main
from quizkit.base import Question
from quizkit.models import BANK_SCHEMA_TITLE, ITEM_MODELS, ItemFields, ModuleMeta, QuizModule

CONFIG = str(ROOT / "mkdocs.yml")
BANKS = "docs/_data/quiz"
ROOT_BANKS = str(ROOT / BANKS)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_with_the_config_it_writes_the_builds_scorm_packages(site_dir: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--config", CONFIG, "scorm", ROOT_BANKS, str(tmp_path))
    assert (code, err) == (0, "")
    built = sorted((site_dir / "downloads" / "scorm").glob("*.zip"))
    assert [p.name for p in built] == sorted(p.name for p in tmp_path.glob("*.zip")) and len(built) == 12
    for package in built:
        with zipfile.ZipFile(package) as ours, zipfile.ZipFile(tmp_path / package.name) as theirs:
            assert ours.namelist() == theirs.namelist()
            for name in ours.namelist():
                a, b = ours.read(name), theirs.read(name)
                if name == "index.html":  # the site's name, and the glossary's explanations (its glossary option)
                    assert "Deze leermodule komt uit Kennisbank Hardnekkige ALK." in b.decode()
                    assert '<abbr title="' in b.decode()
                assert a == b, f"{package.name}/{name}"


def test_with_the_config_it_checks_the_sources_as_the_build_does(tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path / "project")
    bank = project / BANKS / "verwijzen.yml"
    text = bank.read_text(encoding="utf-8")
    line = text[: text.index("doc: rovers-2025")].count("\n") + 1
    bank.write_text(text.replace("doc: rovers-2025", "doc: rovers-2099", 1), encoding="utf-8")
    code, out, err = run(capsys, "check", str(project / BANKS), "--config", str(project / "mkdocs.yml"))
    assert code == 1 and out == ""
    assert re.fullmatch(
        rf"docs/_data/quiz/verwijzen\.yml:{line}: \[item [a-z0-9-]+\] onbekend brondocument 'rovers-2099' "
        r"\(bekend: [a-z0-9, -]+\)\n",
        err,
    ), err


def test_without_a_site_name_the_package_names_none(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--root", str(ROOT), "scorm", ROOT_BANKS, str(tmp_path))
    assert (code, err) == (0, LANGUAGE_NOTE.format("nl") + "\n")
    with zipfile.ZipFile(tmp_path / "casus.zip") as package:
        page = package.read("index.html").decode()
        manifest = package.read("imsmanifest.xml").decode()
    assert "Deze leermodule komt uit" not in page
    assert "<p>In een leeromgeving gaan uw antwoorden en score naar die leeromgeving" in page
    assert 'identifier="quiz-casus"' in manifest  # the default prefix, not the site's


def test_banks_outside_the_project_are_shown_by_their_full_path(tmp_path: Path, capsys) -> None:
    folder = shutil.copytree(ROOT / BANKS, tmp_path / "banks")
    (folder / "casus.yml").write_text("module: [\n", encoding="utf-8")
    code, out, err = run(capsys, "--root", str(ROOT), "check", str(folder))
    assert code == 1 and out == ""
    assert err.startswith(f"{folder / 'casus.yml'}:"), err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--citations", "bestaat_niet:citations", "check", BANKS],
            "quizkit: citations 'bestaat_niet:citations' niet gevonden (No module named 'bestaat_niet')",
        ),
        (
            ["--citations", "macros.content", "check", BANKS],
            "quizkit: citations 'macros.content' niet gevonden (geen functie '' in macros.content)",
        ),
        (["check", f"{BANKS}/casus.yml"], f"{BANKS}/casus.yml: is een bestand; geef de map met vragenbanken op"),
        (["check", "docs"], "docs: geen vragenbanken (*.yml) in deze map"),
        (["check", "nergens"], "nergens: map met vragenbanken niet gevonden"),
        (["check"], "quizkit: geef de map met vragenbanken op, of --config met de mkdocs.yml van de site"),
        # One folder for two (a second organisation's journey: told to give the folder it gave).
        (
            ["scorm", BANKS],
            f"quizkit: geef twee mappen op, eerst die met de vragenbanken en dan die voor de bestanden ('{BANKS}' is "
            "nu gelezen als de map voor de bestanden), of --config met de mkdocs.yml van de site",
        ),
        (["scorm", BANKS, "mkdocs.yml"], "quizkit: mkdocs.yml: bestaat al en is geen map"),
        (["moodle", BANKS, "mkdocs.yml/x"], "quizkit: mkdocs.yml/x: een deel van dit pad is een bestand, geen map"),
        (
            ["--config", "kapot.yml", "check", BANKS],
            "quizkit: kapot.yml:2: ongeldige YAML: found unexpected end of stream",
        ),
        (
            ["--config", "extensie.yml", "check", BANKS],
            "quizkit: extensie.yml: markdown_extensions: Failed to initiate extension 'markdown.util': "
            "module 'markdown.util' has no attribute 'makeExtension'",
        ),
        (["--config", "taal.yml", "check", BANKS], "quizkit: onbekende taal 'fr' (bekend: en, nl)"),
        (["--config", "getal.yml", "check"], "quizkit: getal.yml: plugins: quizkit: banks moet tekst zijn, niet 5"),
        (
            ["--config", "minify.yml", "check", BANKS],
            "quizkit: minify.yml: plugins: quizkit: minify moet true of false zijn, niet 'no'",
        ),
        (
            ["scorm", BANKS, "uit", "--id-prefix", "1 org"],
            "quizkit: scorm_id_prefix '1 org' in --id-prefix: begin met een letter of '_', daarna alleen letters "
            "a-z en A-Z (zonder accenten), cijfers, '-', '_' en '.' (het begin van de namen in imsmanifest.xml)",
        ),
        (
            ["--config", "sjabloon.yml", "check", BANKS],
            "sjablonen/quiz/item.html:2: fout in sjabloon: Encountered unknown tag 'endif'.",
        ),
        (
            ["--glossary", "macros.content:nergens", "check", BANKS],
            "quizkit: glossary 'macros.content:nergens' niet gevonden (geen functie 'nergens' in macros.content)",
        ),
        (
            ["--glossary", "macros.content:citations", "check", BANKS],
            "quizkit: glossary 'macros.content:citations' gaf geen woordenlijst: verwacht een dict van afkorting "
            "naar uitleg (tekst)",
        ),
        (
            ["--glossary", "macros.content:load_glossary", "check", BANKS],
            "quizkit: glossary 'macros.content:load_glossary' gaf een fout (TypeError(\"load_glossary() missing 2 "
            "required positional arguments: 'root' and 'bib'\"))",
        ),
        (
            ["--config", "zonder-abbr.yml", "check", BANKS],
            "quizkit: zonder-abbr.yml: markdown_extensions: glossary: de extensie abbr staat niet onder "
            "markdown_extensions; zet '- abbr' erbij of laat glossary weg",
        ),
    ],
    ids=[
        *("no-module", "no-function", "a-file", "no-banks", "no-folder", "no-folder-given", "one-folder-for-two"),
        *("out-is-a-file", "out-under-a-file"),
        *("config-not-yaml", "config-bad-extension", "config-unknown-locale"),
        *("config-option-not-text", "config-option-not-true-or-false", "bad-id-prefix", "config-template-syntax"),
        *("glossary-not-found", "glossary-not-a-glossary", "glossary-that-fails", "glossary-without-abbr"),
    ],
)
def test_a_wrong_command_line_is_one_line(tmp_path: Path, capsys, monkeypatch, argv: list[str], expected: str) -> None:
    """Paths are relative to the current folder (here: a copy of the project)."""
    project = copy_project(tmp_path / "project")
    (project / "kapot.yml").write_text('site_name: "x\n', encoding="utf-8")
    (project / "extensie.yml").write_text("markdown_extensions:\n  - markdown.util\n", encoding="utf-8")
    (project / "taal.yml").write_text("plugins:\n  - quizkit:\n      locale: fr\n", encoding="utf-8")
    (project / "getal.yml").write_text("plugins:\n  - quizkit:\n      banks: 5\n", encoding="utf-8")
    (project / "minify.yml").write_text("plugins:\n  - quizkit:\n      minify: 'no'\n", encoding="utf-8")
    (project / "sjabloon.yml").write_text("plugins:\n  - quizkit:\n      templates: sjablonen\n", encoding="utf-8")
    (project / "zonder-abbr.yml").write_text(
        "plugins:\n  - quizkit:\n      glossary: macros.content:abbreviations\nmarkdown_extensions:\n  - tables\n",
        encoding="utf-8",
    )
    (project / "sjablonen" / "quiz").mkdir(parents=True)
    (project / "sjablonen" / "quiz" / "item.html").write_text("<p>\n{% endif %}\n", encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "--root", str(project), *argv)
    assert (code, out, err) == (1, "", expected + "\n")


def test_the_config_is_read_in_every_form_mkdocs_takes(tmp_path: Path, capsys, monkeypatch) -> None:
    """Plugins as a mapping, ``!ENV`` values, the plugin's minify option: as the build reads them."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("QUIZ_PREFIX", "omgeving")
    (project / "mapping.yml").write_text(
        "site_name: !ENV [GEEN_NAAM, Een site]\n"
        "plugins:\n  quizkit:\n    citations: macros.content:citations\n"
        "    scorm_id_prefix: !ENV QUIZ_PREFIX\n    minify: false\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--config", "mapping.yml", "scorm", BANKS, "uit")
    assert (code, err) == (0, "")
    with zipfile.ZipFile(project / "uit" / "casus.zip") as package:
        assert 'identifier="omgeving-casus"' in package.read("imsmanifest.xml").decode()
        assert "Deze leermodule komt uit Een site." in package.read("index.html").decode()
        assert package.read("quiz.js").decode().startswith("/* Quiz enhancement")  # not minified
    # The mapping's citations are used: an unknown source is found.
    bank = project / BANKS / "casus.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("doc: ", "doc: x-", 1), encoding="utf-8")
    code, _, err = run(capsys, "--config", "mapping.yml", "check", BANKS)
    assert code == 1 and "onbekend brondocument 'x-" in err, err


def test_the_config_inherits_and_imports_as_mkdocs_does(tmp_path: Path, capsys, monkeypatch) -> None:
    """``INHERIT`` under the file (mappings merged, the rest replaced) and ``!!python/name:`` imported."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    (project / "child.yml").write_text(
        "INHERIT: base.yml\nplugins:\n  quizkit:\n    scorm_id_prefix: kind\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    (project / "base.yml").write_text(
        "site_name: De ouder\nplugins:\n  quizkit:\n    citations: macros.content:citations\n"
        "    scorm_id_prefix: ouder\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--config", "child.yml", "scorm", BANKS, "uit")
    assert (code, err) == (0, "")
    with zipfile.ZipFile(project / "uit" / "casus.zip") as package:
        assert 'identifier="kind-casus"' in package.read("imsmanifest.xml").decode()
        assert "Deze leermodule komt uit De ouder." in package.read("index.html").decode()
    # The site's own offline configuration inherits mkdocs.yml: its site name and its Markdown.
    code, out, err = run(capsys, "--config", "mkdocs.offline.yml", "check")
    assert (code, err) == (0, "") and "in orde" in out
    (project / "loop.yml").write_text("INHERIT: loop.yml\n", encoding="utf-8")
    code, _, err = run(capsys, "--config", "loop.yml", "check")
    assert code == 1 and "INHERIT: 'loop.yml' erft van zichzelf" in err, err
    (project / "missing.yml").write_text("markdown_extensions:\n  - x:\n      f: !!python/name:nergens.iets\n")
    code, _, err = run(capsys, "--config", "missing.yml", "check", BANKS)
    assert code == 1 and "missing.yml: regel 3: '!!python/name:nergens.iets' niet gevonden" in err, err
    # A built-in name (no module, as PyYAML reads it) is found; a module that fails on import
    # and a file that is not UTF-8 are one line each, without a traceback.
    (project / "builtin.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  f: !!python/name:len\n")
    assert run(capsys, "--config", "builtin.yml", "check")[0] == 0
    (project / "kapot.py").write_text("raise RuntimeError('stuk')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(project))
    (project / "broken.yml").write_text("extra:\n  f: !!python/name:kapot.iets\n")
    code, _, err = run(capsys, "--config", "broken.yml", "check", BANKS)
    assert (
        err
        == "quizkit: broken.yml: regel 2: '!!python/name:kapot.iets' kan niet worden geladen (RuntimeError('stuk'))\n"
    )
    (project / "stops.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    (project / "stops.yml").write_text("extra:\n  f: !!python/name:stops.iets\n")
    code, _, err = run(capsys, "--config", "stops.yml", "check", BANKS)
    assert (
        code == 1
        and err == "quizkit: stops.yml: regel 2: '!!python/name:stops.iets' kan niet worden geladen (SystemExit(3))\n"
    )
    (project / "noname.yml").write_text("extra:\n  f: !!python/name:os.geen_naam\n")
    code, _, err = run(capsys, "--config", "noname.yml", "check", BANKS)
    assert err == "quizkit: noname.yml: regel 2: '!!python/name:os.geen_naam' niet gevonden (geen 'geen_naam' in os)\n"
    (project / "latin.yml").write_bytes("site_name: Caf\xe9\n".encode("latin-1"))
    code, _, err = run(capsys, "--config", "latin.yml", "check", BANKS)
    assert code == 1 and err.startswith("quizkit: latin.yml: niet te lezen als MkDocs-configuratie ('utf-8' codec"), err


def test_with_the_config_the_bank_folder_is_the_plugins(tmp_path: Path, capsys, monkeypatch) -> None:
    """``--config`` alone: the banks are where the plugin's ``banks`` option says; the summary is in the site's language."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--config", CONFIG, "check")
    assert (code, out.splitlines()[0], err) == (0, "6 modules, 70 vragen: in orde", "")
    # Then the cues, as make check gives them (quizkit.cues.cue_lines): a line per module and the total.
    assert out.splitlines()[1] == "Raadbare vragen (signalen, geen fouten):"
    assert sum(line.startswith(("  casus: ", "  totaal: ")) for line in out.splitlines()) == 2
    english = ROOT / "tests" / "fixtures" / "english_site" / "mkdocs.yml"
    code, out, err = run(capsys, "--config", str(english), "check")
    assert (code, out.splitlines()[0], err) == (0, "1 module, 7 questions: all in order", "")
    code, out, _ = run(capsys, "--config", str(english), "scorm", str(tmp_path / "out"))
    assert code == 0 and out.split() == [str(tmp_path / "out" / name) for name in ("basics.zip", "basics.test.zip")]


def test_written_from_the_banks_alone_the_language_is_named(tmp_path: Path, capsys) -> None:
    """Without --locale or --config the packages are in the default language: the command says so."""
    banks = str(ROOT / "tests" / "fixtures" / "english_site" / "docs" / "banks")
    code, out, err = run(capsys, "scorm", banks, str(tmp_path / "nl"))
    assert code == 0 and out.split()[-1].endswith("basics.toets.zip")
    assert err == "quizkit: de teksten zijn in taal 'nl'; kies een andere met --locale of --config\n"
    code, out, err = run(capsys, "moodle", banks, str(tmp_path / "en"), "--locale", "en")
    assert (code, err) == (0, "") and out.split()[-1].endswith("all-modules.xml")
    assert run(capsys, "check", banks)[2] == ""


def test_the_command_line_knows_the_plugins_options_and_defaults() -> None:
    """PLUGIN_OPTIONS names options of the plugin (quizkit/plugin/config.py) with the same defaults."""
    from quizkit.__main__ import DEFAULTS, PLUGIN_OPTIONS
    from quizkit.plugin.config import QuizConfig

    options = dict(QuizConfig._schema)
    for setting, option in PLUGIN_OPTIONS.items():
        assert option in options, option
        assert options[option].default == DEFAULTS[setting], option


def test_contributing_lists_every_plugin_option_with_its_default() -> None:
    """The options table in CONTRIBUTING.md has one row per option, with the option's default."""
    from quizkit.plugin.config import QuizConfig

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("#### The plugin's options") :].split("\n#")[0]
    rows = dict(re.findall(r"^\| `(\w+)` \| (.+?) \|", section, flags=re.M))
    options = dict(QuizConfig._schema)
    assert sorted(rows) == sorted(options)
    for name, option in options.items():
        shown = {None: "none", True: "`true`", False: "`false`"}.get(option.default, f"`{option.default}`")
        assert rows[name] == shown, name


@pytest.mark.parametrize(
    ("module_id", "reason"),
    [
        ("learner", "de browser bewaart daaronder de volgorde van de antwoorden"),
        ("alle-modules", "zo heet het Moodle-bestand met alle modules"),
        ("all-modules", "zo heet het Moodle-bestand met alle modules"),
    ],
)
def test_a_module_id_the_engine_uses_itself_is_refused(tmp_path: Path, capsys, module_id: str, reason: str) -> None:
    """Checked as the build checks it, at the line of the id.

    quiz.js keeps the learner's option-order seed under "<storage_key>:learner"; the Moodle file
    with every module is alle-modules.xml (all-modules.xml in English).
    """
    banks = tmp_path / "banks"
    banks.mkdir()
    text = (ROOT / "tests" / "fixtures" / "english_site" / "docs" / "banks" / "basics.yml").read_text(encoding="utf-8")
    (banks / f"{module_id}.yml").write_text(text.replace("id: basics\n", f"id: {module_id}\n", 1), encoding="utf-8")
    code, out, err = run(capsys, "--root", str(tmp_path), "check", str(banks))
    assert (code, out) == (1, "")
    assert err == (
        f"banks/{module_id}.yml:2: module.id: de id '{module_id}' is gereserveerd ({reason}); kies een andere id\n"
    )


@pytest.mark.parametrize("value", ["2024", "true", "'é-quiz'"])
def test_a_storage_key_that_cannot_be_one_is_one_line(tmp_path: Path, capsys, value: str) -> None:
    """Not text, or not only a-z, digits, '-', '_' and '.': one line, also with the banks unchecked."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("storage_key: halk-quiz", f"storage_key: {value}"))
    code, out, err = run(capsys, "check", str(project / BANKS), "--config", str(config))
    assert (code, out) == (1, "")
    assert err.startswith("quizkit: storage_key '") and err.count("\n") == 1, err
    assert "in mkdocs.yml: alleen de letters a-z en A-Z (zonder accenten)" in err


def test_the_storage_key_can_be_given_for_the_packages(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--root", str(ROOT), "scorm", ROOT_BANKS, str(tmp_path), "--storage-key", "ons-lms")
    assert (code, err) == (0, LANGUAGE_NOTE.format("nl") + "\n")
    with zipfile.ZipFile(tmp_path / "casus.zip") as package:
        page = package.read("index.html").decode()
    assert 'data-quiz-store="ons-lms"' in page and "halk-quiz" not in page


def test_the_schema_command_writes_the_schema_of_a_bank(tmp_path: Path, capsys) -> None:
    """A second site's editors get the same hints as this site's: only the title differs."""
    out = tmp_path / "schema" / "quiz-module.schema.json"
    assert main(["schema", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    written = json.loads(out.read_text(encoding="utf-8"))
    ours = json.loads((ROOT / "schema" / "quiz-module.schema.json").read_text(encoding="utf-8"))
    assert written.pop("title") == BANK_SCHEMA_TITLE != ours.pop("title")
    assert written == ours
    # A folder is not a file name: one line, nothing left behind.
    for folder in (out.parent, Path(".")):
        before = sorted(p.name for p in folder.iterdir())
        code, _, err = run(capsys, "schema", str(folder))
        assert (code, err) == (
            1,
            f"quizkit: {folder} is een map; geef de naam van het schemabestand, zoals quiz-module.schema.json\n",
        )
        assert sorted(p.name for p in folder.iterdir()) == before


def test_the_format_guide_ships_with_the_package_and_names_every_type_and_field() -> None:
    """quizkit/FORMAT.md is the bank format's reference for any site (an installer found none).

    Its example is a valid bank; every field an item has names a row of the common fields or of
    its type's row, and every field of a type's parts (options, statements, stages) is in that row.
    """
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["quizkit"]
    assert any(fnmatch("FORMAT.md", pattern) for pattern in patterns)
    guide = (ROOT / "quizkit" / "FORMAT.md").read_text(encoding="utf-8")
    rows = {m[0]: m[1] for m in re.findall(r"^\| `([a-z]+)` \|(.*)$", guide, re.M)}
    example = yaml.safe_load(guide.split("```yaml\n", 1)[1].split("```", 1)[0])
    QuizModule.model_validate(example)
    assert set(example["module"]) == set(ModuleMeta.model_fields)
    common = set(ItemFields.model_fields) | set(Question.model_fields)
    assert common <= set(rows), common - set(rows)

    def fields(model: Any) -> set[str]:
        """The field names of ``model`` and of the models its fields hold (lists, unions)."""
        names: set[str] = set()
        for name, info in model.model_fields.items():
            names.add(name)
            inner = [a for t in get_args(info.annotation) for a in (t, *get_args(t))]
            for arg in (info.annotation, *inner):
                if isinstance(arg, type) and issubclass(arg, BaseModel) and arg is not model:
                    names |= fields(arg)
        return names

    shared = fields(ItemFields) | fields(Question) | {"type"}
    missing = {}
    for kind, model in ITEM_MODELS.items():
        row = rows.get(kind, "")
        if "as above" in row or "as in `single`" in row:
            row += rows["single"]
        # A case's stage holds a question of another type: only the case's own fields count here.
        own = {"stages", "id", "text", "question"} if kind == "case" else fields(model) - shared
        absent = {name for name in own if not re.search(rf"\b{name}\b", row)}
        if absent:
            missing[kind] = absent
    assert not missing, missing


def test_the_cue_report_looks_for_the_absolute_words_of_the_locale(capsys) -> None:
    """The English example's "Repeat only the second half." counts in English, not in Dutch."""
    banks = str(ROOT / "tests" / "fixtures" / "english_site" / "docs" / "banks")
    reports = {}
    for locale in ("en", "nl"):
        code, out, _ = run(capsys, "--locale", locale, "check", banks)
        assert code == 0
        reports[locale] = re.search(r"basics: .*absolute woorden onjuist in (\d+) van (\d+)", out).groups()
    assert reports == {"en": ("0", "1"), "nl": ("0", "0")}
