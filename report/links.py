"""New actor-market-place links, grouped and ranked once for the findings and the actors table.

A week can hold dozens of first sightings. The ones worth a reader's time
name a known actor, a commodity and a precise place (not a whole country),
and are carried by several sources: they rank first. A reader sees each actor
and market once (``group_links``), with its places and its single best sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ocwatch.reference.actor_ids import is_extracted
from ocwatch.report.data import Row

# A link first seen in a lake only a few weeks deep is new to the lake, not to the world.
MIN_HISTORY_WEEKS = 4


def sentence_key(r: Row) -> tuple:
    """Best sentence first: asserted, from the best-graded source, most recent, shortest.
    Rows without a status are asserted (the warehouse keeps only asserted links as evidence)."""
    published = r.get("published_at") or r.get("first_seen_at")
    return ((r.get("status") or "asserted") != "asserted", r.get("reliability") or "F",
            -(published.timestamp() if published else 0.0), len(r.get("sentence") or "") or 10**9,
            str(r.get("doc_id")), r.get("sent_idx") or 0)


def _independent(rows: list[Row]) -> frozenset[str]:
    """Sources of the original documents (a near-duplicate copy adds no source of its own);
    when only copies carry the link, their sources."""
    originals = {r["source_id"] for r in rows if r.get("source_id") and r.get("is_original") is not False}
    return frozenset(originals or {r["source_id"] for r in rows if r.get("source_id")})


@dataclass(frozen=True)
class RankedLink:
    row: Row  # the first sighting: actor, market, place, url, sentence
    grades: str
    sources: int
    is_new: bool  # False when the lake is too shallow to call it new
    new_pair: bool = False  # the actor was never linked to this market before, anywhere
    source_ids: frozenset[str] = frozenset()
    doc_ids: frozenset[str] = frozenset()
    best: Row = field(default_factory=dict)  # the best sentence tying actor, market and place

    @property
    def key(self) -> tuple:
        r = self.row
        known = r.get("is_known_actor")
        known = known if known is not None else not is_extracted(str(r["actor_id"]))
        best = min(self.grades.split(","), default="F") or "F"
        return (not self.is_new, not self.new_pair, not known, r.get("commodity_id") is None,
                not is_precise(r.get("place_id")), -self.sources, best, str(r.get("actor_name")),
                str(r.get("place_name")))


def is_precise(place_id: str | None) -> bool:
    """A town, a site, a port: not a whole country or first-level division."""
    return not str(place_id or "").startswith(("country:", "admin1:"))


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
        sources = _independent(backing)
        history = rows[0].get("history_weeks")
        pair = (rows[0].get("actor_id"), rows[0].get("market"))
        ranked.append(RankedLink(
            rows[0], grades, len(sources), history is None or history >= MIN_HISTORY_WEEKS,
            earlier is not None and pair not in earlier, sources,
            frozenset(str(b["doc_id"]) for b in backing if b.get("doc_id")),
            min((b for b in backing if b.get("sentence")), key=sentence_key, default=rows[0])))
    return sorted(ranked, key=lambda link: link.key)


@dataclass(frozen=True)
class LinkGroup:
    """One actor and market, with every new place it was seen at this week (best-ranked first)."""
    links: tuple[RankedLink, ...]

    @property
    def row(self) -> Row:
        return self.links[0].row

    @property
    def sources(self) -> int:
        return len(frozenset().union(*(link.source_ids for link in self.links))) or self.links[0].sources

    @property
    def documents(self) -> int:
        return len(frozenset().union(*(link.doc_ids for link in self.links))) or 1

    @property
    def grades(self) -> str:
        return ",".join(sorted({g for link in self.links for g in link.grades.split(",") if g}))

    @property
    def best(self) -> Row:
        return min((link.best for link in self.links), key=sentence_key)

    def places(self, limit: int = 3) -> list[Row]:
        """The places to name: a country or a division only when no precise place of it is named."""
        rows = [link.row for link in self.links]
        precise = [r for r in rows if is_precise(r.get("place_id"))]
        covered = {r.get("country_iso3") for r in precise}
        wide = [r for r in rows if not is_precise(r.get("place_id")) and r.get("country_iso3") not in covered]
        return (precise + wide)[:limit]


def group_links(ranked: list[RankedLink], new_only: bool = False) -> list[LinkGroup]:
    """Ranked links grouped per actor and market, in the order of each group's best link."""
    groups: dict[tuple, list[RankedLink]] = {}
    for link in ranked:
        if link.is_new or not new_only:
            groups.setdefault((link.row["actor_id"], link.row["market"]), []).append(link)
    return [LinkGroup(tuple(links)) for links in groups.values()]
