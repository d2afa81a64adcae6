"""Moodle XML export, checked as far as it can be without a Moodle server.

What Moodle's importer (question/format/xml/format.php and qtype_ordering's import_from_xml)
reads is checked per question type: the elements and attributes it looks up, the values it
accepts (answer grades from Moodle's fixed list), and an answer key rebuilt from the XML alone
that must equal the engine's own key of every item. The HTML inside is checked with the Nu
Html Checker, and the files' order against the modules'.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from examples import write_example_banks
from helpers import ROOT
from markupsafe import Markup

from macros.content import citations
from quizkit.__main__ import main
from quizkit.bank import QuizBanks, load_quiz_banks
from quizkit.moodle import MOODLE_FRACTIONS, NAME_LENGTH, MoodleWriter, quiz_document, short_name, utf8_size
from quizkit.render import QuizRenderer

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
GRADES = {round(100 * f, 5) for f in MOODLE_FRACTIONS} | {round(-100 * f, 5) for f in MOODLE_FRACTIONS}
GRADING_TYPES = {
    "ALL_OR_NOTHING",
    "ABSOLUTE_POSITION",
    "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE_NEXT_INCLUDE_LAST",
    "RELATIVE_ONE_PREVIOUS_AND_NEXT",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT",
    "LONGEST_ORDERED_SUBSET",
    "LONGEST_CONTIGUOUS_SUBSET",
    "RELATIVE_TO_CORRECT",
}
# Elements whose text Moodle stores as HTML (format="html").
HTML_PARTS = {
    "questiontext",
    "generalfeedback",
    "answer",
    "feedback",
    "subquestion",
    "info",
    "correctfeedback",
    "partiallycorrectfeedback",
    "incorrectfeedback",
}


# The smallest items of the types whose Moodle question depends on their size.
EDGE_BANK = """
module: {id: randgevallen, title: Randgevallen, description: Kleinste vragen., version: 1, minutes: 1,
         pass_mark: 50, objectives: [randgevallen]}
items:
  - id: rand-een-stelling
    type: truefalse
    stem: Klopt deze stelling?
    source: {doc: profielschets, where: x}
    statements: [{text: Hardnekkige ALK is zeldzaam., answer: false, feedback: Nee.}]
  - id: rand-twee-stellingen-gelijk
    type: truefalse
    stem: Kloppen deze stellingen?
    source: {doc: profielschets, where: x}
    statements: [{text: Een., answer: true}, {text: Twee., answer: true}]
  - id: rand-een-indeling
    type: classify
    stem: Waar hoort dit bij?
    source: {doc: profielschets, where: x}
    categories: [{id: a, label: Lichamelijk}, {id: b, label: Psychisch}, {id: c, label: Sociaal}]
    statements: [{text: Vermoeidheid., category: a, feedback: Lichamelijk.}]
  - id: rand-twee-indelingen
    type: classify
    stem: Waar hoort dit bij?
    source: {doc: profielschets, where: x}
    categories: [{id: a, label: Lichamelijk}, {id: b, label: "*Psychisch*"}]
    statements: [{text: Vermoeidheid., category: a}, {text: Somberheid., category: a}]
  - id: rand-veel-fout
    type: multiple
    stem: Welke?
    source: {doc: profielschets, where: x}
    options: [{text: A, correct: true}, {text: B}, {text: C}, {text: D}, {text: E}, {text: F}, {text: G},
              {text: H}, {text: I}, {text: J}, {text: K}, {text: L}]
