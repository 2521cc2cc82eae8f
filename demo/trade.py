"""The demo's trade data: Comtrade v1 records holding both sides of several flows, with known anomalies.

Figures are invented but of a realistic order of magnitude. Each case is
built so that one trade indicator must find it (see CASES):
- gold 7108, Uganda to the UAE: both sides agree (within CIF/FOB);
- gold 7108, DR Congo to the UAE: tiny reported exports, very large mirror imports (the gap);
- coltan 2615, Rwanda to China: China records more than Rwanda exports;
- timber 4403 to China: the Central African Republic declares a tenth of everyone else's unit value;
- cassiterite 2609, DR Congo to China: exported, never recorded as imported.
"""

from __future__ import annotations

from typing import Any

PERIODS = ("2023", "2024", "2025")
# Comtrade's numeric reporter codes (M49, with Comtrade's own 699 India and 757 Switzerland).
COUNTRIES: dict[str, tuple[int, str]] = {
    "COD": (180, "Dem. Rep. of the Congo"), "UGA": (800, "Uganda"), "ARE": (784, "United Arab Emirates"),
    "RWA": (646, "Rwanda"), "CHN": (156, "China"), "CAF": (140, "Central African Rep."),
    "CMR": (120, "Cameroon"), "COG": (178, "Congo"), "BEL": (56, "Belgium"), "CHE": (757, "Switzerland"),
    "IND": (699, "India"), "SGP": (702, "Singapore"), "HKG": (344, "China, Hong Kong SAR"),
}
HS_DESC = {"7108": "Gold (including gold plated with platinum), unwrought or in semi-manufactured forms",
           "2615": "Niobium, tantalum, vanadium or zirconium ores and concentrates",
           "2609": "Tin ores and concentrates", "4403": "Wood in the rough",
           "7102": "Diamonds, whether or not worked, but not mounted or set"}

# (hs, exporter, importer): {period: (export value USD, export kg) or None, (import CIF USD, import kg) or None}
FLOWS: dict[tuple[str, str, str], tuple[tuple[float, float] | None, tuple[float, float] | None]] = {
    ("7108", "UGA", "ARE"): ((1_850e6, 31_000), (1_952e6, 31_400)),
    ("7108", "COD", "ARE"): ((4.2e6, 70), (1_120e6, 18_200)),
    ("7108", "ARE", "CHE"): ((9_400e6, 152_000), (9_930e6, 153_500)),
    ("7108", "ARE", "IND"): ((12_600e6, 205_000), (13_300e6, 206_800)),
    ("7108", "UGA", "HKG"): ((95e6, 1_600), (101e6, 1_610)),
    ("2615", "RWA", "CHN"): ((250e6, 2_600_000), (335e6, 3_450_000)),
    ("2615", "COD", "CHN"): ((118e6, 1_300_000), (126e6, 1_330_000)),
    ("2609", "COD", "CHN"): ((38e6, 2_400_000), None),
    ("2609", "RWA", "CHN"): ((41e6, 2_550_000), (44e6, 2_580_000)),
    ("4403", "CAF", "CHN"): ((1.2e6, 26_000_000), (12.6e6, 25_800_000)),
    ("4403", "CMR", "CHN"): ((98e6, 215_000_000), (104e6, 216_000_000)),
    ("4403", "COG", "CHN"): ((142e6, 290_000_000), (151e6, 292_000_000)),
    ("4403", "COD", "CHN"): ((21e6, 48_000_000), (22.5e6, 48_500_000)),
    ("7102", "COD", "BEL"): ((310e6, 2_900), (327e6, 2_905)),
    ("7102", "COD", "SGP"): ((12e6, 150), (12.6e6, 151)),
}
# Year-on-year drift so the three periods differ like real series do.
GROWTH = {"2023": 1.0, "2024": 1.08, "2025": 1.17}

CASES = {
    "gold_mirror_gap": {"hs_code": "7108", "exporter_iso3": "COD", "importer_iso3": "ARE",
                        "status": "both_reported", "indicator": "trade_mirror_gaps"},
    "gold_matched": {"hs_code": "7108", "exporter_iso3": "UGA", "importer_iso3": "ARE",
                     "status": "both_reported", "indicator": "trade_mirror_gaps"},
    "coltan_gap": {"hs_code": "2615", "exporter_iso3": "RWA", "importer_iso3": "CHN",
                   "status": "both_reported", "indicator": "trade_mirror_gaps"},
    "timber_underpriced": {"hs_code": "4403", "reporter_iso3": "CAF", "partner_iso3": "CHN", "flow": "X",
                           "indicator": "trade_unit_values"},
    "cassiterite_imports_unreported": {"hs_code": "2609", "exporter_iso3": "COD", "importer_iso3": "CHN",
                                       "status": "imports_unreported", "indicator": "trade_mirror_gaps"},
}


def _record(period: str, hs: str, reporter: str, flow: str, partner: str, value: float, kg: float) -> dict[str, Any]:
    r_code, r_desc = COUNTRIES[reporter]
    p_code, p_desc = COUNTRIES[partner]
    exports = flow == "X"
    return {
        "typeCode": "C", "freqCode": "A", "refPeriodId": int(f"{period}0101"), "refYear": int(period),
        "refMonth": 52, "period": period, "reporterCode": r_code, "reporterISO": reporter,
        "reporterDesc": r_desc, "flowCode": flow, "flowDesc": "Export" if exports else "Import",
        "partnerCode": p_code, "partnerISO": partner, "partnerDesc": p_desc, "partner2Code": 0,
        "partner2ISO": "W00", "partner2Desc": "World", "classificationCode": "H6",
        "classificationSearchCode": "HS", "isOriginalClassification": True, "cmdCode": hs,
        "cmdDesc": HS_DESC[hs], "aggrLevel": 4, "isLeaf": False, "customsCode": "C00",
        "customsDesc": "TOTAL CPC", "mosCode": "0", "motCode": 0, "motDesc": "TOTAL MOT",
        "qtyUnitCode": 8, "qtyUnitAbbr": "kg", "qty": kg, "isQtyEstimated": False,
        "altQtyUnitCode": 8, "altQtyUnitAbbr": "kg", "altQty": kg, "isAltQtyEstimated": False,
        "netWgt": kg, "isNetWgtEstimated": False, "grossWgt": None, "isGrossWgtEstimated": False,
        "cifvalue": None if exports else value, "fobvalue": value if exports else None,
        "primaryValue": value, "legacyEstimationFlag": 0, "isReported": True, "isAggregate": False,
    }


def trade_records() -> list[dict[str, Any]]:
    """Every demo record, exporter's and importer's side, for 2023-2025, in a fixed order."""
    records = []
    for (hs, exporter, importer), (exp, imp) in FLOWS.items():
        for period in PERIODS:
            g = GROWTH[period]
            if exp is not None:
                records.append(_record(period, hs, exporter, "X", importer, round(exp[0] * g), round(exp[1] * g)))
            if imp is not None:
                records.append(_record(period, hs, importer, "M", exporter, round(imp[0] * g), round(imp[1] * g)))
    return records
