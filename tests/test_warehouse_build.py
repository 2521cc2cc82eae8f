"""The build: a new file swapped in whole, the old one kept on failure, readers never see half."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from ocwatch.warehouse.build import BuildError, build_warehouse
from ocwatch.warehouse.models_runner import MODELS_DIR, ModelError, discover
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)
SOURCES = [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example",
            "language": "en", "reliability": "A", "countries": ["COD"]}]


@pytest.fixture
def lake(tmp_path: Path) -> str:
    s = SampleLake(str(tmp_path / "lake"))
    for i in range(8):
        s.doc(f"d{i}", "sa", AS_OF - dt.timedelta(days=7 * i + 3))
    s.crawl("sa", AS_OF)
    s.write()
    return str(tmp_path / "lake")


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


def test_build_swaps_in_a_complete_file_and_leaves_no_temp(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "out" / "warehouse.duckdb"
    assert build_warehouse(lake, db, AS_OF, SOURCES) == db.resolve()
    assert _count(db, "select count(*) from documents") == 8
    assert _count(db, "select count(*) from build_info where as_of = DATE '2026-11-16'") == 1
    assert sorted(p.name for p in db.parent.iterdir()) == ["warehouse.duckdb", "warehouse.duckdb.lock"]


def test_build_of_an_earlier_date_reproduces_the_lake_of_that_date(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF - dt.timedelta(days=15), SOURCES)
    # partitions dated after the build date are not read: d0 (Nov 13) and d1 (Nov 6)
    assert _count(db, "select count(*) from documents") == 6


def test_failed_build_keeps_the_previous_warehouse(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF, SOURCES)
    before = db.read_bytes()
    broken = tmp_path / "models"
    shutil.copytree(MODELS_DIR, broken)
    (broken / "marts" / "broken.sql").write_text("select * from no_such_table\n")
    with pytest.raises(BuildError, match=r"marts/broken\.sql"):
        build_warehouse(lake, db, AS_OF, SOURCES, models_dir=broken)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_unreadable_lake_file_is_recorded_and_the_rest_builds(lake: str, tmp_path: Path) -> None:
    bad = Path(lake) / "mentions" / "date=2026-11-10" / "broken.parquet"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"PAR1 this is not parquet")
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF, SOURCES)
    with duckdb.connect(str(db), read_only=True) as con:
        errs = con.execute("select stage, input, error_kind from errors").fetchall()
        n = con.execute("select count(*) from mentions").fetchall()[0][0]
    assert errs == [("build", str(bad), "bad_parquet")]
    assert n == 16  # the eight good documents' mentions


def test_views_mode_reads_the_lake_in_place_and_still_records_bad_files(
        lake: str, tmp_path: Path) -> None:
    bad = Path(lake) / "mentions" / "date=2026-11-10" / "broken.parquet"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"PAR1 this is not parquet")
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF, SOURCES, params={"lake_mode": "views"})
    with duckdb.connect(str(db), read_only=True) as con:
        kinds = dict(con.execute("select table_name, table_type from information_schema.tables "
                                 "where table_schema = 'main'").fetchall())
        assert kinds["mentions"] == "VIEW" and kinds["market_activity_weekly"] == "BASE TABLE"
        assert con.execute("select count(*) from mentions").fetchall() == [(16,)]
        assert con.execute("select input from errors").fetchall() == [(str(bad),)]
    with pytest.raises(BuildError, match="lake_mode"):
        build_warehouse(lake, db, AS_OF, SOURCES, params={"lake_mode": "cloud"})


def _texts(db: Path) -> tuple[list[str], list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        cols = [r[0] for r in con.execute("describe documents").fetchall()]
        rows = con.execute("select d.doc_id, t.text is not null from documents d "
                           "left join documents_text t using (doc_id, partition_date) order by 1").fetchall()
    return cols, rows


def test_snapshot_leaves_document_texts_in_the_lake_and_reads_them_through_a_view(
        lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF - dt.timedelta(days=15), SOURCES)
    build_warehouse(lake, db, AS_OF, SOURCES)  # incremental: the view is made anew with the new parts
    cols, rows = _texts(db)
    assert "text" not in cols and "title" in cols
    assert rows == [(f"d{i}", True) for i in range(8)]
    bad = next((Path(lake) / "documents").iterdir()) / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    build_warehouse(lake, db, AS_OF, SOURCES)  # a refused part stays out of the view too
    assert _texts(db)[1] == [(f"d{i}", True) for i in range(8)]
    views = tmp_path / "v.duckdb"
    build_warehouse(lake, views, AS_OF, SOURCES, params={"lake_mode": "views"})
    assert _texts(views)[1] == [(f"d{i}", True) for i in range(8)]
    empty = tmp_path / "e.duckdb"
    build_warehouse(str(tmp_path / "no-lake"), empty, AS_OF, SOURCES)
    with duckdb.connect(str(empty), read_only=True) as con:
        assert con.execute("select count(*), typeof(any_value(text)) from documents_text").fetchall() == [
            (0, "VARCHAR")]


def test_models_are_ordered_by_their_depends_lines(tmp_path: Path) -> None:
    for layer in ("dims", "facts", "indicators", "marts"):
        (tmp_path / layer).mkdir()
    (tmp_path / "facts" / "b.sql").write_text("-- depends: a\nselect * from a\n")
    (tmp_path / "facts" / "a.sql").write_text("select 1 as x\n")
    (tmp_path / "marts" / "c.sql").write_text("-- depends: b\nselect * from b\n")
    assert [m.name for m in discover(tmp_path)] == ["a", "b", "c"]
    (tmp_path / "facts" / "a.sql").write_text("-- depends: b\nselect 1 as x\n")
    with pytest.raises(ModelError, match="cycle"):
        discover(tmp_path)


def test_an_incremental_model_must_name_the_rows_it_recomputes(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir(parents=True)
    (tmp_path / "facts" / "a.sql").write_text("-- materialized: incremental\nselect 1 as x\n")
    with pytest.raises(ModelError, match=r"a\.sql.*incremental_delete"):
        discover(tmp_path)
    (tmp_path / "facts" / "a.sql").write_text("-- incremental_delete: x = 1\nselect 1 as x\n")
    with pytest.raises(ModelError, match=r"a\.sql.*only an incremental one"):
        discover(tmp_path)


def test_unknown_dependency_names_the_model_file(tmp_path: Path) -> None:
    (tmp_path / "dims").mkdir()
    (tmp_path / "dims" / "a.sql").write_text("-- depends: nowhere\nselect 1\n")
    with pytest.raises(ModelError, match=r"a\.sql.*nowhere"):
        discover(tmp_path)


def test_every_shipped_model_documents_its_columns(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF, SOURCES)
    with duckdb.connect(str(db), read_only=True) as con:
        for m in discover():
            cols = [r[0] for r in con.execute(f'describe "{m.name}"').fetchall()]
            missing = [c for c in cols if c not in m.column_docs]
            assert not missing, f"{m.path}: undocumented columns {missing}"


READER = textwrap.dedent("""
    import sys, time, duckdb
    db, stop = sys.argv[1], sys.argv[2]
    import os
    seen, errors = set(), []
    while not os.path.exists(stop):
        try:
            with duckdb.connect(db, read_only=True) as con:
                as_of, n = con.execute(
                    "select (select as_of from build_info), count(*) from documents").fetchall()[0]
                seen.add((str(as_of), n))
        except Exception as exc:
            errors.append(repr(exc))
        time.sleep(0.005)
    print(sorted(seen)); print(errors)
