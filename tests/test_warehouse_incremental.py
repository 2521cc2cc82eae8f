"""Incremental builds reload only what changed in the lake and equal a full build, table for table."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from ocwatch.lake.partitions import list_parts, write_partition
from ocwatch.warehouse import incremental
from ocwatch.warehouse.build import build_warehouse
from tests.support.sample_lake import SampleLake

NIGHT1 = dt.date(2026, 11, 16)
NIGHT2 = NIGHT1 + dt.timedelta(days=1)
SOURCES = [{"id": s, "name": s, "kind": "feed", "url": f"https://{s}.example", "language": "en",
            "reliability": g, "countries": ["COD"]} for s, g in (("sa", "A"), ("sb", "C"))]
# Tables that describe the build itself, not the data: they differ between any two builds.
BUILD_TABLES = {"build_info", incremental.MANIFEST}


def _history(lake: str) -> None:
    s = SampleLake(lake)
    for week in range(14):
        day = NIGHT1 - dt.timedelta(days=7 * week)
        for n in range(3 if week else 9):
            s.doc(f"w{week}-{n}", "sa" if n % 2 else "sb", day, actor_id="m23" if n == 1 else None)
        s.crawl("sa", day)
        s.crawl("sb", day, error_kind="timeout" if week == 5 else None)
    s.write()


def _night2(lake: str) -> None:
    """A night's work: new partitions, one old partition rewritten, one removed."""
    s = SampleLake(lake)
    for n in range(4):
        s.doc(f"n2-{n}", "sa", NIGHT2, commodity="coltan", actor_id="adf" if n else None)
    s.crawl("sa", NIGHT2)
    s.doc("w3-0", "sa", NIGHT1 - dt.timedelta(days=21), commodity="timber")  # a re-extracted date
    s.write()
    gone = Path(list_parts(lake, "crawl_log", NIGHT1 - dt.timedelta(days=28))[0]).parent
    shutil.rmtree(gone)


def _tables(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                           "where table_schema = 'main' order by 1").fetchall()]
        out = {}
        for name in names:
            if name in BUILD_TABLES:
                continue
            cols = [c[0] for c in con.execute(f'describe "{name}"').fetchall() if c[0] != "occurred_at"]
            select = ", ".join(f'"{c}"' for c in cols)
            out[name] = sorted((tuple(_rounded(v) for v in row) for row in
                                con.execute(f'select {select} from "{name}"').fetchall()), key=repr)
        return out


def _rounded(value: object) -> object:
    # Sums of doubles depend on the order rows meet in (parallel aggregation): 7.6 or 7.6000000000000005.
    return round(value, 9) if isinstance(value, float) else value


