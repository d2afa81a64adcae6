"""The strict build of the real site: every page complete, Dutch and private; abbreviations focusable."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import material
import pytest
from helpers import ROOT
from mkdocs.utils.yaml import yaml_load
from site_pages import Node, noindex_pages, page_file, parse, site_pages, sitemap_pages

from hooks.abbreviations import focusable_abbreviations

MATERIAL = Path(material.__file__).parent / "templates"
# English that Python-Markdown, Material's templates or a default admonition title would put
# in a page; Material's translatable strings are added from its own en.html below.
ENGLISH_FRAGMENTS = ("Made with", "Not found", "Jump back to footnote", "Permanent link", "Skip to content")
ADMONITION_DEFAULTS = {"Note", "Abstract", "Info", "Tip", "Success", "Question", "Warning", "Failure", "Danger"}
ADMONITION_DEFAULTS |= {"Bug", "Example", "Quote", "Summary", "Details", "Attention", "Caution", "Error", "Hint"}
# Attributes that load something: a value outside the site would be a request to a third party.
LOADING_ATTRS = {"script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset")}
LOADING_ATTRS |= {"video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",)}
LOADING_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, Node]:
    """Every built page (from sitemap.xml), parsed."""
    return {page: parse(page_file(site_dir, page).read_text(encoding="utf-8")) for page in site_pages(site_dir)}


def _material_strings(name: str) -> dict[str, str]:
    """The translation table of Material's ``partials/languages/<name>.html``."""
    text = (MATERIAL / "partials" / "languages" / f"{name}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)": "([^"]*)"', text, re.MULTILINE))


def _our_strings() -> dict[str, str]:
    """Our effective UI strings: Material's Dutch ones with overrides/partials/languages/custom.html on top."""
    custom = (ROOT / "overrides" / "partials" / "languages" / "custom.html").read_text(encoding="utf-8")
    return _material_strings("nl") | dict(re.findall(r'^\s*"([^"]+)": "([^"]*)"', custom, re.MULTILINE))


def _ui_text(doc: Node) -> list[str]:
    """What a page shows or announces besides its article: labels and titles, and the text of its chrome."""
    out = []
    for el in doc.elements():
        out += [el.attrs[a] for a in ("aria-label", "title", "placeholder", "alt") if el.attrs.get(a)]
        if el.tag not in ("script", "style") and not any(a.tag == "article" for a in [el, *el.ancestors()]):
            out += [" ".join(c.split()) for c in el.children if isinstance(c, str) and c.strip()]
    return out


# -- the build ---------------------------------------------------------------------------------------
def test_strict_build_passes_without_warnings(site_build) -> None:
    _, result = site_build  # the session's build of the site (tests/conftest.py)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr


