"""What the quiz engine publishes beyond the quiz pages, in the built fixture site.

D8 trainer links that work wherever the site is served, D28 answer keys out of search engines,
D30 the home page's title once.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from helpers import Server

TRAINERS = "leermodules/trainers/"


def test_answer_keys_are_noindex_and_not_in_the_sitemap(quiz_site: Path) -> None:
    """D28: every answer key says robots noindex; sitemap.xml (and .gz) leave them out."""
    keys = sorted((quiz_site / "leermodules" / "antwoorden").glob("*/index.html"))
    assert keys
    for key in keys:
        assert '<meta name="robots" content="noindex">' in key.read_text(encoding="utf-8"), key
    assert '<meta name="robots"' not in (quiz_site / "leermodules" / "trainers" / "index.html").read_text("utf-8")
    sitemap = (quiz_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/leermodules/trainers/" in sitemap
    assert "antwoorden" not in sitemap
    assert gzip.decompress((quiz_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_answer_keys_stay_out_of_search_without_their_front_matter_saying_so(quiz_site: Path) -> None:
    """The fixture's answer keys have no ``search: exclude``: the engine leaves them out itself.

    An editor's journey left the lines out, and the key's title (and the page with every answer)
    was found by searching for the module.
    """
    project_key = quiz_site.parent / "project" / "docs" / "leermodules" / "antwoorden"
    pages = sorted(project_key.glob("*.md"))
    assert pages and not [p for p in pages if "search:" in p.read_text(encoding="utf-8")]
    index = json.loads((quiz_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith(TRAINERS) for loc in locations), "the trainers' page is searchable"
    assert not [loc for loc in locations if "antwoorden" in loc], locations


def test_home_page_title_names_the_site_once(quiz_site: Path) -> None:
    """D30: not "Kennisbank Hardnekkige ALK - Kennisbank Hardnekkige ALK"."""
    html = (quiz_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Kennisbank Hardnekkige ALK</title>" in html
    assert "<title>Profielschets - Kennisbank Hardnekkige ALK</title>" in (
        quiz_site / "profielschets" / "index.html"
    ).read_text(encoding="utf-8")


@pytest.mark.browser
def test_trainer_link_is_the_address_the_trainer_looks_at(page, quiz_site: Path) -> None:
    """D8: served under another address than the build's SITE_URL, the link follows the page."""
    with Server(quiz_site) as other:
        url = other.start()
        page.goto(url + TRAINERS)
        field = page.locator("#link-voorbeeld-keuze")
        assert field.input_value() == url + "leermodules/voorbeeld-keuze/"
        assert page.locator("[data-qk-offline]").first.is_hidden()
        # The copied link opens the module.
        page.goto(field.input_value())
        assert page.locator("#quiz-voorbeeld-keuze").count() == 1


@pytest.mark.browser
def test_offline_trainer_page_says_its_links_work_online_only(page, quiz_site: Path) -> None:
    """D8: opened from disk, the page keeps the published address and says it only works online."""
    page.goto((quiz_site / "leermodules" / "trainers" / "index.html").as_uri())
    field = page.locator("#link-voorbeeld-keuze")
    assert field.input_value().startswith("http://127.0.0.1:")
    note = page.locator("[data-qk-offline]").first
    assert note.is_visible()
    assert "werkt alleen online" in note.inner_text()
