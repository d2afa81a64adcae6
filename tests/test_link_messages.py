"""MkDocs' own link and navigation warnings reach editors in Dutch, with the page and the line.

MkDocs owns the check (hooks/linkmessages.py only rewords it). Each case breaks a copy of the
project, runs ``make build`` (tests/helpers.publish) and expects exactly these lines, exit 1, no
traceback and the previously published site untouched. The sentence test pins MkDocs' wording:
when a release rewords one, it fails here instead of reaching editors in English unnoticed.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from helpers import assert_clean_failure, copy_project, publish

from hooks.linkmessages import DutchLinkMessages

LINKS = "Zie [weg](nergens.md), [kop](alk.md#bestaat-niet) en [hier](#ook-niet)."


def _append(project: Path, rel: str, text: str) -> int:
    """Append ``text`` as the last line of ``rel``; return its line number."""
    path = project / rel
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(content, encoding="utf-8")
    return content.count("\n")


def _problems(output: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^WARNING -  (.*)$", output, re.M)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _publish_fails(project: Path, tmp_path: Path) -> str:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige versie", encoding="utf-8")
    result = publish(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert_clean_failure(output)
    assert "Build mislukt: er is niets gepubliceerd" in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige versie"
    return output


def test_broken_links_and_anchors_name_the_page_and_the_line(project: Path, tmp_path: Path) -> None:
    line = _append(project, "docs/casus.md", LINKS)
    output = _publish_fails(project, tmp_path)
    assert sorted(_problems(output)) == sorted(
        [
            f"docs/casus.md:{line}: link naar 'nergens.md': die pagina of dat bestand bestaat niet",
            f"docs/casus.md:{line}: link naar 'alk.md#bestaat-niet': kopje of anker '#bestaat-niet' bestaat niet op die pagina",
            f"docs/casus.md:{line}: link naar '#ook-niet': kopje of anker bestaat niet op deze pagina",
        ]
    )


def test_navigation_problems_name_the_page_or_the_line_of_mkdocs_yml(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "los.md").write_text(
        "---\ntitle: Los\ndescription: d\nsources:\n  - {doc: profielschets, where: x}\n---\n# Los\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("      - over.md\n", "      - over.md\n      - weg.md\n", 1)
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      - weg.md") + 1
    output = _publish_fails(project, tmp_path)
    assert sorted(_problems(output)) == sorted(
        [
            "docs/los.md: pagina staat niet in de navigatie (nav in mkdocs.yml); voeg haar toe",
            f"mkdocs.yml:{line}: navigatie noemt 'weg.md', maar dat bestand bestaat niet in docs/",
        ]
    )


# Each warning as MkDocs 1.6 writes it, and the Dutch line an editor reads instead.
SENTENCES = [
    (
        "Doc file 'casus.md' contains a link 'nergens.md', but the target is not found among documentation files.",
        "docs/casus.md:3: link naar 'nergens.md': die pagina of dat bestand bestaat niet",
    ),
    (
        "Doc file 'casus.md' contains a link 'x/nergens.md', but the target 'nergens.md' is not found among "
        "documentation files.",
        "docs/casus.md: link naar 'x/nergens.md': die pagina of dat bestand bestaat niet",
    ),
    (
        "Doc file 'casus.md' contains a link 'alk.md#weg', but the doc 'alk.md' does not contain an anchor '#weg'.",
        "docs/casus.md:4: link naar 'alk.md#weg': kopje of anker '#weg' bestaat niet op die pagina",
    ),
    (
        "Doc file 'casus.md' contains a link '#hier', but there is no such anchor on this page.",
        "docs/casus.md:5: link naar '#hier': kopje of anker bestaat niet op deze pagina",
    ),
    (
        "Doc file 'casus.md' contains an unrecognized relative link 'map/', it was left as is.",
        "docs/casus.md:6: link 'map/' wijst niet naar een pagina of bestand van de site; verwijs naar een .md-bestand",
    ),
    (
        "Doc file 'casus.md' contains a link to 'concept.md' which is excluded from the built site.",
        "docs/casus.md: link naar 'concept.md': die pagina wordt niet gepubliceerd",
    ),
    (
        'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - los.md\n  - map/ook-los.md",
        "docs/los.md: pagina staat niet in de navigatie (nav in mkdocs.yml); voeg haar toe\n"
        "docs/map/ook-los.md: pagina staat niet in de navigatie (nav in mkdocs.yml); voeg haar toe",
    ),
    (
        "A reference to 'weg.md' is included in the 'nav' configuration, which is not found in the documentation "
        "files.",
        "mkdocs.yml:2: navigatie noemt 'weg.md', maar dat bestand bestaat niet in docs/",
    ),
    (
        "Doc file 'casus.md' contains an absolute link '/alk/', it was left as is. Did you mean 'alk.md'?",
        "docs/casus.md:7: link '/alk/' begint met '/'; schrijf de link relatief vanaf de pagina, naar het "
        ".md-bestand; bedoelt u 'alk.md'?",
    ),
    (
        "Doc file 'casus.md' contains a link 'Alk.md', but the target is not found among documentation files. "
        "Did you mean 'alk.md'?",
        "docs/casus.md: link naar 'Alk.md': die pagina of dat bestand bestaat niet; bedoelt u 'alk.md'?",
    ),
    (
        "Doc file 'casus.md' contains a link '#fn:9', but there is no such anchor on this page. This seems to be "
        "a footnote that is never referenced.",
        "docs/casus.md: link naar '#fn:9': kopje of anker bestaat niet op deze pagina (dit lijkt een voetnoot "
        "waarnaar nergens wordt verwezen)",
    ),
    (
        "An absolute path to '/extern/' is included in the 'nav' configuration, which presumably points to an "
        "external resource.",
        "mkdocs.yml: navigatie noemt '/extern/', dat met '/' begint; noem het .md-bestand vanaf docs/",
    ),
    (
        "A reference to 'concept.md' is included in the 'nav' configuration, but this file is excluded from the "
        "built site.",
        "mkdocs.yml: navigatie noemt 'concept.md', maar die pagina wordt niet gepubliceerd",
    ),
]


@pytest.mark.parametrize("sentence, dutch", SENTENCES, ids=[d.split(": ", 1)[-1][:40] for _, d in SENTENCES])
def test_every_mkdocs_sentence_has_its_dutch_line(tmp_path: Path, sentence: str, dutch: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    # Lines 3 to 7 hold the links; a link not in the page ('x/nergens.md') gets no line.
    page = "---\ntitle: t\n[a](nergens.md)\n[b](alk.md#weg)\n[c](#hier)\n[d](map/)\n[e](/alk/)\n"
    (docs / "casus.md").write_text(page, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - weg.md\n", encoding="utf-8")
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, sentence, (), None)
    assert DutchLinkMessages(docs, tmp_path / "mkdocs.yml").filter(record)
    assert record.getMessage() == dutch
    assert record.levelno == logging.WARNING  # strict mode still counts it


def test_a_config_without_nav_points_at_the_nav_it_inherits(tmp_path: Path) -> None:
    # The offline copy's config inherits mkdocs.yml's nav: a mistake there is mkdocs.yml's.
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - alk.md\n  - weg.md\n", encoding="utf-8")
    (tmp_path / "offline.yml").write_text("INHERIT: mkdocs.yml\nuse_directory_urls: false\n", encoding="utf-8")
    message = (
        "A reference to 'weg.md' is included in the 'nav' configuration, which is not found in the documentation files."
    )
    for config in ("mkdocs.yml", "offline.yml"):
        dutch = DutchLinkMessages(tmp_path / "docs", tmp_path / config).translate(message)
        assert dutch == "mkdocs.yml:4: navigatie noemt 'weg.md', maar dat bestand bestaat niet in docs/", config


def test_the_line_is_that_of_the_whole_link_not_of_a_longer_one(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("[a](#stappen-lang)\ntekst\n[b](#stappen)\n", encoding="utf-8")
    message = "Doc file 'p.md' contains a link '#stappen', but there is no such anchor on this page."
    assert DutchLinkMessages(tmp_path, tmp_path / "mkdocs.yml").translate(message) == (
        "docs/p.md:3: link naar '#stappen': kopje of anker bestaat niet op deze pagina".replace(
            "docs/", tmp_path.name + "/"
        )
    )


def test_a_sentence_with_more_than_is_known_stays_whole(tmp_path: Path) -> None:
    """Nothing is lost: a sentence with words this module does not know passes in English."""
    message = "Doc file 'p.md' contains a link 'x.md', but the target is not found among documentation files. Nieuw."
    assert DutchLinkMessages(tmp_path, tmp_path / "mkdocs.yml").translate(message) is None


def test_any_other_message_passes_unchanged(tmp_path: Path) -> None:
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, "Iets anders: %s", ("x",), None)
    assert DutchLinkMessages(tmp_path, tmp_path / "mkdocs.yml").filter(record)
    assert record.getMessage() == "Iets anders: x"
