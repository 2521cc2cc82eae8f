"""Comtrade field mapping: names without regard to case, periods, numeric codes to ISO3."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ocwatch.trade.countries import code_from_iso3, iso3_from_code, resolve
from ocwatch.trade.fields import RecordError, is_breakdown, parse_period, to_flow_row
from ocwatch.trade.outcomes import parse_body
from ocwatch.trade.watchlists import (
    Query,
    default_periods,
    load_countries,
    load_hs_codes,
    parse_periods,
    plan_queries,
)

T = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def test_field_names_match_without_regard_to_case() -> None:
    dictionary_style = {"period": "2023", "reporterCode": 180, "flowCode": "X", "partnerCode": 784,
                        "cmdCode": "7108", "cifValue": 10.0, "fobValue": 9.0, "netWgt": 2,
                        "primaryValue": 9.0}
    api_style = {"PERIOD": "2023", "reportercode": "180", "FLOWCODE": "x", "PartnerCode": "784",
                 "CMDCODE": "7108", "cifvalue": 10.0, "fobvalue": 9.0, "NETWGT": "2",
                 "primaryvalue": "9"}
    a, b = to_flow_row(dictionary_style, "t", T), to_flow_row(api_style, "t", T)
    assert a == b
    assert (a["reporter_iso3"], a["partner_iso3"], a["cif_usd"], a["fob_usd"], a["net_kg"]) == ("COD", "ARE", 10.0, 9.0, 2.0)


def test_value_falls_back_to_fob_for_exports_and_cif_for_imports() -> None:
    base = {"period": "2023", "reporterCode": 180, "partnerCode": 784, "cmdCode": "7108",
            "cifvalue": 106.0, "fobvalue": 100.0}
    assert to_flow_row({**base, "flowCode": "X"}, "t", T)["value_usd"] == 100.0
    assert to_flow_row({**base, "flowCode": "M"}, "t", T)["value_usd"] == 106.0
    missing = to_flow_row({**base, "flowCode": "M", "cifvalue": None, "fobvalue": "N/A"}, "t", T)
    assert missing["value_usd"] is None  # missing is never zero


@pytest.mark.parametrize(("given", "expected"), [
    ("2023", "2023"), (2023, "2023"), ("202403", "2024-03"), ("2024-03", "2024-03"),
    (20240301, "2024-03"), ("2023.0", "2023"),
])
def test_periods_are_years_or_year_months(given: object, expected: str) -> None:
    assert parse_period(given) == expected


@pytest.mark.parametrize("bad", ["24", "2024-13", "March", ""])
def test_bad_periods_are_refused_naming_the_input(bad: str) -> None:
    with pytest.raises(RecordError, match="period"):
        parse_period(bad)


def test_comtrade_codes_that_differ_from_iso_numeric() -> None:
    assert [iso3_from_code(c) for c in (251, 842, 699, 757, 579, 0, "180")] == ["FRA", "USA", "IND", "CHE", "NOR", "WLD", "COD"]
    assert [code_from_iso3(i) for i in ("FRA", "USA", "COD", "ARE")] == [251, 842, 180, 784]
    assert resolve(0, "W00") == "WLD"
    assert resolve(999, None) == "N999"


def test_breakdown_rows_are_recognised() -> None:
    assert not is_breakdown({"partner2Code": 0, "motCode": 0, "customsCode": "C00"})
    assert not is_breakdown({})
    assert is_breakdown({"motCode": "1000"})
    assert is_breakdown({"partner2code": "784"})


@pytest.mark.corpus
def test_every_comtrade_reporter_maps_to_its_iso3(corpus: Path) -> None:
    reporters = json.loads((corpus / "comtrade" / "reference_Reporters.json").read_text())["results"]
    wrong = [(r["reporterCode"], r["reporterCodeIsoAlpha3"], iso3_from_code(r["reporterCode"]))
             for r in reporters if not r["isGroup"] and iso3_from_code(r["reporterCode"]) != r["reporterCodeIsoAlpha3"]]
    assert len(reporters) > 200
    assert wrong == []


@pytest.mark.corpus
def test_real_api_answer_maps_to_trade_flows(corpus: Path) -> None:
    body = (corpus / "comtrade" / "v1_data_get_C_A_HS_CHN_imports_2010.json").read_bytes()
    records, kind, _ = parse_body(body)
    assert kind is None and len(records) == 4
    rows = [to_flow_row(r, "comtrade-api", T) for r in records]
    assert {r["reporter_iso3"] for r in rows} == {"CHN"}
    assert rows[0]["partner_iso3"] == "ARG" and rows[0]["flow"] == "M" and rows[0]["period"] == "2010"
    assert rows[0]["value_usd"] == rows[0]["cif_usd"] == 6804128143.0
    assert rows[0]["net_kg"] is None and rows[0]["qty_unit"] is None


@pytest.mark.corpus
def test_dictionary_field_names_differ_from_api_only_in_case(corpus: Path) -> None:
    items = json.loads((corpus / "comtrade" / "reference_TradeDataItems.json").read_text())["results"]
    api = json.loads((corpus / "comtrade" / "v1_data_get_C_A_HS_CHN_imports_2010.json").read_text())["data"][0]
    in_api = {i["dataItem"] for i in items if i["isInDataAPICommodity"] == "True"}
    exact = in_api & set(api)
    by_case = {i.lower() for i in in_api} & {k.lower() for k in api}
    assert "cifValue" in in_api and "cifvalue" in api and "cifValue" not in exact
    assert {"cifvalue", "fobvalue", "netwgt", "primaryvalue", "cmdcode"} <= by_case


@pytest.mark.parametrize(("body", "kind"), [
    (b'{"count": 1, "data": [{"typeCode":', "malformed"),
    (b'"just a string"', "malformed"),
    (b'{"count": 0, "data": [], "error": "Query too large"}', "api_error"),
    (b'{"count": 1, "data": [1]}', "malformed"),
])
def test_unusable_answers_are_named(body: bytes, kind: str) -> None:
    records, got, error = parse_body(body)
    assert records is None and got == kind and error


def test_empty_answer_is_a_valid_answer() -> None:
    assert parse_body(b'{"elapsedTime":"0.1 secs","count":0,"data":[],"error":""}') == ([], None, None)


def test_watch_lists_load_and_codes_keep_leading_zeros() -> None:
    codes, countries = load_hs_codes(), load_countries()
    assert {"7108", "7102", "2609", "2615", "2611", "4403", "4407", "4402", "2710", "8703", "2402", "0507"} <= set(codes)
    assert {f"930{i}" for i in range(1, 7)} <= set(codes)
    assert {"COD", "CAF", "ARE", "CHE", "HKG", "SGP"} <= set(countries)
    assert len(countries) == len(set(countries))


def test_watchlist_commodities_exist_in_the_taxonomy() -> None:
    import csv

    from ocwatch.reference import REFERENCE_DIR as ref
    with (ref / "commodities.csv").open(encoding="utf-8") as fh:
        commodities = {r["commodity_id"]: r["market"] for r in csv.DictReader(fh)}
    with (ref / "hs_watchlist.csv").open(encoding="utf-8") as fh:
        watch = list(csv.DictReader(fh))
    assert all(commodities.get(r["commodity_id"]) == r["market"] for r in watch)


def test_default_periods_are_the_last_three_complete_years() -> None:
    assert default_periods(dt.date(2025, 3, 10)) == ["2022", "2023", "2024"]
    assert parse_periods("2024, 2025-03") == ["2024", "2025-03"]


def test_queries_cover_both_flows_and_split_by_frequency_and_row_limit() -> None:
    queries = plan_queries(["COD", "ARE"], ["7108", "4403", "0507"], ["2023", "2024-01"], 250_000)
    assert {(q.reporter_iso3, q.flow, q.freq) for q in queries} == {
        (c, f, q) for c in ("COD", "ARE") for f in ("X", "M") for q in ("A", "M")}
    assert all(q.hs_codes == ("7108", "4403", "0507") for q in queries)
    small = plan_queries(["COD"], ["7108", "4403", "0507"], ["2023"], 500)  # 2 codes x 250 partners
    assert [q.hs_codes for q in small if q.flow == "X"] == [("7108", "4403"), ("0507",)]


def test_query_url_uses_comtrade_codes_and_totals_only() -> None:
    q = Query("FRA", "M", ("7108", "0507"), ("2024-01", "2024-02"), 1000)
    url = q.path_and_query()
    assert url.startswith("/data/v1/get/C/M/HS?reporterCode=251&period=202401%2C202402&cmdCode=7108%2C0507")
    assert "flowCode=M" in url and "motCode=0" in url and "customsCode=C00" in url
    assert q.split() == [Query("FRA", "M", ("7108",), q.periods, 1000), Query("FRA", "M", ("0507",), q.periods, 1000)]
    assert Query("FRA", "M", ("7108",), ("2024-01",), 1000).split() == []
