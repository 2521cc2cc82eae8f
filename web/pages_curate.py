"""Analysts add to the reference data from the workbench: promote an unknown
name to a new actor, correct a wrongly resolved place, propose a source's grade;
an admin accepts or rejects grade proposals on the review page.

Every form is a POST behind ``requires`` (role and CSRF checked there); the
store validates the act and names a bad field, shown as a 400. What the forms
offer (actor types, reference places) comes from the reference data the
extraction uses, so a choice made here is one the next build knows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from ocwatch.feedback import store
from ocwatch.feedback.acts import PLACE_KINDS, FeedbackError
from ocwatch.reference import taxonomy
from ocwatch.web.auth import posted, requires
from ocwatch.web.pages_feedback import act_log, back, refused
from ocwatch.web.render import page


def actor_type_options(lang: str) -> list[tuple[str, str]]:
    """(GI-TOC actor type, label in the page's language)."""
    return [(a.actor_type, a.label_fr if lang == "fr" else a.label_en) for a in taxonomy.actor_types()]


def place_options() -> dict[str, tuple[str, str, str | None]]:
    """Reference place id (as the extraction names it) -> (label, country, admin1)."""
    out = {}
    for p in sorted(taxonomy.places_domain(), key=lambda p: (p.country_iso3, p.name)):
        if p.kind == "region":
            continue  # a region has no single country to resolve to
        out[p.extracted_id] = (f"{p.name} ({p.country_iso3}, {p.kind})", p.country_iso3, p.admin1)
    return out


def place_form() -> dict[str, object]:
    """What the place page's correction form offers."""
    return {"place_choices": place_options(), "place_kinds": PLACE_KINDS}


def slug(name: str) -> str:
    """An id from a name: ASCII lower case, words joined by '_'."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")[:64]


def _aliases(text: str) -> list[str]:
    return [a.strip() for a in re.split(r"[;,\n]", text) if a.strip()]


def _number(value: str, name: str) -> float:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise FeedbackError(f"{name} {value!r} must be a number") from None


def _recorded(record: Callable[[], dict], target: Callable[[dict], str]) -> Response:
    """Record an act, then back to ``target(act)``; a refused act is a 400 naming its field."""
    try:
        act = record()
    except FeedbackError as exc:
        return refused(exc)
    return back(target(act), act["act_id"])


@requires("analyst")
def promote_actor(request: Request) -> Response:
    f = posted(request)
    actor_id = f.get("actor_id", "").strip() or None
    name = f.get("name", "").strip()
    return _recorded(lambda: store.promote_actor(
        act_log(request), request.state.session.user, f.get("why", ""), actor_id=actor_id,
        new_actor_id=f.get("new_actor_id", "").strip() or slug(name), name=name,
        actor_type=f.get("actor_type", ""), aliases=_aliases(f.get("aliases", "")),
        country_iso3=f.get("country_iso3", "").strip().upper() or None),
        lambda act: f"/actor?{urlencode({'id': actor_id or act['into_actor_id']})}")


def _right_place(f: dict[str, str]) -> dict[str, object]:
    """The right place's fields: a reference place chosen, or a new one given by coordinates."""
    chosen = f.get("right_place_id", "").strip()
    if chosen:
        known = place_options()
        if chosen not in known:
            raise FeedbackError(f"right place {chosen!r} is not a reference place")
        _, country, admin1 = known[chosen]
        return {"right_place_id": chosen, "country_iso3": country, "admin1": admin1,
                "name": f.get("name", "").strip() or None}
    new_name = f.get("new_name", "").strip()
    if not new_name:
        raise FeedbackError("give the right place: choose a reference place, or a new place's name and coordinates")
    return {"right_place_id": "domain:" + slug(new_name), "name": new_name,
            "country_iso3": f.get("country_iso3", "").strip().upper(),
            "admin1": f.get("admin1", "").strip().upper() or None,
            "lat": _number(f.get("lat", ""), "latitude"), "lon": _number(f.get("lon", ""), "longitude"),
            "place_kind": f.get("place_kind", "")}


@requires("analyst")
def correct_place(request: Request) -> Response:
    f = posted(request)
    place_id = f.get("place_id", "")
    return _recorded(lambda: store.correct_place(
        act_log(request), request.state.session.user, f.get("why", ""), place_id=place_id,
        doc_id=f.get("doc_id", "").strip() or None, **_right_place(f)),  # type: ignore[arg-type]
        lambda act: f"/place?{urlencode({'id': place_id})}")


@requires("analyst")
def propose_grade(request: Request) -> Response:
    f = posted(request)
    source_id = f.get("source_id", "")
    return _recorded(lambda: store.propose_grade(act_log(request), request.state.session.user, f.get("why", ""),
                                                 source_id=source_id, grade=f.get("grade", "")),
                     lambda act: f"/source?{urlencode({'id': source_id})}")


@requires("admin")
def review_page(request: Request) -> Response:
    queue = store.review(act_log(request))
    proposals = sorted(queue["grade_proposals"], key=lambda a: (a["review"] is not None, a["at"]))
    return page(request, "review.html", proposals=proposals, to_curate=queue["actors_to_curate"],
                places=[a for a in queue["corrections"] if a["kind"] == "correct_place"])


@requires("admin")
def review_grade(request: Request) -> Response:
    f = posted(request)
    return _recorded(lambda: store.review_grade(act_log(request), request.state.session.user, f.get("why", ""),
                                                act_id=f.get("act_id", ""), verdict=f.get("verdict", "")),
                     lambda act: "/feedback/review")

