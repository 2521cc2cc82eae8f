"""Who is asking, and may they: sessions, roles, CSRF, the trusted proxy header."""

from __future__ import annotations

import functools
import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs, quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from ocwatch.web.store import Session, Store

COOKIE = "ocwatch_session"
MAX_FORM = 1 << 20

Endpoint = Callable[[Request], Response]


async def form(request: Request) -> dict[str, str]:
    """The POSTed urlencoded form, first value of each field (cached on the request)."""
    if not hasattr(request.state, "form"):
        body = await request.body()
        if len(body) > MAX_FORM:
            request.state.form = {}
        else:
            parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            request.state.form = {k: v[0] for k, v in parsed.items()}
    return request.state.form


def posted(request: Request) -> dict[str, str]:
    """The form read by ``requires`` before the endpoint ran (empty for a GET)."""
    return getattr(request.state, "form", {})


def current_session(request: Request) -> Session | None:
    store: Store = request.app.state.store
    session = store.session(request.cookies.get(COOKIE))
    header = request.app.state.trust_header
    if header:
        # Behind an authenticating proxy the header names the user; the proxy must
        # strip it from clients' requests. The role still comes from the local store.
        name = request.headers.get(header)
        if name and (session is None or session.user != name) and store.role_of(name):
            token = store.open_session(name)
            request.state.new_token = token
            session = store.session(token)
    return session


def requires(role: str = "viewer") -> Callable[[Endpoint], Endpoint]:
    """Log-in, role and (for POST) CSRF checks around an endpoint, which then runs in
    a worker thread: its warehouse queries block that thread, not the server."""

    def wrap(endpoint: Endpoint) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(endpoint)
        async def guarded(request: Request) -> Response:
            session = current_session(request)
            if session is None:
                if request.method == "GET":
                    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
                return PlainTextResponse("log in first", status_code=401)
            request.state.session = session
            if not session.may(role):
                return PlainTextResponse(f"your role ({session.role}) may not do this; it needs {role}",
                                         status_code=403)
            if request.method == "POST":
                given = (await form(request)).get("csrf", "")
                if not hmac.compare_digest(given.encode(), session.csrf.encode()):
                    return PlainTextResponse("CSRF token missing or wrong: reload the page and try again",
                                             status_code=403)
            response = await run_in_threadpool(endpoint, request)
            token = getattr(request.state, "new_token", None)
            if token:
                set_session_cookie(request, response, token)
            return response

        return guarded

    return wrap


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    store: Store = request.app.state.store
    response.set_cookie(COOKIE, token, max_age=store.session_seconds, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")
