"""Log in and out, the admin's read-only SQL console, and the users list."""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ocwatch.warehouse.query import QueryError
from ocwatch.web.auth import COOKIE, form, posted, requires, set_session_cookie
from ocwatch.web.db import console_query
from ocwatch.web.render import page
from ocwatch.web.store import ROLES, StoreError

LOGIN_CSRF = "ocwatch_login_csrf"
CONSOLE_ROWS, CONSOLE_SECONDS = 1000, 5.0


def _next(target: str | None) -> str:
    # Only a path on this site: never an open redirect to another host.
    target = target or "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


async def login(request: Request) -> Response:
    if request.method == "GET":
        token = secrets.token_urlsafe(24)
        response = page(request, "login.html", login_csrf=token, next=_next(request.query_params.get("next")))
        response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", max_age=3600)
        return response
    f = await form(request)
    cookie = request.cookies.get(LOGIN_CSRF, "")
    if not cookie or not hmac.compare_digest(f.get("csrf", "").encode(), cookie.encode()):
        return Response("CSRF token missing or wrong: reload the login page", status_code=403)
    store = request.app.state.store
    name = f.get("user", "").strip()
    if not await run_in_threadpool(store.check_password, name, f.get("password", "")):
        token = secrets.token_urlsafe(24)
        response = page(request, "login.html", status=401, error=True, login_csrf=token, next=_next(f.get("next")))
        response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", max_age=3600)
        return response
    response = RedirectResponse(_next(f.get("next")), status_code=303)
    set_session_cookie(request, response, store.open_session(name))
    response.delete_cookie(LOGIN_CSRF)
    return response


@requires("viewer")
def logout(request: Request) -> Response:
    request.app.state.store.close_session(request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@requires("admin")
def console(request: Request) -> Response:
    sql, result, more, error = "", None, False, None
    if request.method == "POST":
        sql = posted(request).get("sql", "")
        try:
            result, more = console_query(request.app.state.warehouse, sql, CONSOLE_ROWS, CONSOLE_SECONDS)
        except QueryError as exc:
            error = str(exc)
    return page(request, "console.html", sql=sql, result=result, more=more, error=error,
                rows=CONSOLE_ROWS, secs=CONSOLE_SECONDS)


@requires("admin")
def users(request: Request) -> Response:
    store, error = request.app.state.store, None
    if request.method == "POST":
        f = posted(request)
        try:
            store.add_user(f.get("name", ""), f.get("role", ""), f.get("password", ""))
        except StoreError as exc:
            error = str(exc)
    return page(request, "users.html", users=store.users(), roles=ROLES, error=error)


