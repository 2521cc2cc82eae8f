"""A partner export for a Serious and Organized Crime Threat Assessment: one Frictionless Data Package.

``export_socta(warehouse, folder, first, last)`` writes CSV tables of a
period (whole ISO weeks) with a ``datapackage.json`` whose table schemas are
derived from the warehouse's own column types and column documentation, and
the method text (``method.md``): the weekly indicators, the report's
findings for each week (the same ``build_report`` the weekly report renders,
so the report and the export say the same thing), new links and the
evidence sentences behind links and spikes with source URLs and grades, the
sources and their grades, coverage gaps, and the taxonomy. Everything is
read from the warehouse read-only; the package is written in a temp folder
and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.report.assemble import build_report
from ocwatch.report.socta_tables import FINDINGS_AT, TABLES, package_name, period_filter
from ocwatch.warehouse.models_runner import discover

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
FRICTIONLESS_TYPES = {"VARCHAR": "string", "BIGINT": "integer", "INTEGER": "integer", "HUGEINT": "integer",
                      "SMALLINT": "integer", "DOUBLE": "number", "FLOAT": "number", "BOOLEAN": "boolean",
                      "DATE": "date", "TIMESTAMP": "datetime", "TIMESTAMP WITH TIME ZONE": "datetime"}
METHOD = """# ocwatch SOCTA export: method

Built by ocwatch from open sources (news, feeds, UN and NGO reports) and UN Comtrade statistics.

- **market_activity**: per GI-TOC criminal market, country and ISO week, the documents that mention the
  market and a place in the country; `score` sums the reliability weights of distinct original documents
  (Admiralty grade A=1.0, B=0.8, C=0.6, D=0.4, E=0.3, F=0.2; a wire copy counts for its original only);
  `z` compares the score with the previous 12 weeks (gap weeks left out); a spike is z >= 3 with at least
  3 independent sources. A gap week (`is_gap`) is one in which no source covering the country answered:
  unknown, not zero.
- **new_links**: actor, market and place combinations on the week first seen, with the first sentence.
- **evidence**: every sentence behind each new link and each spike of the period, with its URL, source and grade.
- **findings**: what the weekly report says for each week of the period, with confidence and grades.
- **sources**: every source with its Admiralty reliability grade. **coverage_gaps**: weeks without coverage.
- **markets, actor_types, commodities, actors**: the taxonomy the extraction uses (GI-TOC markets and actor types).

