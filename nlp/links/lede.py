"""The doer of a seizure's goods, named after the seizure.

A report of an arrest, a raid or a seizure opens on what the enforcers found and where ("Dutch police
dismantled a crystal meth laboratory near Baarle-Nassau"), with no doer; the sentences after it say
whose the goods were ("the lab was run by cooks working for the Bakker group", "le laboratoire
appartenait au groupe de Miloš Radanović"). The activity the lede places is that participant's.

Only a sentence that reports an enforcement event opens such a story: a trade described in general
("Coltan from Rubaya continues to be exported through Rwanda") is seldom the work of the one group the
next sentence names for a part of the chain. Who the goods were sent to ("destined for the Gran Grif
gang"), a place the goods came from, or a person arrested elsewhere is not who had them at the lede's
place.
"""

from __future__ import annotations

import re
from typing import Any

Row = dict[str, Any]

# Enforcement reported as an event, in English and French forms as written (the lede's verb is often
# misparsed by the small models, a noun or a participle: "Seizure of 3 t at ...", "saisis à Kibati").
_ENFORCEMENT = re.compile(
    r"\b(?:seiz\w*|intercept\w*|dismantl\w*|arrest\w*|raid\w*|destroy\w*|found|discover\w*|confiscat\w*|"
    r"apprehend\w*|saisi\w*|démantel\w*|interpell\w*|arrêt\w*|découv\w*|détrui\w*|appréhend\w*)\b", re.I)
# How a later participant stands to the goods that says nothing of the lede's place: their recipient,
# the place they came from, a place of arrest.
_NOT_THERE = frozenset({"recipient", "where"})


def _holder(r: Row) -> bool:
    head, _, rest = r["method"].partition("/")
    return head not in _NOT_THERE and not rest.startswith("arrest")


def _named_after(links: list[Row], para: dict[int, int]) -> dict[tuple[int | None, str], list[Row]]:
    """Named participants of each paragraph's market, in order, that stand to the goods as holders."""
    out: dict[tuple[int | None, str], list[Row]] = {}
    for r in links:
        if r["actor_id"] and r.get("role") == "participant" and r["status"] == "asserted" and _holder(r):
            out.setdefault((para.get(r["sent_idx"]), r["market"]), []).append(r)
    return out


def lede_doer(links: list[Row], sentences: list[Row], para: dict[int, int]) -> list[Row]:
    """An asserted activity with no doer in a sentence that reports an enforcement event takes the one
    named participant of its market that a later sentence of its paragraph gives; two leave it without."""
    events = {s["sent_idx"] for s in sentences if _ENFORCEMENT.search(s.get("text") or "")}
    named = _named_after(links, para)
    # a sentence that names its own participant of the market has its doer (one_doer)
    own = {(r["sent_idx"], r["market"]) for r in links if r["actor_id"] and r.get("role") == "participant"}
    out = []
    for r in links:
        found = named.get((para.get(r["sent_idx"]), r["market"]), [])
        later = {a["actor_id"]: a for a in found if a["sent_idx"] > r["sent_idx"]}
        if r["actor_id"] or r.get("role") is not None or r["status"] != "asserted" or r["sent_idx"] not in events \
                or (r["sent_idx"], r["market"]) in own or len(later) != 1:
            out.append(r)
            continue
        (doer,) = later.values()
        out.append({**r, "actor_id": doer["actor_id"], "actor_surface": doer["actor_surface"],
                    "role": "participant", "method": "lede/" + r["method"].split("/", 1)[-1]})
    return out
