"""The quizkit MkDocs plugin: the one owner of the quiz build.

In MkDocs' own events it loads and validates every bank once per build (cached across
``mkdocs serve`` rebuilds by file state), renders what the macros ask for, keeps the rendered
HTML out of Markdown and search (the stash), adds the quiz assets to the pages that need them,
writes the SCORM packages and the Moodle XML banks after the build and removes them when a
build fails.
"""

from __future__ import annotations

import gzip
import logging
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url, meta

from .. import PACKAGE_DIR
from ..assets import INDEX_ASSETS, PAGE_ASSETS, QUIZ_ASSETS, TRAINER_ASSETS, asset_text
from ..bank import BankCache, QuizBanks, bank_files
from ..base import merged_list_message
from ..cite import load_citations
from ..errors import ContentError, ContentErrorList
from ..markdown import FastMarkdown, MarkdownRenderer
from ..moodle import MoodleWriter, all_modules_file
from ..render import QuizRenderer, Strings, check_storage_key
from ..scorm import PackageBuilder, check_id_prefix, check_packages, package_names, write_packages
from ..site import load_glossary
from ..source import read_text, readable_text, write_whole
from ..trainer import ModuleLinks, absolute_url, answer_key, catalogue
from ..yamlload import load_yaml_text
from .config import QuizConfig
from .macros import PageSource
from .stash import QuizStash

log = get_plugin_logger(__name__)
# Problems under mkdocs serve, printed as MkDocs prints a build error (no prefix); see QuizPlugin.stop.
serve_log = logging.getLogger("mkdocs.plugins.quizkit")


class QuizBuildError(PluginError):
    """Content errors as MkDocs prints them: one line each, no traceback (``text``: printed instead)."""

    def __init__(self, error: ContentError, text: str | None = None):
        super().__init__(error.text if text is None else text)
        self.error = error


# What stops a rebuild under ``mkdocs serve``, after the problems themselves (see QuizPlugin.stop).
SERVE_STOPPED = "quizkit: de site is niet opnieuw gebouwd; herstel wat hierboven staat en bewaar het bestand"
# The same after a change to the build's Python code (see QuizPlugin.check_code).
SERVE_RESTART = "quizkit: de site is niet opnieuw gebouwd; stop make serve (Ctrl+C) en start het opnieuw"


def _file_of(module: object) -> str:
    """The file ``module`` was loaded from; empty for a namespace package or a built-in."""
    file = getattr(module, "__file__", None)
    return file if isinstance(file, str) else ""


