"""What edits since the published banks do to saved answers: ids and modules that went, swaps without a new version."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bank_items import SOURCE, case_of, classify, single
from helpers import copy_project, mkdocs_env

from macros.check import QuizBankCheck, saved_answer_report
from quizkit.bank import QuizBanks, load_quiz_banks
from quizkit.history import Published, published_bank, saved_answer_resets, saved_answer_warnings


class NoAliases(yaml.SafeDumper):
    """The items share their source dict: written out each time, as the engine's loader wants."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=NoAliases, allow_unicode=True)


META = {"title": "M", "description": "D", "minutes": 1, "pass_mark": 50, "objectives": ["o"]}


def sort(item_id: str) -> dict[str, Any]:
    return classify(item_id, "a", "b", "a")


def case(item_id: str) -> dict[str, Any]:
    """A case of two stages, ``s1`` and ``s2``, each a single-choice question."""
    return case_of(item_id, single("x", "Juist", "Fout een", "Fout twee"), single("x", "Ja", "Nee", "Misschien"))


def bank(*items: dict[str, Any], version: int = 1, module_id: str = "m") -> dict[str, Any]:
    return {"module": {"id": module_id, "version": version, **META}, "items": list(items)}


def compared(
    tmp_path: Path, before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> tuple[list[Published], QuizBanks]:
    """Banks ``before`` as published, and ``after`` (written to ``tmp_path/nu``) loaded as they are now."""
    folder = tmp_path / "nu"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for data in after:
        (folder / f"{data['module']['id']}.yml").write_text(dump(data), encoding="utf-8")
    published = [published_bank(f"oud/{d['module']['id']}.yml", dump(d)) for d in before]
    assert all(published)
    return [p for p in published if p], load_quiz_banks(folder, tmp_path)


def warnings(tmp_path: Path, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    """The warnings for banks ``after`` against ``before`` as published."""
    return saved_answer_warnings(*compared(tmp_path, before, after))


def swap(units: list[Any], i: int, j: int) -> None:
    units[i], units[j] = units[j], units[i]


def test_an_unchanged_bank_and_a_reworded_one_lose_nothing(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"), case("m-c"))
    assert warnings(tmp_path, [before], [before]) == []
    after = copy.deepcopy(before)
    after["items"][0]["options"][1]["text"] = "Fout een, anders gezegd"
    after["items"].append(single("m-nieuw", "Ja", "Nee"))
    assert warnings(tmp_path, [before], [after]) == []


def test_a_changed_id_is_named_and_so_is_an_item_moved_to_another_module(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout"), single("m-b", "Juist", "Fout"))
    after = copy.deepcopy(before)
    after["items"][0]["id"] = "m-a-nieuw"
    (line,) = warnings(tmp_path, [before], [after])
    assert line.startswith("oud/m.yml: [item m-a] deze id staat niet meer in de vragenbanken")
    # Moved to another module: its saved answers stay behind in the first (stored per module).
    other = bank(single("n-a", "Ja", "Nee"), module_id="n")
    moved = copy.deepcopy(before)
    other["items"].append(moved["items"].pop(0))
    (line,) = warnings(tmp_path, [before, bank(single("n-a", "Ja", "Nee"), module_id="n")], [moved, other])
    assert line.startswith("nu/n.yml:") and "[item m-a] deze vraag stond in module 'm'" in line


def test_a_renamed_module_is_named_once(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout"))
    after = copy.deepcopy(before)
    after["module"]["id"] = "nieuw"
    (line,) = warnings(tmp_path, [before], [after])
    assert line.startswith("oud/m.yml: module 'm' bestaat niet meer")


def test_swapped_units_with_the_same_answer_need_a_new_version(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"))
    after = copy.deepcopy(before)
    swap(after["items"][0]["options"], 1, 2)  # two wrong options
    swap(after["items"][1]["statements"], 0, 2)  # two statements of category a
    lines = warnings(tmp_path, [before], [after])
    assert len(lines) == 2, lines
    # At the item's line in the bank as it is.
    assert (
        lines[0].startswith("nu/m.yml:")
        and "[item m-a] opties met hetzelfde antwoord van plaats verwisseld" in lines[0]
    )
    assert "[item m-b] stellingen met hetzelfde antwoord van plaats verwisseld" in lines[1]
    assert all(line.split(":")[1].isdigit() for line in lines), lines
    assert all(line.endswith("verhoog module.version") for line in lines)
    after["module"]["version"] = 2
    assert warnings(tmp_path, [before], [after]) == []


def test_a_swap_is_found_also_with_one_side_reworded_or_correct_left_out(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"))
    after = copy.deepcopy(before)
    swap(after["items"][0]["options"], 1, 2)
    after["items"][0]["options"][2]["text"] = "Fout een, anders gezegd"
    assert len(warnings(tmp_path, [before], [after])) == 1
    # `correct: false` and no `correct` at all are the same answer.
    after = copy.deepcopy(before)
    del after["items"][0]["options"][1]["correct"]
    swap(after["items"][0]["options"], 1, 2)
    assert len(warnings(tmp_path, [before], [after])) == 1


def test_moving_the_right_answer_needs_no_new_version(tmp_path: Path) -> None:
    # The item's hash changes with its key, so saved answers to it start afresh by themselves.
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"))
    after = copy.deepcopy(before)
    swap(after["items"][0]["options"], 0, 1)
    swap(after["items"][1]["statements"], 0, 1)  # a and b change places
    assert warnings(tmp_path, [before], [after]) == []


def test_a_case_stage_that_went_and_a_swap_inside_a_stage(tmp_path: Path) -> None:
    before = bank(case("m-c"))
    after = copy.deepcopy(before)
    after["items"][0]["stages"][0]["id"] = "start"
    (line,) = warnings(tmp_path, [before], [after])
    assert "[item m-c] de fase 's1' staat er niet meer" in line
    after = copy.deepcopy(before)
    swap(after["items"][0]["stages"][1]["question"]["options"], 1, 2)
    (line,) = warnings(tmp_path, [before], [after])
    assert "verwisseld (fase 's2') terwijl module.version gelijk bleef" in line


@pytest.mark.parametrize("text", ["", "items: [\n", "- een lijst\n", "module: x\n", "module: [1]\n", "items: 3\n"])
def test_an_earlier_text_that_is_no_bank_is_left_out(text: str) -> None:
    assert published_bank("m.yml", text) is None


def test_an_earlier_bank_that_no_longer_validates_still_gives_its_ids(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout"))
    before["items"][0]["veld-van-toen"] = 1
    published = published_bank("oud/m.yml", dump(before))
    assert published is not None and published.model is None and published.item_ids == ["m-a"]
    after = bank(single("m-b", "Juist", "Fout"))
    (line,) = warnings(tmp_path, [before], [after])
    assert "[item m-a] deze id staat niet meer" in line


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True, capture_output=True
    )


def _report(project: Path, base: str | None = None) -> list[str]:
    check = QuizBankCheck()
    assert list(check(project)) == [] and check.banks is not None
    return saved_answer_report(project, check.banks, base)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_make_check_compares_the_banks_with_the_last_commit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    # No commit yet: it says that it did not compare, rather than that nothing is lost.
    _git(project, "init", "-q")
    assert _report(project) == [
        "Bewaarde antwoorden: niet vergeleken (git heeft geen vragenbanken bij de laatste commit)."
    ]
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    (line,) = _report(project)
    assert line.startswith("Bewaarde antwoorden, vergeleken met de laatste commit (6 vragenbanken):")
    assert line.endswith("de vragenbanken zijn niet veranderd.")
    rel = "docs/_data/quiz/verwijzen.yml"
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert "- id: verwijzen-stappen-volgorde\n" in text
    path.write_text(
        text.replace("- id: verwijzen-stappen-volgorde\n", "- id: verwijzen-stappen-in-volgorde\n"), "utf-8"
    )
    heading, *lines = _report(project)
    # make check is in order, and its last line says to read the warning (an editor's journey:
    # it read only "in orde").
    cmd = [sys.executable, "-m", "macros.check", str(project)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=project, env=mkdocs_env(), check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.rstrip().splitlines()[-1] == (
        "Inhoud in orde: geen problemen gevonden, en de strikte build slaagt. Lees wel wat hierboven over "
        "bewaarde antwoorden staat."
    )
    assert heading == "Bewaarde antwoorden, vergeleken met de laatste commit (6 vragenbanken):"
    assert lines == [
        f"  {rel}: [item verwijzen-stappen-volgorde] deze id staat niet meer in de vragenbanken; hebt u hem "
        "veranderd, zet hem dan terug (aan de id hangen de bewaarde antwoorden van cursisten); een weggehaalde "
        "vraag is in orde, maar hergebruik de id nooit"
    ]
    # Committed, the change is no longer reported against the last commit; against the first it still is.
    _git(project, "commit", "-q", "-am", "hernoemd")
    assert _report(project)[0].endswith("de vragenbanken zijn niet veranderd.")
    heading, *lines = _report(project, "HEAD~1")
    assert heading.startswith("Bewaarde antwoorden, vergeleken met HEAD~1") and len(lines) == 1
    # A new version loses no id, but learners start the module again: said, not "niets gaat verloren".
    path.write_text(path.read_text(encoding="utf-8").replace("  version: 2\n", "  version: 3\n", 1), "utf-8")
    assert _report(project)[1:] == [
        f"  {rel}: module.version is veranderd (van 2 naar 3): elke vraag van deze module begint opnieuw voor wie "
        "haar al beantwoordde"
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_renamed_bank_file_and_a_committed_bank_in_another_encoding(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    quiz = project / "docs" / "_data" / "quiz"
    good = (quiz / "casus.yml").read_text(encoding="utf-8")
    # The last commit has casus.yml saved as Latin-1 (an editor's mistake, since mended).
    (quiz / "casus.yml").write_bytes(good.encode("latin-1", "replace"))
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    (quiz / "casus.yml").write_text(good, encoding="utf-8")
    # The module verwijzen renamed, file and id: every learner's answers in it are gone.
    old = quiz / "verwijzen.yml"
    (quiz / "verwijzing.yml").write_text(
        old.read_text(encoding="utf-8").replace("  id: verwijzen\n", "  id: verwijzing\n", 1), "utf-8"
    )
    old.unlink()
    heading, *lines = _report(project)
    assert heading == "Bewaarde antwoorden, vergeleken met de laatste commit (5 vragenbanken):"  # casus.yml left out
    assert lines == [
        "  docs/_data/quiz/verwijzen.yml: module 'verwijzen' bestaat niet meer: hebt u de id (of de bestandsnaam) "
        "veranderd, zet die dan terug (aan de id van de module hangen de bewaarde antwoorden van cursisten)"
    ]


def resets(tmp_path: Path, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    """The notes on saved answers set aside, for banks ``after`` against ``before`` as published."""
    return saved_answer_resets(*compared(tmp_path, before, after))


RESET = "begint opnieuw voor wie deze vraag al beantwoordde: "
FITS_NO_MORE = ", en een bewaard antwoord past dan niet meer (zo bedoeld, geen fout)"


def test_an_edit_that_sets_saved_answers_aside_is_named_not_called_nothing_lost(tmp_path: Path) -> None:
    """Another key, another option, another type: each item that learners answer again is named.

    An editor's check said "niets gaat verloren" for a bank where a new option set the saved
    answers of its question aside. Rewording and a new question set nothing aside.
    """
    before = bank(single("m-a", "Juist", "Fout een", "Fout twee"), sort("m-b"), case("m-c"), single("m-d", "J", "F"))
    after = copy.deepcopy(before)
    after["items"][0]["options"][1]["text"] = "Fout een, anders gezegd"
    after["items"].append(single("m-nieuw", "Ja", "Nee"))
    assert resets(tmp_path, [before], [after]) == []
    swap(after["items"][0]["options"], 0, 1)  # the right option moved
    after["items"][1]["statements"].append({"text": "Nog een", "category": "b"})
    after["items"][2]["stages"][1]["question"]["options"].append({"text": "Nieuw"})
    after["items"][3] = sort("m-d")  # another type under the same id
    lines = resets(tmp_path, [before], [after])
    changed = (
        "het juiste antwoord of de vorm van de vraag is veranderd (opties, stellingen, stappen, categorieën of fasen)"
    )
    assert [line.split(": ", 1)[1] for line in lines] == [
        f"[item m-a] {RESET}{changed}{FITS_NO_MORE}",
        f"[item m-b] {RESET}{changed}{FITS_NO_MORE}",
        f"[item m-c] {RESET}{changed}{FITS_NO_MORE}",
        f"[item m-d] {RESET}het type is veranderd (van single naar classify){FITS_NO_MORE}",
    ]
    assert all(line.startswith("nu/m.yml:") and line.split(":")[1].isdigit() for line in lines), lines
    # The items' warnings are another matter: none of these loses or misplaces an answer.
    assert warnings(tmp_path, [before], [after]) == []


def test_a_reworded_ordering_step_is_named_as_such(tmp_path: Path) -> None:
    """An ordering question's steps are its shape: a reworded step resets it, and the note says why."""
    steps = ["Eerst", "Dan", "Tot slot"]
    before = bank({"id": "m-o", "type": "ordering", "stem": "Volgorde?", "source": SOURCE, "steps": steps})
    after = copy.deepcopy(before)
    after["items"][0]["steps"][1] = "Daarna"
    (line,) = resets(tmp_path, [before], [after])
    assert line.endswith(
        f"[item m-o] {RESET}een stap is veranderd (bij een volgordevraag telt ook de tekst van een stap){FITS_NO_MORE}"
    )


def test_a_new_version_is_one_line_for_the_module(tmp_path: Path) -> None:
    before = bank(single("m-a", "Juist", "Fout"), single("m-b", "Juist", "Fout"))
    after = copy.deepcopy(before)
    after["module"]["version"] = 2
    swap(after["items"][0]["options"], 0, 1)
    assert resets(tmp_path, [before], [after]) == [
        "nu/m.yml: module.version is veranderd (van 1 naar 2): elke vraag van deze module begint opnieuw voor wie "
        "haar al beantwoordde"
    ]
    # A module that went: the warnings say what there is to say.
    gone = bank(single("n-a", "Juist", "Fout"), module_id="n")
    assert resets(tmp_path, [before, gone], [before]) == []


def test_what_a_warning_names_or_no_model_can_show_is_no_note(tmp_path: Path) -> None:
    """A case whose stage went (the warning says to put it back), and a bank as published that no longer validates."""
    before = bank(case("m-c"))
    after = copy.deepcopy(before)
    after["items"][0]["stages"][1]["id"] = "nieuw"
    assert len(warnings(tmp_path, [before], [after])) == 1
    assert resets(tmp_path, [before], [after]) == []
    # A stage added is a reset: the stages the learner answered are all still there.
    after = copy.deepcopy(before)
    after["items"][0]["stages"].append({**copy.deepcopy(before["items"][0]["stages"][1]), "id": "s3"})
    (line,) = resets(tmp_path, [before], [after])
    assert "[item m-c] begint opnieuw" in line and "fasen" in line
    # Published with a field the format no longer has: no model to compare, so no note (and no crash).
    old = bank(single("m-a", "Juist", "Fout"))
    old["items"][0]["veld-van-toen"] = 1
    changed = bank(single("m-a", "Juist", "Fout", "Nog een"))  # another shape: a note, if there were a model
    assert published_bank("oud/m.yml", dump(old)).model is None  # type: ignore[union-attr]
    assert resets(tmp_path, [old], [changed]) == []
