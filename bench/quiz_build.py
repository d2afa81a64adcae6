"""Benchmark: what quizzes cost in CPU time, in the MkDocs process itself.

Every build runs in this one process (``mkdocs.commands.build.build``), so what is measured is
the work (``time.process_time``), not how it is spread over CPUs. Generated sites of 10
questions per page (every type, mixed) are built beside the same pages without quizzes:
1,000 questions on 100 pages and 10,000 on 1,000 pages. The cost per question is the CPU time
beyond the quiz-free build of the same pages, divided by the questions; it should be flat
(linear growth) and within budget. The real site's strict build is reported beside a build of
the same pages with every quiz macro taken out. Results are printed and written to
bench/results/quiz_build-<time>.json; the run fails if a budget is missed.

That cost is split in two with a third build of each size, the floor: the quiz-free pages, each
replaced after rendering by the quiz build's finished page (a hook reads it from disk). It does
no quiz work, yet MkDocs, Material and the site's hooks handle pages as large as the quiz pages.
Floor minus quiz-free is what carrying the quizzes' HTML costs the rest of the build; quiz minus
floor is the engine's own work (reading, checking, rendering, SCORM and Moodle).

Beside it, what two libraries every build of the banks needs cost alone, per question: libyaml
reading the banks, and Python-Markdown (with the engine's sanitiser) converting the texts the
engine sends it, recorded in untimed builds: those of the quiz build less those its quiz-free
build sends too. That part of the budget goes before the engine's own work: checking the
banks, filling the templates, the SCORM and Moodle files.

Usage: .venv/bin/python bench/quiz_build.py [--repeats N]   (or: make bench)
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PER_PAGE = 10
SIZES = (1000, 10000)
# Budgets: CPU per question (ms) at every size, and how much the cost per question may grow
# from the smallest to the largest size (1.0 is perfectly linear).
TARGETS = {"cpu_ms_per_question": 0.5, "linearity": 1.25, "gzip_kb": 8.0}
QUIZ_MACROS = re.compile(r"\{\{\s*(quiz|quiz_item|quiz_index|trainer_catalogue|answer_key)\([^}]*\)\s*\}\}")

PAGE = """---
title: Pagina {n}
description: Gegenereerde pagina {n} voor de benchmark.
sources:
  - doc: profielschets
    where: paragraaf 1.2
---

# Pagina {n}

Een alinea met **vet**, *cursief* en een [link](p000.md). ALK staat voor aanhoudende
lichamelijke klachten; deze tekst is alleen vulling voor de meting.

- een punt
- nog een punt

{quiz}
"""

ITEMS = [
    """  - id: {id}
    type: single
    stem: Vraag {id} met **nadruk**?
    explanation: Uitleg bij {id}.
    source: {{doc: profielschets, where: "1.2"}}
    options:
      - {{text: Eerste optie bij {id}, correct: true, feedback: Goed zo; bij ALK geldt dit ({id}).}}
      - {{text: Tweede optie bij {id}, feedback: Helaas; dit is *niet* juist ({id}).}}
      - {{text: Derde optie bij {id}}}
""",
    """  - id: {id}
    type: multiple
    stem: Vraag {id}, kies er meer?
    source: {{doc: profielschets, where: "1.2"}}
    options:
      - {{text: Een ({id}), correct: true}}
      - {{text: Twee ({id}), correct: true}}
      - {{text: Drie ({id}), feedback: Nee want ALK ({id}).}}
""",
    """  - id: {id}
    type: truefalse
    stem: Juist of onjuist ({id})?
    source: {{doc: profielschets, where: "1.2"}}
    statements:
      - {{text: Stelling een bij {id}, answer: true, feedback: Ja ({id}).}}
      - {{text: Stelling **twee** bij {id}, answer: false}}
""",
    """  - id: {id}
    type: classify
    stem: Sorteer ({id}).
    source: {{doc: rovers-2025, where: dia}}
    categories: [{{id: a, label: Categorie A}}, {{id: b, label: Categorie B}}]
    statements:
      - {{text: Uitspraak een bij {id}, category: a}}
      - {{text: Uitspraak twee bij {id}, category: b, feedback: Omdat ({id}).}}
""",
    """  - id: {id}
    type: ordering
    stem: Zet in volgorde ({id}).
    source: {{doc: rovers-2025, where: dia}}
    steps: [Eerste stap {id}, Tweede stap {id}, Derde stap {id}, Vierde stap {id}]
""",
    """  - id: {id}
    type: phrasing
    stem: Wat zegt u ({id})?
    source: {{doc: rovers-2025, where: dia}}
    options:
      - {{text: Een goede zin ({id})., correct: true, feedback: Helpt ({id}).}}
      - {{text: Een minder goede zin ({id})., feedback: Helpt *niet* ({id}).}}
