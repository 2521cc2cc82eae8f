"""The HS-code and country watch lists, and the API queries they turn into."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from ocwatch.reference import REFERENCE_DIR
from ocwatch.trade.countries import code_from_iso3
from ocwatch.trade.fields import api_period, freq_of, parse_period

HS_WATCHLIST = REFERENCE_DIR / "hs_watchlist.csv"
COUNTRY_WATCHLIST = REFERENCE_DIR / "countries_watchlist.csv"
# A guess at partners per reporter, code and period, used to keep a query under the row limit.
PARTNERS_PER_QUERY = 250
FLOWS = ("X", "M")


def load_hs_codes(path: Path = HS_WATCHLIST) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        codes = [row["hs_code"].strip() for row in csv.DictReader(fh)]
    return list(dict.fromkeys(c for c in codes if c))


def load_countries(path: Path = COUNTRY_WATCHLIST) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        isos = [row["iso3"].strip().upper() for row in csv.DictReader(fh)]
    return list(dict.fromkeys(i for i in isos if i))


def default_periods(date: dt.date, years: int = 3) -> list[str]:
    """The last complete years before the run date (annual data lags, so no current year)."""
    return [str(date.year - n) for n in range(years, 0, -1)]


def parse_periods(text: str) -> list[str]:
    """'2024,2025-03' -> ['2024', '2025-03']; a ValueError names a bad period."""
    periods = [p.strip() for p in text.split(",") if p.strip()]
    if not periods:
        raise ValueError(f"no period in {text!r}")
    return [parse_period(p) for p in periods]


@dataclass(frozen=True)
class Query:
    """One API call: a reporter, a flow, some HS codes and some periods of one frequency."""

    reporter_iso3: str
    flow: str
    hs_codes: tuple[str, ...]
    periods: tuple[str, ...]
    max_records: int

    @property
    def freq(self) -> str:
        return freq_of(self.periods[0])

    def path_and_query(self) -> str:
        params = {
            "reporterCode": code_from_iso3(self.reporter_iso3),
            "period": ",".join(api_period(p) for p in self.periods),
            "cmdCode": ",".join(self.hs_codes),
            "flowCode": self.flow,
            # Totals only: no breakdown by second partner, transport mode or customs procedure.
            "partner2Code": 0, "motCode": 0, "customsCode": "C00",
            "maxRecords": self.max_records, "includeDesc": "false",
        }
        return f"/data/v1/get/C/{self.freq}/HS?{urlencode(params)}"

    def split(self) -> list[Query]:
        """Two smaller queries covering this one (codes first, then periods); [] if atomic."""
        if len(self.hs_codes) > 1:
            mid = len(self.hs_codes) // 2
            return [self._with(codes=self.hs_codes[:mid]), self._with(codes=self.hs_codes[mid:])]
        if len(self.periods) > 1:
            mid = len(self.periods) // 2
            return [self._with(periods=self.periods[:mid]), self._with(periods=self.periods[mid:])]
        return []

    def _with(self, codes: tuple[str, ...] | None = None,
              periods: tuple[str, ...] | None = None) -> Query:
        return Query(self.reporter_iso3, self.flow, codes or self.hs_codes,
                     periods or self.periods, self.max_records)


def _chunks(items: list[str], size: int) -> Iterator[tuple[str, ...]]:
    for i in range(0, len(items), max(1, size)):
        yield tuple(items[i:i + max(1, size)])


def plan_queries(countries: list[str], hs_codes: list[str], periods: list[str],
                 max_records: int, max_periods: int = 12) -> list[Query]:
    """Every reporter x flow, all codes in one call where the row limit allows, split otherwise.

    The API takes at most 12 periods a call and one frequency, so periods are
    grouped by frequency and chunked; codes are chunked so that
    codes x periods x PARTNERS_PER_QUERY stays under max_records.
    """
    queries = []
    by_freq: dict[str, list[str]] = {}
    for p in periods:
        by_freq.setdefault(freq_of(p), []).append(p)
    for group in by_freq.values():
        for period_chunk in _chunks(group, max_periods):
            per_code = len(period_chunk) * PARTNERS_PER_QUERY
            for code_chunk in _chunks(hs_codes, max_records // per_code):
                for iso in countries:
                    for flow in FLOWS:
                        queries.append(Query(iso, flow, code_chunk, period_chunk, max_records))
    return queries
