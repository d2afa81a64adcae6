"""Search as a reader uses it: the obvious page first, in the real Material search in Chromium.

Each query names the page a reader expects at the top of the results. The list covers the whole
site, and the cases a reader runs into: words typed without diacritics, a word right after a
quotation mark or bracket or at the start of a table cell, an abbreviation that is also a Dutch
stop word, a figure with or without a space before "%", and a term listed in a module's
objectives whose explanation is on another page. The score (N of M) is printed, so a change to
the search set-up can be measured against the one before.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import contrast_ratio

pytestmark = pytest.mark.browser

SEARCH_READY = "Typ om te beginnen met zoeken"
# query -> the page (path from the site root) that must be the first result.
EXPECTED_FIRST = {
    # Without diacritics, and with them.
    "casuscoordinator": "handreiking/",
    "casuscoördinator": "handreiking/",
    "geintegreerd": "verklaringsmodel/",
    "geïntegreerd": "verklaringsmodel/",
    "geexcludeerd": "onderzoek-huisartsen/",
    # After a quotation mark or bracket, at the start of a table cell.
    "ziektewinst": "misverstanden/",
    "bedlegerige": "onderzoek-huisartsen/",
    # An abbreviation that is also a stop word ("dit"), and other abbreviations.
    "DIT": "ernstige-alk/",
    "AMBIT": "handreiking/",
    "NALK": "over/",
    "SCORM": "leermodules/trainers/",
    # A figure written "0,5%" in one place and "0,5 %" in another.
    "0,5%": "handreiking/",
    "0,5 %": "handreiking/",
    # Terms in a module's objectives: the page that explains them comes first.
    "teleologische": "mentaliseren/",
    "teleologisch": "mentaliseren/",
    "psychische equivalentie": "mentaliseren/",
    "prementaliserende modi": "mentaliseren/",
    # The rest of the site.
    "profielschets": "profielschets/",
    "mentaliseren": "mentaliseren/",
    "verwijzen": "verwijzen/",
    "misverstand": "misverstanden/",
    "verklaringsmodel": "verklaringsmodel/",
    "gevolgenmodel": "verklaringsmodel/",
    "desintegratieraster": "handreiking/",
    "kernboodschappen": "handreiking/",
    "stepped care": "ernstige-alk/",
    "comorbiditeit": "ernstige-alk/",
    "Lyme": "casus/",
    "Virginia Woolf": "casus/",
    "SOLK": "alk/",
    "fibromyalgie": "alk/",
    "huisarts enquête": "onderzoek-huisartsen/",
    "iatrogene schade": "onderzoek-huisartsen/",
    "zorgconsumptie": "onderzoek-huisartsen/",
    "Alkura": "over/",
    "zakkaart": "zakkaarten/",
    "woordenlijst": "woordenlijst/",
    "privacy": "privacyverklaring/",
    "cookies": "privacyverklaring/",
    "toegankelijkheid": "toegankelijkheidsverklaring/",
}
# Misses measured and left: the reason for each. They count in the printed score but do not fail.
KNOWN_MISSES = {
    # The glossary is one page-level entry, which Material ranks 2.5 times a section's score;
    # its definition of AMBIT is short and the Handreiking section comes second.
    "AMBIT": "woordenlijst/ first",
    # Two words are searched as either word: Verwijzen says "psychische" often, and the quiz page
    # "Mentaliseren en de prementaliserende modi" has both words in its page title.
    "psychische equivalentie": "verwijzen/ first",
    "prementaliserende modi": "leermodules/mentaliseren/ first",
}
# Typed without diacritics, a word must lead to the same first page as typed with them.
FOLDED = {
    "patienten": "patiënten",
    "patient": "patiënt",
    "categorieen": "categorieën",
    "controversiele": "controversiële",
    "beinvloedend": "beïnvloedend",
    "Lowe": "Löwe",
}


def run_query(page, query: str) -> list[dict]:
    """Type ``query`` into the open search dialog; per result: its page, its links, its tallest teaser."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function(
        f"() => document.querySelector('.md-search-result__meta').textContent.trim() === '{SEARCH_READY}'"
    )
    box.press_sequentially(query, delay=5)
    # Material searches again on every key and replaces the list each time: wait until it is stable.
    signature = "() => document.querySelector('.md-search-result').innerText"
    page.wait_for_function(f"() => ({signature})().trim() !== {SEARCH_READY!r}")
    previous, stable = None, 0
    for _ in range(50):
        page.wait_for_timeout(100)
        current = page.evaluate(signature)
        stable = stable + 1 if current == previous else 0
        previous = current
        if stable >= 3:
            break
    return page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => ({
            path: new URL(item.querySelector('a').href).pathname,
            links: [...item.querySelectorAll('a')].map(a => a.href),
            height: Math.max(...[...item.querySelectorAll('article')].map(a => a.getBoundingClientRect().height))}))"""
    )


@pytest.fixture
def search_page(browser, base_url: str):
    """A page with the search dialog open and its index loaded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    yield page
    context.close()