"""


@pytest.fixture(scope="module", params=["real", "examples", "edge"])
def bank_set(request, tmp_path_factory) -> tuple[QuizBanks, dict[str, bytes]]:
    """The real banks, the examples of every type or the edge cases, and their Moodle XML files."""
    root = ROOT
    folder = ROOT / "docs" / "_data" / "quiz"
    if request.param == "examples":
        root = tmp_path_factory.mktemp("examples")
        folder = write_example_banks(root / "banks")
    if request.param == "edge":
        root = tmp_path_factory.mktemp("edge")
        folder = root / "banks"
        folder.mkdir()
        (folder / "randgevallen.yml").write_text(EDGE_BANK, encoding="utf-8")
    banks = load_quiz_banks(folder, root, citations(ROOT))
    banks.root = root  # type: ignore[attr-defined]
    return banks, MoodleWriter(QuizRenderer(banks, citations=citations(ROOT))).files()


def plain(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    return Markup(html).striptags()


def parse(data: bytes) -> ET.Element:
    """The file parsed strictly (expat: any well-formedness error raises)."""
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<quiz>")
    assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data
    return ET.fromstring(data)


def one(q: ET.Element, path: str) -> ET.Element:
    """The one element at ``path`` (the importer reads index 0; there must be exactly one)."""
    found = q.findall(path)
    assert len(found) == 1, f"{q.findtext('idnumber')}: {len(found)} x {path}"
    return found[0]


# A paragraph the engine wrote, escaped: raw HTML in data is escaped on purpose, but no bank
# writes a <p> of its own.
ESCAPED_TAG = re.compile(r"&lt;/?p&gt;")


def html_text(q: ET.Element, path: str) -> str:
    """The text of a ``<path format="html"><text>`` element."""
    element = one(q, path)
    assert element.get("format") == "html", f"{q.findtext('idnumber')}: {path} is not format=html"
    text = one(element, "text").text or ""
    # HTML escaped once too often (a str added to Markup is escaped) shows its tags as text.
    assert not ESCAPED_TAG.search(text), f"{q.findtext('idnumber') or q.tag}: {path} shows escaped tags: {text[:80]}"
    return text


def grade(answer: ET.Element) -> float:
    """An answer's fraction attribute (percent), one of the grades Moodle accepts."""
    value = float(answer.get("fraction", "x"))
    assert any(abs(value - g) < 1e-3 for g in GRADES), f"grade {value} is not one Moodle accepts"
    return value


# -- what the importer reads, per question type ---------------------------------------------
def check_common(q: ET.Element) -> None:
    """import_headers: name, question text, general feedback, grade, penalty, idnumber."""
    assert (one(q, "name/text").text or "").strip(), "a question needs a name"
    name = one(q, "name/text").text or ""
    assert len(name) <= min(NAME_LENGTH, 255), "Moodle keeps 255 characters of a name"
    if q.get("type") == "ordering":  # its import's fix_questionname cuts at 42 bytes (PHP strlen)
        assert len(name.encode()) <= 42, "qtype_ordering cuts a longer name"
    assert html_text(q, "questiontext").startswith("<p>")
    assert "<p>" in html_text(q, "generalfeedback"), "the explanation and source are the general feedback"
    assert float(one(q, "defaultgrade").text or "0") > 0
    assert 0 <= float(one(q, "penalty").text or "-1") <= 1
    assert one(q, "hidden").text == "0"
    idnumber = one(q, "idnumber").text or ""
    assert idnumber and len(idnumber) <= 100, "Moodle's idnumber column holds 100 characters"


def check_combined(q: ET.Element) -> None:
    """import_combined_feedback: three feedback texts; shownumcorrect read by presence."""
    for part in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert html_text(q, part)
    one(q, "shownumcorrect")


def check_multichoice(q: ET.Element) -> None:
    """import_multichoice: single, shuffleanswers, answernumbering, answers with grades."""
    single = one(q, "single").text
    assert single in ("true", "false")
    assert one(q, "shuffleanswers").text in ("true", "false")
    assert one(q, "answernumbering").text in ("abc", "ABCD", "123", "iii", "IIII", "none")
    assert one(q, "showstandardinstruction").text in ("0", "1")
    check_combined(q)
    answers = q.findall("answer")
    assert len(answers) >= 2
    grades = [grade(a) for a in answers]
    for a in answers:
        assert a.get("format") == "html" and (one(a, "text").text or "").strip()
        assert one(a, "feedback").get("format") == "html"
    if single == "true":
        assert sorted(grades)[-1] == 100 and sorted(grades)[-2] <= 0, "one right option, 100 %"
    else:
        assert abs(sum(g for g in grades if g > 0) - 100) < 0.01, "the right options sum to 100 %"
        assert all(g < 0 for g in grades if g <= 0), "every wrong option takes marks off"
        negatives = [g for g in grades if g < 0]
        assert sum(negatives) <= -99.99, "ticking every option scores nothing"
        least = min(100 * f for f in MOODLE_FRACTIONS if 100 * f >= 100 / len(negatives) - 1e-4)
        assert all(g == pytest.approx(-least) for g in negatives), "each takes off the least grade that does"


