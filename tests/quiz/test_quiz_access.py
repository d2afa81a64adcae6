"""Accessibility of the quiz in Chromium, measured the way the user-journey audit found each defect.

D1 and D3: keyboard focus on every radio, checkbox and quiz button changes pixels around it at
3:1 or more, in light, dark and forced colours. D2: no focused element hides under the sticky
header, tabbing either way. A verdict that appears out of view (a phone) is scrolled into view,
below the header, the focus left on the button. axe with the WCAG 2.2 rules in every state a learner
can bring about.
"""

from __future__ import annotations

import base64

import pytest
from helpers import format_violations, hidden_under_header, run_axe
from playwright.sync_api import expect
from test_quiz_browser import KEUZE, LOS, PAGE_OF, STELLINGEN, answer_item, feedback, give_answer, tab_to

from quizkit.bank import QuizBanks

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
SCHEMES = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "forced": {"forced_colors": "active"},
}

# Compares two PNG screenshots of the same area in the page's own canvas: how many pixels
# changed, and how many of those changed by a contrast ratio of at least 3:1.
COMPARE_JS = """async ([a, b]) => {
    const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = src; });
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    const pixels = (img) => { const c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
        const x = c.getContext("2d"); x.drawImage(img, 0, 0); return x.getImageData(0, 0, img.width, img.height).data; };
    const pa = pixels(ia), pb = pixels(ib);
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const lum = (d, i) => 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
    let changed = 0, contrasting = 0;
    for (let i = 0; i < pa.length; i += 4) {
        if (pa[i] === pb[i] && pa[i + 1] === pb[i + 1] && pa[i + 2] === pb[i + 2]) continue;
        changed++;
        const [hi, lo] = [lum(pa, i), lum(pb, i)].sort((x, y) => y - x);
        if ((hi + 0.05) / (lo + 0.05) >= 3) contrasting++;
    }
    return {changed, contrasting};
}"""


def focus_change(page, control) -> dict:
    """Pixels around ``control`` before and after it gets keyboard focus (Shift+Tab, then Tab).

    Returns the counts of :data:`COMPARE_JS` and the control's perimeter in CSS pixels.
    """
    control.scroll_into_view_if_needed()
    page.mouse.move(1, 1)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    box = control.bounding_box()
    pad = 8
    clip = {
        "x": box["x"] - pad,
        "y": box["y"] - pad,
        "width": box["width"] + 2 * pad,
        "height": box["height"] + 2 * pad,
    }
    before = page.screenshot(clip=clip, animations="disabled")
    control.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert control.evaluate("el => el === document.activeElement && el.matches(':focus-visible')")
    assert control.bounding_box() == box, "the page scrolled while focusing"
    after = page.screenshot(clip=clip, animations="disabled")
    urls = [f"data:image/png;base64,{base64.b64encode(png).decode()}" for png in (before, after)]
    return {**page.evaluate(COMPARE_JS, urls), "perimeter": 2 * (box["width"] + box["height"])}


CONTROLS = {
    "radio": "#vraag-vb-single-basis input",
    "checkbox": "#vraag-vb-multiple-basis input",
    "check": '#vraag-vb-single-basis [data-quiz-action="check"]',
    "retry": '#vraag-vb-single-basis [data-quiz-action="retry"]',
}


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("control", list(CONTROLS))
def test_keyboard_focus_is_visible(new_page, quiz_url: str, control: str, scheme: str) -> None:
    """D1, D3: the focus indicator is at least as large as a 2px perimeter and contrasts 3:1."""
    page = new_page(viewport=DESKTOP, **SCHEMES[scheme])
    page.goto(quiz_url + KEUZE)
    found = focus_change(page, page.locator(CONTROLS[control]).first)
    assert found["contrasting"] >= 2 * found["perimeter"], found


