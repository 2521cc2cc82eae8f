"""A local fake of the UN Comtrade v1 data API, for tests and the demo.

It answers ``GET /data/v1/get/{typeCode}/{freqCode}/{clCode}?reporterCode=..``
with the live API's JSON envelope (``elapsedTime``, ``count``, ``data``,
``error``), filtering the records it was given by the query parameters, and
misbehaves on request the way the real service does: 401 without a valid key,
429 with ``Retry-After`` when rate-limited, 5xx, empty and malformed answers.

Misbehaviour on request (429, 5xx, malformed and empty answers, a rate limit)
is test support, not the demo's: tests/support/comtrade_faults.py subclasses
``FakeComtrade`` through its ``misbehave`` hook.

No Scrapy or spaCy here: the demo starts this in the orchestrating process.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ocwatch.demo.httpserver import LocalHTTPServer

KEY_HEADER = "Ocp-Apim-Subscription-Key"
KEY_PARAM = "subscription-key"
# Filters the API applies when the parameter is given; record fields are matched case-insensitively.
FILTERS = ("reporterCode", "partnerCode", "partner2Code", "flowCode", "cmdCode", "motCode",
           "customsCode")
Answer = tuple[int, dict[str, str], bytes]


def _json(status: int, payload: Any, **headers: str) -> Answer:
    return status, {"Content-Type": "application/json; charset=utf-8", **headers}, json.dumps(payload).encode()


def _apim_error(status: int, message: str, **headers: str) -> Answer:
    # Azure API Management writes these envelopes for key and quota failures.
    return _json(status, {"statusCode": status, "message": message}, **headers)


def _lower(record: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in record.items()}


def _norm(value: Any) -> str:
    text = str(value).strip()
    return (text[:-2] if text.endswith(".0") else text).replace("-", "").upper()


def _reporter_code(rec: dict[str, Any], side: str) -> str | None:
    if rec.get(f"{side}code") not in (None, ""):
        return _norm(rec[f"{side}code"])
    if rec.get(f"{side}iso"):
        from ocwatch.trade.countries import code_from_iso3

        try:
            return str(code_from_iso3(str(rec[f"{side}iso"])))
        except ValueError:
            return None
    return None


@dataclass
class FakeComtrade:
    """The fake's state: its records, key, row limit, and every request it saw."""

    records: list[dict[str, Any]]
    api_key: str | None = None
    max_records: int = 250_000
    requests: list[dict[str, Any]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def answer(self, raw_path: str, headers: Mapping[str, str]) -> Answer:
        parts = urlsplit(raw_path)
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        key = headers.get(KEY_HEADER) or params.pop(KEY_PARAM, None)
        with self._lock:
            # The key itself is never kept: only whether one came.
            self.requests.append({"path": parts.path, "params": params, "had_key": bool(key)})
            refusal = self._refusal(key) or self.misbehave(params)
        if refusal:
            return refusal
        return self._data(parts.path, params)

    def misbehave(self, params: dict[str, str]) -> Answer | None:
        """An answer in place of the data (a subclass's faults), or None; called under the lock."""
        return None

    def _refusal(self, key: str | None) -> Answer | None:
        if self.api_key is not None and not key:
            return _apim_error(401, "Access denied due to missing subscription key. Make sure to "
                               "include subscription key when making requests to an API.")
        if self.api_key is not None and key != self.api_key:
            return _apim_error(401, "Access denied due to invalid subscription key. Make sure to "
                               "provide a valid key for an active subscription.")
        return None

    def _data(self, path: str, params: dict[str, str]) -> Answer:
        segments = [s for s in path.split("/") if s]
        if len(segments) != 6 or segments[:3] != ["data", "v1", "get"]:
            return _json(404, {"statusCode": 404, "message": "Resource not found"})
        type_code, freq_code, cl_code = (s.upper() for s in segments[3:])
        if type_code not in ("C", "S") or freq_code not in ("A", "M") or cl_code != "HS":
            return _json(400, {"elapsedTime": "0 secs", "count": 0, "data": None,
                               "error": f"Invalid typeCode/freqCode/clCode {type_code}/{freq_code}/{cl_code}"})
        rows = [r for r in self.records if self._wanted(_lower(r), type_code, freq_code, params)]
        limit = min(self.max_records, int(params.get("maxRecords") or self.max_records))
        return self._envelope(rows[:limit])

    @staticmethod
    def _envelope(rows: list[dict[str, Any]]) -> Answer:
        return _json(200, {"elapsedTime": "0.01 secs", "count": len(rows), "data": rows, "error": ""})

    @staticmethod
    def _wanted(rec: dict[str, Any], type_code: str, freq_code: str, params: dict[str, str]) -> bool:
        period = _norm(rec.get("period") or str(rec.get("refperiodid") or "")[:6])
        if _norm(rec.get("typecode") or "C") != type_code:
            return False
        if _norm(rec.get("freqcode") or ("A" if len(period) == 4 else "M")) != freq_code:
            return False
        if "period" in params and period not in {_norm(p) for p in params["period"].split(",")}:
            return False
        for name in FILTERS:
            if name not in params:
                continue
            low = name.lower()
            if low in ("reportercode", "partnercode"):
                value = _reporter_code(rec, low[:-4])
            else:
                value = None if rec.get(low) in (None, "") else _norm(rec[low])
            if value is None and low in ("partner2code", "motcode", "customscode"):
                continue  # records without breakdown fields are totals
            if value not in {_norm(v) for v in params[name].split(",")}:
                return False
        return True


def _handler(fake: FakeComtrade) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # request lines would carry the key param
            pass

        def do_GET(self) -> None:
            status, headers, body = fake.answer(self.path, self.headers)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class FakeServer(LocalHTTPServer):
    fake: FakeComtrade

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def serve(records: Iterable[Mapping[str, Any]], api_key: str | None = None, port: int = 0,
          max_records: int = 250_000, fake: FakeComtrade | None = None) -> tuple[FakeServer, str]:
    """Start the fake (``fake``, else one over ``records``) on 127.0.0.1 in a daemon thread; returns (server, base_url).

    Stop it with ``server.stop()``; ``server.fake.requests`` lists what it was asked.
    """
    if fake is None:
        fake = FakeComtrade([dict(r) for r in records], api_key=api_key, max_records=max_records)
    server = FakeServer(("127.0.0.1", port), _handler(fake))
    server.fake = fake
    threading.Thread(target=server.serve_forever, name="fake-comtrade", daemon=True).start()
    host, bound = server.server_address[:2]
    return server, f"http://{host}:{bound}"