def check_truefalse(q: ET.Element) -> None:
    """import_truefalse: two answers, 'true' and 'false', one of them 100 %, each with feedback."""
    answers = {one(a, "text").text: float(a.get("fraction", "x")) for a in q.findall("answer")}
    assert set(answers) == {"true", "false"} and sorted(answers.values()) == [0, 100]
    for a in q.findall("answer"):
        # The verdict on this answer, then the statement's own feedback, if any.
        assert re.match(r"<p>(Juist|Onjuist)\.</p>", html_text(a, "feedback")), html_text(a, "feedback")


def check_match(q: ET.Element) -> None:
    """import_match: subquestions (HTML) with a plain-text answer; enough for Moodle's form."""
    assert one(q, "shuffleanswers").text in ("true", "false", "0", "1")
    check_combined(q)
    subs = q.findall("subquestion")
    for sub in subs:
        assert sub.get("format") == "html"
        one(sub, "text")
        answer = one(sub, "answer/text").text or ""
        assert answer.strip() and "<" not in answer, "a match answer is plain text"
    stems = [s for s in subs if (s.findtext("text") or "").strip()]
    # Moodle's editing form asks for two stems and three rows: the question stays editable.
    assert len(stems) >= 2 and len(subs) >= 3, f"{q.findtext('idnumber')}: too small a match for Moodle's form"


def check_ordering(q: ET.Element) -> None:
    """qtype_ordering's import_from_xml: layout, select type and count, grading, answers."""
    assert one(q, "layouttype").text in ("VERTICAL", "HORIZONTAL")
    assert one(q, "selecttype").text == "ALL", "every step is shown"
    answers = q.findall("answer")
    assert int(one(q, "selectcount").text or "0") == len(answers) >= 2
    assert one(q, "gradingtype").text in GRADING_TYPES
    assert one(q, "showgrading").text in ("SHOW", "HIDE")
    check_combined(q)
    # qtype_ordering reads the element's value, not its presence: empty is "" and saves as 0.
    assert one(q, "shownumcorrect").text == "1", "Moodle would not show the number of steps right"
    for position, a in enumerate(answers, start=1):
        assert a.get("format") == "html" and (one(a, "text").text or "").strip()
        assert a.get("fraction") == str(position), "an ordering answer's fraction is its position"


CHECKS = {
    "multichoice": check_multichoice,
    "truefalse": check_truefalse,
    "match": check_match,
    "ordering": check_ordering,
}


# -- the answer key, rebuilt from the XML alone ---------------------------------------------
def key_from_xml(q: ET.Element, question: Any, seed: str, mx: MoodleWriter) -> Any:
    """The answer key of ``question`` as the XML says it, in the engine's shape."""
    kind = q.get("type")
    if kind == "multichoice":
        grades = [float(a.get("fraction", "0")) for a in q.findall("answer")]
        if question.type == "classify":  # one statement: a choice of its category
            return [grades.index(100)]
        if q.findtext("single") == "true":
            return grades.index(100)
        return [i for i, g in enumerate(grades) if g > 0]
    if kind == "truefalse":
        return [next(a.findtext("text") for a in q.findall("answer") if a.get("fraction") == "100") == "true"]
    if kind == "match":
        pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in q.findall("subquestion")]
        answers = [a for text, a in pairs if text]
        if question.type == "truefalse":
            return [a == mx.t("true_label") for a in answers]
        labels = [plain(mx.inline(c.label)) for c in question.categories]
        return [labels.index(a) for a in answers]
    if kind == "ordering":
        texts = [a.findtext("text") for a in q.findall("answer")]
        steps = [str(mx.inline(s)) for s in question.steps]
        order = [steps.index(t) for t in texts]
        shown = question.shown_order(seed)
        return [shown.index(step) for step in order]
    raise AssertionError(f"unknown Moodle type {kind}")


