"""Content-A pages on the built site: every YAML cell and list item rendered in its place.

The expectations come from the data files themselves (and, for counts, from the source
texts), so a change in the YAML is checked without editing this file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
import yaml
from helpers import ROOT, build, copy_project, source_text
from site_pages import Node, parse

DATA = ROOT / "docs" / "_data"

PAGES = ["index", "alk", "hardnekkige-alk", "profielschets", "verklaringsmodel", "handreiking", "casus", "over"]

# (page, table file, table id): every table the content-A pages show.
TABLES = [
    ("alk", "alk", "duur"),
    ("alk", "alk", "dsm5"),
    ("verklaringsmodel", "verklaringsmodel", "factoren"),
    ("handreiking", "handreiking", "ambit-raster"),
    ("casus", "casus", "casus-profiel"),
]

# (page, list id): every fact list the content-A pages show.
LISTS = [
    ("index", "criteria"),
    ("hardnekkige-alk", "criteria"),
    ("alk", "alk-behandelingen"),
    ("profielschets", "profiel"),
    ("handreiking", "handreiking-kernboodschappen"),
    ("handreiking", "handreiking-uitgangspunten"),
    ("handreiking", "handreiking-stappen"),
    ("handreiking", "handreiking-stap-achteruit"),
    ("handreiking", "handreiking-nader-onderzoek"),
    ("handreiking", "handreiking-comorbiditeit"),
    ("handreiking", "handreiking-beleid"),
    ("handreiking", "samenvatting"),
]


def norm(text: str) -> str:
    """Collapse whitespace."""
    return re.sub(r"\s+", " ", text).strip()


def md_text(source: str) -> str:
    """The visible text of a Markdown snippet from a data file."""
    return parse(markdown.markdown(source)).text()


def load(path: Path) -> dict:
    """A data file as plain YAML."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def front_matter(page: str) -> dict:
    """The front matter of ``docs/<page>.md``."""
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def built(site_dir: Path, page: str) -> Node:
    """The built HTML of ``page`` (``index`` is the home page)."""
    path = site_dir / "index.html" if page == "index" else site_dir / page / "index.html"
    return parse(path.read_text(encoding="utf-8"))


def by_id(doc: Node, element_id: str) -> Node:
    """The one element with ``id``; fails the test if it is missing or duplicated."""
    found = doc.find(id=element_id)
    assert len(found) == 1, f"expected one element #{element_id}, found {len(found)}"
    return found[0]


# -- pages ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES)
def test_page_has_its_title_as_h1(site_dir: Path, page: str) -> None:
    doc = built(site_dir, page)
    h1s = doc.find("h1")
    assert len(h1s) == 1, f"{page}: {len(h1s)} h1 elements"
    assert h1s[0].text() == front_matter(page)["title"]


@pytest.mark.parametrize("page", PAGES)
def test_page_lists_its_sources(site_dir: Path, page: str) -> None:
    doc = built(site_dir, page)
    asides = doc.find("aside", class_="halk-page-sources")
    assert len(asides) == 1, f"{page}: no single sources aside"
    items = asides[0].find("li")
    sources = front_matter(page)["sources"]
    assert len(items) == len(sources)
    for item, ref in zip(items, sources, strict=True):
        assert norm(ref["where"]) in item.text()
        links = item.find("a")
        assert links and links[0].attrs["href"].endswith(f"bronnen/#{ref['doc']}")


def test_pages_do_not_contain_placeholder_text(site_dir: Path) -> None:
    for page in PAGES:
        text = built(site_dir, page).text()
        assert "wordt nog geschreven" not in text, page
        assert "Placeholder" not in text, page


