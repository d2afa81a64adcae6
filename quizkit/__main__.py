"""Command line: ``python -m quizkit check|scorm|moodle BANKS [OUT]``, ``python -m quizkit schema OUT``.

Checks question banks (every problem, one line each, in the editors' words) and writes the
SCORM 1.2 packages or the Moodle XML question banks from the banks alone, without a site
generator. With ``--config mkdocs.yml`` it takes the site's own settings (the quizkit plugin's
citations, SCORM id prefix and locale, and the site name), so that it checks and writes what
the site's build does. ``schema`` writes the JSON Schema of a bank, for editors' hints. Exit
code 1 on any problem, 2 on a command line argparse cannot read.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from .bank import QuizBanks, load_quiz_banks
from .cite import load_citations
from .cues import cue_lines
from .errors import ContentError
from .markdown import DEFAULT_EXTENSIONS, MarkdownRenderer
from .models import BANK_SCHEMA_TITLE, QuizModule, schema_text
from .moodle import MoodleWriter
from .render import LOCALES, QuizRenderer, Strings, check_storage_key
from .scorm import PackageBuilder, check_id_prefix, check_packages, write_packages
from .site import load_glossary
from .source import write_whole
from .trainer import ModuleLinks, answer_key, catalogue

DESCRIPTION = (
    "Check question banks, or write their SCORM 1.2 packages or Moodle XML, without a site generator; "
    "or write a bank's JSON Schema for editors. Messages name file, line and item."
)
# After writing packages or Moodle files with neither --locale nor --config.
LANGUAGE_NOTE = "quizkit: de teksten zijn in taal '{}'; kies een andere met --locale of --config"
# Defaults when neither the command line nor --config gives a value.
DEFAULTS: dict[str, Any] = {
    "banks": "docs/_data/quiz",
    "citations": None,
    "glossary": None,
    "locale": "nl",
    "site_name": "",
    "id_prefix": "quiz",
    "templates": None,
    "minify": True,
    "storage_key": "quizkit",
    "scorm_dir": "downloads/scorm",
    "moodle_dir": "downloads/moodle",
    # The site's Markdown extensions and their options (with --config: mkdocs.yml's).
    "extensions": None,
    "extension_configs": None,
}
# The quizkit plugin's options (quizkit/plugin/config.py) that the command line uses, by the
# name of the setting here. The plugin's option table imports MkDocs, which the command line
# does not; a test compares the two.
PLUGIN_OPTIONS = {
    "banks": "banks",
    "citations": "citations",
    "glossary": "glossary",
    "locale": "locale",
    "id_prefix": "scorm_id_prefix",
    "templates": "templates",
    "minify": "minify",
    "storage_key": "storage_key",
    # Whether the site makes packages and Moodle files at all (empty: not), for ``check``.
    "scorm_dir": "scorm_dir",
    "moodle_dir": "moodle_dir",
}
# The type each of those options must have in mkdocs.yml, as the plugin checks it (text where
# not named; storage_key has a check of its own, with its own message).
OPTION_TYPES: dict[str, type] = {"minify": bool, "storage_key": object}
# The Markdown extensions MkDocs always loads before a site's own (mkdocs.config.defaults).
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
# What the system says of a folder the command line cannot write, in the editors' words.
_OS_ERRORS = {
    errno.EEXIST: "bestaat al en is geen map",
    errno.ENOTDIR: "een deel van dit pad is een bestand, geen map",
    errno.EACCES: "geen toestemming om hier te schrijven",
    errno.EROFS: "alleen-lezen: hier kan niets worden geschreven",
    errno.ENOSPC: "de schijf is vol",
}


class _ConfigLoader(yaml.SafeLoader):
    """A MkDocs configuration as plain data, without MkDocs: the command line needs no site generator.

    ``!ENV`` is read as MkDocs reads it (the first environment variable that is set, else the
    last value as the default), and ``!!python/name:module.name`` as the object it names, as
    MkDocs imports it (Markdown extensions take functions so: pymdownx.emoji's index); other
    tags as None: the command line uses none of those settings.
    """


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    for name in names[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return names[-1] if names else None


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module_name, _, name = suffix.rpartition(".")
    line = node.start_mark.line + 1
    try:  # a name without a module is a built-in one, as PyYAML's FullLoader reads it
        module = importlib.import_module(module_name or "builtins")
    except ImportError as exc:
        raise ValueError(f"regel {line}: '!!python/name:{suffix}' niet gevonden ({exc})") from None
    except (Exception, SystemExit) as exc:  # importing runs the module: a mistake in it is one line here
        raise ValueError(f"regel {line}: '!!python/name:{suffix}' kan niet worden geladen ({exc!r})") from None
    if not hasattr(module, name):
        raise ValueError(f"regel {line}: '!!python/name:{suffix}' niet gevonden (geen '{name}' in {module.__name__})")
    return getattr(module, name)


_ConfigLoader.add_constructor("!ENV", _env)
# Before the catch-all below: PyYAML takes the first prefix that matches.
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _merged(parent: Any, child: Any) -> Any:
    """``child`` over ``parent`` as MkDocs merges an ``INHERIT``: mappings key by key, anything else replaced."""
    if not (isinstance(parent, dict) and isinstance(child, dict)):
        return child
    return {**parent, **{key: _merged(parent.get(key), value) for key, value in child.items()}}


def _read_config(config_file: Path, seen: tuple[Path, ...] = ()) -> Any:
    """``config_file`` as data, with the file its ``INHERIT`` names (relative to it) underneath."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as exc:
        line = f":{exc.problem_mark.line + 1}" if exc.problem_mark else ""
        raise ValueError(f"{config_file}{line}: ongeldige YAML: {exc.problem or exc.context}") from None
    except UnicodeDecodeError as exc:  # a ValueError too: before the next
        raise ValueError(f"{config_file}: niet te lezen als MkDocs-configuratie ({exc})") from None
    except ValueError as exc:  # a !!python/name that is not there
        raise ValueError(f"{config_file}: {exc}") from None
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{config_file}: niet te lezen als MkDocs-configuratie ({exc})") from None
    if isinstance(config, dict) and isinstance(config.get("INHERIT"), str):
        parent_file = config_file.parent / config.pop("INHERIT")
        if parent_file.resolve() in seen:
            raise ValueError(f"{config_file}: INHERIT: '{parent_file}' erft van zichzelf")
        config = _merged(_read_config(parent_file, (*seen, config_file.resolve())), config)
    return config


def _entries(value: Any) -> list[tuple[Any, Any]]:
    """(name, options) of each entry of ``plugins`` or ``markdown_extensions``, in any form MkDocs takes."""
    if isinstance(value, dict):
        return list(value.items())
    entries = []
    for entry in value if isinstance(value, list) else []:
        if isinstance(entry, dict) and len(entry) == 1:
            entries.append(next(iter(entry.items())))
        else:
            entries.append((entry, None))
    return entries


def site_options(config_file: Path) -> dict[str, Any]:
    """The command line's defaults from a MkDocs configuration: its quizkit options and site name."""
    config = _read_config(config_file)
    if not isinstance(config, dict):
        raise ValueError(f"{config_file}: geen MkDocs-configuratie")
    options: dict[str, Any] = {}
    for name, conf in _entries(config.get("plugins")):
        if name == "quizkit":
            options = conf if isinstance(conf, dict) else {}
    settings: dict[str, Any] = {
        key: options[option] for key, option in PLUGIN_OPTIONS.items() if options.get(option) is not None
    }
    for key, value in settings.items():
        kind = OPTION_TYPES.get(key, str)
        if not isinstance(value, kind):
            shown = "true of false" if kind is bool else "tekst"
            raise ValueError(
                f"{config_file}: plugins: quizkit: {PLUGIN_OPTIONS[key]} moet {shown} zijn, niet {value!r}"
            )
    if isinstance(config.get("site_name"), str):
        settings["site_name"] = config["site_name"]
    # The site's Markdown, as MkDocs sets it up: its own three extensions, then the site's.
    extensions: list[str] = list(MKDOCS_EXTENSIONS)
    configs: dict[str, Any] = {}
    for name, conf in _entries(config.get("markdown_extensions")):
        if not isinstance(name, str):
            raise ValueError(f"{config_file}: markdown_extensions: '{name}' is geen extensie")
        if name not in extensions:
            extensions.append(name)
        if isinstance(conf, dict):
            configs[name] = conf
    settings["extensions"], settings["extension_configs"] = extensions, configs
    return settings


def _parser() -> argparse.ArgumentParser:
    # The common options go before or after the command alike (SUPPRESS: an option not given
    # in one place does not overwrite the other's); their defaults are filled in by main().
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--config",
        type=Path,
        help="the site's mkdocs.yml: its quizkit options, Markdown extensions and site_name are the defaults",
    )
    common.add_argument("--root", type=Path, help="project folder; paths in messages are relative to it")
    common.add_argument("--citations", help="module:function giving the site's citations (the plugin's option)")
    common.add_argument(
        "--glossary", help="module:function giving the abbreviations data texts explain (the plugin's option)"
    )
    common.add_argument("--locale", choices=LOCALES, help="language of the quiz texts written (messages stay Dutch)")
    prog = "quizkit" if Path(sys.argv[0]).name == "quizkit" else "python -m quizkit"
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION, parents=[common])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[common], help="check every bank in a folder")
    # The bank folder may be left out with --config: the plugin's banks option (the folder of
    # mkdocs.yml, then docs/_data/quiz unless the site sets another).
    banks_help = "folder of the question banks (with --config: the plugin's banks option if left out)"
    check.add_argument("banks", type=Path, nargs="?", help=banks_help)
    scorm = commands.add_parser("scorm", parents=[common], help="write one SCORM 1.2 package per module")
    scorm.add_argument("banks", type=Path, nargs="?", help=banks_help)
    scorm.add_argument("out", type=Path, help="folder to write the packages into (made if it is not there)")
    scorm.add_argument("--site-name", default=argparse.SUPPRESS, help="named in each package's introduction")
    scorm.add_argument("--id-prefix", default=argparse.SUPPRESS, help="prefix of the manifest identifiers")
    scorm.add_argument(
        "--storage-key", default=argparse.SUPPRESS, help="start of the browser storage keys (the plugin's storage_key)"
    )
    moodle = commands.add_parser(
        "moodle", parents=[common], help="write Moodle XML: one file per module and one with all"
    )
    moodle.add_argument("banks", type=Path, nargs="?", help=banks_help)
    moodle.add_argument("out", type=Path, help="folder to write the Moodle XML files into (made if it is not there)")
    schema = commands.add_parser(
        "schema", help="write the JSON Schema of a question bank, for editors' hints (see quizkit/FORMAT.md)"
    )
    schema.add_argument("out", type=Path, help="the schema file to write, e.g. schema/quiz-module.schema.json")
    return parser


