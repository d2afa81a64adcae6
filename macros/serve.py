"""``make serve``: MkDocs' development server, once ``mkdocs.yml`` reads.

MkDocs says a mistake in ``mkdocs.yml`` (a page added to ``nav`` one space off, the task an
editor does most there) in its own English, as a parser's words. This reads the file first, as
``make check`` does, and says such a mistake in Dutch at its line; then it becomes ``mkdocs
serve --strict`` in this process (``os.execv``), so the server is the one ``make serve`` always
ran.

Usage: python -m macros.serve [mkdocs serve options]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .offline import ROOT, OfflineBuildError, load_config


def config_file(argv: list[str]) -> Path:
    """The config ``mkdocs serve`` will read: ``-f``/``--config-file`` in ``argv``, else mkdocs.yml."""
    # MkDocs' own option, read as its parser reads it; the rest is left for mkdocs serve.
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    return parser.parse_known_args(argv)[0].config_file


def main(argv: list[str]) -> int:
    """Say a mistake in the config and return 1; else become ``mkdocs serve --strict``."""
    try:
        load_config(config_file(argv))
    except OfflineBuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--strict", *argv])
    return 0  # not reached: execv replaces this process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
