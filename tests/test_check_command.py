"""``make check`` reports every content problem with file and line, without a full build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import copy_project


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    # Run from the copy so that its macros/ and docs/ are the ones checked.
    return subprocess.run(
        [sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True, cwd=project, check=False
    )


def test_clean_project_passes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run_check(project)
    assert result.returncode == 0, result.stderr
    assert "geen problemen" in result.stdout


def test_every_problem_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "_data" / "lijsten" / "kapot.yml").write_text("id: kapot\ntitle: a: b\n", encoding="utf-8")
    (project / "docs" / "_data" / "woordenlijst.yml").write_text(
        "terms:\n  - abbr: ALK\n    expansion: x\n    source: {doc: bestaat-niet, where: y}\n", encoding="utf-8"
    )
    bank = project / "docs" / "_data" / "quiz" / "verwijzen.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: ordering", "type: volgorde", 1), encoding="utf-8")
    page = project / "docs" / "alk.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [ontbrekend](nergens.md).\n", encoding="utf-8")
    (project / "docs" / "los.md").write_text(
        "---\ntitle: Los\ndescription: d\nsources:\n  - {doc: profielschets, where: x}\n---\n# Los\n", encoding="utf-8"
    )
    result = run_check(project)
    assert result.returncode == 1
    err = result.stderr
    assert "docs/_data/lijsten/kapot.yml:2: ongeldige YAML" in err
    assert "docs/_data/woordenlijst.yml:4: onbekend brondocument 'bestaat-niet'" in err
    assert "docs/alk.md:" in err and "link naar 'nergens.md': die pagina bestaat niet" in err
    assert "docs/los.md: pagina staat niet in de navigatie" in err
    assert "docs/_data/quiz/verwijzen.yml:" in err and "onbekend vraagtype 'volgorde'" in err
    assert "5 probleem/problemen gevonden" in err
