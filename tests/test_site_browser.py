"""The built site in a real Chromium: every page axe-clean, private and within its policy; the keyboard.

Every page is swept in both schemes and on a phone, under the site's Content-Security-Policy.
Pages come from the built site's sitemap.xml (tests/site_pages.py), never from a list here.
The shared session site (tests/conftest.py) is built for the address it is served on, as in
production: Material's instant navigation only takes over links to pages in the sitemap, and
the sitemap names site_url's host and port.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import (
    REPORT_VIOLATIONS,
    SEARCH_RESULT_LINKS,
    format_violations,
    open_for_instant_navigation,
    run_axe,
    site_headers,
    wait_for_search_results,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from site_pages import Node, page_file, parse, site_pages

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# Whole Dutch words from the issue on search: each must find the pages that carry it in their title.
ISSUE_QUERIES = ["hardnekkige", "profielschets", "mentaliseren", "verwijzen", "huisartsen"]
SEARCH_READY = "Typ om te beginnen met zoeken"
# Material's scheme names for the two palettes in mkdocs.yml.
SCHEMES = {"light": "default", "dark": "slate"}


@dataclass
class Watch:
    """What a browser context did: every request URL and every console error or uncaught exception."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self, base_url: str) -> list[str]:
        """Requests that went anywhere but the local test server."""
        local = urlsplit(base_url).netloc
        return [u for u in self.requests if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != local]


@contextmanager
def watched(browser, base_url: str, **options: object) -> Iterator[tuple[object, Watch]]:
    """A fresh context and page that record requests and errors; requests to other hosts are refused."""
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    watch = Watch()
    local = urlsplit(base_url).netloc
    context.on("request", lambda request: watch.requests.append(request.url))
    context.route(
        re.compile(r"^https?://"),
        lambda route: route.continue_() if urlsplit(route.request.url).netloc == local else route.abort(),
    )
    page = context.new_page()
    page.on("console", lambda msg: watch.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.errors.append(f"exception: {exc}"))
    try:
        yield page, watch
    finally:
        context.close()


@pytest.fixture(scope="module")
def built(site_dir: Path) -> dict[str, Node]:
    """Every page of the built site (sitemap.xml), parsed, plus the 404 page."""
    pages = {page: parse(page_file(site_dir, page).read_text(encoding="utf-8")) for page in site_pages(site_dir)}
    pages["404.html"] = parse((site_dir / "404.html").read_text(encoding="utf-8"))
    return pages


def h1(doc: Node) -> str:
    """The text of a page's <h1>."""
    return doc.find("h1")[0].text()


def active(page) -> dict:
    """The element that has keyboard focus: tag, classes, href, text."""
    return page.evaluate(
        """() => { const e = document.activeElement;
            return {tag: e.tagName.toLowerCase(), cls: e.className || '', href: e.href || '',
                    text: (e.textContent || '').trim().slice(0, 80), inArticle: !!e.closest('article'),
                    describedby: e.getAttribute('aria-describedby') || ''}; }"""
    )


def tab_until(page, predicate, limit: int) -> dict:
    """Press Tab until ``predicate(active element)`` holds; fails after ``limit`` presses."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = active(page)
        if predicate(focused):
            return focused
        seen.append(f"{focused['tag']}.{focused['cls']} {focused['href'] or focused['text'][:30]}")
    raise AssertionError(f"not reached in {limit} Tab presses; focus went to:\n  " + "\n  ".join(seen))


def scheme_of(page) -> tuple[str, float]:
    """Material's active scheme and the luminance (0-1) of the page background actually painted."""
    return page.evaluate(
        """() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
            return [document.body.dataset.mdColorScheme, (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255]; }"""
    )


