"""Command line: ``python -m quizkit check|scorm|moodle BANKS [OUT]``.

Checks question banks (every problem, one line each, in the editors' words) and writes the
SCORM 1.2 packages or the Moodle XML question banks from the banks alone, without a site
generator. With ``--config mkdocs.yml`` it takes the site's own settings (the quizkit plugin's
citations, SCORM id prefix and locale, and the site name), so that it checks and writes what
the site's build does. Exit code 1 on any problem, 2 on a wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from .bank import load_quiz_banks
from .cite import load_citations
from .errors import ContentError, ContentErrorList
from .markdown import MarkdownRenderer
from .moodle import MoodleWriter, write_moodle
from .render import LOCALES, QuizRenderer, Strings
from .scorm import PackageBuilder, check_suspend_data, write_packages

DESCRIPTION = (
    "Check question banks, or write their SCORM 1.2 packages or Moodle XML, without a site generator. "
    "Messages name file, line and item."
)
# Defaults when neither the command line nor --config gives a value.
DEFAULTS: dict[str, Any] = {
    "citations": None,
    "locale": "nl",
    "site_name": "",
    "id_prefix": "quiz",
    "templates": None,
    "markdown": None,
}
# The Markdown extensions MkDocs always loads before a site's own (mkdocs.config.defaults).
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


class _ConfigLoader(yaml.SafeLoader):
    """A MkDocs configuration as plain data; values with a tag (``!ENV``, ``!!python/name:``) read as None.

    Only the quizkit plugin's options and ``site_name`` are read from it, and MkDocs is not
    imported: the command line works without a site generator.
    """


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_options(config_file: Path) -> dict[str, Any]:
    """The command line's defaults from a MkDocs configuration: its quizkit options and site name."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{config_file}: niet te lezen als MkDocs-configuratie ({exc})") from None
    if not isinstance(config, dict):
        raise ValueError(f"{config_file}: geen MkDocs-configuratie")
    options: dict[str, Any] = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("quizkit"), dict):
            options = entry["quizkit"]
    found = {
        "citations": options.get("citations"),
        "locale": options.get("locale"),
        "id_prefix": options.get("scorm_id_prefix"),
        "templates": options.get("templates"),
        "site_name": config.get("site_name"),
    }
    settings: dict[str, Any] = {key: value for key, value in found.items() if isinstance(value, str)}
    # The site's Markdown, as MkDocs sets it up: its own three extensions, then the site's.
    extensions: list[str] = list(MKDOCS_EXTENSIONS)
    configs: dict[str, Any] = {}
    for entry in config.get("markdown_extensions") or []:
        name, conf = next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else (entry, None)
        if not isinstance(name, str):
            raise ValueError(f"{config_file}: markdown_extensions: '{entry}' is geen extensie")
        if name not in extensions:
            extensions.append(name)
        if isinstance(conf, dict):
            configs[name] = conf
    try:
        settings["markdown"] = MarkdownRenderer(extensions, configs)
    except (ImportError, TypeError, KeyError) as exc:
        raise ValueError(f"{config_file}: markdown_extensions: {exc}") from None
    return settings


def _parser() -> argparse.ArgumentParser:
    # The common options go before or after the command alike (SUPPRESS: an option not given
    # in one place does not overwrite the other's); their defaults are filled in by main().
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--config",
        type=Path,
        help="the site's mkdocs.yml: its quizkit options and site_name are the defaults, its folder the root",
    )
    common.add_argument("--root", type=Path, help="project folder; paths in messages are relative to it")
    common.add_argument("--citations", help="module:function giving the site's citations (the plugin's option)")
    common.add_argument("--locale", choices=LOCALES, help="language of the quiz texts written (messages stay Dutch)")
    prog = "quizkit" if Path(sys.argv[0]).name == "quizkit" else "python -m quizkit"
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION, parents=[common])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[common], help="check every bank in a folder")
    check.add_argument("banks", type=Path)
    scorm = commands.add_parser("scorm", parents=[common], help="write one SCORM 1.2 package per module")
    scorm.add_argument("banks", type=Path)
    scorm.add_argument("out", type=Path)
    scorm.add_argument("--site-name", default=argparse.SUPPRESS, help="named in each package's introduction")
    scorm.add_argument("--id-prefix", default=argparse.SUPPRESS, help="prefix of the manifest identifiers")
    moodle = commands.add_parser(
        "moodle", parents=[common], help="write Moodle XML: one file per module and one with all"
    )
    moodle.add_argument("banks", type=Path)
    moodle.add_argument("out", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = vars(_parser().parse_args(argv))
    try:
        config = args.get("config")
        settings = {**DEFAULTS, **(site_options(config) if config else {}), **args}
        root = Path(settings.get("root") or (config.parent if config else Path.cwd())).resolve()
        if settings["locale"] not in LOCALES:
            raise ValueError(f"onbekende taal '{settings['locale']}' (bekend: {', '.join(LOCALES)})")
        if settings["citations"] and str(root) not in sys.path:
            sys.path.insert(0, str(root))  # a site's own module (macros.content), as MkDocs finds it
        citations = load_citations(settings["citations"], root)
        folder = (root / settings["banks"]).resolve()
        banks = load_quiz_banks(folder, root, citations)
        if not banks.modules:
            shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
            raise ContentError(str(shown), None, "geen vragenbanken (*.yml) in deze map")
        problems = []
        for module_id, module in banks.modules.items():
            try:
                check_suspend_data(module, banks.paths[module_id])
            except ContentError as exc:
                problems.append(exc)
        if problems:
            raise ContentErrorList(problems)
        templates = root / settings["templates"] if settings["templates"] else None
        renderer = QuizRenderer(
            banks, settings["markdown"], citations, Strings(settings["locale"]), templates, settings["site_name"]
        )
        if settings["command"] == "scorm":
            builder = PackageBuilder(renderer, settings["id_prefix"])
            packages = {module_id: builder.package(module) for module_id, module in banks.modules.items()}
            for path in write_packages(packages, settings["out"]):
                print(path)
        elif settings["command"] == "moodle":
            for path in write_moodle(MoodleWriter(renderer).files(banks.paths), settings["out"]):
                print(path)
        else:
            print(f"{len(banks.modules)} modules, {len(banks.items)} vragen: in orde")
    except ContentError as exc:
        print(exc.text, file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"quizkit: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # an output folder that is a file, no permission to write...
        print(f"quizkit: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