def test_focused_buttons_stay_distinguishable(page, quiz_url: str) -> None:
    """D3: a focused "Opnieuw" does not turn into a second "Controleer"."""
    page.goto(quiz_url + KEUZE)
    item = page.locator("#vraag-vb-single-basis")
    style = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color]; }"
    check = item.locator('[data-quiz-action="check"]')
    retry = item.locator('[data-quiz-action="retry"]')
    primary = check.evaluate(style)
    retry.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert retry.evaluate("el => el.matches(':focus-visible')")
    assert retry.evaluate(style) != primary
    assert check.evaluate(style) == primary


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("path", [KEUZE, STELLINGEN, LOS])
def test_focus_never_hides_under_the_sticky_header(new_page, quiz_url: str, path: str, viewport: dict) -> None:
    """D2 on the quiz pages: every Tab and Shift+Tab stop stays wholly below the header.

    Also once the items are checked (feedback, summary links).
    """
    page = new_page(viewport=viewport)
    page.goto(quiz_url + path)
    page.locator('[data-quiz-action="check"]').evaluate_all("els => els.forEach(b => b.click())")
    hidden = []
    stops = page.locator("a[href], button, input, summary").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).length"
    )
    for key in ["Tab"] * stops + ["Shift+Tab"] * stops:
        page.keyboard.press(key)
        if found := hidden_under_header(page, partly=True):
            hidden.append(f"{key}: {found}")
    assert not hidden, "\n".join(hidden[:10])


# Where an item's verdict (its feedback region) is on the screen, below the sticky header or not,
# how far the page is scrolled and whether the check button still has the focus.
VERDICT_JS = """(button) => {
    const r = button.closest('[data-quiz-item]').querySelector('[data-quiz-feedback]').getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, header: document.querySelector('.md-header').getBoundingClientRect().bottom,
            screen: innerHeight, scrolled: scrollY, focused: document.activeElement === button,
            button_top: button.getBoundingClientRect().top};
}"""


def check_with_the_button_at(
    page, banks: QuizBanks, item_id: str, bottom: str, right: bool = True
) -> tuple[float, dict]:
    """Answer an item by keyboard, Tab to "Controleer", put it on the screen and press Enter.

    The page is scrolled until the button's bottom edge is at ``bottom``: a script expression of
    ``innerHeight`` and ``header`` (the sticky header's bottom edge). Returns the scroll position
    before the press, and :data:`VERDICT_JS` once the verdict is shown.
    """
    give_answer(page, banks, item_id, right)
    tab_to(page, f'#vraag-{item_id} [data-quiz-action="check"]')
    button = page.locator(f'#vraag-{item_id} [data-quiz-action="check"]')
    placed = button.evaluate(
        f"""b => {{ const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const off = () => b.getBoundingClientRect().bottom - ({bottom});
            scrollBy(0, off()); return off(); }}"""
    )
    assert abs(placed) < 1, f"the page could not be scrolled to put the button there ({placed} px off)"
    before = page.evaluate("() => scrollY")
    page.keyboard.press("Enter")
    feedback(page, item_id)
    return before, button.evaluate(VERDICT_JS)


@pytest.mark.parametrize("item_id", list(PAGE_OF))
def test_a_verdict_below_the_fold_is_scrolled_into_view(
    new_page, quiz_url: str, example_banks: QuizBanks, item_id: str
) -> None:
    """On a phone, "Controleer" at the bottom of the screen: its verdict would appear out of view.

    Screen readers hear it (a live region); a sighted learner now sees it too: it is scrolled
    wholly into view below the sticky header, at once (no smooth scrolling, here with reduced
    motion asked for), and the focus stays on the button. Every type, and a case's stages (one
    verdict for the whole case).
    """
    page = new_page(viewport=PHONE, reduced_motion="reduce")
    page.goto(quiz_url + PAGE_OF[item_id])
    before, verdict = check_with_the_button_at(page, example_banks, item_id, "innerHeight - 2")
    assert verdict["focused"], "focus moved unasked"
    assert verdict["scrolled"] > before, verdict
    # Scrolled by whole pixels: the box may end a fraction of a pixel past the screen's edge.
    assert verdict["header"] <= verdict["top"] < verdict["bottom"] < verdict["screen"] + 1, verdict


