"""The site also builds with ProperDocs, the maintained continuation of MkDocs 1.x.

Material for MkDocs reaches end of life on 2027-05-05 and MkDocs 1.x is no longer developed;
the quiz engine's MkDocs glue (quizkit/plugin/) must keep working on a successor. ProperDocs
maps ``mkdocs.*`` imports onto itself, so the same plugins and theme run unchanged.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

from helpers import ROOT, mkdocs_env


def test_site_builds_strictly_with_properdocs(tmp_path):
    dest = tmp_path / "site"
    cmd = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)]
    result = subprocess.run(cmd, capture_output=True, text=True, env=mkdocs_env(), cwd=ROOT, check=False)
    assert result.returncode == 0, f"ProperDocs build failed:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    pages = sorted(dest.rglob("index.html"))
    assert len(pages) >= 30 and (dest / "404.html").is_file()
    module = (dest / "leermodules" / "casus" / "index.html").read_text(encoding="utf-8")
    assert module.count('class="qk-quiz-item"') >= 5
    assert "assets/quizkit/quiz.js" in module
    with zipfile.ZipFile(dest / "downloads" / "scorm" / "casus.zip") as package:
        assert "imsmanifest.xml" in package.namelist()
