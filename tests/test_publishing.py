"""Publishing: the site under a sub-path, sitemap, 404, meta, version and date, print, pocket cards, vnu."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from helpers import (
    ROOT,
    SEARCH_RESULT_LINKS,
    QuietHandler,
    Server,
    build,
    mkdocs_env,
    open_for_instant_navigation,
    wait_for_search_results,
)

from macros.publishing import GitDates, dutch_date, git_date, last_updated, page_dates
from quizkit.yamlload import load_yaml

PREFIX = "/kennisbank/"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ANSWER_KEYS = "leermodules/antwoorden/"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The pocket cards on docs/zakkaarten.md, in page order; each is a fact list in docs/_data/lijsten/.
POCKET_CARDS = ["verwijsstappen", "modi", "misverstanden", "criteria", "samenvatting"]
# vnu errors that come from Material's own templates (message, regex on the offending markup, why).
# Only these exact Material constructs are filtered; the test prints how many of each it dropped.
VNU_MATERIAL_ERRORS = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)"',
        "Material's base.html puts autocomplete=off on its drawer/search checkbox toggles (stops "
        "Firefox restoring their state); browsers ignore it on checkboxes.",
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        'Material\'s partials/nav-item.html writes tabindex="" on section labels when '
        "navigation.sections is on; browsers treat an empty tabindex as absent.",
    ),
]


def _config() -> dict:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as fd:
        return yaml_load(fd)


def _front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?\n)---\n", text, re.DOTALL)
    assert match, f"{md} has no front matter"
    return yaml.safe_load(match.group(1))


def _doc_pages() -> dict[str, Path]:
    """Built path (directory URLs) -> Markdown source, for every page under docs/."""
    out = {}
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs")
        if rel.parts[0].startswith("_"):
            continue
        stem = rel.with_suffix("")
        url = "" if stem.name == "index" else f"{stem.as_posix()}/"
        if stem.name == "index" and stem.parent != Path("."):
            url = f"{stem.parent.as_posix()}/"
        out[url] = md
    return out


class _SubPathHandler(QuietHandler):
    """Serves the site under PREFIX only, and the site's 404 page for anything unknown there."""

    site: Path

    def translate_path(self, path: str) -> str:
        rel = urlsplit(path).path
        if not rel.startswith(PREFIX):
            return str(self.site / "__not_under_prefix__")
        return super().translate_path("/" + rel[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.site / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def subpath(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The site built for and served under http://127.0.0.1:<port>/kennisbank/ (site dir, base URL)."""
    site = tmp_path_factory.mktemp("subpath-site")
    handler = type("Handler", (_SubPathHandler,), {"site": site})
    # Bound before the build, so the port the site is built for stays ours (tests/helpers.py).
    with Server(site, handler_class=handler) as server:
        base = server.url.rstrip("/") + PREFIX
        result = build(ROOT, site, site_url=base)
        assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
        server.start()
        yield site, base


def _watch_requests(page) -> tuple[list[str], list[str]]:
    """Record every request URL and every failed or >= 400 response on ``page``."""
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    # A request the browser aborted because the page moved on is not a broken asset; 404s still count.
    page.on(
        "requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and failures.append(f"{r.url} ({r.failure})")
    )
    page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.url} -> {r.status}"))
    return requests, failures


# -- sitemap, meta, version, date (static checks on the sub-path build) ---------------------------


def test_sitemap_lists_every_page_under_the_sub_path(subpath) -> None:
    site, base = subpath
    tree = ET.parse(site / "sitemap.xml")
    locs = [el.text for el in tree.getroot().findall("sm:url/sm:loc", SITEMAP_NS)]
    assert all(loc.startswith(base) for loc in locs), [loc for loc in locs if not loc.startswith(base)]
    # The answer keys are noindex and left out of the sitemap (D28).
    expected = {base + url for url in _doc_pages() if not url.startswith(ANSWER_KEYS)}
    assert set(locs) == expected
    built = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    built = {b for b in built if not b.startswith(ANSWER_KEYS)}
    assert {loc[len(base) :].rstrip("/") or "." for loc in locs} == built


@pytest.mark.parametrize("url", sorted(_doc_pages()))
def test_page_carries_description_version_and_date(subpath, url: str) -> None:
    site, _ = subpath
    md = _doc_pages()[url]
    html = (site / url / "index.html").read_text(encoding="utf-8")
    description = _front_matter(md)["description"]
    meta = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert meta, f"{url}: no meta description"
    assert meta.group(1) == description.replace("&", "&amp;").replace('"', "&quot;")
    version = _config()["extra"]["content_version"]
    assert f"Inhoudsversie {version}" in html
    expected = page_dates(md)
    assert f'Laatst bijgewerkt: <time datetime="{expected["iso"]}">{expected["text"]}</time>' in html


def test_dutch_dates() -> None:
    assert dutch_date(dt.date(2026, 11, 24)) == "24 november 2026"
    assert dutch_date(dt.date(2027, 3, 1)) == "1 maart 2027"
    assert dutch_date(dt.date(2026, 12, 31)) == "31 december 2026"


def test_last_updated_comes_from_git_or_falls_back_to_the_build_date(tmp_path: Path) -> None:
    committed = ROOT / "mkdocs.yml"
    expected = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "mkdocs.yml"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    if not expected:
        pytest.skip("no git history in this checkout")
    assert git_date(committed) == dt.date.fromisoformat(expected)
    # A file outside any repository, or unknown to git, gets the build date.
    loose = tmp_path / "nieuw.md"
    loose.write_text("x", encoding="utf-8")
    build_day = dt.date(2030, 1, 2)
    assert git_date(loose) is None
    assert last_updated(loose, today=build_day) == build_day
    assert page_dates(loose, today=build_day) == {"iso": "2030-01-02", "text": "2 januari 2030"}


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_one_git_call_gives_every_page_the_date_git_log_gives_it(tmp_path: Path) -> None:
    """GitDates (one ``git log`` per build) agrees with ``git log -1`` per file, odd names included."""
    repo = tmp_path / "repo"
    docs = repo / "docs"
    (docs / "deel").mkdir(parents=True)
    _git(repo, "init", "-q")
    names = ["index.md", "deel/één pagina.md", "deel/b.md", "oud.md"]
    for name in names:
        (docs / name).write_text(name, encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "eerste", date="2026-01-05T10:00:00")
    (docs / "deel" / "b.md").write_text("anders", encoding="utf-8")
    _git(repo, "mv", "docs/oud.md", "docs/nieuw.md")
    _git(repo, "commit", "-qam", "tweede", date="2026-03-07T10:00:00")
    (docs / "los.md").write_text("niet in git", encoding="utf-8")
    dates = GitDates(docs)
    for path in sorted(docs.rglob("*.md")):
        assert dates.date_of(path) == git_date(path), path.name
    assert dates.date_of(docs / "deel" / "één pagina.md") == dt.date(2026, 1, 5)
    assert dates.date_of(docs / "deel" / "b.md") == dt.date(2026, 3, 7)
    assert dates.date_of(docs / "nieuw.md") == dt.date(2026, 3, 7)
    assert dates.date_of(docs / "los.md") is None
    assert dates.date_of(repo / "mkdocs.yml") == dt.date(2026, 1, 5), "outside docs/: asked on its own"
    assert GitDates(tmp_path / "geen-git").date_of(tmp_path / "geen-git" / "x.md") is None


# -- in Chromium under the sub-path ------------------------------------------------------------


@pytest.mark.browser
def test_pages_and_assets_load_under_the_sub_path(page, subpath) -> None:
    _, base = subpath
    requests, failures = _watch_requests(page)
    for url in ["", "alk/", "zakkaarten/", "leermodules/"]:
        response = page.goto(base + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        assert page.locator("article h1").first.is_visible()
    # Navigation by link (instant navigation) stays under the sub-path.
    open_for_instant_navigation(page, base)
    page.evaluate("() => { window.__notReloaded = true; }")
    page.locator(".md-footer-meta a", has_text="Zakkaarten").click()
    # Material's anchor tracking may add the first heading's anchor to the address.
    page.wait_for_url(lambda url: url.split("#")[0] == base + "zakkaarten/")
    page.locator("article h1", has_text="Zakkaarten").wait_for()
    assert page.evaluate("() => window.__notReloaded === true"), "the page was reloaded, not swapped"
    assert not failures, failures
    outside = [u for u in requests if not u.startswith((base, "data:", "blob:"))]
    assert not outside, outside


@pytest.mark.browser
def test_search_works_under_the_sub_path(page, subpath) -> None:
    _, base = subpath
    requests, failures = _watch_requests(page)
    page.goto(base + "alk/")
    # Type only once the search index has loaded (Material then invites typing).
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')?.textContent.trim() === 'Typ om te beginnen met zoeken'",
        timeout=30_000,
    )
    page.locator("input.md-search__input").press_sequentially("hardnekkige")  # typed, as a person does
    wait_for_search_results(page, "hardnekkige")
    results = page.locator(SEARCH_RESULT_LINKS)
    hrefs = results.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(base) for h in hrefs), hrefs
    results.first.click()
    page.wait_for_load_state()
    assert page.url.startswith(base)
    assert not failures, failures
    outside = [u for u in requests if not u.startswith((base, "data:", "blob:"))]
    assert not outside, outside


@pytest.mark.browser
def test_dutch_404_page_works_at_any_depth(page, subpath) -> None:
    _, base = subpath
    requests, failures = _watch_requests(page)
    response = page.goto(base + "bestaat/niet/diep/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert page.locator("html").get_attribute("lang") == "nl"
    # Material's stylesheet loaded from the right place: the header is laid out as a bar.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"
    page.locator("article a", has_text="startpagina").click()
    page.wait_for_url(base)
    broken = [f for f in failures if "bestaat/niet" not in f]
    assert not broken, broken
    assert not [u for u in requests if not u.startswith((base, "data:", "blob:"))]


# -- budgets -------------------------------------------------------------------------------------


def test_pages_without_a_quiz_load_no_quiz_bytes_but_a_module_list_its_styles(site_dir: Path) -> None:
    offenders = []
    with_quiz = with_index = 0
    for html in sorted(site_dir.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        assets = re.findall(r'<(?:link|script)\b[^>]*(?:href|src)="([^"]*assets/quizkit/quiz\.(?:js|css))"', text)
        if "data-quiz-item" in text:
            with_quiz += 1
            assert len(assets) == 2, f"{html.relative_to(site_dir)}: a quiz page loads quiz.js and quiz.css"
        elif 'class="qk-quiz-index"' in text:
            with_index += 1
            names = [a.rsplit("/", 1)[-1] for a in assets]
            assert names == ["quiz.css"], f"{html.relative_to(site_dir)}: a module list loads quiz.css, no script"
        elif assets:
            offenders.append(f"{html.relative_to(site_dir)}: {assets}")
    assert with_quiz and with_index, "no page with a quiz or a module list was found: the test checks nothing"
    assert not offenders, "\n".join(offenders)


def test_quiz_styles_come_before_the_quiz_and_its_scripts_after_it(site_dir: Path) -> None:
    """A browser shows nothing after a stylesheet before it has it: no quiz shows unstyled first."""
    checked = 0
    for html in sorted(site_dir.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        quiz = [m.start() for m in re.finditer(r'class="qk-quiz(?:-index)?"', text)]
        if not quiz:
            continue
        checked += 1
        styles = [m.start() for m in re.finditer(r'<link rel="stylesheet" href="[^"]*assets/quizkit/', text)]
        scripts = [m.start() for m in re.finditer(r'<script src="[^"]*assets/quizkit/[^"]*" defer>', text)]
        where = html.relative_to(site_dir)
        assert styles and max(styles) < min(quiz), f"{where}: a quiz stylesheet comes after the quiz"
        assert all(s > max(quiz) for s in scripts), f"{where}: a quiz script comes before the quiz"
    assert checked > 5, "no quiz page was found: the test checks nothing"


@pytest.mark.browser
def test_a_module_page_on_a_phone_does_not_jump_when_its_styles_arrive(new_page, base_url: str) -> None:
    """The one shift left at load is the no-JavaScript line going (quiz.js): it moves the list, nothing in it.

    With the styles after the content, a phone painted the first question unstyled, and it
    jumped when they came (a stage's text moved 790 px).
    """
    page = new_page(viewport={"width": 412, "height": 823}, is_mobile=True)
    page.add_init_script(
        """window.__shifts = []; new PerformanceObserver(list => { for (const e of list.getEntries())
            window.__shifts.push(...e.sources.map(s => s.node && s.node.nodeType === 1 ? s.node.className : '')) })
          .observe({type: 'layout-shift', buffered: true});"""
    )
    page.goto(base_url + "leermodules/casus/")
    page.wait_for_selector(".qk-quiz[data-quiz-ready]")
    page.wait_for_timeout(500)
    moved = page.evaluate("window.__shifts")
    assert set(moved) <= {"qk-quiz__items"}, moved


# -- print -------------------------------------------------------------------------------------


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.browser
def test_print_shows_only_the_content(page, base_url: str) -> None:
    page.goto(base_url + "handreiking/")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        assert page.locator(chrome).first.evaluate("el => getComputedStyle(el).display") == "none", chrome
    assert page.locator("article h1").is_visible()
    assert page.locator(".halk-updated").is_visible()
    # Tables print whole: not clipped by a scroll wrapper.
    tables = page.locator("article table")
    assert tables.count(), "the page printed here has no table: the check below would be empty"
    for i in range(tables.count()):
        assert tables.nth(i).is_visible()
        wrap_overflow = tables.nth(i).evaluate(
            "t => { const w = t.closest('.md-typeset__scrollwrap'); return w ? getComputedStyle(w).overflowX : 'visible' }"
        )
        assert wrap_overflow == "visible"


@pytest.mark.browser
def test_print_opens_details_and_shows_external_urls(page, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML("afterbegin",
            '<details id="t-d"><summary>Toon antwoord</summary><p id="t-hidden">Het antwoord</p></details>' +
            '<p><a id="t-ext" href="https://example.org/x">extern</a> <a id="t-int" href="alk/">intern</a></p>')"""
    )
    assert not page.locator("#t-hidden").is_visible()
    # CSS alone (::details-content) prints closed <details> open in Chromium.
    page.emulate_media(media="print")
    assert page.locator("#t-hidden").is_visible()
    assert page.evaluate("document.getElementById('t-d').open") is False
    # print.js on beforeprint: links to other sites get their address, <details> open; restored after.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    after = "id => getComputedStyle(document.getElementById(id), '::after').content"
    assert page.get_attribute("#t-ext", "data-print-url") == "https://example.org/x"
    assert page.evaluate(after, "t-ext") == '" (https://example.org/x)"'
    assert page.get_attribute("#t-int", "data-print-url") is None
    assert page.evaluate(after, "t-int") in ("none", "normal")
    assert page.evaluate("document.getElementById('t-d').open") is True
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.getElementById('t-d').open") is False


@pytest.mark.browser
def test_a_page_prints_to_pdf(page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "alk/")
    pdf = page.pdf(format="A4", path=str(tmp_path / "alk.pdf"))
    assert pdf.startswith(b"%PDF")
    assert _pdf_pages(pdf) >= 1


# -- pocket cards --------------------------------------------------------------------------------


@pytest.mark.parametrize("list_id", POCKET_CARDS)
def test_pocket_card_shows_every_item_and_its_source(site_dir: Path, list_id: str) -> None:
    html = (site_dir / "zakkaarten" / "index.html").read_text(encoding="utf-8")
    data = load_yaml(ROOT / "docs" / "_data" / "lijsten" / f"{list_id}.yml", ROOT).data
    card = re.search(rf'<section [^>]*id="kaart-{list_id}"[^>]*>.*?</section>', html, re.DOTALL)
    assert card, f"no card for {list_id}"
    items = re.findall(r'data-item="([^"]+)"', card.group(0))
    assert items == [item["id"] for item in data["items"]]
    bib = yaml.safe_load((ROOT / "docs" / "_data" / "bronnen.yml").read_text(encoding="utf-8"))
    doc = next(d for d in bib["documents"] if d["id"] == data["source"]["doc"])
    source_line = re.search(r'<p class="halk-pocket-card__source">(.*?)</p>', card.group(0), re.DOTALL).group(1)
    assert doc["title"].replace("&", "&amp;") in source_line
    assert data["source"]["where"].replace("&", "&amp;") in source_line


def test_pocket_card_for_an_unknown_list_fails_the_build(tmp_path: Path) -> None:
    from helpers import copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "zakkaarten.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ pocket_card("bestaat-niet") }}\n', encoding="utf-8")
    # Not helpers.build: with -q MkDocs hides the macros plugin's error message.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    result = subprocess.run(cmd, cwd=project, env=mkdocs_env(), capture_output=True, text=True, check=False)
    assert result.returncode != 0
    line = page.read_text(encoding="utf-8").splitlines().index('{{ pocket_card("bestaat-niet") }}') + 1
    output = result.stdout + result.stderr
    assert re.search(rf"docs/zakkaarten\.md:{line}: lijst 'bestaat-niet' bestaat niet", output), output[-2000:]
    assert "Traceback" not in output and "Macro Rendering Error" not in output, output[-2000:]
    assert not (tmp_path / "site" / "zakkaarten" / "index.html").exists()


@pytest.mark.browser
def test_pocket_cards_print_on_a6_one_card_per_page(page, base_url: str) -> None:
    """A zakkaart fits a pocket: A6 pages, a card on a page of its own, readable type (D26)."""
    page.goto(base_url + "zakkaarten/")
    cards = page.locator(".halk-pocket-card")
    assert cards.count() == len(POCKET_CARDS)
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = {tuple(round(float(v)) for v in box.split()[2:4]) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)}
    assert boxes == {(298, 420)}, boxes  # 105 x 148 mm in points: every page is A6
    # Laid out as on paper: the A6 page less its 5 mm margins is 95 x 138 mm.
    mm = 96 / 25.4
    page.set_viewport_size({"width": round(95 * mm), "height": round(138 * mm)})
    page.emulate_media(media="print")
    sizes = cards.evaluate_all(
        """cards => cards.map(card => ({
            id: card.dataset.list,
            pages: card.getBoundingClientRect().height / (138 * 96 / 25.4),
            overflow: card.scrollWidth - card.clientWidth,
            smallest: Math.min(...[...card.querySelectorAll('p, li')].map(e => parseFloat(getComputedStyle(e).fontSize))),
        }))"""
    )
    for card in sizes:
        assert card["smallest"] < 100, card  # the card has text (an empty list gives Infinity)
        # The five-step card has a front and a back; every other card fits one side.
        assert card["pages"] <= (2 if card["id"] == "verwijsstappen" else 1), card
        assert card["overflow"] <= 0, card
        assert card["smallest"] >= 8 * 96 / 72, card  # 8 pt
    # The explanation, 6 card sides, and the page's sources on a page of their own.
    assert _pdf_pages(pdf) == 1 + 6 + 1


# -- HTML validity (Nu Html Checker) -------------------------------------------------------------


def test_vnu_reports_no_errors_in_our_markup(site_dir: Path, tmp_path: Path) -> None:
    if not shutil.which("java"):
        pytest.fail("java not found: the Nu Html Checker needs a JRE (Debian: default-jre-headless)")
    assert VNU_JAR.is_file(), "vnu.jar missing: run `npm ci` (make setup-test)"
    pages = sorted(str(p) for p in site_dir.rglob("*.html"))
    out = tmp_path / "vnu.json"
    cmd = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *pages]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
    out.write_text(result.stderr or result.stdout, encoding="utf-8")
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]

    def material_reason(m: dict) -> str | None:
        extract = m.get("extract", "")
        for message, markup, reason in VNU_MATERIAL_ERRORS:
            if m["message"].startswith(message) and re.search(markup, extract):
                return reason
        return None

    ours = [m for m in errors if material_reason(m) is None]
    for message, _, reason in VNU_MATERIAL_ERRORS:
        dropped = sum(1 for m in errors if m["message"].startswith(message) and material_reason(m))
        print(f"filtered {dropped} x {message!r}: {reason}")
    report = "\n".join(
        f"{Path(urlsplit(m['url']).path).relative_to(site_dir)}:{m.get('lastLine')}: {m['message']}" for m in ours[:40]
    )
    assert not ours, f"{len(ours)} vnu errors:\n{report}"


def test_the_pocket_cards_are_in_the_pages_table_of_contents(site_dir: Path) -> None:
    """Their HTML is kept out of the page's Markdown, but each card's title still heads a TOC entry."""
    html = (site_dir / "zakkaarten" / "index.html").read_text(encoding="utf-8")
    toc = html.split('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#kaart-([a-z-]+)-titel"', toc) == POCKET_CARDS
    for card in POCKET_CARDS:
        assert f'id="kaart-{card}-titel"' in html