def test_a_verdict_in_view_is_not_scrolled_to(new_page, quiz_url: str, example_banks: QuizBanks) -> None:
    """A verdict that appears wholly in view moves nothing: the page stays where the learner has it."""
    page = new_page(viewport=PHONE)
    page.goto(quiz_url + KEUZE)
    before, verdict = check_with_the_button_at(page, example_banks, "vb-single-basis", "header + 120")
    assert verdict["header"] <= verdict["top"] < verdict["bottom"] <= verdict["screen"], verdict
    assert verdict["scrolled"] == before, verdict
    assert verdict["focused"], "focus moved unasked"


def test_a_verdict_taller_than_the_screen_shows_its_start_and_the_button(
    new_page, quiz_url: str, example_banks: QuizBanks
) -> None:
    """A verdict too tall for the screen below the header (a wrong case, a low screen).

    Its start is scrolled into view below the header, and so is the focused "Controleer" above it
    (quiz.css keeps room for the buttons above a verdict that the script scrolls to).
    """
    page = new_page(viewport={"width": 360, "height": 260})
    page.goto(quiz_url + STELLINGEN)
    before, verdict = check_with_the_button_at(
        page, example_banks, "vb-case-verwijzing", "innerHeight - 2", right=False
    )
    assert verdict["bottom"] - verdict["top"] > verdict["screen"] - verdict["header"], "the verdict fits: no test"
    assert verdict["scrolled"] > before, verdict
    assert verdict["header"] <= verdict["button_top"] < verdict["top"] < verdict["screen"], verdict
    assert verdict["focused"], "focus moved unasked"


def test_questions_are_headings_that_name_their_items(page, quiz_url: str) -> None:
    """D16: "Vraag n van m" is a level-2 heading (as "Uw resultaat"), and names its article."""
    page.goto(quiz_url + KEUZE)
    for n in range(1, 5):
        assert page.get_by_role("heading", level=2, name=f"Vraag {n} van 4", exact=True).count() == 1
        assert page.get_by_role("article", name=f"Vraag {n} van 4", exact=True).count() == 1
    assert page.get_by_role("heading", level=2, name="Uw resultaat").count() == 1


def test_each_items_buttons_name_its_number(page, quiz_url: str) -> None:
    """A screen reader's list of buttons read "Controleer", "Opnieuw" and "Toon antwoord" once per item.

    In a module each names its item's number too, the visible word first (WCAG 2.5.3); the
    button a learner presses is the one its name says. A single item on a page has no number.
    """
    page.goto(quiz_url + KEUZE)
    page.locator("[data-quiz-js]").first.wait_for(state="visible")
    for word in ("Controleer", "Opnieuw"):
        assert page.get_by_role("button", name=word, exact=True).count() == 0
        for n in range(1, 5):
            assert page.get_by_role("button", name=f"{word} Vraag {n} van 4", exact=True).count() == 1
    answers = page.locator("details.qk-quiz-item__answer > summary")
    assert answers.count() == 4
    for n in range(1, 5):
        expect(answers.nth(n - 1)).to_have_accessible_name(f"Toon antwoord Vraag {n} van 4")
        expect(answers.nth(n - 1)).to_have_text("Toon antwoord")
    page.get_by_role("button", name="Controleer Vraag 2 van 4", exact=True).click()
    expect(page.locator("#vraag-vb-single-opmaak [data-quiz-feedback]")).to_have_text("Kies eerst een antwoord.")
    expect(page.locator("#vraag-vb-single-basis [data-quiz-feedback]")).to_have_text("")
    page.goto(quiz_url + LOS)
    page.locator("[data-quiz-js]").first.wait_for(state="visible")
    assert page.get_by_role("button", name="Controleer", exact=True).count() >= 1
    expect(page.locator("details.qk-quiz-item__answer > summary").first).to_have_accessible_name("Toon antwoord")


