"""Publishing details shown on every page: the last-updated date of its source file, in Dutch.

The date comes from git (``git log -1 --format=%cs -- <file>``); a file git knows nothing about
(new, uncommitted, or no git at all) gets the build date instead.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: dt.date) -> str:
    """``24 november 2026``: the day without a leading zero, the month in Dutch, lower case."""
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def git_date(path: Path) -> dt.date | None:
    """Date of the last commit that touched ``path``, or ``None`` if git has none."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = result.stdout.strip()
    if result.returncode != 0 or not text:
        return None
    return dt.date.fromisoformat(text)


def last_updated(path: Path, today: dt.date | None = None) -> dt.date:
    """When ``path`` last changed according to git, else the build date (``today``)."""
    return git_date(path.resolve()) or today or dt.date.today()


def page_dates(path: Path, today: dt.date | None = None) -> dict[str, str]:
    """The values templates show under a page: ISO date (for ``<time datetime>``) and Dutch text."""
    day = last_updated(path, today)
    return {"iso": day.isoformat(), "text": dutch_date(day)}
