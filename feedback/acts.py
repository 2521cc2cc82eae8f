"""The acts an analyst can record, each validated before it reaches the log.

One function a kind builds the act's fields; ``validate`` checks any act (the
ones built here, and the ones an import brings) and names the field that is
wrong. The build applies them (warehouse/models/dims/feedback_*.sql); this
module only says what a well-formed act is.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from ocwatch.lake.feedback_log import COLUMNS
from ocwatch.reference.actor_ids import is_extracted
from ocwatch.reference.taxonomy import FEEDBACK_PLACE_KINDS

KINDS = ("mark_mention", "mark_link", "merge_actor", "promote_actor", "correct_place",
         "propose_grade", "review_grade", "undo")
VERDICTS = ("right", "wrong")
REVIEW_VERDICTS = ("accepted", "rejected")
PLACE_KINDS = FEEDBACK_PLACE_KINDS
GRADES = ("A", "B", "C", "D", "E", "F")
# What each kind must carry beyond act_id, kind, who, at, why.
REQUIRED: dict[str, tuple[str, ...]] = {
    "mark_mention": ("verdict", "doc_id", "sent_idx", "entity_id"),
    "mark_link": ("verdict", "doc_id", "sent_idx", "market", "place_id"),
    "merge_actor": ("actor_id", "into_actor_id"),
    "promote_actor": ("into_actor_id", "name", "actor_type"),
    "correct_place": ("place_id", "right_place_id", "country_iso3"),
    "propose_grade": ("source_id", "grade"),
    "review_grade": ("target_act_id", "verdict"),
    "undo": ("target_act_id",),
}
ACTOR_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")  # as in reference/actors.csv
ISO3_RE = re.compile(r"^[A-Z]{3}$")
NEW_PLACE_RE = re.compile(r"^domain:[a-z0-9][a-z0-9_\-]{0,63}$")
MAX_TEXT = 2000


class FeedbackError(ValueError):
    """An act that cannot be recorded; the message names the act and the field."""


def new_id() -> str:
    return "fb-" + uuid.uuid4().hex[:16]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _text(act: dict[str, Any], key: str, where: str) -> None:
    value = act.get(key)
    if value is None:
        return
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT or "\n" in value:
        raise FeedbackError(f"{where}: field {key!r} must be one line of text (1-{MAX_TEXT} characters)")


def _check_kind_fields(act: dict[str, Any], where: str, actor_types: frozenset[str] | None) -> None:
    kind = act["kind"]
    verdicts = REVIEW_VERDICTS if kind == "review_grade" else VERDICTS
    if act.get("verdict") is not None and act["verdict"] not in verdicts:
        raise FeedbackError(f"{where}: verdict {act['verdict']!r} must be one of {', '.join(verdicts)}")
    if act.get("sent_idx") is not None and (isinstance(act["sent_idx"], bool)
                                            or not isinstance(act["sent_idx"], int) or act["sent_idx"] < 0):
        raise FeedbackError(f"{where}: sent_idx {act['sent_idx']!r} must be a sentence index (0 or more)")
    if kind == "promote_actor":
        if not ACTOR_ID_RE.match(act["into_actor_id"]):
            raise FeedbackError(f"{where}: new actor id {act['into_actor_id']!r} must be lower-case "
                                "letters, digits, '_' or '-'")
        if actor_types is not None and act["actor_type"] not in actor_types:
            raise FeedbackError(f"{where}: unknown actor type {act['actor_type']!r} "
                                f"(one of {', '.join(sorted(actor_types))})")
    if kind == "merge_actor" and not is_extracted(str(act["actor_id"])):
        raise FeedbackError(f"{where}: only an actor the reference list lacks ('unknown:<name>' or "
                            f"'named:<type>:<name>') can be merged, not {act['actor_id']!r}")
    if act.get("country_iso3") is not None and not ISO3_RE.match(act["country_iso3"]):
        raise FeedbackError(f"{where}: country {act['country_iso3']!r} must be an ISO3 code (e.g. COD)")
    if kind == "propose_grade" and act["grade"] not in GRADES:
        raise FeedbackError(f"{where}: grade {act['grade']!r} must be one of {''.join(GRADES)}")
    if kind == "correct_place":
        _check_new_place(act, where)


def _check_new_place(act: dict[str, Any], where: str) -> None:
    """A correction to a place no list holds gives where it is: coordinates, a kind, a name, a new id."""
    given = [k for k in ("lat", "lon", "place_kind") if act.get(k) is not None]
    if not given:
        return
    for key, bound in (("lat", 90), ("lon", 180)):
        value = act.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not -bound <= value <= bound:
            raise FeedbackError(f"{where}: {key} {value!r} must be a number from -{bound} to {bound}")
    if act.get("place_kind") not in PLACE_KINDS:
        raise FeedbackError(f"{where}: place kind {act.get('place_kind')!r} must be one of {', '.join(PLACE_KINDS)}")
    if not NEW_PLACE_RE.match(act["right_place_id"]):
        raise FeedbackError(f"{where}: a new place's id {act['right_place_id']!r} must be 'domain:' and "
                            "lower-case letters, digits, '_' or '-'")
    if not act.get("name"):
        raise FeedbackError(f"{where} (correct_place): field 'name' is required for a new place")


def validate(act: dict[str, Any], actor_types: frozenset[str] | None = None) -> dict[str, Any]:
    """The act with every column (missing ones None), or FeedbackError naming what is wrong."""
    if not isinstance(act, dict):
        raise FeedbackError(f"feedback act must be an object, not {type(act).__name__}")
    where = f"feedback act {act.get('act_id') or '(no id)'}"
    unknown = sorted(set(act) - set(COLUMNS))
    if unknown:
        raise FeedbackError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if act.get("kind") not in KINDS:
        raise FeedbackError(f"{where}: kind {act.get('kind')!r} must be one of {', '.join(KINDS)}")
    for key in ("act_id", "who", "why", *REQUIRED[act["kind"]]):
        if act.get(key) is None or act.get(key) == "":
            raise FeedbackError(f"{where} ({act['kind']}): field {key!r} is required")
    for key in COLUMNS:
        if key not in ("sent_idx", "at", "lat", "lon"):
            _text(act, key, where)
    try:
        at = dt.datetime.fromisoformat(str(act.get("at")))
    except ValueError:
        raise FeedbackError(f"{where}: 'at' {act.get('at')!r} is not an ISO timestamp") from None
    if at.tzinfo is None:
        raise FeedbackError(f"{where}: 'at' {act.get('at')!r} needs a time zone")
    _check_kind_fields(act, where, actor_types)
    out = {k: act.get(k) for k in COLUMNS}
    out["at"] = at.astimezone(dt.UTC).isoformat()
    return out


def make(kind: str, who: str, why: str, **fields: Any) -> dict[str, Any]:
    """A new act of ``kind`` by ``who`` now, with its fields (validated when stored)."""
    return {"act_id": new_id(), "kind": kind, "who": who, "at": now().isoformat(), "why": why,
            **{k: v for k, v in fields.items() if v is not None}}
