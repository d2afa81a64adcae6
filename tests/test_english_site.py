"""The quiz engine on its own: a small English site with MkDocs' own theme and no bibliography.

It installs nothing but the quizkit package (and MkDocs with mkdocs-macros), builds strictly,
and shows every UI text in English; the locale files are complete in both languages; the
engine's templates hold no text of their own outside the locale files; nothing it writes
carries this site's name, and a learner's progress goes under the engine's own storage key.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, assert_clean_failure, build, serve

from quizkit.render import LOCALES_DIR

FIXTURE = ROOT / "tests" / "fixtures" / "english_site"
ENGINE = ROOT / "quizkit"


def _flatten(data: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out |= _flatten(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("english") / "project"
    shutil.copytree(FIXTURE, project)
    result = build(project, project / "site")
    assert result.returncode == 0, f"the English example site failed to build:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return project / "site"


def test_locales_have_the_same_keys_and_no_empty_text():
    locales = {
        path.stem: _flatten(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in LOCALES_DIR.glob("*.yml")
    }
    assert set(locales) >= {"nl", "en"}
    keys = {name: set(strings) for name, strings in locales.items()}
    assert keys["en"] == keys["nl"], f"keys differ: {keys['en'] ^ keys['nl']}"
    for name, strings in locales.items():
        assert all(isinstance(v, str) and v.strip() for v in strings.values()), name
        # Placeholders match between languages.
        for key, text in strings.items():
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", locales["nl"][key])), (name, key)


def test_every_ui_text_on_the_pages_is_english(english_site: Path):
    html = (english_site / "basics" / "index.html").read_text(encoding="utf-8")
    english = _flatten(yaml.safe_load((LOCALES_DIR / "en.yml").read_text(encoding="utf-8")))
    dutch = _flatten(yaml.safe_load((LOCALES_DIR / "nl.yml").read_text(encoding="utf-8")))
    for key in ("quiz.show_answer", "quiz.check", "quiz.retry", "quiz.summary_title", "quiz.reset", "quiz.up"):
        assert english[key] in html, key
    # No Dutch interface text: each Dutch string that differs from the English one is absent,
    # on the quiz page and on the trainer pages (catalogue, answer key).
    for page in ("basics", "trainers", "answers/basics"):
        shown = (english_site / page / "index.html").read_text(encoding="utf-8")
        for key, text in dutch.items():
            if text != english[key] and "{" not in text and len(text) > 4:
                assert text not in shown, f"Dutch text {key!r} on the English site's {page} page"
    catalogue = (english_site / "trainers" / "index.html").read_text(encoding="utf-8")
    assert english["trainer.link_label"] in catalogue and english["trainer.objectives"] in catalogue
    # Citations as written, not linked (this site has no bibliography).
    assert "Source: atlas, page 12" in html


def test_module_list_links_the_module_page(english_site: Path):
    html = (english_site / "index.html").read_text(encoding="utf-8")
    assert 'href="basics/"' in html
    assert "About 5 minutes" in html


def test_scorm_package_is_english_and_complete(english_site: Path):
    with zipfile.ZipFile(english_site / "packages" / "basics.zip") as package:
        names = set(package.namelist())
        assert {"imsmanifest.xml", "index.html", "quiz.js", "scorm.js", "quiz.css"} <= names
        index = package.read("index.html").decode()
        manifest = package.read("imsmanifest.xml").decode()
    assert '<html lang="en">' in index
    assert "This module comes from Example Training." in index
    assert 'identifier="quiz-basics"' in manifest
    assert "<adlcp:masteryscore>60</adlcp:masteryscore>" in manifest


def test_engine_templates_hold_no_text_of_their_own():
    """Every visible word of the engine's templates comes from the locale files (F10)."""
    templates = [*ENGINE.glob("templates/**/*.html"), *ENGINE.glob("types/**/*.html")]
    assert len(templates) >= 10
    for path in templates:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", text, flags=re.S)
        text = re.sub(r"<[^>]*>", " ", text)
        words = re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)
        assert not words, f"{path.relative_to(ROOT)} has text outside the locale files: {words[:5]}"


