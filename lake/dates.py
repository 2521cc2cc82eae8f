"""Run dates: the lake's partition key, parsed once at the edges (CLI, Airflow, process arguments).

Kept apart from the partition code so the edges that only parse a date
(Airflow's DAG processor among them) import nothing heavy.
"""

from __future__ import annotations

import datetime as dt
import re

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str | dt.date) -> dt.date:
    """A run date from ``YYYY-MM-DD``; anything else is a ValueError naming the input."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None
