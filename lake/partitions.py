"""The Parquet lake's partitions: ``<lake>/<dataset>/date=YYYY-MM-DD/<part>.parquet``.

A partition is a folder per run date; each writer owns one named part file in
it (a crawl task writes ``<source_id>.parquet``, extraction writes
``part.parquet``). A part is replaced atomically (``ocwatch.lake.atomic``), so
a reader sees the old part or the new one, never half of either, and a crash
mid-write leaves the previous good part in place. The lake is a ``Lake``
value: a local folder or an object-store URL, the same code for both.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ocwatch.lake.atomic import atomic_write, sweep
from ocwatch.lake.contracts import Dataset, dataset
from ocwatch.lake.dates import parse_date
from ocwatch.lake.location import Lake

_PART_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")


def _check_part(part: str) -> str:
    # Part names become file names: refuse anything that could climb out of the lake.
    if not _PART_RE.match(part):
        raise ValueError(f"invalid partition part name {part!r}: use [a-z0-9_-], at most 100 chars")
    return part


def partition_dir(lake: Lake, name: str, date: dt.date) -> str:
    return Lake.at(lake).join(dataset(name).name, f"date={date.isoformat()}")


def part_path(lake: Lake, name: str, date: dt.date, part: str = "part") -> str:
    return f"{partition_dir(lake, name, date)}/{_check_part(part)}.parquet"


def dataset_glob(lake: Lake, name: str) -> str:
    """Glob of every part of a dataset, for DuckDB's read_parquet."""
    return Lake.at(lake).join(dataset(name).name, "date=*", "*.parquet")


def to_table(ds: Dataset, rows: pa.Table | Iterable[Mapping[str, Any]]) -> pa.Table:
    """Conform rows (dicts or a table) to the declared schema: same columns, same order, same types."""
    if isinstance(rows, pa.Table):
        missing = [c for c in ds.columns if c not in rows.column_names]
        for col in missing:
            rows = rows.append_column(ds.schema.field(col), pa.nulls(rows.num_rows, ds.schema.field(col).type))
        return rows.select(ds.columns).cast(ds.schema)
    return pa.Table.from_pylist([{c: r.get(c) for c in ds.columns} for r in rows], schema=ds.schema)


@contextmanager
def _replacing(lake: Lake, name: str, date: dt.date, part: str) -> Iterator[Any]:
    """A handle whose bytes replace the part on clean exit.

    A part has one writer, so a temp file of the same part already there is
    the leftover of a killed run: it is swept here rather than left to pile up.
    """
    target = lake.fs_path(part_path(lake, name, date, part))
    folder = target.rsplit("/", 1)[0]
    lake.fs.makedirs(folder, exist_ok=True)
    if lake.is_local:
        sweep(lake.fs, folder, part)
    with atomic_write(target, lake.fs, stem=part) as fh:
        yield fh


def write_partition(
    lake: Lake,
    name: str,
    date: dt.date,
    rows: pa.Table | Iterable[Mapping[str, Any]],
    part: str = "part",
) -> str:
    """Write one part of one partition atomically and return its path."""
    lake = Lake.at(lake)
    table = to_table(dataset(name), rows)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    with _replacing(lake, name, date, part) as fh:
        fh.write(buf.getvalue())
    return part_path(lake, name, date, part)


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
    lake: Lake, name: str, date: dt.date, part: str = "part", batch_rows: int = 50_000,
) -> Iterator[PartWriter]:
    """Stream one part of one partition: batches go to a temp file, renamed over the part on clean exit.

    Memory holds one batch, not the partition. On an exception (or a kill) the
    previous part stays as it was; an exception also removes the temp file,
    and a kill leaves a dot-named ``.tmp`` file no reader or glob picks up.
    """
    lake = Lake.at(lake)
    ds = dataset(name)
    with _replacing(lake, name, date, part) as fh:
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


def list_parts(lake: Lake, name: str, date: dt.date) -> list[str]:
    """The part files of one partition, as paths or URLs that fsspec and DuckDB open."""
    lake = Lake.at(lake)
    folder = lake.fs_path(partition_dir(lake, name, date))
    if not lake.fs.exists(folder):
        return []
    return sorted(lake.full(p) for p in lake.fs.ls(folder, detail=False)
                  if p.endswith(".parquet") and "/." not in p)


def read_partition(lake: Lake, name: str, date: dt.date, part: str | None = None) -> pa.Table:
    """All parts of one partition (or one named part), conformed to the schema; empty if absent."""
    lake = Lake.at(lake)
    ds = dataset(name)
    paths = list_parts(lake, name, date)
    if part is not None:
        wanted = f"/{_check_part(part)}.parquet"
        paths = [p for p in paths if p.endswith(wanted)]
    tables = [to_table(ds, pq.read_table(lake.fs_path(p), filesystem=lake.fs)) for p in paths]
    return pa.concat_tables(tables) if tables else ds.schema.empty_table()


def partition_dates(lake: Lake, name: str) -> list[dt.date]:
    """Dates that have a partition of this dataset, oldest first."""
    lake = Lake.at(lake)
    folder = lake.fs_path(lake.join(dataset(name).name))
    if not lake.fs.exists(folder):
        return []
    dates = []
    for p in lake.fs.ls(folder, detail=False):
        leaf = p.rstrip("/").rsplit("/", 1)[-1]
        if leaf.startswith("date="):
            try:
                dates.append(parse_date(leaf[5:]))
            except ValueError:
                continue
    return sorted(dates)


def part_files(lake: Lake, name: str, as_of: dt.date) -> dict[str, str]:
    """Part files of partitions dated up to as_of, each with a stamp (size and modification time).

    A build of date D reproduces the lake as of D. The stamp changes whenever a
    part is rewritten (every write is a new file renamed into place), which is
    what lets an incremental build, and the known-URL index, tell the parts that changed.
    """
    lake = Lake.at(lake)
    out = {}
    pattern = lake.fs_path(dataset_glob(lake, name))
    for found, info in sorted(lake.fs.glob(pattern, detail=True).items()):
        path = lake.full(found)
        leaf = path.rstrip("/").rsplit("/", 2)[-2]
        try:
            if dt.date.fromisoformat(leaf.removeprefix("date=")) > as_of:
                continue
        except ValueError:
            continue  # not a date folder: not part of the lake
        changed = info.get("mtime") or info.get("LastModified") or info.get("ETag") or info.get("created")
        out[path] = f"{info.get('size')}:{changed}"
    return out