def test_case_stages_are_headings_that_name_their_groups(page, quiz_url: str, example_banks: QuizBanks) -> None:
    """A case's "Fase n" was bold text: screen-reader users could not jump to it, nor hear it in forms mode."""
    page.goto(quiz_url + STELLINGEN)
    item = page.locator("#vraag-vb-case-verwijzing")
    stages = example_banks.items["vb-case-verwijzing"][1].stages
    assert len(stages) >= 2
    for n, stage in enumerate(stages, start=1):
        assert item.get_by_role("heading", level=3, name=f"Fase {n}", exact=True).count() == 1
        group = item.get_by_role("group", name=f"Fase {n}", exact=True)
        assert group.count() == 1
        # The stage's text and question are inside the group its heading names.
        assert stage.text[:30] in group.inner_text()
        assert group.get_by_role("group", name=stage.question.stem[:20]).count() >= 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_items_line_up_with_the_intro(new_page, quiz_url: str, viewport: dict) -> None:
    """D14: no stray indent from Material's list style on the items or the ordering steps."""
    page = new_page(viewport=viewport)
    page.goto(quiz_url + STELLINGEN)
    left = page.locator(".qk-quiz__intro").bounding_box()["x"]
    assert page.locator(".qk-quiz-item").first.bounding_box()["x"] == left
    assert page.locator(".qk-q__step").first.bounding_box()["x"] == left


def test_phrasing_options_show_one_pair_of_quotation_marks(page, quiz_url: str) -> None:
    """D13: the <q> adds Dutch quotation marks; the text inside carries none of its own."""
    page.goto(quiz_url + KEUZE)
    quotes = page.locator("#vraag-vb-phrasing-basis label q").evaluate_all(
        "els => els.map(q => [getComputedStyle(q).quotes, q.textContent.trim()[0]])"
    )
    assert quotes
    for style, first in quotes:
        assert style.startswith('"“" "”"'), style
        assert first not in "“‘„\"'"


def test_show_answer_is_a_plain_disclosure(new_page, quiz_url: str) -> None:
    """D23: no note admonition (box, pencil); a triangle that forced colours keep; body text size."""
    page = new_page(forced_colors="active")
    page.goto(quiz_url + KEUZE)
    details = page.locator("#vraag-vb-single-basis details")
    summary = details.locator("summary")
    style = "(el, pseudo) => { const s = getComputedStyle(el, pseudo); return [s.content, s.maskImage, s.borderLeftWidth]; }"
    content, mask, _ = summary.evaluate(style, "::before")
    assert "▸" in content and mask == "none"
    assert details.evaluate(style, None)[2] == "0px"
    summary.click()
    assert "▾" in summary.evaluate(style, "::before")[0]
    size = details.locator(".qk-quiz-answer li").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    body = page.locator(".qk-q__stem").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size == body >= 16


def test_ordering_without_javascript_looks_fixed_and_has_no_empty_hint(new_page, quiz_url: str) -> None:
    """D34: without the script the steps are a plain list and nothing refers to an empty hint."""
    page = new_page(java_script_enabled=False)
    page.goto(quiz_url + STELLINGEN)
    unit = page.locator("#vraag-vb-ordering-verwijzen [data-quiz-unit]")
    assert unit.locator(".qk-q__step").first.evaluate("el => getComputedStyle(el).borderTopColor") == "rgba(0, 0, 0, 0)"
    for hint in unit.locator(".qk-q__hint").all():
        assert hint.is_hidden() or hint.inner_text().strip()
    for ref in (unit.get_attribute("aria-describedby") or "").split():
        assert page.locator(f"#{ref}").is_visible() and page.locator(f"#{ref}").inner_text().strip()


def test_ordering_help_describes_the_question_once_the_buttons_are_there(page, quiz_url: str) -> None:
    page.goto(quiz_url + STELLINGEN)
    unit = page.locator("#vraag-vb-ordering-verwijzen [data-quiz-unit]")
    help_id = unit.locator("[data-quiz-help]").get_attribute("id")
    assert help_id in unit.get_attribute("aria-describedby").split()
    assert "Omhoog en Omlaag" in page.locator(f"#{help_id}").inner_text()


