"""``make check`` agrees with the strict build: on a clean copy and on each broken copy of the project.

For every copy, ``make check``'s exit code equals ``mkdocs build --strict``'s, and every problem
line the build prints appears in check's output. The breakages are the mistakes editors make
(and the ones a red team found ``make check`` missed or crashed on, issue 10): links, anchors,
navigation, macro calls, templates, data files, question banks and front matter.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import build, copy_project, mkdocs_env

QUIZ = Path("docs/_data/quiz")
# What the build prints as a problem, found here independently of check's own reading of it:
# MkDocs' warnings and errors, and the located lines of the quizkit plugin's lists of problems.
WARNING_OR_ERROR = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(.*)$")
LOCATED = re.compile(r"^(?:docs/|mkdocs\.yml)\S*:(?:\d+:)? .*$")


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``rel`` (which must contain it: a breakage that breaks nothing is a bug)."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}: update this breakage"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


NEW_PAGE = "---\ntitle: Los\ndescription: d\nsources:\n  - {doc: profielschets, where: x}\n---\n# Los\n"


def _missing_module_page(project: Path) -> None:
    (project / "docs" / "leermodules" / "casus.md").unlink()
    _edit(project, "mkdocs.yml", "      - leermodules/casus.md\n", "")


def _duplicate_item_id(project: Path) -> None:
    _edit(
        project, f"{QUIZ}/verwijzen.yml", "- id: verwijzen-normaliseren-valideren", "- id: verwijzen-stappen-volgorde"
    )


def _no_front_matter(project: Path) -> None:
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8").split("\n---\n", 1)[1], encoding="utf-8")


def _links_anchors_and_navigation(project: Path) -> None:
    """MkDocs' own checks, which check takes from the build: one build reports all five (GROUPED)."""
    _append(project, "docs/alk.md", "Zie [ontbrekend](nergens.md).")
    _append(project, "docs/alk.md", "Zie [over](over.md#bestaat-niet).")
    _append(project, "docs/alk.md", "Zie [kop](profielschets.md#bestaat-niet).")  # a page with macros
    _edit(project, "mkdocs.yml", "      - over.md\n", "      - over.md\n      - weg.md\n")
    (project / "docs" / "los.md").write_text(NEW_PAGE, encoding="utf-8")