def _render_pages(renderer: QuizRenderer, banks: QuizBanks, packages: bool, moodle: bool) -> None:
    """Everything the macros can put on a site's pages, rendered once and dropped (for ``check``).

    Each module, each item on its own, the list of modules, the answer keys and the trainers'
    catalogue: a mistake a site's template makes in any of them stops the build of a page that
    uses it. The check is the stricter of the two: it renders them whether a page uses them or not.
    """
    for module_id, module in banks.modules.items():
        renderer.module(module_id, "")
        answer_key(renderer, module, "", "", packages=packages)
    for item_id in banks.items:
        renderer.item(item_id, "")
    renderer.index(lambda module_id: "")
    links = {
        module_id: ModuleLinks(
            "", "", "", scorm="#" if packages else "", scorm_test="#" if packages else "", moodle="#" if moodle else ""
        )
        for module_id in banks.modules
    }
    catalogue(renderer, list(banks.modules.values()), links, "#" if moodle else "")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Paths on the command line are relative to the current folder. The project folder (``--root``,
    else the folder of ``--config``, else the current one) is where the site's own modules
    (``--citations``) and templates are found and what paths in messages are shown relative to.
    """
    args = vars(_parser().parse_args(argv))
    given_banks = args.pop("banks", None)
    try:
        if args["command"] == "schema":  # the format alone: no site, no banks
            out: Path = args["out"]
            if out.is_dir() or out.name in ("", ".", ".."):
                raise ValueError(f"{out} is een map; geef de naam van het schemabestand, zoals quiz-module.schema.json")
            text = schema_text(QuizModule, out.name, BANK_SCHEMA_TITLE)
            print(write_whole({out.name: text.encode()}, out.parent)[0])
            return 0
        config = args.get("config")
        settings = {**DEFAULTS, **(site_options(config) if config else {}), **args}
        root = Path(settings.get("root") or (config.parent if config else Path.cwd())).resolve()
        site = config.parent.resolve() if config else root  # where the site's modules and templates are
        strings = Strings(settings["locale"])
        check_storage_key(
            settings["storage_key"], "--storage-key" if "storage_key" in args else Path(config or "").name
        )
        # What the site makes, checked as the build checks it: packages (unless the site makes
        # none) and Moodle files (idem); the scorm and moodle commands make them in any case.
        command = settings["command"]
        packages = command == "scorm" or (command == "check" and bool(settings["scorm_dir"]))
        if packages:
            check_id_prefix(settings["id_prefix"], "--id-prefix" if "id_prefix" in args else Path(config or "").name)
        citations = load_citations(settings["citations"], site)
        glossary = load_glossary(settings["glossary"], site)
        try:
            markdown = MarkdownRenderer(
                settings["extensions"] or DEFAULT_EXTENSIONS, settings["extension_configs"], glossary
            )
        except Exception as exc:  # an extension Python-Markdown cannot load, or its options
            raise ValueError(f"{config or 'quizkit'}: markdown_extensions: {exc}") from None
        if given_banks is not None:
            folder = given_banks.resolve()
        elif config:
            folder = (site / settings["banks"]).resolve()
        elif "out" in args:  # one folder given: argparse took it for the output, the one it needs
            raise ValueError(
                f"geef twee mappen op, eerst die met de vragenbanken en dan die voor de bestanden ('{args['out']}' "
                "is nu gelezen als de map voor de bestanden), of --config met de mkdocs.yml van de site"
            )
        else:
            raise ValueError("geef de map met vragenbanken op, of --config met de mkdocs.yml van de site")
        banks = load_quiz_banks(folder, root, citations)
        if not banks.modules:
            shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
            raise ContentError(str(shown), None, "geen vragenbanken (*.yml) in deze map")
        if packages:
            check_packages(banks)
        templates = site / settings["templates"] if settings["templates"] else None
        renderer = QuizRenderer(
            banks, markdown, citations, strings, templates, settings["site_name"], settings["storage_key"]
        )
        if settings["command"] == "scorm":
            builder = PackageBuilder(renderer, settings["id_prefix"], bool(settings["minify"]))
            for path in write_packages(builder.packages(banks.modules.values()), settings["out"]):
                print(path)
        elif settings["command"] == "moodle":
            for path in write_whole(MoodleWriter(renderer).files(), settings["out"]):
                print(path)
        else:
            # As the build makes them, in memory: an item Moodle cannot take, or a mistake a
            # site's template makes on a page or in a package, stops the check; nothing is written.
            _render_pages(renderer, banks, bool(settings["scorm_dir"]), bool(settings["moodle_dir"]))
            if settings["moodle_dir"]:
                MoodleWriter(renderer).files()
            if settings["scorm_dir"]:
                PackageBuilder(renderer, settings["id_prefix"], bool(settings["minify"])).packages(
                    banks.modules.values()
                )
            modules, items = strings.ts("modules", n=len(banks.modules)), strings("items", n=len(banks.items))
            print(strings.ts("check_ok", modules=modules, items=items))
            # Signals for the editor, not problems.
            print("\n".join(cue_lines(banks.modules.values(), strings.absolute_words)))
        if command != "check" and "locale" not in args and not config:
            # Written in the default language, which the learners' texts are in: say so.
            print(LANGUAGE_NOTE.format(strings.locale), file=sys.stderr)
    except ContentError as exc:
        print(exc.text, file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"quizkit: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # an output folder that is a file, no permission to write...
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"quizkit: {where}{_OS_ERRORS.get(exc.errno or 0, exc.strerror)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
