"""The Parquet lake: Hive-style partitions ``<lake>/<dataset>/date=YYYY-MM-DD/<part>.parquet``.

A partition is a folder per run date; each writer owns one named part file in
it (a crawl task writes ``<source_id>.parquet``, extraction writes
``part.parquet``). A part is written to a temporary name and renamed over the
old one, so a reader sees the old part or the new one, never half of either,
and a crash mid-write leaves the previous good part in place.

Paths may be local or any fsspec URL (``s3://bucket/lake``), so the lake can
move to object storage without code changes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from ocwatch.lake.contracts import Dataset, dataset

_PART_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
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


def _check_part(part: str) -> str:
    # Part names become file names: refuse anything that could climb out of the lake.
    if not _PART_RE.match(part):
        raise ValueError(f"invalid partition part name {part!r}: use [a-z0-9_-], at most 100 chars")
    return part


def _join(root: str, *parts: str) -> str:
    return "/".join([str(root).rstrip("/"), *parts])


def partition_dir(lake: str, name: str, date: str | dt.date) -> str:
    return _join(str(lake), dataset(name).name, f"date={parse_date(date).isoformat()}")


def part_path(lake: str, name: str, date: str | dt.date, part: str = "part") -> str:
    return _join(partition_dir(lake, name, date), f"{_check_part(part)}.parquet")


def dataset_glob(lake: str, name: str) -> str:
    """Glob of every part of a dataset, for DuckDB's read_parquet."""
    return _join(str(lake), dataset(name).name, "date=*", "*.parquet")


def to_table(ds: Dataset, rows: pa.Table | Iterable[Mapping[str, Any]]) -> pa.Table:
    """Conform rows (dicts or a table) to the declared schema: same columns, same order, same types."""
    if isinstance(rows, pa.Table):
        missing = [c for c in ds.columns if c not in rows.column_names]
        for col in missing:
            rows = rows.append_column(ds.schema.field(col), pa.nulls(rows.num_rows, ds.schema.field(col).type))
        return rows.select(ds.columns).cast(ds.schema)
    return pa.Table.from_pylist([{c: r.get(c) for c in ds.columns} for r in rows], schema=ds.schema)


def _temp_for(target: str, part: str) -> tuple[Any, str, str]:
    """The filesystem, the part's path and a fresh temp name beside it.

    A part has one writer, so a temp file of the same part already there is
    the leftover of a killed run: it is swept here rather than left to pile up.
    """
    fs, path = fsspec.core.url_to_fs(target)
    folder = path.rsplit("/", 1)[0]
    fs.makedirs(folder, exist_ok=True)
    stale = f".{_check_part(part)}."
    for old in fs.ls(folder, detail=False):
        leaf = old.rsplit("/", 1)[-1]
        if leaf.startswith(stale) and leaf.endswith(".tmp"):
            fs.rm(old)
    return fs, path, f"{folder}/{stale}{uuid.uuid4().hex}.tmp"


def write_partition(
    lake: str,
    name: str,
    date: str | dt.date,
    rows: pa.Table | Iterable[Mapping[str, Any]],
    part: str = "part",
) -> str:
    """Write one part of one partition atomically and return its path."""
    ds = dataset(name)
    table = to_table(ds, rows)
    target = part_path(lake, name, date, part)
    fs, path, tmp = _temp_for(target, part)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    try:
        with fs.open(tmp, "wb") as fh:
            fh.write(buf.getvalue())
        fs.mv(tmp, path)
    finally:
        if fs.exists(tmp):
            fs.rm(tmp)
    return target


class PartWriter:
    """Row batches into one open Parquet file, conformed to the contract on the way in.

    Small batches are buffered up to ``batch_rows`` rows so a night of many
    small chunks still makes few row groups (readers pay per row group).
    """

    def __init__(self, ds: Dataset, writer: pq.ParquetWriter, batch_rows: int) -> None:
        self._ds, self._writer, self._batch_rows = ds, writer, batch_rows
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self.rows = 0

    def write(self, rows: pa.Table | Iterable[Mapping[str, Any]]) -> None:
        # Conform now, so a batch that breaks the contract fails here, naming no later batch.
        table = to_table(self._ds, rows)
        if table.num_rows == 0:
            return
        self._pending.append(table)
        self._pending_rows += table.num_rows
        self.rows += table.num_rows
        if self._pending_rows >= self._batch_rows:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._writer.write_table(pa.concat_tables(self._pending))
            self._pending, self._pending_rows = [], 0


@contextmanager
def partition_writer(
    lake: str, name: str, date: str | dt.date, part: str = "part", batch_rows: int = 50_000,
) -> Iterator[PartWriter]:
    """Stream one part of one partition: batches go to a temp file, renamed over the part on clean exit.

    Memory holds one batch, not the partition. On an exception (or a kill) the
    previous part stays as it was; an exception also removes the temp file,
    and a kill leaves a dot-named ``.tmp`` file no reader or glob picks up.
    """
    ds = dataset(name)
    target = part_path(lake, name, date, part)
    fs, path, tmp = _temp_for(target, part)
    try:
        with fs.open(tmp, "wb") as fh:
            writer = pq.ParquetWriter(fh, ds.schema, compression="zstd")
            try:
                out = PartWriter(ds, writer, batch_rows)
                yield out
                out.flush()
            except BaseException:
                # Closed before its file: a writer left open would write a footer when collected.
                with suppress(Exception):
                    writer.close()
                raise
            writer.close()  # a failure writing the footer must stop the rename, so not suppressed
        fs.mv(tmp, path)
    finally:
        if fs.exists(tmp):
            fs.rm(tmp)


def list_parts(lake: str, name: str, date: str | dt.date) -> list[str]:
    fs, path = fsspec.core.url_to_fs(partition_dir(lake, name, date))
    if not fs.exists(path):
        return []
    return sorted(p for p in fs.ls(path, detail=False) if p.endswith(".parquet") and "/." not in p)


def read_partition(lake: str, name: str, date: str | dt.date, part: str | None = None) -> pa.Table:
    """All parts of one partition (or one named part), conformed to the schema; empty if absent."""
    ds = dataset(name)
    fs, _ = fsspec.core.url_to_fs(str(lake))
    paths = list_parts(lake, name, date)
    if part is not None:
        wanted = f"/{_check_part(part)}.parquet"
        paths = [p for p in paths if p.endswith(wanted)]
    tables = [to_table(ds, pq.read_table(p, filesystem=fs)) for p in paths]
    return pa.concat_tables(tables) if tables else ds.schema.empty_table()


def partition_dates(lake: str, name: str) -> list[dt.date]:
    """Dates that have a partition of this dataset, oldest first."""
    fs, path = fsspec.core.url_to_fs(_join(str(lake), dataset(name).name))
    if not fs.exists(path):
        return []
    dates = []
    for p in fs.ls(path, detail=False):
        leaf = p.rstrip("/").rsplit("/", 1)[-1]
        if leaf.startswith("date="):
            try:
                dates.append(parse_date(leaf[5:]))
            except ValueError:
                continue
    return sorted(dates)
