"""The Starlette application: routes, static files, security headers."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ocwatch.web import (
    pages,
    pages_admin,
    pages_curate,
    pages_entities,
    pages_feedback,
    pages_search,
    pages_watches,
)
from ocwatch.web.db import Warehouse
from ocwatch.web.render import page
from ocwatch.web.search import IndexMissing
from ocwatch.web.store import SESSION_SECONDS, Store

STATIC = Path(__file__).parent / "static"
USERS_FILE = "web-users.sqlite"

# No inline script runs (every script is a file under /static); Vega compiles its
# expressions with Function(), hence 'unsafe-eval' (docs/WORKBENCH.md).
CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'none'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cache-control", b"no-store")]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] != b"cache-control" or not static]
                headers += [h for h in HEADERS if not (static and h[0] == b"cache-control")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def health(request: Request) -> Response:
    return PlainTextResponse("ok")


async def index_missing(request: Request, exc: Exception) -> Response:
    """A page that needs the search index when there is none: say so, and how to build it."""
    return page(request, "unavailable.html", status=503, reason=str(exc))


ROUTES = [
    Route("/", pages.home), Route("/trends", pages.trends), Route("/map", pages.map_page), Route("/map/admin1.json", pages.map_admin1),
    Route("/trade", pages.trade), Route("/evidence", pages.evidence),
    Route("/search", pages_search.search_page),
    Route("/export/{name}.{fmt}", pages_search.export_table),
    Route("/actor", pages_entities.actor), Route("/place", pages_entities.place),
    Route("/market", pages_entities.market), Route("/source", pages_entities.source),
    Route("/doc", pages_entities.document),
    Route("/login", pages_admin.login, methods=["GET", "POST"]),
    Route("/logout", pages_admin.logout, methods=["POST"]),
    Route("/console", pages_admin.console, methods=["GET", "POST"]),
    Route("/users", pages_admin.users, methods=["GET", "POST"]),
    Route("/feedback", pages_feedback.feedback_page),
    Route("/feedback.jsonl", pages_feedback.feedback_export),
    Route("/feedback/link", pages_feedback.mark_link, methods=["POST"]),
    Route("/feedback/merge", pages_feedback.merge_actor, methods=["POST"]),
    Route("/feedback/undo", pages_feedback.undo, methods=["POST"]),
    Route("/feedback/promote", pages_curate.promote_actor, methods=["POST"]),
    Route("/feedback/place", pages_curate.correct_place, methods=["POST"]),
    Route("/feedback/grade", pages_curate.propose_grade, methods=["POST"]),
    Route("/feedback/review", pages_curate.review_page),
    Route("/feedback/review/grade", pages_curate.review_grade, methods=["POST"]),
    Route("/watches", pages_watches.watches_page),
    Route("/watches/add", pages_watches.add_watch, methods=["POST"]),
    Route("/watches/delete", pages_watches.delete_watch, methods=["POST"]),
    Route("/watches/channels", pages_watches.set_channels, methods=["POST"]),
    Route("/healthz", health),
    Mount("/static", StaticFiles(directory=STATIC), name="static"),
]


def create_app(warehouse: Path, *, users: Path | None = None, raw_root: Path | None = None,
               trust_header: str | None = None, session_seconds: int = SESSION_SECONDS,
               clock=None, feedback_log: Path | None = None, alerts_db: Path | None = None) -> Starlette:
    """The workbench over a warehouse file (opened read-only). ``users`` is the
    accounts store (default: web-users.sqlite beside the warehouse); ``raw_root``
    the data root's raw/ folder for stored copies; ``trust_header`` the header an
    authenticating reverse proxy sets (off when None); ``feedback_log`` the analysts'
    acts (Settings.feedback_log; default: feedback/acts.jsonl beside the warehouse);
    ``alerts_db`` the watches and their deliveries (Settings.alerts_db; default:
    alerts/alerts.sqlite beside the warehouse)."""
    warehouse = Path(warehouse)
    app = Starlette(routes=ROUTES, middleware=[Middleware(SecurityHeaders)],
                    exception_handlers={IndexMissing: index_missing})
    kwargs = {"clock": clock} if clock else {}
    app.state.store = Store(users or warehouse.with_name(USERS_FILE), session_seconds, **kwargs)
    app.state.warehouse = Warehouse(warehouse)
    app.state.raw_root = Path(raw_root) if raw_root else warehouse.parent / "raw"
    app.state.feedback_log = Path(feedback_log) if feedback_log else warehouse.parent / "feedback" / "acts.jsonl"
    app.state.alerts_db = Path(alerts_db) if alerts_db else warehouse.parent / "alerts" / "alerts.sqlite"
    app.state.trust_header = trust_header.lower() if trust_header else None
    return app
