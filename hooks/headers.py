"""The site's HTTP security headers, written by the build as ready-to-use server files.

Registered as a MkDocs hook in ``mkdocs.yml``. One policy, :func:`security_headers`, feeds three
files in the site root, one per kind of web host (``README.md``, "Publiceren"):

- ``_headers``: Netlify and Cloudflare Pages read it as is;
- ``.htaccess``: Apache applies it where ``AllowOverride`` permits (or paste it into the
  ``<Directory>`` block of the site);
- ``nginx-headers.conf``: for an ``include`` in nginx's ``server`` block.

The Content-Security-Policy allows scripts from the site itself and, by their SHA-256 hashes,
exactly the inline scripts in the built pages (Material writes a few in every page; they differ
with the page's depth and with ``site_url``), so it is computed from the built HTML after the
build. Nothing from another host is allowed anywhere. Pages may be framed by the site itself and
by the LMS origins in ``extra.lms_origins`` (environment variable ``LMS_ORIGINS``), so trainers
can show a module page inside their LMS; the SCORM packages are served by the LMS itself and
need none of this.

The offline copy (``mkdocs.offline.yml``, opened from disk) gets no header files: a browser
sends no headers for ``file://``.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.headers")

HEADERS_FILE = "_headers"
APACHE_FILE = ".htaccess"
NGINX_FILE = "nginx-headers.conf"

# Script types a browser runs; any other type (Material's ``application/json`` config) is a
# data block, which CSP does not govern and which needs no hash.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# An origin an LMS page is served from: the scheme, a host (optionally ``*.`` for its
# subdomains) and an optional port, nothing else; anything else could add a directive or a
# header line. http is accepted for an LMS on a closed network (and the tests' loopback LMS).
_ORIGIN = re.compile(r"https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?")

# Browser features the site never uses; an embedding LMS cannot grant them to it either.
_DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)


@dataclass(frozen=True)
class InlineCode:
    """What the built pages hold inline: script texts, style attributes, and event handlers a policy would block."""

    scripts: frozenset[str]
    handlers: tuple[str, ...]
    styles: frozenset[str] = frozenset()
    # Ids that stand more than once in the page, with the tags that carry them (invalid HTML:
    # links and the table of contents go to the first). The page is parsed here anyway.
    repeated_ids: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Style attributes other than a column's alignment, by tag (the policy does not allow them).
    other_styles: tuple[str, ...] = ()


# The pages are read with libxml2's HTML parser (through lxml), which tokenises HTML as HTML5
# browsers do (libxml2 2.14 and later; not SVG's and MathML's foreign content) and leaves a
# script's text exactly as it stands in the file, which is what the browser hashes. A script
# inside SVG would be hashed before its entities are decoded, so the browser would block it:
# a page that needs one fails the browser tests, it is never let through unhashed. XPath finds the scripts and the event-handler
# attributes inside libxml2: a page is not walked tag by tag in Python, which made this check
# cost as much as the quizzes on a quiz page (html.parser: about 8 times the CPU).
_PARSER = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
_INLINE_SCRIPTS = lxml.etree.XPath("//script[not(@src)]")
# Attribute names come out lower-case, as a browser reads them (ONCLICK is onclick).
_HANDLERS = lxml.etree.XPath("//@*[starts-with(name(), 'on')]")
# Style attributes, their values as the browser hashes them (entities decoded). Markdown writes
# them for a table's aligned columns (style="text-align: right;"), also in text from the data.
_STYLES = lxml.etree.XPath("//@style")
_WITH_ID = lxml.etree.XPath("//*[@id]")
# The only style attribute the site has: Markdown's alignment of a table column (a page's
# table, or one in a data text, which the sanitiser lets through with text-align alone).
_ALIGNMENT = re.compile(r"text-align:\s*(?:left|right|center);?")


def find_inline_code(html: str | bytes) -> InlineCode:
    """The inline scripts and event-handler attributes of one page (its HTML, UTF-8 if bytes)."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except lxml.etree.ParserError:  # no element at all (empty, or a doctype or comment only)
        return InlineCode(frozenset(), ())
    scripts = frozenset(
        element.text or ""
        for element in _INLINE_SCRIPTS(root)
        if (element.get("type") or "").strip().lower() in _SCRIPT_TYPES
    )
    handlers = tuple(f"<{attribute.getparent().tag} {attribute.attrname}>" for attribute in _HANDLERS(root))
    tags: dict[str, list[str]] = {}
    for element in _WITH_ID(root):
        tags.setdefault(str(element.get("id")), []).append(str(element.tag))
    repeated = tuple((name, tuple(found)) for name, found in tags.items() if len(found) > 1)
    styles = [(attribute.getparent().tag, str(attribute)) for attribute in _STYLES(root)]
    aligned = frozenset(value for _, value in styles if _ALIGNMENT.fullmatch(value.strip()))
    other = tuple(f"<{tag} style>" for tag, value in styles if value not in aligned)
    return InlineCode(scripts, handlers, aligned, repeated, other)


