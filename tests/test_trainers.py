"""Trainer pages of the real site: catalogue, answer keys, and the learner's printable result summary."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from helpers import ANSWER_JS, ROOT, format_violations, run_axe
from site_pages import parse

from macros.content import load_bibliography
from quizkit.bank import QuizBanks
from quizkit.render import Strings, type_counts, unquote


def trainer_strings():
    """The trainer pages' strings (quizkit/locales/nl.yml), as ``ts(key, **values)``."""
    return Strings("nl").ts


MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
CATALOGUE = "leermodules/trainers/"


def plain(text: str) -> str:
    """Markdown source or rendered text reduced to words, for comparing the two."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


def site_url(site_dir: Path) -> str:
    """The site_url the build used (the sitemap's first address)."""
    return re.search(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))[1]


@pytest.mark.browser
def test_catalogue_lists_every_module_from_its_bank(page, base_url: str, site_dir: Path, banks: QuizBanks) -> None:
    ts = trainer_strings()
    bib = load_bibliography(ROOT / "docs" / "_data", ROOT)
    page.goto(base_url + CATALOGUE)
    sections = page.locator(".qk-trainer__module")
    assert sections.count() == len(banks.modules)
    every = page.locator(".qk-trainer__all a")
    assert every.inner_text() == ts("moodle_all")
    whole = page.request.get(urljoin(page.url, every.get_attribute("href") or ""))
    assert whole.ok and whole.body().count(b'<question type="category">') == len(banks.modules)
    for module_id, module in banks.modules.items():
        meta = module.module
        section = page.locator(f"#module-{module_id}")
        assert plain(section.locator("h2").inner_text()) == plain(meta.title)
        text = plain(section.inner_text())
        for fact in (
            ts("minutes", n=meta.minutes),
            ts("pass_mark", n=meta.pass_mark),
            ts("items", n=len(module.items)),
        ):
            assert fact in text, f"{module_id}: {fact!r} missing"
        for objective in meta.objectives:
            assert plain(objective) in text, f"{module_id}: objective {objective!r} missing"
        types = section.locator(".qk-trainer__types li").all_inner_texts()
        assert types == [f"{ts('type_' + kind)}: {n}" for kind, n in type_counts(module)]
        # The sources its questions cite, each once, by the bibliography's title (no "?." after it).
        cited = list(dict.fromkeys(item.source.doc for item in module.items))
        sources = section.locator(".qk-trainer__sources li").all_inner_texts()
        assert len(sources) == len(cited), module_id
        for doc_id, shown in zip(cited, sources, strict=True):
            assert plain(bib.doc(doc_id).title) in plain(shown) and "?." not in shown, f"{module_id}: {shown}"
        # The link to hand out: site_url + the module page, and it is the page that holds the quiz.
        absolute = section.locator("input.qk-trainer__url").input_value()
        assert absolute == site_url(site_dir) + f"leermodules/{module_id}/"
        label = page.locator(f"label[for='link-{module_id}']")
        assert label.count() == 1
        links = {a.inner_text(): a.get_attribute("href") for a in section.locator("a").all()}
        # Each link and button names its module too, after its visible words (WCAG 2.5.3).
        title = section.locator("h2").inner_text()
        for key in ("open_module", "scorm", "scorm_test", "moodle", "answer_key"):
            assert section.get_by_role("link", name=f"{ts(key)} {title}", exact=True).count() == 1, (key, title)
        assert section.get_by_role("button", name=f"{ts('copy_link')} {title}", exact=True).count() == 1
        module_page = page.request.get(urljoin(page.url, links[ts("open_module")]))
        assert module_page.ok and f'data-quiz-module="{module_id}"' in module_page.text()
        relative = section.locator("code").inner_text()
        assert not relative.startswith(("http", "/")) and urljoin(page.url, relative) == module_page.url
        scorm = page.request.get(urljoin(page.url, links[ts("scorm")]))
        assert scorm.ok and scorm.body()[:2] == b"PK", f"{module_id}: SCORM zip not downloadable"
        assert links[ts("scorm_test")].endswith(f"{module_id}.toets.zip")
        test = page.request.get(urljoin(page.url, links[ts("scorm_test")]))
        assert test.ok and test.body()[:2] == b"PK" and test.body() != scorm.body(), f"{module_id}: no test package"
        moodle = page.request.get(urljoin(page.url, links[ts("moodle")]))
        assert moodle.ok and f"<idnumber>{module_id}</idnumber>".encode() in moodle.body(), module_id
        # Where a case makes the file hold more questions than the module counts, it says how many.
        questions = moodle.body().count(b"<question type=") - 1  # not the category
        count = ts("moodle_units", n=questions)
        assert (count in text) == (questions != len(module.items)), f"{module_id}: {questions} Moodle questions"
        key = page.request.get(urljoin(page.url, links[ts("answer_key")]))
        assert key.ok and f'data-qk-answer-key="{module_id}"' in key.text()


