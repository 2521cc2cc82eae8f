"""Analysts correct the machine from the workbench: mark a new link right or
wrong, merge an unknown actor, list (with filters) and undo acts
(ocwatch.feedback.store). Promotions, place corrections and grade proposals
are in pages_curate.

Every form is a POST behind ``requires("analyst")`` (role and CSRF checked
there); the store validates the act and names a bad field, shown as a 400."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from ocwatch.feedback import store
from ocwatch.feedback.acts import KINDS, FeedbackError
from ocwatch.lake.feedback_log import COLUMNS
from ocwatch.reference.actor_ids import is_extracted
from ocwatch.web.auth import posted, requires
from ocwatch.web.render import page


def act_log(request: Request) -> Path:
    return request.app.state.feedback_log


def back(target: str, act_id: str | None = None) -> RedirectResponse:
    """Back to the page the form was on (this site only), with the act id for the confirmation line."""
    parts = urlsplit(target or "/")
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        parts = urlsplit("/")
    extra = urlencode({"fb": act_id}) if act_id else ""
    query = "&".join(q for q in (parts.query, extra) if q)
    return RedirectResponse(f"{parts.path}?{query}" if query else parts.path, status_code=303)


def refused(exc: object) -> Response:
    return PlainTextResponse(f"feedback not recorded: {exc}", status_code=400)


@requires("analyst")
def mark_link(request: Request) -> Response:
    f = posted(request)
    try:
        act = store.mark_link(act_log(request), request.state.session.user, f.get("why", ""),
                              doc_id=f.get("doc_id", ""), sent_idx=int(f.get("sent_idx", "")),
                              actor_id=f.get("actor_id") or None, market=f.get("market", ""),
                              place_id=f.get("place_id", ""), verdict=f.get("verdict", ""))
    except (FeedbackError, ValueError) as exc:
        return refused(exc)
    return back(f.get("next", "/"), act["act_id"])


@requires("analyst")
def merge_actor(request: Request) -> Response:
    f = posted(request)
    actor_id = f.get("actor_id", "")
    if not is_extracted(actor_id):
        return refused(f"only an actor the reference list lacks can be merged, not {actor_id!r}")
    try:
        act = store.merge_actor(act_log(request), request.state.session.user, f.get("why", ""),
                                actor_id=actor_id, into_actor_id=f.get("into_actor_id", "").strip())
    except FeedbackError as exc:
        return refused(exc)
    return back(f"/actor?{urlencode({'id': actor_id})}", act["act_id"])


@requires("analyst")
def undo(request: Request) -> Response:
    f, session = posted(request), request.state.session
    target = next((a for a in store.list_acts(act_log(request)) if a["act_id"] == f.get("act_id")), None)
    if target is None:
        return refused(f"no feedback act {f.get('act_id', '')!r}")
    if target["who"] != session.user and not session.may("admin"):
        return PlainTextResponse("an analyst may undo only their own acts", status_code=403)
    try:
        act = store.undo(act_log(request), session.user, f.get("why") or "undone in the workbench",
                         act_id=target["act_id"])
    except FeedbackError as exc:
        return refused(exc)
    return back("/feedback", act["act_id"])


STATUSES = ("in_force", "undone")


def _status_of(act: dict) -> str:
    return "undone" if act["undone_by"] else "in_force"


def filtered_acts(acts: list[dict], p: dict[str, str]) -> list[dict]:
    """The acts a list's filters keep (kind and who are filtered by the store), newest first."""
    status, first, last = p.get("status", ""), p.get("from", ""), p.get("to", "")
    words = p.get("q", "").strip().lower()
    out = [a for a in acts
           if (status not in STATUSES or (a["kind"] != "undo" and _status_of(a) == status))
           and (not first or a["at"][:10] >= first) and (not last or a["at"][:10] <= last)
           and (not words or words in " ".join(str(v) for v in a.values() if v is not None).lower())]
    return list(reversed(out))


def _listed(request: Request, p: dict[str, str]) -> list[dict]:
    acts = store.list_acts(act_log(request), kind=p.get("kind") or None, who=p.get("who") or None)
    return filtered_acts(acts, p)


@requires("analyst")
def feedback_export(request: Request) -> Response:
    """The listed acts (the page's filters), oldest first, as JSON Lines in the log's own form:
    what `ocwatch feedback import` reads on another machine."""
    rows = reversed(_listed(request, dict(request.query_params)))
    body = "".join(json.dumps({k: a.get(k) for k in COLUMNS}, ensure_ascii=False) + "\n" for a in rows)
    return Response(body, media_type="application/x-ndjson",
                    headers={"content-disposition": 'attachment; filename="feedback.jsonl"'})


@requires("viewer")
def feedback_page(request: Request) -> Response:
    p = dict(request.query_params)
    everyone = sorted({a["who"] for a in store.list_acts(act_log(request))})
    return page(request, "feedback.html", acts=_listed(request, p), kinds=KINDS, statuses=STATUSES,
                people=everyone, tp=p)
