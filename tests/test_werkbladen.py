"""Worksheets (docs/werkbladen/): one source of truth, print to PDF, privacy, accessibility.

The sheets are built from the YAML the rest of the site shows; the browser tests fill them in
Chromium, print them to PDF, clear and reload them, try the opt-in draft, print without
JavaScript, run axe in every state and watch that no request leaves the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import ROOT, format_violations, run_axe
from playwright.sync_api import expect
from site_pages import parse

from macros.site import load_site_data
from macros.worksheets import MAX_PARTIES, grid_sheet, party_grid_sheet, plan_sheet

SHEETS = {"verklaringsmodel": ("landscape", 1), "ambit": ("landscape", 1), "zorgafstemming": ("portrait", 2)}
# A4 minus the margins of werkblad.css, in CSS pixels (96 per inch): the width a sheet prints in.
PRINT_WIDTH = {"landscape": round((297 - 24) / 25.4 * 96), "portrait": round((210 - 30) / 25.4 * 96)}
MEDIA_BOX = {"landscape": (842, 595), "portrait": (595, 842)}
SECRET = "Kwetsbaar-geheim"  # typed into fields; must never leave the page or survive a reload
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}


@pytest.fixture(scope="module")
def site():
    """The site's validated data, as the macros load it."""
    return load_site_data(ROOT)


# -- one source of truth ------------------------------------------------------------------------------
def test_grid_headers_and_examples_come_from_the_table(site) -> None:
    table = site.tables["verklaringsmodel"]["factoren"]
    sheet = grid_sheet(site, "verklaringsmodel", "factoren", "vm", "t")
    assert sheet.grid.columns == table.columns[1:]
    assert sheet.grid.rows == [row[0] for row in table.rows]
    assert sheet.grid.cell_examples == [[list(c) for c in row[1:]] for row in table.rows]


def test_party_grid_starts_blank_and_keeps_the_source_parties_as_row_examples(site) -> None:
    table = site.tables["handreiking"]["ambit-raster"]
    sheet = party_grid_sheet(site, "handreiking", "ambit-raster", "a", "t", ["Patiënt", ""])
    assert sheet.grid.rows == [row[0] for row in table.rows]
    assert sheet.grid.columns == ["Patiënt", ""]
    assert sheet.grid.row_examples[0][0] == "patiënte: een gewoon leven"
    assert len(sheet.grid.row_examples[2]) == len(table.columns) - 1


def test_plan_follows_the_summary_and_the_handreiking_lists(site) -> None:
    sheet = plan_sheet(site, "z", "t", {"verklaringsmodel": "a/", "ambit": "b/"})
    assert [s.title for s in sheet.sections] == [i.title for i in site.fact_lists["samenvatting"].items]
    first = [f.label for f in sheet.sections[0].fields]
    assert first[:3] == [i.title for i in site.fact_lists["handreiking-stap-achteruit"].items]
    assert "Een casuscoördinator" in [f.label for f in sheet.sections[1].fields]


def test_built_sheets_are_blank_cite_their_source_and_keep_examples_behind_the_toggle(site_dir: Path) -> None:
    for name in SHEETS:
        html = (site_dir / "werkbladen" / name / "index.html").read_text(encoding="utf-8")
        doc = parse(html)
        sheet = doc.find("div", cls="halk-ws")
        assert len(sheet) == 1, name
        for area in doc.find("textarea"):
            assert not "".join(str(c) for c in area.children).strip(), f"{name}: a field is pre-filled"
        inputs = [i for i in doc.find("input") if i.attrs.get("type") in ("text", "date")]
        values = {i.attrs.get("value", "") for i in inputs if "data-party-name" not in i.attrs}
        assert values == {""}, f"{name}: pre-filled values {values}"
        in_form = [el for el in sheet[0].ancestors() + sheet[0].elements() if el.tag == "form"]
        assert not in_form, f"{name}: a <form> could submit what is typed"
        assert "Bron:" in sheet[0].text() and "Eigen kenmerk" in sheet[0].text()
        assert doc.find("input", type="checkbox", **{"data-ws-toggle": "prompts"}), name
    vm = parse((site_dir / "werkbladen" / "verklaringsmodel" / "index.html").read_text(encoding="utf-8"))
    prompts = " ".join(p.text() for p in vm.find(cls="halk-ws__prompt"))
    for example in ("genetische aanleg", "catastroferen", "weinig sociale steun"):
        assert example in prompts


