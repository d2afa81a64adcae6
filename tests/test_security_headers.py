"""The security headers the build writes (hooks/headers.py), and the site served with them.

The test server sends the headers of the built ``_headers`` file (tests/helpers.py), so every
browser test runs under the site's Content-Security-Policy; here: the policy itself, the three
server files agreeing, search and a quiz working, injected script refused, LMS framing, and the
build refusing what the policy would break. Every page is loaded under the policy, and checked for
violations, in tests/test_site_browser.py's sweep of every page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import (
    ROOT,
    Server,
    assert_clean_failure,
    build,
    copy_project,
    headers_for,
    parse_headers_file,
    serve,
    site_headers,
    wait_for_search_results,
)
from mkdocs.exceptions import PluginError

from hooks.headers import find_inline_code, lms_origins, security_headers

# Every CSP violation the page reports, kept in the page (an init script: it runs before any
# of the page's own scripts, and the policy does not apply to it).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
    {directive: e.effectiveDirective, blocked: e.blockedURI, line: e.lineNumber, sample: e.sample}), true);
"""
# Only these may appear as CSP sources: no host, no scheme but data: for images, no 'unsafe-*'.
ALLOWED_SOURCE = re.compile(r"'self'|'none'|'sha256-[A-Za-z0-9+/]+={0,2}'|data:")
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: [sources]}."""
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def inline_script_hashes(site_dir: Path) -> set[str]:
    """Hashes of the inline scripts a browser runs in ``site_dir``'s pages, found without hooks/headers.py."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match["attrs"]
            if "src=" in attrs or ("type=" in attrs and "application/json" in attrs):
                continue
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def test_policy_allows_only_the_site_and_its_own_inline_scripts(site_dir: Path) -> None:
    policy = directives(site_headers(site_dir)["Content-Security-Policy"])
    for name, sources in policy.items():
        strays = [s for s in sources if not ALLOWED_SOURCE.fullmatch(s)]
        assert not strays, f"{name}: sources other than the site's own: {strays}"
    assert policy["default-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    # Material writes the same few scripts in every page; its scope script differs by depth.
    hashes = {s for s in policy["script-src"] if s.startswith("'sha256-")}
    assert hashes == inline_script_hashes(site_dir)
    assert policy["script-src"] == ["'self'", *sorted(hashes)]
    print(f"{len(hashes)} inline script hashes")


def test_other_headers(site_dir: Path) -> None:
    headers = site_headers(site_dir)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    denied = {f.strip() for f in headers["Permissions-Policy"].split(",")}
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"} <= denied
    # Without LMS origins only the site may frame itself; older browsers learn that from X-Frame-Options.
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_apache_and_nginx_files_send_the_same_headers(site_dir: Path) -> None:
    expected = list(headers_for(parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8")), "/"))
    apache = re.findall(r'^Header always set (\S+) "([^"]*)"$', (site_dir / ".htaccess").read_text(), re.MULTILINE)
    nginx = re.findall(
        r'^add_header (\S+) "([^"]*)" always;$', (site_dir / "nginx-headers.conf").read_text(), re.MULTILINE
    )
    assert apache == expected
    assert nginx == expected
    for name in (".htaccess", "nginx-headers.conf"):
        lines = (site_dir / name).read_text().splitlines()
        assert all(line.startswith(("#", "Header always set ", "add_header ")) for line in lines), name


def test_test_server_sends_the_headers_of_the_file(site_dir: Path, base_url: str) -> None:
    import urllib.request

    with urllib.request.urlopen(base_url + "leermodules/profielschets/") as response:
        sent = dict(response.headers.items())
    for name, value in site_headers(site_dir).items():
        assert sent[name] == value


# The browser tests ---------------------------------------------------------------------------


@pytest.fixture
def watched(page) -> Iterator[tuple[object, list[str]]]:
    """A page that records CSP violations (``window.__cspViolations``), and its console errors."""
    errors: list[str] = []
    page.add_init_script(WATCH_VIOLATIONS)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, errors


def violations(page) -> list[dict]:
    return page.evaluate("window.__cspViolations")


@pytest.mark.browser
def test_search_and_instant_navigation_work_under_the_policy(watched, base_url: str) -> None:
    page, errors = watched
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("mentaliseren", delay=20)
    wait_for_search_results(page, "mentaliseren")
    assert page.locator(".md-search-result__item").count() > 0
    # A result opens through instant navigation: Material fetches the page and runs its scripts.
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"/mentaliseren/"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.querySelector('h1').textContent").strip()
    assert violations(page) == [] and errors == []


@pytest.mark.browser
def test_quiz_works_under_the_policy(watched, base_url: str) -> None:
    page, errors = watched
    page.goto(base_url + "leermodules/profielschets/", wait_until="networkidle")
    item = page.locator('article[data-quiz-type="single"]').first
    right = item.locator("[data-quiz-answer] li.is-right").first.get_attribute("data-quiz-fb")
    item.locator(f'input[value="{right}"]').check()
    item.locator('[data-quiz-action="check"]').click()
    feedback = item.locator("[data-quiz-feedback]")
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=feedback.element_handle())
    assert feedback.inner_text().startswith("Goed")
    assert "1 van 12 vragen beantwoord" in page.locator(".qk-quiz__summary").inner_text()
    assert violations(page) == [] and errors == []


# Script a payload could try to get into the page; each marks window.__ran if it runs.
INJECTIONS = {
    "event handler (innerHTML)": """document.body.insertAdjacentHTML('beforeend',
        '<img src="data:," onerror="window.__ran = (window.__ran || []).concat(\\'img\\')">')""",
    "event handler (attribute)": """(() => { const b = document.createElement('button');
        b.setAttribute('onclick', "window.__ran = (window.__ran || []).concat('button')");
        document.body.append(b); b.click(); })()""",
    "inline script": """(() => { const s = document.createElement('script');
        s.textContent = "window.__ran = (window.__ran || []).concat('script')"; document.body.append(s); })()""",
    "javascript: link": """(() => { const a = document.createElement('a');
        a.href = "javascript:window.__ran = (window.__ran || []).concat('link')"; document.body.append(a); a.click(); })()""",
}


@pytest.mark.browser
def test_injected_script_is_blocked_and_reported(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url + "leermodules/profielschets/", wait_until="networkidle")
    for injection in INJECTIONS.values():
        page.evaluate(injection)
    page.wait_for_function(f"() => window.__cspViolations.length >= {len(INJECTIONS)}", timeout=5000)
    assert page.evaluate("window.__ran") is None
    reported = [v["directive"] for v in violations(page)]
    assert sorted(reported) == sorted(["script-src-attr", "script-src-attr", "script-src-elem", "script-src-elem"])


# Framing by an LMS ----------------------------------------------------------------------------

HOST_PAGE = '<!doctype html><html lang="nl"><title>LMS</title><iframe src="{url}" title="module"></iframe></html>'


def framed_heading(browser, host_dir: Path, host_url: str, page_url: str) -> str | None:
    """The h1 of ``page_url`` in an iframe on a page of ``host_url``; None if the frame was refused."""
    (host_dir / "index.html").write_text(HOST_PAGE.format(url=page_url), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(host_url, wait_until="networkidle")
        frame = page.frames[1]
        # A refused frame shows Chromium's error page instead of the site's page.
        return frame.evaluate("document.querySelector('article h1')?.textContent ?? null")
    finally:
        context.close()


@pytest.mark.browser
def test_other_sites_cannot_frame_the_pages(browser, base_url: str, tmp_path: Path) -> None:
    with serve(tmp_path) as host_url:
        assert framed_heading(browser, tmp_path, host_url, base_url + "leermodules/profielschets/") is None


@pytest.fixture(scope="module")
def lms_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path, str]]:
    """The site built with an LMS origin (LMS_ORIGINS) and served: (site dir, site URL, LMS dir, LMS URL)."""
    lms_dir = tmp_path_factory.mktemp("lms")
    with Server(lms_dir) as lms, Server(tmp_path_factory.mktemp("lms-site")) as site:
        result = build(ROOT, site.directory, site_url=site.url, env={"LMS_ORIGINS": lms.url.rstrip("/")})
        assert result.returncode == 0, result.stderr[-3000:]
        yield site.directory, site.start(), lms_dir, lms.start()


@pytest.mark.browser
def test_a_configured_lms_can_frame_the_pages(browser, lms_site: tuple[Path, str, Path, str]) -> None:
    site_dir, site_url, lms_dir, lms_url = lms_site
    headers = site_headers(site_dir)
    assert directives(headers["Content-Security-Policy"])["frame-ancestors"] == ["'self'", lms_url.rstrip("/")]
    # X-Frame-Options cannot name another origin: it is left out, or it would refuse the LMS.
    assert "X-Frame-Options" not in headers
    heading = framed_heading(browser, lms_dir, lms_url, site_url + "leermodules/profielschets/")
    assert heading and heading.strip()


@pytest.mark.parametrize(
    ("value", "origins"),
    [
        ("", ()),
        (None, ()),
        ("https://lms.voorbeeld.nl", ("https://lms.voorbeeld.nl",)),
        # Spaces or commas, a trailing slash, capitals, repeats; a port; all subdomains.
        (
            " https://LMS.voorbeeld.nl/, https://lms.voorbeeld.nl https://*.moodle.voorbeeld.nl:8443",
            ("https://lms.voorbeeld.nl", "https://*.moodle.voorbeeld.nl:8443"),
        ),
        (["https://a.voorbeeld.nl", "http://intranet-lms"], ("https://a.voorbeeld.nl", "http://intranet-lms")),
    ],
)
def test_lms_origins_are_read_from_a_string_or_a_list(value: object, origins: tuple[str, ...]) -> None:
    assert lms_origins(value) == origins


@pytest.mark.parametrize(
    "value",
    [
        "lms.voorbeeld.nl",
        "https://lms.voorbeeld.nl/cursus",
        "https://lms.voorbeeld.nl;",
        "'self'",
        "*",
        "https:",
        "javascript:alert(1)",
        "https://lms.voorbeeld.nl\nX-Frame-Options: DENY",
        "ftp://lms.voorbeeld.nl",
        {"https://lms.voorbeeld.nl": 1},
    ],
)
def test_anything_but_an_origin_is_refused(value: object) -> None:
    with pytest.raises(PluginError, match=r"^mkdocs\.yml: extra\.lms_origins"):
        lms_origins(value)


def test_with_lms_origins_x_frame_options_is_left_out() -> None:
    headers = dict(security_headers({"'sha256-AAAA'"}, ("https://lms.voorbeeld.nl",)))
    assert "X-Frame-Options" not in headers
    assert "frame-ancestors 'self' https://lms.voorbeeld.nl" in headers["Content-Security-Policy"]
    assert dict(security_headers(set()))["X-Frame-Options"] == "SAMEORIGIN"


# What the build refuses ------------------------------------------------------------------------


def test_a_mistaken_lms_origin_stops_the_build(tmp_path: Path) -> None:
    result = build(ROOT, tmp_path / "site", env={"LMS_ORIGINS": "https://lms.voorbeeld.nl; script-src *"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert_clean_failure(output)
    # One line per wrong part, each naming it.
    for part in ("https://lms.voorbeeld.nl;", "script-src", "*"):
        assert f"extra.lms_origins: {part!r} is geen herkomst van een LMS; schrijf alleen https://" in output
    assert not (tmp_path / "site" / "_headers").exists()


def test_a_page_with_an_inline_event_handler_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<button onclick="doe()">Klik</button>\n', encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert_clean_failure(output)
    assert "docs/over.md: <button onclick> is een inline event handler" in output


def test_an_id_twice_on_a_page_stops_the_build(tmp_path: Path) -> None:
    # A heading given another heading's id ({ #schets }): invalid HTML, and links and the table
    # of contents go to the first. MkDocs does not notice.
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "casus.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Een { #dubbel }\n\n## Twee { #dubbel }\n", "utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert_clean_failure(output)
    assert "docs/casus.md: id 'dubbel' staat 2 keer op de pagina (<h2>, <h2>); twee koppen" in output, output[-3000:]


@pytest.mark.parametrize(
    ("html", "scripts", "handlers"),
    [
        ("", set(), ()),
        ("<!DOCTYPE html>", set(), ()),
        ("<!-- alleen commentaar -->", set(), ()),
        ('<p ONCLICK="x()">a</p><svg><circle onload="y()"/></svg>', set(), ("<p onclick>", "<circle onload>")),
        ("<script>a &amp;&amp; b</script><script src=x.js></script>", {"a &amp;&amp; b"}, ()),
        ('<script type="application/json">{}</script><script type="module">m()</script>', {"m()"}, ()),
        ("<template><a onmouseover=z>t</a></template>", set(), ("<a onmouseover>",)),
    ],
)
def test_inline_code_is_found_as_a_browser_reads_the_page(html: str, scripts: set[str], handlers: tuple) -> None:
    found = find_inline_code(html)
    assert found.scripts == scripts
    assert found.handlers == handlers


def test_style_attributes_are_found_with_their_values_as_the_browser_hashes_them() -> None:
    # A column's alignment is allowed (by hash); any other style attribute is a problem.
    html = '<td style="text-align: right;">1</td><th style="text-align:left">k</th><p STYLE="a &amp; b">x</p><svg style="c"/>'
    found = find_inline_code(html)
    assert found.styles == {"text-align: right;", "text-align:left"}
    assert found.other_styles == ("<p style>", "<svg style>")


def test_an_id_twice_is_said_by_the_elements_that_carry_it() -> None:
    found = find_inline_code('<h2 id="a">x</h2><h3 id="a">y</h3><figure id="t"></figure><figure id="t"></figure>')
    assert found.repeated_ids == (("a", ("h2", "h3")), ("t", ("figure", "figure")))


@pytest.mark.browser
def test_an_aligned_table_in_a_page_or_a_question_is_aligned_under_the_policy(watched, tmp_path: Path) -> None:
    # Markdown aligns a column with style="text-align: ...", in a page and in a bank's text alike.
    # The policy allows exactly those attributes, by hash; without them it allows none.
    page, errors = watched
    project = copy_project(tmp_path / "project")
    table = "| Maand | Klachten |\n|:--|--:|\n| mei | 12 |\n"
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\n" + table, encoding="utf-8")
    bank = project / "docs" / "_data" / "quiz" / "profielschets.yml"
    text = bank.read_text(encoding="utf-8")
    first = text.index("    explanation: >-\n")
    explanation = "    explanation: |\n" + "".join(
        f"      {line}\n" for line in ["Zie de tabel.", "", *table.splitlines()]
    )
    end = text.index("    source:", first)
    bank.write_text(text[:first] + explanation + text[end:], encoding="utf-8")
    with Server(tmp_path / "site") as server:
        result = build(project, server.directory, site_url=server.url)
        assert result.returncode == 0, result.stderr[-3000:]
        styles = directives(site_headers(server.directory)["Content-Security-Policy"])["style-src"]
        # Found without hooks/headers.py: every style attribute in the pages (none has an entity).
        values = {v for f in server.directory.rglob("*.html") for v in re.findall(r'style="([^"]*)"', f.read_text())}
        assert {"text-align: left;", "text-align: right;"} <= values, values  # the page's, Markdown's own
        hashes = sorted(f"'sha256-{base64.b64encode(hashlib.sha256(v.encode()).digest()).decode()}'" for v in values)
        assert styles == ["'self'", "'unsafe-hashes'", *hashes]
        base = server.start()
        for path, where in (("over/", "article"), ("leermodules/profielschets/", ".qk-quiz-item__explanation")):
            page.goto(base + path, wait_until="networkidle")
            cells = page.locator(f"{where} td")
            assert cells.count() >= 2, path
            aligned = [cells.nth(i).evaluate("td => getComputedStyle(td).textAlign") for i in range(2)]
            assert aligned == ["left", "right"], (path, aligned)
            assert not violations(page) and not errors, (path, violations(page), errors)


def test_a_built_page_is_named_by_its_page_file(tmp_path: Path) -> None:
    from hooks.headers import page_source

    docs = tmp_path / "docs"
    (docs / "map").mkdir(parents=True)
    for name in ("index.md", "casus.md", "map/index.md"):
        (docs / name).write_text("# x\n", encoding="utf-8")
    assert page_source("index.html", docs) == "docs/index.md"
    assert page_source("casus/index.html", docs) == "docs/casus.md"
    assert page_source("casus.html", docs) == "docs/casus.md"
    assert page_source("map/index.html", docs) == "docs/map/index.md"
    assert page_source("404.html", docs) == "404.html"
    assert page_source("casus/index.html", None) == "casus/index.html"