@pytest.mark.browser
def test_copy_button_puts_the_module_link_on_the_clipboard(new_page, base_url: str) -> None:
    """Keyboard only: Tab to "Kopieer link", Enter; the link is on the real clipboard, and said so."""
    ts = trainer_strings()
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(base_url + CATALOGUE)
    field = page.locator("#link-verwijzen")
    field.focus()
    page.keyboard.press("Tab")
    button = page.locator("button[data-qk-copy='link-verwijzen']")
    assert button.evaluate("el => el === document.activeElement"), "the button follows its field"
    assert button.inner_text() == ts("copy_link")
    page.keyboard.press("Enter")
    status = page.locator("#link-verwijzen-status")
    status.filter(has_text=ts("link_copied")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    assert button.evaluate("el => el === document.activeElement"), "focus stays on the button"
    assert status.get_attribute("role") == "status"
    assert page.locator("#link-casus-status").inner_text() == "", "only that module's status speaks"


@pytest.mark.browser
def test_copy_without_clipboard_selects_the_link_and_says_how(new_page, base_url: str) -> None:
    ts = trainer_strings()
    page = new_page()
    # A browser that refuses the clipboard (an insecure page, a policy): writeText rejects.
    page.context.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('geweigerd'));")
    page.goto(base_url + CATALOGUE)
    page.locator("button[data-qk-copy='link-casus']").click()
    page.locator("#link-casus-status").filter(has_text=ts("link_not_copied")).wait_for()
    field = page.locator("#link-casus")
    assert field.evaluate("el => el === document.activeElement")
    selected = field.evaluate("el => el.value.slice(el.selectionStart, el.selectionEnd)")
    assert selected == field.input_value() and selected.startswith("http")


def test_copy_buttons_wait_for_the_script(site_dir: Path, banks: QuizBanks) -> None:
    """Without JavaScript a copy button could do nothing: it is hidden until trainer.js shows it."""
    html = (site_dir / CATALOGUE / "index.html").read_text(encoding="utf-8")
    buttons = re.findall(r"<button[^>]*data-qk-copy=[^>]*>", html)
    assert len(buttons) == len(banks.modules)
    assert all(" hidden" in b for b in buttons)


@pytest.mark.browser
@pytest.mark.parametrize("path", [CATALOGUE, "leermodules/antwoorden/casus/"])
def test_without_javascript_no_button_that_needs_it_shows(new_page, base_url: str, path: str) -> None:
    """Material styles .md-button with a display of its own; the hidden attribute must still win."""
    page = new_page(java_script_enabled=False)
    page.goto(base_url + path)
    waiting = page.locator("button[data-qk-copy], button[data-qk-print]")
    assert waiting.count() > 0
    shown = [waiting.nth(i).inner_text() for i in range(waiting.count()) if waiting.nth(i).is_visible()]
    assert not shown, f"buttons that do nothing without JavaScript are visible: {shown}"


def test_every_module_is_in_the_catalogues_table_of_contents(site_dir: Path, banks: QuizBanks) -> None:
    # A trainer on a phone jumps from the table of contents to a module's downloads, after the
    # page's own headings, in the order the catalogue shows the modules.
    root = parse((site_dir / CATALOGUE / "index.html").read_text(encoding="utf-8"))
    shown = [section.attrs["id"] for section in root.find("section", cls="qk-trainer__module")]
    assert sorted(shown) == sorted(f"module-{module_id}" for module_id in banks.modules)
    tocs = root.find("nav", cls="md-nav--secondary")  # the sidebar's, and the one in the phone's menu
    assert len(tocs) == 2
    for toc in tocs:
        links = [(a.attrs.get("href", ""), a.text()) for a in toc.find("a")]
        targets = [href for href, _ in links]
        modules = [(href, text) for href, text in links if href.startswith("#module-")]
        assert [href for href, _ in modules] == [f"#{section}-title" for section in shown]
        assert targets.index(modules[0][0]) > targets.index("#welke-route-kiest-u"), targets
        # The steps of each route are a section of their own, not part of choosing a route.
        steps = targets.index("#zo-zet-u-een-module-in-uw-leeromgeving")
        assert targets.index("#welke-route-kiest-u") < steps < targets.index("#zo-gebruikt-u-een-scorm-pakket")
        for (_, text), section in zip(modules, shown, strict=True):
            assert plain(text) == plain(banks.modules[section.removeprefix("module-")].module.title)


