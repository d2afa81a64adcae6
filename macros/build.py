"""``make build``: build the whole site elsewhere, and publish it only when all of it succeeded.

``python -m macros.build [--site-dir site] [--config-file mkdocs.yml]``

MkDocs writes pages as it goes, so a strict build that fails on a broken link, a missing
anchor or a navigation problem leaves a complete-looking site behind. Here the strict build
and the offline zip go to a fresh folder beside the target; only when both succeeded is that
folder swapped in for the target (two renames on the same file system). On any failure the
previously published site is left exactly as it was, the partial folder is removed, and the
exit code is 1. MkDocs' own messages (``file:line: [item] ...``) are printed as MkDocs prints
them; this module adds one Dutch line saying that nothing was published.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .offline import OfflineBuildError, build_offline_zip, load_config

ROOT = Path(__file__).resolve().parent.parent
NOT_PUBLISHED = "Build mislukt: er is niets gepubliceerd; {site} is ongewijzigd."


def strict_build_command(config_file: Path, dest: Path) -> list[str]:
    """MkDocs' own command line for a strict build of ``config_file`` into ``dest``.

    As a child process: its logging, its strict-mode counting of warnings and its error
    reporting (no traceback) are exactly those of ``mkdocs build``. ``make check`` runs the same.
    """
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(dest)]


def build_into(target: Path, config_file: Path, *, offline: bool = True) -> bool:
    """Build strictly into a new folder beside ``target`` and swap it in; ``False`` on failure."""
    try:
        # A mistake in the config's YAML (editors change nav there) in Dutch, at its line, as
        # make check says it: MkDocs' own message for it is English.
        load_config(config_file)
    except OfflineBuildError as err:  # not YAML, not there, or an INHERIT that is not there
        print(f"ERROR: {err}", file=sys.stderr)
        return False
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Beside the target, so the swap is a rename on one file system. Dot-named: MkDocs and git
    # ignore it while it exists.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    # mkdtemp makes a private folder (0700); the published site must be readable by the web
    # server, as a folder made by mkdir would be.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    try:
        cmd = strict_build_command(config_file, staging)
        if subprocess.run(cmd, cwd=config_file.parent, check=False).returncode != 0:
            return False
        if offline:
            try:
                zipped = build_offline_zip(staging, config_file.parent)
            except OfflineBuildError as err:
                print(f"ERROR: {err}", file=sys.stderr)
                return False
            print(f"{zipped.relative_to(staging)} ({zipped.stat().st_size / 1024:.0f} KiB)")
        _swap(staging, target)
        return True
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in ``target``'s place; the old site is removed only once the new one is there."""
    old = target.with_name(f".{target.name}-old")
    if old.exists() and not target.exists():
        old.rename(target)  # an earlier swap was cut off between its two renames
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)  # the published site stays where it was
        raise
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: build and publish, or leave the published site alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to publish (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="default: mkdocs.yml")
    parser.add_argument("--no-offline", action="store_true", help="skip the offline zip")
    args = parser.parse_args(argv)
    if build_into(args.site_dir, args.config_file.resolve(), offline=not args.no_offline):
        print(f"Gepubliceerd in {args.site_dir}")
        return 0
    print(NOT_PUBLISHED.format(site=args.site_dir), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
