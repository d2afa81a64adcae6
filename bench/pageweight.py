"""Page weight per page type, compared with a plain Material page built in the same run.

    .venv/bin/python bench/pageweight.py [--json bench/results/pageweight.json]

Builds the site and a minimal MkDocs site with only Material (same Material version, no Google
Fonts, one page), serves both on loopback, opens each page in a fresh Chromium context and adds
up the bytes of every response (headers + body as sent by a server without compression), plus a
gzip estimate of the bodies (what a compressing web server would send). Checks that pages without
a quiz load no quiz bytes (``assets/quiz/``). Exit code 1 if that budget is broken.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
# The tests' own helpers: the same build, server and Chromium flags (no calls home).
from helpers import CHROMIUM, CHROMIUM_ARGS, QuietHandler, build  # noqa: E402
from helpers import serve as serve_directory  # noqa: E402

# The quiz's own files (the plugin's assets_dir): what a page without a quiz must not load.
QUIZ_ASSETS = ("/assets/quizkit/quiz.js", "/assets/quizkit/quiz.css")
PLAIN_PAGE = """# Een gewone pagina

Een pagina van een kale Material-site, om het gewicht van de kennisbank mee te vergelijken.

## Een kop

Een alinea met wat tekst, een [link](#een-kop) en een lijst:

- een
- twee
- drie
"""


def build_site(dest: Path, project: Path = ROOT) -> Path:
    """Strict MkDocs build of ``project`` (default: this one) into ``dest``; stops on failure."""
    result = build(project, dest)
    if result.returncode != 0:
        raise SystemExit(f"build failed ({project}):\n{result.stdout}{result.stderr}")
    return dest


def build_plain_material(work: Path) -> Path:
    """A one-page MkDocs site with only Material (language nl, no external fonts)."""
    project = work / "plain"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(PLAIN_PAGE, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Kale Material-site\ntheme:\n  name: material\n  language: nl\n  font: false\n", encoding="utf-8"
    )
    return build_site(work / "plain-site", project)


class _Gzip(QuietHandler):
    """Like a production web server: text responses gzip-compressed when the client accepts it."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self) -> None:  # noqa: N802 - http.server's method name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.TEXT and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path, compress: bool = False) -> AbstractContextManager[str]:
    """Serve ``directory`` on a free loopback port (gzip if ``compress``); yields the base URL."""
    return serve_directory(directory, handler_class=_Gzip if compress else QuietHandler)


def page_types(site: Path) -> dict[str, str]:
    """Page type -> path under the site: home, a content page, a quiz page and the trainer page if built."""
    types = {"home": "", "content": "alk/"}
    quiz = sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in (site / "leermodules").glob("*/index.html")
        if "data-quiz-item" in p.read_text(encoding="utf-8")
    )
    if quiz:
        types["quiz"] = quiz[0]
    trainer = sorted(p for p in site.rglob("index.html") if "trainer" in p.parent.name)
    if trainer:
        types["trainer"] = trainer[0].parent.relative_to(site).as_posix() + "/"
    return types


@dataclass
class Weight:
    """What one page load transferred."""

    url: str
    requests: int = 0
    bytes: int = 0
    gzip_bytes: int = 0
    quiz_bytes: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


def measure(browser, url: str) -> Weight:
    """Load ``url`` in a fresh context (empty cache) and add up every response."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url, wait_until="networkidle")
    weight = Weight(url=url)
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted loads have no body
            body = b""
        sizes = response.request.sizes()
        size = sizes["responseHeadersSize"] + max(sizes["responseBodySize"], len(body))
        weight.requests += 1
        weight.bytes += size
        weight.gzip_bytes += sizes["responseHeadersSize"] + len(gzip.compress(body, 6))
        kind = response.request.resource_type
        weight.by_type[kind] = weight.by_type.get(kind, 0) + size
        if response.url.endswith(QUIZ_ASSETS):
            weight.quiz_bytes += size
    context.close()
    return weight


def run(work: Path) -> dict:
    """Build both sites, measure every page type, and return the results."""
    from playwright.sync_api import sync_playwright

    site = build_site(work / "site")
    plain = build_plain_material(work)
    types = page_types(site)
    results: dict = {"pages": {}, "plain_material": None, "problems": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        with serve(plain) as plain_url:
            base = measure(browser, plain_url)
        results["plain_material"] = asdict(base)
        with serve(site) as url:
            for kind, path in types.items():
                weight = measure(browser, url + path)
                row = asdict(weight) | {
                    "type": kind,
                    "ratio": round(weight.bytes / base.bytes, 2),
                    "gzip_ratio": round(weight.gzip_bytes / base.gzip_bytes, 2),
                }
                results["pages"][kind] = row
                if kind != "quiz" and weight.quiz_bytes:
                    results["problems"].append(f"{kind} ({path or '/'}) loads {weight.quiz_bytes} quiz bytes")
        browser.close()
    return results


def report(results: dict) -> str:
    """A plain-text table of the results."""
    base = results["plain_material"]
    lines = [
        f"{'page':<10} {'requests':>8} {'bytes':>10} {'gzip est.':>10} {'ratio':>6} {'gz ratio':>8} {'quiz bytes':>10}",
        f"{'plain':<10} {base['requests']:>8} {base['bytes']:>10} {base['gzip_bytes']:>10} {1:>6.2f} {1:>8.2f} {0:>10}",
    ]
    for kind, row in results["pages"].items():
        lines.append(
            f"{kind:<10} {row['requests']:>8} {row['bytes']:>10} {row['gzip_bytes']:>10} "
            f"{row['ratio']:>6.2f} {row['gzip_ratio']:>8.2f} {row['quiz_bytes']:>10}"
        )
    lines += [f"BUDGET BROKEN: {p}" for p in results["problems"]] or [
        "budget ok: no quiz bytes on pages without a quiz"
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "pageweight.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="halk-pageweight-") as tmp:
        results = run(Path(tmp))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results))
    return 1 if results["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