def test_each_move_button_is_named_by_its_step(page, quiz_url: str) -> None:
    """A screen reader's list of buttons read "Omhoog" ten times; each now names its step too.

    The name starts with the visible text (WCAG 2.5.3), and follows the step when it moves.
    """
    page.goto(quiz_url + STELLINGEN)
    unit = page.locator("#vraag-vb-ordering-verwijzen [data-quiz-unit]")
    texts = unit.locator(".qk-q__step-text").all_inner_texts()
    assert len(texts) >= 3
    for text in texts:
        for word, action in (("Omhoog", "up"), ("Omlaag", "down")):
            button = unit.get_by_role("button", name=f"{word} {text}", exact=True)
            assert button.count() == 1, f"no button named {word} {text}"
            assert button.get_attribute("data-quiz-action") == action
    unit.locator("[data-quiz-step]").first.locator('[data-quiz-action="down"]').click()
    moved = unit.locator("[data-quiz-step]").nth(1)
    assert moved.locator(".qk-q__step-text").inner_text() == texts[0]
    assert moved.get_by_role("button", name=f"Omhoog {texts[0]}", exact=True).count() == 1


ANSWER_KEY = "leermodules/antwoorden/voorbeeld-stellingen/"


def test_answer_key_print_button_has_room_and_the_quiz_size(page, quiz_url: str) -> None:
    """D22: "Afdrukken" does not touch the link beside it and is as small as the quiz buttons."""
    page.goto(quiz_url + ANSWER_KEY)
    button = page.locator("[data-qk-print]")
    link = button.locator("xpath=following-sibling::a")
    gap = link.bounding_box()["x"] - (button.bounding_box()["x"] + button.bounding_box()["width"])
    assert gap >= 8, gap
    assert button.evaluate("el => getComputedStyle(el).fontSize") == "15px"


def test_answer_key_items_are_not_split_across_printed_pages(page, quiz_url: str) -> None:
    """D27: in print, an item, a case stage and an answer avoid a page break inside them."""
    page.goto(quiz_url + ANSWER_KEY)
    page.emulate_media(media="print")
    breaks = page.locator(".qk-answer-key__item, .qk-answer-key__stage, .qk-quiz-answer__list > li").evaluate_all(
        "els => els.map(e => getComputedStyle(e).breakInside)"
    )
    assert breaks and set(breaks) == {"avoid"}
    after = page.locator(".qk-answer-key__item h2, .qk-answer-key__stem").evaluate_all(
        "els => els.map(e => getComputedStyle(e).breakAfter)"
    )
    assert set(after) == {"avoid"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("path", [KEUZE, STELLINGEN, LOS])
def test_axe_wcag22_in_every_state(
    new_page, quiz_url: str, example_banks: QuizBanks, path: str, viewport: dict, scheme: str
) -> None:
    """The page content passes axe (WCAG 2.2 AA, best practices) in each state a learner can bring about.

    An item's states do not touch other items, so every item is brought to one state (checked,
    right and wrong in turn; then its answer open) before axe runs once for that state. In the
    dark scheme, which changes only colours, axe runs its colour rules.
    """
    page = new_page(viewport=viewport, color_scheme=scheme)
    page.goto(quiz_url + path)
    found: list[str] = []

    def axe(state: str) -> None:
        if violations := run_axe(page, ".md-content", colours_only=scheme == "dark"):
            found.append(f"{state}:\n{format_violations(violations)}")

    axe("start")
    items = page.locator("[data-quiz-item]").evaluate_all("els => els.map(e => e.dataset.quizItem)")
    for n, item_id in enumerate(items):
        answer_item(page, example_banks, item_id, right=n % 2 == 0)
    axe("every item checked")
    for item_id in items:
        page.locator(f"#vraag-{item_id} details summary").click()
    axe("every answer open")
    first = page.locator(f"#vraag-{items[0]}")
    if first.locator("input").count():
        first.locator("input").last.check()
    if (moves := page.locator('[data-quiz-action="down"]')).count():
        moves.first.click()  # an ordering question's step moved after checking
    axe("answers changed after checking")
    first.locator('[data-quiz-action="retry"]').click()
    axe("retry")
    if page.locator('[data-quiz-action="reset"]').count():
        page.locator('[data-quiz-action="reset"]').click()
        axe("reset")
        page.locator('[data-quiz-action="undo"]').click()
        axe("undo")
    assert not found, "\n".join(found)
