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


# The test packages' file names: <module>.toets.zip (the locale's package_test_file).
TEST = "toets"


def _zips(site_dir: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted((site_dir / "downloads" / "scorm").glob("*.zip"))}


@pytest.fixture(scope="session")
def packages(site_dir: Path) -> dict[str, Path]:
    """The self-check SCORM zips of the real build, by module id."""
    return {name: path for name, path in _zips(site_dir).items() if "." not in name}


@pytest.fixture(scope="session")
def test_packages(site_dir: Path) -> dict[str, Path]:
    """The test SCORM zips of the real build (``<module>.toets.zip``), by module id."""
    return {name.removesuffix(f".{TEST}"): path for name, path in _zips(site_dir).items() if "." in name}


@pytest.fixture(scope="session")
def lms_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with, per package, ``<name>/host.html`` (the test LMS) and the package in ``<name>/sco/``.

    The name is the zip's: ``<module>`` for the self-check, ``<module>.toets`` for the test.
    """
    if not SCORM_AGAIN.is_file():
        pytest.fail(f"{SCORM_AGAIN} missing: run `npm ci` (make setup-test)")
    root = tmp_path_factory.mktemp("lms")
    for module_id, package in _zips(site_dir).items():
        folder = root / module_id
        with zipfile.ZipFile(package) as zf:
            zf.extractall(folder / "sco")
        shutil.copyfile(HERE / "host.html", folder / "host.html")
        shutil.copyfile(SCORM_AGAIN, folder / "scorm12.js")
    with serve(root) as url:
        yield url
