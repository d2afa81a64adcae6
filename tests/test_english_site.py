"""The quiz engine on its own: a small English site with MkDocs' own theme and no bibliography.

It needs nothing but the quizkit package and what the package installs (it builds with this
site's theme and its macros' HTML parser made unimportable), builds strictly, and shows every
UI text in English; the locale files are complete in both languages; the
engine's templates hold no text of their own outside the locale files; nothing it writes
carries this site's name, and a learner's progress goes under the engine's own storage key.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, assert_clean_failure, build, format_violations, run_axe, serve
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from quizkit import PACKAGE_DIR
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


# What this site installs beside the package (pyproject.toml's "site" group): its theme and the
# HTML parser of its own macros. The English site builds with both made unimportable.
SITE_ONLY = {"mkdocs-material": "material", "lxml": "lxml"}


def _canonical(requirement: str) -> str:
    """A distribution's name as pip compares them: ``mkdocs_Material>=9`` -> ``mkdocs-material``."""
    return canonicalize_name(Requirement(requirement).name)


def _build_without_site_packages(project: Path) -> Path:
    """Build ``project`` strictly with this site's own packages (SITE_ONLY) unimportable."""
    # A sitecustomize on PYTHONPATH runs before MkDocs starts: importing these then fails.
    blocker = project.parent / "without-site-packages"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        f"import sys\nsys.modules.update(dict.fromkeys({sorted(SITE_ONLY.values())!r}))\n", encoding="utf-8"
    )
    path = os.pathsep.join(filter(None, [str(blocker), os.environ.get("PYTHONPATH")]))
    blocked = subprocess.run(
        [sys.executable, "-c", "import material"], env={**os.environ, "PYTHONPATH": path}, check=False
    )
    assert blocked.returncode != 0, "the blocker did not make Material unimportable"
    result = build(project, project / "site", env={"PYTHONPATH": path})
    assert result.returncode == 0, f"the English example site failed to build:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("english") / "project"
    shutil.copytree(FIXTURE, project)
    return _build_without_site_packages(project)


@pytest.fixture(scope="module", params=["mkdocs", "readthedocs"])
def themed_site(request: pytest.FixtureRequest, english_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English site on each of MkDocs' own two themes.

    On the second, the bank lies in ``docs/`` itself, beside the pages (``banks: docs``).
    """
    if request.param == "mkdocs":
        return english_site
    project = tmp_path_factory.mktemp("english-readthedocs") / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  name: mkdocs\n" in text and "      banks: docs/banks\n" in text
    text = text.replace("  name: mkdocs\n", "  name: readthedocs\n").replace("banks: docs/banks\n", "banks: docs\n")
    config.write_text(text, encoding="utf-8")
    (project / "docs" / "banks" / "basics.yml").rename(project / "docs" / "basics.yml")
    return _build_without_site_packages(project)


def test_the_package_declares_what_the_engine_imports_and_not_what_this_site_uses():
    """pyproject.toml: the package's dependencies are the engine's imports plus mkdocs-macros.

    mkdocs-macros loads the engine's macros, so it is one without being imported; this site's
    theme and its macros' HTML parser are in the "site" group, which installing the package
    does not bring. The English site's build (the fixture) shows that the engine runs without
    them.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {_canonical(r) for r in project["project"]["dependencies"]}
    imported = set()
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    distributions = packages_distributions()
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "quizkit"}
    assert third_party, "no third-party import found: the scan is broken"
    unknown = sorted(m for m in third_party if m not in distributions)
    assert not unknown, f"imported by the engine, installed by no distribution: {unknown}"
    needed = {_canonical(d) for m in third_party for d in distributions[m]}
    assert declared == needed | {"mkdocs-macros-plugin"}
    assert {_canonical(r) for r in project["dependency-groups"]["site"]} == set(SITE_ONLY)


