"""Comtrade records (API JSON or bulk TSV rows) to trade_flows rows.

Field names are matched without regard to case: the official data-item
dictionary writes ``cifValue`` and ``isnetWgtEstimated`` while the live API
answers ``cifvalue`` and ``isNetWgtEstimated``, and bulk files differ again.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from ocwatch.trade.countries import resolve

_FLOWS = {"X": "X", "M": "M", "RX": "RX", "RM": "RM", "DX": "X", "FM": "M"}
_YEAR = re.compile(r"^\d{4}$")
_HS = re.compile(r"^([0-9]{2,6}|TOTAL)$")  # TOTAL: all commodities, as the API names it
_MONTH = re.compile(r"^(\d{4})-?(\d{2})$")


class RecordError(ValueError):
    """A record that cannot become a trade_flows row; the message names the field."""


def lower_keys(record: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k).strip().lower(): v for k, v in record.items()}


def parse_period(value: Any) -> str:
    """'2024' -> '2024'; '202403', '2024-03' or 20240301 (refPeriodId) -> '2024-03'."""
    text = str(value).strip()
    if text.endswith(".0"):  # bulk files read as floats
        text = text[:-2]
    if _YEAR.match(text):
        return text
    if len(text) == 8 and text.isdigit():  # refPeriodId YYYYMMDD
        text = text[:6]
    m = _MONTH.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{m.group(2)}"
    raise RecordError(f"period {value!r} is neither YYYY nor YYYY-MM")


def api_period(period: str) -> str:
    """The lake's period as the API wants it: '2024' or '202403'."""
    return period.replace("-", "")


def freq_of(period: str) -> str:
    return "A" if _YEAR.match(period) else "M"


def to_float(value: Any) -> float | None:
    """A number, or None for blanks, 'N/A' and NaN (missing is never zero)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):  # JSON numbers: the common case, no parsing
        return None if value != value else float(value)
    try:
        number = float(str(value).strip().replace(",", ""))
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _period_of(rec: dict[str, Any]) -> str:
    if rec.get("period") not in (None, ""):
        return parse_period(rec["period"])
    if rec.get("refperiodid") not in (None, ""):
        return parse_period(rec["refperiodid"])
    raise RecordError("record has no period")


def _flow_of(rec: dict[str, Any]) -> str:
    flow = _FLOWS.get(str(rec.get("flowcode") or "").strip().upper())
    if flow is None:
        raise RecordError(f"flowCode {rec.get('flowcode')!r} is not X, M, RX or RM")
    return flow


def _country(rec: dict[str, Any], side: str) -> str:
    iso = resolve(rec.get(f"{side}code"), rec.get(f"{side}iso"))
    if iso is None:
        raise RecordError(f"{side}Code {rec.get(f'{side}code')!r} has no ISO3")
    return iso


def _primary_value(rec: dict[str, Any], flow: str) -> float | None:
    primary = to_float(rec.get("primaryvalue"))
    if primary is not None:
        return primary
    # Exports are valued FOB, imports CIF: fall back to the matching one.
    first, second = ("fobvalue", "cifvalue") if flow in ("X", "RX") else ("cifvalue", "fobvalue")
    value = to_float(rec.get(first))
    return value if value is not None else to_float(rec.get(second))


def to_flow_row(record: Mapping[str, Any], source: str, fetched_at: dt.datetime) -> dict[str, Any]:
    """One trade_flows row from a Comtrade record; RecordError names what is wrong."""
    rec = lower_keys(record)
    hs_code = str(rec.get("cmdcode") or "").strip()
    if not hs_code:
        raise RecordError("record has no cmdCode")
    if not _HS.match(hs_code):  # the code becomes a join key: "[1]" or "7108; drop" must not
        raise RecordError(f"cmdCode {hs_code[:40]!r} is not an HS code of 2 to 6 digits or TOTAL")
    flow = _flow_of(rec)
    unit = rec.get("qtyunitabbr")
    return {
        "period": _period_of(rec),
        "reporter_iso3": _country(rec, "reporter"),
        "partner_iso3": _country(rec, "partner"),
        "flow": flow,
        "hs_code": hs_code,
        "value_usd": _primary_value(rec, flow),
        "cif_usd": to_float(rec.get("cifvalue")),
        "fob_usd": to_float(rec.get("fobvalue")),
        "net_kg": to_float(rec.get("netwgt")),
        "qty": to_float(rec.get("qty")),
        "qty_unit": None if unit in (None, "", "N/A") else str(unit),
        "source": source,
        "fetched_at": fetched_at,
    }


def is_breakdown(record: Mapping[str, Any]) -> bool:
    """True for rows split by second partner, transport mode or customs procedure.

    Only the totals (partner2 world, all modes, all procedures) are kept, so a
    flow is never counted twice.
    """
    rec = lower_keys(record)
    checks = (("partner2code", "0"), ("motcode", "0"), ("customscode", "C00"))
    for key, total in checks:
        value = rec.get(key)
        if value in (None, ""):
            continue
        text = str(value).strip()
        text = text[:-2] if text.endswith(".0") else text
        if text.upper() != total:
            return True
    return False
