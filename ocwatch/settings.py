"""One settings object, and the one place that reads the environment; command-line options override it.

Every local path derives from ``home`` (``OCWATCH_HOME``); the lake alone may
live elsewhere, in object storage (``OCWATCH_LAKE=s3://bucket/prefix``).
Everything below the front door is handed values from here, never the
environment itself.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ocwatch.lake.location import Lake

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _package_dir(name: str) -> Path:
    # Found without importing the package: settings stays cheap to import (DAG parsing).
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, name
    return Path(next(iter(spec.submodule_search_locations)))


DEFAULT_SOURCES = _package_dir("ocwatch.spiders") / "sources.yaml"
DEFAULT_COMTRADE_URL = "https://comtradeapi.un.org"


class SettingsError(ValueError):
    """A setting that cannot be used, named with the variable that holds it."""


def _default_cache(env: Mapping[str, str]) -> Path:
    if env.get("OCWATCH_CACHE"):
        return Path(env["OCWATCH_CACHE"])
    base = env.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ocwatch"


def _float(env: Mapping[str, str], name: str) -> float | None:
    if not env.get(name):
        return None
    try:
        return float(env[name])
    except ValueError:
        raise SettingsError(f"{name}={env[name]!r} is not a number") from None


def _home(value: str) -> Path:
    if "://" in value or value.startswith("s3:"):
        raise SettingsError(f"OCWATCH_HOME={value!r}: the data root is a local folder; "
                            "put the lake in object storage with OCWATCH_LAKE=s3://bucket/prefix")
    return Path(value)


@dataclass(frozen=True)
class Settings:
    home: Path = Path("data")
    sources: Path = DEFAULT_SOURCES
    comtrade_url: str = DEFAULT_COMTRADE_URL
    # repr=False: the key must never reach a log line, a traceback or a rendered template.
    comtrade_key: str | None = field(default=None, repr=False)
    # Alerts (ocwatch.feedback.alerts): SMTP with STARTTLS and login; links point into the workbench.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_from: str = "ocwatch@localhost"
    smtp_cafile: Path | None = None  # a private CA for the mail relay; None: the system's
    workbench_url: str = "http://localhost:8050"
    comtrade_delay: float | None = None
    lake_url: str | None = None  # None: <home>/lake
    cache: Path = field(default_factory=lambda: _default_cache({}))
    report_langs: tuple[str, ...] = ("fr",)
    # Bounds of one `ocwatch query` (warehouse/query.py): seconds, and DuckDB memory.
    query_timeout_s: float = 120.0
    query_memory_limit: str = "2GB"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = dict(os.environ if env is None else env)
        langs = env.get("OCWATCH_REPORT_LANGS") or "fr"
        base = cls(
            home=_home(env.get("OCWATCH_HOME") or "data"),
            sources=Path(env.get("OCWATCH_SOURCES") or DEFAULT_SOURCES),
            comtrade_url=env.get("OCWATCH_COMTRADE_URL") or DEFAULT_COMTRADE_URL,
            comtrade_key=env.get("COMTRADE_API_KEY") or None,
            smtp_host=env.get("OCWATCH_SMTP_HOST") or None,
            smtp_port=int(env.get("OCWATCH_SMTP_PORT") or 587),
            smtp_user=env.get("OCWATCH_SMTP_USER") or None,
            smtp_password=env.get("OCWATCH_SMTP_PASSWORD") or None,
            smtp_from=env.get("OCWATCH_SMTP_FROM") or "ocwatch@localhost",
            smtp_cafile=Path(env["OCWATCH_SMTP_CAFILE"]) if env.get("OCWATCH_SMTP_CAFILE") else None,
            workbench_url=env.get("OCWATCH_WORKBENCH_URL") or "http://localhost:8050",
            comtrade_delay=_float(env, "OCWATCH_COMTRADE_DELAY"),
            lake_url=env.get("OCWATCH_LAKE") or None,
            cache=_default_cache(env),
            report_langs=tuple(x.strip() for x in langs.split(",") if x.strip()),
            query_timeout_s=float(env.get("OCWATCH_QUERY_TIMEOUT") or 120.0),
            query_memory_limit=env.get("OCWATCH_QUERY_MEMORY") or "2GB",
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "home" in given:
            given["home"] = _home(str(given["home"]))
        if "sources" in given:
            given["sources"] = Path(given["sources"])  # type: ignore[arg-type]
        return replace(base, **given)  # type: ignore[arg-type]

    @property
    def lake(self) -> Lake:
        return Lake.at(self.lake_url or self.home / "lake")

    @property
    def raw(self) -> Path:
        return self.home / "raw"

    @property
    def warehouse(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def feedback_log(self) -> Path:
        """Analysts' feedback (ocwatch.lake.feedback_log): the build reads it, never the lake's files."""
        return self.home / "feedback" / "acts.jsonl"

    @property
    def alerts_db(self) -> Path:
        """Users, watches and the sent-log of alert digests (ocwatch.feedback.watches)."""
        return self.home / "alerts" / "alerts.sqlite"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def reports(self) -> Path:
        return self.home / "reports"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    def ensure_dirs(self) -> None:
        for path in (self.raw, self.reports, self.logs):
            path.mkdir(parents=True, exist_ok=True)
        if self.lake.is_local:
            self.lake.local_path.mkdir(parents=True, exist_ok=True)

    def child_env(self) -> dict[str, str]:
        """The environment of a stage's child process: this one's, with these settings in it.

        The child reads them back through ``Settings.from_env``; the key travels
        in the environment, never on a command line a process list shows.
        """
        env = dict(os.environ)
        env.update({"OCWATCH_HOME": str(self.home), "OCWATCH_SOURCES": str(self.sources),
                    "OCWATCH_COMTRADE_URL": self.comtrade_url, "OCWATCH_CACHE": str(self.cache),
                    "OCWATCH_LAKE": self.lake.url})
        env.pop("COMTRADE_API_KEY", None)
        if self.comtrade_key:
            env["COMTRADE_API_KEY"] = self.comtrade_key
        if self.comtrade_delay is not None:
            env["OCWATCH_COMTRADE_DELAY"] = str(self.comtrade_delay)
        return env
