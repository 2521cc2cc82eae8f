"""The demo's Comtrade records: valid v1 records holding the cases the trade indicators must find."""

from __future__ import annotations

import math
import statistics

import pycountry

from ocwatch.demo import expected, trade_records

CIF_FOB = 1.06
V1_FIELDS = {"typeCode", "freqCode", "refPeriodId", "refYear", "period", "reporterCode", "reporterISO",
             "reporterDesc", "flowCode", "partnerCode", "partnerISO", "cmdCode", "netWgt", "qty",
             "qtyUnitAbbr", "cifvalue", "fobvalue", "primaryValue"}


def _side(hs: str, reporter: str, flow: str, partner: str, period: str = "2024") -> dict | None:
    rows = [r for r in trade_records() if (r["cmdCode"], r["reporterISO"], r["flowCode"], r["partnerISO"],
                                           r["period"]) == (hs, reporter, flow, partner, period)]
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_records_are_comtrade_v1_records_for_three_years() -> None:
    records = trade_records()
    assert records and all(r.keys() >= V1_FIELDS for r in records)
    assert {r["period"] for r in records} == set(expected()["trade_periods"]) == {"2023", "2024", "2025"}
    for r in records:
        assert r["typeCode"] == "C" and r["freqCode"] == "A" and r["flowCode"] in ("X", "M")
        # Exports are valued FOB, imports CIF, as Comtrade reports them.
        assert (r["fobvalue"] if r["flowCode"] == "X" else r["cifvalue"]) == r["primaryValue"]
        if r["reporterCode"] not in (699, 757):  # Comtrade's own codes for India and Switzerland
            assert pycountry.countries.get(numeric=f"{r['reporterCode']:03d}").alpha_3 == r["reporterISO"]


def test_gold_from_congo_shows_a_large_mirror_gap_and_uganda_does_not() -> None:
    exports = _side("7108", "COD", "X", "ARE")
    imports = _side("7108", "ARE", "M", "COD")
    gap = imports["cifvalue"] / CIF_FOB - exports["fobvalue"]
    assert gap > 100 * exports["fobvalue"]
    uga_x, uga_m = _side("7108", "UGA", "X", "ARE"), _side("7108", "ARE", "M", "UGA")
    assert abs(uga_m["cifvalue"] / CIF_FOB - uga_x["fobvalue"]) < 0.05 * uga_x["fobvalue"]


def test_coltan_from_rwanda_is_reported_on_both_sides() -> None:
    x, m = _side("2615", "RWA", "X", "CHN"), _side("2615", "CHN", "M", "RWA")
    assert x and m and m["cifvalue"] / CIF_FOB > x["fobvalue"]


def test_central_african_timber_is_priced_at_a_tenth_of_the_others() -> None:
    exports = [r for r in trade_records() if r["cmdCode"] == "4403" and r["flowCode"] == "X"
               and r["period"] == "2024"]
    unit = {r["reporterISO"]: r["primaryValue"] / r["netWgt"] for r in exports}
    others = statistics.median(v for k, v in unit.items() if k != "CAF")
    assert 0.05 < unit["CAF"] / others < 0.15
    logs = [math.log(v) for v in unit.values()]
    med = statistics.median(logs)
    mad = statistics.median(abs(x - med) for x in logs)
    assert 0.6745 * abs(math.log(unit["CAF"]) - med) / mad > 3.5  # a robust-z outlier
    assert all(0.6745 * abs(math.log(v) - med) / mad < 3.5 for k, v in unit.items() if k != "CAF")


def test_congo_cassiterite_exports_have_no_mirror_imports() -> None:
    assert _side("2609", "COD", "X", "CHN") is not None
    assert _side("2609", "CHN", "M", "COD") is None
    assert _side("2609", "CHN", "M", "RWA") is not None  # China does report tin ore imports


def test_expected_names_every_trade_case() -> None:
    cases = expected()["trade_cases"]
    assert {"gold_mirror_gap", "timber_underpriced", "cassiterite_imports_unreported"} <= set(cases)