def test_locales_have_the_same_keys_and_no_empty_text():
    locales = {
        path.stem: _flatten(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in LOCALES_DIR.glob("*.yml")
    }
    assert set(locales) >= {"nl", "en"}
    keys = {name: set(strings) for name, strings in locales.items()}
    assert keys["en"] == keys["nl"], f"keys differ: {keys['en'] ^ keys['nl']}"
    for name, strings in locales.items():
        # The one list: the absolute words of the cue report (quizkit/cues.py), two at least.
        words = strings.pop("cues.absolute_words")
        assert len(words) >= 2 and all(isinstance(w, str) and w and w.strip() == w.lower() == w for w in words), name
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
            if isinstance(text, str) and text != english[key] and "{" not in text and len(text) > 4:
                assert text not in shown, f"Dutch text {key!r} on the English site's {page} page"
    catalogue = (english_site / "trainers" / "index.html").read_text(encoding="utf-8")
    assert english["trainer.link_label"] in catalogue and english["trainer.objectives"] in catalogue
    # Citations as written, not linked (this site has no bibliography).
    assert "Source: atlas, page 12" in html


def test_module_list_links_the_module_page(english_site: Path):
    html = (english_site / "index.html").read_text(encoding="utf-8")
    assert 'href="basics/"' in html
    assert "About 5 minutes" in html


def test_the_trainer_page_counts_the_moodle_questions_a_case_makes(english_site: Path):
    # basics has a case of two stages: its Moodle file holds one question more than it counts.
    moodle = (english_site / "downloads" / "moodle" / "basics.xml").read_text(encoding="utf-8")
    questions = moodle.count("<question type=") - 1  # not the category
    trainers = (english_site / "trainers" / "index.html").read_text(encoding="utf-8")
    assert "7 questions" in trainers and questions == 8
    assert f"{questions} Moodle questions: a case becomes one question per stage" in trainers


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
    # The test package, named and titled in the site's language.
    with zipfile.ZipFile(english_site / "packages" / "basics.test.zip") as package:
        index = package.read("index.html").decode()
        manifest = package.read("imsmanifest.xml").decode()
    assert (
        "This is a test. You can check each question once" in index
        and ' data-quiz-test="This answer counts and is final."' in index
    )
    assert 'identifier="quiz-basics-test"' in manifest and "(test)</title>" in manifest


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


@pytest.mark.parametrize(
    ("left_out", "message"),
    [
        (
            "  - quizkit:",
            "quizkit: de macro's van quizkit hebben de plugin 'quizkit' nodig onder plugins: in mkdocs.yml",
        ),
        (
            "  - macros:",
            "mkdocs.yml: de macro's van quizkit zijn niet geladen; zet onder plugins: "
            "'- macros:' met 'modules: [quizkit.plugin.macros]'",
        ),
    ],
)
def test_a_plugin_left_out_stops_the_build_with_a_message(tmp_path: Path, left_out: str, message: str):
    """A site without one of the two plugins stops with a message, and publishes nothing.

    Without the plugin the macros ended in a traceback; without the macros every
    ``{{ quiz(...) }}`` was published as text, and the build succeeded.
    """
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index(left_out)
    end = text.index("\n  - ", start + 1) if left_out == "  - macros:" else text.index("\nnav:")
    config.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert_clean_failure(output)
    assert message in output
    assert not list((project / "site").rglob("*.html"))


def test_a_glossary_of_the_sites_own_explains_abbreviations_in_quizzes_and_packages(tmp_path: Path):
    """The plugin's glossary option, with a module of the site's own beside mkdocs.yml.

    Built with the ``mkdocs`` command itself, which does not put the current folder on the
    module path (``python -m mkdocs`` does): the plugin finds the module in the project folder.
    """
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    (project / "glossary_of_site.py").write_text(
        "def abbreviations(root):\n    return {'Hague': 'The city of the seat of government'}\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  - quizkit:\n") == 1
    text = text.replace("  - quizkit:\n", "  - quizkit:\n      glossary: glossary_of_site:abbreviations\n")
    config.write_text(text + "markdown_extensions:\n  - abbr\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SITE_URL")} | {"NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    explained = '<abbr title="The city of the seat of government">Hague</abbr>'
    assert explained in (project / "site" / "basics" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(project / "site" / "packages" / "basics.zip") as package:
        assert explained in package.read("index.html").decode()


def test_the_plugin_before_the_macros_stops_the_build_with_a_message(tmp_path: Path):
    """The plugin listed before the macros stops the build, with a line that says why.

    It would set up its Markdown before the site's macros set up theirs (a glossary): the site's
    data texts and the quizzes would quietly go without it.
    """
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    macros = text[text.index("  - macros:") : text.index("  - quizkit:")]
    config.write_text(
        text.replace(macros, "").replace("\nnav:", "\n" + macros.rstrip("\n") + "\nnav:"), encoding="utf-8"
    )
    assert config.read_text(encoding="utf-8").index("  - quizkit:") < config.read_text(encoding="utf-8").index(
        "  - macros:"
    )
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert_clean_failure(output)
    assert (
        "mkdocs.yml: zet onder plugins: '- macros' vóór '- quizkit': quizkit neemt over wat de macro's van de site "
        "instellen, zoals de uitleg bij afkortingen"
    ) in output
    assert not list((project / "site").rglob("*.html"))


def test_the_banks_under_docs_stay_out_of_the_site_and_the_pages_in(themed_site: Path):
    """The banks hold every right answer: the plugin leaves them out, without ``exclude_docs``.

    Only the banks: in ``docs/`` itself (the second theme's copy), the pages beside them stay.
    """
    assert (FIXTURE / "docs" / "banks" / "basics.yml").is_file()
    assert "exclude_docs" not in yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not list(themed_site.rglob("*.yml")), "a bank was published with its answers"
    assert (themed_site / "index.html").is_file() and (themed_site / "basics" / "index.html").is_file()


def test_the_answer_key_stays_out_of_the_search_index(english_site: Path):
    """MkDocs' own theme has no way to leave a page out of search: the engine keeps the answers out."""
    feedback = "The constitution names it."
    assert feedback in (english_site / "answers" / "basics" / "index.html").read_text(encoding="utf-8")
    index = (english_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "answers/basics/" in index  # the page is there, its answers are not
    assert feedback not in index


@pytest.mark.browser
def test_the_quiz_keeps_its_shape_and_language_on_mkdocs_own_themes(themed_site: Path, page):
    """Questions and steps are numbered once, citations are small, the summary's date is English.

    The readthedocs theme numbers every list item of the page's text itself (".rst-content
    section ol li"): the questions read "1. Question 1 of 7" until the engine's lists said no.
    """
    with serve(themed_site) as url:
        page.goto(url + "basics/")
        markers = page.evaluate(
            """() => [...document.querySelectorAll(
                '.qk-quiz__items > li, .qk-q__steps > li, .qk-quiz-index > li')].map(li => getComputedStyle(li).listStyleType)"""
        )
        assert len(markers) > 7 and set(markers) == {"none"}, markers
        steps = page.locator(".qk-q__steps").first
        assert steps.locator(".qk-q__step").first.evaluate("el => getComputedStyle(el, '::before').content") == (
            'counter(step) "."'
        )
        cite = page.locator(".qk-cite").first
        sizes = cite.evaluate("el => [el, el.parentElement].map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes[0] < sizes[1], sizes
        today = page.locator("[data-qk-today]").first
        today.scroll_into_view_if_needed()  # the date is written once it may be seen
        page.wait_for_function("el => el.textContent", arg=today.element_handle())
        date = today.text_content()
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", date), date


_OUTLINE = (
    "el => { const s = getComputedStyle(el); return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor] }"
)


@pytest.mark.browser
def test_the_quiz_is_usable_by_keyboard_and_readable_on_mkdocs_own_themes(themed_site: Path, page):
    """Without Material's colours the engine's own show: focus rings, separators, buttons.

    Its styles took their colours from Material's variables alone; on another theme a
    keyboard-focused radio had no outline at all (WCAG 2.4.7), the questions no separating
    line, and the check button looked like the retry button beside it.
    """
    with serve(themed_site) as url:
        page.goto(url + "basics/")
        page.wait_for_selector(".qk-quiz[data-quiz-ready]")
        first = page.locator("#question-basics-capital")
        page.keyboard.press("Tab")
        first.get_by_label("Amsterdam").focus()
        page.keyboard.press("ArrowDown")  # keyboard focus: :focus-visible
        style, width, colour = page.evaluate(f"({_OUTLINE})(document.activeElement)")
        assert page.evaluate("document.activeElement.type") == "radio"
        assert style == "solid" and width >= 2, (style, width)
        # The text's colour, not the browser's field colour (black, also on a dark theme).
        assert colour == first.evaluate("el => getComputedStyle(el).color"), colour
        check = first.locator('[data-quiz-action="check"]')
        retry = first.locator('[data-quiz-action="retry"]')
        looks = "el => getComputedStyle(el).backgroundColor"
        check_looks = check.evaluate(looks)
        assert check_looks != retry.evaluate(looks), "the check button looks like the retry button"
        retry.focus()  # a secondary button under focus gets a tint too, a lighter one
        assert check_looks != retry.evaluate(looks), "the focused retry button looks like the check button"
        check.focus()
        style, width, _ = check.evaluate(_OUTLINE)
        assert style == "solid" and width >= 2, (style, width)
        separator = (
            page.locator(".qk-quiz-item")
            .nth(1)
            .evaluate("el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopColor] }")
        )
        assert separator[0] == "solid" and not separator[1].endswith("/ 0)"), separator
        violations = run_axe(page, ".qk-quiz")
    # The themes colour their links #2fa4e7 (mkdocs, 2.76:1 on white) and #2980b9 (readthedocs):
    # the theme's choice, not the engine's, which leaves link colours to the site. Every other
    # node must pass.
    for violation in violations:
        if violation["id"] == "color-contrast":
            violation["nodes"] = [n for n in violation["nodes"] if not n.startswith("a[")]
    violations = [v for v in violations if v["nodes"]]
    assert not violations, format_violations(violations)


_LOOKS = "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.backgroundColor, s.fontSize] }"


@pytest.mark.browser
def test_buttons_legends_and_hidden_parts_keep_the_engines_look_on_mkdocs_own_themes(themed_site: Path, page):
    """What a second organisation's journey found on the readthedocs theme.

    The undo button showed before anything could be undone (a button rule outweighed the
    hidden attribute); the trainer pages' buttons were the browser's grey ones (the button
    styles were in quiz.css only); every true/false statement was 150 % large, like a heading
    (the theme's legend rule).
    """
    with serve(themed_site) as url:
        page.goto(url + "basics/")
        page.wait_for_selector(".qk-quiz[data-quiz-ready]")
        assert page.locator('[data-quiz-action="undo"]').count() >= 1
        assert not page.locator('[data-quiz-action="undo"]').first.is_visible()
        quiz_size = page.locator(".qk-quiz").first.evaluate("el => getComputedStyle(el).fontSize")
        statement = page.locator(".qk-q__statement > legend").first
        assert statement.evaluate("el => getComputedStyle(el).fontSize") == quiz_size
        gaps = page.locator(".qk-q__step > *").evaluate_all(
            "els => els.map(el => [getComputedStyle(el).marginTop, getComputedStyle(el).marginBottom])"
        )
        assert gaps and {m for pair in gaps for m in pair} == {"0px"}, gaps
        for path, selector in (("trainers/", "[data-qk-copy]"), ("answers/basics/", "[data-qk-print]")):
            page.goto(url + path)
            button = page.locator(selector).first
            button.wait_for(state="visible")
            style, background, _ = button.evaluate(_LOOKS)
            assert (style, background) == ("solid", "rgba(0, 0, 0, 0)"), (path, style, background)


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


def test_a_site_without_packages_links_none_and_is_not_held_to_scorms_limits(tmp_path: Path):
    # scorm_dir "" means no packages: the trainer page must not link to one, and SCORM 1.2's
    # limits on saved answers (a classify item with 39 categories) must not stop the build.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("scorm_dir: packages", "scorm_dir: ''"))
    categories = ", ".join(f"{{id: c{n}, label: Group {n}}}" for n in range(39))
    bank = project / "docs" / "banks" / "basics.yml"
    bank.write_text(
        bank.read_text(encoding="utf-8").rstrip("\n")
        + "\n  - id: basics-many-groups\n    type: classify\n    stem: Sort them.\n"
        + "    source: {doc: atlas, where: page 1}\n"
        + f"    categories: [{categories}]\n"
        + "    statements: [{text: One, category: c0}, {text: Two, category: c38}]\n",
        encoding="utf-8",
    )
    result = build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    trainers = (project / "site" / "trainers" / "index.html").read_text(encoding="utf-8")
    assert 'id="module-basics"' in trainers
    assert not re.findall(r'href="[^"]*\.zip"', trainers)
    assert not list((project / "site").rglob("*.zip"))
    assert (project / "site" / "downloads" / "moodle" / "basics.xml").exists()
    # Nor does the answer key explain the codes of packages that do not exist.
    key = (project / "site" / "answers" / "basics" / "index.html").read_text(encoding="utf-8")
    assert "qk-answer-key__id" in key and "qk-answer-key__codes" not in key


def test_a_broken_site_template_stops_the_build_with_its_file_and_line(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("locale: en\n", "locale: en\n      templates: ours\n"))
    (project / "ours" / "quiz").mkdir(parents=True)
    (project / "ours" / "quiz" / "item.html").write_text("<p>\n{% if x %}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert_clean_failure(output)
    assert "ours/quiz/item.html:2: fout in sjabloon: Unexpected end of template." in output, output
    assert not (project / "site" / "index.html").exists()


def _with_site_templates(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the fixture with ``templates: ours``: (its mkdocs.yml, the templates folder)."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("locale: en\n", "locale: en\n      templates: ours\n"))
    return config, project / "ours"


def _command_line_check(config: Path) -> subprocess.CompletedProcess[str]:
    """``python -m quizkit check --config`` on the site of ``config``, run in its folder."""
    return subprocess.run(
        [sys.executable, "-m", "quizkit", "check", "--config", config.name],
        cwd=config.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_site_template_that_uses_the_engines_filters_replaces_the_engines(tmp_path: Path):
    # The documented way to change the quiz's markup: copy an engine template and edit it. The
    # copy uses the engine's filters (|t, |md), which exist before a site's templates are checked.
    config, ours = _with_site_templates(tmp_path)
    (ours / "quiz").mkdir(parents=True)
    module = (ENGINE / "templates" / "quiz" / "module.html").read_text(encoding="utf-8")
    assert "|md" in module and 't("' in module
    (ours / "quiz" / "module.html").write_text(module.replace("<ul>", '<ul class="ours">', 1), encoding="utf-8")
    result = build(config.parent, config.parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (config.parent / "site" / "basics" / "index.html").read_text(encoding="utf-8")
    assert page.count('<ul class="ours">') == 1
    with zipfile.ZipFile(config.parent / "site" / "packages" / "basics.zip") as package:
        assert package.read("index.html").decode().count('<ul class="ours">') == 1


@pytest.mark.parametrize(
    ("template", "line", "mistake", "message"),
    [
        (
            "trainer/scorm_index.html",
            4,
            '{{ t("not_a_key") }}',
            "quizkit/locales/en.yml: geen tekst 'not_a_key' onder quiz:",
        ),
        ("quiz/module.html", 6, "{{ module.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        # A site template that calls an engine macro wrongly: the site's line, not the macro's.
        ("quiz/module.html", 7, "{{ quiz.facts() }}", "'module' was not provided"),
        # A module's list of items, rendered apart from the module around it.
        ("quiz/items.html", 3, "{{ module.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        # Inside the body macro the renderer calls itself (QuizRenderer.body), past Jinja's
        # own line mapping, and at the top of a type's template, which the renderer imports.
        ("quiz/item.html", 31, "{{ item.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        ("types/single/template.html", 4, '{{ t("not_a_key") }}', "geen tekst 'not_a_key' onder quiz:"),
        # The one-item, module-list, catalogue and answer-key templates, which only pages use.
        ("quiz/single_item.html", 4, "{{ item.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        ("quiz/index.html", 4, "{{ modules.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        ("trainer/catalogue.html", 7, "{{ links.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        ("trainer/answer_key.html", 3, "{{ module.no_such_field.deeper }}", "has no attribute 'no_such_field'"),
        # Not a template's kind of mistake, but the site's template's: still its line.
        ("quiz/index.html", 4, "{{ 1 / 0 }}", "division by zero"),
    ],
)
def test_a_site_template_mistake_found_when_rendering_stops_the_build_at_its_line(
    tmp_path: Path, template: str, line: int, mistake: str, message: str
):
    # Jinja finds these only when it renders: a package's page (made after every page was
    # written, before) or a module's. Build and command-line check say the same line, before
    # any page is written.
    config, ours = _with_site_templates(tmp_path)
    source = ENGINE / "templates" / template
    lines = (source if source.exists() else ENGINE / template).read_text(encoding="utf-8").splitlines()
    lines.insert(line - 1, mistake)
    (ours / template).parent.mkdir(parents=True)
    (ours / template).write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = f"ours/{template}:{line}: fout in sjabloon: "
    result = build(config.parent, config.parent / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert_clean_failure(output)
    assert expected in output and message in output, output[-2000:]
    assert not (config.parent / "site" / "index.html").exists()
    check = _command_line_check(config)
    assert check.returncode == 1
    assert "Traceback" not in check.stderr
    assert check.stderr.startswith(expected) and message in check.stderr, check.stderr


def test_a_site_template_without_a_macro_the_engine_calls_stops_the_build(tmp_path: Path):
    config, ours = _with_site_templates(tmp_path)
    (ours / "quiz").mkdir(parents=True)
    (ours / "quiz" / "item.html").write_text("{% macro item(item) %}{% endmacro %}\n", encoding="utf-8")
    result = build(config.parent, config.parent / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert_clean_failure(output)
    assert "ours/quiz/item.html: fout in sjabloon: macro 'body' ontbreekt" in output, output[-2000:]
    check = _command_line_check(config)
    assert (check.returncode, check.stderr) == (1, "ours/quiz/item.html: fout in sjabloon: macro 'body' ontbreekt\n")


def test_a_citations_function_that_finds_a_mistake_stops_the_build_with_its_line(tmp_path: Path):
    # A site's citations read its own bibliography, with the engine's YAML loader (whose
    # mistakes are ContentErrors): a key twice is one line, as for a bank.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    (project / "bib.yml").write_text("- id: atlas\n  id: again\n", encoding="utf-8")
    (project / "sitecite.py").write_text(
        "from quizkit.cite import PlainCitations\nfrom quizkit.yamlload import load_yaml\n\n\n"
        "def citations(root):\n    load_yaml(root / 'bib.yml', root)\n    return PlainCitations()\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("locale: en\n", "locale: en\n      citations: sitecite:citations\n")
    )
    result = build(project, project / "site", env={"PYTHONPATH": str(project)})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert_clean_failure(output)
    assert "bib.yml:2: veld 'id' staat twee keer in hetzelfde blok, ook op regel 1; verwijder er een" in output, output[
        -2000:
    ]


@pytest.mark.parametrize(("online", "address"), [(None, "basics.html"), (True, "basics/")])
def test_the_trainer_page_gives_the_address_the_published_site_has(tmp_path: Path, online, address: str):
    # A site without directory URLs publishes basics.html; an offline copy of a site with them
    # (online_directory_urls: true) names the online page. Without JavaScript nothing corrects it.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") + "use_directory_urls: false\n"
    if online is not None:
        text = text.replace(
            "      catalogue_page: trainers.md\n",
            "      catalogue_page: trainers.md\n      online_directory_urls: true\n",
        )
    config.write_text(text, encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    trainers = (project / "site" / "trainers.html").read_text(encoding="utf-8")
    inputs = re.findall(r"<input[^>]*qk-trainer__url[^>]*>", trainers)
    assert [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs] == [f"http://127.0.0.1:8000/{address}"]


def test_string_keys_the_type_scripts_name_are_in_every_locale():
    # A type's handler names a strings key for its "n of m" line (counted) and for what an
    # unfinished answer still needs (needs); one missing from a locale would show "undefined".
    scripts = [PACKAGE_DIR / "assets" / "quiz.js", *sorted((PACKAGE_DIR / "types").glob("*/type.js"))]
    named = {
        key
        for script in scripts
        for key in re.findall(r"\b(?:counted|needs):\s*\"(\w+)\"", script.read_text(encoding="utf-8"))
    }
    assert {"answer_all", "statements_right"} <= named, f"the scan is broken: {named}"
    for path in LOCALES_DIR.glob("*.yml"):
        script_strings = yaml.safe_load(path.read_text(encoding="utf-8"))["script"]
        assert named <= set(script_strings), f"{path.name}: not under script: {named - set(script_strings)}"


@pytest.mark.parametrize("nav", ["none", "listed"])
def test_an_answer_key_in_the_menu_stops_the_build_only_where_a_nav_lists_it(tmp_path: Path, nav: str):
    """A nav that lists an answer key puts the answers in learners' menu: a mistake.

    A site with no nav at all has every page in its menu, answer keys too, by its own choice: it builds.
    """
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    listed = "nav:\n  - index.md\n  - basics.md\n  - trainers.md\n"
    assert listed in text
    if nav == "none":
        text = text.replace(listed, "").replace("not_in_nav: |\n  /answers/\n", "")
    else:
        text = text.replace(listed, listed + "  - answers/basics.md\n")
    config.write_text(text, encoding="utf-8")
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    if nav == "none":
        assert result.returncode == 0, output
        assert (project / "site" / "answers" / "basics" / "index.html").is_file()
    else:
        assert result.returncode == 1, output
        assert_clean_failure(output)
        assert "docs/answers/basics.md:" in output and "deze antwoordsleutel staat in het menu" in output