def test_catalogue_is_in_the_nav_and_answer_keys_are_not(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="leermodules/trainers/"' in home
    assert "leermodules/antwoorden/" not in home


def test_answer_keys_are_kept_out_of_search(site_dir: Path, banks: QuizBanks) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("leermodules/trainers/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith("leermodules/antwoorden/")]
    for module_id in banks.modules:
        assert (site_dir / "leermodules" / "antwoorden" / module_id / "index.html").is_file()


@pytest.mark.browser
def test_answer_key_shows_every_answer_feedback_and_source(
    page, base_url: str, banks: QuizBanks, site_dir: Path
) -> None:
    bib = load_bibliography(ROOT / "docs" / "_data", ROOT)
    moodle_file = (site_dir / "downloads" / "moodle" / "alle-modules.xml").read_text(encoding="utf-8")
    moodle_ids = set(re.findall(r"<idnumber>([^<]+)</idnumber>", moodle_file))
    for module_id, module in banks.modules.items():
        page.goto(f"{base_url}leermodules/antwoorden/{module_id}/")
        assert page.locator(".qk-answer-key__item").count() == len(module.items)
        for item in module.items:
            block = page.locator(f"#antwoord-{item.id}")
            text = plain(block.inner_text())
            assert plain(item.stem)[:60] in text, item.id
            stages = item.stages if item.type == "case" else [None]
            for n, stage in enumerate(stages):
                q = stage.question if stage else item
                scope = block.locator(".qk-answer-key__stage").nth(n) if stage else block
                if q.type in ("single", "multiple", "phrasing"):
                    right = scope.locator(".qk-quiz-answer__list > li.is-right").all_inner_texts()
                    assert len(right) == sum(o.correct for o in q.options), item.id
                    for option in q.options:
                        assert plain(unquote(option.text))[:40] in text
                        if option.feedback:
                            assert plain(option.feedback)[:60] in text, f"{item.id}: feedback missing"
                elif q.type == "truefalse":
                    rows = scope.locator(".qk-quiz-answer__list > li").all_inner_texts()
                    for row, s in zip(rows, q.statements, strict=True):
                        assert ("Juist." if s.answer else "Onjuist.") in row, f"{item.id}: {s.text}"
                elif q.type == "classify":
                    labels = {c.id: plain(c.label) for c in q.categories}
                    rows = scope.locator(".qk-quiz-answer__list > li").all_inner_texts()
                    for row, s in zip(rows, q.statements, strict=True):
                        # The statement, then its category (a label may be "Hoort er niet bij").
                        assert plain(row).startswith(f"{plain(s.text)} Het juiste antwoord: {labels[s.category]}"), row
                elif q.type == "ordering":
                    steps = scope.locator("ol.qk-quiz-answer__list > li").all_inner_texts()
                    assert [plain(s) for s in steps] == [plain(s) for s in q.steps], item.id
                    # Numbered 1., 2., ... like the steps on the quiz page, not as a nested a., b., ...
                    style = scope.locator("ol.qk-quiz-answer__list").evaluate("e => getComputedStyle(e).listStyleType")
                    assert style == "decimal", item.id
                if q.explanation:
                    assert plain(q.explanation)[:60] in text
            cite = block.locator(".qk-cite").last.inner_text()
            assert bib.doc(item.source.doc).short in cite and item.source.where in cite, item.id
            # The id the LMS reports the item under (SCORM interactions, Moodle's idnumber): a
            # case's stages are Moodle questions of their own, each with its id under the stage.
            ids = block.locator(".qk-answer-key__id code").all_inner_texts()
            moodle = [f"{item.id}--{stage.id}" for stage in stages if stage]
            assert ids == [*moodle, item.id], item.id
            assert set(moodle) <= moodle_ids, f"{item.id}: not the Moodle files' idnumbers"


@pytest.mark.browser
def test_answer_key_prints_without_site_chrome(page, base_url: str) -> None:
    page.goto(f"{base_url}leermodules/antwoorden/verwijzen/")
    button = page.locator("[data-qk-print]")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.__printed = true; }")
    button.click()
    assert page.evaluate("window.__printed === true")
    assert page.evaluate("document.documentElement.dataset.qkPrintOnly") is None, "the whole key prints"
    page.emulate_media(media="print")
    assert not button.is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".qk-answer-key__item").first.is_visible()


