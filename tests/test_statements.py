"""The accessibility and privacy statements: built, under "Naslag" in the navigation, complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT
from site_pages import Node, page_file, parse

# page -> the sections (heading ids) it must have, after the structure of the government's model
# statement and what a privacy statement without cookies or tracking has to say.
STATEMENTS = {
    "toegankelijkheidsverklaring/": {"status", "onderzoek", "beperkingen", "melden", "datum"},
    "privacyverklaring/": {"geen-cookies", "opslag", "wissen", "vragen"},
}
# Words each statement must contain (the tools tested with; how to erase saved answers).
KEY_TEXT = {
    "toegankelijkheidsverklaring/": ["axe-core", "Playwright", "Chromium", "Nu Html Checker", "320", "WCAG 2.2"],
    "privacyverklaring/": ["geen cookies", "localStorage", "Begin opnieuw", "derde partijen"],
}


def nav_section(config_nav: list, title: str) -> list[str]:
    """The files listed under ``title`` in a MkDocs nav."""
    for entry in config_nav:
        if isinstance(entry, dict) and title in entry:
            return entry[title]
    raise AssertionError(f"no {title!r} section in the nav")


@pytest.fixture(scope="module")
def statements(site_dir: Path) -> dict[str, Node]:
    """The two statement pages, built and parsed."""
    return {page: parse(page_file(site_dir, page).read_text(encoding="utf-8")) for page in STATEMENTS}


def test_statements_are_in_the_nav_under_naslag(site_dir: Path) -> None:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as fd:
        naslag = nav_section(yaml_load(fd)["nav"], "Naslag")
    assert {"toegankelijkheidsverklaring.md", "privacyverklaring.md"} <= set(naslag)
    # In the built navigation of the home page: links in the nav labelled by the "Naslag" label.
    home = parse(page_file(site_dir, "").read_text(encoding="utf-8"))
    label = next(el for el in home.find("label", "md-nav__link") if el.text() == "Naslag")
    nav = next(el for el in home.find("nav") if el.attrs.get("aria-labelledby") == label.attrs["id"])
    hrefs = {a.attrs.get("href") for a in nav.find("a")}
    assert set(STATEMENTS) <= hrefs, f"not linked under Naslag: {set(STATEMENTS) - hrefs}"


@pytest.mark.parametrize("page", STATEMENTS)
def test_statements_have_their_sections(statements: dict[str, Node], page: str) -> None:
    doc = statements[page]
    article = doc.find("article")[0]
    ids = {h.attrs.get("id") for h in article.elements() if h.tag == "h2"}
    assert STATEMENTS[page] <= ids, f"{page}: missing sections {STATEMENTS[page] - ids}"
    text = " ".join(article.text().split())
    missing = [words for words in KEY_TEXT[page] if words.lower() not in text.lower()]
    assert not missing, f"{page}: does not mention {missing}"


# What the site keeps in the browser, by key, and the words with which the privacy statement's
# "Wat uw browser bewaart" section explains it.
KEPT = {
    r"halk-quiz:[a-z0-9-]+": "Uw antwoorden op de oefenvragen",  # a module's answers
    r"halk-quiz:learner": "willekeurige code",  # the seed of the learner's option order
    r"/\.__palette": "lichte of donkere weergave",  # Material's colour scheme
    r"halk-werkblad:[a-z0-9-]+": "concept van een",  # a worksheet draft, if ticked
}


@pytest.mark.browser
def test_the_privacy_statement_explains_everything_the_site_keeps(page, base_url: str, banks, statements) -> None:
    """A visitor answers a question, switches to the dark scheme and keeps a worksheet draft.

    Every key the site then keeps in the browser is one the statement explains; it sets no
    cookie and keeps nothing for the session.
    """
    module = next(m for m in banks.modules.values() if m.items[0].type == "single")
    page.goto(f"{base_url}leermodules/{module.module.id}/")
    item = page.locator("[data-quiz-item]").first
    item.locator("input").first.check()
    item.locator('[data-quiz-action="check"]').click()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.goto(f"{base_url}werkbladen/verklaringsmodel/")
    page.wait_for_selector(".halk-ws--js")
    page.check("#verklaringsmodel-concept")
    page.locator(".halk-ws textarea").first.fill("proef")
    page.wait_for_function("() => localStorage.getItem('halk-werkblad:verklaringsmodel')?.includes('proef')")
    kept = page.evaluate("() => Object.keys(localStorage).sort()")
    assert page.evaluate("() => sessionStorage.length") == 0
    assert page.context.cookies() == []
    assert f"halk-quiz:{module.module.id}" in kept and "halk-quiz:learner" in kept, kept
    text = statements["privacyverklaring/"].text()
    start = text.rindex("Wat uw browser bewaart")  # the section, not its entry in the table of contents
    section = text[start : text.index("Zo wist u wat bewaard is", start)]
    for key in kept:
        explained = [words for pattern, words in KEPT.items() if re.fullmatch(pattern, key)]
        assert explained, f"the site keeps {key!r}, which the privacy statement does not explain"
        assert all(words in section for words in explained), (key, explained)