def test_every_question_has_what_the_importer_reads(bank_set) -> None:
    banks, files = bank_set
    seen: dict[str, int] = {}
    for name, data in files.items():
        root = parse(data)
        category = None
        for q in root.findall("question"):
            kind = q.get("type") or ""
            if kind == "category":
                category = one(q, "category/text").text or ""
                assert category.startswith("$course$/top/")
                module = banks.modules[one(q, "idnumber").text]
                meta = module.module
                # The version and the pass mark, which a Moodle quiz does not take over by itself.
                assert f"<p>Inhoudsversie {meta.version} · Geslaagd bij {meta.pass_mark}% goed</p>" in html_text(
                    q, "info"
                )
                continue
            assert category, f"{name}: a question before any category"
            check_common(q)
            assert kind in CHECKS, f"{name}: Moodle type '{kind}': add its checks to CHECKS (and key_from_xml)"
            CHECKS[kind](q)
            seen[kind] = seen.get(kind, 0) + 1
        ids = [q.findtext("idnumber") for q in root.findall("question")]
        assert len(ids) == len(set(ids)), f"{name}: an idnumber twice"
    print("Moodle questions per type (all files):", seen)


def test_answer_keys_survive_the_round_trip(bank_set) -> None:
    banks, files = bank_set
    mx = MoodleWriter(QuizRenderer(banks, citations=citations(ROOT)))
    for module_id, module in banks.modules.items():
        root = parse(files[f"{module_id}.xml"])
        by_id = {q.findtext("idnumber"): q for q in root.findall("question")}
        for item in module.items:
            units = item.units_of
            keys = []
            for question, _uid, seed, stage in units:
                idnumber = item.id if stage is None else f"{item.id}--{stage.id}"
                keys.append(key_from_xml(by_id[idnumber], question, seed, mx))
            assert (keys if item.type == "case" else keys[0]) == item.correct_answer, item.id


def test_files_follow_the_modules_order(bank_set) -> None:
    banks, files = bank_set
    expected_all: list[str] = []
    for module_id, module in banks.modules.items():
        expected = [module_id]
        for item in module.items:
            stages = getattr(item, "stages", None)
            expected += [f"{item.id}--{s.id}" for s in stages] if stages else [item.id]
        root = parse(files[f"{module_id}.xml"])
        got = [q.findtext("idnumber") for q in root.findall("question")]
        assert got == expected, module_id
        names = [q.findtext("name/text") or "" for q in root.findall("question")[1:]]
        assert names == sorted(names), f"{module_id}: names sort in the module's order in Moodle's bank"
        expected_all += expected
        print(f"{module_id}: {len(expected) - 1} Moodle questions for {len(module.items)} items")
    everything = parse(files["alle-modules.xml"])
    assert [q.findtext("idnumber") for q in everything.findall("question")] == expected_all
    categories = [q.findtext("category/text") for q in everything.findall("question[@type='category']")]
    assert len(categories) == len(set(categories)) == len(banks.modules), "each module its own category"


def test_files_are_what_elementtree_writes_for_the_whole_document(bank_set) -> None:
    # Each question is serialised once and stands in two files: both must be byte for byte
    # what ElementTree writes for the whole <quiz> element, indented.
    banks, files = bank_set
    writer = MoodleWriter(QuizRenderer(banks, citations=citations(ROOT)))
    questions = {module_id: writer.module_questions(module) for module_id, module in banks.modules.items()}
    documents = {f"{module_id}.xml": elements for module_id, elements in questions.items()}
    documents["alle-modules.xml"] = [q for elements in questions.values() for q in elements]
    assert set(documents) == set(files)
    for name, elements in documents.items():
        quiz = ET.Element("quiz")
        quiz.extend(elements)
        ET.indent(quiz, space="  ")
        expected = ET.tostring(quiz, encoding="UTF-8", xml_declaration=True) + b"\n"
        assert files[name] == expected, name
    assert quiz_document([]) == ET.tostring(ET.Element("quiz"), encoding="UTF-8", xml_declaration=True) + b"\n"


