"""Evidence: backfilling one old date into the demo's data root leaves its spike and gaps as they were."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from ocwatch import stages
from ocwatch.cli import main
from ocwatch.settings import Settings

pytestmark = pytest.mark.slow

OLD = dt.date(2025, 5, 12)  # the date docs/OPERATIONS.md once triggered on the demo's data root


def _state(home: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return {
            "activity": con.execute("select market, country_iso3, week, documents, score, z, is_spike, is_gap "
                                    "from market_activity_weekly order by all").fetchall(),
            "spikes": con.execute("select market, country_iso3, week from market_activity_weekly "
                                  "where is_spike order by all").fetchall(),
            "coverage_gaps": con.execute("select * exclude (week_start) from coverage_gaps order by all").fetchall(),
            "country_gaps": con.execute("select * from country_week_gaps order by all").fetchall(),
            "documents": con.execute("select count(*) from documents").fetchall(),
        }


def test_a_backfill_of_one_old_date_leaves_the_demos_spike_and_gaps_as_they_were(tmp_path: Path) -> None:
    from ocwatch.demo import DEMO_DATE, expected, start_demo

    home = tmp_path / "data"
    assert main(["demo", "--home", str(home)]) == 0
    before = _state(home)
    spike = expected()["spike"]
    assert (spike["market"], spike["country_iso3"], spike["week"]) in before["spikes"]

    settings = Settings.from_env(env={"OCWATCH_HOME": str(home)})
    with start_demo(tmp_path / "served-again") as demo:  # new ports, as after any restart
        s = dataclasses.replace(settings, sources=demo.sources_path)
        backfill = stages.crawl(s, OLD)
    assert backfill.status == "ok", backfill.summary()
    stages.build(s, DEMO_DATE)  # the next night's build, as of the demo's date again

    after = _state(home)
    assert after == before
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        old_week = con.execute("select distinct status from source_weeks where week = '2025-W20'").fetchall()
        between = con.execute("select count(*) from source_weeks where week_start > ? and week_start < ?",
                              [OLD, DEMO_DATE - dt.timedelta(days=7)]).fetchone()[0]
    assert old_week == [("ok",)]  # the backfilled week answered (every page repeated a stored text)
    assert between == 0  # and the weeks between it and the demo's night are no gaps
