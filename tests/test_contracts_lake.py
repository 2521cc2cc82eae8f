"""The dataset contracts and the lake's partition IO."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ocwatch.lake import partitions as lake
from ocwatch.lake.contracts import DATASETS, DOCUMENTS
from ocwatch.lake.dates import parse_date

NOW = dt.datetime(2026, 11, 16, 3, 0, tzinfo=dt.UTC)

D = dt.date(2026, 11, 16)


def _doc(doc_id: str, text: str = "body") -> dict:
    return {"doc_id": doc_id, "url": f"http://x.test/{doc_id}", "source_id": "src",
            "fetched_at": NOW, "content_sha256": "0" * 64, "raw_path": "ab/x.gz", "text": text}


def test_every_dataset_in_the_design_is_declared_with_documented_columns() -> None:
    for name in ("documents", "crawl_log", "trade_flows", "sentences", "mentions", "links"):
        ds = DATASETS[name]
        assert all(ds.doc_of(c) for c in ds.columns), name


def test_written_partition_reads_back_with_the_declared_schema(tmp_path: Path) -> None:
    path = lake.write_partition(str(tmp_path), "documents", D, [_doc("a"), _doc("b")], part="src")
    table = lake.read_partition(str(tmp_path), "documents", D)
    assert table.schema.equals(DOCUMENTS.schema, check_metadata=False)
    assert sorted(table.column("doc_id").to_pylist()) == ["a", "b"]
    assert pq.read_schema(path).names == DOCUMENTS.columns
    assert path.endswith("documents/date=2026-11-16/src.parquet")


def test_rewriting_a_part_replaces_it_and_leaves_other_parts(tmp_path: Path) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "documents", D, [_doc("a")], part="one")
    lake.write_partition(root, "documents", D, [_doc("b")], part="two")
    lake.write_partition(root, "documents", D, [_doc("c")], part="one")
    ids = sorted(lake.read_partition(root, "documents", D).column("doc_id").to_pylist())
    assert ids == ["b", "c"]
    assert lake.read_partition(root, "documents", D, part="one").num_rows == 1


def test_failed_write_leaves_the_previous_partition_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "documents", D, [_doc("good")])

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(lake.pq, "write_table", broken)
    with pytest.raises(OSError):
        lake.write_partition(root, "documents", D, [_doc("new")])
    monkeypatch.undo()
    assert lake.read_partition(root, "documents", D).column("doc_id").to_pylist() == ["good"]
    folder = Path(lake.partition_dir(root, "documents", D))
    assert sorted(p.name for p in folder.iterdir()) == ["part.parquet"]


def test_rows_that_break_the_contract_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    bad = _doc("x")
    bad["doc_id"] = None  # not nullable
    with pytest.raises((pa.ArrowInvalid, ValueError, TypeError)):
        lake.write_partition(str(tmp_path), "documents", D, [bad])
    assert lake.list_parts(str(tmp_path), "documents", D) == []


@pytest.mark.parametrize("part", ["../escape", "a/b", "", ".hidden", "UPPER"])
def test_part_names_cannot_escape_the_partition(tmp_path: Path, part: str) -> None:
    with pytest.raises(ValueError, match="invalid partition part name"):
        lake.write_partition(str(tmp_path), "documents", D, [_doc("a")], part=part)


@pytest.mark.parametrize("value", ["2026-13-45", "../../etc", "2026-1-1", "20261116", ""])
def test_bad_dates_are_refused_with_the_input_named(value: str) -> None:
    with pytest.raises(ValueError, match="invalid date"):
        parse_date(value)


def test_missing_partition_reads_as_an_empty_typed_table(tmp_path: Path) -> None:
    table = lake.read_partition(str(tmp_path), "mentions", dt.date(2026, 1, 1))
    assert table.num_rows == 0
    assert table.schema.names == DATASETS["mentions"].columns


def test_partition_dates_lists_dates_oldest_first(tmp_path: Path) -> None:
    for d in (D, dt.date(2026, 11, 14), dt.date(2026, 11, 15)):
        lake.write_partition(str(tmp_path), "crawl_log", d, [])
    assert lake.partition_dates(str(tmp_path), "crawl_log") == [
        dt.date(2026, 11, 14), dt.date(2026, 11, 15), dt.date(2026, 11, 16)]


def _sentence(i: int) -> dict:
    return {"doc_id": f"d{i}", "sent_idx": i, "start_char": 0, "end_char": 4, "text": "body"}


def test_streamed_batches_read_back_as_one_part_with_the_declared_schema(tmp_path: Path) -> None:
    root = str(tmp_path)
    with lake.partition_writer(root, "sentences", D, batch_rows=5) as out:
        for start in range(0, 12, 3):
            out.write([_sentence(i) for i in range(start, start + 3)])
        out.write([])  # a chunk with nothing relevant
    assert out.rows == 12
    path = lake.part_path(root, "sentences", D)
    assert lake.list_parts(root, "sentences", D) == [path]
    table = lake.read_partition(root, "sentences", D)
    assert table.column("sent_idx").to_pylist() == list(range(12))
    assert pq.read_schema(path).equals(DATASETS["sentences"].schema, check_metadata=False)
    # Small batches are buffered into row groups of about batch_rows, not one group per write.
    assert pq.ParquetFile(path).metadata.num_row_groups == 2


def test_streamed_part_is_invisible_until_the_writer_closes(tmp_path: Path) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "sentences", D, [_sentence(0)])
    with lake.partition_writer(root, "sentences", D, batch_rows=1) as out:
        out.write([_sentence(1), _sentence(2)])
        assert lake.read_partition(root, "sentences", D).num_rows == 1  # still the old part
    assert lake.read_partition(root, "sentences", D).num_rows == 2


def test_failed_stream_leaves_the_previous_part_and_no_temp_file(tmp_path: Path) -> None:
    root = str(tmp_path)
    path = Path(lake.write_partition(root, "sentences", D, [_sentence(0)]))
    before = path.read_bytes()
    with (pytest.raises(RuntimeError, match="worker died"),
          lake.partition_writer(root, "sentences", D, batch_rows=1) as out):
        out.write([_sentence(1)])
        raise RuntimeError("worker died")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["part.parquet"]


def test_streamed_batch_that_breaks_the_contract_keeps_the_previous_part(tmp_path: Path) -> None:
    root = str(tmp_path)
    path = Path(lake.write_partition(root, "sentences", D, [_sentence(0)]))
    bad = {**_sentence(1), "sent_idx": "not a number"}
    with (pytest.raises((pa.ArrowInvalid, ValueError, TypeError)),
          lake.partition_writer(root, "sentences", D) as out):
        out.write([_sentence(2)])
        out.write([bad])
    assert lake.read_partition(root, "sentences", D).column("doc_id").to_pylist() == ["d0"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["part.parquet"]


def test_stream_with_no_rows_writes_an_empty_typed_part(tmp_path: Path) -> None:
    with lake.partition_writer(str(tmp_path), "links", D):
        pass
    table = lake.read_partition(str(tmp_path), "links", D)
    assert table.num_rows == 0 and lake.list_parts(str(tmp_path), "links", D)


def test_temp_files_left_by_a_killed_writer_are_swept_by_the_next_write(tmp_path: Path) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "documents", D, [_doc("a")], part="src")
    folder = Path(lake.partition_dir(root, "documents", D))
    (folder / ".src.deadbeef.tmp").write_bytes(b"half a parquet file")
    (folder / ".other.deadbeef.tmp").write_bytes(b"another writer's, maybe live")
    lake.write_partition(root, "documents", D, [_doc("b")], part="src")
    assert sorted(p.name for p in folder.iterdir()) == [".other.deadbeef.tmp", "src.parquet"]