Analysts' corrections recorded in ocwatch (links or mentions marked wrong, actors merged or promoted,
places corrected) are applied to every table. Machine extraction makes errors: read the evidence.
"""


def _week_monday(value: str) -> dt.date:
    m = WEEK_RE.match(value)
    if not m:
        raise ValueError(f"invalid week {value!r}: expected YYYY-Www")
    return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)


def parse_period(start: str, end: str) -> tuple[dt.date, dt.date]:
    """(first Monday, last Monday) of the whole ISO weeks a period of weeks or dates covers."""
    try:
        first = _week_monday(start) if WEEK_RE.match(start) else dt.date.fromisoformat(start)
        last = _week_monday(end) if WEEK_RE.match(end) else dt.date.fromisoformat(end)
    except ValueError as exc:
        raise ValueError(f"invalid period {start}..{end}: {exc}") from None
    first, last = first - dt.timedelta(days=first.weekday()), last - dt.timedelta(days=last.weekday())
    if last < first:
        raise ValueError(f"invalid period {start}..{end}: it ends before it starts")
    return first, last


def _column_docs() -> dict[str, dict[str, str]]:
    return {m.name: m.column_docs for m in discover()}


def _select(con: duckdb.DuckDBPyConnection, table: str) -> tuple[list[tuple[str, str]], str]:
    """(column, DuckDB type) pairs and a SELECT list writing each as Frictionless reads it."""
    cols = [(r[0], r[1]) for r in con.execute(f'describe "{table}"').fetchall()]
    exprs = []
    for name, kind in cols:
        if kind.startswith("TIMESTAMP"):
            exprs.append(f"strftime(timezone('UTC', \"{name}\"::TIMESTAMPTZ), '%Y-%m-%dT%H:%M:%SZ') as \"{name}\"")
        elif kind.endswith("[]"):
            exprs.append(f"array_to_string(\"{name}\", ';') as \"{name}\"")
        else:
            exprs.append(f'"{name}"')
    return cols, ", ".join(exprs)


def _field(name: str, kind: str, doc: str | None) -> dict[str, Any]:
    field = {"name": name, "type": FRICTIONLESS_TYPES.get(kind, "string")}
    if kind.endswith("[]"):
        doc = (doc or "") + " (';'-separated)"
    if doc:
        field["description"] = doc.strip()
    return field


def _write_table(con: duckdb.DuckDBPyConnection, folder: Path, name: str, docs: dict[str, dict[str, str]],
                 first: dt.date, last: dt.date) -> dict[str, Any]:
    table, where, order = period_filter(name, first, last)
    cols, select = _select(con, table)
    path = folder / f"{name}.csv"
    con.execute(f"copy (select {select} from \"{table}\" where {where} order by {order}) "
                f"to '{path}' (header, delimiter ',')")
    return {"name": name, "path": path.name, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [_field(c, k, docs.get(table, {}).get(c)) for c, k in cols]}}


def _findings(warehouse: Path, folder: Path, first: dt.date, last: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The report's findings for every week of the period, and the report's method lines."""
    rows, method, monday = [], [], first
    while monday <= last:
        year, week, _ = monday.isocalendar()
        report = build_report(warehouse, f"{year}-W{week:02d}", "en")
        rows += [{"week": report.week, "kind": f.kind, "text": f.text, "confidence": f.confidence,
                  "grades": f.grades, "sources": f.sources} for f in report.findings]
        method = report.method
        monday += dt.timedelta(weeks=1)
    with duckdb.connect() as mem:
        mem.execute("create table findings (week VARCHAR, kind VARCHAR, text VARCHAR, confidence VARCHAR, "
                    "grades VARCHAR, sources BIGINT)")
        mem.executemany("insert into findings values (?, ?, ?, ?, ?, ?)", [list(r.values()) for r in rows])
        mem.execute(f"copy findings to '{folder / 'findings.csv'}' (header, delimiter ',')")
    docs = {"week": "ISO week of the report", "kind": "spike, link, gap or uv (unit value)",
            "text": "the finding as the weekly report states it", "confidence": "confidence the report gives",
            "grades": "reliability grades of the sources behind it", "sources": "independent sources behind it"}
    kinds = {"sources": "BIGINT"}
    return ({"name": "findings", "path": "findings.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": [_field(c, kinds.get(c, "VARCHAR"), d) for c, d in docs.items()]}}, method)


def export_socta(warehouse: Path, folder: Path, first: dt.date, last: dt.date) -> Path:
    """Write the package for the ISO weeks from ``first`` to ``last`` (Mondays); returns datapackage.json."""
    folder = Path(folder)
    tmp = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}.tmp")
    tmp.mkdir(parents=True)
    try:
        docs = _column_docs()
        with duckdb.connect(str(warehouse), read_only=True) as con:
            built = con.execute("select as_of from build_info").fetchone()[0]
            resources = [_write_table(con, tmp, name, docs, first, last) for name in TABLES]
        findings, report_method = _findings(warehouse, tmp, first, last)
        resources.insert(FINDINGS_AT, findings)
        method = METHOD + "\n## As the weekly report states it\n\n" + "\n".join(f"- {line}" for line in report_method)
        (tmp / "method.md").write_text(method + "\n", encoding="utf-8")
        resources.append({"name": "method", "path": "method.md", "format": "md", "mediatype": "text/markdown",
                          "encoding": "utf-8"})
        package = {"name": package_name(first, last), "title": f"ocwatch SOCTA export, {first} to "
                   f"{last + dt.timedelta(days=6)}", "description": METHOD.split("\n", 2)[2].split("\n\n")[0],
                   "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
                   "version": f"warehouse as of {built}", "resources": resources}
        (tmp / "datapackage.json").write_text(json.dumps(package, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        tmp.rename(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder / "datapackage.json"
