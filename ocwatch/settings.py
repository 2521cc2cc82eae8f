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
    # Alerts (ocwatch.feedback.alerts): SMTP with STARTTLS and login; links point into the workbench.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_from: str = "ocwatch@localhost"
    smtp_cafile: Path | None = None  # a private CA for the mail relay; None: the system's
    workbench_url: str = "http://localhost:8050"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        env = dict(os.environ if env is None else env)
        base = cls(
            home=Path(env.get("OCWATCH_HOME") or "data"),
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
        for path in (self.lake, self.raw, self.reports, self.logs):
            path.mkdir(parents=True, exist_ok=True)
