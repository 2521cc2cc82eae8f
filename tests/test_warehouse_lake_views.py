"""Lake views served through Arrow: found and rewritten by DuckDB's parser, so a view's name or a
read_parquet call inside a string literal or a longer identifier is never taken for one."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ocwatch.warehouse.lake_views import lake_views


@pytest.fixture
def con(tmp_path: Path):
    part = tmp_path / "lake" / "docs" / "date=2026-11-11" / "part.parquet"
    part.parent.mkdir(parents=True)
    pq.write_table(pa.table({"doc_id": ["d1", "d2"]}), part)
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as build:
        build.execute(f"create view docs as select * from read_parquet(['{part}'], hive_partitioning=true)")
        build.execute("create view docs_count as select count(*) n from docs")
        build.execute("create view decoy as select 'from read_parquet(''/etc/passwd'')' s, 'docs' t")
    c = duckdb.connect(str(db), read_only=True, config={"enable_external_access": False})
    yield c
    c.close()


def test_a_view_named_in_a_literal_or_inside_a_longer_name_is_not_served(con):
    assert lake_views(con, "select 'docs' as x, 1 as docs_total from decoy").bodies == {}


def test_a_lake_view_read_through_another_view_is_served(con):
    lake = lake_views(con, "select n from main.docs_count")
    assert set(lake.bodies) == {"docs"}
    lake.serve(con)
    assert con.execute("select n from docs_count").fetchall() == [(2,)]
    assert con.execute("select min(date)::varchar from docs").fetchall() == [("2026-11-11",)]


def test_read_parquet_in_a_string_literal_is_left_alone(con):
    lake = lake_views(con, None)
    assert set(lake.bodies) == {"docs"}
    lake.serve(con)
    assert con.execute("select s from decoy").fetchall() == [("from read_parquet('/etc/passwd')",)]


def test_statements_without_a_syntax_tree_serve_every_lake_view(con):
    assert set(lake_views(con, "explain select * from docs").bodies) == {"docs"}
    assert lake_views(con, "selec 1").bodies == {}  # fails anyway, with DuckDB's own message
