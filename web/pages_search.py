"""Search and export."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ocwatch.web import export, queries, queries_entities, queries_trends, search
from ocwatch.web.auth import requires
from ocwatch.web.db import Table
from ocwatch.web.pages import _markets, wh
from ocwatch.web.render import page
from ocwatch.web.search_query import SearchSyntaxError

_ = (queries_entities, queries_trends)  # imported for the tables they register


def _filters(p: dict) -> search.Filters:
    return search.Filters(**{k: p.get(k, "") for k in ("market", "country", "actor", "source", "grade", "language")},
                          date_from=p.get("from", ""), date_to=p.get("to", ""))


def _run(request: Request, p: dict) -> search.Results:
    index = search.current_index(wh(request))
    limit = int(p["limit"]) if p.get("limit", "").isdigit() else 50
    return search.search(index, p.get("q", ""), _filters(p), limit=min(limit, 500), sort=p.get("sort", "newest"))


@requires("viewer")
def search_page(request: Request) -> Response:
    p = dict(request.query_params)
    results, error = None, None
    if p.get("q", "").strip():
        try:
            results = _run(request, p)
        except SearchSyntaxError as exc:
            error = str(exc)
    return page(request, "search.html", results=results, error=error, markets=_markets(request),
                facet_cap=search.FACET_SAMPLE, tp=p)


def _search_table(request: Request, p: dict) -> Table:
    res = _run(request, p)
    kind = p.get("kind", "documents")
    rows = res.sentences if kind == "sentences" else res.documents
    drop = {"snippet", "title_hl"}
    cols = [c for c in (rows[0].keys() if rows else ["doc_id"]) if c not in drop]
    if kind == "sentences":  # the sentence without its highlight marks
        rows = [{**r, "sentence": str(r["sentence"]).replace("\ue000", "").replace("\ue001", "")} for r in rows]
    return Table(cols, [tuple(r[c] for c in cols) for r in rows])


@requires("analyst")
def export_table(request: Request) -> Response:
    name, fmt = request.path_params["name"], request.path_params["fmt"]
    if fmt not in export.FORMATS:
        return PlainTextResponse(f"export format {fmt!r}: use csv, json or parquet", status_code=400)
    p = dict(request.query_params)
    if name == "search":
        try:
            t = _search_table(request, p)
        except SearchSyntaxError as exc:
            return PlainTextResponse(str(exc), status_code=400)
    elif name in queries.TABLES:
        t = queries.TABLES[name](wh(request), p)
    else:
        return PlainTextResponse(f"no table named {name!r} to export", status_code=404)
    return export.response(t, name, fmt)
