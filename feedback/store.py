"""The feedback store: one function an act, plus list, review, export, import and undo.

The store is the append-only log of ocwatch.lake.feedback_log (JSON Lines in
the data root, ``Settings.feedback_log``); nothing is ever rewritten, so an
undo is itself an act and the history of who said what, when and why stays
whole. The workbench (ocwatch.web) and ``ocwatch feedback`` call these
functions; the next build applies what they recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ocwatch.feedback.acts import FeedbackError, make, validate
from ocwatch.lake.feedback_log import append_lines, locked, read_lines
from ocwatch.reference import taxonomy


def _actor_types() -> frozenset[str]:
    return frozenset(t.actor_type for t in taxonomy.actor_types())


def _undone(acts: list[dict[str, Any]]) -> dict[str, str]:
    """act id -> id of the undo that undid it."""
    return {a["target_act_id"]: a["act_id"] for a in acts if a["kind"] == "undo"}


def _check_against_log(act: dict[str, Any], acts: list[dict[str, Any]]) -> None:
    """What only the log can tell: an undo's target exists, a merge's target is a known actor."""
    if act.get("market") and act["market"] not in taxonomy.market_ids():
        raise FeedbackError(f"feedback act {act['act_id']}: unknown market {act['market']!r}")
    by_id = {a["act_id"]: a for a in acts}
    if act["act_id"] in by_id:
        raise FeedbackError(f"feedback act {act['act_id']}: an act with this id is already recorded")
    if act["kind"] == "undo":
        target = by_id.get(act["target_act_id"])
        if target is None:
            raise FeedbackError(f"undo: no feedback act {act['target_act_id']!r} to undo")
        if target["kind"] == "undo":
            raise FeedbackError(f"undo: {act['target_act_id']} is an undo; record the act again instead")
        if act["target_act_id"] in _undone(acts):
            raise FeedbackError(f"undo: feedback act {act['target_act_id']} is already undone")
    if act["kind"] == "review_grade":
        _check_review(act, acts)
    if act["kind"] == "correct_place" and act.get("lat") is not None:
        taken = {f"domain:{p.place_id}" for p in taxonomy.places_domain()}
        if act["right_place_id"] in taken:
            raise FeedbackError(f"correct_place: {act['right_place_id']!r} is already a reference place: "
                                "choose it instead of giving coordinates")
    if act["kind"] == "merge_actor":
        undone = _undone(acts)
        known = {a.actor_id for a in taxonomy.actors()} | {
            a["into_actor_id"] for a in acts if a["kind"] == "promote_actor" and a["act_id"] not in undone}
        if act["into_actor_id"] not in known:
            raise FeedbackError(f"merge_actor: {act['into_actor_id']!r} is not a known actor "
                                "(promote the name to a new actor instead)")


def _reviews(acts: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """proposal id -> the review in force that decided it."""
    undone = _undone(acts)
    return {a["target_act_id"]: a for a in acts if a["kind"] == "review_grade" and a["act_id"] not in undone}


def _check_review(act: dict[str, Any], acts: list[dict[str, Any]]) -> None:
    target = next((a for a in acts if a["act_id"] == act["target_act_id"]), None)
    if target is None or target["kind"] != "propose_grade":
        raise FeedbackError(f"review_grade: no grade proposal {act['target_act_id']!r}")
    if target["act_id"] in _undone(acts):
        raise FeedbackError(f"review_grade: grade proposal {target['act_id']} was undone")
    if target["act_id"] in _reviews(acts):
        raise FeedbackError(f"review_grade: grade proposal {target['act_id']} is already reviewed "
                            "(undo that review first)")


def record(log: Path, act: dict[str, Any]) -> dict[str, Any]:
    """Validate one act and append it; returns the act as stored."""
    act = validate(act, _actor_types())
    with locked(log):
        _check_against_log(act, read_lines(log))
        append_lines(log, [act])
    return act


# One function a kind of act: what the workbench's forms and `ocwatch feedback add` call.

def mark_mention(log: Path, who: str, why: str, *, doc_id: str, sent_idx: int, entity_id: str,
                 verdict: str) -> dict[str, Any]:
    """A mention (document, sentence, entity id as extracted) is right or wrong."""
    return record(log, make("mark_mention", who, why, doc_id=doc_id, sent_idx=sent_idx,
                            entity_id=entity_id, verdict=verdict))


def mark_link(log: Path, who: str, why: str, *, doc_id: str, sent_idx: int, actor_id: str | None,
              market: str, place_id: str, verdict: str) -> dict[str, Any]:
    """An actor-market-place link (as the new_links or evidence row shows it) is right or wrong."""
    return record(log, make("mark_link", who, why, doc_id=doc_id, sent_idx=sent_idx, actor_id=actor_id,
                            market=market, place_id=place_id, verdict=verdict))


def merge_actor(log: Path, who: str, why: str, *, actor_id: str, into_actor_id: str) -> dict[str, Any]:
    """An actor the list lacks ('unknown:<name>', 'named:<type>:<slug>') is a known one: its mentions count under it."""
    return record(log, make("merge_actor", who, why, actor_id=actor_id, into_actor_id=into_actor_id))


def promote_actor(log: Path, who: str, why: str, *, new_actor_id: str, name: str, actor_type: str,
                  actor_id: str | None = None, aliases: Iterable[str] = (),
                  country_iso3: str | None = None) -> dict[str, Any]:
    """A name becomes a new actor (from an unknown actor ``actor_id``, or a name not yet seen)."""
    joined = ";".join(a.strip() for a in aliases if a.strip()) or None
    return record(log, make("promote_actor", who, why, actor_id=actor_id, into_actor_id=new_actor_id,
                            name=name, actor_type=actor_type, aliases=joined, country_iso3=country_iso3))


def correct_place(log: Path, who: str, why: str, *, place_id: str, right_place_id: str,
                  country_iso3: str, admin1: str | None = None, doc_id: str | None = None,
                  name: str | None = None, lat: float | None = None, lon: float | None = None,
                  place_kind: str | None = None) -> dict[str, Any]:
    """A place was wrongly resolved: in one document (``doc_id``) or everywhere, it is ``right_place_id``.

    ``name`` is the place as written (curated as an alias of a reference place); a
    place no list holds is given as a new ``domain:<id>`` with ``lat``, ``lon``,
    ``place_kind`` and its ``name``."""
    return record(log, make("correct_place", who, why, place_id=place_id, right_place_id=right_place_id,
                            country_iso3=country_iso3, admin1=admin1, doc_id=doc_id, name=name, lat=lat,
                            lon=lon, place_kind=place_kind))


def propose_grade(log: Path, who: str, why: str, *, source_id: str, grade: str) -> dict[str, Any]:
    """A proposed Admiralty grade for a source: reviewed into the sources registry, never applied alone."""
    return record(log, make("propose_grade", who, why, source_id=source_id, grade=grade.upper()))


def review_grade(log: Path, who: str, why: str, *, act_id: str, verdict: str) -> dict[str, Any]:
    """An admin accepts or rejects a grade proposal; an accepted one is for the sources registry's reviewer."""
    return record(log, make("review_grade", who, why, target_act_id=act_id, verdict=verdict))


