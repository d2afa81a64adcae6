"""``make check``: check all content without a full build and print every problem.

Runs every data file through its model, every page's front matter through its checks,
and every relative Markdown link to a page (and, where the target has no macros, its
anchor). Unlike the build, it does not stop at the first problem. Exit code 1 on any.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify
from pathspec.gitignore import GitIgnoreSpec
from pydantic import BaseModel

from quizkit.base import SourceRef
from quizkit.errors import ContentError
from quizkit.validate import validation_problems
from quizkit.yamlload import load_yaml

from .content import Bibliography, Glossary, check_source
from .facts import FactList
from .pages import check_page_meta
from .tables import TableFile

_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*$")
_EXPLICIT_ID = re.compile(r"""(?:\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=["']([\w-]+)["'])""")

Checker = Callable[[Path], Iterator[ContentError]]


def _data_file(root: Path, path: Path, model: type[BaseModel], bib: Bibliography | None) -> Iterator[ContentError]:
    try:
        loaded = load_yaml(path, root)
    except ContentError as exc:
        yield exc
        return
    problems = validation_problems(model, loaded)
    yield from problems
    if problems or bib is None:
        return
    data = model.model_validate(loaded.data)
    # Source references anywhere in the file must name a known document.
    for loc, ref in _source_refs(data):
        assert isinstance(ref, SourceRef)
        try:
            check_source(ref, bib, loaded.path, loaded.line_of(loc), None)
        except ContentError as exc:
            yield exc


def _source_refs(model: object, loc: tuple = ()) -> Iterator[tuple[tuple, object]]:
    if isinstance(model, SourceRef):
        yield loc, model
    elif isinstance(model, list):
        for i, child in enumerate(model):
            yield from _source_refs(child, (*loc, i))
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            yield from _source_refs(getattr(model, name), (*loc, name))


def check_data(root: Path) -> Iterator[ContentError]:
    """Every shared data file under ``docs/_data`` (bibliography, glossary, tables, lists)."""
    data = root / "docs" / "_data"
    yield from _data_file(root, data / "bronnen.yml", Bibliography, None)
    bib = _bibliography_or_none(root)
    yield from _data_file(root, data / "woordenlijst.yml", Glossary, bib)
    for path in sorted((data / "tabellen").glob("*.yml")):
        yield from _data_file(root, path, TableFile, bib)
    for path in sorted((data / "lijsten").glob("*.yml")):
        yield from _data_file(root, path, FactList, bib)


def _bibliography_or_none(root: Path) -> Bibliography | None:
    try:
        return Bibliography.model_validate(load_yaml(root / "docs" / "_data" / "bronnen.yml", root).data)
    except Exception:
        return None


def _pages(root: Path) -> list[Path]:
    docs = root / "docs"
    return sorted(p for p in docs.rglob("*.md") if "_data" not in p.relative_to(docs).parts)


def check_pages(root: Path) -> Iterator[ContentError]:
    """Front matter of every page, pages missing from the navigation, and links between pages."""
    bib = _bibliography_or_none(root)
    docs = root / "docs"
    pages = _pages(root)
    nav_files = _nav_files(root)
    not_in_nav = _not_in_nav(root)
    anchors = {p: _anchors(p) for p in pages}
    for page in pages:
        shown = str(page.relative_to(root))
        text = page.read_text(encoding="utf-8")
        if bib is not None:
            try:
                check_page_meta(text, shown, bib)
            except ContentError as exc:
                yield exc
        rel = page.relative_to(docs).as_posix()
        if nav_files is not None and rel not in nav_files and not not_in_nav.match_file(rel):
            yield ContentError(shown, None, "pagina staat niet in de navigatie (nav in mkdocs.yml)")
        for lineno, line in enumerate(text.splitlines(), start=1):
            for match in _LINK.finditer(line):
                problem = _check_link(page, match.group(1), anchors)
                if problem:
                    yield ContentError(shown, lineno, problem)
    if nav_files is not None:
        for rel in sorted(nav_files - {p.relative_to(docs).as_posix() for p in pages}):
            yield ContentError("mkdocs.yml", None, f"navigatie noemt '{rel}', maar dat bestand bestaat niet")


def _check_link(page: Path, target: str, anchors: dict[Path, set[str] | None]) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
        return None  # external (mailto:, https:) or absolute: the build's validation handles those
    path_part, _, anchor = target.partition("#")
    dest = page if not path_part else (page.parent / path_part).resolve()
    if path_part and not path_part.endswith(".md"):
        return None  # assets
    if path_part and dest not in anchors:
        return f"link naar '{path_part}': die pagina bestaat niet"
    known = anchors.get(dest)
    if anchor and known is not None and anchor not in known:
        return f"link naar '{target}': anker '#{anchor}' bestaat niet op die pagina"
    return None


def _anchors(page: Path) -> set[str] | None:
    """Heading and explicit ids of a page; ``None`` when macros may add more (not checkable here)."""
    text = page.read_text(encoding="utf-8")
    if "{{" in text or "{%" in text:
        return None
    ids: set[str] = set()
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            ids.add(heading.group(3) or slugify(heading.group(2), "-"))
        for match in _EXPLICIT_ID.finditer(line):
            ids.add(match.group(1) or match.group(2))
    return ids


def _config(root: Path) -> dict:
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _not_in_nav(root: Path) -> GitIgnoreSpec:
    """Pages that may stay out of the navigation (``not_in_nav``, gitignore patterns as in MkDocs)."""
    return GitIgnoreSpec.from_lines((_config(root).get("not_in_nav") or "").splitlines())


def _nav_files(root: Path) -> set[str] | None:
    nav = _config(root).get("nav")
    if nav is None:
        return None
    found: set[str] = set()

    def walk(entry: object) -> None:
        if isinstance(entry, str):
            if not re.match(r"^[a-z]+:", entry):
                found.add(entry)
        elif isinstance(entry, list):
            for child in entry:
                walk(child)
        elif isinstance(entry, dict):
            for child in entry.values():
                walk(child)

    walk(nav)
    return found


def check_quiz_banks(root: Path) -> Iterator[ContentError]:
    """Every question bank with every problem, and item ids unique across all of them."""
    from quizkit.bank import load_quiz_banks
    from quizkit.errors import ContentErrorList

    from .content import BibliographyCitations

    bib = _bibliography_or_none(root)
    if bib is None:
        return
    try:
        load_quiz_banks(root / "docs" / "_data" / "quiz", root, BibliographyCitations(bib))
    except ContentErrorList as exc:
        yield from exc.errors
    except ContentError as exc:
        yield exc


CHECKERS: list[Checker] = [check_data, check_quiz_banks, check_pages]


def run(root: Path) -> list[ContentError]:
    """All problems found by all checkers, in order."""
    return [problem for checker in CHECKERS for problem in checker(root)]


# Above these shares a module's cues are flagged (a warning for the editor, not a failure).
CUE_LIMITS = {"right_longest": 0.35, "absolute_false": 0.70}


def cue_warnings(root: Path) -> list[str]:
    """Per module: how often the right option is the longest and absolute words mark a wrong one.

    Lines for the editor: the figures per module, a warning for each module over
    :data:`CUE_LIMITS`, and the items where the cue is strongest. Empty when a bank has errors.
    """
    from quizkit.bank import load_quiz_banks
    from quizkit.cues import measure_cues

    from .content import citations

    try:
        banks = load_quiz_banks(root / "docs" / "_data" / "quiz", root, citations(root))
    except ContentError:
        return []
    report = measure_cues(banks.modules.values())
    lines = ["Raadbare vragen (signalen, geen fouten):"]
    for count in [*report.modules, report.total]:
        flags = []
        if count.lists and count.right_longest_share > CUE_LIMITS["right_longest"]:
            flags.append(f"juiste optie vaak de langste (meer dan {CUE_LIMITS['right_longest']:.0%})")
        if count.absolute and count.absolute_false_share > CUE_LIMITS["absolute_false"]:
            flags.append(
                f"woorden als 'altijd' of 'nooit' vaak in onjuiste opties (meer dan {CUE_LIMITS['absolute_false']:.0%})"
            )
        lines.append(
            f"  {count.module}: juiste optie de langste in {count.right_longest} van {count.lists} lijsten "
            f"({count.right_longest_share:.0%}); absolute woorden onjuist in {count.absolute_false} van "
            f"{count.absolute} ({count.absolute_false_share:.0%})"
            + (f"  WAARSCHUWING: {'; '.join(flags)}" if flags else "")
        )
    worst = [choice for choice in report.worst(5) if choice.right_is_longest]
    if worst:
        lines.append(
            "  Vragen waar de juiste optie het duidelijkst de langste is: " + ", ".join(c.where for c in worst)
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print every problem (``file:line: [item] message``) and return 1 if there is any."""
    root = Path(argv[0] if argv else ".").resolve()
    problems = run(root)
    for line in cue_warnings(root):
        print(line)
    for problem in problems:
        print(problem.text, file=sys.stderr)
    if problems:
        print(f"{len(problems)} probleem/problemen gevonden.", file=sys.stderr)
        return 1
    print("Inhoud in orde: geen problemen gevonden.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
