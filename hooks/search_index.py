"""Search without diacritics: words typed as "patienten" find "patiënten".

Material's search worker lowercases a query but keeps its diacritics, and so does the index:
"casuscoordinator" found nothing. After Material's search plugin has written
``search/search_index.json``, this hook gives every entry two extra fields that hold the words
of its title and text with diacritics removed (only the words that change), and adds both
fields to the index's field list with the boosts of the fields they copy. The worker indexes
every listed field; the result list shows only the title and text, so nothing changes on
screen. Words typed with diacritics still match the original fields.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

# The extra fields and the field each one mirrors.
FOLDED_FIELDS = {"title_folded": "title", "text_folded": "text"}
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` without diacritics: "coördinator" becomes "coordinator", "é" becomes "e"."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def folded_words(markup: str) -> str:
    """The words of ``markup`` (index text, HTML) that change when folded, folded, in order."""
    text = html.unescape(_TAG.sub(" ", markup))
    return " ".join(folded for word in _WORD.findall(text) if (folded := fold(word)) != word)


def add_folded_fields(index: dict[str, Any]) -> dict[str, Any]:
    """Give each entry of a Material search index the folded fields, and declare them in its config."""
    fields = index["config"]["fields"]
    for folded, original in FOLDED_FIELDS.items():
        fields[folded] = dict(fields[original])
    for doc in index["docs"]:
        for folded, original in FOLDED_FIELDS.items():
            words = folded_words(doc.get(original, ""))
            if words:
                doc[folded] = words
    return index


@event_priority(-50)  # after Material's search plugin (0), before its offline plugin (-100) inlines the index
def on_post_build(config: Any) -> None:
    """Rewrite the search index that Material's search plugin has just written."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():  # search switched off
        return
    index = add_folded_fields(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
