"""One settings object, read from the environment; command-line options override it.

Every path the code uses derives from ``home`` (``OCWATCH_HOME``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = PROJECT_ROOT / "spiders" / "sources.yaml"
DEFAULT_COMTRADE_URL = "https://comtradeapi.un.org"


@dataclass(frozen=True)
class Settings:
    home: Path = Path("data")
    sources: Path = DEFAULT_SOURCES
    comtrade_url: str = DEFAULT_COMTRADE_URL
    # repr=False: the key must never reach a log line, a traceback or a rendered template.
    comtrade_key: str | None = field(default=None, repr=False)
    # Bounds of one `ocwatch query` (warehouse/query.py): seconds, and DuckDB memory.
    query_timeout_s: float = 120.0
    query_memory_limit: str = "2GB"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        env = dict(os.environ if env is None else env)
        base = cls(
            home=Path(env.get("OCWATCH_HOME") or "data"),
            sources=Path(env.get("OCWATCH_SOURCES") or DEFAULT_SOURCES),
            comtrade_url=env.get("OCWATCH_COMTRADE_URL") or DEFAULT_COMTRADE_URL,
            comtrade_key=env.get("COMTRADE_API_KEY") or None,
            query_timeout_s=float(env.get("OCWATCH_QUERY_TIMEOUT") or 120.0),
            query_memory_limit=env.get("OCWATCH_QUERY_MEMORY") or "2GB",
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "home" in given:
            given["home"] = Path(given["home"])  # type: ignore[arg-type]
        if "sources" in given:
            given["sources"] = Path(given["sources"])  # type: ignore[arg-type]
        return replace(base, **given)  # type: ignore[arg-type]

    @property
    def lake(self) -> Path:
        return self.home / "lake"

    @property
    def raw(self) -> Path:
        return self.home / "raw"

    @property
    def warehouse(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def reports(self) -> Path:
        return self.home / "reports"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    def ensure_dirs(self) -> None:
        for path in (self.lake, self.raw, self.reports, self.logs):
            path.mkdir(parents=True, exist_ok=True)
