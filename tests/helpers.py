"""Shared helpers for the test suite: building sites, serving them, running axe."""

from __future__ import annotations

import fnmatch
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Answers every quiz item of a page right or wrong (used in the SCORM and trainer tests).
ANSWER_JS = (ROOT / "tests" / "scorm" / "answer.js").read_text(encoding="utf-8")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The five source texts the content is checked against: ../shared/sources beside the checkout
# (as in CI), or where HALK_SOURCES points.
SOURCES = Path(os.environ.get("HALK_SOURCES", ROOT.parent / "shared" / "sources"))


def source_text(pattern: str) -> str:
    """The text of the source file matching ``pattern`` in :data:`SOURCES`; fails if it is missing."""
    found = sorted(SOURCES.glob(pattern))
    if not found:
        raise AssertionError(f"no source text {pattern} in {SOURCES}: put ../shared/sources beside the checkout")
    return found[0].read_text(encoding="utf-8")


# Flags that keep Chromium from calling home on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Everything a site needs to build; fixture sites are copies of these. The quiz engine (quizkit/)
# is not copied: it is installed (editable) in the venv, and a copy's build imports it from there.
SITE_PARTS = ("docs", "hooks", "macros", "overrides", "mkdocs.yml", "mkdocs.offline.yml")


def mkdocs_env() -> dict[str, str]:
    """Environment for a quiet, reproducible mkdocs run."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SITE_URL", None)
    return env


def build(
    project: Path, dest: Path, *extra: str, site_url: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on ``project`` into ``dest``; never raises on failure.

    Not ``-q``: mkdocs-macros reports a failed macro as a warning, which ``-q`` would hide.
    ``site_url`` (SITE_URL) must be the address the site is served on for Material's instant
    navigation to take over links there. ``env`` adds environment variables.
    """
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(dest),
        *extra,
    ]
    variables = mkdocs_env() | ({"SITE_URL": site_url} if site_url else {}) | (env or {})
    return subprocess.run(cmd, capture_output=True, text=True, env=variables, cwd=project, check=False)