def test_sitemap_lists_every_built_page_and_every_nav_page(site_dir: Path) -> None:
    from mkdocs.utils.yaml import yaml_load

    listed = set(sitemap_pages(site_dir))
    built = {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html")}
    built = {"" if p == "./" else p for p in built}
    # The answer keys are noindex and not in the sitemap (D28); every other page is.
    hidden = set(noindex_pages(site_dir))
    assert hidden == {p for p in built if p.startswith("leermodules/antwoorden/")}, hidden
    built -= hidden
    assert built == listed, f"built but not in sitemap: {built - listed}; in sitemap, not built: {listed - built}"

    def nav_files(items: object) -> list[str]:
        if isinstance(items, str):
            return [items]
        if isinstance(items, dict):
            return [f for v in items.values() for f in nav_files(v)]
        return [f for item in items for f in nav_files(item)] if isinstance(items, list) else []

    with (ROOT / "mkdocs.yml").open("rb") as fd:
        nav = nav_files(yaml_load(fd)["nav"])
    urls = {re.sub(r"(^|/)index\.md$", r"\1", f).removesuffix(".md") for f in nav}
    urls = {u if u == "" or u.endswith("/") else f"{u}/" for u in urls}
    assert urls <= listed, f"nav pages missing from the build: {urls - listed}"


# -- every page --------------------------------------------------------------------------------------
def test_every_page_has_lang_h1_description_and_sources(pages: dict[str, Node]) -> None:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as fd:
        config = yaml_load(fd)
    problems = []
    for page, doc in pages.items():
        where = f"/{page}"
        html = doc.find("html")[0]
        if html.attrs.get("lang") != "nl":
            problems.append(f"{where}: html lang is {html.attrs.get('lang')!r}, not 'nl'")
        h1s = doc.find("h1")
        title = doc.find("title")[0].text().removesuffix(f" - {config['site_name']}")
        if len(h1s) != 1 or h1s[0].text() != title:
            problems.append(
                f"{where}: expected one <h1> with the page title {title!r}, found {[h.text() for h in h1s]}"
            )
        descriptions = [m.attrs.get("content", "") for m in doc.find("meta") if m.attrs.get("name") == "description"]
        if len(descriptions) != 1 or not descriptions[0].strip():
            problems.append(f"{where}: no meta description")
        elif " ".join(descriptions[0].split()) == " ".join(config["site_description"].split()):
            problems.append(f"{where}: meta description is the site-wide fallback, not the page's own")
        asides = doc.find("aside", "halk-page-sources")
        if len(asides) != 1:
            problems.append(f"{where}: no 'Bronnen van deze pagina' aside")
            continue
        heading = asides[0].find("h2")
        links = [a.attrs.get("href", "") for li in asides[0].find("li") for a in li.find("a")]
        if not heading or heading[0].text() != "Bronnen van deze pagina":
            problems.append(f"{where}: the sources aside is not titled 'Bronnen van deze pagina'")
        targets = [urljoin(f"http://site/{page}", href) for href in links]
        if not links or not all(re.fullmatch(r"http://site/bronnen/#[\w-]+", t) for t in targets):
            problems.append(f"{where}: the sources aside lists no source linked to the sources page: {links}")
    assert not problems, "\n".join(problems)


def test_no_english_ui_strings(pages: dict[str, Node]) -> None:
    english, ours = _material_strings("en"), _our_strings()
    skip = {"language", "direction"}
    leftovers = {
        v for k, v in english.items() if k not in skip and not k.startswith("search.config") and ours.get(k) == v
    }
    # Strings Material's Dutch shares with English must be Dutch words too, listed here; else fix them.
    assert not leftovers - {"Tabs", "Metadata", "in"}, f"Dutch UI strings still equal to the English ones: {leftovers}"
    english_values = {
        v for k, v in english.items() if k not in skip and not k.startswith("search.config") and ours.get(k) != v
    }
    assert "Header" in english_values and "Footer" in english_values, "Material's en.html could not be read"
    problems = []
    for page, doc in pages.items():
        shown = _ui_text(doc)
        config = json.loads(next(s for s in doc.find("script") if s.attrs.get("id") == "__config").text())
        shown += list(config["translations"].values())
        for text in shown:
            if text in english_values or any(fragment in text for fragment in ENGLISH_FRAGMENTS):
                problems.append(f"/{page}: English UI string {text!r}")
        for title in doc.find(cls="admonition-title") + doc.find("summary"):
            if title.text() in ADMONITION_DEFAULTS:
                problems.append(f"/{page}: admonition or details block with the default English title {title.text()!r}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_no_resource_from_another_host(site_dir: Path, pages: dict[str, Node]) -> None:
    external = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
    problems = []
    for page, doc in pages.items():
        for el in doc.elements():
            attrs = LOADING_ATTRS.get(el.tag, ())
            if el.tag == "link" and LOADING_RELS & set(el.attrs.get("rel", "").split()):
                attrs = ("href",)
            problems += [
                f"/{page}: <{el.tag} {a}={el.attrs[a]!r}>" for a in attrs if external.match(el.attrs.get(a, ""))
            ]
            if re.search(r"url\(\s*['\"]?(?:https?:)?//", el.attrs.get("style", "")):
                problems.append(f"/{page}: <{el.tag} style> loads from another host")
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            problems.append(f"{css.relative_to(site_dir)}: url({url})")
    assert not problems, "\n".join(problems)


def _site_link_problems(site_dir: Path, pages: dict[str, Node], made_later: set[str]) -> list[str]:
    """Every href and src of every page that names a file of the site which is not there.

    ``made_later``: site paths that ``make build`` adds after MkDocs (the offline zip).
    """
    problems = []
    for page, doc in pages.items():
        base = f"http://site/{page}"
        for el in doc.elements():
            for attr in ("href", "src"):
                value = el.attrs.get(attr)
                if value is None or value.startswith("#") or re.match(r"[a-z][a-z0-9+.-]*:|//", value, re.I):
                    continue
                target = urlsplit(urljoin(base, value))
                if target.netloc != "site":
                    problems.append(f"/{page}: <{el.tag} {attr}={value!r}> leaves the site")
                    continue
                path = unquote(target.path).removeprefix("/")
                file = site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path
                if not file.is_file() and path not in made_later:
                    problems.append(f"/{page}: <{el.tag} {attr}={value!r}> -> /{path} is not in the site")
    return problems


def test_every_link_within_the_site_finds_its_file(site_dir: Path, pages: dict[str, Node]) -> None:
    """The footer's offline-copy link pointed below the page on every page but the home page."""
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        offline_zip = "downloads/" + yaml_load(fd)["extra"]["offline_zip"]
    problems = _site_link_problems(site_dir, pages, {offline_zip})
    checked = sum(1 for doc in pages.values() for el in doc.elements() if "href" in el.attrs or "src" in el.attrs)
    assert checked > 1000, f"only {checked} links: the test checks next to nothing"
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} in all)"
    # The check itself: a link one folder too deep is found.
    page = next(page for page in pages if page.count("/") == 2)
    wrong = Node("a", {"href": "downloads/../../" + offline_zip.removeprefix("downloads/")})
    assert _site_link_problems(site_dir, {page: Node("html", {}, [wrong])}, {offline_zip}), page


