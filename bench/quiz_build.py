"""Benchmark: what quizzes cost in build time, and what the quiz script and styles weigh.

Generates a site of 100 pages three times - without quizzes, with 1,000 and with 5,000
questions (every type, mixed) - builds each with ``mkdocs build --strict`` a few times, and
reports the best time of each, the ratio to the quiz-free build (also as the median of the
ratios within each round, which a machine whose speed drifts disturbs less), the cost per
question, how linear that cost is, and the gzip size of docs/assets/quiz/. Results are printed and written
to bench/results/quiz_build-<time>.json.

The quiz sites are built twice: as they are by default (the quiz modules built in a second
process beside the pages, macros/quiz/worker.py) and with HALK_QUIZ_WORKER=0 (all in the
MkDocs process), which shows the work itself and how it grows. The targets apply to the default.

Usage: .venv/bin/python bench/quiz_build.py [--repeats N]   (or: make bench)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PAGES = 100
SIZES = (1000, 5000)
TARGETS = {"ratio_1000": 1.10, "ms_per_question": 0.5, "gzip_kb": 6.0}

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


def make_site(dest: Path, questions: int) -> Path:
    """A project of ``PAGES`` pages; with ``questions`` > 0 each page holds one quiz module."""
    for part in ("macros", "overrides"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    data = docs / "_data"
    data.mkdir(parents=True)
    for entry in (ROOT / "docs" / "_data").iterdir():
        if entry.name != "quiz":
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, data / entry.name)
    (data / "quiz").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", "", config, flags=re.M)  # every page, no nav list
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    per_page = questions // PAGES
    for n in range(PAGES):
        module = f"m{n:03d}"
        quiz = f'{{{{ quiz("{module}") }}}}' if questions else ""
        (docs / f"p{n:03d}.md").write_text(PAGE.format(n=n, quiz=quiz), encoding="utf-8")
        if questions:
            items = "".join(ITEMS[(n + i) % len(ITEMS)].format(id=f"{module}-q{i:02d}") for i in range(per_page))
            bank = (
                f"module:\n  id: {module}\n  title: Module {n}\n  description: Benchmark.\n  version: 1\n"
                f"  minutes: 5\n  pass_mark: 70\n  objectives: [iets]\nitems:\n{items}"
            )
            (data / "quiz" / f"{module}.yml").write_text(bank, encoding="utf-8")
    (docs / "index.md").write_text(PAGE.format(n="start", quiz=""), encoding="utf-8")
    return dest


# ``mkdocs`` as ``python -m mkdocs`` runs it, reporting at exit the CPU time of its own process
# and of the children it waited for (the quiz worker, git): CPU time drifts less than wall time
# on a shared machine, and it shows which process does the work.
_MKDOCS_WITH_CPU = """
import atexit, resource, sys
def report():
    own, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print("BENCH-CPU", own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime, file=sys.stderr)
atexit.register(report)
from mkdocs.__main__ import cli
cli()
"""


def build_seconds(project: Path, out: Path, worker: bool = True) -> tuple[float, float, float]:
    """One strict build (fails loudly): wall time, CPU time of the MkDocs process, of its children.

    ``worker=False`` sets HALK_QUIZ_WORKER=0.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    env.pop("HALK_QUIZ_WORKER", None)
    if not worker:
        env["HALK_QUIZ_WORKER"] = "0"
    args = ["build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    cmd = [sys.executable, "-c", _MKDOCS_WITH_CPU, *args]
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=project, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"benchmark build failed:\n{result.stdout}\n{result.stderr}")
    cpu = [line.split() for line in result.stderr.splitlines() if line.startswith("BENCH-CPU ")]
    if len(cpu) != 1:
        raise SystemExit(f"benchmark build reported no CPU time:\n{result.stderr}")
    return elapsed, float(cpu[0][1]), float(cpu[0][2])


def gzip_sizes() -> dict[str, int]:
    """Gzip size (level 9) in bytes of each file in docs/assets/quiz and of all together."""
    files = sorted((ROOT / "docs" / "assets" / "quiz").glob("*.*"))
    sizes = {f.name: len(gzip.compress(f.read_bytes(), 9)) for f in files}
    sizes["raw_total"] = sum(f.stat().st_size for f in files)
    sizes["total"] = sum(v for k, v in sizes.items() if k != "raw_total")
    return sizes


MODES = {"worker": True, "in-process": False}


