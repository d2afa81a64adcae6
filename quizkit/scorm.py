"""Two SCORM 1.2 packages per quiz module: ``<module>.zip`` and the test, ``<module>.<test>.zip``.

A package is self-contained: ``index.html`` holds the module's quiz rendered with the engine's
own templates, next to the quiz script and styles, a small stylesheet instead of the site
theme's, and ``scorm.js``, which finds the LMS's SCORM 1.2 API and plugs into the quiz as its
storage and result adapter. ``imsmanifest.xml`` names the one SCO and the module's pass mark as
``adlcp:masteryscore``. Nothing in a package loads anything from outside it; without an LMS it
is a plain quiz that keeps answers in the browser. Nothing here needs MkDocs.

The first package is the self-check of the site: "Toon antwoord" at any time, and any
question tried again. The second is a test (``<test>`` is the locale's ``package_test_file``):
the answer shows once a question is checked, and that first checked answer is final, so the
score the LMS gets is the learner's first try (quiz.js, ``data-quiz-test``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .assets import asset_text
from .bank import QuizBanks
from .base import ItemFields, Question
from .errors import ContentError, raise_all
from .models import QuizModule
from .render import QuizRenderer, Strings, module_sources
from .source import write_whole

# SCORM 1.2 allows 4096 characters of cmi.suspend_data.
SUSPEND_DATA_LIMIT = 4096
# Fixed timestamp for every zip entry, so that the same content gives the same zip.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
# What an identifier in imsmanifest.xml may be (xs:ID, an XML name without ':'); the prefix
# is followed there by '-', the module id and a suffix, which are all allowed after it.
ID_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def check_id_prefix(value: object, where: str = "mkdocs.yml") -> str:
    """``value`` if it can start the manifest's identifiers (``scorm_id_prefix``), else a ValueError."""
    if not isinstance(value, str) or not ID_PREFIX.fullmatch(value):
        raise ValueError(
            f"scorm_id_prefix '{value}' in {where}: begin met een letter of '_', daarna alleen letters a-z en A-Z "
            "(zonder accenten), cijfers, '-', '_' en '.' (het begin van de namen in imsmanifest.xml)"
        )
    return value


def _add(zf: zipfile.ZipFile, name: str, data: bytes, level: int = 9) -> None:
    """Add a deflated entry with the fixed timestamp and ordinary file permissions."""
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compresslevel=level)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _digit(value: bool | int) -> str:
    """One value as scorm.js packs it: ``T``/``F`` or one base-36 digit."""
    if value is True or value is False:
        return "T" if value else "F"
    if not 0 <= value < len(_DIGITS):
        raise ValueError(value)  # check_suspend_data names the item
    return _DIGITS[value]


def _unit(state: Any) -> str:
    if state is None:
        return "z"
    if isinstance(state, list):
        return "a" + "".join(_digit(v) for v in state)
    return "n" + _digit(state)


def pack_suspend_data(module: QuizModule, record: dict[str, Any]) -> str:
    """``record`` (``{"v", "items": {id: {"h", "s"}}}``) packed as scorm.js packs it.

    ``~<version>~`` then an entry per item in the module's order, joined by ``,``: empty when
    unanswered or saved for another form of the item, else the item's tag
    (:func:`~quizkit.answers.saved_tag`, by which scorm.js finds the item again) and each unit's
    answer (``n`` + a base-36 digit, ``a`` + a digit per value with ``T``/``F`` for booleans,
    ``z`` for none), joined by ``;``.
    """
    entries = []
    for item in module.items:
        entry = record["items"].get(item.id)
        current = entry is not None and entry["h"] == item.saved_hash
        entries.append(item.saved_tag + ";".join(_unit(s) for s in entry["s"]) if current else "")
    return f"~{record['v']}~" + ",".join(entries)