# -- tables ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("page", "name", "table_id"), TABLES)
def test_table_renders_every_cell_in_place(site_dir: Path, page: str, name: str, table_id: str) -> None:
    spec = next(t for t in load(DATA / "tabellen" / f"{name}.yml")["tables"] if t["id"] == table_id)
    figure = by_id(built(site_dir, page), f"tabel-{table_id}")
    table = figure.find("table")[0]
    assert table.find("caption")[0].text() == md_text(spec["caption"])

    header = [th.text() for th in table.find("thead")[0].find("th")]
    assert header == [md_text(str(c)) for c in spec["columns"]]

    rows = table.find("tbody")[0].kids("tr")
    assert len(rows) == len(spec["rows"])
    for r, (tr, expected_row) in enumerate(zip(rows, spec["rows"], strict=True)):
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("th", "td")]
        assert len(cells) == len(spec["columns"]), f"row {r}"
        assert cells[0].tag == "th" and cells[0].attrs.get("scope") == "row", f"row {r}: no row heading"
        for c, (cell, expected) in enumerate(zip(cells, expected_row, strict=True)):
            where = f"{table_id} row {r} ({md_text(str(expected_row[0]))}), column {spec['columns'][c]}"
            if isinstance(expected, list):
                assert [li.text() for li in cell.find("li")] == [md_text(x) for x in expected], where
            else:
                assert cell.text() == md_text(str(expected)), where


def test_ambit_grid_has_seven_domains_three_levels_and_the_question_mark() -> None:
    """The grid keeps the slide's shape: 7 domains x 3 levels, and the patient's '?' left as is."""
    spec = next(t for t in load(DATA / "tabellen" / "handreiking.yml")["tables"] if t["id"] == "ambit-raster")
    domains = [c.lower() for c in spec["columns"][1:]]
    assert domains == ["patiënte", "ouders", "thuiszorg", "fact-team", "huisarts", "anesthesist", "neuroloog"]
    levels = [row[0].split(":")[0].lower() for row in spec["rows"]]
    assert levels == ["conceptueel", "pragmatisch", "systemisch"]
    assert spec["rows"][2][1] == "?"


def test_explanatory_model_is_three_by_three() -> None:
    spec = next(t for t in load(DATA / "tabellen" / "verklaringsmodel.yml")["tables"] if t["id"] == "factoren")
    assert [row[0] for row in spec["rows"]] == ["Kwetsbaarheid", "Uitlokkend", "Instandhoudend/beïnvloedend"]
    assert [c.split()[0] for c in spec["columns"][1:]] == ["Biologische", "Psychologische", "Sociale"]
    assert all(isinstance(cell, list) and cell for row in spec["rows"] for cell in row[1:])


# -- fact lists -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("page", "list_id"), LISTS)
def test_fact_list_renders_every_item_in_order(site_dir: Path, page: str, list_id: str) -> None:
    spec = load(DATA / "lijsten" / f"{list_id}.yml")
    box = by_id(built(site_dir, page), f"lijst-{list_id}")
    outer = box.kids("ol" if spec.get("ordered") else "ul")
    assert len(outer) == 1, f"{list_id}: expected one {'ol' if spec.get('ordered') else 'ul'}"
    items = outer[0].kids("li")
    assert [li.attrs.get("id") for li in items] == [f"{list_id}-{item['id']}" for item in spec["items"]]
    for li, item in zip(items, spec["items"], strict=True):
        text = li.text()
        name = li.find("p", class_="halk-facts__name")[0].find("strong")[0].text()
        assert name == md_text(item["title"]), item["id"]
        if item.get("text"):
            assert md_text(item["text"]) in text, item["id"]
        if item.get("points"):
            nested = li.kids("ul")
            assert nested, f"{item['id']}: points not rendered"
            assert [p.text() for p in nested[0].kids("li")] == [md_text(p) for p in item["points"]], item["id"]


def test_profile_page_states_the_number_of_features(site_dir: Path) -> None:
    count = len(load(DATA / "lijsten" / "profiel.yml")["items"])
    assert f"noemt {count} kenmerken" in built(site_dir, "profielschets").text()


def _profile_chapter() -> str:
    text = source_text("001_*.txt")
    # The chapter heading also appears in the table of contents: take the last occurrence.
    start = text.rindex("\n2. Profielschets")
    return text[start : text.index("\n3. ", start)]


def test_profile_has_one_item_per_feature_in_the_source() -> None:
    """profiel.yml has exactly as many features as chapter 2 of the profielschets has bullets."""
    bullets = [line for line in _profile_chapter().splitlines() if line.startswith("- ")]
    assert len(load(DATA / "lijsten" / "profiel.yml")["items"]) == len(bullets)


