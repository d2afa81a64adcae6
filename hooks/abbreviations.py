"""MkDocs hooks (registered under ``hooks:`` in mkdocs.yml): small fixes to each page's final HTML."""

from __future__ import annotations

import re

from markupsafe import escape
from mkdocs.structure.pages import Page

# An abbreviation as the ``abbr`` extension writes it: <abbr title="...">ALK</abbr>.
_ABBR = re.compile(r"<abbr\b(?P<attrs>[^>]*)>(?P<text>.*?)</abbr>", re.DOTALL)
# Interactive elements an abbreviation may sit in. A focusable abbreviation inside one of them
# would be a second tab stop within the same control, so such occurrences are passed over.
_CONTROLS = r"<(a|button|summary|label)\b[^>]*>.*?</\1>"
# A closed <details> (a quiz's "Toon antwoord"): a tab stop there cannot be reached before it
# is opened, nor used to read an option's abbreviation before answering, so an occurrence
# outside one is preferred. (A details inside a closed one ends the match early: the site has
# none, and a regular expression cannot count nesting.)
_CLOSED_DETAILS = r"<details\b(?![^>]*\sopen[\s=>/])[^>]*>.*?</details>"
_SKIPPED = re.compile(f"{_CONTROLS}|{_CLOSED_DETAILS}", re.DOTALL | re.IGNORECASE)
_SKIPPED_CONTROLS = re.compile(_CONTROLS, re.DOTALL | re.IGNORECASE)


def focusable_abbreviations(html: str) -> str:
    """Make the first occurrence of each abbreviation in ``html`` keyboard-focusable.

    A CSS tooltip (``site.css``) shows an abbreviation's expansion on hover and
    on keyboard focus, but an ``<abbr>`` cannot take focus by itself. One tab stop per
    abbreviation per page is enough to read its meaning; one on every occurrence would bury
    the links under tab stops. Occurrences inside links, buttons, summaries and labels are
    skipped (the next one outside such a control gets the tab stop), and so are those in a
    closed ``<details>``, unless the abbreviation occurs nowhere else.
    """
    if "<abbr" not in html:
        return html
    seen: set[str] = set()
    html = _mark_first(html, _SKIPPED, seen)
    if {match["text"] for match in _ABBR.finditer(html)} - seen:  # some only in closed details
        html = _mark_first(html, _SKIPPED_CONTROLS, seen)
    return html


def _mark_first(html: str, skipped: re.Pattern[str], seen: set[str]) -> str:
    """Give the first occurrence outside ``skipped`` of each abbreviation not in ``seen`` its tab stop."""
    # The skipped regions, found as far as needed: in order and not overlapping, so only the last
    # one that starts before an abbreviation can hold it. Only first occurrences are looked up,
    # and those tend to come early on the page (a page with quizzes has hundreds of controls).
    regions = skipped.finditer(html)
    upcoming = next(regions, None)
    last = (-1, -1)

    def inside(position: int) -> bool:
        nonlocal upcoming, last
        while upcoming is not None and upcoming.start() <= position:
            last, upcoming = upcoming.span(), next(regions, None)
        return last[0] <= position < last[1]

    def replace(match: re.Match[str]) -> str:
        text, attrs = match["text"], match["attrs"]
        if text in seen or inside(match.start()):
            return match.group(0)
        seen.add(text)
        return match.group(0) if "tabindex" in attrs else f'<abbr{attrs} tabindex="0">{text}</abbr>'

    return _ABBR.sub(replace, html)


def on_post_page(output: str, **_: object) -> str:
    """MkDocs hook: the first occurrence of each abbreviation gets its tab stop.

    Hooks run after the plugins, so the quizzes the quizkit plugin put into the page are
    included (only the article holds ``<abbr>`` elements: navigation titles are text).
    """
    return focusable_abbreviations(output)


def on_page_markdown(markdown: str, *, page: Page, **_: object) -> str:
    """MkDocs hook: the page's front matter title and description, HTML-escaped, for the theme.

    MkDocs' theme templates have no autoescape, and Material prints ``page.meta.title``,
    ``page.meta.description`` and the page title (navigation, header, search index) as they
    are: a quote would end ``<meta name="description" content="...">``, a tag would be markup.
    Escaped text in a :class:`~markupsafe.Markup` prints as text there, and the templates that
    do escape (``| e``) leave it as it is. This runs for every page before any page's template
    (navigation shows other pages' titles too).
    """
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = escape(value)
    return markdown
