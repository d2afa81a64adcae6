"""Hostile text in every data field and in page front matter builds a site in which nothing runs.

A copy of the project gets a payload (:data:`PAYLOADS`, rotating) appended to every string of
every data file under ``docs/_data`` that reaches HTML, and to the title and description of every
page. The copy must build (a payload is text, not an error). Then every built page and every
SCORM package's page is loaded in Chromium with traps: a payload that runs calls
``window.__xss`` or opens a dialog; neither may happen, no element may carry an event-handler
attribute, and no link, image or form may point at a ``javascript:``, ``data:`` or ``vbscript:``
URL. A quiz on the payloaded site still works, and its accessible name is plain text.

A payload with an HTML tag (:data:`HTML_PAYLOADS`), an image or template code
(:data:`REFUSED_PAYLOADS`) is no text a data file may hold: the loader refuses it at its line,
as it refuses any HTML (the page would show it as typed, or not at all). Those go into
the front matter, which is plain text, and are tested apart: refused in a bank, and still made
harmless by the sanitiser when rendered on their own, in Chromium with the same traps.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from helpers import ANSWER_JS, ROOT, Server, build, copy_project
from mkdocs.config import load_config
from test_search import run_query

from macros.content import plain_expansion
from macros.tables import TableFile
from quizkit.base import data_text
from quizkit.errors import ContentError
from quizkit.markdown import MarkdownRenderer
from quizkit.validate import validate
from quizkit.yamlload import load_yaml_text

# Each payload is its own attack. Those that would run call window.__xss(<name>) (or alert).
PAYLOADS = [
    "*nadruk*{: onmouseover=\"window.__xss('attr-list-inline')\" }",
    "[klik](javascript:window.__xss('js-link'))",
    "[klik](JaVaScRiPt:window.__xss('mixed-case'))",
    "[klik](java&#115;cript:window.__xss('entity-decimal'))",
    "[klik](&#x6A;avascript:window.__xss('entity-hex'))",
    "[klik](<java\tscript:window.__xss('tab')>)",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox('vbs'))",
    "<javascript:window.__xss('autolink')>",
    "&lt;/title&gt;&lt;script&gt;window.__xss('entity-title')&lt;/script&gt;",
    "&lt;img src=x onerror=window.__xss('entity-img')&gt;",
    "[a](https://example.org\" onmouseover=\"window.__xss('href-quote'))",
    "<https://example.org\" onmouseover=\"window.__xss('autolink-quote')>",
    "`<script>window.__xss('code')</script>`",
    "[klik](javascript\u200b:window.__xss('zero-width'))",
    "\uff1cscript\uff1ewindow.__xss('fullwidth')\uff1c/script\uff1e \u202egnp.exe",
    "x{: #__proto__ .md-nav onclick=\"window.__xss('block-attr')\" }",
    # Out of an attribute by quotes alone (a text set in an attribute: aria-label, title, data-*).
    'x" onmouseover="window.__xss(\'attr-double\')" y="',
    "x' onmouseover='window.__xss(1)' y='",
]
# For texts of more than one line (block Markdown): payloads that need lines of their own. An
# inline text (a question's stem, an option) must be one paragraph, so it refuses them.
BLOCK_PAYLOADS = [
    "[klik][ref]\n\n[ref]: javascript:window.__xss('reference-link')",
    "Alinea\n{: onclick=\"window.__xss('block-attr-list')\" }",
    "[^1]\n\n[^1]: [voetnoot](javascript:window.__xss('footnote'))",
]
# Payloads with an HTML tag or comment: the loader refuses them in any text of a data file
# (test_html_in_a_data_text_is_refused_at_its_line). The plain-text fields still get them: a
# page's front matter, and the data fields in PLAIN_KEYS.
HTML_PAYLOADS = [
    "<script>window.__xss('script')</script>",
    "<img src=x onerror=\"window.__xss('img-onerror')\">",
    '"><svg onload="window.__xss(\'svg-breakout-double\')">',
    "'><svg onload=window.__xss('svg-breakout-single')>",
    "</textarea><script>window.__xss('textarea')</script>",
    "</title><script>window.__xss('title')</script>",
    "<a href=\"javascript:window.__xss('raw-a')\">a</a>",
    "<iframe src=\"javascript:window.__xss('iframe')\"></iframe>",
    "<form action=\"javascript:window.__xss('form')\"><button>x</button></form>",
    "<details open ontoggle=\"window.__xss('details')\"><summary>x</summary></details>",
    "<svg><script>window.__xss('svg-script')</script></svg>",
    "<math><mtext></p><img src=x onerror=\"window.__xss('mxss')\"></mtext></math>",
    "<!--<script>window.__xss('comment')</script>-->",
    "<style>body{background:url(javascript:window.__xss('style'))}</style>",
    '<a href="#" onclick="alert(\'dialog\')">klik</a>',
]
# Payloads with an image or template code: the loader refuses them in any text of a data file
# too (the page would show neither: the sanitiser drops images, and data texts are no
# templates), with a message of their own (test_html_in_a_data_text_is_refused_at_its_line).
REFUSED_PAYLOADS = [
    "![x](x.png){: onerror=\"window.__xss('attr-list-img')\" }",
    "![plaatje](javascript:window.__xss('js-img'))",
    "![plaatje](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)",
    "{{ config.site_name }} {% if true %}jinja{% endif %}",
    "{{ window.__xss('template') }}",
]
# The same for texts of more than one line.
HTML_BLOCK_PAYLOADS = [
    "<div onmouseover=\"window.__xss('html-block')\">\nblok\n</div>",
    "- lijst\n\n    <script>window.__xss('list-script')</script>",
]
# Keys whose values are identifiers or references, validated against patterns or other data:
# a payload there is a content error (reported as such), not text that reaches HTML.
ID_KEYS = frozenset({"id", "doc", "type", "category", "abbr", "cited_in", "file"})
# Data fields that are plain text (shown escaped, never as Markdown), so any text is theirs,
# HTML payloads too: a label in a template, a reference's address.
PLAIN_KEYS = frozenset({"example_label", "url"})
# Data fields that are plain text and refuse Markdown too (an abbreviation's expansion, which its
# tooltip shows as typed): they get the payloads without Markdown's marks, which break out of an
# attribute or carry a script URL as text.
UNMARKED_KEYS = frozenset({"expansion"})
EMPHASISED_TITLE = "*Casus*: een **jonge** vrouw met _hardnekkige_ ALK en SOLK"
# A figure in a table cell ("62%"): a bar chart refuses a cell that is no figure, as it should.
FIGURE = re.compile(r"^[-+]?[\d.,]+ ?%?$")
# Event handlers, URL attributes and the schemes that run script or carry documents of their own.
_CHECK_DOM = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      // As a browser reads a URL: without surrounding controls and spaces, tabs and newlines removed.
      const value = attr.value.replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, "").replace(/[\\t\\n\\r]/g, "").toLowerCase();
      if (name.startsWith("on")) bad.push(`${el.tagName} ${name}`);
      if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/.test(name) &&
          /^(javascript|data|vbscript):/.test(value)) bad.push(`${el.tagName} ${name}=${attr.value}`);
      if (name === "srcdoc") bad.push(`${el.tagName} srcdoc`);
    }
  }
  for (const tag of ["script", "iframe", "object", "embed", "form", "svg", "math", "style"]) {
    for (const el of document.querySelectorAll(`article ${tag}, .qk-package ${tag}`)) {
      if (tag === "script" && !el.textContent.includes("__xss")) continue;
      if (tag === "svg" && el.closest(".twemoji, .md-icon, [class*='halk-icon']")) continue;
      if (tag === "svg" && !el.outerHTML.includes("__xss")) continue;
      if (tag === "style" && !el.textContent.includes("__xss")) continue;
      bad.push(`element ${tag} in content`);
    }
  }
  return bad;
}"""


