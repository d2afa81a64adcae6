"""Shared helpers for the test suite: building sites, serving them, running axe."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Answers every quiz item of a page right or wrong (used in the SCORM and trainer tests).
ANSWER_JS = (ROOT / "tests" / "scorm" / "answer.js").read_text(encoding="utf-8")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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
# Everything a site needs to build; fixture sites are copies of these.
SITE_PARTS = ("docs", "macros", "overrides", "mkdocs.yml")


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def free_port() -> int:
    """A loopback port that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(directory: Path, port: int = 0, handler_class: type | None = None) -> Iterator[str]:
    """Serve ``directory`` on loopback ``port`` (0: any free one); yields the base URL (ending in '/').

    ``handler_class``: a :class:`QuietHandler` subclass (the benchmarks serve gzip-compressed).
    """
    handler = functools.partial(handler_class or QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_axe(page, context: str | None = None) -> list[dict]:
    """Run axe-core in ``page`` and return its violations (WCAG 2.x A/AA and best practices)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (ctx) => {
            const result = await axe.run(ctx ? document.querySelector(ctx) : document, {resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""",
        context,
    )


def format_violations(violations: list[dict]) -> str:
    """Readable axe output for assertion messages."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in violations
    )
