"""Command line: ``python -m quizkit check|scorm|moodle BANKS [OUT]``.

Checks question banks (every problem, one line each, in the editors' words) and writes the
SCORM 1.2 packages or the Moodle XML question banks from the banks alone, without a site
generator. Exit code 1 on any problem.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .bank import load_quiz_banks
from .cite import Citations, PlainCitations
from .errors import ContentError, ContentErrorList
from .moodle import MoodleWriter, write_moodle
from .render import LOCALES, QuizRenderer, Strings
from .scorm import PackageBuilder, check_suspend_data, write_packages


def _citations(spec: str | None, root: Path) -> Citations:
    if not spec:
        return PlainCitations()
    module_name, _, name = spec.partition(":")
    sys.path.insert(0, str(root))
    return getattr(importlib.import_module(module_name), name)(root)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m quizkit", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (paths in messages are relative to it)"
    )
    parser.add_argument("--citations", help="module:function giving the site's citations (as the plugin's option)")
    parser.add_argument("--locale", choices=LOCALES, default="nl")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every bank in a folder")
    check.add_argument("banks", type=Path)
    scorm = commands.add_parser("scorm", help="write one SCORM 1.2 package per module")
    scorm.add_argument("banks", type=Path)
    scorm.add_argument("out", type=Path)
    scorm.add_argument("--site-name", default="", help="named in each package's introduction")
    scorm.add_argument("--id-prefix", default="quiz", help="prefix of the manifest identifiers")
    moodle = commands.add_parser("moodle", help="write Moodle XML: one file per module and one with all")
    moodle.add_argument("banks", type=Path)
    moodle.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        citations = _citations(args.citations, root)
        banks = load_quiz_banks((root / args.banks).resolve(), root, citations)
        problems = []
        for module_id, module in banks.modules.items():
            try:
                check_suspend_data(module, banks.paths[module_id])
            except ContentError as exc:
                problems.append(exc)
        if problems:
            raise ContentErrorList(problems)
        if args.command == "scorm":
            renderer = QuizRenderer(banks, citations=citations, strings=Strings(args.locale), site_name=args.site_name)
            builder = PackageBuilder(renderer, args.id_prefix)
            packages = {module_id: builder.package(module) for module_id, module in banks.modules.items()}
            for path in write_packages(packages, args.out):
                print(path)
        elif args.command == "moodle":
            renderer = QuizRenderer(banks, citations=citations, strings=Strings(args.locale))
            for path in write_moodle(MoodleWriter(renderer).files(banks.paths), args.out):
                print(path)
        else:
            print(f"{len(banks.modules)} modules, {len(banks.items)} vragen: in orde")
    except ContentError as exc:
        print(exc.text, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