def test_party_grid_rejects_too_many_parties(site) -> None:
    from quizkit.errors import ContentError

    with pytest.raises(ContentError, match="betrokkenen"):
        party_grid_sheet(site, "handreiking", "ambit-raster", "a", "t", [""] * (MAX_PARTIES + 1))


# -- in Chromium --------------------------------------------------------------------------------------
@contextmanager
def sheet_page(browser, base_url: str, name: str, **options: object) -> Iterator[tuple[object, list[str], list]]:
    """The sheet ``name`` in a fresh context; requests to other hosts are refused and recorded."""
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    local = urlsplit(base_url).netloc
    requests: list = []
    context.on("request", lambda r: requests.append(r))
    context.route(
        re.compile(r"^https?://"),
        lambda route: route.continue_() if urlsplit(route.request.url).netloc == local else route.abort(),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base_url}werkbladen/{name}/", wait_until="networkidle")
    try:
        yield page, errors, requests
    finally:
        context.close()


def ready(page) -> None:
    page.wait_for_selector(".halk-ws--js")


def fill_all(page, text: str = SECRET) -> int:
    """Type into every field of the sheet (a few words, more in the grids); returns how many."""
    fields = page.locator(".halk-ws textarea, .halk-ws input[type=text]:not([data-party-name])")
    for i in range(fields.count()):
        fields.nth(i).fill(f"{text} {i} " + "samen puzzelen en overzicht " * 3)
    return fields.count()


def pdf_pages(page) -> tuple[int, set[tuple[int, int]]]:
    """Print to PDF as Chromium does for 'Opslaan als pdf': page count and page sizes (points)."""
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    boxes = {tuple(round(float(v)) for v in box.split()[2:4]) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)}
    return pages, boxes


def cut_off(page, orientation: str) -> list[str]:
    """In print emulation at the printable width: fields, cells and text that reach past the page."""
    page.set_viewport_size({"width": PRINT_WIDTH[orientation], "height": 800})
    page.emulate_media(media="print")
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth, out = [];
            if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls: ${document.documentElement.scrollWidth} > ${width}`);
            for (const el of document.querySelectorAll('.halk-ws__sheet :is(.halk-ws__print, .halk-ws__lines, th, td, p)')) {
                const r = el.getBoundingClientRect();
                if (r.width && (r.left < -1 || r.right > width + 1)) out.push(`${el.className || el.tagName}: ${r.left}-${r.right}`);
                if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className || el.tagName} overflows`);
            }
            return out; }"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("name", list(SHEETS))
def test_filled_sheet_prints_on_its_pages_with_nothing_cut_off(browser, base_url: str, name: str) -> None:
    orientation, most = SHEETS[name]
    with sheet_page(browser, base_url, name) as (page, errors, _):
        ready(page)
        assert page.input_value(f"#{name}-datum"), "the date is filled in"
        fill_all(page)
        pages, boxes = pdf_pages(page)
        assert 1 <= pages <= most, f"{name}: {pages} pages"
        assert boxes == {MEDIA_BOX[orientation]}, boxes
        assert not cut_off(page, orientation)
        mirrors = page.locator(".halk-ws__field[data-filled] .halk-ws__print")
        assert SECRET in mirrors.first.inner_text()
        assert not errors


@pytest.mark.browser
def test_party_grid_with_the_most_columns_still_prints_on_two_pages_at_most(browser, base_url: str) -> None:
    with sheet_page(browser, base_url, "ambit") as (page, errors, _):
        ready(page)
        while page.locator('[data-ws-action="add-party"]').is_enabled():
            page.click('[data-ws-action="add-party"]')
        assert page.locator("th[data-party]").count() == MAX_PARTIES
        fill_all(page)
        pages, boxes = pdf_pages(page)
        assert pages <= 2 and boxes == {MEDIA_BOX["landscape"]}
        assert not cut_off(page, "landscape")
        assert not errors


