"""``make build`` publishes a site only when the whole strict build succeeded (build, then swap)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import assert_clean_failure, copy_project, publish

NOT_PUBLISHED = "Build mislukt: er is niets gepubliceerd"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _old_site(site: Path) -> dict[str, str]:
    """A previously published site: a few files whose content the test can recognise."""
    (site / "casus").mkdir(parents=True)
    files = {"index.html": "oude startpagina", "casus/index.html": "oude casus", "extra.txt": "alleen in de oude"}
    for rel, text in files.items():
        (site / rel).write_text(text, encoding="utf-8")
    return files


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site"))


def test_a_successful_build_replaces_the_old_site(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    _old_site(site)
    result = publish(project, site)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "Gepubliceerd in" in result.stdout
    assert not (site / "extra.txt").exists()
    assert "oude startpagina" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "casus" / "index.html").stat().st_size > 10_000
    assert _leftovers(site.parent) == []
    # Readable by a web server running as another user, like a folder made by mkdir.
    umask = os.umask(0)
    os.umask(umask)
    assert site.stat().st_mode & 0o777 == 0o777 & ~umask


@pytest.mark.parametrize(
    "mistake, message",
    [
        # Found by MkDocs' link validation after every page was written: the case that used to
        # leave a complete site behind.
        (("docs/casus.md", "\n\nZie [de casus](bestaat-niet.md).\n"), "bestaat-niet.md"),
        # Found before any page is written.
        (("docs/_data/quiz/casus.yml", "\n  - dit: is geen item\n"), "docs/_data/quiz/casus.yml:"),
    ],
    ids=["broken-link", "bad-bank"],
)
def test_a_failed_build_publishes_nothing(
    project: Path, tmp_path: Path, mistake: tuple[str, str], message: str
) -> None:
    rel, text = mistake
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    site = tmp_path / "out" / "site"
    old = _old_site(site)
    result = publish(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert message in output, output[-3000:]
    assert NOT_PUBLISHED in output
    assert_clean_failure(output)
    assert _tree(site) == old
    assert _leftovers(site.parent) == []


def test_the_first_build_that_fails_creates_no_site(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "casus.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](nergens.md)\n", encoding="utf-8")
    site = tmp_path / "out" / "site"
    result = publish(project, site)
    assert result.returncode == 1
    assert not site.exists()
    assert _leftovers(site.parent) == []


@pytest.mark.parametrize("config", ["weg.yml", "erft.yml"])
def test_a_config_that_is_not_there_is_a_line_not_a_traceback(tmp_path: Path, capsys, config: str) -> None:
    # make build reads the config before MkDocs does (its YAML mistakes in Dutch): a config, or
    # the file it INHERITs from, that is not there is one line too, and nothing is published.
    from macros.build import build_into

    (tmp_path / "erft.yml").write_text("INHERIT: weg.yml\nsite_name: x\n", encoding="utf-8")
    assert build_into(tmp_path / "site", tmp_path / config, offline=False) is False
    err = capsys.readouterr().err
    assert err.startswith("ERROR: ") and "weg.yml" in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_a_site_url_without_its_scheme_is_a_dutch_line(tmp_path: Path, capsys, monkeypatch) -> None:
    # An editor's journey: SITE_URL=www.voorbeeld.nl/kennisbank gave MkDocs' English words.
    from macros.build import build_into

    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: !ENV [SITE_URL, 'http://127.0.0.1:8000/']\n", "utf-8")
    monkeypatch.setenv("SITE_URL", "www.voorbeeld.nl/kennisbank")
    assert build_into(tmp_path / "site", tmp_path / "mkdocs.yml", offline=False) is False
    assert capsys.readouterr().err == (
        "ERROR: mkdocs.yml: site_url 'www.voorbeeld.nl/kennisbank' (uit SITE_URL of mkdocs.yml) is geen volledig "
        "adres; schrijf het met http:// of https:// ervoor, bijvoorbeeld SITE_URL=https://www.voorbeeld.nl/kennisbank/\n"
    )
    assert not (tmp_path / "site").exists()
    monkeypatch.setenv("SITE_URL", "https://www.voorbeeld.nl/kennisbank/")
    from macros.offline import load_config

    assert load_config(tmp_path / "mkdocs.yml")["site_url"] == "https://www.voorbeeld.nl/kennisbank/"
