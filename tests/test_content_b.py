"""Content-B pages on the built site, checked against the YAML they are made from.

Every expectation is read from the data files (glossary, bibliography, fact lists, tables), so
a row, term or reference that goes missing between YAML and HTML fails a test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    ROOT,
    assert_clean_failure,
    build,
    contrast_ratio,
    copy_project,
    format_violations,
    run_axe,
    source_text,
)
from site_pages import Node, parse

from macros.charts import build_bar_chart, parse_figure
from macros.content import load_bibliography, load_glossary
from macros.facts import load_fact_lists
from macros.tables import Table, load_tables
from quizkit.errors import ContentError

DATA = ROOT / "docs" / "_data"

BIB = load_bibliography(DATA, ROOT)
GLOSSARY = load_glossary(DATA, ROOT, BIB)
LISTS = load_fact_lists(DATA / "lijsten", ROOT, BIB)
TABLES = load_tables(DATA / "tabellen", ROOT, BIB)

# Which page renders which of our fact lists and table files.
LIST_PAGES = {
    "modi": "mentaliseren",
    "signaleren": "verwijzen",
    "psychische-componenten": "verwijzen",
    "doorverwijzen": "verwijzen",
    "verwijsstappen": "verwijzen",
    "misverstanden": "misverstanden",
}
TABLE_PAGES = {"onderzoek": "onderzoek-huisartsen", "ernstige-alk": "ernstige-alk"}
OUR_PAGES = [
    "mentaliseren",
    "verwijzen",
    "misverstanden",
    "onderzoek-huisartsen",
    "ernstige-alk",
    "woordenlijst",
    "bronnen",
]


# -- the built pages (parsed with tests/site_pages.py) ---------------------------------------------
def page(site_dir: Path, name: str) -> Node:
    return parse((site_dir / name / "index.html").read_text(encoding="utf-8"))


def content(doc: Node) -> Node:
    """The article body (Material's ``.md-content__inner``), without navigation or footer."""
    inner = next(n for n in doc.find("article") if "md-content__inner" in n.classes)
    return inner


def plain(markdown_text: str) -> str:
    """The visible text of a short inline Markdown string (emphasis and links stripped)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def cell_text(cell: str | list[str]) -> str:
    return plain(cell) if isinstance(cell, str) else " ".join(plain(c) for c in cell)


# -- glossary ----------------------------------------------------------------------------------------
def test_every_glossary_term_is_an_abbr_on_the_glossary_page(site_dir: Path) -> None:
    body = content(page(site_dir, "woordenlijst"))
    dts = body.find("dt")
    assert len(dts) == len(GLOSSARY.terms)
    marked = {}
    for dt in dts:
        abbrs = dt.find("abbr")
        assert len(abbrs) == 1, f"term without <abbr>: {dt.text()}"
        marked[abbrs[0].text()] = abbrs[0].attrs.get("title")
    for term in GLOSSARY.terms:
        assert marked.get(term.abbr) == term.expansion, term.abbr


def test_glossary_page_is_alphabetical_and_shows_explanations(site_dir: Path) -> None:
    body = content(page(site_dir, "woordenlijst"))
    shown = [dt.text() for dt in body.find("dt")]
    assert shown == sorted(shown, key=str.lower)
    text = body.text()
    for term in GLOSSARY.terms:
        if term.explanation:
            assert plain(term.explanation) in text, term.abbr


@pytest.mark.parametrize("term", GLOSSARY.terms, ids=lambda t: t.abbr)
def test_glossary_term_occurs_in_its_source(term) -> None:
    doc = BIB.doc(term.source.doc)
    text = source_text(doc.file)
    assert re.search(rf"\b{re.escape(term.abbr)}\b", text), f"{term.abbr} not found in {doc.file}"


def test_abbreviations_on_pages_use_the_glossary_expansion(site_dir: Path) -> None:
    expansions = GLOSSARY.as_abbr_glossary()
    checked = 0
    for name in OUR_PAGES:
        for abbr in content(page(site_dir, name)).find("abbr"):
            assert abbr.attrs.get("title") == expansions.get(abbr.text()), f"{name}: {abbr.text()}"
            checked += 1
    assert checked, "no abbreviation found on our pages: the test checks nothing"


# -- fact lists ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("list_id", sorted(LIST_PAGES))
def test_fact_list_renders_every_item_with_its_quote(site_dir: Path, list_id: str) -> None:
    facts = LISTS[list_id]
    block = page(site_dir, LIST_PAGES[list_id]).by_id(f"lijst-{list_id}")
    assert block is not None, f"#lijst-{list_id} missing on {LIST_PAGES[list_id]}"
    lists = [n for n in block.elements() if n.tag in ("ol", "ul") and "halk-facts__list" in n.classes]
    assert len(lists) == 1
    assert lists[0].tag == ("ol" if facts.ordered else "ul")
    items = lists[0].kids("li")
    assert [li.attrs.get("id") for li in items] == [f"{list_id}-{item.id}" for item in facts.items]
    for li, item in zip(items, facts.items, strict=True):
        text = li.text()
        assert plain(item.title) in text
        if item.tagline:
            assert plain(item.tagline) in text
        for point in item.points:
            assert plain(point) in text
        if item.example:
            quotes = [q for q in li.find("blockquote")]
            assert len(quotes) == 1
            assert f"“{plain(item.example)}”" in quotes[0].text()


def test_our_lists_are_all_rendered_somewhere() -> None:
    ours = {"modi", "verwijsstappen", "misverstanden", "signaleren", "psychische-componenten", "doorverwijzen"}
    assert ours <= set(LISTS)
    assert ours == set(LIST_PAGES)
    for list_id, name in LIST_PAGES.items():  # and each page really calls it
        source = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
        assert re.search(rf"fact_list\(\s*['\"]{list_id}['\"]", source), f"{name}.md does not render {list_id}"


def test_referral_steps_are_five_in_order_and_the_modes_three() -> None:
    # The slide's structure, which quizzes and pocket cards rely on.
    assert LISTS["verwijsstappen"].ordered
    assert len(LISTS["verwijsstappen"].items) == 5
    assert len(LISTS["modi"].items) == 3
    assert len(LISTS["misverstanden"].items) == 4


@pytest.mark.parametrize("list_id", ["modi", "verwijsstappen"])
def test_example_quotes_are_verbatim_from_the_source(list_id: str) -> None:
    facts = LISTS[list_id]
    doc = BIB.doc(facts.source.doc)
    source = re.sub(r"\s+", " ", source_text(doc.file))
    for item in facts.items:
        assert item.example and re.sub(r"\s+", " ", item.example) in source, item.id


# -- tables and charts -----------------------------------------------------------------------------
def _rendered_tables(site_dir: Path, name: str) -> dict[str, Node]:
    body = content(page(site_dir, TABLE_PAGES[name]))
    out = {}
    for fig in body.find("figure"):
        fig_id = fig.attrs.get("id", "")
        for prefix in ("tabel-", "grafiek-"):
            if fig_id.startswith(prefix):
                out[fig_id.removeprefix(prefix)] = fig
    return out


@pytest.mark.parametrize("name", sorted(TABLE_PAGES))
def test_every_table_renders_every_row_and_cell(site_dir: Path, name: str) -> None:
    rendered = _rendered_tables(site_dir, name)
    assert set(rendered) == set(TABLES[name]), "every table of the file appears once on its page"
    for table_id, table in TABLES[name].items():
        fig = rendered[table_id]
        assert fig.find("caption")[0].text() == plain(table.caption)
        assert [th.text() for th in fig.find("thead")[0].find("th")] == [plain(c) for c in table.columns]
        rows = fig.find("tbody")[0].kids("tr")
        assert len(rows) == len(table.rows), table_id
        for tr, row in zip(rows, table.rows, strict=True):
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("th", "td")]
            assert [c.text() for c in cells] == [cell_text(v) for v in row], table_id
        assert BIB.doc(table.source.doc).short in fig.find("figcaption")[0].text()


def test_survey_page_has_charts(site_dir: Path) -> None:
    charts = [f for f in content(page(site_dir, "onderzoek-huisartsen")).find("figure") if "halk-chart" in f.classes]
    assert len(charts) >= 3


@pytest.mark.parametrize("name", sorted(TABLE_PAGES))
def test_chart_has_one_bar_per_row_with_the_yaml_value(site_dir: Path, name: str) -> None:
    charts = {t: fig for t, fig in _rendered_tables(site_dir, name).items() if "halk-chart" in fig.classes}
    if "bar_chart(" in (ROOT / "docs" / f"{TABLE_PAGES[name]}.md").read_text(encoding="utf-8"):
        assert charts, f"{TABLE_PAGES[name]}.md calls bar_chart but no chart was found"
    for table_id, fig in charts.items():
        table = TABLES[name][table_id]
        heads = fig.find("thead")[0].find("th")
        value_column = next(i for i, th in enumerate(heads) if "halk-chart__value-head" in th.classes)
        bars = fig.find("rect", "halk-chart__bar")
        assert len(bars) == len(table.rows), table_id
        values = [parse_figure(row[value_column]) for row in table.rows]
        widths = [float(re.fullmatch(r"([\d.]+)%", bar.attrs["width"]).group(1)) for bar in bars]
        assert [float(bar.attrs["data-value"]) for bar in bars] == values
        # Proportional: every bar's width divided by its value is the same (one scale per chart).
        ratios = {round(w / v, 4) for w, v in zip(widths, values, strict=True) if v}
        assert len(ratios) == 1, f"{table_id}: bars are not on one scale: {widths} for {values}"
        assert max(widths) <= 100
        for bar in bars:
            track = bar.parent
            assert track is not None and track.attrs.get("aria-hidden") == "true"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("71%", 71.0),
        ("12,8%", 12.8),
        ("0.7", 0.7),
        ("592", 592.0),
        (" 49 % ", 49.0),
        ("15–54%", None),
        ("n = 46", None),
        ("", None),
    ],
)
def test_parse_figure(text: str, value: float | None) -> None:
    assert parse_figure(text) == value


def _table(rows: list[list[str]]) -> Table:
    return Table.model_validate(
        {"id": "t", "caption": "c", "source": {"doc": "rovers-2025", "where": "w"}, "columns": ["a", "b"], "rows": rows}
    )


def test_bar_chart_scale_and_errors() -> None:
    chart = build_bar_chart(_table([["x", "50%"], ["y", "25%"]]), 1)
    assert [b.width for b in chart.bars] == [100.0, 50.0]
    chart = build_bar_chart(_table([["x", "50%"], ["y", "25%"]]), 1, max_value=100)
    assert [b.width for b in chart.bars] == [50.0, 25.0]
    with pytest.raises(ContentError, match=r"rij 2, kolom 'b' is geen getal: 'veel'"):
        build_bar_chart(_table([["x", "50%"], ["y", "veel"]]), 1)
    with pytest.raises(ContentError, match="value_column 2 bestaat niet"):
        build_bar_chart(_table([["x", "50%"]]), 2)
    with pytest.raises(ContentError, match="groter dan max_value"):
        build_bar_chart(_table([["x", "150%"]]), 1, max_value=100)


# -- bibliography ------------------------------------------------------------------------------------
def test_bibliography_lists_every_document_and_reference_with_anchor(site_dir: Path) -> None:
    body = content(page(site_dir, "bronnen"))
    for doc in BIB.documents:
        heading = body.by_id(doc.id)
        assert heading is not None and heading.tag == "h2", doc.id
        assert plain(doc.title) in heading.text()
    for ref in BIB.literature:
        entry = body.by_id(ref.id)
        assert entry is not None, ref.id
        assert plain(ref.text) in entry.text()
        if ref.url:
            assert ref.url in [a.attrs.get("href") for a in entry.find("a")]


def test_each_reference_is_listed_under_every_document_that_cites_it(site_dir: Path) -> None:
    body = content(page(site_dir, "bronnen"))
    sections: dict[str, str] = {}
    current = None
    for node in body.elements():
        if node.tag == "h2" and node.attrs.get("id") in {d.id for d in BIB.documents}:
            current = node.attrs["id"]
        elif node.tag == "li" and current:
            sections[current] = sections.get(current, "") + " " + node.text()
    for ref in BIB.literature:
        for doc in ref.cited_in:
            assert plain(ref.text) in sections.get(doc, ""), f"{ref.id} missing under {doc}"


def test_citation_links_point_at_existing_anchors(site_dir: Path) -> None:
    anchors = {n.attrs["id"] for n in page(site_dir, "bronnen").elements() if "id" in n.attrs}
    checked = 0
    for name in OUR_PAGES:
        for a in page(site_dir, name).find("a"):
            href = a.attrs.get("href", "")
            match = re.fullmatch(r"(?:\.\./)*(?:bronnen/|\./)?#([\w-]+)", href)
            if match and ("bronnen/" in href or name == "bronnen"):
                assert match.group(1) in anchors, f"{name}: {href}"
                checked += 1
    assert checked >= len(OUR_PAGES), "every page links to the sources page at least once"


# -- bad data stops the build -------------------------------------------------------------------------
def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.rstrip() == needle:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _insert_after(path: Path, needle: str, new_line: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = _line_of(path, needle)
    lines.insert(number, new_line + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def _first_item(rel: str) -> tuple[str, str]:
    """The first item's ``- id:`` line of a fact list or table file and its id."""
    for line in (ROOT / rel).read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"  - id: ([\w-]+)", line)
        if match:
            return line, match.group(1)
    raise AssertionError(rel)


