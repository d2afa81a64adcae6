"""Build the offline copy of the site and zip it: ``python -m macros.offline --site-dir site``.

The offline copy is built from ``mkdocs.offline.yml`` (Material's ``offline`` plugin: no
directory URLs, the search index inlined in a script) and opens from disk via ``file://``.
Material would load its worker shim from a CDN; we ship the pinned npm package instead, so
the copy makes no request to any other host. The zip holds one folder with ``index.html``.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_CONFIG = "mkdocs.offline.yml"
# iframe-worker's shim, shipped in the project (its header names version and licence), so the
# offline copy builds with Python alone; tests/test_offline.py compares it with the npm package.
SHIM_SOURCE = Path("macros") / "vendor" / "iframe-worker-shim.js"
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"
ZIP_FOLDER = "kennisbank-hardnekkige-alk"
# Left out of the zip: the 404 page (absolute links, shown only by a web server), the sitemap,
# source maps, and lunr's support for languages other than Dutch (search runs with lang nl).
# tests/test_offline.py searches the unzipped copy, so a file search needs cannot go missing.
NOT_ZIPPED = ("404.html", "sitemap.xml", "sitemap.xml.gz", "*.map", "assets/javascripts/lunr/*")
KEPT_LUNR = ("lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.nl.min.js")


def zipped(rel: str) -> bool:
    """Whether the site file at ``rel`` (a POSIX path) goes into the zip."""
    if rel.startswith("assets/javascripts/lunr/") and rel.rsplit("/", 1)[-1] in KEPT_LUNR:
        return True
    return not any(fnmatch.fnmatch(rel, pattern) for pattern in NOT_ZIPPED)


class OfflineBuildError(RuntimeError):
    """The offline copy could not be built; the message says why and what to do."""


class UnreadableConfigError(OfflineBuildError):
    """A config file (``name``) is not YAML, or its site address is none: no build of it can start either."""

    def __init__(self, message: str, name: str):
        super().__init__(message)
        self.name = name


def load_config(path: Path) -> dict:
    """The YAML of the MkDocs config ``path``; a mistake in it is one Dutch line (:class:`UnreadableConfigError`)."""
    try:
        with path.open("rb") as fd:
            config = yaml_load(fd)
    except FileNotFoundError:
        raise OfflineBuildError(f"{path.name}: bestand niet gevonden") from None
    except (yaml.YAMLError, ConfigurationError) as exc:
        # MkDocs wraps the YAML error (its cause) in a ConfigurationError; the mark has the line.
        cause = exc if isinstance(exc, yaml.YAMLError) else exc.__cause__ or exc.__context__
        if not isinstance(cause, yaml.YAMLError):  # not the YAML itself (an INHERIT file missing)
            raise OfflineBuildError(f"{path.name}: niet te lezen als MkDocs-configuratie ({exc})") from None
        mark = getattr(cause, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark is not None else path.name
        detail = getattr(cause, "problem", None) or str(cause or exc)
        raise UnreadableConfigError(
            f"{where}: ongeldige YAML ({detail}); kijk op deze regel en de regel erboven naar de inspringing "
            "(spaties, geen tabs) en naar aanhalingstekens en dubbele punten",
            path.name,
        ) from None
    url = config.get("site_url") if isinstance(config, dict) else None
    # MkDocs' own words for this are English ("The URL isn't valid, it should include the
    # http:// (scheme)"); SITE_URL is what an editor sets when publishing (README).
    if isinstance(url, str) and url and not re.match(r"https?://[^/\s]", url):
        raise UnreadableConfigError(
            f"{path.name}: site_url '{url}' (uit SITE_URL of {path.name}) is geen volledig adres; schrijf het met "
            "http:// of https:// ervoor, bijvoorbeeld SITE_URL=https://www.voorbeeld.nl/kennisbank/",
            path.name,
        )
    return config


def check_config(root: Path = ROOT) -> dict:
    """The merged offline config; fails if its plugins or features drifted from ``mkdocs.yml``'s.

    INHERIT replaces lists instead of merging them, so the offline config repeats the plugin
    and feature lists; a plugin added to ``mkdocs.yml`` only would silently be missing offline.
    """
    main = load_config(root / "mkdocs.yml")
    offline = load_config(root / OFFLINE_CONFIG)
    expected = [*main.get("plugins", []), "offline"]
    if offline.get("plugins") != expected:
        raise OfflineBuildError(
            f"{OFFLINE_CONFIG}: plugins moeten die van mkdocs.yml zijn plus 'offline' (plugins must be "
            f"those of mkdocs.yml plus 'offline'); neem de wijziging in mkdocs.yml hier over.\n"
            f"  mkdocs.yml + offline: {expected}\n  {OFFLINE_CONFIG}: {offline.get('plugins')}"
        )
    features = [f for f in main["theme"].get("features", []) if not f.startswith("navigation.instant")]
    if offline["theme"].get("features") != features:
        raise OfflineBuildError(
            f"{OFFLINE_CONFIG}: theme.features moeten die van mkdocs.yml zijn zonder navigation.instant* "
            f"(theme.features must be those of mkdocs.yml without navigation.instant*); neem de wijziging "
            f"in mkdocs.yml hier over.\n"
            f"  verwacht: {features}\n  {OFFLINE_CONFIG}: {offline['theme'].get('features')}"
        )
    shim = offline.get("extra", {}).get("polyfills", [])
    if shim != [SHIM_TARGET.as_posix()]:
        raise OfflineBuildError(f"{OFFLINE_CONFIG}: extra.polyfills moet ['{SHIM_TARGET.as_posix()}'] zijn")
    return offline


def build_offline_site(dest: Path, root: Path = ROOT) -> Path:
    """Strict build of the offline copy into ``dest`` (which must not exist yet)."""
    check_config(root)
    shim = root / SHIM_SOURCE
    if not shim.is_file():
        raise OfflineBuildError(f"{SHIM_SOURCE} ontbreekt")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / OFFLINE_CONFIG), "-d", str(dest)]
    result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise OfflineBuildError(f"de offline-versie kon niet gebouwd worden:\n{result.stdout}{result.stderr}")
    (dest / SHIM_TARGET).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, dest / SHIM_TARGET)
    return dest


def zip_site(site: Path, zip_path: Path) -> Path:
    """Zip ``site`` into ``zip_path`` under one top folder, files in sorted order."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file() and zipped(p.relative_to(site).as_posix())):
            zf.write(path, f"{ZIP_FOLDER}/{path.relative_to(site).as_posix()}")
    tmp.replace(zip_path)
    return zip_path


def zip_name(root: Path = ROOT) -> str:
    """File name of the zip, from ``extra.offline_zip`` in ``mkdocs.yml``."""
    name = load_config(root / "mkdocs.yml").get("extra", {}).get("offline_zip")
    if not name:
        raise OfflineBuildError("mkdocs.yml: extra.offline_zip ontbreekt")
    return name


def build_offline_zip(site_dir: Path, root: Path = ROOT) -> Path:
    """Build the offline copy and put its zip at ``site_dir/downloads/<extra.offline_zip>``."""
    with tempfile.TemporaryDirectory(prefix="halk-offline-") as tmp:
        offline = build_offline_site(Path(tmp) / "site", root)
        return zip_site(offline, site_dir / "downloads" / zip_name(root))


def main(argv: list[str] | None = None) -> int:
    """Command line: build the offline zip into an already built site directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} is not a built site (no index.html); run mkdocs build first")
    try:
        path = build_offline_zip(args.site_dir)
    except OfflineBuildError as err:
        print(f"ERROR: {err}", file=sys.stderr)
        return 1
    print(f"{path} ({path.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
