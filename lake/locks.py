"""One writer at a time for a partition that two commands may rewrite.

Extraction writes a date's links and ``ocwatch rescore-links`` rewrites them;
run together, the later rename would put stale rows over new ones (and each
writer sweeps the other's temp file as a killed writer's leftover). On a local
lake both take an advisory lock on ``<partition>/.lock`` (a dot-name no reader
or glob takes). An object store has no such lock: there, operators keep the
two apart (docs/OPERATIONS.md).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import partition_dir


class PartitionBusy(RuntimeError):
    """Another run holds the partition."""


@contextmanager
def partition_lock(lake: Lake | str, name: str, date: dt.date, wait: bool = True) -> Iterator[None]:
    """Hold the partition's lock (waiting for it, or raising PartitionBusy when ``wait`` is false)."""
    lake = Lake.at(lake)
    if not lake.is_local:
        yield
        return
    folder = lake.fs_path(partition_dir(lake, name, date))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, ".lock"), "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise PartitionBusy(f"{name} of {date} are being written by another run (an extraction?); "
                                "run again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
