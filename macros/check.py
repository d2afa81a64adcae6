"""``make check``: every content problem at once, and exactly the strict build's verdict.

Two halves, run side by side:

- its own checks: every data file through its model, every question bank and every page's
  front matter, each with *all* its problems (the build stops at the first file with one);
- the real strict build (``mkdocs build --strict``) into a temporary folder that is always
  removed: it owns links, anchors, navigation, macro calls and templates, and publishes nothing;
  and, as ``make build`` makes the offline copy too, the offline config's check against
  ``mkdocs.yml`` and its strict build (``mkdocs.offline.yml``).

It prints what both found, each line once, and exits 1 if either found anything: it never says
"in orde" when the strict build would fail. Plus a report of guessable quiz items (warnings).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from quizkit.cues import cue_lines
from quizkit.errors import ContentError, ContentErrorList
from quizkit.source import read_text
from quizkit.validate import validation_problems
from quizkit.yamlload import load_yaml

from .build import strict_build_command
from .content import Bibliography, Glossary, load_bibliography, load_glossary
from .facts import FactList, load_fact_list
from .offline import OFFLINE_CONFIG, OfflineBuildError, UnreadableConfigError
from .offline import check_config as check_offline_config
from .pages import check_page_meta
from .tables import TableFile, load_table_file

if TYPE_CHECKING:
    from quizkit.bank import QuizBanks
    from quizkit.history import Published

# A line of MkDocs' log ("WARNING -  message"), and its closing line when strict mode stops.
_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(.*)$")
_ABORTED = re.compile(r"^Aborted with .*!$")

Checker = Callable[[Path], Iterator[ContentError]]


# The build's own loader of one data file (path, project root, bibliography): its checks beyond
# the file's model (sources that must exist, an id that must be the file name), with its texts.
# Without a bibliography (it has a problem of its own) a loader checks everything but sources.
FileLoader = Callable[[Path, Path, Bibliography | None], object]


def _data_file(
    root: Path, path: Path, model: type[BaseModel], bib: Bibliography | None, loader: FileLoader | None
) -> Iterator[ContentError]:
    """Every problem in one data file: all of its model's, and then the build's further checks."""
    try:
        loaded = load_yaml(path, root)
    except ContentError as exc:
        yield exc
        return
    problems = validation_problems(model, loaded)
    yield from problems
    if problems or loader is None:
        return
    try:
        loader(path, root, bib)
    except ContentErrorList as exc:
        yield from exc.errors
    except ContentError as exc:
        yield exc


def check_data(root: Path) -> Iterator[ContentError]:
    """Every shared data file under ``docs/_data`` (bibliography, glossary, tables, lists)."""
    data = root / "docs" / "_data"
    yield from _data_file(root, data / "bronnen.yml", Bibliography, None, None)
    bib = _bibliography_or_none(root)
    glossary = lambda path, root, bib: load_glossary(path.parent, root, bib)  # noqa: E731
    yield from _data_file(root, data / "woordenlijst.yml", Glossary, bib, glossary)
    for path in sorted((data / "tabellen").glob("*.yml")):
        yield from _data_file(root, path, TableFile, bib, load_table_file)
    for path in sorted((data / "lijsten").glob("*.yml")):
        yield from _data_file(root, path, FactList, bib, load_fact_list)


def _bibliography_or_none(root: Path) -> Bibliography | None:
    """The bibliography, or ``None`` when it has a problem (:func:`check_data` reports it).

    The other checks then run without checking sources (see ``check_source``), so that one
    mistake in ``bronnen.yml`` does not hide every other file's until it is mended.
    """
    try:
        return load_bibliography(root / "docs" / "_data", root)
    except ContentError:
        return None


def _pages(root: Path) -> list[Path]:
    docs = root / "docs"
    return sorted(p for p in docs.rglob("*.md") if "_data" not in p.relative_to(docs).parts)


def check_front_matter(root: Path) -> Iterator[ContentError]:
    """The front matter of every page, with the build's own check (:func:`check_page_meta`).

    The build runs the same check, but only on the pages it reaches: a data or bank mistake
    stops it before any page. Links, anchors and navigation are left to the build itself.
    """
    bib = _bibliography_or_none(root)
    for page in _pages(root):
        shown = str(page.relative_to(root))
        try:
            # Read as the build reads it (quizkit.source): encoding, control characters, size.
            check_page_meta(read_text(page, shown), shown, bib)
        except ContentError as exc:
            yield exc


class QuizBankCheck:
    """Every question bank with every problem, and item ids unique across all of them.

    The banks, once they load without a problem, stay for the cue report (``quizkit.cues.cue_lines``),
    so they are read once.
    """

    __name__ = "check_quiz_banks"

    def __init__(self) -> None:
        self.banks: QuizBanks | None = None

    def __call__(self, root: Path) -> Iterator[ContentError]:
        """The problems of the banks under ``root``; keeps the banks when there are none."""
        from quizkit.bank import load_quiz_banks
        from quizkit.cite import Citations, PlainCitations
        from quizkit.errors import ContentErrorList

        from .content import BibliographyCitations

        bib = _bibliography_or_none(root)
        # PlainCitations accepts any document: the bibliography's own problem is reported.
        citations: Citations = BibliographyCitations(bib) if bib is not None else PlainCitations()
        try:
            self.banks = load_quiz_banks(root / "docs" / "_data" / "quiz", root, citations)
        except ContentErrorList as exc:
            yield from exc.errors
        except ContentError as exc:
            yield exc


def run_checker(checker: Checker, root: Path) -> list[ContentError]:
    """Every problem ``checker`` finds.

    A checker that stops on something its loaders do not turn into a content error (a file
    they cannot read at all) adds one line saying so after what it found so far: the strict
    build's verdict follows in any case, and no traceback hides it.
    """
    problems: list[ContentError] = []
    try:
        problems.extend(checker(root))
    except Exception as exc:  # the command's boundary: see the docstring
        where = Path(getattr(exc, "filename", None) or "docs")
        where = where.relative_to(root) if where.is_relative_to(root) else where
        detail = f"controle '{checker.__name__}' afgebroken ({type(exc).__name__}: {exc})"
        problems.append(ContentError(str(where), None, detail))
    return problems


# Said after the problems when bronnen.yml has one: the other files' sources wait for it.
SOURCES_UNCHECKED = (
    "De bronnen van pagina's, vragen en gegevens zijn nog niet gecontroleerd, omdat docs/_data/bronnen.yml "
    "een fout heeft: herstel die en controleer opnieuw."
)


# Said after the problems when the build stopped at the data or the banks, before the pages: both
# load before any page, with the same checks as here, so a mistake found here stopped it there.
PAGES_UNCHECKED = (
    "De pagina's zelf (links, ankers, navigatie en macro's) zijn nog niet gecontroleerd: de build stopt bij "
    "een fout in de gegevens of vragenbanken, vóór de pagina's. Herstel de fouten hierboven en controleer opnieuw."
)


# The git revision whose banks count as published: the last commit, unless ``CHECK_BASE``
# names another (``CHECK_BASE=origin/main make check`` on a branch with several commits).
DEFAULT_BASE = "HEAD"


def published_banks(root: Path, folder: str, base: str) -> list[Published] | None:
    """The banks in ``folder`` (under ``root``) at git revision ``base``; ``None`` without git, that revision or banks.

    A file git cannot give, or that is not UTF-8 or no bank, is left out: nothing can be
    compared with it, and it is no problem of the banks as they are.
    """
    from quizkit.history import published_bank

    def git(*args: str) -> bytes | None:
        try:
            result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
        except OSError:  # no git at all
            return None
        return result.stdout if result.returncode == 0 else None

    # ls-tree names paths from the working directory, as show's "./" reads them (-z: unquoted).
    listing = git("ls-tree", "-z", "--name-only", base, "--", f"{folder}/")
    names = [n for n in (listing or b"").decode("utf-8", "replace").split("\0") if n.endswith(".yml")]
    if not names:
        return None
    found = []
    for rel in names:
        data = git("show", f"{base}:./{rel}")
        try:
            text = data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            text = None
        bank = published_bank(rel, text) if text is not None else None
        if bank is not None:
            found.append(bank)
    return found


def saved_answer_report(root: Path, banks: QuizBanks, base: str | None = None) -> list[str]:
    """Lines on what the banks' edits since ``base`` (see :data:`DEFAULT_BASE`) do to learners' saved answers.

    Warnings, not problems: a removed question is allowed, and a renamed one builds. After
    them, the questions learners answer again because an edit changed what fits (a note).
    """
    from quizkit.history import saved_answer_resets, saved_answer_warnings

    base = base or os.environ.get("CHECK_BASE") or DEFAULT_BASE
    since = "de laatste commit" if base == DEFAULT_BASE else base
    published = published_banks(root, "docs/_data/quiz", base)
    if published is None:
        return [f"Bewaarde antwoorden: niet vergeleken (git heeft geen vragenbanken bij {since})."]
    lines = saved_answer_warnings(published, banks) + saved_answer_resets(published, banks)
    heading = f"Bewaarde antwoorden, vergeleken met {since} ({len(published)} vragenbanken):"
    if lines:
        return [heading, *(f"  {line}" for line in lines)]
    now = {rel: (root / rel).read_text(encoding="utf-8") for rel in banks.paths.values()}
    unchanged = now == {bank.path: bank.text for bank in published}
    return [f"{heading} {'de vragenbanken zijn niet veranderd' if unchanged else 'niets gaat verloren'}."]


class StrictBuild:
    """``mkdocs build --strict`` of ``root`` into a temporary folder, started at once, in a child process.

    MkDocs' own command line, exactly as ``make build`` runs it (its logging, its strict-mode
    counting of warnings, its exit code). The folder is removed when :meth:`result` returns.
    """

    def __init__(self, root: Path, config: str = "mkdocs.yml") -> None:
        self._dest = tempfile.TemporaryDirectory(prefix="halk-check-")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        self._process = subprocess.Popen(
            strict_build_command(root / config, Path(self._dest.name)),
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # one stream: the log lines stay in MkDocs' order
            text=True,
            encoding="utf-8",
            errors="replace",
        )

    def result(self) -> tuple[int, str]:
        """Wait for the build: its exit code and everything it printed."""
        try:
            output, _ = self._process.communicate()
        finally:
            if self._process.poll() is None:  # interrupted while waiting
                self._process.kill()
                self._process.wait()
            self._dest.cleanup()
        return self._process.returncode, output


def build_problems(output: str) -> list[str]:
    """The problems in a build's output: every line that is not MkDocs' progress (INFO, DEBUG).

    That is each WARNING and ERROR message (the quizkit plugin's ``file:line: [item] message``
    lines among them, several per message when it lists several), and anything printed outside
    MkDocs' log, such as a crash. Indented lines continue the problem above them (MkDocs lists
    pages that way); the closing "Aborted with ..." line is left out, the problems say it all.
    """
    problems: list[str] = []
    level = None
    for line in output.splitlines():
        logged = _LOG_LINE.match(line)
        if logged:
            level, line = logged.groups()
            if level in ("DEBUG", "INFO"):
                continue
        elif not line.strip() or _ABORTED.match(line):
            continue
        elif level in ("DEBUG", "INFO"):
            if line[0].isspace():
                continue  # the rest of a progress message
            level = None  # not MkDocs' log: something else printed it
        if line[0].isspace() and problems:
            problems[-1] += "\n" + line
        else:
            problems.append(line)
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print every problem (``file:line: [item] message``) and return 1 if there is any."""
    root = Path(argv[0] if argv else ".").resolve()
    # make build also builds the offline copy (macros/build.py): its config must match, and
    # its strict build must succeed too. Both builds run while the data is checked.
    offline_problems: list[str] = []
    site_config_unreadable = False
    try:
        check_offline_config(root)
    except OfflineBuildError as exc:
        offline_problems.append(str(exc))
        site_config_unreadable = isinstance(exc, UnreadableConfigError) and exc.name == "mkdocs.yml"
    builds = [StrictBuild(root)] + ([StrictBuild(root, OFFLINE_CONFIG)] if not offline_problems else [])
    try:
        bank_check = QuizBankCheck()
        checkers: list[Checker] = [check_data, bank_check, check_front_matter]
        found = {checker: [problem.text for problem in run_checker(checker, root)] for checker in checkers}
        own = [text for texts in found.values() for text in texts]
        # Data and banks are loaded before any page is built: a mistake there stops the build first.
        stopped_early = bool(found[check_data] or found[bank_check])
        cues: list[str] = []
        saved: list[str] = []
        if bank_check.banks is not None:  # banks that load
            cues = cue_lines(bank_check.banks.modules.values())
            saved = saved_answer_report(root, bank_check.banks)
    finally:
        results = [build.result() for build in builds]
    for line in [*cues, *saved]:
        print(line)
    # A strict build that succeeded had no warning; anything else it printed is not a problem.
    from_build = [line for code, output in results if code != 0 for line in build_problems(output)]
    if site_config_unreadable:
        # mkdocs.yml does not load: the build said only that, in MkDocs' English (said above).
        from_build = []
    code = next((code for code, _ in results if code != 0), 0)  # the first build that failed
    # Each line once: a data mistake is often found by both (the same check, the same text).
    problems = list(dict.fromkeys([*own, *offline_problems, *from_build]))
    if code != 0 and not problems:
        problems.append(f"mkdocs build --strict is mislukt (exitcode {code}) zonder melding")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} gevonden.", file=sys.stderr)
        if stopped_early and code != 0:
            print(PAGES_UNCHECKED, file=sys.stderr)
        if _bibliography_or_none(root) is None:
            print(SOURCES_UNCHECKED, file=sys.stderr)
        return 1
    # A warning about saved answers (a heading and its lines) is no problem, but must not be
    # missed by an editor who reads only the last line.
    warned = " Lees wel wat hierboven over bewaarde antwoorden staat." if len(saved) > 1 else ""
    print(f"Inhoud in orde: geen problemen gevonden, en de strikte build slaagt.{warned}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
