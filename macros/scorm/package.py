"""One SCORM 1.2 package per quiz module: ``site/downloads/scorm/<module>.zip``.

A package is self-contained: ``index.html`` holds the module's quiz rendered with the site's
own templates (``overrides/halk/quiz/``), next to the quiz script and styles, a small
stylesheet instead of Material's, and ``scorm.js``, which finds the LMS's SCORM 1.2 API and
plugs into the quiz as its ``window.halkQuizAdapter``. ``imsmanifest.xml`` names the one SCO
and the module's pass mark as ``adlcp:masteryscore``. Nothing in a package loads anything from
outside it; without an LMS it is a plain quiz that keeps answers in the browser.
"""

from __future__ import annotations

import io
import json
import zipfile
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..errors import ContentError
from ..quiz.bank import QuizBanks
from ..quiz.models import CaseItem, QuizModule
from ..quiz.render import QuizRenderer, module_sources, units_of
from .trainer import SCORM_ZIP, trainer_strings

STATIC = Path(__file__).with_name("static")
_QUIZ_SLOT = "HALKSCORMQUIZ"
# SCORM 1.2 allows 4096 characters of cmi.suspend_data.
SUSPEND_DATA_LIMIT = 4096
# Fixed timestamp for every zip entry, so that the same content gives the same zip.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def package_assets(root: Path) -> dict[str, Path]:
    """Files copied into every package, by their name in the package."""
    return {
        "scorm.js": STATIC / "scorm.js",
        "package.css": STATIC / "package.css",
        "quiz.js": root / "docs" / "assets" / "quiz" / "quiz.js",
        "quiz.css": root / "docs" / "assets" / "quiz" / "quiz.css",
        "trainer.js": root / "docs" / "assets" / "trainer" / "trainer.js",
        "trainer.css": root / "docs" / "assets" / "trainer" / "trainer.css",
    }


def _add(zf: zipfile.ZipFile, name: str, data: bytes, level: int = 9) -> None:
    """Add a deflated entry with the fixed timestamp and ordinary file permissions."""
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compresslevel=level)


def _worst_state(question: Any) -> Any:
    """The longest answer the quiz script can save for one question (see quiz.js ``read``)."""
    kind = question.type
    if kind in ("single", "phrasing"):
        return len(question.options) - 1
    if kind == "multiple":
        return list(range(len(question.options)))
    if kind == "truefalse":
        return [False] * len(question.statements)
    if kind == "classify":
        return [len(question.categories) - 1] * len(question.statements)
    return list(range(len(question.steps)))  # ordering: a permutation, always the same length


def worst_suspend_data(module: QuizModule) -> str:
    """``cmi.suspend_data`` with every item answered as long-windedly as possible.

    It has the shape quiz.js saves: ``{"v": version, "items": {id: {"h", "s", "ok"}}}``,
    serialised as ``JSON.stringify`` does (no spaces).
    """
    items = {}
    for item in module.items:
        states = [_worst_state(q) for q, _uid, _seed, _stage in units_of(item)]
        items[item.id] = {"h": item.saved_hash, "s": states, "ok": False}
    return json.dumps({"v": module.module.version, "items": items}, ensure_ascii=False, separators=(",", ":"))


def interaction_type(item: Any) -> str:
    """The SCORM 1.2 interaction type that fits an item (also written by scorm.js)."""
    if isinstance(item, CaseItem):
        return "performance"
    return {
        "single": "choice",
        "multiple": "choice",
        "phrasing": "choice",
        "truefalse": "true-false" if len(getattr(item, "statements", [])) == 1 else "matching",
        "classify": "matching",
        "ordering": "sequencing",
    }[item.type]


