"""Entity pages: actor, place, market, source, and the stored document."""

from __future__ import annotations

import gzip
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from ocwatch.feedback.acts import GRADES
from ocwatch.web import charts, lookup, pages_curate, queries
from ocwatch.web import queries_entities as qe
from ocwatch.web.auth import requires
from ocwatch.web.pages import _markets, wh
from ocwatch.web.render import lang_of, page
from ocwatch.web.search import current_index

RAW_LIMIT = 512 * 1024  # the raw page shown is cut here; the stored copy stays whole on disk


def _missing(request: Request, what: str, value: str) -> Response:
    return page(request, "missing.html", status=404, what=what, value=value)


@requires("viewer")
def actor(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    a = qe.actor(w, p.get("id", ""))
    if a is None:
        return _missing(request, "actor", p.get("id", ""))
    timeline = qe.actor_timeline(w, p)
    markets = qe.actor_markets(w, p)
    first = min((r[2] for r in markets.rows if r[2] is not None), default=None)
    return page(request, "actor.html", a=a, markets=_markets(request), actor_markets=markets,
                places=qe.actor_places(w, p), evidence=qe.actor_evidence(w, p), first_seen=first,
                spec=charts.timeline_spec(timeline) if timeline.rows else None, tp=p,
                actor_types=pages_curate.actor_type_options(lang_of(request)))


@requires("viewer")
def place(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    pl = qe.place(w, p.get("id", ""))
    if pl is None:
        return _missing(request, "place", p.get("id", ""))
    return page(request, "place.html", pl=pl, links=qe.place_links(w, p), evidence=qe.place_evidence(w, p),
                markets=_markets(request), tp=p, **pages_curate.place_form())


@requires("viewer")
def market(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    markets = _markets(request)
    if p.get("id", "") not in markets:
        return _missing(request, "market", p.get("id", ""))
    countries = qe.market_countries(w, p)
    return page(request, "market.html", markets=markets, countries=countries, actors=qe.market_actors(w, p),
                spec=charts.bars_spec(countries, "country_iso3", "score") if countries.rows else None, tp=p)


@requires("viewer")
def source(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    s = qe.source(w, p.get("id", ""))
    if s is None:
        return _missing(request, "source", p.get("id", ""))
    health = qe.source_health(w, p)
    requests_ = sum(r[1] or 0 for r in health.rows)
    failed = sum(r[3] or 0 for r in health.rows)
    return page(request, "source.html", s=s, health=health, docs=qe.source_documents(w, p),
                failed_share=(failed / requests_) if requests_ else None, tp=p, grades=GRADES)


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


@requires("viewer")
def document(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    doc = lookup.document(current_index(w), p.get("id", ""))
    if doc is None:
        return _missing(request, "document", p.get("id", ""))
    raw = None
    if p.get("raw"):
        raw = raw_text(request.app.state.raw_root, _raw_rel(doc.get("raw_path")))
    return page(request, "document.html", doc=doc, text=doc["text"], raw=raw,
                sentences=qe.document_sentences(w, p), highlight=p.get("s"), tp=p)


def _raw_rel(raw_path: str | None) -> str | None:
    # documents.raw_path is "raw/<aa>/<sha>.gz" or "<aa>/<sha>.gz" under the data root's raw/.
    if not raw_path:
        return None
    return raw_path[4:] if raw_path.startswith("raw/") else raw_path


_ = queries  # the entity tables register themselves in queries.TABLES on import
