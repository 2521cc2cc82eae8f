"""The analysts' feedback log: one JSON object a line, appended, never rewritten.

Declared here, below both its writer (ocwatch.feedback, which validates and
appends acts) and its reader (the warehouse build, which loads the log as the
table ``feedback_acts`` and applies it in SQL), so the two share one column
list and the build never imports the feedback room. The log is data in the
data root, not the lake: the lake holds what the machine found, the log what
analysts said about it, and a full rebuild from the lake reads both.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

# Every act has the first five columns; the others are those its kind needs (NULL otherwise).
FEEDBACK_ACT = pa.schema([
    pa.field("act_id", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),  # see ocwatch.feedback.acts.KINDS
    pa.field("who", pa.string(), nullable=False),
    pa.field("at", pa.timestamp("us", tz="UTC"), nullable=False),
    pa.field("why", pa.string(), nullable=False),
    pa.field("verdict", pa.string()),  # mark_mention, mark_link: right or wrong; review_grade: accepted or rejected
    pa.field("doc_id", pa.string()),
    pa.field("sent_idx", pa.int32()),
    pa.field("entity_id", pa.string()),  # mark_mention: the mention's entity id
    pa.field("actor_id", pa.string()),  # mark_link; merge_actor/promote_actor: the unknown actor
    pa.field("market", pa.string()),
    pa.field("place_id", pa.string()),  # mark_link; correct_place: the wrong place
    pa.field("into_actor_id", pa.string()),  # merge_actor: the known actor; promote_actor: the new id
    pa.field("name", pa.string()),  # promote_actor: display name; correct_place: the name as written (a new place's name)
    pa.field("actor_type", pa.string()),
    pa.field("aliases", pa.string()),  # ';'-separated, as in reference/actors.csv
    pa.field("country_iso3", pa.string()),  # promote_actor: home; correct_place: the right place's
    pa.field("admin1", pa.string()),  # correct_place: the right place's first-level division
    pa.field("right_place_id", pa.string()),
    pa.field("lat", pa.float64()),  # correct_place to a new place: where it is (WGS84)
    pa.field("lon", pa.float64()),
    pa.field("place_kind", pa.string()),  # correct_place to a new place: town, mine_site, border_post...
    pa.field("source_id", pa.string()),  # propose_grade
    pa.field("grade", pa.string()),
    pa.field("target_act_id", pa.string()),  # undo: the act undone; review_grade: the proposal
])
COLUMNS = tuple(FEEDBACK_ACT.names)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """One writer at a time (the workbench and the command line may append together)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(path), "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_lines(path: Path, bad: list[str] | None = None) -> list[dict[str, Any]]:
    """Every act in the log, in the order written; a missing log is empty.

    A line that is not JSON raises ValueError naming it, or, given a ``bad``
    list, is named there and skipped (the build records it and goes on).
    """
    if not path.is_file():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or not line.endswith("\n"):
                continue  # blank, or the last line while a writer is still appending it
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                # Appends are whole lines under a lock: a bad line is damage, and must be seen.
                message = f"feedback log {path} line {lineno}: not JSON: {exc.msg}"
                if bad is None:
                    raise ValueError(message) from None
                bad.append(message)
    return out


def append_lines(path: Path, acts: Iterable[dict[str, Any]]) -> None:
    """Append acts (already validated, under ``locked``) as whole lines, flushed to disk."""
    with open(path, "a+", encoding="utf-8") as fh:
        fh.seek(0, 2)
        if fh.tell() > 0:
            fh.seek(fh.tell() - 1)
            if fh.read(1) != "\n":
                fh.write("\n")  # a write cut short by a crash stays a line of its own, named when read
        for act in acts:
            fh.write(json.dumps({k: act.get(k) for k in COLUMNS}, ensure_ascii=False, default=str) + "\n")
        fh.flush()


def read_table(path: Path | None, bad: list[str] | None = None) -> pa.Table:
    """The log as an Arrow table of FEEDBACK_ACT (empty without a log): what the build loads."""
    rows = read_lines(path, bad) if path is not None else []
    for row in rows:
        for key in [k for k in row if k not in FEEDBACK_ACT.names]:
            del row[key]
        row["at"] = dt.datetime.fromisoformat(row["at"])
    return pa.Table.from_pylist(rows, schema=FEEDBACK_ACT)


def content_hash(path: Path | None) -> str:
    """Changes whenever the log does; part of the build's reuse key."""
    if path is None or not path.is_file():
        return "none"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
