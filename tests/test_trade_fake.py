"""The local fake of the Comtrade v1 data API speaks its JSON and fails like it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocwatch.demo.comtrade_fake import KEY_HEADER, FakeServer
from tests.support.comtrade_faults import serve

RECORDS = [
    {"typeCode": "C", "freqCode": "A", "period": "2023", "reporterCode": 180, "reporterISO": "COD",
     "flowCode": "X", "partnerCode": 784, "partnerISO": "ARE", "cmdCode": "7108", "primaryValue": 1.0},
    {"typeCode": "C", "freqCode": "A", "period": "2023", "reporterCode": 180, "flowCode": "X",
     "partnerCode": 646, "cmdCode": "7108", "primaryValue": 2.0, "motCode": 1000},
    {"typeCode": "C", "freqCode": "A", "period": "2022", "reporterCode": 180, "flowCode": "X",
     "partnerCode": 646, "cmdCode": "7108", "primaryValue": 3.0},
    {"period": "2023-02", "reporterISO": "ARE", "flowCode": "M", "partnerISO": "COD", "cmdCode": "4403",
     "cifvalue": 4.0},
]
Q = "/data/v1/get/C/A/HS?reporterCode=180&period=2023&cmdCode=7108,4403&flowCode=X"


def get(base: str, path: str, key: str | None = "k") -> tuple[int, dict, bytes]:
    req = urllib.request.Request(base + path, headers={KEY_HEADER: key} if key else {})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture
def fake() -> Iterator[tuple[FakeServer, str]]:
    server, url = serve(RECORDS, api_key="k")
    yield server, url
    server.stop()


def test_fake_filters_records_by_query_like_the_api(fake: tuple[FakeServer, str]) -> None:
    server, url = fake
    status, headers, body = get(url, Q)
    payload = json.loads(body)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert set(payload) == {"elapsedTime", "count", "data", "error"} and payload["error"] == ""
    assert [r["primaryValue"] for r in payload["data"]] == [1.0, 2.0]
    totals = json.loads(get(url, Q + "&motCode=0")[2])
    assert [r["primaryValue"] for r in totals["data"]] == [1.0]
    monthly = json.loads(get(url, "/data/v1/get/C/M/HS?reporterCode=784&period=202302&flowCode=M&cmdCode=4403")[2])
    assert monthly["count"] == 1 and monthly["data"][0]["cifvalue"] == 4.0
    assert server.fake.requests[0]["params"]["reporterCode"] == "180"


def test_fake_refuses_missing_and_wrong_keys_and_accepts_the_query_param(fake: tuple[FakeServer, str]) -> None:
    _, url = fake
    status, _, body = get(url, Q, key=None)
    assert status == 401 and "missing subscription key" in json.loads(body)["message"]
    assert get(url, Q, key="nope")[0] == 401
    assert get(url, Q + "&subscription-key=k", key=None)[0] == 200


def test_fake_caps_rows_at_max_records() -> None:
    server, url = serve(RECORDS, max_records=1)
    try:
        assert json.loads(get(url, Q)[2])["count"] == 1
    finally:
        server.stop()
    server, url = serve(RECORDS)
    try:
        assert json.loads(get(url, Q + "&maxRecords=1")[2])["count"] == 1
    finally:
        server.stop()


def test_fake_faults_rate_limit_server_error_malformed_empty() -> None:
    faults = {"429": {"times": 1, "retry_after": 7}, "500": {"reporterCode": "646"},
              "malformed": {"flowCode": "M", "times": 1}, "empty": {"period": "2022"}}
    server, url = serve(RECORDS, faults=faults)
    try:
        status, headers, _ = get(url, Q)
        assert status == 429 and headers["Retry-After"] == "7"
        assert get(url, Q)[0] == 200
        assert get(url, Q.replace("180", "646"))[0] == 500
        assert get(url, Q.replace("180", "646"))[0] == 500
        with pytest.raises(json.JSONDecodeError):
            json.loads(get(url, Q.replace("flowCode=X", "flowCode=M"))[2])
        assert json.loads(get(url, Q.replace("flowCode=X", "flowCode=M"))[2])["error"] == ""
        assert json.loads(get(url, Q.replace("2023", "2022"))[2])["count"] == 0
    finally:
        server.stop()


def test_fake_rate_limit_answers_429_beyond_quota() -> None:
    server, url = serve(RECORDS, faults={"rate_limit": 2})
    try:
        assert [get(url, Q)[0] for _ in range(4)].count(429) >= 1
    finally:
        server.stop()


def test_fake_unknown_path_is_404(fake: tuple[FakeServer, str]) -> None:
    assert get(fake[1], "/data/v2/other")[0] == 404
    assert get(fake[1], "/data/v1/get/C/Q/HS?period=2023")[0] == 400


@pytest.mark.corpus
def test_fake_serves_real_records_unchanged(corpus: Path) -> None:
    real = json.loads((corpus / "comtrade" / "v1_data_get_C_A_HS_CHN_imports_2010.json").read_text())
    server, url = serve(real["data"])
    try:
        got = json.loads(get(url, "/data/v1/get/C/A/HS?reporterCode=156&period=2010&cmdCode=TOTAL&flowCode=M,X")[2])
    finally:
        server.stop()
    assert got["count"] == real["count"] and got["data"] == real["data"]


def test_fake_imports_neither_scrapy_nor_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys, ocwatch.demo.comtrade_fake as f; s, u = f.serve([{'reporterISO': 'COD', 'period': '2023'}]); "
            "s.stop(); print(sorted(m for m in ('scrapy', 'spacy', 'twisted') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
