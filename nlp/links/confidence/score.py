"""Every link gets the model's confidence; co-occurrences it trusts that no rule made become links.

A rule link keeps its status and role: the model never makes a negated or
victim link count. Below ``THRESHOLD`` a link stays in the output, with its
confidence, and does not count (``counts``).
"""

from __future__ import annotations

from typing import Any

from ocwatch.nlp.links.confidence import features as fx
from ocwatch.nlp.links.confidence.forest import Forest, load

Row = dict[str, Any]
# the lowest threshold at which precision and named-actor precision are no lower than the rules' (within a
# point) in leave-one-part-out over parts f to m, each read by the rules frozen before it (train.py): there
# 0.501 / 0.328 / 0.580 against the rules' 0.419 / 0.326 / 0.546
THRESHOLD = 0.30


def counts(link: Row, threshold: float = THRESHOLD) -> bool:
    """What an indicator counts: asserted, a participant or no actor, and trusted enough."""
    return fx.counts(link) and link.get("confidence", 1.0) >= threshold


def _learned_link(c: fx.Candidate, confidence: float) -> Row:
    (_, _), a, mk, p = fx.closest(c)
    commodity = None if str(mk.get("entity_id", "")).startswith("activity:") else mk.get("entity_id")
    status = fx.worst(*(m.get("status", "asserted") for m in (a, mk, p) if m is not None))
    return {"sent_idx": mk["sent_idx"], "actor_id": a["entity_id"] if a else None,
            "actor_surface": a["surface"] if a else None, "market": mk["market"], "commodity_id": commodity,
            "place_id": p["entity_id"], "place_surface": p.get("surface"), "country_iso3": p.get("country_iso3"),
            "admin1": p.get("admin1"), "status": status, "role": "participant" if a else None,
            "method": "learned", "place_role": None, "confidence": round(confidence, 4)}


def with_confidence(text: str, sentences: list[Row], mentions: list[Row], links: list[Row], lang: str,
                    model: Forest | None = None, threshold: float = THRESHOLD) -> list[Row]:
    """The rules' links, each with ``confidence``, plus the learned ones at or above the threshold."""
    model = model or load()
    cands = fx.candidates(text, sentences, mentions, links)
    fx.describe(cands, text, lang)
    out = []
    for c in cands.values():
        p = model.probability(c.features)
        for x in c.rule_links:
            out.append({**x, "confidence": round(p, 4)})
        if not c.rule_links and p >= threshold:
            out.append(_learned_link(c, p))
    return sorted(out, key=lambda r: (r["sent_idx"], str(r["actor_id"]), r["market"], str(r["place_id"])))
