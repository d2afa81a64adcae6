"""Files: an editor's read as text, the engine's own written whole (:func:`write_whole`).

Every content file (YAML data and Markdown pages) is read through :func:`read_text`, so a file
saved in another encoding, or text pasted with a stray control character from a PDF or a
slide deck, stops the build with the file and the line instead of a ``UnicodeDecodeError``
or a page that carries a NUL byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError

# Files larger than this are refused before they are parsed (the largest bank is ~25 KB).
MAX_FILE_BYTES = 2_000_000

# C0 controls except tab and line endings, DEL, and C1 controls: never meant in a text. Also
# what YAML's reader refuses besides: lone surrogates and the non-characters U+FFFE and U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BOM = "\ufeff"


def line_at(text: str, index: int) -> int:
    """The line (1-based) of the character at ``index`` in ``text``."""
    return text.count("\n", 0, index) + 1


def check_text(text: str, path: str, line_offset: int = 0) -> None:
    """Raise a :class:`ContentError` at the first control character of ``text``."""
    found = CONTROL.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise ContentError(
            path,
            line_at(text, found.start()) + line_offset,
            f"onzichtbaar stuurteken {code} in de tekst (vaak meegekopieerd uit een pdf of dia); verwijder het",
        )


def decode(data: bytes, path: str) -> str:
    """``data`` as text: UTF-8 (a byte-order mark is dropped), every line ending a newline, checked.

    Raises :class:`ContentError` for another encoding (at the line of the first byte that is
    not UTF-8) and for control characters.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            path,
            line,
            f"bestand is geen UTF-8-tekst (byte 0x{data[exc.start]:02X}); sla het op als UTF-8",
        ) from None
    text = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    check_text(text, path)
    return text


def read_text(path: Path, shown: str) -> str:
    """The text of the file ``path`` (``shown`` in messages), see :func:`decode`."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ContentError(shown, None, "is een map, geen bestand; geef de map een andere naam")
        if size > MAX_FILE_BYTES:
            raise ContentError(
                shown,
                None,
                f"bestand is te groot ({size // 1000} kB; hoogstens {MAX_FILE_BYTES // 1000} kB); splits het op",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(shown, None, "bestand niet gevonden") from None
    except OSError as exc:
        raise ContentError(shown, None, f"bestand kan niet worden gelezen ({exc.strerror})") from None
    return decode(data, shown)


def readable_text(path: Path) -> str:
    """The text of ``path`` however it is broken (bad bytes and control characters as U+FFFD).

    For going on after :func:`read_text` reported the mistake, so that one mistake does not
    cause others further on (links to headings of the page, for example).
    """
    text = path.read_bytes().decode("utf-8", "replace").removeprefix(_BOM)
    return CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def write_whole(files: dict[str, bytes], directory: Path) -> list[Path]:
    """Write each file by name to ``directory``, whole or not at all; the paths written.

    Each goes to ``<name>.part`` first and is then renamed: a process stopped while writing
    leaves no cut-off zip or XML file for a trainer to download.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = directory / name
        part = directory / f"{name}.part"
        part.write_bytes(data)
        part.replace(path)
        paths.append(path)
    return paths