def worst_suspend_data(module: QuizModule) -> str:
    """``cmi.suspend_data`` with every item answered as long-windedly as possible.

    The record quiz.js saves (``{"v": version, "items": {id: {"h", "s", "ok"}}}``), packed as
    scorm.js packs it (:func:`pack_suspend_data`).
    """
    items = {}
    for item in module.items:
        states = [q.worst_state() for q, _uid, _seed, _stage in item.units_of]
        items[item.id] = {"h": item.saved_hash, "s": states, "ok": False}
    return pack_suspend_data(module, {"v": module.module.version, "items": items})


def check_packages(banks: QuizBanks) -> None:
    """Every module SCORM cannot hold, at once: :func:`check_suspend_data` and :func:`tag_clashes`."""
    problems = []
    for module_id, module in banks.modules.items():
        try:
            check_suspend_data(module, banks.paths[module_id], banks.lines)
        except ContentError as exc:
            problems.append(exc)
        problems += tag_clashes(module, banks.paths[module_id], banks.lines)
    raise_all(problems)


def tag_clashes(module: QuizModule, path: str, lines: dict[str, int | None]) -> list[ContentError]:
    """An error for each item whose saved-answer tag an earlier item of the module has.

    A package finds each saved answer's item by its tag (:func:`~quizkit.answers.saved_tag`,
    6 characters): two items with one tag would share their answers. It takes thousands of
    items to make that likely, but another id always ends it.
    """
    first: dict[str, str] = {}
    problems = []
    for item in module.items:
        other = first.setdefault(item.saved_tag, item.id)
        if other != item.id:
            problems.append(
                ContentError(
                    path,
                    lines.get(item.id),
                    f"SCORM: vraag '{other}' en deze vraag krijgen hetzelfde kenmerk ({item.saved_tag}) voor "
                    "opgeslagen antwoorden; geef deze vraag een andere id",
                    item.id,
                )
            )
    return problems


def _packs(item: ItemFields) -> bool:
    """Whether the longest answer to every unit of ``item`` packs (:func:`_unit`)."""
    try:
        for q, _uid, _seed, _stage in item.units_of:
            _unit(q.worst_state())
    except ValueError:
        return False
    return True


def check_suspend_data(module: QuizModule, path: str, lines: dict[str, int | None] | None = None) -> None:
    """Stop if an item's answer cannot be packed, or the module's could exceed SCORM 1.2's 4096 characters.

    An answer packs each value in one character (:func:`_digit`): every item whose question (or
    a stage's) has more options, steps or categories than that allows is named (statements are
    packed one per character, so their number has no such limit).
    """
    try:
        size = len(worst_suspend_data(module))
    except ValueError:  # some item's answer does not pack: name each such item
        raise_all(
            [
                ContentError(
                    path,
                    (lines or {}).get(item.id),
                    f"SCORM: een opgeslagen antwoord op deze vraag past niet in het pakket: een vraag (of fase) "
                    f"heeft daar hoogstens {len(_DIGITS)} opties, stappen of categorieën",
                    item.id,
                )
                for item in module.items
                if not _packs(item)
            ]
        )
        raise  # not reached: the ValueError came from one of those items
    if size > SUSPEND_DATA_LIMIT:
        raise ContentError(
            path,
            None,
            f"SCORM: opgeslagen antwoorden kunnen {size} tekens worden, meer dan de {SUSPEND_DATA_LIMIT} "
            "die SCORM 1.2 toestaat; splits de module",
        )


# The codes an LMS records per item (cmi.interactions.n: student_response and
# correct_responses.0.pattern), for the trainers' answer key. Hand-written: they mirror
# scorm.js (``letter``, ``response``), and the types' ``authored`` mirror their type.js; the
# browser writes the codes, where Python cannot ask. tests/scorm/test_codes_runtime.py checks
# them against what scorm-again records.
SCORM_PATTERN_LIMIT = 255  # scorm.js cuts a response at 255 characters


def scorm_letter(n: int) -> str:
    """The code of an option, step or category (scorm.js's ``letter``): one character, as SCORM 1.2 asks.

    ``a``..``z`` for 0..25, then ``0``..``9`` for 26..35: 36 codes, the most options, steps or
    categories a question in a package may have (the 27th option was coded ``26`` before).
    """
    return chr(97 + n if n < 26 else 22 + n)


