"""How a night went, told from what the stages logged: counts, failed inputs and why, exit codes.

A quiet night must be told from a dead one. The crawl and the trade pull run
in child processes, so their health is read back from what those processes
wrote into the lake (crawl_log, trade_log): the same rows the warehouse and
the report read, so the command line and the report cannot disagree.

Exit codes (the one table is in README.md): 0 ok, 1 failed, 2 usage,
3 degraded (the stage finished but some inputs gave nothing).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DEGRADED = 0, 1, 2, 3

# Outcomes that are no failure: the crawler chose not to fetch, or the page had not changed.
SKIPPED_KINDS = frozenset({"not_modified", "duplicate", "robots", "offsite", "scheme", "private"})
# A source that answered with any of these said something this night.
ANSWERED_KINDS = frozenset({"not_modified", "duplicate"})
EXAMPLES = 2  # error messages quoted per failed input: enough to act on, short enough to read
MAX_DETAIL_LINES = 40


@dataclass
class Health:
    """Counts of one stage (or one source) and the lines naming what failed."""

    attempted: int = 0
    fetched: int = 0
    failed: int = 0
    skipped: int = 0
    degraded: bool = False
    failures: list[str] = field(default_factory=list)

    def add(self, other: Health) -> None:
        self.attempted += other.attempted
        self.fetched += other.fetched
        self.failed += other.failed
        self.skipped += other.skipped
        self.degraded = self.degraded or other.degraded
        self.failures += other.failures


def _kinds_line(kinds: Counter, examples: list[str]) -> str:
    listed = ", ".join(f"{k}:{n}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    quoted = "; ".join(e[:200] for e in examples[:EXAMPLES])
    return listed + (f" (e.g. {quoted})" if quoted else "")


def crawl_source_health(rows: Iterable[dict[str, Any]], source_id: str) -> Health:
    """One source's crawl_log rows of a night: degraded when the source answered nothing at all."""
    h, kinds, examples, answered = Health(), Counter(), [], False
    for r in rows:
        h.attempted += 1
        kind = r.get("error_kind")
        if kind is None:
            h.fetched += 1
            answered = True
        elif kind in SKIPPED_KINDS:
            h.skipped += 1
            answered = answered or kind in ANSWERED_KINDS
        else:
            h.failed += 1
            kinds[kind] += 1
            if r.get("error"):
                examples.append(str(r["error"]))
    if not answered:
        h.degraded = True
        why = _kinds_line(kinds, examples) if kinds else "no request was logged"
        h.failures.append(f"source {source_id}: answered nothing: {why}")
    elif kinds:
        h.failures.append(f"source {source_id}: {_kinds_line(kinds, examples)}")
    return h


def trade_health(rows: Iterable[dict[str, Any]]) -> Health:
    """The pull's trade_log rows: degraded when a key was missing or no query was answered."""
    h, kinds, examples = Health(), Counter(), []
    for r in rows:
        h.attempted += 1
        kind = r.get("error_kind")
        if kind is None:
            h.fetched += 1
            continue
        h.failed += 1
        kinds[kind] += 1
        if r.get("error") and len(examples) < EXAMPLES:
            examples.append(str(r["error"]))
    if kinds:
        h.failures.append(f"trade: {_kinds_line(kinds, examples)}")
    if "missing_key" in kinds:
        h.failures.insert(0, "trade: no Comtrade key (set COMTRADE_API_KEY or the comtrade_default "
                             "connection): nothing was asked")
    h.degraded = "missing_key" in kinds or (h.attempted > 0 and h.fetched == 0)
    return h


def status_of(ok: bool, degraded: bool) -> str:
    return "failed" if not ok else "degraded" if degraded else "ok"


def exit_code(statuses: Sequence[str]) -> int:
    """1 when any stage failed, else 3 when any was degraded, else 0."""
    if "failed" in statuses:
        return EXIT_FAILED
    return EXIT_DEGRADED if "degraded" in statuses else EXIT_OK


def health_row(stage: str, status: str, h: Health, errors: Sequence[str] = ()) -> dict[str, Any]:
    """One run_health row; the detail keeps the first lines (the report and the log hold the rest)."""
    lines = [*errors, *h.failures]
    if len(lines) > MAX_DETAIL_LINES:
        lines = [*lines[:MAX_DETAIL_LINES], f"... and {len(lines) - MAX_DETAIL_LINES} more"]
    return {"stage": stage, "status": status, "attempted": h.attempted, "fetched": h.fetched,
            "failed": h.failed, "skipped": h.skipped, "detail": "\n".join(lines) or None,
            "occurred_at": dt.datetime.now(dt.UTC)}
