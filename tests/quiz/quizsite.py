"""A small fixture site with the example banks of tests/fixtures/quiz instead of the real ones.

This way golden, validity, axe and browser tests do not depend on the real banks' contents.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpers import ROOT, copy_project

from macros.content import load_bibliography
from macros.quiz import load_quiz_banks
from macros.quiz.pages import module_page

FIXTURES = ROOT / "tests" / "fixtures" / "quiz"
# A page with single items (quiz_item) from both example modules.
LOOSE_PAGE = """---
title: Losse vragen
description: Losse voorbeeldvragen op een gewone pagina.
sources:
  - doc: profielschets
    where: paragraaf 1.2
---

# Losse vragen

Een losse vraag in de tekst:

{{ quiz_item("vb-single-basis") }}

En nog een:

{{ quiz_item("vb-truefalse-basis") }}
"""


def free_port() -> int:
    """A loopback port that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_on(directory: Path, port: int) -> Iterator[str]:
    """Serve ``directory`` on ``port`` (the fixture site's site_url must name that port)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def make_quiz_project(dest: Path, site_url: str | None = None) -> Path:
    """Copy the project to ``dest`` and swap the real banks and module pages for the examples.

    Material's instant navigation only follows links on its sitemap, whose addresses come from
    ``site_url``: browser tests pass the address they serve the site on.
    """
    project = copy_project(dest)
    quiz_dir = project / "docs" / "_data" / "quiz"
    for bank in quiz_dir.glob("*.yml"):
        bank.unlink()
    pages_dir = project / "docs" / "leermodules"
    for page in pages_dir.glob("*.md"):
        if page.name != "index.md":
            page.unlink()
    # The real modules' answer keys (docs/leermodules/antwoorden/, macros/scorm/) go with them.
    shutil.rmtree(pages_dir / "antwoorden", ignore_errors=True)
    for bank in sorted(FIXTURES.glob("*.yml")):
        shutil.copy2(bank, quiz_dir / bank.name)
    bib = load_bibliography(project / "docs" / "_data", project)
    banks = load_quiz_banks(quiz_dir, project, bib)
    entries = []
    for module_id, module in banks.modules.items():
        (pages_dir / f"{module_id}.md").write_text(module_page(module), encoding="utf-8")
        entries.append(f"leermodules/{module_id}.md")
    (pages_dir / "losse-vragen.md").write_text(LOOSE_PAGE, encoding="utf-8")
    entries.append("leermodules/losse-vragen.md")
    config = project / "mkdocs.yml"
    text = re.sub(
        r"^[ \t]*- leermodules/(?!index\.md)\S+\.md[ \t]*\n", "", config.read_text(encoding="utf-8"), flags=re.M
    )
    text, count = re.subn(
        r"^([ \t]*)- leermodules/index\.md[ \t]*\n",
        lambda m: m.group(0) + "".join(f"{m.group(1)}- {e}\n" for e in entries),
        text,
        flags=re.M,
    )
    assert count == 1, "mkdocs.yml nav has no leermodules/index.md entry"
    if site_url:
        text, count = re.subn(r"^site_url:.*$", f"site_url: {site_url}", text, count=1, flags=re.M)
        assert count == 1, "mkdocs.yml has no site_url line"
    config.write_text(text, encoding="utf-8")
    return project
