"""Comtrade numeric country codes to ISO3, and back.

Comtrade uses ISO 3166-1 numeric codes except where it keeps its own (France
251, USA 842, India 699, Switzerland 757, Norway 579, World 0, ...). Those
exceptions ship in country_codes.csv (taken from Comtrade's reporter
reference table); everything else comes from pycountry.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pycountry

_TABLE = Path(__file__).with_name("country_codes.csv")
# The API writes these ISO-like placeholders; the lake uses WLD for world.
_ISO_ALIASES = {"W00": "WLD"}
# Where Comtrade keeps its own code, queries must use it (ISO 250 is not France there).
_PREFERRED_CODE = {"FRA": 251, "USA": 842, "IND": 699, "CHE": 757, "NOR": 579, "WLD": 0}


@cache
def _overrides() -> dict[int, str]:
    with _TABLE.open(encoding="utf-8") as fh:
        return {int(row["code"]): row["iso3"] for row in csv.DictReader(fh)}


def iso3_from_code(code: int | str | None) -> str | None:
    """ISO3 for a Comtrade numeric code; None when the code is not a number or unknown."""
    return _iso3_from_code(str(code))


@cache  # a bulk file repeats a few hundred codes millions of times
def _iso3_from_code(code: str) -> str | None:
    try:
        num = int(code.strip())
    except (TypeError, ValueError):
        return None
    if num in _overrides():
        return _overrides()[num]
    country = pycountry.countries.get(numeric=f"{num:03d}")
    return country.alpha_3 if country else None


def normalize_iso3(iso: str | None) -> str | None:
    """An ISO3 written by the API (upper-cased, W00 -> WLD); None when blank."""
    if iso is None or not str(iso).strip():
        return None
    value = str(iso).strip().upper()
    return _ISO_ALIASES.get(value, value)


def code_from_iso3(iso3: str) -> int:
    """The numeric code Comtrade expects in a query for this ISO3."""
    iso3 = iso3.strip().upper()
    if iso3 in _PREFERRED_CODE:
        return _PREFERRED_CODE[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise ValueError(f"unknown ISO3 country code {iso3!r}")
    return int(country.numeric)


def resolve(code: int | str | None, iso: str | None) -> str | None:
    """The ISO3 of a record's country: its own ISO field first, else its numeric code."""
    return normalize_iso3(iso) or iso3_from_code(code) or (
        f"N{int(code):03d}" if str(code).strip().isdigit() else None)