def _kind(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select build_kind from build_info").fetchall()[0][0]


@pytest.fixture
def lake(tmp_path: Path) -> str:
    path = str(tmp_path / "lake")
    _history(path)
    return path


def test_next_nights_build_is_incremental_and_equals_a_full_build(lake: str, tmp_path: Path) -> None:
    db, full = tmp_path / "w.duckdb", tmp_path / "full.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    assert _kind(db) == "full"  # nothing to reuse yet
    _night2(lake)
    build_warehouse(lake, db, NIGHT2, SOURCES)
    build_warehouse(lake, full, NIGHT2, SOURCES, full=True)
    assert (_kind(db), _kind(full)) == ("incremental", "full")
    got, want = _tables(db), _tables(full)
    assert got.keys() == want.keys()
    for name in want:
        assert got[name] == want[name], name
    assert any(r for r in want["documents"] if r[0] == "n2-0")  # the night is in it


def test_incremental_build_back_to_an_earlier_date_drops_the_later_partitions(lake: str, tmp_path: Path) -> None:
    db, full = tmp_path / "w.duckdb", tmp_path / "full.duckdb"
    _night2(lake)
    build_warehouse(lake, db, NIGHT2, SOURCES)
    earlier = NIGHT1 - dt.timedelta(days=30)  # a backfill's build
    build_warehouse(lake, db, earlier, SOURCES)
    build_warehouse(lake, full, earlier, SOURCES, full=True)
    assert _kind(db) == "incremental"
    assert _tables(db) == _tables(full)


def test_unchanged_lake_reloads_nothing(lake: str, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    loaded: list[str] = []
    monkeypatch.setattr(incremental, "load_files", lambda con, ds, files, report: loaded.extend(files))
    build_warehouse(lake, db, NIGHT1, SOURCES)
    assert loaded == [] and _kind(db) == "incremental"


def test_only_the_changed_partitions_are_read_again(lake: str, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    _night2(lake)
    real, loaded = incremental.load_files, []

    def spy(con, ds, files, report):
        loaded.extend(files)
        real(con, ds, files, report)

    monkeypatch.setattr(incremental, "load_files", spy)
    build_warehouse(lake, db, NIGHT2, SOURCES)
    dates = {Path(f).parent.name for f in loaded}
    assert dates == {f"date={NIGHT2}", f"date={NIGHT1 - dt.timedelta(days=21)}"}


def test_a_refused_file_stays_refused_while_its_partition_is_unchanged(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    bad = Path(lake) / "documents" / f"date={NIGHT1 - dt.timedelta(days=7)}" / "broken.parquet"
    bad.write_bytes(b"PAR1 not really parquet")
    build_warehouse(lake, db, NIGHT1, SOURCES)
    _night2(lake)
    build_warehouse(lake, db, NIGHT2, SOURCES)
    assert _kind(db) == "incremental"
    with duckdb.connect(str(db), read_only=True) as con:
        refused = con.execute("select input from errors where stage = 'build'").fetchall()
    assert refused == [(str(bad),)]


@pytest.mark.parametrize("change", ["full", "other_lake", "contracts", "no_manifest"])
def test_full_build_when_the_previous_warehouse_cannot_be_reused(lake: str, tmp_path: Path, monkeypatch,
                                                                 change: str) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    if change == "other_lake":
        moved = str(tmp_path / "moved")
        shutil.copytree(lake, moved)
        lake = moved
    elif change == "contracts":
        monkeypatch.setattr(incremental, "contracts_fingerprint", lambda: "another-schema")
        monkeypatch.setattr("ocwatch.warehouse.build.contracts_fingerprint", lambda: "another-schema")
    elif change == "no_manifest":
        with duckdb.connect(str(db)) as con:
            con.execute(f"drop table {incremental.MANIFEST}")
    build_warehouse(lake, db, NIGHT1, SOURCES, full=change == "full")
    assert _kind(db) == "full"


def test_a_build_in_views_mode_is_always_full(lake: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    build_warehouse(lake, db, NIGHT1, SOURCES, params={"lake_mode": "views"})
    assert _kind(db) == "full"


def test_a_new_part_in_an_old_partition_is_picked_up(lake: str, tmp_path: Path) -> None:
    db, full = tmp_path / "w.duckdb", tmp_path / "full.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    day = NIGHT1 - dt.timedelta(days=14)
    write_partition(lake, "errors", day, [{"stage": "extract", "input": "w2-0", "error_kind": "nlp_error",
                                           "error": "boom", "occurred_at": dt.datetime(2026, 11, 2)}],
                    part="extract")
    build_warehouse(lake, db, NIGHT1, SOURCES)
    build_warehouse(lake, full, NIGHT1, SOURCES, full=True)
    assert _tables(db) == _tables(full)
    assert _tables(db)["errors"]


def test_ocwatch_build_full_forces_a_full_build(tmp_path: Path) -> None:
    from ocwatch.cli import main

    _history(str(tmp_path / "lake"))
    home = ["--home", str(tmp_path), "--date", str(NIGHT1)]
    assert main(["build", *home]) == 0 and main(["build", *home]) == 0
    assert _kind(tmp_path / "warehouse.duckdb") == "incremental"
    assert main(["build", *home, "--full"]) == 0
    assert _kind(tmp_path / "warehouse.duckdb") == "full"


@pytest.mark.parametrize("order", [("goma", "Goma"), ("Goma", "goma")])
def test_a_tie_between_two_names_goes_the_same_way_whatever_the_row_order(tmp_path: Path, order) -> None:
    # Incremental builds store rows in another order than full ones; dims must not depend on it.
    lake = str(tmp_path / "lake")
    _history(lake)
    write_partition(lake, "mentions", NIGHT1, [
        {"doc_id": "w0-0", "sent_idx": 0, "start_char": 0, "end_char": 4, "method": "ner", "surface": s,
         "kind": kind, "entity_id": eid, "country_iso3": "COD"}
        for s in order for kind, eid in (("location", "geonames:999"), ("actor", "org:goma-traders"))],
        part="extra")
    db = tmp_path / "w.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    with duckdb.connect(str(db), read_only=True) as con:
        place = con.execute("select name from places where place_id = 'geonames:999'").fetchall()
        actor = con.execute("select name from actors where actor_id = 'org:goma-traders'").fetchall()
    assert place == actor == [("Goma",)]


def _scope(db: Path) -> int:
    import json

    with duckdb.connect(str(db), read_only=True) as con:
        return json.loads(con.execute("select row_counts from build_info").fetchall()[0][0])["documents_in_scope"]


def test_fact_documents_recomputes_only_what_a_night_touches_and_equals_a_full_build(
        lake: str, tmp_path: Path) -> None:
    s = SampleLake(lake)
    s.doc("orig", "sa", NIGHT1 - dt.timedelta(days=7))
    s.doc("copy1", "sb", NIGHT1, near_dup_of="orig")
    s.doc("copy2", "sa", NIGHT1, near_dup_of="copy1")  # two links down from orig
    s.doc("later", "sa", NIGHT2, fetched=NIGHT1)  # dated after night 1: out of its build's window
    s.doc("later-copy", "sb", NIGHT1, near_dup_of="later")  # its own root until "later" enters the window
    s.write()
    db, full = tmp_path / "w.duckdb", tmp_path / "full.duckdb"
    build_warehouse(lake, db, NIGHT1, SOURCES)
    s = SampleLake(lake)
    s.doc("copy1", "sb", NIGHT2)  # crawled again: no longer a copy, so copy2's root changes
    s.doc("n2", "sa", NIGHT2)
    s.doc("w5-1", "sa", NIGHT2)  # crawled again with a new date: its old week counts one document less
    s.write()
    build_warehouse(lake, db, NIGHT2, SOURCES)
    build_warehouse(lake, full, NIGHT2, SOURCES, full=True)
    assert _tables(db) == _tables(full)
    roots = {r[0]: r[13] for r in _tables(db)["fact_documents"]}
    assert (roots["copy2"], roots["later-copy"]) == ("copy1", "later")
    # copy1, n2, w5-1 (night 2's partition), copy2 (below copy1), later (entered the window), later-copy
    assert _scope(db) == 6
    assert _scope(full) == len(roots)
    for name in ("mentions", "links"):  # an extraction withdrawn: its documents count for nothing now
        shutil.rmtree(Path(lake) / name / f"date={NIGHT1 - dt.timedelta(days=7)}")
    build_warehouse(lake, db, NIGHT2, SOURCES)
    build_warehouse(lake, full, NIGHT2, SOURCES, full=True)
    assert 0 < _scope(db) < len(roots) and _tables(db) == _tables(full)
    assert "orig" not in {r[0] for r in _tables(db)["fact_doc_market_country"]}
    regraded = [{**src, "reliability": "B"} if src["id"] == "sb" else src for src in SOURCES]
    build_warehouse(lake, db, NIGHT2, regraded)  # another registry: every row again
    build_warehouse(lake, full, NIGHT2, regraded, full=True)
    assert _scope(db) == len(roots) and _tables(db) == _tables(full)