def _unit_response(interaction: str, state: Any) -> str:
    """One unit's state as scorm.js's ``one`` in ``response`` writes it for ``interaction``."""
    if not isinstance(state, list):
        return scorm_letter(state)
    if interaction in ("choice", "sequencing"):
        return ",".join(scorm_letter(v) for v in state)
    values = ("t" if v is True else "f" if v is False else scorm_letter(v) for v in state)
    return ",".join(f"{i}.{v}" for i, v in enumerate(values))


def scorm_response(interaction: str, states: list[Any]) -> str:
    """An item's answer (a state per unit, in the bank's terms) as scorm.js reports it to the LMS.

    ``choice`` and ``sequencing``: letters joined by ``,``; ``matching``: ``statement.value``
    pairs; ``true-false``: ``t`` or ``f``; ``performance`` (a case): ``<stage>:<code>`` per
    stage, joined by ``;``, each stage's list as pairs. At most 255 characters.
    """
    if interaction == "true-false":
        return "t" if states[0][0] else "f"
    if interaction == "performance":
        text = ";".join(f"{i}:{_unit_response(interaction, s)}" for i, s in enumerate(states, start=1))
    else:
        text = _unit_response(interaction, states[0])
    return text[:SCORM_PATTERN_LIMIT]


@dataclass(frozen=True)
class UnitCodes:
    """What the codes of one unit (an item's question, or a case stage's) stand for."""

    pattern: str  # this unit's code in the right answer (a case stage's with its "<n>:")
    statements: list[tuple[str, Markup]]  # statement number -> statement (truefalse, classify)
    values: list[tuple[str, Markup]]  # letter (or t, f) -> option, step, category or verdict
    numbered: bool  # the letters come as "<place>.<letter>" pairs (a case's option list or steps)


@dataclass(frozen=True)
class ScormCodes:
    """An item's codes in the LMS: its interaction type, the right answer's pattern, a legend per unit."""

    interaction: str
    pattern: str  # correct_responses.0.pattern, exactly as scorm.js writes it
    units: list[UnitCodes]


def _legend(
    question: Question, inline: Callable[[str], Markup], strings: Strings, indexed: bool
) -> tuple[list[tuple[str, Markup]], list[tuple[str, Markup]]]:
    """(statements, values) of one unit; ``indexed``: the code names each statement by its number.

    Options or steps by letter; statements by number, with categories by letter or t/f; a type
    with none of these (its answer is no choice among them) gets no legend.
    """
    options = getattr(question, "options", None) or getattr(question, "steps", None)
    if options is not None:
        texts = [o if isinstance(o, str) else o.text for o in options]
        return [], [(scorm_letter(i), inline(text)) for i, text in enumerate(texts)]
    if getattr(question, "statements", None) is None:
        return [], []
    statements = [(str(i), inline(s.text)) for i, s in enumerate(question.statements)]  # type: ignore[attr-defined]
    categories = getattr(question, "categories", None)
    if categories is not None:
        values = [(scorm_letter(i), inline(c.label)) for i, c in enumerate(categories)]
    else:
        values = [("t", Markup.escape(strings("true_label"))), ("f", Markup.escape(strings("false_label")))]
    return statements if indexed else [], values


def scorm_codes(item: ItemFields, inline: Callable[[str], Markup], strings: Strings) -> ScormCodes:
    """The codes the LMS records for ``item`` (scorm.js), with what each letter and number stands for.

    ``pattern`` is the right answer's ``correct_responses.0.pattern``; each unit's legend
    gives its options, steps or categories by letter (texts through ``inline``, the renderer's
    inline Markdown), its statements by number, and ``t``/``f`` in the locale's words.
    """
    interaction = item.scorm_interaction
    units = item.units_of
    keys = item.correct_answer if item.type == "case" else [item.correct_answer]
    states = [q.authored(key, key) for (q, _uid, _seed, _stage), key in zip(units, keys, strict=True)]
    pattern = scorm_response(interaction, states)
    legends = []
    for n, ((q, _uid, _seed, _stage), state) in enumerate(zip(units, states, strict=True), start=1):
        # A case's stage: its part of the pattern; any other item: the whole of it.
        code = f"{n}:{_unit_response(interaction, state)}" if interaction == "performance" else pattern
        statements, values = _legend(q, inline, strings, indexed=interaction != "true-false")
        numbered = interaction == "performance" and isinstance(state, list) and not statements
        legends.append(UnitCodes(code, statements, values, numbered))
    return ScormCodes(interaction, pattern, legends)


