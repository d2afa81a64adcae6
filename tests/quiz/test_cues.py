"""The cue counter counts what it says, on hand-built modules."""

from __future__ import annotations

from bank_items import SOURCE, case_of, classify, single

from quizkit.cues import absolute_words, cue_lines, in_category_order, measure_cues, visible_text
from quizkit.models import QuizModule
from quizkit.render import Strings


def module(module_id: str, items: list[dict]) -> QuizModule:
    meta = {
        "id": module_id,
        "title": "T",
        "description": "D",
        "version": 1,
        "minutes": 1,
        "pass_mark": 70,
        "objectives": ["O"],
    }
    return QuizModule.model_validate({"module": meta, "items": items})


def test_visible_text_drops_markup():
    assert visible_text("**Vet** en [een link](https://x.nl) en `code`") == "Vet en een link en code"


def test_absolute_words_word_boundary_and_case():
    assert absolute_words("Altijd en ALLEEN, nooit") == ["altijd", "alleen", "nooit"]
    assert absolute_words("geen  enkele reden") == ["geen enkele"]
    # Word boundaries: 'alleenstaand' and 'steedse' are not absolute words; 'elke' is.
    assert absolute_words("een alleenstaande ouder") == []
    assert absolute_words("bij elke patiënt") == ["elke"]


def test_counts_lists_longest_and_absolutes():
    case = case_of(
        "c",
        single("x", "kort", "veel langer"),
        single("x", "langste juist", "kort", kind="phrasing"),
        {
            "type": "truefalse",
            "stem": "Juist?",
            "statements": [
                {"text": "Dit geldt altijd", "answer": False},
                {"text": "Dit geldt soms", "answer": True},
            ],
        },
    )
    first = module(
        "een",
        [
            single("a", "**dit is de langste juiste optie**", "kort", "ook kort"),  # right longest
            single("b", "even", "even"[::-1] + "x"),  # wrong longer
            single("c2", "gelijk", "gelijk".upper()),  # equal length: not strictly longest
            {
                "id": "m",
                "type": "multiple",
                "stem": "Welke?",
                "source": SOURCE,
                "options": [
                    {"text": "Alleen bij pijn", "correct": True},
                    {"text": "Nooit bij moeheid", "correct": False},
                    {"text": "Soms", "correct": False},
                ],
            },
            case,
        ],
    )
    second = module("twee", [single("z", "Iedereen heeft het", "Niemand heeft het, nooit")])

    report = measure_cues([first, second])

    one, two = report.modules
    assert (one.lists, one.right_longest) == (5, 2)  # a, b, c2, s1, s2; longest in a and s2
    assert one.right_first == 5  # the helper writes the right option first
    assert (one.absolute, one.absolute_false) == (3, 2)  # Alleen (right), Nooit (false), altijd (false)
    assert (two.lists, two.right_longest, two.absolute, two.absolute_false) == (1, 0, 2, 1)
    assert (report.total.lists, report.total.right_longest) == (6, 2)
    assert (report.total.absolute, report.total.absolute_false) == (5, 3)
    assert abs(report.total.right_longest_share - 2 / 6) < 1e-9
    assert abs(report.total.absolute_false_share - 3 / 5) < 1e-9
    assert [c.where for c in report.worst(5)] == ["a", "c/s2"]
    assert {a.where for a in report.absolutes if not a.true} == {"m", "c/s3", "z"}
    lines = cue_lines([first, second])
    assert lines[0] == "Raadbare vragen (signalen, geen fouten):"
    assert lines[3].startswith(
        "  totaal: juiste optie de langste in 2 van 6 lijsten (33%); absolute woorden onjuist in 3 van 5 (60%)"
    )
    assert "WAARSCHUWING: juiste optie vaak de langste (meer dan 35%)" in lines[1]  # een: 2 of 5
    # twee: longest in 0 of 1, 1 of 2 absolutes false (50 %); its one list has the right option first
    assert lines[2].endswith("  WAARSCHUWING: juiste optie vaak bovenaan in de bank (meer dan 50%)")
    assert lines[-1] == "  Vragen waar de juiste optie het duidelijkst de langste is: a, c/s2"