@pytest.mark.browser
@pytest.mark.parametrize("name", list(SHEETS))
def test_without_javascript_the_sheet_prints_as_a_blank_ruled_form(browser, base_url: str, name: str) -> None:
    orientation, most = SHEETS[name]
    with sheet_page(browser, base_url, name, java_script_enabled=False) as (page, _, _):
        assert page.locator(".halk-ws__tools").first.is_hidden()
        pages, boxes = pdf_pages(page)
        assert pages <= most and boxes == {MEDIA_BOX[orientation]}
        assert not cut_off(page, orientation)
        state = page.evaluate(
            """() => ({
                inputs: [...document.querySelectorAll('.halk-ws__input')].filter(e => e.offsetParent).length,
                controls: [...document.querySelectorAll('.halk-ws__controls, .md-header, .md-sidebar')].filter(e => e.offsetParent).length,
                blank: [...document.querySelectorAll('.halk-ws__field:not([data-filled]) .halk-ws__lines')].every(e => e.offsetParent && e.getBoundingClientRect().height > 20),
                lines: document.querySelectorAll('.halk-ws__field:not([data-filled]) .halk-ws__lines').length,
                header: getComputedStyle(document.querySelector('.halk-ws__lines > span')).borderBottomStyle,
            })"""
        )
        assert state["inputs"] == 0 and state["controls"] == 0, state
        assert state["blank"] and state["lines"] > 5 and state["header"] == "solid", state


@pytest.mark.browser
@pytest.mark.parametrize("name", list(SHEETS))
def test_nothing_is_stored_or_sent_and_a_reload_keeps_nothing(browser, base_url: str, name: str) -> None:
    with sheet_page(browser, base_url, name) as (page, errors, requests):
        ready(page)
        fill_all(page)
        page.pdf(prefer_css_page_size=True)
        page.wait_for_timeout(500)
        assert SECRET not in stored(page)
        page.reload(wait_until="networkidle")
        ready(page)
        assert all(not v.strip() for v in values(page)), "text survived a reload without the opt-in"
        assert SECRET not in stored(page)
        assert not page.is_checked(f"#{name}-concept")
        local = urlsplit(base_url).netloc
        assert [r.url for r in requests if urlsplit(r.url).netloc not in (local, "")] == []
        assert {r.method for r in requests} == {"GET"}
        assert not [r.url for r in requests if SECRET.lower() in r.url.lower()]
        assert not errors


@pytest.mark.browser
def test_wissen_clears_the_sheet_and_the_draft(browser, base_url: str) -> None:
    with sheet_page(browser, base_url, "verklaringsmodel") as (page, _, _):
        ready(page)
        page.check("#verklaringsmodel-concept")
        fill_all(page)
        page.wait_for_function("() => localStorage.getItem('halk-werkblad:verklaringsmodel')?.includes('Kwetsbaar')")
        page.click('[data-ws-action="clear"]')
        assert all(not v.strip() for v in values(page))
        assert page.input_value("#verklaringsmodel-datum")
        assert page.evaluate("localStorage.getItem('halk-werkblad:verklaringsmodel')") is None
        assert not page.is_checked("#verklaringsmodel-concept")
        page.wait_for_timeout(500)
        assert SECRET not in stored(page)
        expect(page.locator("[data-ws-status]").first).to_contain_text("leeg")


