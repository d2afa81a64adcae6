"""The search-index hook (hooks/search_index.py) without a build: folded words and fields."""

from __future__ import annotations

import importlib.util

from helpers import ROOT

_spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
search_index = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_index)


def test_fold_removes_diacritics_only() -> None:
    assert search_index.fold("casuscoördinator patiënt één Löwe") == "casuscoordinator patient een Lowe"
    assert search_index.fold("0,5% (DIT)") == "0,5% (DIT)"


def test_only_changed_words_are_added_and_the_fields_declared() -> None:
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
        "docs": [
            {"location": "a/", "title": "De patiënt", "text": "<p>Een casuscoördinator &amp; de patiënten.</p>"},
            {"location": "b/", "title": "Zonder", "text": "<p>niets</p>"},
        ],
    }
    out = search_index.add_folded_fields(index)
    assert out["config"]["fields"]["title_folded"] == {"boost": 1000.0}
    assert out["config"]["fields"]["text_folded"] == {"boost": 1.0}
    assert out["docs"][0]["title_folded"] == "patient"
    assert out["docs"][0]["text_folded"] == "casuscoordinator patienten"
    assert "title_folded" not in out["docs"][1] and "text_folded" not in out["docs"][1]