def test_make_check_reports_the_cues_per_module_without_failing():
    import subprocess
    import sys

    from helpers import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "macros.check", str(ROOT)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("Raadbare vragen", 1)[1]
    for module in ("casus", "handreiking", "mentaliseren", "misverstanden", "profielschets", "verwijzen", "totaal"):
        assert f"  {module}: juiste optie de langste in " in section, module


def test_statements_in_category_order_are_a_pattern():
    assert in_category_order([0, 0, 1, 2])  # sorted
    assert in_category_order([0, 1, 2, 0, 1, 2])  # the categories over and over
    assert in_category_order([1, 1, 2, 2, 0, 0])  # each category's statements side by side
    assert in_category_order([2, 2, 1, 0])
    assert not in_category_order([2, 0, 1, 2, 1, 0])
    assert not in_category_order([1, 0, 0, 1, 0, 1, 0, 0])
    assert not in_category_order([0, 1])  # two statements: no pattern to see
    assert not in_category_order([1, 1, 1])  # one category for all
    assert not in_category_order([2, 4, 1, 0, 3])


def test_classify_questions_in_category_order_are_counted_also_in_a_case():
    case = case_of("c", classify("x", "a", "b", "c", "a", "b", "c"))
    report = measure_cues([module("m", [classify("k", "a", "a", "b", "c"), classify("g", "b", "a", "c", "a"), case])])
    count = report.modules[0]
    assert (count.sorts, count.sorts_in_order) == (3, 2)
    assert report.in_order == ["k", "c/s1"]


def test_no_classify_question_of_the_site_gives_its_answers_away(banks):
    """Classify statements are shown in the bank's order to every learner (options are shuffled)."""
    report = measure_cues(banks.modules.values())
    assert report.total.sorts >= 5, "the banks have classify questions: the test checks something"
    assert report.in_order == [], "statements in the order of the categories: put them in another order"


def test_right_options_first_in_the_bank_are_counted_and_flagged_above_half():
    def moved(item: dict, to: int) -> dict:
        options = item["options"]
        return {**item, "options": [*options[1 : to + 1], options[0], *options[to + 1 :]]}

    first = single("a", "juist", "fout", "ook fout")
    lists = [first, moved(single("b", "juist", "fout", "ook fout"), 2), moved(single("c", "juist", "fout"), 1)]
    report = measure_cues([module("m", lists)])
    assert [c.right_position for c in report.lists] == [0, 2, 1]
    assert (report.total.right_first, report.total.lists) == (1, 3)
    assert "juiste optie bovenaan in 1 van 3 lijsten (33%)" in cue_lines([module("m", lists)])[1]
    assert "WAARSCHUWING" not in cue_lines([module("m", lists)])[1]
    lines = cue_lines([module("m", [first, single("d", "juist", "fout"), lists[1]])])
    assert "juiste optie bovenaan in 2 van 3 lijsten (67%)" in lines[1]
    assert "WAARSCHUWING: juiste optie vaak bovenaan in de bank (meer dan 50%)" in lines[1]


def test_the_sites_banks_do_not_put_the_right_option_first_as_a_rule(banks):
    """Without JavaScript, in Moodle without shuffling and in LMS answer codes, the bank's order shows."""
    report = measure_cues(banks.modules.values())
    assert report.total.lists >= 20, "the banks have single-answer lists: the test checks something"
    assert report.total.right_first_share <= 0.5, (
        f"right option first in {report.total.right_first} of {report.total.lists}"
    )


def test_the_absolute_words_are_the_banks_language():
    """An English site's check flagged "altijd" and missed "always" (a second site's journey)."""
    english = Strings("en").absolute_words
    assert absolute_words("This is always so, and only then", english) == ["always", "only"]
    assert absolute_words("Dit geldt altijd", english) == []
    assert absolute_words("No one knows", english) == ["no one"]
    assert absolute_words("This is always so") == []  # the default locale's words: Dutch
    statements = [{"text": "Exits are always locked at night", "answer": False}]
    item = {"id": "e", "type": "truefalse", "stem": "True?", "source": SOURCE, "statements": statements}
    report = measure_cues([module("en", [item])], english)
    assert (report.total.absolute, report.total.absolute_false) == (1, 1)
    assert measure_cues([module("en", [item])]).total.absolute == 0
    warning = " ".join(cue_lines([module("en", [item])], english))
    assert "woorden als 'always' of 'never' vaak in onjuiste opties" in warning