""",
    """  - id: {id}
    type: case
    stem: Een casus ({id}).
    source: {{doc: rovers-2025, where: dia}}
    stages:
      - id: een
        text: Eerst dit ({id}).
        question: {{type: single, stem: Kies een antwoord, options: [{{text: Ja ({id}), correct: true}}, {{text: Nee ({id})}}]}}
      - id: twee
        text: Dan dat ({id}).
        question: {{type: truefalse, stem: Klopt het, statements: [{{text: Iets ({id}), answer: true}}]}}
""",
]


def make_site(dest: Path, pages: int, questions: int) -> Path:
    """A project of ``pages`` pages; with ``questions`` > 0 they hold that many questions in modules."""
    shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    data = docs / "_data"
    data.mkdir(parents=True)
    for entry in (ROOT / "docs" / "_data").iterdir():
        if entry.name != "quiz":
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, data / entry.name)
    (data / "quiz").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # The generated pages stay out of the navigation. Material writes the whole navigation into
    # every page, a cost that grows with the square of the page count and has nothing to do
    # with quizzes: at 1,000 pages it made the quiz-free build take 87 s and drowned the quiz
    # cost in its noise. Both builds of a size get the same navigation.
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", "nav:\n  - index.md\n  - bronnen.md\n", config, flags=re.M)
    config = re.sub(r"^not_in_nav: \|\n(?:[ \t]+.*\n)*", "not_in_nav: |\n  /p*.md\n", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    per_page = questions // pages
    for n in range(pages):
        module = f"m{n:04d}"
        quiz = f'{{{{ quiz("{module}") }}}}' if questions else ""
        (docs / f"p{n:04d}.md").write_text(PAGE.format(n=n, quiz=quiz), encoding="utf-8")
        if questions:
            items = "".join(ITEMS[(n + i) % len(ITEMS)].format(id=f"{module}-q{i:02d}") for i in range(per_page))
            bank = (
                f"module:\n  id: {module}\n  title: Module {n}\n  description: Benchmark.\n  version: 1\n"
                f"  minutes: 5\n  pass_mark: 70\n  objectives: [iets]\nitems:\n{items}"
            )
            (data / "quiz" / f"{module}.yml").write_text(bank, encoding="utf-8")
    (docs / "index.md").write_text(PAGE.format(n="start", quiz=""), encoding="utf-8")
    # Citations link to the sources page.
    shutil.copy2(ROOT / "docs" / "bronnen.md", docs / "bronnen.md")
    return dest


def quiz_free_copy(dest: Path) -> Path:
    """The real site with every quiz macro taken out of its pages and no question banks."""
    for part in ("docs", "hooks", "macros", "overrides"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for bank in (dest / "docs" / "_data" / "quiz").glob("*.yml"):
        bank.unlink()
    for page in (dest / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if QUIZ_MACROS.search(text):
            page.write_text(QUIZ_MACROS.sub("", text), encoding="utf-8")
    return dest


FLOOR_HOOK = """\
# The benchmark's floor (bench/quiz_build.py): every page as the quiz build wrote it.
from pathlib import Path

PAGES = Path({pages!r})


def on_post_page(output, page, **_):
    return (PAGES / page.file.dest_uri).read_text(encoding="utf-8")
"""


def floor_copy(free: Path, pages: Path, dest: Path) -> Path:
    """The quiz-free project ``free`` whose pages come out as the quiz build's in ``pages``.

    The hook runs before the site's own hooks, which then see the quiz pages' full HTML.
    """
    shutil.copytree(free, dest)
    (dest / "hooks" / "bench_floor.py").write_text(FLOOR_HOOK.format(pages=str(pages)), encoding="utf-8")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config, found = re.subn(r"^hooks:\n", "hooks:\n  - hooks/bench_floor.py\n", config, count=1, flags=re.M)
    if not found:
        raise SystemExit("bench: mkdocs.yml has no hooks list for the floor build")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def build_cpu(project: Path, out: Path) -> tuple[float, float]:
    """One strict build in this process (fails loudly): (CPU seconds, wall seconds)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ.pop("SITE_URL", None)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
    # mkdocs-macros finds the site's macros module relative to the working directory.
    with contextlib.chdir(project), contextlib.redirect_stdout(io.StringIO()):
        cpu, wall = time.process_time(), time.perf_counter()
        # As `mkdocs build` does: MkDocs keeps plugins with on_startup between builds in one
        # process, and on_startup is where they start afresh (the quiz plugin's bank cache).
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return time.process_time() - cpu, time.perf_counter() - wall


