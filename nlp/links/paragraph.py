"""Readings that need the whole paragraph, once every sentence's links are made: a denial in the next
sentence, and the actorless copy of an activity a named participant was found for."""

from __future__ import annotations

import re
from typing import Any

from ocwatch.nlp.links.status import denies_previous

Row = dict[str, Any]
_NEXT = re.compile(r"[ \t]*([^\n]*?[.!?])(?=\s|$)")


def drop_lost_actor(links: list[Row], para: dict[int, int]) -> list[Row]:
    """An activity linked to a named participant at its site in a paragraph is not also its actorless
    claim there: the second row would count the same crime twice, once without who does it. At an end
    of the route ("rifles that came from Sudan", "d'où il part pour le Burundi") the text seldom says the
    named group carried the goods all the way, so the actorless claim stays."""
    named = {(para.get(r["sent_idx"]), r["market"], r["place_id"]) for r in links
             if r["actor_id"] and r["role"] == "participant" and r["status"] == "asserted"
             and r.get("place_role") in ("site", None)}
    return [r for r in links if r["actor_id"] or (para.get(r["sent_idx"]), r["market"], r["place_id"]) not in named]


def _following(text: str, end: int) -> str:
    """The sentence right after a character offset, if the paragraph goes on (the sentence rows hold
    only sentences with a mention: a bare "Abou Dhabi a toujours démenti." has none)."""
    m = _NEXT.match(text, end)
    return m.group(1) if m else ""


def denied_after(links: list[Row], ordered: list[Row], text: str) -> list[Row]:
    """Links of a sentence followed, in its paragraph, by a denial of what it claims are disputed."""
    denied = {s["sent_idx"] for s in ordered if s.get("end_char") is not None
              and denies_previous(s["text"], _following(text, s["end_char"]))}
    return [{**r, "status": "disputed"} if r["sent_idx"] in denied else r for r in links]