class PackageBuilder:
    """Builds the packages of one site build; ``site`` is the build's :class:`SiteData`."""

    def __init__(self, site: Any, banks: QuizBanks, renderer: QuizRenderer | None = None):
        self.site = site
        self.banks = banks
        self.ts = trainer_strings()
        # The pages' renderer, when there is one: its Markdown cache already holds every text.
        self._renderer = renderer

    @property
    def renderer(self) -> QuizRenderer:
        """One quiz renderer for all packages of the build."""
        if self._renderer is None:
            self._renderer = QuizRenderer(self.site, self.banks)
        return self._renderer

    def index_html(self, module: QuizModule) -> str:
        """The SCO: the module's quiz on a page of its own, citing the sources at its foot."""
        page = f"docs/_data/quiz/{module.module.id}.yml"
        quiz = self.renderer.module(module.module.id, page, "")
        docs = [self.site.bib.doc(doc_id) for doc_id in module_sources(module)]
        page_html = self.site.render(
            "trainer/scorm_index.html",
            md=self.renderer.markdown.inline,
            md_block=self.renderer.markdown.block,
            module=module,
            quiz=Markup(_QUIZ_SLOT),
            docs=docs,
            ts=self.ts,
            types={item.id: interaction_type(item) for item in module.items},
        )
        # The quiz is finished HTML: put in after render() has tidied the page around it.
        return page_html.replace(_QUIZ_SLOT, quiz, 1)

    def manifest(self, module: QuizModule, files: list[str]) -> str:
        """``imsmanifest.xml``: one organisation, one item, one SCO with every file listed."""
        return self.site.render(
            "trainer/imsmanifest.xml",
            module=module,
            meta=module.module,
            files=files,
            md=self.renderer.markdown.inline,
            md_block=self.renderer.markdown.block,
        )

    def files(self, module: QuizModule) -> dict[str, bytes]:
        """Every file of the package by name, manifest included."""
        self.check_suspend_data(module)
        files = {"index.html": self.index_html(module).encode(), **self.shared_files}
        files["imsmanifest.xml"] = self.manifest(module, sorted(files)).encode()
        return files

    @cached_property
    def shared_files(self) -> dict[str, bytes]:
        """The files every package holds alike (scripts and styles), read once per build."""
        return {name: path.read_bytes() for name, path in package_assets(self.site.root).items()}

    @cached_property
    def _shared_zip(self) -> bytes:
        """A zip of :attr:`shared_files`, compressed once; each package starts as a copy of it."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name in sorted(self.shared_files):
                _add(zf, name, self.shared_files[name])
        return buffer.getvalue()

    def check_suspend_data(self, module: QuizModule) -> int:
        """Stop the build if the module's saved answers could exceed SCORM 1.2's 4096 characters."""
        size = len(worst_suspend_data(module))
        if size > SUSPEND_DATA_LIMIT:
            raise ContentError(
                f"docs/_data/quiz/{module.module.id}.yml",
                None,
                f"SCORM: opgeslagen antwoorden kunnen {size} tekens worden, meer dan de {SUSPEND_DATA_LIMIT} "
                "die SCORM 1.2 toestaat; splits de module of kort de ids in",
            )
        return size

    def package(self, module: QuizModule) -> bytes:
        """The zip of ``module``'s package.

        Entries: the shared files in name order, then ``index.html``, then ``imsmanifest.xml``.
        """
        files = self.files(module)
        buffer = io.BytesIO(self._shared_zip)
        with zipfile.ZipFile(buffer, "a") as zf:
            for name in ("index.html", "imsmanifest.xml"):
                # Level 6: a quarter faster than 9 and under 1 % larger on a module's page.
                _add(zf, name, files[name], level=6)
        return buffer.getvalue()


def write_packages(packages: dict[str, bytes], site_dir: Path) -> list[Path]:
    """Write zips by module id to ``site_dir/downloads/scorm/<id>.zip``.

    Each is written whole or not at all: a process stopped while writing leaves no cut-off zip.
    """
    paths = []
    for module_id, data in packages.items():
        path = site_dir / SCORM_ZIP.format(module_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(".zip.part")
        part.write_bytes(data)
        part.replace(path)
        paths.append(path)
    return paths
