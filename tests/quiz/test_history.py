"""What an edit since the last commit does to saved answers: ids that went, swaps without a new version."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from bank_items import case_of, classify, single
from helpers import copy_project

from macros.check import QuizBankCheck, saved_answer_report
from quizkit.history import saved_answer_warnings

PATH = "docs/_data/quiz/m.yml"


def sort(item_id: str) -> dict[str, Any]:
    return classify(item_id, "a", "b", "a")


def case(item_id: str) -> dict[str, Any]:
    """A case of two stages, ``s1`` and ``s2``, each a single-choice question."""
    return case_of(item_id, single("x", "Juist", "Fout een", "Fout twee"), single("x", "Ja", "Nee", "Misschien"))


def bank(*items: dict[str, Any], version: int = 1) -> dict[str, Any]:
    return {"module": {"id": "m", "title": "M", "version": version}, "items": list(items)}


def warnings(before: dict[str, Any], after: dict[str, Any], also: tuple[str, ...] = ()) -> list[str]:
    ids = [i["id"] for i in after["items"]] + list(also)
    return saved_answer_warnings(PATH, yaml.safe_dump(before), yaml.safe_dump(after), ids)


def swap(units: list[Any], i: int, j: int) -> None:
    units[i], units[j] = units[j], units[i]


def test_an_unchanged_bank_and_a_reworded_one_lose_nothing() -> None:
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"), case("m-c"))
    assert warnings(before, before) == []
    after = copy.deepcopy(before)
    after["items"][0]["options"][1]["text"] = "Fout een, anders gezegd"
    after["items"].append(single("m-nieuw", "Ja", "Nee"))
    assert warnings(before, after) == []


def test_a_changed_id_is_named_and_a_removed_or_moved_item_is_too_unless_it_is_elsewhere() -> None:
    before = bank(single("m-a", "Juist", "Fout"), single("m-b", "Juist", "Fout"))
    after = copy.deepcopy(before)
    after["items"][0]["id"] = "m-a-nieuw"
    (line,) = warnings(before, after)
    assert line.startswith(f"{PATH}: [item m-a] deze id staat niet meer in de vragenbanken")
    # Moved to another bank: the id is still there.
    assert warnings(before, after, also=("m-a",)) == []


def test_swapped_units_with_the_same_answer_need_a_new_version() -> None:
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"))
    after = copy.deepcopy(before)
    swap(after["items"][0]["options"], 1, 2)  # two wrong options
    swap(after["items"][1]["statements"], 0, 2)  # two statements of category a
    lines = warnings(before, after)
    assert len(lines) == 2, lines
    assert "[item m-a] opties met hetzelfde antwoord van plaats verwisseld" in lines[0]
    assert "[item m-b] stellingen met hetzelfde antwoord van plaats verwisseld" in lines[1]
    assert all(line.endswith("verhoog module.version") for line in lines)
    after["module"]["version"] = 2
    assert warnings(before, after) == []


def test_moving_the_right_answer_needs_no_new_version() -> None:
    # The item's hash changes with its key, so saved answers to it start afresh by themselves.
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"))
    after = copy.deepcopy(before)
    swap(after["items"][0]["options"], 0, 1)
    swap(after["items"][1]["statements"], 0, 1)  # a and b change places
    assert warnings(before, after) == []


def test_a_case_stage_that_went_and_a_swap_inside_a_stage() -> None:
    before = bank(case("m-c"))
    after = copy.deepcopy(before)
    after["items"][0]["stages"][0]["id"] = "start"
    swap(after["items"][0]["stages"][1]["question"]["options"], 1, 2)
    lines = warnings(before, after)
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{PATH}: [item m-c] de fase 's1' staat er niet meer")
    assert "verwisseld (fase 's2') terwijl module.version gelijk bleef" in lines[1]


@pytest.mark.parametrize("text", ["", "items: [\n", "- een lijst\n"])
def test_an_earlier_text_that_is_no_bank_compares_nothing(text: str) -> None:
    assert saved_answer_warnings(PATH, text, yaml.safe_dump(bank(single("m-a", "Juist", "Fout"))), ["m-a"]) == []


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_make_check_compares_the_banks_with_the_last_commit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    check = QuizBankCheck()
    assert list(check(project)) == [] and check.banks is not None
    # No commit yet: it says that it did not compare, rather than that nothing is lost.
    _git(project, "init", "-q")
    assert saved_answer_report(project, check.banks) == [
        "Bewaarde antwoorden: niet vergeleken met een vorige versie (geen git-commit met deze vragenbanken)."
    ]
    _git(project, "add", "-A")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start")
    (line,) = saved_answer_report(project, check.banks)
    assert line.startswith("Bewaarde antwoorden, vergeleken met de laatste commit (") and line.endswith(
        "niets gaat verloren."
    )
    rel = "docs/_data/quiz/verwijzen.yml"
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert "- id: verwijzen-stappen-volgorde\n" in text
    path.write_text(
        text.replace("- id: verwijzen-stappen-volgorde\n", "- id: verwijzen-stappen-in-volgorde\n"), "utf-8"
    )
    check = QuizBankCheck()
    assert list(check(project)) == [] and check.banks is not None
    heading, *lines = saved_answer_report(project, check.banks)
    assert heading.startswith("Bewaarde antwoorden, vergeleken met de laatste commit")
    assert lines == [
        f"  {rel}: [item verwijzen-stappen-volgorde] deze id staat niet meer in de vragenbanken; hebt u hem "
        "veranderd, zet hem dan terug (aan de id hangen de bewaarde antwoorden van cursisten); een weggehaalde "
        "vraag is in orde, maar hergebruik de id nooit"
    ]
