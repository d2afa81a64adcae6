"""The pages of a built site, found from its sitemap, and a small HTML tree to inspect them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

_SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def sitemap_pages(site_dir: Path) -> list[str]:
    """The pages sitemap.xml lists, as paths relative to the site's root ("" is the home page)."""
    tree = ET.parse(site_dir / "sitemap.xml")
    paths = [urlsplit(loc.text or "").path for loc in tree.getroot().iterfind("sm:url/sm:loc", _SITEMAP_NS)]
    assert paths, "sitemap.xml lists no pages"
    base = min(paths, key=len)  # the home page: every other page lies below it
    return [path.removeprefix(base) for path in paths]


def noindex_pages(site_dir: Path) -> list[str]:
    """The built pages that tell search engines not to index them (the answer keys), left out of the sitemap."""
    found = []
    for html in sorted(site_dir.rglob("index.html")):
        if '<meta name="robots" content="noindex">' in html.read_text(encoding="utf-8"):
            rel = html.parent.relative_to(site_dir).as_posix()
            found.append("" if rel == "." else rel + "/")
    return found


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site as a path relative to its root ("" is the home page, then "alk/", ...).

    Taken from sitemap.xml, which MkDocs writes for every page it builds, so the list follows
    the content without being written down anywhere in the tests; plus the ``noindex`` pages the
    quiz plugin leaves out of it.
    """
    return sitemap_pages(site_dir) + noindex_pages(site_dir)


def page_file(site_dir: Path, page: str) -> Path:
    """The HTML file of ``page`` (a path from :func:`site_pages`)."""
    return site_dir / page / "index.html" if page.endswith("/") or page == "" else site_dir / page


@dataclass(eq=False)  # compared by identity: a node and its parent refer to each other
class Node:
    """An element with its attributes and children (strings are text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False, compare=False)

    def elements(self) -> list[Node]:
        """All descendant elements, in document order."""
        out: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                out.append(child)
                out.extend(child.elements())
        return out

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Descendants with ``tag`` (any if None) that have the class ``cls`` and the attribute values ``attrs``.

        ``class_`` in ``attrs`` is another way to name ``cls``.
        """
        cls = attrs.pop("class_", cls)
        return [
            el
            for el in self.elements()
            if (tag is None or el.tag == tag)
            and (cls is None or cls in el.classes)
            and all(el.attrs.get(key) == value for key, value in attrs.items())
        ]

    @property
    def classes(self) -> set[str]:
        """The element's classes."""
        return set(self.attrs.get("class", "").split())

    def kids(self, tag: str) -> list[Node]:
        """Direct child elements with ``tag``."""
        return [c for c in self.children if isinstance(c, Node) and c.tag == tag]

    def by_id(self, element_id: str) -> Node | None:
        """The descendant with ``id`` = ``element_id``, if any."""
        return next((el for el in self.elements() if el.attrs.get("id") == element_id), None)

    def ancestors(self) -> list[Node]:
        """Parent, grandparent, ... up to the document root."""
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def text(self) -> str:
        """Text content with whitespace collapsed (heading permalinks left out)."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif "headerlink" not in child.attrs.get("class", "").split():
                parts.append(child.text())
        return re.sub(r"\s+", " ", "".join(parts)).strip()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """Parse an HTML document into a :class:`Node` tree."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
