"""MkDocs hook: MkDocs' own warnings about links and navigation, told to editors in Dutch with a line.

MkDocs checks every link, anchor and navigation entry itself (it is the one owner of that
check), but says so in English and without a line number: "Doc file 'alk.md' contains a link
'nergens.md', but the target is not found among documentation files." Editors get every other
mistake as ``file:line: message`` in Dutch. MkDocs writes these warnings as finished sentences
(no format arguments), so the only way to reword them is to read them: a logging filter on the
two MkDocs loggers that write them recognises each known sentence and replaces it by the Dutch
line, with the line of the link in the page (found in the page's source). A sentence it does not
recognise passes unchanged, so nothing is ever lost; the record keeps its level, so strict mode
still counts it. tests/test_bad_input.py pins every sentence, so an MkDocs release that rewords
one fails the tests rather than silently falling back to English.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")

# MkDocs' sentence -> the Dutch line (str.format fields from the sentence's named groups).
_DOC = r"Doc file '(?P<doc>[^']+)' contains "
_PATTERNS = {
    "missing_page": re.compile(
        _DOC + r"a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among documentation files\."
    ),
    "missing_anchor": re.compile(
        _DOC
        + r"a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'\."
    ),
    "missing_anchor_here": re.compile(_DOC + r"a link '(?P<link>[^']+)', but there is no such anchor on this page\."),
    "unrecognized": re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']+)', it was left as is\."),
    "excluded": re.compile(_DOC + r"a link to '(?P<target>[^']+)' which is excluded from the built site\."),
    "not_in_nav": re.compile(
        r'The following pages exist in the docs directory, but are not included in the "nav" configuration:'
        r"(?P<pages>(?:\n  - .+)+)"
    ),
    "nav_missing": re.compile(
        r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, "
        r"which is not found in the documentation files\."
    ),
    "absolute": re.compile(_DOC + r"an absolute link '(?P<link>[^']+)', it was left as is\."),
    "nav_absolute": re.compile(
        r"An absolute path to '(?P<target>[^']+)' is included in the 'nav' configuration, "
        r"which presumably points to an external resource\."
    ),
    "nav_excluded": re.compile(
        r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, "
        r"but this file is excluded from the built site\."
    ),
}
# What MkDocs may add to a sentence: a suggestion, or a note on footnotes.
_SUGGESTION = re.compile(r" Did you mean '(?P<suggest>[^']+)'\?$")
_FOOTNOTE = " This seems to be a footnote that is never referenced."
_MESSAGES = {
    "missing_page": "link naar '{link}': die pagina of dat bestand bestaat niet",
    "missing_anchor": "link naar '{link}': kopje of anker '#{anchor}' bestaat niet op die pagina",
    "missing_anchor_here": "link naar '{link}': kopje of anker bestaat niet op deze pagina",
    "unrecognized": "link '{link}' wijst niet naar een pagina of bestand van de site; verwijs naar een .md-bestand",
    "excluded": "link naar '{target}': die pagina wordt niet gepubliceerd",
    "not_in_nav": "pagina staat niet in de navigatie (nav in mkdocs.yml); voeg haar toe",
    "nav_missing": "navigatie noemt '{target}', maar dat bestand bestaat niet in docs/",
    "absolute": "link '{link}' begint met '/'; schrijf de link relatief vanaf de pagina, naar het .md-bestand",
    "nav_absolute": "navigatie noemt '{target}', dat met '/' begint; noem het .md-bestand vanaf docs/",
    "nav_excluded": "navigatie noemt '{target}', maar die pagina wordt niet gepubliceerd",
    "suggestion": "bedoelt u '{suggest}'?",
    "footnote": "dit lijkt een voetnoot waarnaar nergens wordt verwezen",
}


def line_of(text: str, needle: str) -> int | None:
    """The line (1-based) where ``needle`` first occurs as a link target in ``text``, if it does.

    Link forms first (inline, reference, HTML); each must end where the target ends, so that
    '#stappen' is not found in '#stappen-lang'.
    """
    for form in (f"]({needle}", f"]: {needle}", f'href="{needle}"', needle):
        found = re.search(re.escape(form) + r"""(?=[)\s"'>]|$)""", text, re.M)
        if found:
            return text.count("\n", 0, found.start()) + 1
    return None


