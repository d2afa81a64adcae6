"""The built site opens in a real Chromium and axe runs in it."""

from __future__ import annotations

import pytest
from helpers import format_violations, run_axe

pytestmark = pytest.mark.browser


def test_home_opens_and_axe_runs(page, base_url: str) -> None:
    page.goto(base_url)
    assert "Kennisbank Hardnekkige ALK" in page.locator("h1").first.inner_text()
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_the_colour_only_run_finds_poor_contrast_and_nothing_else(page) -> None:
    """The dark-scheme twins of the axe tests run ``colours_only``: it must still see contrast."""
    page.set_content(
        '<html lang="nl"><head><title>t</title></head><body><main><h1>Kop</h1>'
        '<p style="color:#777;background:#888">Te zwak</p><img src="data:,">'
        '<p style="color:#000">Tekst met een <a href="#" style="color:#333;text-decoration:none">link</a>'
        " die alleen door kleur opvalt.</p></main></body></html>"
    )
    everything = {v["id"] for v in run_axe(page)}
    assert {"color-contrast", "link-in-text-block", "image-alt"} <= everything, everything
    assert {v["id"] for v in run_axe(page, colours_only=True)} == {"color-contrast", "link-in-text-block"}
