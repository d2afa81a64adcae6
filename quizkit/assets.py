"""The engine's browser files: styles, the trainer script, and the quiz script as one file.

The quiz script is ``assets/quiz.js`` (the core: checking, scoring, saving), then each
question type's ``type.js`` in registry order (its entry in the core's table of type
handlers), then ``assets/quiz-start.js`` (starts the quizzes once every type is known). One
file for the browser: one request, in the site and in every SCORM package. Both stylesheets
start with ``assets/base.css`` (colours, links, shared parts): a trainer page loads only
``trainer.css``, a quiz page both.

What a browser loads is minified (:func:`asset_text`): comments and white space out, with
rjsmin and rcssmin, which remove nothing else. A quiz page on a phone loads about 40 % less
(gzip: 7.1 KB instead of 11.5 KB for the four page assets). The readable files are the source;
the plugin's ``minify: false`` serves them as they are, for debugging in the browser.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from .types import QUESTION_TYPES, TYPES_DIR

ASSETS_DIR = Path(__file__).parent / "assets"
# The files a quiz page loads, by name under the site's asset folder.
PAGE_ASSETS = ("quiz.css", "quiz.js", "trainer.css", "trainer.js")
# What quizzes need, and what trainer pages (catalogue, answer keys, print buttons) need.
QUIZ_ASSETS = ("quiz.css", "quiz.js")
TRAINER_ASSETS = ("trainer.css", "trainer.js")
# The module list (quiz_index) needs the quiz styles only: no script runs on it.
INDEX_ASSETS = ("quiz.css",)
# Stylesheets served with what both need (base.css: colours, links, shared parts) at their top.
WITH_BASE = ("quiz.css", "trainer.css")


def quiz_script_parts() -> list[Path]:
    """The files that make up ``quiz.js``, in order."""
    return [
        ASSETS_DIR / "quiz.js",
        *(TYPES_DIR / name / "type.js" for name in QUESTION_TYPES),
        ASSETS_DIR / "quiz-start.js",
    ]


def quiz_script() -> str:
    """The whole quiz script."""
    return "\n".join(path.read_text(encoding="utf-8") for path in quiz_script_parts())


def asset_source(name: str) -> str:
    """The readable text of an asset as served (``quiz.js``: the whole quiz script)."""
    if name == "quiz.js":
        return quiz_script()
    text = (ASSETS_DIR / name).read_text(encoding="utf-8")
    if name in WITH_BASE:
        return (ASSETS_DIR / "base.css").read_text(encoding="utf-8") + text
    return text


def asset_text(name: str, minify: bool = True) -> str:
    """The text of an asset as a browser gets it: minified, unless ``minify`` is false.

    ``/*! ... */`` comments (licences) are kept.
    """
    text = asset_source(name)
    if not minify:
        return text
    if name.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    if name.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    return text