def first_page(results: list[dict], base_path: str) -> str | None:
    """The path (from the site root) of the first result, if any."""
    return results[0]["path"].removeprefix(base_path) if results else None


def test_the_obvious_page_comes_first(search_page, base_url: str) -> None:
    base_path = urlsplit(base_url).path
    misses = {}
    for query, expected in EXPECTED_FIRST.items():
        results = run_query(search_page, query)
        found = [r["path"].removeprefix(base_path) for r in results[:3]]
        if first_page(results, base_path) != expected:
            misses[query] = f"{query!r}: expected {expected}, got {found or 'nothing'}"
    score = len(EXPECTED_FIRST) - len(misses)
    print(f"\nsearch: {score} of {len(EXPECTED_FIRST)} queries have the expected first page")
    assert len(EXPECTED_FIRST) >= 30
    print("\n".join(misses.values()))
    unexpected = [miss for query, miss in misses.items() if query not in KNOWN_MISSES]
    assert not unexpected, f"{score} of {len(EXPECTED_FIRST)}:\n" + "\n".join(unexpected)


def test_words_without_diacritics_find_what_the_written_words_find(search_page, base_url: str) -> None:
    base_path = urlsplit(base_url).path
    problems = []
    for plain, written in FOLDED.items():
        expected = first_page(run_query(search_page, written), base_path)
        got = first_page(run_query(search_page, plain), base_path)
        if expected is None or got != expected:
            problems.append(f"{plain!r} -> {got}, {written!r} -> {expected}")
    assert not problems, "\n".join(problems)


def test_teasers_are_short_and_every_link_highlights_the_query(search_page) -> None:
    problems = []
    for query in ("teleologische", "casuscoördinator", "bedlegerig", "hardnekkige"):
        results = run_query(search_page, query)
        assert results, f"{query!r} found nothing"
        for result in results[:5]:
            # A title and a few lines of teaser per page or section (Material showed up to 1400 px).
            if result["height"] > 150:
                problems.append(f"{query!r}: a teaser for {result['path']} is {result['height']:.0f} px high")
            for link in result["links"]:
                highlight = parse_qs(urlsplit(link).query).get("h", [""])[0]
                if not highlight:
                    problems.append(f"{query!r}: {link} highlights nothing (empty ?h=)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_result_reached_by_arrow_key_shows_a_ring(browser, base_url: str, scheme: str) -> None:
    """A reader's journey: the focused result had only a 10 % tint, about 1.2:1 against the page.

    Every stop the arrow keys reach (results and their "more matches" summaries) has an outline
    at least 2 px wide, at 3:1 or more against the search panel behind it (WCAG 1.4.11).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    results = run_query(page, "mentaliseren")
    assert len(results) >= 3
    rings = []
    for _ in range(6):
        page.keyboard.press("ArrowDown")
        rings.append(
            page.evaluate(
                """() => { const e = document.activeElement, s = getComputedStyle(e);
                   const panel = getComputedStyle(document.querySelector('.md-search__output')).backgroundColor;
                   return [e.closest('.md-search-result') !== null, s.outlineStyle, parseFloat(s.outlineWidth),
                           s.outlineColor, panel]; }"""
            )
        )
    context.close()
    assert all(inside for inside, *_ in rings), rings
    for _, style, width, colour, panel in rings:
        assert style == "solid" and width >= 2 and contrast_ratio(colour, panel) >= 3, rings
