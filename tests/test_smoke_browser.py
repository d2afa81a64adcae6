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