def _is_marked(payload: str) -> bool:
    try:
        plain_expansion(payload)
    except ValueError:
        return True
    return False


def payloaded(text: str, payloads: Iterator[str], blocks: Iterator[str]) -> str:
    """``text`` with a payload after it; a multi-line text gets a block payload on its own lines too."""
    if "\n" in text.strip():
        return f"{text}\n\n{next(payloads)}\n\n{next(blocks)}"
    return f"{text} {next(payloads)}"


UNMARKED_PAYLOADS = [p for p in PAYLOADS if not _is_marked(p)]
_UNMARKED = itertools.cycle(UNMARKED_PAYLOADS)


def poison(
    value: Any, payloads: Iterator[str], blocks: Iterator[str], plain: Iterator[str], key: str | None = None
) -> tuple[Any, int]:
    """``value`` with a payload in every string that is not an identifier; and how many.

    A string under a key of :data:`PLAIN_KEYS` gets one from ``plain``, HTML included; one
    under :data:`UNMARKED_KEYS` one of :data:`UNMARKED_PAYLOADS`.
    """
    if isinstance(value, dict):
        count = 0
        out = {}
        for k, v in value.items():
            out[k], n = poison(v, payloads, blocks, plain, k)
            count += n
        return out, count
    if isinstance(value, list):
        items = [poison(v, payloads, blocks, plain, key) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    if isinstance(value, str) and key in PLAIN_KEYS:
        return f"{value} {next(plain)}", 1
    if isinstance(value, str) and key in UNMARKED_KEYS:
        return f"{value} {next(_UNMARKED)}", 1
    if isinstance(value, str) and key not in ID_KEYS and not FIGURE.match(value):
        return payloaded(value, payloads, blocks), 1
    return value, 0


_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def poison_project(project: Path) -> dict[str, int]:
    """Put payloads into every data file and page front matter of ``project``; counts by file."""
    payloads, blocks = itertools.cycle(PAYLOADS), itertools.cycle(BLOCK_PAYLOADS)
    # A page's front matter is part of the page's template source: mkdocs-macros renders its
    # title as Jinja, like the page itself, so template syntax there is the editor's own code
    # (a mistake in it is a macro error), not text. Every other payload goes there too.
    page_payloads = itertools.cycle(
        [p for p in PAYLOADS + HTML_PAYLOADS + REFUSED_PAYLOADS if "{{" not in p and "{%" not in p]
    )
    counts = {}
    for path in sorted((project / "docs" / "_data").rglob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if path.relative_to(project).as_posix() == "docs/_data/quiz/casus.yml":
            # The red team's case: emphasis plus glossary abbreviations in a module title.
            data["module"]["title"] = EMPHASISED_TITLE
        data, counts[str(path.relative_to(project))] = poison(data, payloads, blocks, page_payloads)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")
    for path in sorted((project / "docs").rglob("*.md")):
        text = path.read_text("utf-8")
        match = _FRONT_MATTER.match(text)
        if not match:
            continue
        meta = yaml.safe_load(match.group(1))
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                # Plain text in front matter: one line, the payload after the real title.
                meta[key] = f"{meta[key]} {next(page_payloads)}"
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(f"---\n{front}---\n{text[match.end() :]}", "utf-8")
        counts[str(path.relative_to(project))] = 2
    return counts


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict[str, int], Path]]:
    """The project with payloads everywhere, built (strict) and served; its SCORM packages unpacked."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    counts = poison_project(project)
    site = tmp_path_factory.mktemp("hostile-site")
    with Server(site) as server:
        result = build(project, site, site_url=server.url)
        assert result.returncode == 0, result.stdout + result.stderr
        for package in sorted((site / "downloads" / "scorm").glob("*.zip")):
            with zipfile.ZipFile(package) as zf:
                zf.extractall(site / "_scorm" / package.stem)
        yield server.start(), site, counts, project


def trap(page, ran: list[str]) -> None:
    """Record any payload that runs: window.__xss calls, dialogs (alert, confirm, prompt)."""
    page.expose_function("__xssRan", lambda name: ran.append(f"{page.url}: {name}"))
    page.add_init_script("window.__xss = (name) => window.__xssRan(String(name));")
    page.on("dialog", lambda dialog: (ran.append(f"{page.url}: dialog {dialog.message}"), dialog.dismiss()))


def test_every_field_got_a_payload(hostile_site) -> None:
    """The corpus reached every data file and every page (not a test that passes by missing them)."""
    _, _, counts, _ = hostile_site
    data = {f: n for f, n in counts.items() if f.endswith(".yml")}
    for name in ("bronnen.yml", "woordenlijst.yml", "quiz/", "tabellen/", "lijsten/"):
        assert any(name in f and n for f, n in data.items()), name
    assert sum(data.values()) > 1000
    assert len(PAYLOADS) >= 19 and len(HTML_PAYLOADS) >= 15 and len(REFUSED_PAYLOADS) >= 5
    assert len(UNMARKED_PAYLOADS) >= 5 and any("onmouseover" in p for p in UNMARKED_PAYLOADS)


def test_no_payload_runs_on_any_page(hostile_site, page) -> None:
    """Every built page and every SCORM page: nothing ran, no handler, no script URL."""
    url, site, _, _ = hostile_site
    ran: list[str] = []
    bad: dict[str, list[str]] = {}
    trap(page, ran)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 40
    # Each SCORM package's page (unpacked beside the site) is among them.
    packages = list((site / "downloads" / "scorm").glob("*.zip"))
    assert packages and sum(rel.startswith("_scorm/") for rel in pages) >= len(packages)
    for rel in pages:
        page.goto(url + rel)
        page.wait_for_load_state("load")
        # Hover and focus every content element once: handlers on mouse and focus events fire.
        page.evaluate(
            """() => { for (const el of document.querySelectorAll("article *, .qk-package *")) {
                 for (const type of ["mouseover", "focus", "click", "toggle"]) {
                   if (type === "click" && el.closest("a, button, form, input, label, summary")) continue;
                   el.dispatchEvent(new Event(type)); } } }"""
        )
        found = page.evaluate(_CHECK_DOM)
        if found:
            bad[rel] = found
    assert not ran, ran
    assert not bad, bad


@pytest.mark.parametrize("payload", HTML_PAYLOADS + HTML_BLOCK_PAYLOADS + REFUSED_PAYLOADS)
def test_html_in_a_data_text_is_refused_at_its_line(payload: str) -> None:
    """An editor's journey: "<br>" in a text was shown as typed, and check said "in orde".

    So were an image (dropped) and a macro (shown as typed): refused with their own message.
    """
    note = yaml.safe_dump({"note": f"Zie ook {payload}"}, allow_unicode=True, width=10_000)
    text = "tables:\n  - id: t\n    caption: c\n    source: {doc: d, where: w}\n    columns: [a]\n    rows: [[x]]\n"
    text += "".join(f"    {line}\n" for line in note.splitlines())
    with pytest.raises(ContentError) as exc:
        validate(TableFile, load_yaml_text(text, "t.yml"))
    assert exc.value.line == 7, exc.value.text
    said = {"!": "afbeelding '![", "{": "'{"}.get(payload[0], "HTML-code '")
    assert exc.value.detail.startswith(f"tables[0].note: {said}"), exc.value.text


def test_the_payloads_for_the_site_are_no_html() -> None:
    """The lists are split right: what the data files get is text the loader takes."""
    for payload in PAYLOADS + BLOCK_PAYLOADS:
        assert data_text(payload) == payload


def test_html_payloads_rendered_alone_run_nothing(page) -> None:
    """Behind the loader's refusal, the sanitiser: each HTML payload converted on its own."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    markdown = MarkdownRenderer(config["markdown_extensions"], config["mdx_configs"])
    html = "".join(
        f"<article>{markdown.block(payload)}</article><article><p>{markdown.inline(payload)}</p></article>"
        for payload in HTML_PAYLOADS + HTML_BLOCK_PAYLOADS + REFUSED_PAYLOADS
    )
    ran: list[str] = []
    trap(page, ran)
    page.goto("about:blank")
    page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    page.evaluate(
        """() => { for (const el of document.querySelectorAll("article *")) {
             for (const type of ["mouseover", "focus", "click", "toggle"]) el.dispatchEvent(new Event(type)); } }"""
    )
    page.wait_for_timeout(100)
    assert page.locator("article").count() == 2 * len(HTML_PAYLOADS + HTML_BLOCK_PAYLOADS + REFUSED_PAYLOADS)
    assert "window.__xss" in page.inner_text("body"), "the payloads are shown as text"
    assert not ran, ran
    assert page.evaluate(_CHECK_DOM) == []