def publish(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``make build`` on ``project``: strict build elsewhere, swapped into ``site_dir`` on success.

    Without the offline zip unless ``extra`` asks otherwise (it doubles the time). Never raises.
    """
    cmd = [sys.executable, "-m", "macros.build", "--config-file", str(project / "mkdocs.yml")]
    cmd += ["--site-dir", str(site_dir), *(extra or ("--no-offline",))]
    return subprocess.run(cmd, capture_output=True, text=True, env=mkdocs_env(), cwd=project, check=False)


def assert_clean_failure(output: str) -> None:
    """A content mistake ends the build with one line per problem, never with a traceback.

    ``output``: what a failed :func:`build` printed (stdout and stderr).
    """
    assert "Traceback" not in output, output[-3000:]
    assert "Macro Rendering Error" not in output, output[-3000:]


def copy_project(dest: Path) -> Path:
    """Copy the buildable parts of the project to ``dest`` (for fixture sites that change them)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a Netlify/Cloudflare Pages ``_headers`` file: (path pattern, [(name, value)]).

    Written here and not taken from hooks/headers.py, so the tests read the file the way a
    host does rather than trusting the code that wrote it. A path line starts in column 0; its
    headers follow, indented, as ``Name: value``; ``#`` starts a comment line.
    """
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
            continue
        name, sep, value = line.strip().partition(":")
        if not rules or not sep or not name or " " in name:
            raise ValueError(f"_headers:{number}: not a header line under a path: {line!r}")
        rules[-1][1].append((name, value.strip()))
    return rules


def headers_for(rules: list[tuple[str, list[tuple[str, str]]]], path: str) -> list[tuple[str, str]]:
    """The headers the ``_headers`` rules give a request for ``path`` (``*`` matches anything)."""
    return [header for pattern, headers in rules if fnmatch.fnmatchcase(path, pattern) for header in headers]


def site_headers(site_dir: Path) -> dict[str, str]:
    """The headers ``_headers`` gives a page of ``site_dir``, as a host reads the file."""
    rules = parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    return dict(headers_for(rules, "/index.html"))


# Every CSP violation a page reports, handed at once to ``window.reportCspViolation(where, what)``,
# a function the test exposes (Playwright's expose_function), so that a page's late violations are
# not lost when the next page loads. (An init script: it runs before any of the page's own
# scripts, and the policy does not apply to it.)
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => window.reportCspViolation(location.pathname,
    `${e.effectiveDirective} refused ${e.blockedURI} (line ${e.lineNumber}): ${e.sample}`), true);
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory without logging; with the headers of its ``_headers`` file, if it has one.

    So a built site is tested as a host serves it: with its Content-Security-Policy and the
    other security headers the build wrote (hooks/headers.py).
    """

    def end_headers(self) -> None:
        rules_file = Path(self.directory) / "_headers"
        if rules_file.is_file():
            path = urllib.parse.urlsplit(self.path).path
            for name, value in headers_for(parse_headers_file(rules_file.read_text(encoding="utf-8")), path):
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """Says nothing when the browser drops a connection mid-response (it left the page)."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server:
    """A loopback HTTP server for ``directory``, bound as soon as it is made.

    A site is built for the address it will be served on (``site_url``), and only then served.
    Binding first holds the port through the build, so no other process (another xdist worker,
    Chromium) can take it meanwhile. Requests wait in the socket's queue until :meth:`start`.
    ``handler_class``: a :class:`QuietHandler` subclass (the benchmarks serve gzip-compressed).
    """

    def __init__(self, directory: Path, handler_class: type | None = None) -> None:
        self.directory = Path(directory)
        handler = functools.partial(handler_class or QuietHandler, directory=str(self.directory))
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        """Serve from now on (once; later calls do nothing); returns the base URL (ending in '/')."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
            self._thread.start()
        return self.url

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def serve(directory: Path, handler_class: type | None = None) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields the base URL (ending in '/')."""
    with Server(directory, handler_class) as server:
        yield server.start()


# Every WCAG A/AA rule up to 2.2, and axe's best practices.
WCAG22_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# axe's A/AA rules that look at colour. Material's dark scheme ("slate"), and the SCORM package's
# own (quizkit's package.css), swap colour variables only: the layout and the HTML are those of the
# light scheme, but for the palette toggle, which shows its other label (checked in full in the
# dark scheme by test_scheme_toggle_switches_to_dark_and_stays), and Material's #only-dark images,
# which the site does not use. So a page state that a test checks in full in the light scheme needs
# only these rules in the dark one (about half axe's time).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG's contrast ratio of two CSS colours as the browser computes them (``rgb(…)``/``rgba(…)``)."""

    def luminance(colour: str) -> float:
        channels = [float(value) / 255 for value in re.findall(r"[\d.]+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def run_axe(
    page, context: str | None = None, tags: list[str] | None = None, *, colours_only: bool = False
) -> list[dict]:
    """Run axe-core in ``page`` and return its violations (WCAG 2.x A/AA and best practices).

    ``tags``: only the rules with these tags; by default :data:`WCAG22_TAGS`. (axe's own default
    leaves out the WCAG 2.2 rules, among them target-size: D33 went unseen that way.)
    ``colours_only``: only :data:`COLOUR_RULES`, for the dark twin of a state checked in full.
    Transitions still running (Material's header fades as the page scrolls) are let finish first,
    so axe measures the colours the reader ends up with.
    """
    if colours_only and tags is not None:
        raise ValueError("colours_only runs COLOUR_RULES: give no tags with it")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the test driver, not added as an inline <script>, which the site's
        # Content-Security-Policy refuses (hooks/headers.py).
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(
        """async ([ctx, kind, names]) => {
            await Promise.all(document.getAnimations()
                .filter(a => a.playState === "running" && a.effect?.getComputedTiming().iterations !== Infinity)
                .map(a => a.finished.catch(() => null)));
            const options = {resultTypes: ['violations'], runOnly: {type: kind, values: names}};
            const result = await axe.run(ctx ? document.querySelector(ctx) : document, options);
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""",
        [context, "rule", COLOUR_RULES] if colours_only else [context, "tag", WCAG22_TAGS if tags is None else tags],
    )


def open_for_instant_navigation(page, url: str) -> None:
    """Open ``url`` and wait until Material's instant navigation takes over link clicks.

    It does once it has fetched sitemap.xml; a click before then loads the next page the
    ordinary way.
    """
    page.goto(url, wait_until="networkidle")


# Top-level result links in Material's search dialog.
SEARCH_RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def wait_for_search_results(page, query: str, timeout: float = 30_000) -> None:
    """Wait until Material's search dialog lists results for the whole of ``query`` (one word).

    Material searches again on every key pressed and replaces the list each time, so results for
    a first letter or two can show up first. With ``search.highlight`` every result link carries
    the query terms it matched (``?h=``, empty on some results): wait until
    they carry this query and no other.
    """
    page.wait_for_function(
        """([selector, q]) => {
            const terms = [...document.querySelectorAll(selector)].map(a => new URL(a.href).searchParams.get("h"));
            return terms.includes(q) && terms.every(t => t === q || t === ""); }""",
        arg=[SEARCH_RESULT_LINKS, query.lower()],
        timeout=timeout,
    )


def format_violations(violations: list[dict]) -> str:
    """Readable axe output for assertion messages."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in violations
    )


def hidden_under_header(page, partly: bool = False) -> dict | None:
    """The focused element if it lies completely behind the sticky header, else None.

    ``partly``: also when only part of it is behind the header (its top above the header's
    bottom), the stricter test for the quiz pages.
    """
    return page.evaluate(
        """(partly) => { const e = document.activeElement;
            // The header's own controls and the skip link (shown over the header) are not hidden by it.
            if (!e || e === document.body || e.closest('.md-header') || e.matches('.md-skip')) return null;
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const r = e.getBoundingClientRect();
            const under = partly ? r.top < header.bottom - 0.5 && r.bottom > 0 && r.right > 0 && r.left < innerWidth : r.bottom <= header.bottom && r.top >= 0;
            return r.height && under
                ? {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 40), top: r.top, bottom: r.bottom} : null; }""",
        partly,
    )
