"""The plugin's options, with their types and defaults (``plugins: - quizkit: {...}``)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..render import LOCALES


class QuizConfig(Config):
    """Every option of the quizkit plugin. Paths of pages are relative to ``docs_dir``."""

    # Folder of the question banks (one ``<module id>.yml`` each), relative to mkdocs.yml.
    banks = c.Type(str, default="docs/_data/quiz")
    # The page of each module (``{}``: the module id); a module without one stops the build.
    module_page = c.Type(str, default="modules/{}.md")
    # The printable answer key of each module, for trainers (used by ``answer_key``).
    answer_key_page = c.Type(str, default="modules/answers/{}.md")
    # The trainer catalogue page (``trainer_catalogue``): answer keys link back to it.
    catalogue_page = c.Type(str, default="modules/trainers.md")
    # The page the citations link to (``None``: citations are not linked).
    sources_page = c.Optional(c.Type(str))
    # ``module:function`` taking the project folder and returning the site's citations
    # (quizkit.cite.Citations); without it, any source is accepted and shown as written.
    citations = c.Optional(c.Type(str))
    # ``module:function`` taking the project folder and returning the abbreviations that data
    # texts explain, ``{term: explanation}`` (the abbr extension's glossary for them); without it,
    # the abbr extension's own configuration. The command line reads it too, so that its
    # packages explain the same abbreviations as the site's.
    glossary = c.Optional(c.Type(str))
    # Where the SCORM 1.2 packages go in the site (``<module id>.zip``); empty: none.
    scorm_dir = c.Type(str, default="downloads/scorm")
    # Where the Moodle XML question banks go in the site (``<module id>.xml`` and
    # one with every module, ``alle-modules.xml`` in Dutch); empty: none.
    moodle_dir = c.Type(str, default="downloads/moodle")
    # Prefix of the identifiers in each package's imsmanifest.xml.
    scorm_id_prefix = c.Type(str, default="quiz")
    # Where the quiz script and styles go in the site.
    assets_dir = c.Type(str, default="assets/quizkit")
    # Minify the scripts and styles, in the site and in the SCORM packages (false: the readable
    # source, for debugging in the browser).
    minify = c.Type(bool, default=True)
    # The language of the quiz interface (quizkit/locales/<locale>.yml).
    locale = c.Choice(LOCALES, default="nl")
    # The start of the keys under which the browser keeps a learner's progress
    # ("<storage_key>:<module id>"; a SCORM test package's without an LMS under
    # "<storage_key>.test:<module id>"): sites on one origin need different ones. Changing it
    # loses the progress learners saved under the old one.
    storage_key = c.Type(str, default="quizkit")
    # A folder whose templates replace the engine's of the same name (``quiz/item.html``...).
    templates = c.Optional(c.Type(str))
    # Whether the published site has directory URLs (``modules/x/``, not ``modules/x.html``), for
    # the full addresses on the trainer page; unset: as this build (``use_directory_urls``). An
    # offline copy built without them sets true, so that they name the pages of the online site.
    online_directory_urls = c.Optional(c.Type(bool))