def undo(log: Path, who: str, why: str, *, act_id: str) -> dict[str, Any]:
    """Undo an act: recorded as an act of its own; the next build no longer applies the target."""
    return record(log, make("undo", who, why, target_act_id=act_id))


def list_acts(log: Path, *, kind: str | None = None, who: str | None = None,
              in_force_only: bool = False) -> list[dict[str, Any]]:
    """Every act, oldest first, each with ``undone_by`` (the undo's id, or None)."""
    acts = read_lines(log)
    undone = _undone(acts)
    out = []
    for act in acts:
        row = {**act, "undone_by": undone.get(act["act_id"])}
        if (kind and act["kind"] != kind) or (who and act["who"] != who):
            continue
        if in_force_only and (row["undone_by"] or act["kind"] == "undo"):
            continue
        out.append(row)
    return out


def review(log: Path) -> dict[str, list[dict[str, Any]]]:
    """What waits for a reviewer: promotions and merges to curate into reference/, grade
    proposals (each with ``review``: the review in force, or None while it waits)."""
    live = list_acts(log, in_force_only=True)
    reviews = _reviews(read_lines(log))
    proposals = [{**a, "review": reviews.get(a["act_id"])} for a in live if a["kind"] == "propose_grade"]
    return {"actors_to_curate": [a for a in live if a["kind"] in ("promote_actor", "merge_actor")],
            "grade_proposals": proposals,
            "corrections": [a for a in live if a["kind"] in ("mark_mention", "mark_link", "correct_place")]}


def export_acts(log: Path, out: IO[str]) -> int:
    """Every act as JSON Lines (the log's own form); returns how many."""
    acts = read_lines(log)
    for act in acts:
        out.write(json.dumps(act, ensure_ascii=False) + "\n")
    return len(acts)


@dataclass
class ImportResult:
    added: int = 0
    already: int = 0  # acts whose id the log holds: an import can be repeated
    errors: list[str] = field(default_factory=list)


def import_acts(log: Path, lines: Iterable[str], name: str = "input") -> ImportResult:
    """Append acts from JSON Lines; a bad line is named in ``errors`` and the others still go in."""
    result, types = ImportResult(), _actor_types()
    with locked(log):
        acts = read_lines(log)
        seen = {a["act_id"] for a in acts}
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                parsed = json.loads(line)
            except json.JSONDecodeError as exc:
                result.errors.append(f"{name} line {lineno}: not JSON: {exc.msg}")
                continue
            try:
                act = validate(parsed, types)
                if act["act_id"] in seen:
                    result.already += 1
                    continue
                _check_against_log(act, acts)
            except FeedbackError as exc:
                result.errors.append(f"{name} line {lineno}: {exc}")
                continue
            append_lines(log, [act])
            acts.append(act)
            seen.add(act["act_id"])
            result.added += 1
    return result
