"""The quiz scripts and styles as a browser gets them: minified, valid, within the weight budget."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest

from quizkit.assets import PAGE_ASSETS, asset_source, asset_text

# Gzip budgets (bytes) of what a quiz page loads: issue 3's for the quiz script and styles, and
# the bench's for all four page assets (bench/quiz_build.py).
QUIZ_BUDGET = 6 * 1024
PAGE_BUDGET = 8 * 1024
SCORM_ASSETS = ("scorm.js", "package.css", "quiz.css", "quiz.js", "trainer.js", "trainer.css")


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 9))


def test_page_assets_stay_within_the_gzip_budget() -> None:
    quiz = sum(gzipped(asset_text(name)) for name in ("quiz.js", "quiz.css"))
    page = sum(gzipped(asset_text(name)) for name in PAGE_ASSETS)
    print(f"gzip: quiz.js + quiz.css {quiz} B, all page assets {page} B")
    assert quiz <= QUIZ_BUDGET
    assert page <= PAGE_BUDGET


@pytest.mark.parametrize("name", SCORM_ASSETS)
def test_minified_assets_are_smaller_and_keep_licence_comments(name: str) -> None:
    source, served = asset_source(name), asset_text(name)
    assert asset_text(name, minify=False) == source
    assert len(served) < 0.8 * len(source), f"{name}: {len(served)} of {len(source)} characters"
    assert "/*" not in served.replace("/*!", ""), f"{name}: a comment survived"
    assert asset_text("quiz.js").startswith("/*! ") is asset_source("quiz.js").startswith("/*! ")


@pytest.mark.parametrize("name", [name for name in SCORM_ASSETS if name.endswith(".js")])
def test_minified_scripts_are_valid_javascript(name: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is installed by make test (npm test tools)")
    path = tmp_path / name
    path.write_text(asset_text(name), encoding="utf-8")
    result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
