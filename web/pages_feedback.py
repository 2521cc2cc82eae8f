"""Analysts correct the machine from the workbench: mark a new link right or
wrong, merge an unknown actor, list and undo acts (ocwatch.feedback.store).

Every form is a POST behind ``requires("analyst")`` (role and CSRF checked
there); the store validates the act and names a bad field, shown as a 400."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from ocwatch.feedback import store
from ocwatch.feedback.acts import FeedbackError
from ocwatch.web.auth import posted, requires
from ocwatch.web.render import page


def _log(request: Request):
    return request.app.state.feedback_log


def _back(target: str, act_id: str) -> RedirectResponse:
    """Back to the page the form was on (this site only), with the act id for the confirmation line."""
    parts = urlsplit(target or "/")
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        parts = urlsplit("/")
    query = "&".join(q for q in (parts.query, urlencode({"fb": act_id})) if q)
    return RedirectResponse(f"{parts.path}?{query}", status_code=303)


def _refused(exc: Exception) -> Response:
    return PlainTextResponse(f"feedback not recorded: {exc}", status_code=400)


@requires("analyst")
def mark_link(request: Request) -> Response:
    f = posted(request)
    try:
        act = store.mark_link(_log(request), request.state.session.user, f.get("why", ""),
                              doc_id=f.get("doc_id", ""), sent_idx=int(f.get("sent_idx", "")),
                              actor_id=f.get("actor_id") or None, market=f.get("market", ""),
                              place_id=f.get("place_id", ""), verdict=f.get("verdict", ""))
    except (FeedbackError, ValueError) as exc:
        return _refused(exc)
    return _back(f.get("next", "/"), act["act_id"])


@requires("analyst")
def merge_actor(request: Request) -> Response:
    f = posted(request)
    actor_id = f.get("actor_id", "")
    if not actor_id.startswith("unknown:"):
        return _refused(f"only an unknown: actor can be merged, not {actor_id!r}")
    try:
        act = store.merge_actor(_log(request), request.state.session.user, f.get("why", ""),
                                actor_id=actor_id, into_actor_id=f.get("into_actor_id", "").strip())
    except FeedbackError as exc:
        return _refused(exc)
    return _back(f"/actor?{urlencode({'id': actor_id})}", act["act_id"])


@requires("analyst")
def undo(request: Request) -> Response:
    f, session = posted(request), request.state.session
    target = next((a for a in store.list_acts(_log(request)) if a["act_id"] == f.get("act_id")), None)
    if target is None:
        return _refused(f"no feedback act {f.get('act_id', '')!r}")
    if target["who"] != session.user and not session.may("admin"):
        return PlainTextResponse("an analyst may undo only their own acts", status_code=403)
    try:
        act = store.undo(_log(request), session.user, f.get("why") or "undone in the workbench",
                         act_id=target["act_id"])
    except FeedbackError as exc:
        return _refused(exc)
    return _back("/feedback", act["act_id"])


@requires("viewer")
def feedback_page(request: Request) -> Response:
    acts = list(reversed(store.list_acts(_log(request))))
    return page(request, "feedback.html", acts=acts)
