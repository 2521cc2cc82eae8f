"""The report as plain data: one model, rendered to HTML and to PDF, so both say the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit


def safe_href(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, else None (shown as text, never as a link)."""
    if not url or any(c in url for c in "\r\n\t\x00 \"'<>`"):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def squash(text: str | None) -> str:
    """One line: PDF-extracted sentences carry hard line breaks that mean nothing to a reader."""
    return " ".join((text or "").split())


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None

    @classmethod
    def link(cls, text: str, url: str | None) -> Cell:
        return cls(text, safe_href(url))


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    more: int = 0  # rows left out to keep the report short


@dataclass(frozen=True)
class Finding:
    kind: str  # spike, link, gap, uv
    text: str
    confidence: str
    grades: str
    sources: int
    # what the finding is about, for readers of the model (tests, exports): market, country_iso3,
    # commodity_id, places, actor_id; never shown as such
    about: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Evidence:
    sentence: str
    title: str
    url: str
    href: str | None
    source_id: str
    reliability: str
    published: str


@dataclass
class MarketBlock:
    market: str
    heading: str
    facts: list[tuple[str, str]]
    is_spike: bool
    chart: bytes | None
    evidence: list[Evidence]


@dataclass
class SoctaSection:
    """The week's part of the SOCTA partner package (ocwatch.report.socta_section), in its structure."""

    labels: dict[str, str]
    package: str  # the name in datapackage.json
    command: str  # the command that writes the package
    path: str  # datapackage.json, under the data root
    resources: list[str]
    threats: Table | None = None  # market_activity, by market
    links: Table | None = None  # new_links with their evidence
    gaps: Table | None = None  # coverage_gaps


@dataclass
class Report:
    lang: str
    week: str
    title: str
    subtitle: str
    built_from: str
    labels: dict[str, str]
    empty_note: str | None = None
    findings: list[Finding] = field(default_factory=list)
    markets: list[MarketBlock] | None = None
    markets_more: int = 0  # active market-country pairs left out to keep the report short
    actors: Table | None = None
    geography: Table | None = None
    trade_gaps: Table | None = None
    trade_chart: bytes | None = None
    trade_outliers: Table | None = None
    coverage_window: str = ""
    coverage: Table | None = None
    coverage_gaps: Table | None = None
    stage_errors: Table | None = None
    method: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    socta: SoctaSection | None = None
