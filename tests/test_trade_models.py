"""The trade indicator models on records built here, with expected numbers worked by hand.

The models run inside the real warehouse build, over a lake that holds only
trade data.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from pathlib import Path

import duckdb
import pytest

from ocwatch.lake.partitions import write_partition
from ocwatch.warehouse.build import build_warehouse

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 1, 1)  # after every partition the tests write
T0 = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)


def flow(reporter: str, partner: str, flow_code: str, value: float | None, kg: float | None,
         hs: str = "7108", period: str = "2023", **extra: object) -> dict:
    return {"period": period, "reporter_iso3": reporter, "partner_iso3": partner, "flow": flow_code,
            "hs_code": hs, "value_usd": value, "net_kg": kg, "source": "test",
            "fetched_at": T0, **extra}


def asked(reporter: str, flow_code: str, error_kind: str | None = None, hs: str = "7108,4403",
          period: str = "2023", at: dt.datetime = T0) -> dict:
    return {"query": f"test:{reporter}:{flow_code}:{period}", "reporter_iso3": reporter,
            "flow": flow_code, "hs_codes": hs, "period": period, "error_kind": error_kind,
            "status": 500 if error_kind else 200, "fetched_at": at}


def build(lake: Path, variables: dict[str, float] | None = None) -> duckdb.DuckDBPyConnection:
    """The real warehouse build over a lake holding only trade data, opened read-only."""
    db = lake.parent / f"warehouse-{uuid.uuid4().hex}.duckdb"
    build_warehouse(str(lake), db, AS_OF, sources=[], params=variables)
    return duckdb.connect(str(db), read_only=True)


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


@pytest.fixture
def mirror_lake(tmp_path: Path) -> Path:
    lake = tmp_path / "lake"
    write_partition(str(lake), "trade_flows", dt.date(2024, 6, 1), [
        # COD -> ARE gold, both sides report.
        flow("COD", "ARE", "X", 1_000_000, 50, fob_usd=1_000_000),
        flow("ARE", "COD", "M", 2_120_000, 100, cif_usd=2_120_000),
        # ARE reports gold from RWA; RWA was asked and declared no such export.
        flow("ARE", "RWA", "M", 1_060_000, 40),
        # COD -> UGA: UGA's import query failed.
        flow("COD", "UGA", "X", 500_000, 10),
        # COD -> CHE: CHE was asked and declared no such import.
        flow("COD", "CHE", "X", 300_000, 6),
        # COD -> TGO: TGO was never asked, so nothing can be said about its side.
        flow("COD", "TGO", "X", 200_000, 4),
        # World totals are not a partner.
        flow("COD", "WLD", "X", 9_999_999, 999),
    ], part="comtrade-api")
    write_partition(str(lake), "trade_log", dt.date(2024, 6, 1), [
        asked("COD", "X"), asked("ARE", "M"), asked("RWA", "X"), asked("CHE", "M"),
        asked("UGA", "M", error_kind="server_error"),
    ], part="comtrade-api")
    return lake


def by_pair(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], dict]:
    return {(r["exporter_iso3"], r["importer_iso3"]): r for r in rows(con, "SELECT * FROM trade_mirror_gaps")}


def test_mirror_gap_both_reported_uses_cif_fob_factor(mirror_lake: Path) -> None:
    gap = by_pair(build(mirror_lake))[("COD", "ARE")]
    # imports FOB = 2,120,000 / 1.06 = 2,000,000; gap = 2,000,000 - 1,000,000 = 1,000,000; ratio 1.0
    assert gap["status"] == "both_reported"
    assert gap["imports_fob_usd"] == pytest.approx(2_000_000)
    assert gap["gap_usd"] == pytest.approx(1_000_000)
    assert gap["gap_ratio"] == pytest.approx(1.0)
    assert (gap["exports_kg"], gap["imports_kg"], gap["gap_kg"]) == (50, 100, 50)
    assert (gap["commodity_id"], gap["market"]) == ("gold", "non_renewable_resource_crimes")


def test_mirror_gap_export_unreported_when_exporter_answered_without_it(mirror_lake: Path) -> None:
    gap = by_pair(build(mirror_lake))[("RWA", "ARE")]
    # 1,060,000 / 1.06 = 1,000,000 arrived in ARE that RWA never declared leaving.
    assert gap["status"] == "exports_unreported"
    assert gap["exports_fob_usd"] is None
    assert gap["gap_usd"] == pytest.approx(1_000_000)
    assert gap["gap_ratio"] is None
    assert gap["gap_kg"] == pytest.approx(40)


def test_mirror_gap_failed_query_is_a_gap_never_a_zero(mirror_lake: Path) -> None:
    gap = by_pair(build(mirror_lake))[("COD", "UGA")]
    assert gap["status"] == "query_failed"
    assert gap["imports_cif_usd"] is None and gap["gap_usd"] is None and gap["gap_kg"] is None


def test_mirror_gap_import_unreported_and_unasked_partners(mirror_lake: Path) -> None:
    pairs = by_pair(build(mirror_lake))
    gap = pairs[("COD", "CHE")]
    assert gap["status"] == "imports_unreported"
    assert gap["gap_usd"] == pytest.approx(-300_000)
    assert gap["gap_ratio"] == pytest.approx(-1.0)
    assert ("COD", "TGO") not in pairs and ("COD", "WLD") not in pairs
    assert len(pairs) == 4


def test_mirror_gap_factor_is_configurable(mirror_lake: Path) -> None:
    gap = by_pair(build(mirror_lake, {"cif_fob_factor": 1.10}))[("COD", "ARE")]
    # 2,120,000 / 1.10 = 1,927,272.73; gap 927,272.73; ratio 0.92727
    assert gap["imports_fob_usd"] == pytest.approx(1_927_272.727, rel=1e-9)
    assert gap["gap_ratio"] == pytest.approx(0.927272727, rel=1e-9)


def test_mirror_gap_later_partition_revises_earlier_report(mirror_lake: Path) -> None:
    write_partition(str(mirror_lake), "trade_flows", dt.date(2024, 7, 1),
                    [flow("COD", "ARE", "X", 2_000_000, 100)], part="comtrade-api")
    gap = by_pair(build(mirror_lake))[("COD", "ARE")]
    assert gap["exports_fob_usd"] == 2_000_000
    assert gap["gap_usd"] == pytest.approx(0.0)


def test_mirror_gap_later_successful_query_clears_a_failure(mirror_lake: Path) -> None:
    write_partition(str(mirror_lake), "trade_log", dt.date(2024, 7, 1),
                    [asked("UGA", "M", at=T0 + dt.timedelta(days=30))], part="comtrade-api")
    assert by_pair(build(mirror_lake))[("COD", "UGA")]["status"] == "imports_unreported"


@pytest.fixture
def timber_lake(tmp_path: Path) -> Path:
    lake = tmp_path / "lake"
    write_partition(str(lake), "trade_flows", dt.date(2024, 6, 1), [
        # Five 4403 flows at 100, 110, 120, 130 and 10 USD/kg.
        flow("CMR", "CHN", "X", 100_000, 1_000, hs="4403"),
        flow("COG", "CHN", "X", 110_000, 1_000, hs="4403"),
        flow("GAB", "CHN", "X", 240_000, 2_000, hs="4403"),
        flow("CHN", "CMR", "M", 130_000, 1_000, hs="4403"),
        flow("CAF", "CMR", "X", 50_000, 5_000, hs="4403"),
        # No weight: no unit value, never flagged.
        flow("CAF", "TCD", "X", 10_000, None, hs="4403"),
        # Only two priced gold flows: too few for a z-score.
        flow("COD", "ARE", "X", 1_000, 1),
        flow("ARE", "COD", "M", 100_000, 1),
    ], part="comtrade-api")
    write_partition(str(lake), "trade_log", dt.date(2024, 6, 1), [], part="comtrade-api")
    return lake


def test_unit_values_robust_z_flags_underpriced_timber(timber_lake: Path) -> None:
    con = build(timber_lake)
    got = {r["reporter_iso3"] + r["partner_iso3"]: r
           for r in rows(con, "SELECT * FROM trade_unit_values WHERE hs_code = '4403'")}
    # Unit values sorted: 10, 100, 110, 120, 130 -> median ln 110.
    # |ln uv - ln 110| = ln 11, ln 1.1, 0, ln(12/11), ln(13/11)
    #                  = 2.3979, 0.0953, 0, 0.0870, 0.1671 -> sorted, MAD = ln 1.1 = 0.095310
    mad = math.log(1.1)
    assert got["GABCHN"]["unit_value_usd_per_kg"] == pytest.approx(120)
    assert got["CAFCMR"]["median_unit_value"] == pytest.approx(110)
    # z(10/kg) = 0.6745 * ln(10/110) / ln 1.1 = 0.6745 * -2.397895 / 0.095310 = -16.970
    assert got["CAFCMR"]["robust_z"] == pytest.approx(0.6745 * math.log(10 / 110) / mad)
    assert got["CAFCMR"]["robust_z"] == pytest.approx(-16.970, abs=1e-3)
    assert got["CAFCMR"]["is_outlier"] is True
    # z(100/kg) = 0.6745 * -ln 1.1 / ln 1.1 = -0.6745 exactly; z(130/kg) = 0.6745 * 0.167054 / 0.095310 = 1.1822
    assert got["CMRCHN"]["robust_z"] == pytest.approx(-0.6745)
    assert got["CHNCMR"]["robust_z"] == pytest.approx(1.1822, abs=1e-4)
    assert got["COGCHN"]["robust_z"] == pytest.approx(0.0)
    assert [k for k, r in got.items() if r["is_outlier"]] == ["CAFCMR"]


def test_unit_values_without_weight_or_enough_flows_are_not_scored(timber_lake: Path) -> None:
    con = build(timber_lake)
    no_kg = rows(con, "SELECT * FROM trade_unit_values WHERE partner_iso3 = 'TCD'")[0]
    assert no_kg["unit_value_usd_per_kg"] is None and no_kg["is_outlier"] is False
    gold = rows(con, "SELECT * FROM trade_unit_values WHERE hs_code = '7108'")
    assert len(gold) == 2 and all(r["robust_z"] is None and not r["is_outlier"] for r in gold)


def test_unit_values_threshold_is_configurable(timber_lake: Path) -> None:
    con = build(timber_lake, {"uv_z_threshold": 1.0})
    flagged = rows(con, "SELECT reporter_iso3 FROM trade_unit_values WHERE is_outlier ORDER BY 1")
    # |z|: CAF 16.97, CHN 1.182 (130/kg), CMR 0.6745, GAB 0.6158 (120/kg), COG 0
    assert [r["reporter_iso3"] for r in flagged] == ["CAF", "CHN"]


def test_trade_benchmark_runs_the_shipped_models(tmp_path, capsys) -> None:
    """The benchmark times the models the build runs; it broke once when a model was added between them."""
    import random

    from bench.bench_trade import TRADE_MODELS, bench_models, records

    bench_models(records(2_000, random.Random(7)), tmp_path / "lake")
    out = capsys.readouterr().out
    assert [line.split(":")[0] for line in out.splitlines()] == list(TRADE_MODELS)
