"""Accessibility of the quiz in Chromium, measured the way the user-journey audit found each defect.

D1 and D3: keyboard focus on every radio, checkbox and quiz button changes pixels around it at
3:1 or more, in light, dark and forced colours. D2: no focused element hides under the sticky
header, tabbing either way. axe with the WCAG 2.2 rules after every state change.
"""

from __future__ import annotations

import base64

import pytest
from helpers import hidden_under_header
from test_quiz_browser import KEUZE, LOS, STELLINGEN

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
