"""Read-only access to the warehouse for one report week.

Every query names the tables it needs; a missing table (trade never pulled) or
a view whose lake files are gone answers ``None``, so the section says "no
data" instead of the report dying.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.warehouse.query import register_lake

Row = dict[str, Any]


class WarehouseReader:
    """A read-only DuckDB connection answering rows as dicts."""

    def __init__(self, db_path: Path) -> None:
        if not Path(db_path).is_file():
            raise FileNotFoundError(f"warehouse {db_path} does not exist: run the build stage first")
        self.path = Path(db_path)
        self.con = duckdb.connect(str(db_path), read_only=True)
        register_lake(self.con)  # views mode and documents_text read the lake, local or in object storage
        self.problems: list[str] = []
        found = self.con.execute("select table_name from information_schema.tables").fetchall()
        self.tables = {name for (name,) in found}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> WarehouseReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, tables: tuple[str, ...], sql: str, params: list[Any] | None = None) -> list[Row] | None:
        """Rows of a query, or None when a table it reads is missing or unreadable."""
        missing = [t for t in tables if t not in self.tables]
        if missing:
            return None
        try:
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        except duckdb.Error as exc:
            # A view over a lake folder that vanished: say so, keep rendering.
            self.problems.append(f"{', '.join(tables)}: {type(exc).__name__}: {exc}".splitlines()[0])
            return None

    def columns(self, table: str) -> set[str]:
        found = self.con.execute(
            "select column_name from information_schema.columns where table_name = ?", [table]).fetchall()
        return {name for (name,) in found}

    def labels(self, table: str, key: str, lang: str) -> dict[str, str]:
        found = self.rows((table,), f'select "{key}" as k, label_{lang} as label from "{table}"')
        return {r["k"]: r["label"] for r in found or []}


def activity(db: WarehouseReader, first_week: str, week: str) -> list[Row] | None:
    """market_activity_weekly from ``first_week`` to ``week`` (string order is week order)."""
    return db.rows(("market_activity_weekly",), """
        select * from market_activity_weekly where week between ? and ?
        order by market, country_iso3, week""", [first_week, week])


# A sentence that ends as prose does; a heading ("1. Gold in Ituri") names the market and place but says nothing.
_PROSE = r"""regexp_matches(coalesce(sentence, ''), '[.!?…]["”»)\]]{0,2}\s*$') desc"""


def evidence(db: WarehouseReader, indicator: str, week: str) -> list[Row] | None:
    """Evidence rows, best first: sentences naming the country, originals before wire copies,
    whole sentences before headings, most reliable, newest (the optional columns are used when
    the warehouse has them)."""
    cols = db.columns("evidence")
    first = [f"{c} desc nulls last" for c in ("in_country", "is_original") if c in cols]
    order = ", ".join([*first, _PROSE, "sentence is null", "reliability nulls last",
                       "published_at desc nulls last", "doc_id", "sent_idx"])
    return db.rows(("evidence",), f"""
        select * from evidence where indicator = ? and week = ?
        order by market, country_iso3, {order}""", [indicator, week])


def spike_subjects(db: WarehouseReader, week: str) -> list[Row] | None:
    """For each spike of the week: the commodities and the places of its country named in the
    sentences that located it, each with the number of documents naming it."""
    return db.rows(("evidence", "mentions_reviewed", "places", "market_activity_weekly"), """
        select e.market, e.country_iso3, m.kind, m.entity_id, any_value(p.name) as place_name,
               any_value(coalesce(m.admin1, p.admin1)) as admin1, count(distinct e.doc_id) as documents
        from evidence e
        join market_activity_weekly s on s.is_spike and s.market = e.market
             and s.country_iso3 = e.country_iso3 and s.week = e.week
        join mentions_reviewed m on m.doc_id = e.doc_id and m.sent_idx = e.sent_idx
        left join places p on p.place_id = m.entity_id
        where e.indicator = 'market_activity_weekly' and e.week = ?
          and coalesce(m.status, 'asserted') = 'asserted'
          and (m.kind = 'commodity' or (m.kind = 'location' and m.country_iso3 = e.country_iso3))
        group by e.market, e.country_iso3, m.kind, m.entity_id
        order by documents desc, m.entity_id""", [week])


def spike_documents(db: WarehouseReader, week: str) -> list[Row] | None:
    """The documents counted for each spike of the week."""
    return db.rows(("evidence", "market_activity_weekly"), """
        select distinct e.market, e.country_iso3, e.doc_id from evidence e
        join market_activity_weekly s on s.is_spike and s.market = e.market
             and s.country_iso3 = e.country_iso3 and s.week = e.week
        where e.indicator = 'market_activity_weekly' and e.week = ?""", [week])


def new_links(db: WarehouseReader, week: str) -> list[Row] | None:
    return db.rows(("new_links",), """
        select * from new_links where week = ?
        order by first_seen_at, actor_name, market, place_name, reliability""", [week])


def earlier_pairs(db: WarehouseReader, week: str) -> set[tuple[str, str]] | None:
    """(actor_id, market) pairs already linked before ``week``, at any place."""
    found = db.rows(("new_links",), """
        select distinct actor_id, market from new_links where week < ?""", [week])
    return None if found is None else {(r["actor_id"], r["market"]) for r in found}


def _period_window(end: dt.date) -> tuple[int, str]:
    # Trade is monthly or annual and late: look back a year before the week's month.
    return end.year - 1, f"{end.year:04d}-{end.month:02d}"


def mirror_gaps(db: WarehouseReader, end: dt.date, limit: int = 8) -> list[Row] | None:
    first_year, last = _period_window(end)
    return db.rows(("trade_mirror_gaps",), """
        select * from trade_mirror_gaps
        where try_cast(left(period, 4) as int) >= ? and period <= ?
          and (abs(gap_usd) > 0 or status = 'query_failed')
        order by abs(gap_usd) desc nulls last, period desc limit ?""", [first_year, last, limit])


def unit_value_outliers(db: WarehouseReader, end: dt.date, limit: int = 8) -> list[Row] | None:
    first_year, last = _period_window(end)
    return db.rows(("trade_unit_values",), """
        select * from trade_unit_values
        where is_outlier and try_cast(left(period, 4) as int) >= ? and period <= ?
        order by abs(robust_z) desc nulls last, period desc limit ?""", [first_year, last, limit])


def coverage(db: WarehouseReader, start: dt.date, end: dt.date) -> list[Row] | None:
    """Per source over the week; sources of the registry with no request show as not crawled."""
    if "sources" in db.tables:
        return db.rows(("coverage", "sources"), """
            with c as (
              select source_id, sum(requests) as requests, sum(ok) as ok, sum(failed) as failed,
                     sum(not_modified) as not_modified,
                     string_agg(distinct nullif(error_kinds, ''), ',') as error_kinds
              from coverage where "date" between ? and ? group by source_id)
            select coalesce(s.source_id, c.source_id) as source_id, s.name, s.reliability,
                   c.requests, c.ok, c.failed, c.not_modified, c.error_kinds
            from sources s full join c on s.source_id = c.source_id
            order by c.failed desc nulls first, 1""", [start, end])
    return db.rows(("coverage",), """
        select source_id, null as name, null as reliability, sum(requests) as requests,
               sum(ok) as ok, sum(failed) as failed, sum(not_modified) as not_modified,
               string_agg(distinct nullif(error_kinds, ''), ',') as error_kinds
        from coverage where "date" between ? and ? group by source_id order by failed desc, 1""",
        [start, end])


def coverage_gaps(db: WarehouseReader, week: str) -> list[Row] | None:
    return db.rows(("coverage_gaps",), """
        select * from coverage_gaps where week = ? order by source_id, country_iso3""", [week])


def stage_errors(db: WarehouseReader, start: dt.date, end: dt.date) -> list[Row] | None:
    return db.rows(("errors",), """
        select stage, error_kind, count(*) as n from errors
        where partition_date between ? and ? group by all order by n desc, stage""", [start, end])


def run_health(db: WarehouseReader, start: dt.date, end: dt.date) -> list[Row] | None:
    """Stages that were degraded or failed on a night of the window, each with the inputs that failed (run_health)."""
    return db.rows(("run_health",), """
        select stage, status || ' ' || strftime(partition_date, '%Y-%m-%d') || ': '
                      || coalesce(replace(detail, chr(10), '; '), 'no detail') as error_kind,
               greatest(failed, 1) as n
        from run_health where partition_date between ? and ? and status <> 'ok'
        order by partition_date, stage""", [start, end])


def market_signals(db: WarehouseReader, month: str) -> list[Row] | None:
    return db.rows(("market_signals",), """
        select * from market_signals where month = ? order by country_iso3, market""", [month])