# A breakage of several mistakes: for each, the file the build's problem line starts with and
# what the line names (each mistake is a problem of its own).
GROUPED = {
    "links-anchors-and-navigation": [
        ("docs/alk.md:", "'nergens.md'"),
        ("docs/alk.md:", "'over.md#bestaat-niet'"),
        ("docs/alk.md:", "'profielschets.md#bestaat-niet'"),
        ("mkdocs.yml:", "'weg.md'"),
        ("docs/los.md:", ""),
    ]
}
# Each breakage changes a fresh copy of the project; the ids name the mistake(s).
BREAKAGES: dict[str, Callable[[Path], None]] = {
    "links-anchors-and-navigation": _links_anchors_and_navigation,
    "two-problems-macro-and-anchor": lambda p: (
        _append(p, "docs/profielschets.md", '{{ fact_list("bestaat-niet") }}'),
        _append(p, "docs/profielschets.md", "[kop](alk.md#bestaat-niet-anker)"),
    ),
    "unknown-macro": lambda p: _append(p, "docs/alk.md", '{{ geen_macro("x") }}'),
    "macro-wrong-argument": lambda p: _append(p, "docs/alk.md", '{{ fact_list("bestaat-niet") }}'),
    "macro-missing-argument": lambda p: _append(p, "docs/alk.md", '{{ table("casus") }}'),
    "unknown-quiz-module": lambda p: _append(p, "docs/alk.md", '{{ quiz("bestaat-niet") }}'),
    "template-syntax-error": lambda p: _append(p, "docs/casus.md", "{% if %}"),
    "undefined-variable": lambda p: _append(p, "docs/casus.md", "{{ onbekende_variabele }}"),
    "bad-bank-field": lambda p: _edit(p, f"{QUIZ}/verwijzen.yml", "type: ordering", "type: volgorde"),
    # A text cut short by " #" (an editor's journey: published cut, with check in orde).
    "hash-cuts-a-bank-text": lambda p: _edit(
        p,
        f"{QUIZ}/handreiking.yml",
        "stem: Zet de vier stappen van de handreiking",
        "stem: Zet de #4 stappen van de handreiking",
    ),
    "unknown-source-in-bank": lambda p: _edit(p, f"{QUIZ}/casus.yml", "doc: huisartsenonderzoek", "doc: bestaat-niet"),
    "bank-saved-as-yaml": lambda p: (p / QUIZ / "casus.yml").rename(p / QUIZ / "casus.yaml"),
    "missing-module-page": _missing_module_page,
    "duplicate-item-id": _duplicate_item_id,
    "bad-front-matter": lambda p: _edit(p, "docs/over.md", "title: Over deze", "title: Over: deze"),
    "unknown-source-in-front-matter": lambda p: _edit(p, "docs/over.md", "doc: profielschets", "doc: bestaat-niet"),
    "no-front-matter": _no_front_matter,
    "bad-table": lambda p: _edit(
        p, "docs/_data/tabellen/casus.yml", "      - - Wisselende duur van de klachten\n", "      - - \n"
    ),
    "bad-glossary-term": lambda p: _edit(
        p, "docs/_data/woordenlijst.yml", "    expansion: Aanhoudende lichamelijke klachten\n", ""
    ),
    "bad-fact-list": lambda p: _edit(p, "docs/_data/lijsten/modi.yml", "title: De drie", "title: De: drie"),
    "bad-bibliography": lambda p: _edit(p, "docs/_data/bronnen.yml", "    short: Profielschets (2024)\n", ""),
    "glossary-option-names-nothing": lambda p: _edit(
        p, "mkdocs.yml", "glossary: macros.content:abbreviations", "glossary: macros.content:nergens"
    ),
}


def run_check(project: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    """``make check`` on ``project`` (from the copy, so that its macros/ and docs/ are the ones used).

    ``tmp``: its temporary folder (TMPDIR), for the build it makes there.
    """
    cmd = [sys.executable, "-m", "macros.check", str(project)]
    env = mkdocs_env() | {"TMPDIR": str(tmp)}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=project, env=env, check=False)


def problem_lines(build_output: str) -> list[str]:
    lines = []
    for line in build_output.splitlines():
        logged = WARNING_OR_ERROR.match(line)
        if logged:
            lines.append(logged.group(1))
        elif LOCATED.match(line):
            lines.append(line)
    return lines


@pytest.mark.parametrize("breakage", [None, *BREAKAGES])
def test_check_fails_exactly_when_the_build_fails(tmp_path: Path, breakage: str | None) -> None:
    project = copy_project(tmp_path / "p")
    if breakage:
        BREAKAGES[breakage](project)
    built = build(project, tmp_path / "site")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    checked = run_check(project, tmp)
    build_output = built.stdout + built.stderr
    output = checked.stdout + checked.stderr
    # Every breakage breaks the build (or it tests nothing), and the clean copy builds.
    assert (built.returncode != 0) == (breakage is not None), build_output
    assert checked.returncode == (1 if built.returncode else 0), output
    assert ("in orde" in output) == (breakage is None), output
    problems = problem_lines(build_output)
    assert bool(problems) == (breakage is not None), build_output
    for where, what in GROUPED.get(breakage, ()):
        reported = any(p.startswith(where) and what in p for p in problems)
        assert reported, f"the build reports no {what or 'problem'} at {where}:\n{build_output}"
    for problem in problems:
        assert problem in output, f"check does not report the build's {problem!r}:\n{output}"
    if "Traceback" not in build_output:
        assert "Traceback" not in output, output
    assert not any(tmp.iterdir()), "check left its build folder behind"