""")


@pytest.mark.slow
def test_readers_see_the_last_complete_build_while_a_build_runs(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, AS_OF, SOURCES)
    stop = tmp_path / "stop"
    proc = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)],
                            stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        for i in range(2):
            day = AS_OF if i % 2 else AS_OF - dt.timedelta(days=15)
            build_warehouse(lake, db, day, SOURCES)
    finally:
        stop.touch()
        out, _ = proc.communicate(timeout=60)
    seen, errors = out.strip().splitlines()
    assert errors == "[]"
    # every read saw one whole build: the date with its own document count
    assert set(eval(seen)) <= {("2026-11-16", 8), ("2026-11-01", 6)}
    assert ("2026-11-01", 6) in eval(seen)  # it did read during the builds


def test_temp_files_of_a_killed_build_are_cleared(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    stale = tmp_path / ".w.duckdb.0123abcd.building"
    stale.write_bytes(b"half a build")
    build_warehouse(lake, db, AS_OF, SOURCES)
    assert not stale.exists() and db.exists()


def test_module_command_builds_from_a_sources_file(lake: str, tmp_path: Path) -> None:
    import json

    from ocwatch.processes.build import main

    sources = tmp_path / "sources.json"
    sources.write_text(json.dumps(SOURCES))
    db = tmp_path / "cli.duckdb"
    assert main(["--lake", lake, "--db", str(db), "--date", "2026-11-16",
                 "--sources-json", str(sources)]) == 0
    assert _count(db, "select count(*) from sources where reliability = 'A'") == 1