def test_a_payloaded_quiz_still_works(hostile_site, page) -> None:
    """A module page and a SCORM package with payloads everywhere: answered all right, it passes."""
    url, _, _, _ = hostile_site
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    module = "casus"
    for address in (f"{url}leermodules/{module}/", f"{url}_scorm/{module}/index.html"):
        page.goto(address)
        quiz = page.locator(".qk-quiz[data-quiz-ready]").first
        quiz.wait_for()
        page.evaluate(ANSWER_JS, "right")
        assert "Geslaagd." in page.locator("[data-quiz-score]").first.inner_text(), address
        # The accessible name is the title as text: its Markdown rendered, then without tags
        # (the payload after it is text too, shown as written).
        label = quiz.get_attribute("aria-label") or ""
        assert label.startswith("Casus: een jonge vrouw met hardnekkige ALK en SOLK "), label
        assert not re.search(r"<(em|strong|abbr)\b", label), label
    assert not errors, errors


def test_front_matter_is_text_in_the_theme(hostile_site, page) -> None:
    """A quote in a description stays inside <meta name="description">; titles are text everywhere."""
    url, _, _, project = hostile_site
    source = yaml.safe_load(_FRONT_MATTER.match((project / "docs" / "alk.md").read_text()).group(1))
    page.goto(url + "alk/")
    assert page.locator('meta[name="description"]').get_attribute("content") == source["description"]
    assert page.title().startswith(source["title"])
    # The navigation shows the page title as text, on this page and on others.
    assert source["title"] in page.locator(".md-nav__link--active").first.inner_text()


