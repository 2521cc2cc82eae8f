"""Which of tonight's documents an earlier night already extracted.

A document is done when an earlier partition holds it with the same
content_sha256 *and* has mentions for it in that same date's partition. Only
``doc_id`` and ``content_sha256`` are read (Parquet column projection; texts
never leave the disk), and only for tonight's doc_ids (a semi-join in DuckDB),
so the cost grows with the ids read from history, not with its texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyarrow as pa

from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import list_parts, partition_dates

_SQL = """
with m as (
    select distinct doc_id, "date"
    from read_parquet($mentions, hive_partitioning = true, hive_types = {'date': DATE})
    semi join tonight using (doc_id)
)
select distinct d.doc_id, d.content_sha256
from read_parquet($documents, hive_partitioning = true, hive_types = {'date': DATE}) d
semi join m on d.doc_id = m.doc_id and d."date" = m."date"
"""


def _files(lake: Lake, name: str, dates: list[dt.date]) -> list[str]:
    return [p for d in dates for p in list_parts(lake, name, d)]


def already_done(lake: Lake, date: dt.date, doc_ids: Iterable[str]) -> set[tuple[str, str]]:
    """(doc_id, content_sha256) pairs among ``doc_ids`` that have mentions in an earlier partition."""
    ids = pa.table({"doc_id": pa.array(list(doc_ids), pa.string())})
    earlier = [d for d in partition_dates(lake, "mentions") if d < date]
    mentions, documents = _files(lake, "mentions", earlier), _files(lake, "documents", earlier)
    if not ids.num_rows or not mentions or not documents:
        return set()
    with Lake.at(lake).duckdb() as con:
        con.register("tonight", ids)
        rows = con.execute(_SQL, {"mentions": mentions, "documents": documents}).fetchall()
    return set(rows)
