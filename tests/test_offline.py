"""The offline copy: a zip of the site that works from disk (file://), search and quizzes included."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import ROOT, copy_project

from macros import offline

ZIP_NAME = offline.zip_name()


def test_shipped_shim_is_the_pinned_npm_package_unchanged() -> None:
    """The shipped shim is iframe-worker's shim/index.js unchanged, under a header of its version.

    npm installs the package for the tests; the build itself needs no npm.
    """
    package = ROOT / "node_modules" / "iframe-worker"
    if not package.is_dir():
        pytest.skip("npm's iframe-worker is not installed (make setup-test installs it)")
    header, _, body = (ROOT / offline.SHIM_SOURCE).read_text(encoding="utf-8").partition("*/\n")
    assert body == (package / "shim" / "index.js").read_text(encoding="utf-8")
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    assert header.startswith(f"/* iframe-worker {version}, shim/index.js,"), header
    assert "MIT licence" in header


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip as `make build` makes it, next to a (dummy) built site."""
    site = tmp_path_factory.mktemp("online-site")
    return offline.build_offline_zip(site)


@pytest.fixture(scope="module")
def unzipped(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked the way a user would: one folder with index.html inside."""
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(dest)
    return dest / offline.ZIP_FOLDER


def test_zip_lands_in_downloads_with_one_top_folder(offline_zip: Path) -> None:
    assert offline_zip.name == ZIP_NAME
    assert offline_zip.parent.name == "downloads"
    with zipfile.ZipFile(offline_zip) as zf:
        names = zf.namelist()
    assert {n.split("/", 1)[0] for n in names} == {offline.ZIP_FOLDER}
    assert f"{offline.ZIP_FOLDER}/index.html" in names
    assert f"{offline.ZIP_FOLDER}/search/search_index.js" in names
    assert f"{offline.ZIP_FOLDER}/{offline.SHIM_TARGET.as_posix()}" in names
    assert not any(n.endswith(("404.html", "sitemap.xml", ".map")) for n in names)
    lunr = sorted(n.rsplit("/", 1)[-1] for n in names if "/lunr/" in n)
    assert lunr == sorted(offline.KEPT_LUNR)


def test_every_local_link_and_asset_resolves_on_disk(unzipped: Path) -> None:
    missing: dict[str, set[str]] = {}
    for html in sorted(unzipped.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"]+)"', text):
            if re.match(r"^[a-z][a-z0-9+.-]*:", ref) or ref.startswith(("#", "//")):
                continue
            path = unquote(urlsplit(ref).path)
            if not path:
                continue
            target = html.parent / path
            # file:// has no directory index: every link must name the file itself.
            if not target.is_file():
                missing.setdefault(ref, set()).add(html.relative_to(unzipped).as_posix())
    report = "\n".join(f"{ref} (in {', '.join(sorted(pages)[:3])})" for ref, pages in sorted(missing.items()))
    assert not missing, f"links that do not resolve in the offline copy:\n{report}"


def test_no_page_refers_to_another_host_for_a_resource(unzipped: Path) -> None:
    for html in sorted(unzipped.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        tags = re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text)
        # rel=canonical names the online address; browsers do not load it.
        fetched = [t for t in tags if 'rel="canonical"' not in t]
        external = [t for t in fetched if re.search(r'(?:src|href)="(?:https?:)?//', t)]
        assert not external, f"{html.name}: {external}"


def test_offline_config_must_keep_the_plugins_of_mkdocs_yml(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / offline.OFFLINE_CONFIG, project / offline.OFFLINE_CONFIG)
    offline.check_config(project)  # the real pair agrees
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("\nplugins:\n", "\nplugins:\n  - tags\n", 1), encoding="utf-8"
    )
    with pytest.raises(offline.OfflineBuildError, match=r"plugins must be those of mkdocs\.yml plus 'offline'"):
        offline.check_config(project)


def test_offline_config_must_keep_the_features_of_mkdocs_yml(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / offline.OFFLINE_CONFIG, project / offline.OFFLINE_CONFIG)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("\n  features:\n", "\n  features:\n    - content.code.copy\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(offline.OfflineBuildError, match=r"theme\.features must be those of mkdocs\.yml"):
        offline.check_config(project)


def test_command_refuses_a_directory_that_is_not_a_built_site(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        offline.main(["--site-dir", str(tmp_path)])
    assert "not a built site" in capsys.readouterr().err


# -- in Chromium, from file:// -------------------------------------------------------------------


@pytest.fixture
def file_page(page, unzipped: Path):
    """A page that records every request; the test fails if one leaves file://."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((unzipped / "index.html").as_uri())
    yield page
    outside = [u for u in requests if not u.startswith(("file://", "data:", "about:", "blob:"))]
    assert not outside, f"requests that left file://: {outside}"


@pytest.mark.browser
def test_offline_copy_opens_and_navigates_from_disk(file_page, unzipped: Path) -> None:
    page = file_page
    assert "Kennisbank Hardnekkige ALK" in page.locator("h1").first.inner_text()
    # Material's stylesheet is applied (a broken relative path would leave the header unstyled).
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"
    page.locator(".md-nav__link[href$='alk.html']").first.click()
    page.wait_for_url(re.compile(r"/alk\.html$"))
    assert page.locator("article h1").inner_text().strip()
    assert "Offline-versie" not in page.locator(".md-footer-meta").inner_text()


@pytest.mark.browser
def test_offline_search_finds_pages(file_page) -> None:
    page = file_page
    # Typed like a person; the search index loads in an iframe from disk, which can take a
    # while on a machine busy with parallel test workers.
    page.locator("input.md-search__input").click()
    page.keyboard.type("hardnekkige", delay=20)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=45_000)
    assert results.count() >= 2
    href = results.first.get_attribute("href")
    assert href.startswith("file://") and ".html" in href
    results.first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://")
    assert page.locator("article h1").is_visible()


def _first_quiz_page(unzipped: Path) -> Path | None:
    for html in sorted((unzipped / "leermodules").rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        if 'data-quiz-type="single"' in text or 'data-quiz-type="truefalse"' in text:
            return html
    return None


@pytest.mark.browser
def test_offline_quiz_can_be_answered(file_page, unzipped: Path) -> None:
    quiz_page = _first_quiz_page(unzipped)
    assert quiz_page is not None, "no quiz page with a single-choice or true/false item in the offline copy"
    page = file_page
    page.goto(quiz_page.as_uri())
    item = page.locator('[data-quiz-type="single"], [data-quiz-type="truefalse"]').first
    check = item.locator('[data-quiz-action="check"]')
    check.wait_for(state="visible", timeout=10_000)  # the quiz script ran from disk
    item.locator("input[type=radio]").first.check()
    check.click()
    feedback = item.locator("[data-quiz-feedback]")
    page.wait_for_function("el => el.textContent.trim().length > 0", arg=feedback.element_handle())
    assert feedback.inner_text().strip()
