"""``make check`` reports every content problem with file and line, and the strict build's verdict.

Its agreement with the strict build over many broken copies: ``test_check_agreement.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import build, copy_project, mkdocs_env

from macros.check import PAGES_UNCHECKED, SOURCES_UNCHECKED, build_problems


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    # Run from the copy so that its macros/ and docs/ are the ones checked.
    cmd = [sys.executable, "-m", "macros.check", str(project)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=project, env=mkdocs_env(), check=False)


# The clean project: test_check_agreement.py (and tests/quiz/test_cues.py on the project itself).


def test_every_data_problem_is_reported_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "_data" / "lijsten" / "kapot.yml").write_text("id: kapot\ntitle: a: b\n", encoding="utf-8")
    (project / "docs" / "_data" / "woordenlijst.yml").write_text(
        "terms:\n  - abbr: ALK\n    expansion: x\n    source: {doc: bestaat-niet, where: y}\n", encoding="utf-8"
    )
    bank = project / "docs" / "_data" / "quiz" / "verwijzen.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: ordering", "type: volgorde", 1), encoding="utf-8")
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Over deze", "title: Over: deze", 1), "utf-8")
    alk = project / "docs" / "alk.md"
    alk.write_text(alk.read_text(encoding="utf-8") + "\nZie [weg](nergens.md).\n", encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    err = result.stderr
    # The build stopped at the data, before the pages: the broken link waits, and the editor is
    # told that the pages are not checked yet (an editor's journey: fixed, then a new problem).
    assert "nergens.md" not in err
    assert err.rstrip().endswith(PAGES_UNCHECKED), err
    # Four files, four problems: the build alone would stop at the first (the bank, in on_config).
    assert "docs/_data/lijsten/kapot.yml:2: ongeldige YAML" in err
    assert "docs/_data/woordenlijst.yml:4: [item ALK] onbekend brondocument 'bestaat-niet'" in err
    assert "docs/_data/quiz/verwijzen.yml:" in err and "onbekend vraagtype 'volgorde'" in err
    assert "docs/over.md:2: ongeldige YAML" in err
    # The bank error is found by both, and printed once.
    assert err.count("onbekend vraagtype 'volgorde'") == 1, err
    assert "4 problemen gevonden" in err
    assert "in orde" not in result.stdout


def test_a_broken_bibliography_hides_no_other_files_problems(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    bib = project / "docs" / "_data" / "bronnen.yml"
    bib.write_text(bib.read_text(encoding="utf-8").replace("    short: Profielschets (2024)\n", "", 1), "utf-8")
    bank = project / "docs" / "_data" / "quiz" / "verwijzen.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: ordering", "type: volgorde", 1), encoding="utf-8")
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Over deze", "title: Over: deze", 1), "utf-8")
    glossary = project / "docs" / "_data" / "woordenlijst.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("    expansion: Aanhoudende lichamelijke klachten\n", "", 1),
        "utf-8",
    )
    result = run_check(project)
    assert result.returncode == 1
    err = result.stderr
    assert "docs/_data/bronnen.yml:" in err and "short" in err
    # Each file's own mistake is reported beside the bibliography's, in the same run.
    assert "docs/_data/quiz/verwijzen.yml:" in err and "onbekend vraagtype 'volgorde'" in err
    assert "docs/over.md:2: ongeldige YAML" in err
    assert "docs/_data/woordenlijst.yml:" in err and "expansion" in err
    # Sources could not be checked, and the editor is told so, after the count.
    assert "onbekend brondocument" not in err
    assert err.rstrip().endswith(SOURCES_UNCHECKED), err
    assert PAGES_UNCHECKED in err
    assert "in orde" not in result.stdout


def test_front_matter_that_is_no_yaml_is_one_line_of_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Over deze", "title: Over: deze", 1), "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "docs/over.md" in line]
    assert len(lines) == 1 and "docs/over.md:2: ongeldige YAML" in lines[0], lines


def test_an_offline_config_that_drifted_from_the_sites_is_a_problem(tmp_path: Path) -> None:
    """`make build` also builds the offline copy: check may not say "in orde" when its config drifted."""
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    - search.highlight\n" in text
    config.write_text(
        text.replace("    - search.highlight\n", "    - search.highlight\n    - search.suggest\n", 1), "utf-8"
    )
    result = run_check(project)
    assert result.returncode == 1, result.stdout
    assert "mkdocs.offline.yml: theme.features moeten die van mkdocs.yml zijn" in result.stderr
    assert result.stderr.rstrip().endswith("1 probleem gevonden.")
    assert "in orde" not in result.stdout


@pytest.mark.parametrize("wrong", ["     - verwijzen.md\n", "\t- verwijzen.md\n"])
def test_a_mistake_in_mkdocs_yml_is_a_line_not_a_traceback(tmp_path: Path, wrong: str) -> None:
    # Editors change the navigation in mkdocs.yml: an indentation mistake or a tab there.
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    n = lines.index("      - verwijzen.md\n")
    config.write_text("".join([*lines[:n], wrong, *lines[n + 1 :]]), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-3000:]
    assert f"mkdocs.yml:{n + 1}: ongeldige YAML (" in result.stderr, result.stderr[-3000:]
    # make build says the same, in Dutch, where MkDocs' own message was English; nothing published.
    cmd = [sys.executable, "-m", "macros.build", "--site-dir", str(tmp_path / "site"), "--no-offline"]
    built = subprocess.run(cmd, capture_output=True, text=True, cwd=project, env=mkdocs_env(), check=False)
    assert built.returncode == 1
    assert f"mkdocs.yml:{n + 1}: ongeldige YAML (" in built.stderr, built.stderr[-3000:]
    assert "MkDocs encountered an error" not in built.stderr and "Traceback" not in built.stderr
    assert "Build mislukt: er is niets gepubliceerd" in built.stderr
    assert not (tmp_path / "site").exists()
    # Said once: MkDocs' own English line about the same mistake is left out.
    assert result.stderr.rstrip().endswith("\n1 probleem gevonden."), result.stderr[-3000:]
    assert "in orde" not in result.stdout


def test_macro_call_and_anchor_on_a_page_with_macros(tmp_path: Path) -> None:
    """The reproduction in the code review (F3): check said "in orde", the build failed."""
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "profielschets.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n{{ fact_list("bestaat-niet") }}\n\n[kop](alk.md#bestaat-niet-anker)\n', "utf-8")
    result = run_check(project)
    assert result.returncode == 1, result.stdout
    line = len(text.splitlines()) + 2
    assert f"docs/profielschets.md:{line}: lijst 'bestaat-niet' bestaat niet" in result.stderr
    assert "in orde" not in result.stdout
    assert "Raadbare vragen" in result.stdout  # the banks are fine: their cue report still shows


def test_links_anchors_and_navigation_come_from_the_build(tmp_path: Path) -> None:
    """Without a macro error the build reads every page: all link and navigation problems at once."""
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "alk.md"
    links = "Zie [weg](nergens.md), [kop](profielschets.md#bestaat-niet) en [over](over.md#ook-niet).\n"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + links, encoding="utf-8")
    (project / "docs" / "los.md").write_text(
        "---\ntitle: Los\ndescription: d\nsources:\n  - {doc: profielschets, where: x}\n---\n# Los\n", encoding="utf-8"
    )
    result = run_check(project)
    assert result.returncode == 1
    err = result.stderr
    line = page.read_text(encoding="utf-8").splitlines().index(links.strip()) + 1
    # MkDocs' own checks, in Dutch with the line (hooks/linkmessages.py).
    assert f"docs/alk.md:{line}: link naar 'nergens.md': die pagina of dat bestand bestaat niet" in err
    assert f"docs/alk.md:{line}: link naar 'profielschets.md#bestaat-niet': kopje of anker '#bestaat-niet'" in err
    assert f"docs/alk.md:{line}: link naar 'over.md#ook-niet': kopje of anker '#ook-niet'" in err
    assert "docs/los.md: pagina staat niet in de navigatie (nav in mkdocs.yml); voeg haar toe" in err
    assert "4 problemen gevonden" in err
    assert PAGES_UNCHECKED not in err, "the pages were checked"


def test_a_file_no_loader_can_read_ends_in_a_line_not_a_crash(tmp_path: Path) -> None:
    """A folder named like a data file: check's own half says so, and the build's verdict follows."""
    project = copy_project(tmp_path / "p")
    (project / "docs" / "_data" / "tabellen" / "map.yml").mkdir()
    result = run_check(project)
    assert result.returncode == 1
    assert result.stderr.startswith("docs/_data/tabellen/map.yml:"), result.stderr
    assert 'macros/check.py", line' not in result.stderr, result.stderr
    # The data stops the build before the pages: the count, then that the pages wait.
    assert result.stderr.rstrip().endswith(
        ("probleem gevonden.\n" + PAGES_UNCHECKED, "problemen gevonden.\n" + PAGES_UNCHECKED)
    )


# What a failed build prints (stdout and stderr as one stream), and the problems check takes from it.
FAILED_BUILD = """\
INFO    -  Cleaning site directory
INFO    -  The following pages are not in the nav:
  - leermodules/antwoorden/casus.md
WARNING -  Doc file 'alk.md' contains a link 'nergens.md', but the target is not found.
WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - los.md
  - ook-los.md
ERROR   -  docs/leermodules/casus.md:15: quiz: module 'casus' bestaat niet
docs/leermodules/antwoorden/casus.md:18: quiz: module 'casus' bestaat niet

Aborted with a BuildError!
"""


def test_build_problems_are_every_warning_and_error_line() -> None:
    assert build_problems(FAILED_BUILD) == [
        "Doc file 'alk.md' contains a link 'nergens.md', but the target is not found.",
        'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - los.md\n  - ook-los.md",
        "docs/leermodules/casus.md:15: quiz: module 'casus' bestaat niet",
        "docs/leermodules/antwoorden/casus.md:18: quiz: module 'casus' bestaat niet",
    ]


def test_build_problems_include_a_crash() -> None:
    """Output outside MkDocs' log (an unexpected exception) is a problem too, never swallowed."""
    crash = "INFO    -  Building documentation\nTraceback (most recent call last):\n  File x\nKeyError: 'y'\n"
    assert build_problems(crash) == ["Traceback (most recent call last):\n  File x", "KeyError: 'y'"]
