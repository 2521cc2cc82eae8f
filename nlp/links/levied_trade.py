"""Who levies a trade where it passes takes part in it there: "Jerrycans ... are resold in Baboua and Bouar,
where a band of former 3R fighters ... takes a cut of every load", "Il entre par Banki et Amchidé, où des
combattants de Boko Haram ... prélèvent leur part sur les convois", "fuel ... through Kufra, where the Subul
al-Salam brigade takes a cut of every convoy".

The racket's own clause names no goods (its object is "every load", "les convois"), so the rules give the
levier the racket at that place and the goods to nobody, or to the trader who moves them. The Global
Organized Crime Index counts an armed group that taxes a flow among that market's actors, and the gold written
blind links the levier to the goods as well. A row of another market at the racket's place, in the racket's
sentence, gets a copy with the levier as participant (method ``levy/<place method>``). Not a kidnapping: who
holds travellers for ransom on a road does not trade what the road carries.
"""

from __future__ import annotations

import re
from typing import Any

Row = dict[str, Any]
EXTORTION = "extortion_and_protection_racketeering"
_KIDNAP = re.compile(r"\b(?:kidnap\w*|abduct\w*|ransoms?|hostages?|enl[eè]v\w*|rançons?|otages?|rapts?"
                     r"|séquestr\w*)\b", re.I)


def _levies(r: Row, kidnaps: set[int]) -> bool:
    return bool(r["market"] == EXTORTION and r["actor_id"] and r.get("role") == "participant"
                and r["status"] == "asserted" and r.get("place_role") == "site" and r["sent_idx"] not in kidnaps)


def levied_trades(links: list[Row], mentions: list[Row]) -> list[Row]:
    """The links with, for each racket at a place, the sentence's other trades there taken part in by
    its levier; a sentence whose racket is a kidnapping adds none."""
    kidnaps = {m["sent_idx"] for m in mentions if m["kind"] == "commodity" and m.get("market") == EXTORTION
               and _KIDNAP.search(m.get("surface") or "")}
    leviers: dict[tuple[int, str], dict[str, Row]] = {}
    for r in links:
        if _levies(r, kidnaps):
            leviers.setdefault((r["sent_idx"], r["place_id"]), {}).setdefault(r["actor_id"], r)
    out = list(links)
    for r in links:
        if r["market"] == EXTORTION or r["status"] != "asserted" or r.get("role") not in (None, "participant") \
                or r.get("place_role") != "site":
            continue
        for levier in leviers.get((r["sent_idx"], r["place_id"]), {}).values():
            if levier["actor_id"] != r["actor_id"]:
                out.append({**r, "actor_id": levier["actor_id"], "actor_surface": levier["actor_surface"],
                            "role": "participant", "method": "levy/" + r["method"].split("/", 1)[-1]})
    return out
