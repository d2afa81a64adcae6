"""The accessibility and privacy statements: built, under "Naslag" in the navigation, complete."""

from __future__ import annotations

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