def finish_module(page, base_url: str, module_id: str, mode: str = "right") -> int:
    """Open a module page and answer every item (tests/scorm/answer.js)."""
    page.goto(f"{base_url}leermodules/{module_id}/")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    return page.evaluate(ANSWER_JS, mode)


@pytest.mark.browser
def test_result_summary_is_complete_and_honest(page, base_url: str, banks: QuizBanks) -> None:
    module_id = "verwijzen" if "verwijzen" in banks.modules else next(iter(banks.modules))
    module = banks.modules[module_id]
    total = finish_module(page, base_url, module_id)
    summary = page.locator(".qk-quiz__summary")
    summary.scroll_into_view_if_needed()  # as the learner who answered the last question
    page.wait_for_function("() => document.querySelector('[data-qk-today]').textContent")
    text = plain(summary.inner_text())
    today = datetime.date.today()
    assert f"Leermodule: {plain(module.module.title)}" in text
    assert f"Datum van dit overzicht: {today.day} {MONTHS[today.month - 1]} {today.year}" in text
    assert "Naam" not in text, "the line for a name is for paper only"
    assert f"{total} van {total} vragen beantwoord" in text
    assert f"U heeft {total} van {total} vragen goed (100%)" in text and "Geslaagd." in text
    # True on the site and in the self-check package in an LMS alike (not "in your own browser").
    assert "zelftoets, gemaakt zonder toezicht" in text and "geen gecontroleerd bewijs of certificaat" in text


@pytest.mark.browser
def test_the_summary_date_is_written_when_it_may_be_read(page, base_url: str) -> None:
    """Not at load (the first date a page formats costs the phone its locale data): near the screen, or in print."""
    page.goto(f"{base_url}leermodules/casus/")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    date = page.locator(".qk-quiz__summary [data-qk-today]")
    below = date.evaluate("el => el.getBoundingClientRect().top / innerHeight")
    assert below > 3, f"the summary is {below:.1f} screens down: too close to tell"
    page.wait_for_timeout(300)
    assert date.text_content() == "", "the date was formatted at load"
    today = datetime.date.today()
    written = f"{today.day} {MONTHS[today.month - 1]} {today.year}"
    page.mouse.wheel(0, (below - 1.5) * page.viewport_size["height"])  # a screen away, not yet in view
    page.wait_for_function("el => el.textContent", arg=date.element_handle())
    assert date.text_content() == written
    # A print of the page without scrolling (the browser's own print command) has it too.
    page.goto("about:blank")
    page.goto(f"{base_url}leermodules/casus/")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    assert date.text_content() == ""
    page.pdf()
    assert date.text_content() == written


@pytest.mark.browser
def test_afdrukken_prints_only_the_summary(page, base_url: str) -> None:
    finish_module(page, base_url, "verwijzen", "wrong")
    page.evaluate("window.print = () => { window.__printed = document.documentElement.dataset.qkPrintOnly; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.__printed") == "summary"
    page.emulate_media(media="print")
    summary = page.locator(".qk-quiz__summary")
    assert summary.is_visible() and "Nog niet geslaagd" in summary.inner_text()
    # On paper, a line to write the learner's name on (the site knows no name).
    assert re.search(r"\nNaam: _{10,}\n", summary.inner_text()), summary.inner_text()
    for hidden in (".md-header", "article h1", "[data-quiz-item]", ".md-footer", ".qk-quiz__intro"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed with the summary"
    assert not summary.get_by_role("button").first.is_visible(), "buttons are not printed"
    pdf = page.pdf()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "the summary fits on one sheet"
    # After printing, a normal print of the page shows the quiz again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("[data-quiz-item]").first.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [CATALOGUE, "leermodules/antwoorden/casus/", "leermodules/verwijzen/#summary"])
def test_axe_trainer_pages_and_summary(new_page, base_url: str, path: str, scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    if path.endswith("#summary"):
        finish_module(page, base_url, "verwijzen", "wrong")
        page.locator(".qk-quiz__summary").scroll_into_view_if_needed()
    else:
        page.goto(base_url + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    violations = run_axe(page, colours_only=scheme == "dark")
    assert not violations, format_violations(violations)