def test_nothing_the_engine_writes_names_this_site(english_site: Path):
    """No "halk" (this site's name) in any file of the English site, packages included.

    The anchors that stand in links are English, and so is the Moodle file with every module.
    """
    name = re.compile(rb"(?<![a-z])halk", re.I)  # not in MkDocs' icon font's "chalkboard"
    named = []
    for path in sorted(p for p in english_site.rglob("*") if p.is_file()):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as package:
                named += [f"{path.name}/{n}" for n in package.namelist() if name.search(package.read(n))]
        elif name.search(path.read_bytes()):
            named.append(str(path.relative_to(english_site)))
    assert not named, named
    html = (english_site / "basics" / "index.html").read_text(encoding="utf-8")
    assert 'id="question-basics-capital"' in html and 'id="quiz-basics-result"' in html
    assert "vraag-" not in html and "resultaat" not in html
    assert 'class="qk-quiz"' in html and 'data-quiz-store="quizkit"' in html
    assert sorted(p.name for p in (english_site / "downloads" / "moodle").iterdir()) == [
        "all-modules.xml",
        "basics.xml",
    ]


@pytest.mark.browser
def test_progress_is_kept_under_the_engines_storage_key(english_site: Path, page):
    """Without a storage_key option the learner's progress goes under "quizkit:<module>"."""
    with serve(english_site) as url:
        page.goto(url + "basics/")
        item = page.locator("#question-basics-capital")
        item.get_by_label("Amsterdam").check()
        item.locator('[data-quiz-action="check"]').click()
        region = item.locator("[data-quiz-feedback]")
        page.wait_for_function("el => el.textContent.trim() !== ''", arg=region.element_handle())
        assert "That is right." in region.inner_text()
        stored = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    assert set(stored) <= {"quizkit:basics", "quizkit:learner"} and "quizkit:basics" in stored, stored
    assert "basics-capital" in stored["quizkit:basics"]


def test_a_storage_key_that_cannot_be_one_stops_the_build(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("locale: en\n", "locale: en\n      storage_key: a b\n")
    )
    bank = project / "docs" / "banks" / "basics.yml"  # a bank mistake does not hide it
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: single", "type: singel", 1), encoding="utf-8")
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert_clean_failure(output)
    assert "quizkit: storage_key 'a b' in mkdocs.yml: alleen de letters a-z en A-Z (zonder accenten)" in output


def test_the_answer_key_stays_out_of_the_search_index(english_site: Path):
    """MkDocs' own theme has no way to leave a page out of search: the engine keeps the answers out."""
    feedback = "The constitution names it."
    assert feedback in (english_site / "answers" / "basics" / "index.html").read_text(encoding="utf-8")
    index = (english_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "answers/basics/" in index  # the page is there, its answers are not
    assert feedback not in index


@pytest.mark.browser
def test_the_quiz_keeps_its_shape_and_language_on_mkdocs_own_theme(english_site: Path, page):
    """The ordering steps are numbered once, citations are small, the summary's date is English."""
    with serve(english_site) as url:
        page.goto(url + "basics/")
        steps = page.locator(".qk-q__steps").first
        assert steps.evaluate("el => getComputedStyle(el).listStyleType") == "none"
        assert steps.locator(".qk-q__step").first.evaluate("el => getComputedStyle(el, '::before').content") == (
            'counter(step) "."'
        )
        cite = page.locator(".qk-cite").first
        sizes = cite.evaluate("el => [el, el.parentElement].map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes[0] < sizes[1], sizes
        date = page.locator("[data-qk-today]").first.text_content()
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", date), date


def test_links_to_questions_and_answers_are_checked(tmp_path: Path):
    """Quiz HTML reaches its page after MkDocs has read it, yet MkDocs' anchor check knows its ids.

    The fixture links to a question and an answer and builds strictly; a link to a question
    that does not exist stops the build.
    """
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("#question-basics-primes", "#question-basics-prime"))
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (
        "contains a link 'basics.md#question-basics-prime', but the doc 'basics.md' does not contain an anchor"
        in output
    )
