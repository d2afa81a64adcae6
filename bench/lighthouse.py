"""Lighthouse scores (mobile) for each page type of the built site, against the project's targets.

    .venv/bin/python bench/lighthouse.py [--json bench/results/lighthouse.json] [--runs 1]

Builds the site, serves it on loopback (gzip, like any production web server) and runs the pinned npm ``lighthouse`` with Debian's
Chromium (CHROME_PATH) on the home page, a content page, a quiz page and the trainer page (when
those exist), and on a plain one-page Material site as the baseline of this machine. Targets: performance >= 95, accessibility, best practices and SEO 100. With
``--runs N`` each page is measured N times and the median score is kept (performance varies
from run to run on a busy machine). Exit code 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pageweight import CHROMIUM, ROOT, build_plain_material, build_site, page_types, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-quic"


def lighthouse(url: str, out: Path) -> dict:
    """Run Lighthouse once on ``url`` (mobile form factor, the default); returns the JSON report."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse not installed: run `npm ci` (make setup-test)")
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(TARGETS)}",
        "--form-factor=mobile",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=300)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stdout}{result.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    """Titles of the audits that cost points in ``category``."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            out.append(f"{ref['id']} ({audit['score']:.2f}): {audit['title']}")
    return out


def run(work: Path, runs: int) -> dict:
    """Build, serve and measure every page type; returns scores, misses and failing audits.

    A plain one-page Material site is measured first, as the baseline on this machine: its
    performance score shows how much of a miss is the machine and Material itself.
    """
    site = build_site(work / "site")
    plain = build_plain_material(work)
    results: dict = {"pages": {}, "misses": []}
    with serve(plain, compress=True) as plain_base, serve(site, compress=True) as base:
        pages = {"plain": (plain_base, "")} | {kind: (base, path) for kind, path in page_types(site).items()}
        for kind, (root_url, path) in pages.items():
            reports = [lighthouse(root_url + path, work / f"{kind}-{i}.json") for i in range(runs)]
            scores = {
                cat: round(100 * statistics.median(r["categories"][cat]["score"] for r in reports)) for cat in TARGETS
            }
            last = reports[-1]
            results["pages"][kind] = {
                "path": path,
                "scores": scores,
                "metrics": {
                    m: last["audits"][m]["displayValue"]
                    for m in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
                },
                "failing_audits": {cat: failing_audits(last, cat) for cat in TARGETS if scores[cat] < 100},
            }
            if kind != "plain":
                results["misses"] += [
                    f"{kind}: {cat} {score} < {TARGETS[cat]}" for cat, score in scores.items() if score < TARGETS[cat]
                ]
    return results


def report(results: dict) -> str:
    """A plain-text table of the scores and what cost points."""
    lines = [f"{'page':<10} {'path':<28} " + " ".join(f"{c:>14}" for c in TARGETS)]
    for kind, row in results["pages"].items():
        lines.append(f"{kind:<10} {row['path'] or '/':<28} " + " ".join(f"{row['scores'][c]:>14}" for c in TARGETS))
    for kind, row in results["pages"].items():
        for cat, audits in row["failing_audits"].items():
            lines += [f"  {kind} {cat}: {a}" for a in audits]
    lines += [f"TARGET MISSED: {m}" for m in results["misses"]] or ["all targets met"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "lighthouse.json")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score is kept")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="halk-lighthouse-") as tmp:
        results = run(Path(tmp), args.runs)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results))
    return 1 if results["misses"] else 0


if __name__ == "__main__":
    sys.exit(main())