@pytest.mark.browser
def test_opt_in_draft_is_kept_for_this_sheet_only_and_expires(browser, base_url: str) -> None:
    with sheet_page(browser, base_url, "ambit") as (page, _, _):
        ready(page)
        assert page.locator(".halk-ws__warning").is_visible(), "the shared-computer warning shows"
        page.check("#ambit-concept")
        page.click('[data-ws-action="add-party"]')
        page.locator("th[data-party] input").nth(5).fill("Thuiszorg")
        page.fill("#ambit-r1-p1", f"{SECRET} een gewoon leven")
        page.wait_for_function("() => localStorage.getItem('halk-werkblad:ambit')?.includes('gewoon leven')")
        draft = json.loads(page.evaluate("localStorage.getItem('halk-werkblad:ambit')"))
        assert draft["expiresAt"] - draft["savedAt"] == 24 * 3600 * 1000
        assert [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith("halk-werkblad:")] == [
            "halk-werkblad:ambit"
        ]
        page.reload(wait_until="networkidle")
        ready(page)
        assert page.input_value("#ambit-r1-p1") == f"{SECRET} een gewoon leven"
        assert page.locator("th[data-party]").count() == 6
        assert page.locator("th[data-party] input").nth(5).input_value() == "Thuiszorg"
        assert page.is_checked("#ambit-concept")
        expect(page.locator("[data-ws-status]").first).to_contain_text("teruggezet")
        # Another sheet does not see it.
        page.goto(f"{base_url}werkbladen/verklaringsmodel/", wait_until="networkidle")
        ready(page)
        assert all(not v.strip() for v in values(page))
        # 25 hours later: gone, and removed from the browser.
        page.evaluate(
            """() => { const d = JSON.parse(localStorage.getItem('halk-werkblad:ambit'));
                d.savedAt -= 25 * 3600 * 1000; d.expiresAt -= 25 * 3600 * 1000;
                localStorage.setItem('halk-werkblad:ambit', JSON.stringify(d)); }"""
        )
        page.goto(f"{base_url}werkbladen/ambit/", wait_until="networkidle")
        ready(page)
        assert page.input_value("#ambit-r1-p1") == ""
        assert page.evaluate("localStorage.getItem('halk-werkblad:ambit')") is None
        assert not page.is_checked("#ambit-concept")
        expect(page.locator("[data-ws-status]").first).to_contain_text("gewist")
        # Unticking removes a draft at once.
        page.check("#ambit-concept")
        page.fill("#ambit-r2-p2", SECRET)
        page.wait_for_function("() => localStorage.getItem('halk-werkblad:ambit')?.includes('Kwetsbaar')")
        page.uncheck("#ambit-concept")
        assert page.evaluate("localStorage.getItem('halk-werkblad:ambit')") is None


def values(page) -> list[str]:
    """What every text field holds, except party names and the date (today's, filled in anew)."""
    fields = page.locator(".halk-ws__input:not([data-party-name], [data-today])")
    return fields.evaluate_all("els => els.map(e => e.value)")


