"""Fixtures for the quiz tests: the example banks, a renderer, and the built fixture site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT, build, free_port, serve
from quizsite import FIXTURES, make_quiz_project

from macros.content import load_bibliography
from macros.markdown_render import MarkdownRenderer
from macros.quiz import QuizBanks, QuizRenderer, load_quiz_banks
from macros.site import load_site_data


@pytest.fixture(scope="session")
def bib():
    """The real bibliography (source document ids)."""
    return load_bibliography(ROOT / "docs" / "_data", ROOT)


@pytest.fixture(scope="session")
def example_banks(bib) -> QuizBanks:
    """The named examples of every type, from tests/fixtures/quiz/."""
    return load_quiz_banks(FIXTURES, ROOT, bib)


@pytest.fixture(scope="session")
def renderer(example_banks: QuizBanks) -> QuizRenderer:
    """A quiz renderer with a fixed Markdown set-up, so golden files do not follow site config."""
    site = load_site_data(ROOT)
    site.renderer = MarkdownRenderer(["attr_list", "md_in_html"])
    return QuizRenderer(site, example_banks)


@pytest.fixture(scope="session")
def quiz_port() -> int:
    """The port the fixture site is built for and served on."""
    return free_port()


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory: pytest.TempPathFactory, quiz_port: int) -> Path:
    """The fixture site (real site with the example banks instead of the real ones), built strict."""
    base = tmp_path_factory.mktemp("quizsite")
    project = make_quiz_project(base / "project")
    # Built for the address it is served on, so instant navigation works (as in production).
    # With the quiz worker (macros/quiz/worker.py); test_worker.py compares a build without it.
    result = build(project, base / "site", site_url=f"http://127.0.0.1:{quiz_port}/", env={"HALK_QUIZ_WORKER": "1"})
    assert result.returncode == 0, f"fixture site failed to build:\n{result.stdout}\n{result.stderr}"
    return base / "site"


@pytest.fixture(scope="session")
def quiz_url(quiz_site: Path, quiz_port: int) -> Iterator[str]:
    """Base URL of the fixture site on a loopback server."""
    with serve(quiz_site, quiz_port) as url:
        yield url