@contextlib.contextmanager
def converted_texts() -> Iterator[list[str]]:
    """The texts the engine hands to Python-Markdown while the ``with`` block runs, in order.

    The engine offers no list of them: which texts need Markdown is decided inside it (plain
    sentences and repeats skip it), so the bench records the calls themselves. Only around
    an untimed build: the timed builds run the engine as it is.
    """
    from quizkit.markdown import MarkdownRenderer

    texts: list[str] = []
    block = MarkdownRenderer.block

    def recording(self: MarkdownRenderer, text: str) -> Any:
        texts.append(text)
        return block(self, text)

    MarkdownRenderer.block = recording  # type: ignore[method-assign]
    try:
        yield texts
    finally:
        MarkdownRenderer.block = block  # type: ignore[method-assign]


def quiz_texts(quiz: Path, quiz_free: Path, quiz_out: Path, free_out: Path) -> list[str]:
    """The texts the engine converts for the quizzes of ``quiz``: less those of ``quiz_free``.

    One untimed build of each, into ``quiz_out`` and ``free_out``.
    """
    with converted_texts() as with_quizzes:
        build_cpu(quiz, quiz_out)
    with converted_texts() as without:
        build_cpu(quiz_free, free_out)
    return list((Counter(with_quizzes) - Counter(without)).elements())


def library_cpu(project: Path, texts: list[str], repeats: int) -> dict[str, float]:
    """CPU seconds (median of ``repeats``) of the two libraries every quiz build needs, alone.

    ``yaml``: libyaml (PyYAML's C parser) reading the project's banks into events, less than
    any load of them, which also builds the data. ``markdown``: the engine's converter for the
    site (Python-Markdown configured as the build configures it, then its sanitiser) converting
    ``texts``, the texts the engine sent it in a build (see :func:`converted_texts`).
    """
    import yaml
    from mkdocs.config import load_config

    from quizkit.markdown import MarkdownRenderer

    banks = [path.read_text(encoding="utf-8") for path in sorted((project / "docs" / "_data" / "quiz").glob("*.yml"))]
    config = load_config(str(project / "mkdocs.yml"))
    engine = MarkdownRenderer(config.markdown_extensions, config.mdx_configs)

    def parse() -> None:
        for text in banks:
            for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
                pass

    def convert() -> None:
        for text in texts:
            engine.block(text)

    def cpu(work: Callable[[], None]) -> float:
        times = []
        for _ in range(repeats):
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
        return statistics.median(times)

    return {"yaml": cpu(parse), "markdown": cpu(convert)}


def real_site_questions() -> int:
    """The questions in the real site's banks (a case counts as one, as in the generated sites)."""
    from quizkit.bank import load_quiz_banks

    return sum(len(module.items) for module in load_quiz_banks(ROOT / "docs" / "_data" / "quiz", ROOT).modules.values())


def gzip_sizes() -> dict[str, int]:
    """Gzip size (level 9) in bytes of each quiz asset a page loads and of all together."""
    from quizkit.assets import PAGE_ASSETS, asset_text

    sizes = {name: len(gzip.compress(asset_text(name).encode(), 9)) for name in PAGE_ASSETS}
    sizes["total"] = sum(sizes.values())
    return sizes