def test_no_unrendered_template_is_published(site_dir: Path) -> None:
    """D29: an engine template (``{{ meta.id }}``) was copied into the site as a file of its own."""
    template = re.compile(r"\{\{\s*[\w.]+[^}]*\}\}|\{%-?\s*(?:if|for|set|macro|include|extends)\b")
    ours = [p for p in site_dir.rglob("*") if p.is_file() and "assets/javascripts" not in p.as_posix()]
    leaks = [
        p.relative_to(site_dir).as_posix()
        for p in ours
        if p.suffix in {".html", ".xml", ".json", ".js", ".css", ".txt"}
        and template.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert len(ours) > 40
    assert not leaks, leaks


# -- abbreviations -----------------------------------------------------------------------------------
def test_first_abbreviation_of_each_kind_per_page_takes_focus(pages: dict[str, Node]) -> None:
    """One tab stop per abbreviation: the first outside controls and closed details, else the first in one."""
    controls = {"a", "button", "summary", "label"}
    problems, seen_any, in_answers = [], False, 0
    for page, doc in pages.items():
        article = doc.find("article")[0]
        found: dict[str, list[tuple[Node, bool]]] = {}  # text -> (abbr, in a closed details) outside controls
        for abbr in article.find("abbr"):
            seen_any = True
            if not abbr.attrs.get("title"):
                problems.append(f"/{page}: <abbr>{abbr.text()}</abbr> has no expansion")
            if any(a.tag in controls for a in abbr.ancestors()):
                if "tabindex" in abbr.attrs:
                    problems.append(f"/{page}: {abbr.text()} inside a control is focusable")
                continue
            closed = any(a.tag == "details" and "open" not in a.attrs for a in abbr.ancestors())
            found.setdefault(abbr.text(), []).append((abbr, closed))
        for text, occurrences in found.items():
            chosen = next((a for a, closed in occurrences if not closed), None)
            if chosen is None:
                chosen, in_answers = occurrences[0][0], in_answers + 1
            for abbr, _ in occurrences:
                if (abbr is chosen) != (abbr.attrs.get("tabindex") == "0"):
                    problems.append(
                        f"/{page}: {text}: {'the chosen one is not' if abbr is chosen else 'another is'} focusable"
                    )
    assert seen_any, "no page uses an abbreviation from the glossary; the test checks nothing"
    assert in_answers, "no abbreviation only under a closed answer: that case is not checked"
    assert not problems, "\n".join(problems)


def test_focusable_abbreviations_marks_only_the_first_outside_links() -> None:
    alk = '<abbr title="Aanhoudende lichamelijke klachten">ALK</abbr>'
    ggz = '<abbr title="Geestelijke gezondheidszorg">GGZ</abbr>'
    html = f'<p><a href="x/">{alk}</a> {alk} {ggz} {alk}</p><details><summary>{ggz}</summary></details>'
    out = focusable_abbreviations(html)
    focus = 'tabindex="0">'
    assert out.count(focus) == 2
    assert out == (
        f'<p><a href="x/">{alk}</a> {alk.replace(">ALK", " " + focus + "ALK")} '
        f"{ggz.replace('>GGZ', ' ' + focus + 'GGZ')} {alk}</p><details><summary>{ggz}</summary></details>"
    )
    assert focusable_abbreviations(out) == out, "running twice adds nothing"
    # Controls before, around and after: only the one holding an abbreviation counts.
    later = f"<label>x</label><button>y</button><p>{alk}</p><label>z {ggz}</label><p>{ggz}</p><a href='/'>{alk}</a>"
    assert focusable_abbreviations(later) == (
        f"<label>x</label><button>y</button><p>{alk.replace('>ALK', ' ' + focus + 'ALK')}</p>"
        f"<label>z {ggz}</label><p>{ggz.replace('>GGZ', ' ' + focus + 'GGZ')}</p><a href='/'>{alk}</a>"
    )
    # A quiz's closed "Toon antwoord" (a details) before the question that uses the abbreviation
    # too: the tab stop goes to the one a learner can reach; in an open details it may stay.
    answer = f'<details class="qk-quiz-item__answer"><summary>Toon</summary><ul><li>{ggz}</li></ul></details>'
    assert (
        focusable_abbreviations(f"{answer}<p>{ggz}</p>") == f"{answer}<p>{ggz.replace('>GGZ', ' ' + focus + 'GGZ')}</p>"
    )
    opened = f"<details open><summary>Meer</summary><p>{ggz}</p></details>"
    assert focusable_abbreviations(opened) == opened.replace(">GGZ", " " + focus + "GGZ")
    # A class that merely contains "open" does not open it.
    closed = f'<details class="qk-open"><summary>Meer</summary><p>{ggz}</p></details><p>{ggz}</p>'
    assert focusable_abbreviations(closed).count(focus) == 1 and focusable_abbreviations(closed).endswith(
        ggz.replace(">GGZ", " " + focus + "GGZ") + "</p>"
    )
    # An abbreviation only in a closed details still gets its tab stop there (it shows when opened).
    only = f"<details><summary>Meer</summary><p>{ggz}</p></details><p>{alk}</p>"
    assert focusable_abbreviations(only) == only.replace(">GGZ", " " + focus + "GGZ").replace(
        ">ALK", " " + focus + "ALK"
    )