def _read(path: Path) -> bytes | None:
    """The file's bytes; ``None`` once it is gone (a loaded module's file deleted counts as changed)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


class QuizPlugin(BasePlugin[QuizConfig]):
    """Quizzes from YAML banks: see the module docstring for what it does when."""

    serving = False  # under mkdocs serve (see stop)
    macros_config: MkDocsConfig | None = None  # the build whose macros registered (see on_pre_build)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Once per ``mkdocs`` command: the bank cache lives across ``serve`` rebuilds."""
        self.cache = BankCache()
        self.serving = command == "serve"
        # Under serve: the Python code the first build ran, by file (see check_code).
        self.code: dict[Path, bytes | None] | None = None

    def stop(self, error: ContentError, stopped: str = "") -> QuizBuildError:
        """The exception that stops this build with ``error``'s problems.

        MkDocs prints a build error through a logger that drops any message it printed before
        in the same session. Under ``mkdocs serve`` the same mistake made again after a fix
        would then show no line at all, so there the plugin prints the problems itself, each
        time, and the error says only that the site was not rebuilt (``stopped``: what to do then,
        when it is not to mend what the lines name).
        """
        if not self.serving:
            return QuizBuildError(error)
        for line in error.text.splitlines():
            serve_log.error(line)
        return QuizBuildError(error, stopped or SERVE_STOPPED)

    def check_code(self, config: MkDocsConfig) -> None:
        """Under ``mkdocs serve``: stop a rebuild once Python code the build runs has changed.

        The server rebuilds when the engine's files or the site's macros module change (both are
        watched), but Python keeps the modules it imported: a rebuild would still run the old code
        and show its results as if they were the new code's. Only the files of modules the build
        imported count, found in ``sys.modules`` (no other record says which are loaded): a script
        the build never runs (``macros/check.py``) may change, and so may a site module that
        mkdocs-macros runs afresh each build (a single file, which it keeps out of ``sys.modules``).
        Each file is compared by content with the file as it was when first seen, so undoing the
        edit lets the rebuilds go on.
        """
        macros = config.plugins.get("macros")
        name = macros.config.get("module_name") if macros is not None else None
        folders = [PACKAGE_DIR, *([self.root / name] if isinstance(name, str) else [])]
        files = sorted(
            path
            for path in (Path(file) for file in map(_file_of, list(sys.modules.values())) if file)
            if path.suffix == ".py" and any(path.is_relative_to(folder) for folder in folders)
        )
        first = self.code is None
        code = self.code = self.code or {}
        for path in files:
            code.setdefault(path, _read(path))
        changed = [] if first else [path for path, text in code.items() if _read(path) != text]
        if changed:
            raise self.stop(
                ContentErrorList(
                    ContentError(
                        str(path.relative_to(self.root) if path.is_relative_to(self.root) else path),
                        None,
                        "Python-code gewijzigd terwijl make serve draait (bijvoorbeeld na git pull); die wijziging "
                        "telt pas na een herstart",
                    )
                    for path in changed
                ),
                SERVE_RESTART,
            )

    # -- the build, in MkDocs' order ---------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check every bank (all problems at once), set up rendering and the stash."""
        self.root = Path(config.config_file_path).parent
        self.docs_name = Path(config.docs_dir).name  # how an editor's message names the docs folder
        if self.serving:
            self.check_code(config)
        try:
            # Before the banks, whose mistakes would hide it.
            check_storage_key(self.config.storage_key, Path(config.config_file_path).name)
            if self.config.scorm_dir:
                check_id_prefix(self.config.scorm_id_prefix, Path(config.config_file_path).name)
        except ValueError as exc:
            raise PluginError(f"quizkit: {exc}") from None
        self.problems: list[ContentError] = []
        # The asset files each page needs, by its source path (see QUIZ_ASSETS, TRAINER_ASSETS).
        self.asset_pages: dict[str, set[str]] = {}
        # Answer keys (src_uri: url): noindex, and left out of the sitemap.
        self.answer_key_pages: dict[str, str] = {}
        self.packages_written = False
        # The items each page shows so far, by its source path: one item twice on a page
        # would give it twice the same HTML ids.
        self.placed: dict[str, set[str]] = {}
        # Each page's file as read, by its source path: the lines of macro calls (see PageSource).
        self.page_sources: dict[str, PageSource] = {}
        try:
            citations = load_citations(self.config.citations, self.root)
            glossary = load_glossary(self.config.glossary, self.root)
            # Data texts get the site's Markdown (its extensions, its abbreviations), no raw HTML.
            markdown = MarkdownRenderer(
                [e for e in config.markdown_extensions if not isinstance(e, QuizStash)], config.mdx_configs, glossary
            )
        except ContentError as exc:  # the site's bibliography or glossary, read with the engine's loader
            raise self.stop(exc) from None
        except ValueError as exc:
            raise PluginError(f"quizkit: {exc}") from None
        try:
            self.banks: QuizBanks = self.cache.load(self.root / self.config.banks, self.root, citations)
            if self.config.scorm_dir:  # SCORM's limits count only where the site makes packages
                check_packages(self.banks)
        except ContentError as exc:
            raise self.stop(exc) from None
        templates = self.root / self.config.templates if self.config.templates else None
        self.moodle_files: dict[str, bytes] = {}
        self.packages: dict[str, bytes] = {}
        try:
            self.renderer = QuizRenderer(
                self.banks,
                markdown,
                citations,
                Strings(self.config.locale),
                templates,
                site_name=config.site_name,
                storage_key=self.config.storage_key,
            )
            # The Moodle files and the SCORM packages, made now so that an item Moodle cannot
            # take, or a mistake a site's template makes in a package, stops the build before
            # any page is written; written in on_post_build.
            if self.config.moodle_dir:
                self.moodle_files = MoodleWriter(self.renderer).files()
            if self.config.scorm_dir:
                builder = PackageBuilder(self.renderer, self.config.scorm_id_prefix, self.config.minify)
                self.packages = builder.packages(self.banks.modules.values())
        except ContentError as exc:
            raise self.stop(exc) from None
        # Rendered quizzes bypass the page's Markdown parsing and the search index.
        self.stash = QuizStash()
        config.markdown_extensions.append(self.stash)  # type: ignore[arg-type]  # MkDocs accepts instances
        return config

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Read every page as the data files are read: UTF-8 (or a message), no control characters.

        Front matter goes through the same YAML loader as the data files (no aliases, no
        tags) before MkDocs parses it; front matter that fails is reported and left out.
        """
        if not page.file.abs_src_path:
            return None
        shown = f"{self.docs_name}/{page.file.src_uri}"
        reported = False
        try:
            text = read_text(Path(page.file.abs_src_path), shown)
        except ContentError as exc:
            self.report(exc)
            reported = True
            text = readable_text(Path(page.file.abs_src_path))
        else:
            front = meta.YAML_RE.match(text)
            if front:
                try:
                    load_yaml_text(front.group(1), shown, line_offset=1)
                except ContentError as exc:
                    self.report(exc)
                    reported = True
                    # Emptied, line for line: later messages keep the lines of the file.
                    text = text[: front.start(1)] + "\n" * front.group(1).count("\n") + text[front.end(1) :]
        source = self.page_sources[page.file.src_uri] = PageSource(text, reported=reported)
        for line, call in source.one_brace_calls():
            self.report(
                ContentError(
                    shown,
                    line,
                    f"'{call}' begint met één '{{': zo is het geen macro, en komt het als tekst op de pagina; "
                    "zet een macro tussen '{{' en '}}'",
                )
            )
        for line, text_line in source.merged_lists():
            self.report(ContentError(shown, line, merged_list_message(text_line, in_yaml=False)))
        return text

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Every plugin's ``on_config`` has run: the macros must have registered in this build.

        Else every macro call would be published as text. Checked before MkDocs empties the
        site folder, so a plain ``mkdocs build`` leaves the last site in place.
        """
        if self.macros_config is not config:
            raise self.stop(
                ContentError(
                    "mkdocs.yml",
                    None,
                    "de macro's van quizkit zijn niet geladen; zet onder plugins: '- macros:' "
                    "met 'modules: [quizkit.plugin.macros]'",
                )
            )
        # The plugin's Markdown takes what the site's macros set up in theirs (a glossary, say):
        # after them, or the site's data texts and the quizzes would quietly go without it.
        names = list(config.plugins)
        own = next(name for name, plugin in config.plugins.items() if plugin is self)
        if "macros" in names and names.index("macros") > names.index(own):
            raise self.stop(
                ContentError(
                    "mkdocs.yml",
                    None,
                    f"zet onder plugins: '- macros' vóór '- {own}': quizkit neemt over wat de macro's van de site "
                    "instellen, zoals de uitleg bij afkortingen",
                )
            )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The quiz script and styles, as files of the site; the banks (with every answer) left out.

        A bank folder inside ``docs_dir`` would otherwise be copied into the site as it is, the
        right answers in plain text, and a strict build says nothing of it (a second
        organisation's journey: its site forgot ``exclude_docs``).
        """
        # The bank files as the loader finds them; only those: a bank folder may be docs_dir itself.
        banks = {path.resolve() for path in bank_files(self.root / self.config.banks, self.root)}
        for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).resolve() in banks]:
            files.remove(file)
        for name in PAGE_ASSETS:
            files.append(
                File.generated(config, f"{self.config.assets_dir}/{name}", content=asset_text(name, self.config.minify))
            )
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Pages with quizzes load the quiz assets, inside the content so instant navigation runs them.

        The styles come before the content: a browser then shows none of it unstyled (placed
        after it, the quiz appeared unstyled on a phone and jumped when the styles came). The
        scripts come after it, deferred. Links to ids in kept HTML (a table's, a list item's)
        are checked like any other anchor.
        """
        kept_ids = self.stash.take_ids()  # taken on every page, so none is left for the next one
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= kept_ids
        # Headings in kept HTML that belong in the page's table of contents: under its title.
        entries = [AnchorLink(title, anchor, 2) for anchor, title in self.stash.take_toc()]
        if entries and page.toc is not None:
            top = page.toc.items
            (top[0].children if len(top) == 1 and top[0].level == 1 else top).extend(entries)
        needed = self.asset_pages.get(page.file.src_uri)
        if not needed:
            return html
        styles, scripts = [], []
        for name in (name for name in PAGE_ASSETS if name in needed):
            url = get_relative_url(f"{self.config.assets_dir}/{name}", page.url)
            if name.endswith(".css"):
                styles.append(f'<link rel="stylesheet" href="{url}">')
            else:
                scripts.append(f'<script src="{url}" defer></script>')
        return "\n".join([*styles, html, *scripts])

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is read: stop with every problem the macros reported, before writing any."""
        if self.problems:
            raise self.stop(ContentErrorList(self.problems))
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Put the stashed quiz HTML into the finished page; answer keys get robots ``noindex``."""
        output = self.stash.fill(output)
        if page.file.src_uri in self.answer_key_pages:
            output = output.replace("</head>", '<meta name="robots" content="noindex">\n</head>', 1)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write what on_config made: two SCORM 1.2 packages per module (the self-check, the test), Moodle XML per module and for all modules.

        The answer keys leave the sitemap (search engines need not find them).
        """
        self._drop_from_sitemap(Path(config.site_dir), set(self.answer_key_pages.values()))
        if self.config.scorm_dir:
            self.packages_written = True
            write_packages(self.packages, Path(config.site_dir) / self.config.scorm_dir)
        if self.config.moodle_dir:
            self.packages_written = True
            write_whole(self.moodle_files, Path(config.site_dir) / self.config.moodle_dir)

    @staticmethod
    def _drop_from_sitemap(site_dir: Path, urls: set[str]) -> None:
        """Remove the pages at ``urls`` (site-relative) from sitemap.xml and sitemap.xml.gz."""
        sitemap = site_dir / "sitemap.xml"
        if not urls or not sitemap.exists():
            return

        def keep(entry: re.Match[str]) -> str:
            loc = re.search(r"<loc>([^<]*)</loc>", entry.group(0))
            return "" if loc and any(loc.group(1).endswith("/" + url) for url in urls) else entry.group(0)

        text = re.sub(r"[ \t]*<url>.*?</url>\n?", keep, sitemap.read_text(encoding="utf-8"), flags=re.S)
        sitemap.write_text(text, encoding="utf-8")
        if (site_dir / "sitemap.xml.gz").exists():
            (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build (a strict-mode abort included) leaves no SCORM packages or Moodle files behind."""
        if getattr(self, "packages_written", False):
            for folder in (self.config.scorm_dir, self.config.moodle_dir):
                if folder:
                    shutil.rmtree(Path(self.site_dir) / folder, ignore_errors=True)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """``mkdocs serve`` rebuilds when a bank or the engine (templates, scripts, locales) changes.

        A change to the engine's Python (or the site's macros module) takes a restart: Python
        keeps the modules it imported, so such a rebuild stops and says so (see check_code).
        """
        server.watch(str(self.root / self.config.banks))
        server.watch(str(PACKAGE_DIR))
        if self.config.templates:
            server.watch(str(self.root / self.config.templates))
        return server

    # -- what the macros ask for -----------------------------------------------------------
    @property
    def markdown(self) -> FastMarkdown:
        """The build's Markdown for data texts, memoised; a site's own macros use it too.

        One converter for every data text of a page: each numbers its footnotes apart (fn:7-1),
        and two converters would both start at 1, giving two elements of the page one id.
        """
        return self.renderer.markdown

    def report(self, problem: ContentError) -> None:
        """A macro's mistake: the build stops at ``on_env`` with every one reported."""
        self.problems.append(problem)

    def keep(self, html: str, toc: list[tuple[str, str]] | None = None) -> Markup:
        """Finished HTML a site macro made from data: kept out of the page's Markdown, searchable.

        The page's Markdown must not parse it again: inside a ``markdown`` block it would read an
        attribute list (``{: onclick=... }``) left as text in sanitised data as attributes.
        ``toc``: its headings for the page's table of contents, as (id, title as HTML).
        """
        return self.stash.put(html, searchable=True, toc=toc)

    def _page_url(self, src_uri: str, what: str) -> str:
        """The site URL of the page ``src_uri``, or an error naming the missing file."""
        found = self.files.get_file_from_path(src_uri)
        if found is None:
            raise ContentError("", None, f"{what}: {self.docs_name}/{src_uri} ontbreekt; maak die pagina aan")
        return found.url

    def url_from(self, page: Page, src_uri: str, what: str) -> str:
        """The link from ``page`` to the page ``src_uri`` (``what`` names it in an error), as MkDocs makes it."""
        return get_relative_url(self._page_url(src_uri, what), page.url)

    def sources_url(self, page: Page) -> str:
        """The link from ``page`` to the sources page (``sources_page``); empty without one."""
        return self.url_from(page, self.config.sources_page, "bronnenpagina") if self.config.sources_page else ""

    def _needs(self, page: Page, *names: str) -> None:
        """``page`` loads the asset files ``names``."""
        self.asset_pages.setdefault(page.file.src_uri, set()).update(names)

    def _place(self, page: Page, macro: str, item_ids: list[str]) -> None:
        """Record that ``page`` shows these items; an item already there is a mistake."""
        placed = self.placed.setdefault(page.file.src_uri, set())
        for item_id in item_ids:
            if item_id in placed:
                raise ContentError(
                    "",
                    None,
                    f"{macro}: vraag '{item_id}' staat al eerder op deze pagina; "
                    "een vraag mag maar één keer op een pagina staan",
                    item_id,
                )
        placed.update(item_ids)

    def _own_module(self, page: Page, pattern: str, macro: str, module_id: str, option: str) -> None:
        """A module's own page (``pattern``: module_page or answer_key_page) shows that module.

        A page copied for a new module that still names the old one showed the old module
        under the new one's links, and check said nothing (an editor's journey).
        """
        own = next((m for m in self.banks.modules if pattern.format(m) == page.file.src_uri), None)
        if own is not None and own != module_id:
            raise ContentError(
                "",
                None,
                f"{macro}(\"{module_id}\") op de pagina van leermodule '{own}' ({option} in mkdocs.yml: "
                f'{self.docs_name}/{pattern.format("<id>")}); bedoelt u {macro}("{own}")?',
            )

    def quiz(self, page: Page, module_id: str) -> Markup:
        """A whole module (stashed: it skips Markdown and search); its summary prints (trainer.js)."""
        items = self.banks.module(module_id).items  # an unknown id first: its message lists the known ones
        self._own_module(page, self.config.module_page, "quiz", module_id, "module_page")
        self._place(page, "quiz", [item.id for item in items])
        self._needs(page, *QUIZ_ASSETS, *TRAINER_ASSETS)
        return self.stash.put(self.renderer.module(module_id, self.sources_url(page)))

    def quiz_item(self, page: Page, item_id: str) -> Markup:
        """One item (stashed)."""
        self.banks.item(item_id)
        self._place(page, "quiz_item", [item_id])
        self._needs(page, *QUIZ_ASSETS)
        return self.stash.put(self.renderer.item(item_id, self.sources_url(page)))

    def quiz_index(self, page: Page, order: list[str] | None) -> Markup:
        """The list of modules (searchable), with the quiz styles; every id in ``order`` must be a module's."""
        for module_id in order or []:
            self.banks.module(module_id)  # a misspelt id would only move that module to the end
        self._needs(page, *INDEX_ASSETS)

        def url_of(module_id: str) -> str:
            src = self.config.module_page.format(module_id)
            return self.url_from(page, src, f"leermodule '{module_id}'")

        return self.stash.put(self.renderer.index(url_of, order), searchable=True)

    def trainer_catalogue(self, page: Page) -> Markup:
        """Every module for trainers, in the order of their pages in the navigation."""
        self._needs(page, *TRAINER_ASSETS)
        here = page.url
        links = {}
        for module_id in self.banks.modules:
            own, test = package_names(module_id, self.renderer.t)
            module_src = self.config.module_page.format(module_id)
            module_url = self._page_url(module_src, f"leermodule '{module_id}'")
            key_url = self._page_url(self.config.answer_key_page.format(module_id), f"antwoordsleutel '{module_id}'")
            # The address on the published site, also in an offline copy (see online_directory_urls).
            online = File(module_src, "", "", use_directory_urls=self.online_directory_urls).url
            links[module_id] = ModuleLinks(
                absolute=absolute_url(self.site_url or "/", online),
                relative=get_relative_url(module_url, here),
                answer_key=get_relative_url(key_url, here),
                scorm=self._scorm_url(own, here),
                scorm_test=self._scorm_url(test, here),
                moodle=self._moodle_url(f"{module_id}.xml", here),
            )
        rank = {p.file.src_uri: i for i, p in enumerate(self.nav_pages)}
        modules = sorted(
            self.banks.modules.values(),
            key=lambda m: (rank.get(self.config.module_page.format(m.module.id), len(rank)), m.module.title),
        )
        moodle_all = self._moodle_url(all_modules_file(self.renderer.t), here)
        # Each module's heading in the page's table of contents: a trainer on a phone jumps to a
        # module's downloads instead of scrolling past every other module.
        toc = [
            (f"module-{m.module.id}-title", str(escape(self.renderer.markdown.plain(m.module.title)))) for m in modules
        ]
        return self.stash.put(catalogue(self.renderer, modules, links, moodle_all), searchable=True, toc=toc)

    def _scorm_url(self, name: str, here: str) -> str:
        """The link from the page at ``here`` to the package ``name`` ('' without ``scorm_dir``)."""
        return get_relative_url(f"{self.config.scorm_dir}/{name}.zip", here) if self.config.scorm_dir else ""

    def _moodle_url(self, name: str, here: str) -> str:
        """The link from the page at ``here`` to a Moodle XML file ('' without ``moodle_dir``)."""
        return get_relative_url(f"{self.config.moodle_dir}/{name}", here) if self.config.moodle_dir else ""

    def answer_key(self, page: Page, module_id: str) -> Markup:
        """The printable answer key of one module; its page is left out of the search index.

        The answers never go into the index (stashed, below), but the page's title and text
        would, and a learner searching for a module would land on its answers. Material's
        search reads ``search: exclude`` from the page's meta after the macros ran; an editor
        who leaves it out of the front matter is not relied on.
        """
        module = self.banks.module(module_id)
        self._own_module(page, self.config.answer_key_page, "answer_key", module_id, "answer_key_page")
        # Without a nav in mkdocs.yml every page is in the menu, answer keys too: the site's choice.
        if self.has_nav and any(shown.file.src_uri == page.file.src_uri for shown in self.nav_pages):
            raise ContentError(
                "",
                None,
                "deze antwoordsleutel staat in het menu (nav in mkdocs.yml), zodat leerlingen de antwoorden daar "
                "vinden; haal de pagina uit nav (de trainerspagina linkt ernaar)",
            )
        search = page.meta.get("search")
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        self._needs(page, *TRAINER_ASSETS)
        self.answer_key_pages[page.file.src_uri] = page.url
        catalogue_url = self.url_from(page, self.config.catalogue_page, "trainerspagina")
        html = answer_key(
            self.renderer, module, self.sources_url(page), catalogue_url, packages=bool(self.config.scorm_dir)
        )
        # Never in a search index, whatever the theme: learners would find the answers there.
        return self.stash.put(html)

    # What the macros need of the build's files and navigation, kept from MkDocs' events.
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Remember the files and page order (page URLs for links, module order for trainers)."""
        self.files = files
        self.nav_pages = nav.pages
        self.has_nav = config.nav is not None
        self.site_url = config.site_url
        self.site_dir = config.site_dir
        online = self.config.online_directory_urls
        self.online_directory_urls = config.use_directory_urls if online is None else online
        return nav