def stored(page) -> str:
    """Everything this origin keeps in the browser: local and session storage, cookies."""
    return page.evaluate(
        "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    )


# -- accessibility --------------------------------------------------------------------------------------
NAMES = """() => [...document.querySelectorAll('.halk-ws__input')].map(el => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    const name = ids.length ? ids.map(id => document.getElementById(id).textContent.trim()).join(' ')
                            : [...el.labels].map(l => l.textContent.trim()).join(' ');
    return {id: el.id, name}; })"""


@pytest.mark.browser
def test_every_grid_field_is_named_by_its_row_and_column(browser, base_url: str, site) -> None:
    table = site.tables["verklaringsmodel"]["factoren"]
    with sheet_page(browser, base_url, "verklaringsmodel") as (page, _, _):
        ready(page)
        names = {n["id"]: n["name"] for n in page.evaluate(NAMES)}
        assert all(names.values()), names
        assert names["verklaringsmodel-r1-k1"] == f"{table.rows[0][0]} {table.columns[1]}"
        assert names["verklaringsmodel-r3-k3"] == f"{table.rows[2][0]} {table.columns[3]}"
        assert page.get_by_role("textbox", name="Uitlokkend Psychologische factoren").count() == 1
    with sheet_page(browser, base_url, "ambit") as (page, _, _):
        ready(page)
        page.fill("#ambit-p3", "Thuiszorg")
        assert page.get_by_role("textbox", name="Pragmatisch: wat moet er gebeuren? Thuiszorg").count() == 1
        assert page.get_by_role("textbox", name="Conceptueel: wat is het probleem? Betrokkene 4").count() == 1
    with sheet_page(browser, base_url, "zorgafstemming") as (page, _, _):
        ready(page)
        assert all(n["name"] for n in page.evaluate(NAMES))


@pytest.mark.browser
def test_keyboard_only_add_rename_remove_party_with_visible_focus(browser, base_url: str) -> None:
    with sheet_page(browser, base_url, "ambit") as (page, _, _):
        ready(page)
        page.focus('[data-ws-action="add-party"]')
        page.keyboard.press("Enter")
        focused = page.evaluate("document.activeElement.id")
        assert page.evaluate("document.activeElement.matches('[data-party-name]')"), focused
        page.keyboard.type("Neuroloog")
        assert page.get_by_role("textbox", name=re.compile(r"^Systemisch: wie moet het doen\? Neuroloog$")).count() == 1
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        width = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
        assert outline == "solid" and width >= 2
        page.keyboard.press("Tab")  # its remove button
        assert page.evaluate("document.activeElement.textContent").strip() == "Verwijder Neuroloog"
        page.keyboard.press("Enter")
        assert page.locator("th[data-party]").count() == 5
        assert page.evaluate("document.activeElement.matches('[data-party-name]')")
        expect(page.locator("[data-ws-status]").first).to_contain_text("verwijderd")
        # The toggle works from the keyboard and shows the examples.
        page.focus("#ambit-voorbeelden")
        page.keyboard.press("Space")
        assert page.locator(".halk-ws__prompt").first.is_visible()
        assert "ambit-r1-vb" in page.get_attribute("#ambit-r1-p1", "aria-describedby")


@pytest.mark.browser
@pytest.mark.parametrize("name", list(SHEETS))
def test_a_360px_phone_gets_labelled_sections_without_sideways_scrolling(browser, base_url: str, name: str) -> None:
    with sheet_page(browser, base_url, name, viewport=PHONE) as (page, _, _):
        ready(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        grid = page.locator(".halk-ws__grid")
        if grid.count():
            assert grid.evaluate("t => getComputedStyle(t).display") == "block"
            labels = page.locator("td .halk-ws__cell-label")
            assert labels.first.is_visible()
        assert not run_axe(page)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(SHEETS))
def test_axe_finds_nothing_in_any_state(browser, base_url: str, name: str, scheme: str) -> None:
    problems = []
    with sheet_page(browser, base_url, name, color_scheme=scheme) as (page, errors, _):
        ready(page)

        def check(state: str) -> None:
            violations = run_axe(page, colours_only=scheme == "dark")
            if violations:
                problems.append(f"{name} {scheme} {state}:\n{format_violations(violations)}")

        check("blank")
        page.check(f"#{name}-voorbeelden")
        check("examples shown")
        fill_all(page)
        check("filled")
        page.check(f"#{name}-concept")
        page.wait_for_timeout(400)
        check("draft kept")
        if name == "ambit":
            page.click('[data-ws-action="add-party"]')
            check("party added")
        page.click('[data-ws-action="clear"]')
        page.wait_for_timeout(200)
        check("cleared")
        assert not errors
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_instant_navigation_starts_the_sheet(browser, base_url: str) -> None:
    with sheet_page(browser, base_url, "verklaringsmodel") as (page, errors, _):
        ready(page)
        page.goto(f"{base_url}werkbladen/", wait_until="networkidle")
        page.evaluate("window.__marker = 1")
        page.click(".md-content a[href$='ambit/']")
        page.wait_for_selector("#ws-ambit.halk-ws--js")
        assert page.evaluate("window.__marker") == 1, "the page was loaded anew, not swapped in"
        page.fill("#ambit-r1-p1", "x")
        assert page.locator("#ambit-r1-p1").evaluate("e => e.closest('[data-field]').hasAttribute('data-filled')")
        assert not errors


@pytest.mark.browser
def test_examples_print_only_when_shown_and_a_blank_grid_with_them_stays_on_one_page(browser, base_url: str) -> None:
    with sheet_page(browser, base_url, "verklaringsmodel") as (page, _, _):
        ready(page)
        page.emulate_media(media="print")
        assert page.locator(".halk-ws__prompt").first.is_hidden()
        page.emulate_media(media="screen")
        page.check("#verklaringsmodel-voorbeelden")
        page.emulate_media(media="print")
        assert page.locator(".halk-ws__prompt").first.is_visible()
        pages, boxes = pdf_pages(page)
        assert pages == 1 and boxes == {MEDIA_BOX["landscape"]}