def test_criteria_match_the_numbered_criteria_in_the_source() -> None:
    text = source_text("001_*.txt")
    section = text[text.rindex("1.2 Patiënten met hardnekkige ALK") : text.rindex("1.3 Probleemstelling")]
    numbered = re.findall(r"^\d\. ", section, flags=re.M)
    assert len(load(DATA / "lijsten" / "criteria.yml")["items"]) == len(numbered)


# -- page specifics -------------------------------------------------------------------------------
def test_case_quotes_the_patient(site_dir: Path) -> None:
    quotes = [q.text() for q in built(site_dir, "casus").find("blockquote")]
    assert any("het zit tussen de oren zeggen ze" in q for q in quotes)


def test_about_page_links_the_feedback_address(site_dir: Path) -> None:
    links = built(site_dir, "over").find("a", href="mailto:info@nalk.info")
    assert links and links[0].text() == "info@nalk.info"


def test_home_links_to_the_learning_modules(site_dir: Path) -> None:
    hrefs = [a.attrs.get("href", "") for a in built(site_dir, "index").find("a")]
    assert any(h.rstrip("/").endswith("leermodules") or h.endswith("leermodules/index.html") for h in hrefs)


# -- bad data stops the build ---------------------------------------------------------------------
# (data file, its broken text, the expected error: exact text or a pattern)
Breakage = tuple[str, str, str | re.Pattern[str]]


def _drop_line(text: str, pattern: str, after: str) -> tuple[str, int]:
    """Remove the first line matching ``pattern`` after the line ``after``; return text and the line of ``after``."""
    lines = text.splitlines(keepends=True)
    anchor = next(i for i, line in enumerate(lines) if line.strip() == after)
    target = next(i for i in range(anchor + 1, len(lines)) if re.match(pattern, lines[i].strip()))
    del lines[target]
    return "".join(lines), anchor + 1


def _missing_title() -> Breakage:
    rel = "docs/_data/lijsten/profiel.yml"
    text, line = _drop_line((ROOT / rel).read_text(encoding="utf-8"), r"title:", "- id: iatrogene-schade")
    index = [i["id"] for i in load(ROOT / rel)["items"]].index("iatrogene-schade")
    return rel, text, f"{rel}:{line}: [item iatrogene-schade] items[{index}].title: verplicht veld ontbreekt"


def _short_row() -> Breakage:
    rel = "docs/_data/tabellen/verklaringsmodel.yml"
    original = (ROOT / rel).read_text(encoding="utf-8")
    text, _ = _drop_line(original, r"- \[bewegingsangst", "- - Instandhoudend/beïnvloedend")
    # The error points at the short row itself.
    row_line = next(i for i, line in enumerate(text.splitlines(), 1) if "- - Instandhoudend/beïnvloedend" in line)
    return (
        rel,
        text,
        f"{rel}:{row_line}: [item factoren] tables[0].rows[2]: rij 3 heeft 3 cellen, de kolomkoppen zijn er 4",
    )


def _broken_syntax() -> Breakage:
    rel = "docs/_data/tabellen/handreiking.yml"
    lines = (ROOT / rel).read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "- weer vrolijk zijn")
    lines[at] = lines[at].replace("- weer vrolijk zijn", '- "weer vrolijk zijn')
    return rel, "".join(lines), re.compile(re.escape(rel) + r":\d+: ongeldige YAML")


@pytest.mark.parametrize("breakage", [_missing_title, _short_row, _broken_syntax], ids=lambda f: f.__name__.strip("_"))
def test_malformed_content_a_data_fails_the_build(tmp_path: Path, breakage: Callable[[], Breakage]) -> None:
    rel, text, expected = breakage()
    project = copy_project(tmp_path / "project")
    (project / rel).write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    found = expected.search(output) if isinstance(expected, re.Pattern) else expected in output
    assert found, output[-2000:]
    assert not (tmp_path / "out" / "index.html").exists(), "a failed build must publish nothing"