def test_case_stages_carry_the_case_and_share_one_mark(bank_set) -> None:
    banks, files = bank_set
    for module_id, module in banks.modules.items():
        root = parse(files[f"{module_id}.xml"])
        by_id = {q.findtext("idnumber"): q for q in root.findall("question")}
        for item in module.items:
            stages = getattr(item, "stages", None) or []
            marks = [float(by_id[f"{item.id}--{s.id}"].findtext("defaultgrade") or 0) for s in stages]
            if stages:
                assert abs(sum(marks) - 1) < 1e-5, "a case counts as one question, as on the site"
            mx = MoodleWriter(QuizRenderer(banks))
            intro = mx.para(item.stem) if stages else ""
            for k, stage in enumerate(stages):
                text = by_id[f"{item.id}--{stage.id}"].findtext("questiontext/text") or ""
                assert text.startswith(intro), "every stage starts with the case"
                for earlier in stages[: k + 1]:
                    assert plain(mx.block(earlier.text))[:40] in plain(text)
            # The case's own explanation gives the later stages away: only the last stage has it.
            if len(stages) > 1 and item.explanation:
                explanation = plain(mx.block(item.explanation))[:60]
                feedback = [plain(by_id[f"{item.id}--{s.id}"].findtext("generalfeedback/text") or "") for s in stages]
                assert [explanation in f for f in feedback] == [False] * (len(stages) - 1) + [True], item.id


def test_html_inside_is_valid(bank_set, tmp_path: Path) -> None:
    if not shutil.which("java"):
        pytest.fail("java not found: the Nu Html Checker needs a JRE")
    assert VNU_JAR.is_file(), "vnu.jar missing: run `npm ci`"
    _banks, files = bank_set
    pages = []
    for name, data in files.items():
        root = parse(data)
        parts = []
        for element in root.iter():
            if element.tag in HTML_PARTS and element.get("format") == "html":
                parts.append(f"<div>{element.findtext('text') or ''}</div>")
        page = tmp_path / f"{name}.html"
        page.write_text(
            '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>x</title></head><body>'
            + "\n".join(parts)
            + "</body></html>",
            encoding="utf-8",
        )
        pages.append(str(page))
    cmd = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *pages]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors[:20])


def test_command_line_writes_the_same_files(tmp_path: Path) -> None:
    """The real banks (the site's citations read its bibliography) through the command line."""
    banks_dir = ROOT / "docs" / "_data" / "quiz"
    banks = load_quiz_banks(banks_dir, ROOT, citations(ROOT))
    files = MoodleWriter(QuizRenderer(banks, citations=citations(ROOT))).files()
    code = main(
        ["--root", str(ROOT), "--citations", "macros.content:citations", "moodle", str(banks_dir), str(tmp_path)]
    )
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)
    for name, data in files.items():
        assert (tmp_path / name).read_bytes() == data, name


def test_a_grade_moodle_cannot_hold_stops_the_export(tmp_path: Path) -> None:
    bank = (write_example_banks(tmp_path / "examples") / "voorbeeld-keuze.yml").read_text(encoding="utf-8")
    options = "\n".join(f"      - text: Optie {i}\n        correct: {'true' if i < 11 else 'false'}" for i in range(12))
    item = (
        "  - id: te-veel-juist\n    type: multiple\n    stem: Welke?\n"
        f"    source: {{doc: profielschets, where: x}}\n    options:\n{options}\n"
    )
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "voorbeeld-keuze.yml").write_text(bank.rstrip("\n") + "\n" + item, encoding="utf-8")
    code = main(["--root", str(tmp_path), "moodle", str(folder), str(tmp_path / "out")])
    assert code == 1
    assert not (tmp_path / "out").exists(), "nothing is written when a module cannot be exported"