def search(page, query: str) -> tuple[str, list[str]]:
    """Type ``query`` into the open search dialog; the result summary and the result pages' paths."""
    box, meta = page.locator("input.md-search__input"), page.locator(".md-search-result__meta")
    box.fill("")
    page.wait_for_function(
        f"() => document.querySelector('.md-search-result__meta').textContent.trim() === '{SEARCH_READY}'"
    )
    box.press_sequentially(query, delay=10)
    try:
        wait_for_search_results(page, query, timeout=5000)
    except PlaywrightTimeoutError:
        return meta.inner_text().strip(), []
    hrefs = page.locator(SEARCH_RESULT_LINKS).evaluate_all("els => els.map(a => a.href)")
    return meta.inner_text().strip(), list(dict.fromkeys(urlsplit(h).path for h in hrefs))


# -- every page, both schemes, and on a phone -----------------------------------------------------------
@pytest.mark.parametrize(
    ("scheme", "viewport"),
    [("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE)],
    ids=["light", "dark", "light-phone"],
)
def test_every_page_is_axe_clean_private_and_error_free(
    browser, base_url: str, site_dir: Path, built: dict, scheme: str, viewport: dict
) -> None:
    """Every page (the answer keys, which the sitemap leaves out, and 404 too), in each variant.

    On each: the scheme it asked for is painted; axe finds nothing (every A/AA rule and best
    practice, or, in the dark scheme, the colour rules: see ``COLOUR_RULES``); the site's
    Content-Security-Policy is sent and nothing violates it; on the phone, nothing scrolls
    sideways (WCAG 1.4.10, reflow). Over all pages: no console error, no request to another host.
    """
    policy = site_headers(site_dir)["Content-Security-Policy"]
    assert len(built) == len(list(site_dir.rglob("*.html"))), "a built page is missing from the sweep"
    problems = []
    with watched(browser, base_url, color_scheme=scheme, viewport=viewport) as (page, watch):
        # Each violation is handed to the test as it happens: none is lost when the next page loads.
        page.expose_function(
            "reportCspViolation", lambda where, what: problems.append(f"{where}: policy violation {what}")
        )
        page.add_init_script(REPORT_VIOLATIONS)
        for path in built:
            response = page.goto(base_url + path, wait_until="load")
            if response is None or response.headers.get("content-security-policy") != policy:
                problems.append(f"/{path}: not sent the site's Content-Security-Policy")
            active_scheme, luminance = scheme_of(page)
            if active_scheme != SCHEMES[scheme] or (luminance < 0.5) != (scheme == "dark"):
                problems.append(f"/{path}: scheme {active_scheme}, background luminance {luminance:.2f}")
            violations = run_axe(page, colours_only=scheme == "dark")
            if violations:
                problems.append(f"/{path} ({scheme}):\n{format_violations(violations)}")
            if viewport == PHONE and (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
                problems.append(f"/{path}: {width} px wide on a {PHONE['width']} px phone")
        page.wait_for_load_state("networkidle")  # the search index and Dutch search support load late
        assert any("/search/search_index.json" in u for u in watch.requests), "search never loaded: request log broken?"
        problems += [f"request to another host: {u}" for u in watch.foreign(base_url)]
        problems += watch.errors
    assert not problems, "\n".join(problems)


def test_wide_tables_stack_on_a_phone_with_each_cell_naming_its_column(browser, base_url: str, built: dict) -> None:
    stacked = [
        p for p, d in built.items() if any("halk-data--stack" in t.attrs.get("class", "") for t in d.find("table"))
    ]
    assert stacked, "no page has a wide (stacked) data table: the test checks nothing"
    path = stacked[0]
    for viewport, display in ((PHONE, "block"), (DESKTOP, "table")):
        with watched(browser, base_url, viewport=viewport) as (page, watch):
            page.goto(base_url + path)
            table = page.locator("table.halk-data--stack").first
            assert table.evaluate("t => getComputedStyle(t).display") == display
            cells = table.locator("td[data-label]")
            assert cells.count() > 0
            for i in range(min(cells.count(), 6)):
                label = cells.nth(i).get_attribute("data-label")
                shown = cells.nth(i).evaluate("c => getComputedStyle(c, '::before').content")
                assert shown == (f'"{label}"' if display == "block" else "none"), (path, label, shown)
            assert not watch.errors, watch.errors


def test_scheme_toggle_switches_to_dark_and_stays(browser, base_url: str, built: dict) -> None:
    with watched(browser, base_url, color_scheme="light") as (page, watch):
        page.goto(base_url)
        assert scheme_of(page)[0] == "default"
        toggle = page.locator("label.md-header__button[title='Schakel naar donkere modus']")
        toggle.click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        assert scheme_of(page)[1] < 0.5, "the dark scheme is selected but the page is not dark"
        offered = page.locator("input[name='__palette']:checked").get_attribute("aria-label")
        assert offered == "Schakel naar lichte modus", f"after switching, the toggle offers {offered!r}"
        violations = run_axe(page)
        assert not violations, format_violations(violations)
        other = next(p for p in built if p not in ("", "404.html"))
        page.goto(base_url + other)  # a full page load: the choice is stored
        assert scheme_of(page)[0] == "slate"
        assert not watch.errors, watch.errors


def test_scheme_toggle_by_keyboard_is_named_for_what_it_does(browser, base_url: str) -> None:
    """Space on the colour scheme switch does what its name says, in either scheme.

    A reader's journey: Tab reached the light scheme's radio in dark mode too, named "Schakel naar
    donkere modus", and Space checked it: nothing in light mode, a switch to light in dark mode.
    Now the radio Tab reaches is the current scheme's, named for the switch it offers, and Space
    switches as Enter does; after a page load in dark mode too.
    """
    focused = "() => [document.activeElement.getAttribute('aria-label'), document.body.dataset.mdColorScheme]"
    with watched(browser, base_url, color_scheme="light") as (page, watch):
        for scheme, offered, switched, then in [
            ("default", "Schakel naar donkere modus", "slate", "Schakel naar lichte modus"),
            ("slate", "Schakel naar lichte modus", "default", "Schakel naar donkere modus"),
        ]:
            page.goto(base_url, wait_until="networkidle")  # the second time: dark, as stored
            for _ in range(8):
                page.keyboard.press("Tab")
                if page.evaluate("() => document.activeElement.name === '__palette'"):
                    break
            assert page.evaluate(focused) == [offered, scheme]
            page.keyboard.press("Space")
            page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{switched}'")
            assert page.evaluate(focused) == [then, switched]
            page.keyboard.press("Space")
            page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'")
            page.keyboard.press("Enter")  # Material's own key, unchanged: the scheme to keep for the next load
            page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{switched}'")
        assert not watch.errors, watch.errors


# -- keyboard ----------------------------------------------------------------------------------------
def test_first_tab_reaches_the_skip_link_and_it_moves_to_the_content(browser, base_url: str, built: dict) -> None:
    with watched(browser, base_url) as (page, watch):
        for path in [p for p in built if p != "404.html"][:3]:
            page.goto(base_url + path)
            page.keyboard.press("Tab")
            focused = active(page)
            assert "md-skip" in focused["cls"] and focused["text"] == "Ga naar inhoud", f"/{path}: first Tab: {focused}"
            assert page.locator("a.md-skip").is_visible(), "the skip link does not appear on focus"
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.activeElement.closest('article') !== null")
            assert active(page)["inArticle"], f"/{path}: the skip link left focus at {active(page)}"
            after = tab_until(page, lambda f: True, 1)
            assert after["inArticle"], f"/{path}: Tab after the skip link went to {after}, not into the content"
        assert not watch.errors, watch.errors


def test_every_navigation_link_is_reachable_by_tab(browser, base_url: str) -> None:
    with watched(browser, base_url) as (page, _):
        page.goto(base_url)
        nav = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all(
            "els => els.filter(a => a.offsetParent !== null).map(a => a.href)"
        )
        assert len(nav) > 5, f"the navigation shows only {nav}"
        reached: set[str] = set()

        def all_reached(focused: dict) -> bool:
            reached.add(focused["href"])
            return set(nav) <= reached

        tab_until(page, all_reached, len(nav) + 20)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_opens_and_works_with_the_keyboard_only(browser, base_url: str, built: dict, scheme: str) -> None:
    # A page whose title is one word is a query that must put that page first.
    target, title = next(
        (p, h1(d)) for p, d in built.items() if p not in ("", "404.html") and re.fullmatch(r"\w{6,}", h1(d))
    )
    with watched(browser, base_url, color_scheme=scheme) as (page, watch):
        page.goto(base_url)
        assert scheme_of(page)[0] == SCHEMES[scheme]
        page.wait_for_function(
            f"() => document.querySelector('.md-search-result__meta').textContent.trim() === '{SEARCH_READY}'"
        )
        # Its status line (the number of results) is hidden until search opens: unheard on load.
        assert page.locator(".md-search [role=status]").is_hidden()
        tab_until(page, lambda f: "md-search__input" in f["cls"], 10)
        page.keyboard.type(title.lower(), delay=20)
        wait_for_search_results(page, title.lower())
        assert page.locator(".md-search").is_visible()
        # The number of results is announced: it stands in the dialog's one status.
        status = page.locator(".md-search [role=status]")
        assert status.count() == 1
        assert re.fullmatch(r"1 overeenkomend document|\d+ overeenkomende documenten", status.inner_text().strip())
        violations = run_axe(page, colours_only=scheme == "dark")
        assert not violations, format_violations(violations)
        page.keyboard.press("ArrowDown")
        first = active(page)
        assert "md-search-result__link" in first["cls"], f"ArrowDown did not move to the first result: {first}"
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => location.pathname.endsWith('/{target}')")
        page.wait_for_function(f"() => document.querySelector('article h1')?.textContent.includes({title!r})")
        assert not watch.errors, watch.errors


def tooltip(page) -> dict | None:
    """The abbreviation tooltip (a11y.js) if shown: its text and box, and the active abbreviation's title."""
    return page.evaluate(
        """() => { const tip = document.getElementById('halk-tip');
            if (!tip || tip.hidden) return null;
            const r = tip.getBoundingClientRect();
            const abbr = document.querySelector('abbr[aria-describedby="halk-tip"]');
            return {text: tip.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                    width: innerWidth, title: abbr ? abbr.getAttribute('title') : 'no abbr'}; }"""
    )


def test_abbreviation_shows_its_expansion_on_keyboard_focus_and_hover(browser, base_url: str, built: dict) -> None:
    path, abbr = next(
        (p, a) for p, d in built.items() for a in d.find("article")[0].find("abbr") if a.attrs.get("tabindex") == "0"
    )
    expansion = abbr.attrs["title"]
    with watched(browser, base_url) as (page, watch):
        page.goto(base_url + path)
        focused = tab_until(page, lambda f: f["tag"] == "abbr", 80)
        assert focused["text"] == abbr.text()
        # The expansion shows once: in the tooltip, which describes the abbreviation meanwhile; the
        # native title tooltip is held back (no title while shown), the CSS one is off.
        tip = tooltip(page)
        assert tip and tip["text"] == expansion and tip["title"] is None, tip
        assert page.evaluate("getComputedStyle(document.activeElement, '::after').content") in ("none", "normal")
        violations = run_axe(page)
        assert not violations, format_violations(violations)
        # Esc hides it (WCAG 1.4.13 dismissible) and gives the title back; focus stays.
        page.keyboard.press("Escape")
        assert tooltip(page) is None
        assert page.evaluate("document.activeElement.title") == expansion
        page.keyboard.press("Tab")
        assert page.locator("abbr:focus").count() == 0
        # A later occurrence takes no tab stop but still explains itself on hover, and the
        # tooltip stays while the pointer moves onto it (hoverable).
        later = page.locator("article abbr:not([tabindex])").first
        later_expansion = later.get_attribute("title")
        assert later_expansion, "a later abbreviation has no expansion"
        later.hover()
        assert (tooltip(page) or {}).get("text") == later_expansion
        page.locator("#halk-tip").hover()
        page.wait_for_timeout(500)
        assert (tooltip(page) or {}).get("text") == later_expansion
        page.mouse.move(0, 0)
        page.wait_for_function("() => document.getElementById('halk-tip').hidden")
        assert later.get_attribute("title") == later_expansion
        assert not watch.errors, watch.errors


def test_abbreviation_tooltips_stay_inside_a_phone_screen(browser, base_url: str, built: dict) -> None:
    # Every abbreviation on the Verwijzen page, tapped on a 360 px phone (the journey's D9).
    with watched(browser, base_url, viewport={"width": 360, "height": 740}, has_touch=True) as (page, watch):
        page.goto(base_url + "verwijzen/")
        # An abbreviation inside a link or another control is not tapped: the tap follows the link.
        abbrs = page.locator("article abbr:not(a abbr, button abbr, label abbr, summary abbr)")
        assert abbrs.count() >= 3
        problems = []
        for i in range(abbrs.count()):
            abbrs.nth(i).scroll_into_view_if_needed()
            abbrs.nth(i).tap()
            tip = tooltip(page)
            if not tip:
                problems.append(f"abbreviation {i}: no tooltip on tap")
            elif tip["left"] < 0 or tip["right"] > tip["width"]:
                problems.append(f"abbreviation {i}: tooltip from {tip['left']:.0f} to {tip['right']:.0f} px")
            page.keyboard.press("Escape")
        assert not problems, "\n".join(problems)
        assert not watch.errors, watch.errors


# -- search ------------------------------------------------------------------------------------------
def test_whole_dutch_words_find_the_pages_that_carry_them(browser, base_url: str, site_dir: Path, built: dict) -> None:
    # Queries: the words of the issue, and the longest word of every page title, except the Dutch
    # stop words ("zonder") that search leaves out on purpose (the list lunr.nl ships with).
    lunr_nl = (site_dir / "assets/javascripts/lunr/min/lunr.nl.min.js").read_text(encoding="utf-8")
    stop_words = set(re.search(r'generateStopWordFilter\("([^"]+)"', lunr_nl)[1].split())
    assert {"de", "het", "zonder"} <= stop_words
    # Pages kept out of search on purpose (``search: exclude``, e.g. answer keys) are not expected.
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = {urlsplit(doc["location"]).path for doc in index["docs"] if "#" not in doc["location"]}
    titles = {p: h1(d).lower() for p, d in built.items() if p != "404.html" and p in searchable}
    words = {max((w for w in re.findall(r"\w+", t) if w not in stop_words), key=len) for t in titles.values()}
    words = {w for w in words if len(w) >= 5}
    problems = []
    with watched(browser, base_url) as (page, watch):
        page.goto(base_url)
        page.keyboard.press("/")  # Material's search shortcut
        for query in [*ISSUE_QUERIES, *sorted(words - set(ISSUE_QUERIES))]:
            expected = {"/" + p for p, t in titles.items() if re.search(rf"\b{query}\b", t)}
            summary, found = search(page, query)
            if not found:
                problems.append(f"{query!r}: {summary}")
            elif not expected <= set(found):
                problems.append(f"{query!r}: pages with it in their title not found: {sorted(expected - set(found))}")
        assert not watch.errors, watch.errors
    assert not problems, "\n".join(problems)


# -- instant navigation ------------------------------------------------------------------------------
def test_instant_navigation_changes_page_without_reload(browser, base_url: str, built: dict) -> None:
    with watched(browser, base_url) as (page, watch):
        open_for_instant_navigation(page, base_url)
        page.evaluate("window.__notReloaded = true")
        next_link = page.locator("a.md-footer__link--next")
        target = urlsplit(next_link.evaluate("a => a.href")).path.removeprefix(urlsplit(base_url).path)
        next_link.click()
        title = h1(built[target])
        page.wait_for_function(f"() => document.querySelector('article h1')?.textContent.includes({title!r})")
        assert page.evaluate("location.pathname").endswith(f"/{target}")
        assert page.evaluate("window.__notReloaded === true"), (
            "the page was reloaded, not swapped by instant navigation"
        )
        assert title in page.title()
        violations = run_axe(page)
        assert not violations, format_violations(violations)
        page.go_back()
        page.wait_for_function(f"() => document.querySelector('article h1')?.textContent.includes({h1(built[''])!r})")
        assert page.evaluate("window.__notReloaded === true")
        assert not watch.errors, watch.errors
        assert not watch.foreign(base_url), watch.foreign(base_url)