def main() -> int:
    """Run the benchmark, print a summary and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="builds per variant (best time counts)")
    args = parser.parse_args()
    variants = [("baseline", 0, True)] + [(mode, q, w) for q in SIZES for mode, w in MODES.items()]
    rounds: list[dict[tuple[str, int], float]] = []
    cpu_rounds: list[dict[tuple[str, int], tuple[float, float]]] = []
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        projects = {q: make_site(Path(tmp) / f"site-{q}", q) for q in (0, *SIZES)}
        for _ in range(args.repeats):  # interleaved, so drift hits every variant alike
            measured = {
                (mode, q): build_seconds(projects[q], Path(tmp) / f"out-{mode}-{q}", worker)
                for mode, q, worker in variants
            }
            rounds.append({variant: wall for variant, (wall, _own, _children) in measured.items()})
            cpu_rounds.append({variant: figures[1:] for variant, figures in measured.items()})
    times = {variant: min(r[variant] for r in rounds) for variant in rounds[0]}
    base = times[("baseline", 0)]
    own_cpu = {variant: min(r[variant][0] for r in cpu_rounds) for variant in cpu_rounds[0]}
    children_cpu = {variant: min(r[variant][1] for r in cpu_rounds) for variant in cpu_rounds[0]}
    base_cpu = own_cpu[("baseline", 0)]
    modes = {}
    for mode in MODES:
        per_question = {q: 1000 * (times[(mode, q)] - base) / q for q in SIZES}
        # A second view on a machine whose speed drifts: the ratio within each round, median.
        round_ratios = {q: statistics.median(r[(mode, q)] / r[("baseline", 0)] for r in rounds) for q in SIZES}
        modes[mode] = {
            "seconds": {str(q): round(times[(mode, q)], 3) for q in SIZES},
            "ratio": {str(q): round(times[(mode, q)] / base, 3) for q in SIZES},
            "median_round_ratio": {str(q): round(v, 3) for q, v in round_ratios.items()},
            "ms_per_question": {str(q): round(v, 3) for q, v in per_question.items()},
            "linearity": round(per_question[5000] / per_question[1000], 2) if per_question[1000] > 0 else None,
            # Best CPU seconds of the MkDocs process, and what it spends per question beyond the baseline.
            "mkdocs_cpu_seconds": {str(q): round(own_cpu[(mode, q)], 3) for q in SIZES},
            "mkdocs_cpu_ms_per_question": {str(q): round(1000 * (own_cpu[(mode, q)] - base_cpu) / q, 3) for q in SIZES},
            "children_cpu_seconds": {str(q): round(children_cpu[(mode, q)], 3) for q in SIZES},
        }
    gz = gzip_sizes()
    default = modes["worker"]
    result = {
        "pages": PAGES,
        "repeats": args.repeats,
        "cpus": os.cpu_count(),
        "baseline_seconds": round(base, 3),
        "baseline_cpu_seconds": {
            "mkdocs": round(base_cpu, 3),
            "children": round(children_cpu[("baseline", 0)], 3),
        },
        "modes": modes,
        "gzip_bytes": gz,
        "targets": TARGETS,
    }
    result["met"] = {
        "ratio_1000": default["ratio"]["1000"] <= TARGETS["ratio_1000"],
        "ms_per_question": max(default["ms_per_question"].values()) <= TARGETS["ms_per_question"],
        "gzip_kb": gz["total"] / 1024 <= TARGETS["gzip_kb"],
    }
    print(f"{PAGES} pages, best of {args.repeats} strict builds, {os.cpu_count()} CPUs")
    if (os.cpu_count() or 1) == 1:
        print("  note: 1 CPU, so the default build ('worker' below) also runs in one process")
    print(
        f"  without quizzes                  {base:7.2f} s  "
        f"(CPU: MkDocs process {base_cpu:.2f} s, its children {children_cpu[('baseline', 0)]:.2f} s)"
    )
    for mode, figures in modes.items():
        for q in SIZES:
            print(
                f"  {q:5d} questions, {mode:10s}    {figures['seconds'][str(q)]:7.2f} s  "
                f"ratio {figures['ratio'][str(q)]:.3f}  {figures['ms_per_question'][str(q)]:.3f} ms/question  "
                f"(median ratio within a round {figures['median_round_ratio'][str(q)]:.3f})"
            )
            print(
                f"        CPU: MkDocs process {figures['mkdocs_cpu_seconds'][str(q)]:.2f} s "
                f"({figures['mkdocs_cpu_ms_per_question'][str(q)]:+.3f} ms/question), "
                f"its children {figures['children_cpu_seconds'][str(q)]:.2f} s"
            )
        print(f"  {mode}: linearity (ms/question at 5000 / at 1000) {figures['linearity']}")
    print("  gzip: " + ", ".join(f"{k} {v} B" for k, v in gz.items()) + f" ({gz['total'] / 1024:.2f} KB)")
    print(
        "  targets (default, with worker): "
        + ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in result["met"].items())
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"quiz_build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"  written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