@pytest.mark.parametrize("wrong", [1, 2, 3, 7, 11, 13, 19, 21, 30])
def test_ticking_every_option_scores_nothing_in_moodle(tmp_path: Path, wrong: int) -> None:
    # As on the site: the wrong options together take off at least what the right ones give,
    # also where Moodle has no grade of exactly 1/n (1/11 is none: 5 % each would leave 45 %).
    options = "\n".join(
        f"      - text: Optie {i}\n        correct: {'true' if i < 2 else 'false'}" for i in range(2 + wrong)
    )
    item = f"  - id: veel-opties\n    type: multiple\n    stem: Welke?\n    source: {{doc: profielschets, where: x}}\n    options:\n{options}\n"
    folder = _bank_with(tmp_path, item)
    assert main(["--root", str(tmp_path), "moodle", str(folder), str(tmp_path / "out")]) == 0
    root = ET.parse(tmp_path / "out" / "voorbeeld-keuze.xml").getroot()
    question = next(q for q in root.iter("question") if q.findtext("idnumber") == "veel-opties")
    grades = [float(a.get("fraction", "")) for a in question.iter("answer")]
    assert len(grades) == 2 + wrong
    assert sum(g for g in grades if g > 0) == pytest.approx(100)
    assert sum(grades) <= 1e-4, grades  # 3 x -33.33333 % is Moodle's -100 %
    assert all(float(g) in {round(100 * f, 5) for f in MOODLE_FRACTIONS} for g in map(abs, grades))


def _bank_with(tmp_path: Path, items: str) -> Path:
    """The example choice bank plus ``items`` (YAML list entries), alone in a folder."""
    bank = (write_example_banks(tmp_path / "examples") / "voorbeeld-keuze.yml").read_text(encoding="utf-8")
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "voorbeeld-keuze.yml").write_text(bank.rstrip("\n") + "\n" + items, encoding="utf-8")
    return folder


