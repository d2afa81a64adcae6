"""Fixtures for the quiz tests: the example banks, a renderer, and the built fixture site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from examples import write_example_banks
from helpers import ROOT, Server, build
from quizsite import make_quiz_project

from macros.content import BibliographyCitations, load_bibliography
from quizkit.bank import QuizBanks, load_quiz_banks
from quizkit.markdown import MarkdownRenderer
from quizkit.render import QuizRenderer, Strings


@pytest.fixture(scope="session")
def bib():
    """The real bibliography (source document ids)."""
    return load_bibliography(ROOT / "docs" / "_data", ROOT)


@pytest.fixture(scope="session")
def example_banks(bib, tmp_path_factory: pytest.TempPathFactory) -> QuizBanks:
    """The named examples of every type (quizkit/types/*/example.yml), in the two example modules."""
    folder = write_example_banks(tmp_path_factory.mktemp("examples") / "quiz")
    return load_quiz_banks(folder, folder.parent, BibliographyCitations(bib))


@pytest.fixture(scope="session")
def renderer(example_banks: QuizBanks, bib) -> QuizRenderer:
    """A quiz renderer with a fixed Markdown set-up, so golden files do not follow site config."""
    return QuizRenderer(
        example_banks,
        markdown=MarkdownRenderer(["attr_list", "md_in_html"]),
        citations=BibliographyCitations(bib),
        strings=Strings("nl"),
    )


@pytest.fixture(scope="session")
def quiz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The loopback server for the fixture site; it holds its port while the site is built for it."""
    with Server(tmp_path_factory.mktemp("quizsite") / "site") as server:
        yield server


@pytest.fixture(scope="session")
def quiz_site(quiz_server: Server) -> Path:
    """The fixture site (real site with the example banks instead of the real ones), built strict."""
    base = quiz_server.directory.parent
    project = make_quiz_project(base / "project")
    # Built for the address it is served on, so instant navigation works (as in production).
    result = build(project, quiz_server.directory, site_url=quiz_server.url)
    assert result.returncode == 0, f"fixture site failed to build:\n{result.stdout}\n{result.stderr}"
    return quiz_server.directory


@pytest.fixture(scope="session")
def quiz_url(quiz_site: Path, quiz_server: Server) -> str:
    """Base URL of the fixture site on a loopback server."""
    return quiz_server.start()
