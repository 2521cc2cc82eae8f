"""Loaders for the reference taxonomy in reference/*.csv.

The CSV files are reviewed like code; these loaders are the one place that
parses them, so nlp/ (pattern building), warehouse/build (reference tables)
and reports all read the same rows. Every loader returns frozen dataclasses
and is cached: the files do not change while a process runs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ocwatch.reference import REFERENCE_DIR

LANGS = ("en", "fr", "es", "pt")


@dataclass(frozen=True)
class Market:
    market: str
    label_en: str
    label_fr: str
    group: str


@dataclass(frozen=True)
class ActorType:
    actor_type: str
    label_en: str
    label_fr: str


@dataclass(frozen=True)
class Commodity:
    commodity_id: str
    market: str
    hs_codes: tuple[str, ...]
    names: dict[str, tuple[str, ...]]  # language -> names (singular, plural, local terms)


@dataclass(frozen=True)
class Activity:
    """A market activity phrase set (extortion, poaching...), optionally tied to a commodity."""

    activity_id: str
    market: str
    commodity_id: str | None
    names: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    aliases: tuple[str, ...]
    actor_type: str | None  # None for named non-criminal bodies (UN missions, NGOs) kept for context
    country_iso3: str | None
    kind: str
    origin: str = ""  # where the row comes from (a public list, or written by hand)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Region:
    """A region that spans countries (the Sahel, the Great Lakes), with its member countries."""

    region_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    members: tuple[str, ...]  # ISO3 codes
    origin: str

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Demonym:
    """What people of a country are called (Congolese, congolais): never a place, never an actor."""

    country_iso3: str
    names: dict[str, tuple[str, ...]]  # language -> base forms (French masculine singular)


@dataclass(frozen=True)
class DomainPlace:
    """A place of the project's own layer: mine site, border post, port, key town."""

    place_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country_iso3: str
    admin1: str | None
    lat: float
    lon: float

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _rows(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    path = (folder or REFERENCE_DIR) / name
    with open(path, newline="", encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _split(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(";") if x.strip())


def _names(row: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {lang: _split(row.get(f"names_{lang}", "")) for lang in LANGS}


@cache
def markets() -> list[Market]:
    return [Market(r["market"], r["label_en"], r["label_fr"], r["group"]) for r in _rows("markets.csv")]


@cache
def market_ids() -> frozenset[str]:
    return frozenset(m.market for m in markets())


@cache
def actor_types() -> list[ActorType]:
    return [ActorType(r["actor_type"], r["label_en"], r["label_fr"]) for r in _rows("actor_types.csv")]


@cache
def commodities() -> list[Commodity]:
    return [Commodity(r["commodity_id"], r["market"], _split(r["hs_codes"]), _names(r))
            for r in _rows("commodities.csv")]


@cache
def activities() -> list[Activity]:
    return [Activity(r["activity_id"], r["market"], r["commodity_id"] or None, _names(r))
            for r in _rows("activities.csv")]


@cache
def actors() -> list[Actor]:
    return [Actor(r["actor_id"], r["name"], _split(r["aliases"]), r["actor_type"] or None,
                  r["country_iso3"] or None, r["kind"], r.get("origin", "")) for r in _rows("actors.csv")]


@cache
def regions() -> list[Region]:
    return [Region(r["region_id"], r["name"], _split(r["aliases"]), r["kind"], _split(r["members"]), r["origin"])
            for r in _rows("regions.csv")]


@cache
def demonyms() -> list[Demonym]:
    return [Demonym(r["country_iso3"], _names(r)) for r in _rows("demonyms.csv")]


@cache
def places_domain() -> list[DomainPlace]:
    return [DomainPlace(r["place_id"], r["name"], _split(r["aliases"]), r["kind"], r["country_iso3"],
                        r["admin1"] or None, float(r["lat"]), float(r["lon"]))
            for r in _rows("places_domain.csv")]


def check_taxonomy() -> list[str]:
    """Problems in the reference data (unknown markets, actor types, commodities); empty when sound."""
    known_markets, problems = market_ids(), []
    known_types = {t.actor_type for t in actor_types()}
    known_commodities = {c.commodity_id for c in commodities()}
    for c in commodities():
        if c.market not in known_markets:
            problems.append(f"commodities.csv: {c.commodity_id}: unknown market {c.market!r}")
    for a in activities():
        if a.market not in known_markets:
            problems.append(f"activities.csv: {a.activity_id}: unknown market {a.market!r}")
        if a.commodity_id and a.commodity_id not in known_commodities:
            problems.append(f"activities.csv: {a.activity_id}: unknown commodity {a.commodity_id!r}")
    for actor in actors():
        if actor.actor_type is not None and actor.actor_type not in known_types:
            problems.append(f"actors.csv: {actor.actor_id}: unknown actor type {actor.actor_type!r}")
        if not actor.origin:
            problems.append(f"actors.csv: {actor.actor_id}: no origin")
    problems += _check_unique("actors.csv", [a.actor_id for a in actors()])
    for region in regions():
        if not region.members or not all(len(m) == 3 and m.isupper() for m in region.members):
            problems.append(f"regions.csv: {region.region_id}: members must be ISO3 codes, got {region.members!r}")
        if not region.origin:
            problems.append(f"regions.csv: {region.region_id}: no origin")
    return problems


def _check_unique(file: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    return [f"{file}: duplicate id {i!r}" for i in dupes]