def script_hash(text: str) -> str:
    """The CSP hash source of an inline script or style attribute (newlines normalised, as the browser does)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def lms_origins(value: object) -> tuple[str, ...]:
    """The LMS origins from ``extra.lms_origins``: a list, or one string separated by spaces or commas.

    Raises :class:`PluginError` (one Dutch line) for anything that is not an https origin.
    """
    if value in (None, ""):
        return ()
    items = value.replace(",", " ").split() if isinstance(value, str) else value
    if not isinstance(items, list):
        raise PluginError(f"mkdocs.yml: extra.lms_origins moet een lijst van adressen zijn, niet {value!r}")
    origins = [str(item).strip().rstrip("/").lower() for item in items]
    wrong = [item for item, origin in zip(items, origins, strict=True) if not _ORIGIN.fullmatch(origin)]
    if wrong:
        raise PluginError("\n".join(origin_problem(item) for item in wrong))
    return tuple(dict.fromkeys(origins))


def origin_problem(item: object) -> str:
    """The Dutch line for an entry of ``extra.lms_origins`` that is no origin."""
    return (
        f"mkdocs.yml: extra.lms_origins: {item!r} is geen herkomst van een LMS; schrijf alleen "
        "https://, de hostnaam en eventueel :poort, bijvoorbeeld https://lms.voorbeeld.nl"
    )


def handler_problem(page: str, handler: str) -> str:
    """The Dutch line for an inline event handler in a built page."""
    return (
        f"{page}: {handler} is een inline event handler; de Content-Security-Policy blokkeert die. "
        "Zet de code in een scriptbestand."
    )


def repeated_id_problem(page: str, name: str, tags: tuple[str, ...]) -> str:
    """The Dutch line for an id that a built page has more than once (``tags``: the elements with it)."""
    where = f"id '{name}' staat {len(tags)} keer op de pagina ({', '.join(f'<{tag}>' for tag in tags)})"
    if all(re.fullmatch(r"h[1-6]", tag) for tag in tags):
        return (
            f"{page}: {where}; twee koppen met dezelfde id ({{ #{name} }}): links en de inhoudsopgave gaan "
            "naar de eerste. Geef een van beide een andere id, of laat { #... } weg"
        )
    return (
        f"{page}: {where}; staat een tabel, lijst, vraag of voetnoot twee keer op de pagina? Laat er één "
        "staan: links gaan anders naar de eerste"
    )


def style_problem(page: str, element: str) -> str:
    """The Dutch line for a style attribute in a built page that is no column alignment."""
    return (
        f"{page}: {element} is een stijlattribuut; de Content-Security-Policy blokkeert dat (alleen het uitlijnen "
        "van een tabelkolom mag). Gebruik een klasse uit de stylesheet van de site."
    )


def page_source(site_rel: str, docs_dir: Path | None) -> str:
    """Where a built page comes from, for messages: ``docs/casus.md`` for ``casus/index.html``.

    Found from the built path (``x/index.html`` or ``x.html``: ``x.md``, ``x/index.md`` or
    ``x/README.md``); a page made by a plugin or theme (``404.html``) keeps its built path.
    """
    if docs_dir is not None:
        stem = site_rel.removesuffix("index.html").removesuffix(".html").rstrip("/")
        folder = f"{stem}/" if stem else ""
        for candidate in ((f"{stem}.md",) if stem else ()) + (f"{folder}index.md", f"{folder}README.md"):
            if (docs_dir / candidate).is_file():
                return f"{docs_dir.name}/{candidate}"
    return site_rel


def content_security_policy(
    script_hashes: Iterable[str], frame_ancestors: Iterable[str] = (), style_hashes: Iterable[str] = ()
) -> str:
    """The site's Content-Security-Policy: its own files only, inline scripts and style attributes by hash."""
    styles = sorted(style_hashes)
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *sorted(script_hashes)],
        # Material's search runs in a worker loaded from the site's own assets.
        "worker-src": ["'self'"],
        # Stylesheets from the site only, and no <style> element: the site writes none
        # (overrides/halk/table.html sizes chart bars with SVG attributes); scripts may still
        # set styles through the DOM (element.style). Style attributes only as the built pages
        # hold them, by hash ('unsafe-hashes' is what lets a hash allow an attribute): Markdown
        # aligns a table's columns with style="text-align: ...". Without any, none is allowed.
        "style-src": ["'self'", *(["'unsafe-hashes'", *styles] if styles else [])],
        # Material's icons are SVG data: URLs in its stylesheet (masks and list markers).
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        # Instant navigation fetches pages and the sitemap, search its index.
        "connect-src": ["'self'"],
        # Not listed, so 'none' (default-src): frames, audio and video, manifests. The site has
        # none; the tests find a page that starts using one.
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'", *frame_ancestors],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def security_headers(
    script_hashes: Iterable[str], frame_ancestors: Iterable[str] = (), style_hashes: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Every header the site should be served with, in order (the one definition of the policy)."""
    frame_ancestors = tuple(frame_ancestors)
    headers = [
        ("Content-Security-Policy", content_security_policy(script_hashes, frame_ancestors, style_hashes)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in _DENIED_FEATURES)),
        # Browsers use it only over https; no includeSubDomains, as the site may share its host.
        ("Strict-Transport-Security", "max-age=31536000"),
    ]
    # For browsers without CSP frame-ancestors. X-Frame-Options cannot name other origins, so
    # with LMS origins configured it is left out (frame-ancestors overrides it anyway).
    if not frame_ancestors:
        headers.append(("X-Frame-Options", "SAMEORIGIN"))
    return headers


_GENERATED = "Generated by hooks/headers.py from the built site (make build); do not edit."


def headers_file(headers: list[tuple[str, str]]) -> str:
    """``_headers`` for Netlify and Cloudflare Pages: every path gets every header."""
    lines = [f"# {_GENERATED}", "/*", *(f"  {name}: {value}" for name, value in headers)]
    return "\n".join(lines) + "\n"


def apache_file(headers: list[tuple[str, str]]) -> str:
    """``.htaccess`` (needs mod_headers and ``AllowOverride FileInfo``); ``always``: error pages too.

    Not wrapped in ``<IfModule>``: without mod_headers Apache reports the error instead of
    serving the site without its policy.
    """
    lines = [f"# {_GENERATED}", *(f'Header always set {name} "{value}"' for name, value in headers)]
    return "\n".join(lines) + "\n"


def nginx_file(headers: list[tuple[str, str]]) -> str:
    """An nginx snippet for the ``server`` block; ``always``: error pages (404) too."""
    lines = [
        f"# {_GENERATED}",
        "# nginx passes add_header down only to locations without add_header of their own.",
        *(f'add_header {name} "{value}" always;' for name, value in headers),
    ]
    return "\n".join(lines) + "\n"


def _pages(site_dir: Path) -> Iterator[Path]:
    yield from sorted(site_dir.rglob("*.html"))


def inline_code(site_dir: Path, docs_dir: Path | None = None) -> tuple[set[str], set[str], list[str]]:
    """Hashes of the inline scripts and style attributes in every built page; a Dutch line per problem.

    The problems: an inline event handler (the policy would block it) and an id twice on a page.
    """
    hashes: set[str] = set()
    styles: set[str] = set()
    problems: list[str] = []
    for page in _pages(site_dir):
        found = find_inline_code(page.read_bytes())
        hashes |= {script_hash(text) for text in found.scripts}
        styles |= {script_hash(text) for text in found.styles}
        where = page_source(page.relative_to(site_dir).as_posix(), docs_dir)
        problems += [handler_problem(where, handler) for handler in found.handlers]
        problems += [style_problem(where, element) for element in found.other_styles]
        problems += [repeated_id_problem(where, name, tags) for name, tags in found.repeated_ids]
    return hashes, styles, problems


def write_header_files(
    site_dir: Path, frame_ancestors: Iterable[str] = (), docs_dir: Path | None = None
) -> list[tuple[str, str]]:
    """Compute the policy from the pages in ``site_dir`` and write the three files; returns the headers.

    Raises :class:`PluginError` if a page holds an inline event handler (it would not run) or an
    id twice (``docs_dir``: to name the page file in the message).
    """
    hashes, styles, problems = inline_code(site_dir, docs_dir)
    if problems:
        raise PluginError("\n".join(problems))
    headers = security_headers(hashes, frame_ancestors, styles)
    for name, render in ((HEADERS_FILE, headers_file), (APACHE_FILE, apache_file), (NGINX_FILE, nginx_file)):
        (site_dir / name).write_text(render(headers), encoding="utf-8")
    return headers


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """MkDocs hook: a mistake in ``extra.lms_origins`` stops the build before any page is built."""
    lms_origins(config.extra.get("lms_origins"))
    return config


def on_post_build(config: MkDocsConfig) -> None:
    """MkDocs hook: after every page (404 and quiz pages included) is written, write the header files."""
    if config.extra.get("offline"):
        return
    headers = write_header_files(
        Path(config.site_dir), lms_origins(config.extra.get("lms_origins")), Path(config.docs_dir)
    )
    policy = dict(headers)["Content-Security-Policy"]
    log.info(f"Security headers: {HEADERS_FILE}, {APACHE_FILE}, {NGINX_FILE} ({policy.count('sha256-')} hashes)")
