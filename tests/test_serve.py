"""``make serve`` (``mkdocs serve``) rebuilds on what editors change, and reports mistakes in Dutch.

An editor keeps ``make serve`` open while editing a bank, a page template in ``overrides/`` or a
page. The running server must rebuild on each, show the change, report a mistake as one line
without a traceback, and recover when it is fixed: all of it checked here on a running
``mkdocs serve`` of a copy of the site, fetched over HTTP.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import copy_project, mkdocs_env

from quizkit import PACKAGE_DIR

STEM = "Tot welke soort rekent de profielschets haar Lyme?"
BANK = Path("docs/_data/quiz/casus.yml")


class ServeLog:
    """The output of a running ``mkdocs serve``, read line by line in the background."""

    def __init__(self, process: subprocess.Popen[str]):
        self.lines: list[str] = []
        self._process = process
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self.lines.append(line.rstrip("\n"))

    def text(self, start: int = 0) -> str:
        return "\n".join(self.lines[start:])

    def wait_for(self, needle: str, start: int = 0, timeout: float = 120) -> int:
        """The index of the first line from ``start`` on that holds ``needle``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for i, line in enumerate(self.lines[start:], start):
                if needle in line:
                    return i
            if self._process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"no {needle!r} in the output of mkdocs serve:\n{self.text(start)[-4000:]}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, ServeLog]]:
    """A copy of the site under ``mkdocs serve --strict`` (as ``make serve``): project, URL, log."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    process = subprocess.Popen(
        # What make serve runs: macros.serve reads mkdocs.yml, then becomes mkdocs serve --strict.
        [sys.executable, "-m", "macros.serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log = ServeLog(process)
    try:
        log.wait_for("Serving on")
        watching(project, log)
        yield project, f"http://127.0.0.1:{port}/", log
    finally:
        process.terminate()
        process.wait(timeout=30)


def watching(project: Path, log: ServeLog, timeout: float = 60) -> None:
    """Wait until the watcher sees edits: it polls, and its first look comes after the server starts.

    A file of no consequence (copied to the site as is) is rewritten until the server notices
    and has rebuilt; an edit made before the first look would go unnoticed.
    """
    probe = project / "overrides" / "serve-probe.txt"
    start = len(log.lines)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        probe.write_text(str(time.monotonic()), encoding="utf-8")
        try:
            log.wait_for("Detected file changes", start, timeout=1)
            break
        except AssertionError:
            continue
    rebuilt(log, start)


def shows(url: str, text: str, timeout: float = 60) -> bool:
    """Whether the page at ``url`` comes to hold ``text``.

    The server may rebuild more than once for one edit (the quiz engine's folder is watched, and
    other test processes may write there), so a reload line alone does not prove the edit is built.
    """
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rebuilt(log: ServeLog, start: int) -> int:
    """Wait until the server has rebuilt after line ``start``; the index of its reload line."""
    return log.wait_for("Reloading browsers", start)


def test_serve_shows_bank_and_template_edits_and_recovers_from_a_mistake(served):
    project, url, log = served
    # What it watches: MkDocs' own (docs/), the site's mkdocs.yml (watch:) and the plugin's.
    watching = log.lines[log.wait_for("Watching paths for changes")]
    for part in ("'docs'", "'docs/_data/quiz'", "'overrides'", "'hooks'", "'macros'", f"'{PACKAGE_DIR}'"):
        assert part in watching, watching
    page = f"{url}leermodules/casus/"
    assert STEM in fetch(page)

    # A bank edit shows on the module page.
    start = len(log.lines)
    edit(project / BANK, STEM, "Welke soort diagnose is Lyme hier?")
    rebuilt(log, start)
    assert shows(page, "Welke soort diagnose is Lyme hier?")

    # A page template edit (overrides/) shows on every page.
    start = len(log.lines)
    edit(
        project / "overrides" / "main.html",
        "{% block styles %}\n  {{ super() }}",
        '{% block styles %}\n  {{ super() }}\n  <meta name="serve-test" content="template">',
    )
    rebuilt(log, start)
    assert shows(page, '<meta name="serve-test" content="template">')

    # A mistake in a bank: one Dutch line with file, line and item, no traceback; the server
    # keeps running and recovers when the mistake is fixed.
    start = len(log.lines)
    bank = (project / BANK).read_text(encoding="utf-8")
    edit(
        project / BANK, "casus-kennismaking\n    type: case\n", "casus-kennismaking\n    type: case\n    type: single\n"
    )
    problem = log.lines[log.wait_for("casus.yml:", start)]
    assert problem.endswith(
        "docs/_data/quiz/casus.yml:19: veld 'type' staat twee keer in hetzelfde blok, ook op regel 18; verwijder er een"
    ), problem
    log.wait_for("An error happened during the rebuild", start)  # mkdocs serve's last word on it
    assert "Traceback" not in log.text(start)
    start = len(log.lines)
    (project / BANK).write_text(bank, encoding="utf-8")
    rebuilt(log, start)
    assert shows(page, "Welke soort diagnose is Lyme hier?")
    # The same mistake again: its line again (MkDocs' build log would drop a repeated message).
    start = len(log.lines)
    edit(
        project / BANK, "casus-kennismaking\n    type: case\n", "casus-kennismaking\n    type: case\n    type: single\n"
    )
    again = log.lines[log.wait_for("casus.yml:", start)]
    assert again.endswith(
        "docs/_data/quiz/casus.yml:19: veld 'type' staat twee keer in hetzelfde blok, ook op regel 18; verwijder er een"
    ), again
    log.wait_for("An error happened during the rebuild", start)
    start = len(log.lines)
    (project / BANK).write_text(bank, encoding="utf-8")
    rebuilt(log, start)
    assert shows(page, "Welke soort diagnose is Lyme hier?")

    # A mistake that only shows while a page renders (mkdocs-macros would print a traceback
    # and end the server): one line at the page's line, and the server keeps running.
    start = len(log.lines)
    over = project / "docs" / "over.md"
    text = over.read_text(encoding="utf-8")
    over.write_text(text + '\n{{ 1 + "a" }}\n', encoding="utf-8")
    line = len(text.splitlines()) + 2
    problem = log.lines[log.wait_for("docs/over.md:", start)]
    assert problem.endswith(
        f"docs/over.md:{line}: fout bij het invullen van de pagina (unsupported operand type(s) for +: 'int' and "
        "'str'); controleer de macro of variabele op deze regel"
    ), problem
    log.wait_for("An error happened during the rebuild", start)
    assert "Traceback" not in log.text(start) and "Macro Rendering Error" not in log.text(start)
    start = len(log.lines)
    over.write_text(text, encoding="utf-8")
    rebuilt(log, start)
    assert shows(page, "Welke soort diagnose is Lyme hier?")

    # Python code changed while serving (the site's macros module; the engine's folder alike):
    # the server would go on running the code it imported. The rebuild stops with one line per
    # file and a last line that says to restart, and goes on once the file is as it was. A
    # script the build never imports (make check's) changes nothing for it.
    start = len(log.lines)
    script = project / "macros" / "check.py"
    script.write_text(script.read_text(encoding="utf-8") + "\n# changed while serving\n", encoding="utf-8")
    rebuilt(log, start)
    assert "Python-code" not in log.text(start)
    start = len(log.lines)
    code = project / "macros" / "site.py"
    source = code.read_text(encoding="utf-8")
    code.write_text(source + "\n# changed while serving\n", encoding="utf-8")
    problem = log.lines[log.wait_for("Python-code gewijzigd", start)]
    assert problem.endswith(
        "macros/site.py: Python-code gewijzigd terwijl make serve draait (bijvoorbeeld na git pull); die "
        "wijziging telt pas na een herstart"
    ), problem
    log.wait_for("stop make serve (Ctrl+C) en start het opnieuw", start)
    log.wait_for("An error happened during the rebuild", start)
    assert "Traceback" not in log.text(start)
    assert "herstel wat hierboven staat" not in log.text(start)
    start = len(log.lines)
    code.write_text(source, encoding="utf-8")
    rebuilt(log, start)
    assert shows(page, "Welke soort diagnose is Lyme hier?")


def test_a_mistake_in_mkdocs_yml_is_said_in_dutch_before_serving(tmp_path: Path) -> None:
    """An editor's journey: a page added to nav one space off got MkDocs' English parser words."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = text[: text.index("  - Over ALK:")].count("\n") + 1
    config.write_text(text.replace("  - Over ALK:", " - Over ALK:", 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=project,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"mkdocs.yml:{line}: ongeldige YAML ("), result.stderr
    assert "Traceback" not in result.stderr and "MkDocs encountered" not in result.stderr + result.stdout


def test_serve_checks_the_config_it_is_given() -> None:
    from macros.serve import ROOT, config_file

    assert config_file([]) == ROOT / "mkdocs.yml"
    assert config_file(["-a", "127.0.0.1:1"]) == ROOT / "mkdocs.yml"
    for argv in (["-f", "x.yml"], ["--config-file", "x.yml"], ["--config-file=x.yml"], ["-fx.yml"]):
        assert config_file(["-a", "127.0.0.1:1", *argv]) == Path("x.yml"), argv