def test_search_results_run_nothing(hostile_site, page) -> None:
    """Search shows payloaded titles and texts (Material writes results as HTML): nothing runs."""
    url, _, _, _ = hostile_site
    ran: list[str] = []
    trap(page, ran)
    page.goto(url, wait_until="networkidle")
    page.keyboard.press("/")
    results = 0
    for query in ("window", "script", "svg", "onerror", "Onderzoek", "javascript"):
        results += len(run_query(page, query))
        found = page.evaluate(_CHECK_DOM.replace("article ${tag}, .qk-package ${tag}", ".md-search-result ${tag}"))
        assert not found, (query, found)
    assert results > 0
    assert not ran, ran


def test_moodle_export_carries_no_script(hostile_site, tmp_path: Path) -> None:
    """The Moodle XML export of the payloaded banks: every HTML text is sanitised, payloads are text."""
    from test_markdown_fuzz import assert_safe

    from quizkit.__main__ import main

    _, _, _, project = hostile_site
    out = tmp_path / "moodle"
    argv = ["--root", str(project), "--citations", "macros.content:citations", "moodle"]
    argv += [str(project / "docs" / "_data" / "quiz"), str(out)]
    assert main(argv) == 0
    # The HTML texts (format="html"); names and category paths are plain text, which Moodle
    # prints as text.
    texts = [
        text.text or ""
        for path in sorted(out.glob("*.xml"))
        for parent in ElementTree.parse(path).iter()
        if parent.get("format") == "html"
        for text in parent.findall("text")
    ]
    assert len(texts) > 500
    assert sum("window.__xss" in text for text in texts) > 100, "the payloads are in the export, as text"
    for text in texts:
        assert_safe(text)
