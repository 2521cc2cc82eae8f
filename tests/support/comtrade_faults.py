"""The Comtrade fake misbehaving on request, as the real service does: 429 with Retry-After, 5xx, bad answers.

Faults (``serve(..., faults={...})``), keyed by kind: ``"429"``, ``"500"``,
``"502"``, ``"503"``, ``"malformed"``, ``"empty"``, ``"error"`` (200 with an
error message), ``"slow"`` (answer after a delay). A value is either an int n
(the first n requests get it) or a dict of query parameters to match
(``{"reporterCode": "180", "flowCode": "M"}``) with optional ``times``
(default: every matching request), ``retry_after`` (seconds, for 429) and
``seconds`` (for slow). ``{"rate_limit": 5.0}`` answers 429 beyond 5 requests
a second, like the real per-key quota.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ocwatch.demo.comtrade_fake import Answer, FakeComtrade, FakeServer, _apim_error, _json, _norm
from ocwatch.demo.comtrade_fake import serve as serve_fake


@dataclass
class Fault:
    kind: str
    match: dict[str, str] = field(default_factory=dict)
    times: int | None = None
    retry_after: int = 1
    seconds: float = 0.0

    @classmethod
    def parse(cls, kind: str, spec: int | Mapping[str, Any]) -> Fault:
        if isinstance(spec, int):
            return cls(kind, times=spec)
        spec = dict(spec)
        return cls(kind, times=spec.pop("times", None), retry_after=int(spec.pop("retry_after", 1)),
                   seconds=float(spec.pop("seconds", 0.0)),
                   match={k: str(v) for k, v in spec.items()})

    def applies(self, params: dict[str, str]) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        for key, want in self.match.items():
            given = {_norm(v) for v in params.get(key, "").split(",")}
            if _norm(want) not in given:
                return False
        return True


@dataclass
class FaultyComtrade(FakeComtrade):
    faults: list[Fault] = field(default_factory=list)
    rate_limit: float | None = None
    _recent: list[float] = field(default_factory=list, repr=False)

    def misbehave(self, params: dict[str, str]) -> Answer | None:
        if self.rate_limit:
            now = time.monotonic()
            self._recent = [t for t in self._recent if now - t < 1.0] + [now]
            if len(self._recent) > self.rate_limit:
                return _apim_error(429, "Rate limit is exceeded. Try again in 1 seconds.", **{"Retry-After": "1"})
        fault = self._take_fault(params)
        if fault is None:
            return None
        if fault.kind == "slow":
            time.sleep(fault.seconds)  # under the fake's lock: a slow API is slow for every caller
            return None
        return self._fault_answer(fault)

    def _take_fault(self, params: dict[str, str]) -> Fault | None:
        for fault in self.faults:
            if fault.applies(params):
                if fault.times is not None:
                    fault.times -= 1
                return fault
        return None

    def _fault_answer(self, fault: Fault) -> Answer:
        if fault.kind == "429":
            return _apim_error(429, f"Rate limit is exceeded. Try again in {fault.retry_after} seconds.",
                               **{"Retry-After": str(fault.retry_after)})
        if fault.kind in ("500", "502", "503"):
            return _apim_error(int(fault.kind), "Internal server error")
        if fault.kind == "malformed":
            return 200, {"Content-Type": "application/json"}, b'{"elapsedTime":"0.1 secs","count":3,"data":[{"typeCode":'
        if fault.kind == "error":
            return _json(200, {"elapsedTime": "0.01 secs", "count": 0, "data": [],
                               "error": "An unexpected error occurred while processing the query."})
        return self._envelope([])  # "empty"


def serve(records: Iterable[Mapping[str, Any]], api_key: str | None = None, port: int = 0,
          max_records: int = 250_000, faults: dict[str, Any] | None = None) -> tuple[FakeServer, str]:
    """The demo's fake with faults; the same (server, base_url) as ``ocwatch.demo.comtrade_fake.serve``."""
    faults = dict(faults or {})
    rate = faults.pop("rate_limit", None)
    fake = FaultyComtrade([dict(r) for r in records], api_key=api_key, max_records=max_records,
                          faults=[Fault.parse(k, v) for k, v in faults.items()],
                          rate_limit=float(rate) if rate else None)
    return serve_fake([], port=port, fake=fake)
