"""Fixtures for the SCORM tests: the packages the real build made, and a test LMS to run them."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT, serve

HERE = Path(__file__).resolve().parent
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"


@pytest.fixture(scope="session")
def packages(site_dir: Path) -> dict[str, Path]:
    """The SCORM zips of the real build, by module id."""
    return {p.stem: p for p in sorted((site_dir / "downloads" / "scorm").glob("*.zip"))}


@pytest.fixture(scope="session")
def lms_url(packages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with, per module, ``<module>/host.html`` (the test LMS) and the package in ``<module>/sco/``."""
    if not SCORM_AGAIN.is_file():
        pytest.fail(f"{SCORM_AGAIN} missing: run `npm ci` (make setup-test)")
    root = tmp_path_factory.mktemp("lms")
    for module_id, package in packages.items():
        folder = root / module_id
        with zipfile.ZipFile(package) as zf:
            zf.extractall(folder / "sco")
        shutil.copyfile(HERE / "host.html", folder / "host.html")
        shutil.copyfile(SCORM_AGAIN, folder / "scorm12.js")
    with serve(root) as url:
        yield url
