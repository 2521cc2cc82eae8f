"""Entity pages: actor, place, market, source, and the stored document.

Each page is its entity's row (404 when the id names none), its tables (queries_entities)
and a few things of its own; the template is named for the kind.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ocwatch.feedback.acts import GRADES
from ocwatch.web import charts, pages_curate
from ocwatch.web import queries_entities as qe
from ocwatch.web.auth import requires
from ocwatch.web.db import Table
from ocwatch.web.pages import _markets, wh
from ocwatch.web.render import lang_of, page

RAW_LIMIT = 512 * 1024  # the raw page shown is cut here; the stored copy stays whole on disk

Extra = Callable[[Request, dict[str, str], dict[str, Any], dict[str, Table]], dict[str, Any]]


@dataclass(frozen=True)
class EntityPage:
    entity: qe.Entity
    row_as: str  # the template's name for the entity's row
    extra: Extra  # what the page shows besides the row and the tables

    @property
    def __name__(self) -> str:  # requires() copies it onto its wrapper: the route is named for the kind, as for a function
        return self.entity.kind

    def __call__(self, request: Request) -> Response:
        w, p = wh(request), dict(request.query_params)
        row = self.entity.row(w, p)
        if row is None:
            return page(request, "missing.html", status=404, what=self.entity.kind, value=p.get("id", ""))
        tables = self.entity.all_tables(w, p)
        return page(request, f"{self.entity.kind}.html", tables=tables, tp=p, **{self.row_as: row},
                    **self.extra(request, p, row, tables))


def _actor(request: Request, p: dict[str, str], row: dict[str, Any], tables: dict[str, Table]) -> dict[str, Any]:
    timeline = tables["timeline"]
    first = min((r[2] for r in tables["markets"].rows if r[2] is not None), default=None)
    return {"markets": _markets(request), "first_seen": first,
            "spec": charts.timeline_spec(timeline) if timeline.rows else None,
            "actor_types": pages_curate.actor_type_options(lang_of(request))}


def _place(request: Request, p: dict[str, str], row: dict[str, Any], tables: dict[str, Table]) -> dict[str, Any]:
    return {"markets": _markets(request), **pages_curate.place_form()}


def _market(request: Request, p: dict[str, str], row: dict[str, Any], tables: dict[str, Table]) -> dict[str, Any]:
    countries = tables["countries"]
    return {"markets": _markets(request),
            "spec": charts.bars_spec(countries, "country_iso3", "score") if countries.rows else None}


def _source(request: Request, p: dict[str, str], row: dict[str, Any], tables: dict[str, Table]) -> dict[str, Any]:
    health = tables["health"].rows
    requests_ = sum(r[1] or 0 for r in health)
    failed = sum(r[3] or 0 for r in health)
    return {"failed_share": (failed / requests_) if requests_ else None, "grades": GRADES}


def _document(request: Request, p: dict[str, str], row: dict[str, Any], tables: dict[str, Table]) -> dict[str, Any]:
    raw = raw_text(request.app.state.raw_root, _raw_rel(row.get("raw_path"))) if p.get("raw") else None
    return {"text": row["text"], "raw": raw, "highlight": p.get("s")}


actor = requires("viewer")(EntityPage(qe.ACTOR, "a", _actor))
place = requires("viewer")(EntityPage(qe.PLACE, "pl", _place))
market = requires("viewer")(EntityPage(qe.MARKET, "market", _market))
source = requires("viewer")(EntityPage(qe.SOURCE, "s", _source))
document = requires("viewer")(EntityPage(qe.DOCUMENT, "doc", _document))


def raw_text(raw_root: Path, raw_path: str | None) -> str | None:
    """The stored response body as text, for display inside <pre> (escaped, never rendered)."""
    if not raw_path:
        return None
    path = (raw_root / raw_path).resolve()
    if raw_root.resolve() not in path.parents or not path.is_file():
        return None
    with gzip.open(path, "rb") as f:
        data = f.read(RAW_LIMIT + 1)
    text = data[:RAW_LIMIT].decode("utf-8", "replace")
    return text + ("\n…" if len(data) > RAW_LIMIT else "")


def _raw_rel(raw_path: str | None) -> str | None:
    # documents.raw_path is "raw/<aa>/<sha>.gz" or "<aa>/<sha>.gz" under the data root's raw/.
    if not raw_path:
        return None
    return raw_path[4:] if raw_path.startswith("raw/") else raw_path