def main() -> int:
    """Run the benchmark, print a summary and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="builds per variant (the median counts)")
    args = parser.parse_args()
    cpu: dict[str, list[float]] = {}
    wall: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        base = Path(tmp)
        projects = {"site": ROOT, "site-quiz-free": quiz_free_copy(base / "site-quiz-free")}
        # The texts each build hands to Markdown (library_cpu), from untimed builds: those of
        # the quiz build less those of its quiz-free build (the site's own data texts,
        # citations), which are not the quizzes'.
        texts = {"site": quiz_texts(ROOT, projects["site-quiz-free"], base / "texts-site", base / "texts-site-free")}
        for q in SIZES:
            pages = q // PER_PAGE
            projects[f"{q}-quiz-free"] = make_site(base / f"free-{q}", pages, 0)
            projects[f"{q}"] = make_site(base / f"quiz-{q}", pages, q)
            # The floor's pages: one quiz build beforehand, kept apart from the timed builds,
            # which also gives the quizzes' Markdown texts.
            texts[f"{q}"] = quiz_texts(
                projects[f"{q}"], projects[f"{q}-quiz-free"], base / f"pages-{q}", base / f"texts-{q}-free"
            )
            projects[f"{q}-floor"] = floor_copy(projects[f"{q}-quiz-free"], base / f"pages-{q}", base / f"floor-{q}")
        for _ in range(args.repeats):  # interleaved, so drift hits every variant alike
            for name, project in projects.items():
                c, w = build_cpu(project, base / f"out-{name}")
                cpu.setdefault(name, []).append(c)
                wall.setdefault(name, []).append(w)
        library_seconds = {name: library_cpu(projects[name], texts[name], args.repeats) for name in texts}
    med = {name: statistics.median(values) for name, values in cpu.items()}
    counts = {"site": real_site_questions(), **{str(q): q for q in SIZES}}
    # What parsing the banks and converting their Markdown alone cost per question: the share
    # of the budget that goes before the engine's own work.
    library = {
        name: {
            "yaml": round(1000 * parts["yaml"] / counts[name], 3),
            "markdown": round(1000 * parts["markdown"] / counts[name], 3),
            "markdown_texts": len(texts[name]),
        }
        for name, parts in library_seconds.items()
    }
    per_question = {q: 1000 * (med[str(q)] - med[f"{q}-quiz-free"]) / q for q in SIZES}
    # The same cost in two parts (see the module's docstring): the engine's, and the rest of the build's.
    engine = {q: 1000 * (med[str(q)] - med[f"{q}-floor"]) / q for q in SIZES}
    carrying = {q: 1000 * (med[f"{q}-floor"] - med[f"{q}-quiz-free"]) / q for q in SIZES}
    linearity = per_question[SIZES[-1]] / per_question[SIZES[0]] if per_question[SIZES[0]] > 0 else None
    gz = gzip_sizes()
    result = {
        "repeats": args.repeats,
        "cpu_seconds_median": {name: round(v, 3) for name, v in med.items()},
        "wall_seconds_median": {name: round(statistics.median(v), 3) for name, v in wall.items()},
        "cpu_ms_per_question": {str(q): round(v, 3) for q, v in per_question.items()},
        "engine_ms_per_question": {str(q): round(v, 3) for q, v in engine.items()},
        "carrying_html_ms_per_question": {str(q): round(v, 3) for q, v in carrying.items()},
        # The same cost as a ratio to the quiz-free build of the same run: steadier than the
        # milliseconds when the machine's speed drifts between runs.
        "build_ratio": {str(q): round(med[str(q)] / med[f"{q}-quiz-free"], 3) for q in SIZES},
        "linearity": round(linearity, 3) if linearity else None,
        "real_site_ratio": round(med["site"] / med["site-quiz-free"], 3),
        "libraries_ms_per_question": library,
        "gzip_bytes": gz,
        "targets": TARGETS,
    }
    result["met"] = {
        "cpu_ms_per_question": max(per_question.values()) <= TARGETS["cpu_ms_per_question"],
        "linearity": linearity is not None and linearity <= TARGETS["linearity"],
        "gzip_kb": gz["total"] / 1024 <= TARGETS["gzip_kb"],
    }
    print(f"CPU time of strict builds in one process, median of {args.repeats}")
    print(
        f"  real site: {med['site']:.2f} s, same pages without quizzes {med['site-quiz-free']:.2f} s "
        f"(ratio {result['real_site_ratio']:.2f})"
    )
    for q in SIZES:
        print(
            f"  {q:6d} questions on {q // PER_PAGE:5d} pages: {med[str(q)]:.2f} s, without quizzes "
            f"{med[f'{q}-quiz-free']:.2f} s (ratio {result['build_ratio'][str(q)]:.2f}): "
            f"{per_question[q]:.3f} ms CPU per question"
        )
        print(
            f"  {'':6s}   of which the engine {engine[q]:.3f} ms, the rest of the build carrying the "
            f"quizzes' HTML {carrying[q]:.3f} ms (floor build {med[f'{q}-floor']:.2f} s)"
        )
    print(f"  linearity (ms/question at {SIZES[-1]} / at {SIZES[0]}): {result['linearity']}")
    print("  the libraries alone, ms CPU per question (libyaml parsing the banks + Python-Markdown and its")
    print("  sanitiser converting the texts the engine sends it), before the engine's own work:")
    for name, parts in library.items():
        label = f"real site ({counts[name]} questions)" if name == "site" else f"{name} questions"
        print(
            f"    {label}: {parts['yaml']:.3f} + {parts['markdown']:.3f} "
            f"({parts['markdown_texts']} texts) = {parts['yaml'] + parts['markdown']:.3f} ms"
        )
    print("  gzip: " + ", ".join(f"{k} {v} B" for k, v in gz.items()) + f" ({gz['total'] / 1024:.2f} KB)")
    print("  targets: " + ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in result["met"].items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"quiz_build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"  written to {out.relative_to(ROOT)}")
    return 0 if all(result["met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
