"""ISO weeks as the report names them: ``YYYY-Www``."""

from __future__ import annotations

import datetime as dt
import re

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(week: str) -> tuple[dt.date, dt.date]:
    """First (Monday) and last (Sunday) day of an ISO week; ValueError naming a bad week."""
    match = _WEEK_RE.match(week) if isinstance(week, str) else None
    if not match:
        raise ValueError(f"invalid week {week!r}: expected YYYY-Www, e.g. 2026-W07")
    year, num = int(match.group(1)), int(match.group(2))
    try:
        start = dt.date.fromisocalendar(year, num, 1)
    except ValueError as exc:
        raise ValueError(f"invalid week {week!r}: {exc}") from None
    return start, start + dt.timedelta(days=6)


def week_of(day: dt.date) -> str:
    year, num, _ = day.isocalendar()
    return f"{year}-W{num:02d}"


def previous_weeks(week: str, count: int) -> list[str]:
    """The ``count`` weeks ending with ``week``, oldest first (for chart axes)."""
    start, _ = parse_week(week)
    return [week_of(start - dt.timedelta(weeks=i)) for i in range(count - 1, -1, -1)]