@pytest.mark.parametrize(
    "rel",
    [
        "docs/_data/lijsten/modi.yml",
        "docs/_data/lijsten/verwijsstappen.yml",
        "docs/_data/lijsten/misverstanden.yml",
        "docs/_data/tabellen/onderzoek.yml",
        "docs/_data/tabellen/ernstige-alk.yml",
    ],
)
def test_unknown_field_in_our_data_fails_the_build_with_file_line_and_id(tmp_path: Path, rel: str) -> None:
    project = copy_project(tmp_path / "project")
    item_line, item_id = _first_item(rel)
    line = _insert_after(project / rel, item_line, "    kleur: rood")
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{rel}:{line}: [item {item_id}]" in output, output[-2000:]
    assert "kleur: onbekend veld" in output
    assert_clean_failure(output)
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize(
    "rel", ["docs/_data/woordenlijst.yml", "docs/_data/bronnen.yml", "docs/_data/lijsten/modi.yml"]
)
def test_malformed_yaml_in_our_files_fails_the_build_with_line(tmp_path: Path, rel: str) -> None:
    project = copy_project(tmp_path / "project")
    path = project / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # An unclosed flow sequence halfway down the file.
    broken = len(lines) // 2
    lines.insert(broken, "  kapot: [niet gesloten\n")
    path.write_text("".join(lines), encoding="utf-8")
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    match = re.search(rf"{re.escape(rel)}:(\d+): ongeldige YAML", output)
    assert match, output[-2000:]
    assert broken + 1 <= int(match.group(1)) <= broken + 3
    assert_clean_failure(output)
    assert not (tmp_path / "out" / "index.html").exists()


