"""A week is a gap for a source only inside the span it was meant to be crawled: backfills, reruns, late sources.

A scheduled night is one crawled on its own date (within 3 days); a past date
crawled later is a backfill: it adds its week, it does not move where the
schedule began (warehouse/models/facts/source_weeks.sql).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from ocwatch.lake.partitions import write_partition
from ocwatch.warehouse.build import build_warehouse
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)  # Monday of 2026-W47
NOW = dt.datetime(2026, 11, 16, 9, tzinfo=dt.UTC)  # when the backfills and reruns ran
SOURCES = [{"id": sid, "name": sid, "kind": "feed", "url": f"https://{sid}.example", "language": "en",
            "reliability": "B", "countries": ["COD"]} for sid in ("sa", "sb")]


def monday(week: int) -> dt.date:
    return AS_OF - dt.timedelta(weeks=47 - week)


def _night(lake: str, sid: str, day: dt.date, fetched_at: dt.datetime | None = None,
           error_kind: str | None = None) -> None:
    """One crawl of one source for the run date ``day``, fetched on its night unless ``fetched_at``."""
    when = fetched_at or dt.datetime(day.year, day.month, day.day, 2, tzinfo=dt.UTC)
    write_partition(lake, "crawl_log", day, [{
        "url": f"https://{sid}.example/feed", "source_id": sid, "status": 200 if error_kind is None else None,
        "error_kind": error_kind, "error": None if error_kind is None else f"{error_kind} on {sid}",
        "bytes": 10, "elapsed_ms": 1.0, "fetched_at": when}], part=sid)


def _schedule(lake: str, sid: str, weeks: range, skip: tuple[int, ...] = ()) -> None:
    for w in weeks:
        if w not in skip:
            _night(lake, sid, monday(w))


def _build(root: Path) -> dict[str, list[tuple]]:
    lake = str(root / "lake")
    SampleLake(lake).doc("d1", "sa", monday(44) + dt.timedelta(days=2), partition=monday(44) + dt.timedelta(days=1))
    db = build_warehouse(lake, root / "w.duckdb", AS_OF, SOURCES, full=True)
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "weeks": con.execute("select source_id, week, status from source_weeks order by 1, 2").fetchall(),
            "gaps": con.execute("select source_id, week, reason from coverage_gaps order by 1, 2").fetchall(),
            "country": con.execute("select country_iso3, strftime(week_start, '%G-W%V') from country_week_gaps "
                                   "order by 1, 2").fetchall(),
        }


def _statuses(result: dict, sid: str) -> dict[str, str]:
    return {w: s for src, w, s in result["weeks"] if src == sid}


def test_a_missed_week_inside_the_schedule_is_a_gap(tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    _schedule(lake, "sa", range(40, 48), skip=(43,))
    _schedule(lake, "sb", range(40, 48), skip=(43,))
    result = _build(tmp_path)
    assert _statuses(result, "sa")["2026-W43"] == "not_crawled"
    assert ("COD", "2026-W43") in result["country"]
    assert min(_statuses(result, "sa")) == "2026-W40"  # nothing before the first scheduled night


def test_backfilling_one_old_date_adds_its_week_and_no_gaps_between(tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    _schedule(lake, "sa", range(40, 48), skip=(43,))
    _schedule(lake, "sb", range(40, 48), skip=(43,))
    before = _build(tmp_path)
    _night(lake, "sa", monday(20) + dt.timedelta(days=1), fetched_at=NOW)  # the backfill, run today
    after = _build(tmp_path)
    assert _statuses(after, "sa")["2026-W20"] == "ok"
    assert [w for w, s in _statuses(after, "sa").items() if s != "ok"] == ["2026-W43"]
    assert after["gaps"] == before["gaps"] and after["country"] == before["country"]
    assert {w for w in _statuses(after, "sa") if w < "2026-W40"} == {"2026-W20"}


def test_rerunning_a_scheduled_night_later_changes_no_gap(tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    _schedule(lake, "sa", range(40, 48), skip=(43,))
    _schedule(lake, "sb", range(40, 48))
    before = _build(tmp_path)
    _night(lake, "sa", monday(42), fetched_at=NOW)  # rerun of a mid-span night
    _night(lake, "sa", monday(45), fetched_at=NOW, error_kind="timeout")
    after = _build(tmp_path)
    assert after["gaps"][:1] == before["gaps"][:1] == [("sa", "2026-W43", "not_crawled")]
    assert _statuses(after, "sa")["2026-W45"] == "failed"  # what the rerun found is what counts
    assert {w for w, _ in after["country"]} == set()  # sb answered every week


def test_a_source_added_late_has_no_gaps_before_its_first_night(tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    _schedule(lake, "sa", range(30, 48), skip=(35,))
    _schedule(lake, "sb", range(44, 48))  # registered in W44
    result = _build(tmp_path)
    assert min(_statuses(result, "sb")) == "2026-W44"
    assert not [g for g in result["gaps"] if g[0] == "sb"]
    assert ("sa", "2026-W35", "not_crawled") in result["gaps"]
    # W35: sb was not meant to be crawled yet, so sa alone covered COD, and it was silent
    assert ("COD", "2026-W35") in result["country"]


def test_a_history_crawled_after_the_fact_is_scheduled_from_its_latest_night(tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    for w in (30, 38, 47):  # three nights, all crawled today (the demo's way)
        for sid in ("sa", "sb"):
            _night(lake, sid, monday(w), fetched_at=NOW)
    result = _build(tmp_path)
    assert result["gaps"] == [] and result["country"] == []
    assert sorted(_statuses(result, "sa")) == ["2026-W30", "2026-W38", "2026-W47"]
