"""An analyst's own watches (saved searches) and the alert digests sent for them.

Watches live in the alerts store (ocwatch.feedback.watches, ``Settings.alerts_db``),
keyed by the workbench user's name, so the nightly alerts task reads what was
saved here. A user sees and deletes only their own watches; a webhook URL is
taken in and never shown back (whoever holds it can post to the channel).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ocwatch.feedback import watches
from ocwatch.feedback.watches import WATCH_FIELDS, WatchError
from ocwatch.web.auth import posted, requires
from ocwatch.web.pages_feedback import back
from ocwatch.web.render import page


def _db(request: Request) -> Path:
    return request.app.state.alerts_db


def _refused(exc: object) -> Response:
    return PlainTextResponse(f"watch not saved: {exc}", status_code=400)


def _me(request: Request) -> dict | None:
    user = request.state.session.user
    return next((u for u in watches.users(_db(request)) if u["user_id"] == user), None)


@requires("viewer")
def watches_page(request: Request) -> Response:
    user = request.state.session.user
    return page(request, "watches.html", watches=watches.watches(_db(request), user), me=_me(request),
                deliveries=watches.deliveries(_db(request), user), fields=WATCH_FIELDS)


@requires("analyst")
def add_watch(request: Request) -> Response:
    f, user = posted(request), request.state.session.user
    fields = {k: f.get(k) for k in WATCH_FIELDS}
    name = f.get("name", "").strip() or ", ".join(v for v in fields.values() if v) or "watch"
    try:
        if _me(request) is None:  # a workbench user watching for the first time
            watches.set_user(_db(request), user)
        watch = watches.add_watch(_db(request), user, name[:200], **fields)
    except WatchError as exc:
        return _refused(exc)
    return back(f"/watches?{urlencode({'saved': watch['watch_id']})}")


@requires("analyst")
def delete_watch(request: Request) -> Response:
    f, user = posted(request), request.state.session.user
    if not watches.remove_watch(_db(request), f.get("watch_id", ""), user_id=user):
        return PlainTextResponse(f"no watch {f.get('watch_id', '')!r} of yours to delete", status_code=404)
    return back("/watches")


@requires("analyst")
def set_channels(request: Request) -> Response:
    f, user = posted(request), request.state.session.user
    try:
        watches.set_user(_db(request), user, email=f.get("email", "").strip() or None,
                         webhook_url=f.get("webhook_url", "").strip() or None)
    except WatchError as exc:
        return _refused(exc)
    return back("/watches")
