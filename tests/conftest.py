"""Fixtures: the real site built once per session, a local server, and a real Chromium."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, build

from macros.content import citations
from quizkit.bank import QuizBanks, load_quiz_banks


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The loopback server for the project's site; it holds its port while the site is built for it."""
    with Server(tmp_path_factory.mktemp("site")) as server:
        yield server


@pytest.fixture(scope="session")
def site_build(site_server: Server) -> tuple[Path, subprocess.CompletedProcess]:
    """The project's own site built with ``mkdocs build --strict``, and what the build printed.

    It is built for the address it is served on: as in production, site_url names that
    address, so Material's instant navigation works.
    """
    dest = site_server.directory
    result = build(ROOT, dest, site_url=site_server.url)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest, result


@pytest.fixture(scope="session")
def site_dir(site_build: tuple[Path, subprocess.CompletedProcess]) -> Path:
    """Where the project's own site was built (see ``site_build``)."""
    return site_build[0]


@pytest.fixture(scope="session")
def banks() -> QuizBanks:
    """The real question banks."""
    return load_quiz_banks(ROOT / "docs" / "_data" / "quiz", ROOT, citations(ROOT))


@pytest.fixture(scope="session")
def base_url(site_dir: Path, site_server: Server) -> str:
    """URL of the built site on a loopback HTTP server."""
    return site_server.start()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make test`, which installs it")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh browser context and page per test (own storage, no shared state)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(browser) -> Iterator[object]:
    """``new_page(**context_options)``: a page in a fresh browser context.

    Every context is closed after the test, also when it fails.
    """
    contexts = []

    def open_page(**options: object) -> object:
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
