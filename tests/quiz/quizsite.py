"""A small fixture site with the example banks (tests/examples.py) instead of the real ones.

This way golden, validity, axe and browser tests do not depend on the real banks' contents.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from examples import write_example_banks
from helpers import ROOT, copy_project
from module_pages import answer_key_page, module_page

from macros.content import citations
from quizkit.bank import load_quiz_banks

FIXTURES = ROOT / "tests" / "fixtures" / "quiz"
# Pages of docs/leermodules/ the fixture site keeps: the overview and the trainer catalogue
# (other pages link to it), which lists the example modules and links to their answer keys.
KEPT_PAGES = ("index.md", "trainers.md")
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


def make_quiz_project(dest: Path) -> Path:
    """Copy the project to ``dest`` and swap the real banks and module pages for the examples."""
    project = copy_project(dest)
    quiz_dir = project / "docs" / "_data" / "quiz"
    for bank in quiz_dir.glob("*.yml"):
        bank.unlink()
    pages_dir = project / "docs" / "leermodules"
    for page in pages_dir.glob("*.md"):
        if page.name not in KEPT_PAGES:
            page.unlink()
    # The real modules' answer keys (docs/leermodules/antwoorden/) go with them; the examples get their own.
    shutil.rmtree(pages_dir / "antwoorden", ignore_errors=True)
    (pages_dir / "antwoorden").mkdir()
    write_example_banks(quiz_dir)
    banks = load_quiz_banks(quiz_dir, project, citations(project))
    entries = []
    for module_id, module in banks.modules.items():
        (pages_dir / f"{module_id}.md").write_text(module_page(module), encoding="utf-8")
        entries.append(f"leermodules/{module_id}.md")
        (pages_dir / "antwoorden" / f"{module_id}.md").write_text(answer_key_page(module), encoding="utf-8")
    (pages_dir / "losse-vragen.md").write_text(LOOSE_PAGE, encoding="utf-8")
    # The module list names the real modules first: here there are only the examples.
    index = pages_dir / "index.md"
    text, count = re.subn(r"quiz_index\(\[[^]]*\]\)", "quiz_index()", index.read_text(encoding="utf-8"))
    assert count == 1, "docs/leermodules/index.md has no quiz_index([...]) call"
    index.write_text(text, encoding="utf-8")
    entries.append("leermodules/losse-vragen.md")
    config = project / "mkdocs.yml"
    text = re.sub(
        r"^[ \t]*- leermodules/(?!index\.md|trainers\.md)\S+\.md[ \t]*\n",
        "",
        config.read_text(encoding="utf-8"),
        flags=re.M,
    )
    text, count = re.subn(
        r"^([ \t]*)- leermodules/index\.md[ \t]*\n",
        lambda m: m.group(0) + "".join(f"{m.group(1)}- {e}\n" for e in entries),
        text,
        flags=re.M,
    )
    assert count == 1, "mkdocs.yml nav has no leermodules/index.md entry"
    config.write_text(text, encoding="utf-8")
    return project
