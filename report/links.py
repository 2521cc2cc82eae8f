"""New actor-market-place links, grouped and ranked once for the findings and the actors table.

A week can hold dozens of first co-occurrences. The ones worth a reader's
time name a known actor, a commodity and a precise place (not a whole
country), and are carried by several sources: they rank first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ocwatch.report.data import Row

# A link first seen in a lake only a few weeks deep is new to the lake, not to the world.
MIN_HISTORY_WEEKS = 4


@dataclass(frozen=True)
class RankedLink:
    row: Row  # the first sighting: actor, market, place, url, sentence
    grades: str
    sources: int
    is_new: bool  # False when the lake is too shallow to call it new
    new_pair: bool = False  # the actor was never linked to this market before, anywhere

    @property
    def key(self) -> tuple:
        r = self.row
        known = r.get("is_known_actor")
        known = known if known is not None else not str(r["actor_id"]).startswith("unknown:")
        precise = not str(r.get("place_id") or "").startswith("country:")
        best = min(self.grades.split(","), default="F") or "F"
        return (not self.is_new, not self.new_pair, not known, r.get("commodity_id") is None, not precise,
                -self.sources, best, str(r.get("actor_name")), str(r.get("place_name")))


def _key(r: Row) -> tuple:
    return (r.get("actor_id"), r.get("market"), r.get("place_id"))


def rank_links(links: list[Row], evidence: list[Row] | None,
               earlier: set[tuple[str, str]] | None = None) -> list[RankedLink]:
    """One entry per actor, market and place; support counted over every document of the week
    that carries it (evidence rows with actor_id and place_id), else over the link rows.
    An actor linked to a market for the first time anywhere ranks above a known actor-market
    pair seen at a new place."""
    support: dict[tuple, list[Row]] = defaultdict(list)
    for r in evidence or []:
        if r.get("actor_id") is not None:
            support[_key(r)].append(r)
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for r in links:
        groups[_key(r)].append(r)
    ranked = []
    for key, rows in groups.items():
        backing = support.get(key) or rows
        grades = ",".join(sorted({b["reliability"] for b in backing if b.get("reliability")}))
        n = len({b["source_id"] for b in backing if b.get("source_id")})
        history = rows[0].get("history_weeks")
        pair = (rows[0].get("actor_id"), rows[0].get("market"))
        ranked.append(RankedLink(rows[0], grades, n, history is None or history >= MIN_HISTORY_WEEKS,
                                 earlier is not None and pair not in earlier))
    return sorted(ranked, key=lambda link: link.key)
