"""Any table as CSV, JSON or Parquet."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
from starlette.responses import Response

from ocwatch.warehouse.query import _json_value
from ocwatch.web.db import Table

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "parquet": "application/vnd.apache.parquet"}


def _csv_cell(v: object) -> object:
    # A cell starting with = + - @ is a formula to a spreadsheet: a hostile title
    # must not run as one when an analyst opens the export (CSV injection).
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return "" if v is None else v


def encode(t: Table, fmt: str) -> bytes:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(t.columns)
        w.writerows([[_csv_cell(v) for v in r] for r in t.rows])
        return buf.getvalue().encode()
    if fmt == "json":
        return json.dumps([{c: _json_value(v) for c, v in zip(t.columns, r, strict=True)} for r in t.rows],
                          ensure_ascii=False, indent=1).encode()
    if fmt == "parquet":
        cols = {c: [r[i] for r in t.rows] for i, c in enumerate(t.columns)}
        buf = io.BytesIO()
        pq.write_table(pa.table(cols), buf)
        return buf.getvalue()
    raise ValueError(f"export format {fmt!r}: use csv, json or parquet")


def response(t: Table, name: str, fmt: str) -> Response:
    return Response(encode(t, fmt), media_type=FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