class DutchLinkMessages(logging.Filter):
    """Rewords MkDocs' link and navigation warnings as ``docs/page.md:line: Dutch message``."""

    def __init__(self, docs_dir: Path, config_file: Path):
        super().__init__("halk-link-messages")
        self.docs_dir = docs_dir
        self.config_file = config_file

    def _where(self, file: Path, needle: str | None) -> str:
        """``docs/page.md:line`` (or without the line when the text is not found)."""
        shown = (
            f"{self.docs_dir.name}/{file.relative_to(self.docs_dir).as_posix()}"
            if file.is_relative_to(self.docs_dir)
            else file.name
        )
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return shown
        line = line_of(text, needle) if needle else None
        return f"{shown}:{line}" if line else shown

    def _nav_file(self) -> Path:
        """The file with the navigation: the config, or the one it inherits when it has no nav.

        The offline copy's config (INHERIT: mkdocs.yml) has no nav of its own: its navigation
        mistakes are mkdocs.yml's, and said as such (``make check`` then prints them once).
        """
        try:
            text = self.config_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return self.config_file
        inherit = re.search(r"^INHERIT:[ \t]*(\S+)", text, re.MULTILINE)
        if inherit and not re.search(r"^nav:", text, re.MULTILINE):
            return self.config_file.parent / inherit.group(1)
        return self.config_file

    def translate(self, message: str) -> str | None:
        """The Dutch line(s) for one of MkDocs' sentences, or ``None`` for any other message."""
        extra = ""
        suggestion = _SUGGESTION.search(message)
        if suggestion:
            message = message[: suggestion.start()]
            extra = "; " + _MESSAGES["suggestion"].format(suggest=suggestion["suggest"])
        elif message.endswith(_FOOTNOTE):
            message = message.removesuffix(_FOOTNOTE)
            extra = " (" + _MESSAGES["footnote"] + ")"
        for kind, pattern in _PATTERNS.items():
            found = pattern.fullmatch(message)
            if not found:
                continue
            fields = found.groupdict()
            text = _MESSAGES[kind].format(**fields) + extra
            if kind == "not_in_nav":
                pages = [p.strip()[2:] for p in fields["pages"].strip("\n").splitlines()]
                return "\n".join(f"{self._where(self.docs_dir / page, None)}: {text}" for page in pages)
            if kind.startswith("nav_"):
                return f"{self._where(self._nav_file(), fields['target'])}: {text}"
            return f"{self._where(self.docs_dir / fields['doc'], fields.get('link'))}: {text}"
        return None

    def filter(self, record: logging.LogRecord) -> bool:
        """Reword a known sentence in place; every record is kept."""
        dutch = self.translate(record.getMessage())
        if dutch is not None:
            record.msg, record.args = dutch, ()
        return True


def _attached() -> list[tuple[logging.Logger, DutchLinkMessages]]:
    return [
        (logger, f)
        for logger in map(logging.getLogger, LOGGERS)
        for f in logger.filters
        if isinstance(f, DutchLinkMessages)
    ]


def on_config(config: Any) -> Any:
    """MkDocs hook: attach the filter for this build (once, also across `mkdocs serve` rebuilds)."""
    for logger, old in _attached():
        logger.removeFilter(old)
    link_messages = DutchLinkMessages(Path(config.docs_dir), Path(config.config_file_path or "mkdocs.yml"))
    for name in LOGGERS:
        logging.getLogger(name).addFilter(link_messages)
    return config


def on_shutdown() -> None:
    """MkDocs hook: leave the loggers as they were."""
    for logger, old in _attached():
        logger.removeFilter(old)