def test_check_reports_what_moodle_cannot_take_at_the_items_line(tmp_path: Path, capsys) -> None:
    # `check` promises what the build does, and the build stops on these before any page.
    long_id = "casus-" + "x" * 92
    folder = _bank_with(
        tmp_path,
        "  - id: twee-gelijk\n    type: classify\n    stem: Sorteer.\n    source: {doc: profielschets, where: x}\n"
        "    categories: [{id: a, label: Ja}, {id: b, label: '*Ja*'}]\n"
        "    statements: [{text: Een, category: a}, {text: Twee, category: b}]\n"
        f"  - id: {long_id}\n    type: case\n    stem: Een casus.\n    source: {{doc: profielschets, where: x}}\n"
        "    stages:\n      - id: fase\n        text: Eerst.\n"
        "        question: {type: truefalse, stem: Klopt het?, statements: [{text: Iets, answer: true}]}\n",
    )
    lines = (folder / "voorbeeld-keuze.yml").read_text(encoding="utf-8").splitlines()
    first = lines.index("  - id: twee-gelijk") + 1
    second = lines.index(f"  - id: {long_id}") + 1
    assert main(["--root", str(tmp_path), "check", str(folder)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"banks/voorbeeld-keuze.yml:{first}: [item twee-gelijk] Moodle XML: twee keuzes zijn als platte tekst "
        "gelijk: Ja, Ja",
        f"banks/voorbeeld-keuze.yml:{second}: [item {long_id}] Moodle XML: idnumber '{long_id}--fase' is 104 "
        "tekens lang; Moodle bewaart er hoogstens 100 (bij een casus: de id, '--' en de id van de fase); "
        "kies een kortere id",
    ]
    # A site without Moodle files (moodle_dir empty) is not held to Moodle's limits.
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - quizkit:\n      moodle_dir: ''\n")
    assert main(["--config", str(tmp_path / "mkdocs.yml"), "check", str(folder)]) == 0


def test_names_number_every_item_of_a_long_module(tmp_path: Path) -> None:
    singles = "".join(
        f"  - id: vraag-{n}\n    type: single\n    stem: Vraag {n}?\n    source: {{doc: profielschets, where: x}}\n"
        "    options: [{text: Ja, correct: true}, {text: Nee}]\n"
        for n in range(100)
    )
    case = (
        "  - id: lange-casus\n    type: case\n    stem: Een casus.\n    source: {doc: profielschets, where: x}\n"
        "    stages:\n      - id: fase\n        text: Eerst.\n"
        "        question: {type: truefalse, stem: Klopt het?, statements: [{text: Iets, answer: true}]}\n"
    )
    folder = _bank_with(tmp_path, singles + case)
    banks = load_quiz_banks(folder, tmp_path)
    n = len(banks.modules["voorbeeld-keuze"].items)
    files = MoodleWriter(QuizRenderer(banks)).files()
    names = [q.findtext("name/text") for q in parse(files["voorbeeld-keuze.xml"]).iter("question")]
    assert names[-1] == f"{n}.1 Klopt het?"
    assert names[-2] == f"{n - 1} Vraag 99?"
    assert all(len(name) <= min(NAME_LENGTH, 255) for name in names if name)


def test_an_ordering_name_keeps_within_qtype_orderings_bytes_also_in_a_case(tmp_path: Path) -> None:
    stem = "Zet de stappen van het gesprek over de klachten van de patiënte in de juiste volgorde"
    steps = "[Één, Twee, Drie]"
    bank = (
        f"  - id: volgorde\n    type: ordering\n    stem: {stem}\n    source: {{doc: profielschets, where: x}}\n"
        f"    steps: {steps}\n"
        "  - id: casus-volgorde\n    type: case\n    stem: Een casus.\n    source: {doc: profielschets, where: x}\n"
        "    stages:\n      - id: fase\n        text: Eerst.\n"
        f"        question: {{type: ordering, stem: {stem}, steps: {steps}}}\n"
    )
    banks = load_quiz_banks(_bank_with(tmp_path, bank), tmp_path)
    files = MoodleWriter(QuizRenderer(banks)).files()
    names = [q.findtext("name/text") or "" for q in parse(files["voorbeeld-keuze.xml"]).iter("question")]
    ordering = [name for name in names if "Zet de stappen van het" in name]
    assert ["." in name.split(" ", 1)[0] for name in ordering] == [False, True]  # the item, the stage
    assert all(len(name.encode()) <= 42 and name.endswith("…") for name in ordering), ordering


def test_names_tell_apart_questions_that_open_alike() -> None:
    # Eleven true-or-false questions open with "Juist of onjuist? Beoordeel deze stellingen"; a
    # trainer picking questions in Moodle's bank tells them apart by the words after that.
    banks = load_quiz_banks(ROOT / "docs" / "_data" / "quiz", ROOT, citations(ROOT))
    files = MoodleWriter(QuizRenderer(banks)).files()
    names = [
        (q.get("type"), q.findtext("name/text") or "")
        for q in parse(files["alle-modules.xml"]).iter("question")
        if q.get("type") != "category"
    ]
    openings = [name.split(" ", 1)[1] for _, name in names]
    assert sum(o.startswith("Juist of onjuist? Beoordeel") for o in openings) >= 10
    assert len(set(openings)) == len(openings), "two questions with the same name but their number"
    assert any(kind == "ordering" for kind, _ in names)


def test_a_short_name_fits_in_characters_or_in_bytes() -> None:
    text = "Zet de stappen van het gesprek met de patiënt in de juiste volgorde"
    assert short_name(text, 100) == text
    assert short_name(text, 30) == "Zet de stappen van het…"
    # In UTF-8 bytes, as qtype_ordering counts: "é" and "…" take more than one each.
    assert short_name("Één één één één", 14, utf8_size) == "Één één…"
    assert utf8_size(short_name("Één één één één", 14, utf8_size)) <= 14
    assert short_name("Onafgebrokenwoord", 8) == "Onafgeb…"
    # No dash or comma left dangling before the ellipsis.
    assert short_name("Wat zegt de patiënt — en wat hoort u?", 24) == "Wat zegt de patiënt…"
    assert short_name("Eerst dit, dan dat", 14) == "Eerst dit…"


def test_options_are_shuffled_in_moodle_where_the_site_shuffles_them(bank_set) -> None:
    # Which types the site shuffles is read from the script itself, in Chromium:
    # tests/quiz/test_quiz_browser.py::test_moodle_shuffles_the_options_of_exactly_the_types_the_site_shuffles.
    banks, files = bank_set
    seen = set()
    for question in parse(files["alle-modules.xml"]).iter("question"):
        idnumber = question.findtext("idnumber")
        if question.get("type") != "multichoice" or idnumber not in banks.items:
            continue
        item = banks.items[idnumber][1]
        assert question.findtext("shuffleanswers") == ("true" if item.shuffles_options else "false"), idnumber
        seen.add(item.type)
    kinds = {item.type for _, item in banks.items.values()}
    assert seen >= kinds & {"single", "multiple", "phrasing"}, seen
