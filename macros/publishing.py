"""Publishing details shown on every page: the last-updated date of its source file, in Dutch.

The date comes from git: the last commit that touched the file. A build asks git once for all
of ``docs/`` (:class:`GitDates`) rather than once per page. A file git knows nothing about
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


class GitDates:
    """The last commit date of every file under ``folder``, from one ``git log`` (on first use)."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self._dates: dict[str, dt.date] | None = None

    def date_of(self, path: Path) -> dt.date | None:
        """Like :func:`git_date`; a file outside ``folder`` is looked up on its own."""
        path = path.resolve()
        if not path.is_relative_to(self.folder):
            return git_date(path)
        if self._dates is None:
            self._dates = _dates_in(self.folder)
        return self._dates.get(path.relative_to(self.folder).as_posix())


def _dates_in(folder: Path) -> dict[str, dt.date]:
    r"""Each file's newest commit date, from ``git log`` listing the files of every commit.

    Output per commit (``-z``): ``\x01<date>\0\n<file>\0<file>\0``, newest commit first.
    """
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x01%cs", "--name-only", "-z", "--relative", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    for commit in result.stdout.split("\x01")[1:]:
        date, _, files = commit.partition("\0")
        day = dt.date.fromisoformat(date)
        for name in files.lstrip("\n").split("\0"):
            if name:
                dates.setdefault(name, day)
    return dates


def last_updated(path: Path, today: dt.date | None = None, dates: GitDates | None = None) -> dt.date:
    """When ``path`` last changed according to git, else the build date (``today``)."""
    known = dates.date_of(path) if dates else git_date(path.resolve())
    return known or today or dt.date.today()


def page_dates(path: Path, today: dt.date | None = None, dates: GitDates | None = None) -> dict[str, str]:
    """The values templates show under a page: ISO date (for ``<time datetime>``) and Dutch text."""
    day = last_updated(path, today, dates)
    return {"iso": day.isoformat(), "text": dutch_date(day)}
