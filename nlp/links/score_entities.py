"""Entity recall on the link gold set: are the actors, markets and places its links need found at all?

The entity gold (tests/gold/*.jsonl) was written by the engineers who wrote
the entity rules; the link gold's held-out parts are written blind. Every
required link there names an actor (or none), a market and a place, so it
also says which entities a reader needs from the paragraph. Here each such
name counts once a paragraph: found when a mention of the kind has the same
name (as the link scorer compares names: equal, one inside the other, or
aliases of one reference actor) or, for a market, when a commodity or
activity mention of the paragraph carries it. This is recall only: the link
gold does not list every entity of a paragraph, so precision is not measured
here (the link scores hold the cost of wrong entities).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocwatch.nlp.links.score import analyze_records, load, norm, same_name

KINDS = ("actor", "market", "place")


def _needed(rec: dict[str, Any]) -> dict[str, set[str]]:
    links = rec.get("links", [])
    return {"actor": {norm(x["actor"]) or "" for x in links if x["actor"]},
            "market": {x["market"] for x in links},
            "place": {norm(x["place"]) or "" for x in links if x["place"]}}


def _found(mentions: list[dict[str, Any]]) -> dict[str, set[str]]:
    names = {"actor": set(), "place": set(), "market": set()}
    for m in mentions:
        if m["kind"] == "actor":
            names["actor"].add(norm(m["surface"]) or "")
        elif m["kind"] == "location":
            names["place"].add(norm(m["surface"]) or "")
        elif m.get("market"):
            names["market"].add(m["market"])
    return names


def entity_recall(path: str | Path) -> dict[str, Any]:
    """Per kind: how many of the names the gold links need were found in their paragraph."""
    records = load(path)
    results = analyze_records(records)
    out = {k: {"needed": 0, "found": 0, "missed": []} for k in KINDS}
    for rec in records:
        found = _found(results[rec["id"]].mentions)
        for kind, names in _needed(rec).items():
            for name in sorted(names):
                hit = name in found[kind] if kind == "market" else any(same_name(f, name) for f in found[kind])
                out[kind]["needed"] += 1
                out[kind]["found"] += hit
                if not hit:
                    out[kind]["missed"].append((rec["id"], name))
    for c in out.values():
        c["recall"] = c["found"] / c["needed"] if c["needed"] else 0.0
    return {"dataset": str(path), "paragraphs": len(records), "kinds": out}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{result['dataset']}: {result['paragraphs']} paragraphs (names the gold links need)",
             f"{'kind':<8} {'needed':>6} {'found':>6} {'recall':>7}"]
    for kind, c in result["kinds"].items():
        lines.append(f"{kind:<8} {c['needed']:>6} {c['found']:>6} {c['recall']:>7.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:]:
        print(format_table(entity_recall(arg)))