def test_glossary_term_with_unknown_field_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rel = "docs/_data/woordenlijst.yml"
    line = _insert_after(project / rel, "  - abbr: DSM-5", "    kleur: rood")
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"{rel}:{line}: [item DSM-5] terms[" in result.stdout + result.stderr


def test_bar_chart_on_a_text_column_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page_md = project / "docs" / "onderzoek-huisartsen.md"
    text = page_md.read_text(encoding="utf-8")
    page_md.write_text(text + '\n{{ bar_chart("onderzoek", "huisartsen", value_column=1) }}\n', encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/onderzoek-huisartsen.md:{line}: bar_chart('huisartsen'): rij 1, kolom 'Uitkomst' is geen getal" in output
    ), output[-2000:]
    assert_clean_failure(output)


# -- in the browser: bar contrast in both colour schemes, and axe -----------------------------------
# Each match's fill and the first opaque background behind its table cell, as CSS colours.
_FILL_AND_BACKGROUND_JS = """(sel) => {
  const background = (el) => {
    for (let n = el; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      const alpha = c.match(/[\\d.]+/g)[3];
      if (alpha === undefined || Number(alpha) > 0) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  return [...document.querySelectorAll(sel)].map((bar) => [getComputedStyle(bar).fill, background(bar.closest('td'))]);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_bars_have_enough_contrast(browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(base_url + "onderzoek-huisartsen/")
        expected = "slate" if scheme == "dark" else "default"
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        ratios = [contrast_ratio(*pair) for pair in tab.evaluate(_FILL_AND_BACKGROUND_JS, ".halk-chart__bar")]
        assert ratios, "no bars found"
        assert min(ratios) >= 3, f"bar contrast {min(ratios):.2f}:1 in {scheme} scheme"
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", OUR_PAGES)
def test_our_pages_pass_axe(page, base_url: str, name: str) -> None:
    page.goto(base_url + name + "/")
    violations = run_axe(page)
    assert not violations, format_violations(violations)
