"""MkDocs hooks (registered under ``hooks:`` in mkdocs.yml).

Small fixes to each page's final HTML, and the points in the build where the quiz worker
(``macros/quiz/worker.py``) may go on or is waited for.
"""

from __future__ import annotations

import re
import sys

# An abbreviation as the ``abbr`` extension writes it: <abbr title="...">ALK</abbr>.
_ABBR = re.compile(r"<abbr\b(?P<attrs>[^>]*)>(?P<text>.*?)</abbr>", re.DOTALL)
# Interactive elements an abbreviation may sit in. A focusable abbreviation inside one of them
# would be a second tab stop within the same control, so such occurrences are passed over.
_INTERACTIVE = re.compile(r"<(a|button|summary|label)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)


def focusable_abbreviations(html: str) -> str:
    """Make the first occurrence of each abbreviation in ``html`` keyboard-focusable.

    A CSS tooltip (``site.css``) shows an abbreviation's expansion on hover and
    on keyboard focus, but an ``<abbr>`` cannot take focus by itself. One tab stop per
    abbreviation per page is enough to read its meaning; one on every occurrence would bury
    the links under tab stops. Occurrences inside links, buttons, summaries and labels are
    skipped (the next one outside such a control gets the tab stop).
    """
    if "<abbr" not in html:
        return html
    # The controls, found as far as needed: in order and not overlapping, so only the last one
    # that starts before an abbreviation can hold it. Only first occurrences are looked up, and
    # those tend to come early on the page (a page with quizzes has hundreds of controls).
    controls = _INTERACTIVE.finditer(html)
    upcoming = next(controls, None)
    last = (-1, -1)
    seen: set[str] = set()

    def inside_control(position: int) -> bool:
        nonlocal upcoming, last
        while upcoming is not None and upcoming.start() <= position:
            last, upcoming = upcoming.span(), next(controls, None)
        return last[0] <= position < last[1]

    def replace(match: re.Match[str]) -> str:
        text, attrs = match["text"], match["attrs"]
        if text in seen or inside_control(match.start()):
            return match.group(0)
        seen.add(text)
        return match.group(0) if "tabindex" in attrs else f'<abbr{attrs} tabindex="0">{text}</abbr>'

    return _ABBR.sub(replace, html)


def _quiz_worker(step: str) -> None:
    """Call ``step`` of ``macros/quiz/worker.py``, if the macros imported it (else: no worker)."""
    worker = sys.modules.get("macros.quiz.worker")
    if worker is not None:
        getattr(worker, step)()


def on_files(files: object, **_: object) -> object:
    """MkDocs hook: the site directory has been emptied; the quiz worker may write its zips."""
    _quiz_worker("release_active")
    return files


def on_env(env: object, **_: object) -> object:
    """MkDocs hook: before any page is written, wait for the quiz modules built beside the pages.

    A mistake in a question bank stops the build here, with nothing written
    (see ``macros/quiz/worker.py``).
    """
    _quiz_worker("wait_for_active")
    return env


def on_build_error(error: Exception, **_: object) -> None:
    """MkDocs hook: a failed build, a strict-mode abort included, leaves no SCORM zips behind."""
    _quiz_worker("discard_active")


def on_post_page(output: str, **_: object) -> str:
    """MkDocs hook: finish each page's HTML.

    First the rendered quizzes go into their slots: their HTML skips Markdown and the search
    plugin (see ``macros/quiz/stash.py``). The macros package is imported by mkdocs-macros
    before any page is built, so it is in ``sys.modules`` here; a build without quizzes has
    nothing to fill. Then the first occurrence of each abbreviation, quizzes included, gets
    its tab stop (only the article holds ``<abbr>`` elements: navigation titles are text).
    """
    stash = sys.modules.get("macros.quiz.stash")
    if stash is not None:
        output = stash.fill_slots(output)
    return focusable_abbreviations(output)