class PackageBuilder:
    """Builds the packages of one build with the build's renderer."""

    def __init__(self, renderer: QuizRenderer, id_prefix: str = "quiz", minify: bool = True):
        self.renderer = renderer
        self.id_prefix = id_prefix
        self.minify = minify  # the scripts and styles (see quizkit.assets.asset_text)

    def index_html(self, module: QuizModule, test: bool = False) -> str:
        """The SCO: the module's quiz on a page of its own, citing the sources at its foot."""
        return self.renderer.render(
            "trainer/scorm_index.html",
            module=module,
            site_name=self.renderer.site_name,
            quiz=Markup(self.renderer.module(module.module.id, "", test)),
            docs=self.renderer.citations.documents(module_sources(module)),
            interaction_types={item.id: item.scorm_interaction for item in module.items},
            test=test,
        )

    def manifest(self, module: QuizModule, files: list[str], test: bool = False) -> str:
        """``imsmanifest.xml``: one organisation, one item, one SCO with every file listed."""
        return self.renderer.render(
            "trainer/imsmanifest.xml",
            module=module,
            meta=module.module,
            files=files,
            id_prefix=self.id_prefix,
            test=test,
        )

    def files(self, module: QuizModule, test: bool = False) -> dict[str, bytes]:
        """Every file of the package (the test with ``test``) by name, manifest included."""
        files = {"index.html": self.index_html(module, test).encode(), **self.shared_files}
        files["imsmanifest.xml"] = self.manifest(module, sorted(files), test).encode()
        return files

    def packages(self, modules: Iterable[QuizModule]) -> dict[str, bytes]:
        """Both packages of every module, by file name without ``.zip`` (see write_packages)."""
        out: dict[str, bytes] = {}
        for module in modules:
            own, test = package_names(module.module.id, self.renderer.t)
            out[own] = self.package(module)
            out[test] = self.package(module, test=True)
        return out

    @cached_property
    def shared_files(self) -> dict[str, bytes]:
        """The files every package holds alike (scripts and styles), read once per build."""
        return {
            name: asset_text(name, self.minify).encode()
            for name in ("scorm.js", "package.css", "quiz.css", "quiz.js", "trainer.js", "trainer.css")
        }

    @cached_property
    def _shared_zip(self) -> bytes:
        """A zip of :attr:`shared_files`, compressed once; each package starts as a copy of it."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name in sorted(self.shared_files):
                _add(zf, name, self.shared_files[name])
        return buffer.getvalue()

    def package(self, module: QuizModule, test: bool = False) -> bytes:
        """The zip of ``module``'s package (its test with ``test``).

        Entries: the shared files in name order, then ``index.html``, then ``imsmanifest.xml``.
        """
        files = self.files(module, test)
        buffer = io.BytesIO(self._shared_zip)
        with zipfile.ZipFile(buffer, "a") as zf:
            for name in ("index.html", "imsmanifest.xml"):
                # Level 6: a quarter faster than 9 and under 1 % larger on a module's page.
                _add(zf, name, files[name], level=6)
        return buffer.getvalue()


def package_names(module_id: str, strings: Strings) -> tuple[str, str]:
    """The file names (without ``.zip``) of a module's self-check and its test package.

    ``<module>`` and ``<module>.<the locale's package_test_file>``: no module id holds a dot.
    """
    return module_id, f"{module_id}.{strings.ts('package_test_file')}"


def write_packages(packages: dict[str, bytes], directory: Path) -> list[Path]:
    """Write zips by name (see PackageBuilder.packages) to ``directory/<name>.zip``, each whole."""
    return write_whole({f"{name}.zip": data for name, data in packages.items()}, directory)
