"""Loaders for the reference taxonomy in reference/*.csv.

The CSV files are reviewed like code; these loaders are the one place that
parses them, so nlp/ (pattern building), warehouse/build (reference tables)
and reports all read the same rows. Every loader returns frozen dataclasses
and is cached: the files do not change while a process runs.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ocwatch.reference import REFERENCE_DIR

LANGS = ("en", "fr", "es", "pt")
ACTOR_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")  # also the form of a place id feedback adds


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


class Named:
    """A reference row known by a name and its aliases (actors, regions, places)."""

    name: str
    aliases: tuple[str, ...]

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Actor(Named):
    actor_id: str
    name: str
    aliases: tuple[str, ...]
    actor_type: str | None  # None for named non-criminal bodies (UN missions, NGOs) kept for context
    country_iso3: str | None
    kind: str
    origin: str = ""  # where the row comes from (a public list, or written by hand)


@dataclass(frozen=True)
class Region(Named):
    """A region that spans countries (the Sahel, the Great Lakes), with its member countries."""

    region_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    members: tuple[str, ...]  # ISO3 codes
    origin: str


@dataclass(frozen=True)
class Demonym:
    """What people of a country are called (Congolese, congolais): never a place, never an actor."""

    country_iso3: str
    names: dict[str, tuple[str, ...]]  # language -> base forms (French masculine singular)


@dataclass(frozen=True)
class DomainPlace(Named):
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
    def extracted_id(self) -> str:
        """The id the extraction gives it: a division's ISO 3166-2 code, else 'domain:<id>'."""
        return f"admin1:{self.admin1}" if self.kind == "admin1" and self.admin1 else f"domain:{self.place_id}"


def rows(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    """The rows of reference/<name> (or of ``folder``), every value stripped."""
    path = (folder or REFERENCE_DIR) / name
    with open(path, newline="", encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _split(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(";") if x.strip())


def _names(row: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {lang: _split(row.get(f"names_{lang}", "")) for lang in LANGS}


@cache
def markets() -> list[Market]:
    return [Market(r["market"], r["label_en"], r["label_fr"], r["group"]) for r in rows("markets.csv")]


@cache
def market_ids() -> frozenset[str]:
    return frozenset(m.market for m in markets())


@cache
def actor_types() -> list[ActorType]:
    return [ActorType(r["actor_type"], r["label_en"], r["label_fr"]) for r in rows("actor_types.csv")]


@cache
def commodities() -> list[Commodity]:
    return [Commodity(r["commodity_id"], r["market"], _split(r["hs_codes"]), _names(r))
            for r in rows("commodities.csv")]


@cache
def activities() -> list[Activity]:
    return [Activity(r["activity_id"], r["market"], r["commodity_id"] or None, _names(r))
            for r in rows("activities.csv")]


# Added by analysts through feedback and curated by ocwatch.feedback.curate: reviewed like the rest.
ACTORS_FEEDBACK = "actors_feedback.csv"
ALIASES_FEEDBACK = "aliases_feedback.csv"
PLACES_FEEDBACK = "places_feedback.csv"
PLACE_ALIASES_FEEDBACK = "place_aliases_feedback.csv"
# Kinds of place an analyst may add (those of places_domain.csv, regions and divisions aside).
FEEDBACK_PLACE_KINDS = ("town", "mine_site", "border_post", "port", "protected_area")


def _optional_rows(name: str) -> list[dict[str, str]]:
    return rows(name) if (REFERENCE_DIR / name).is_file() else []


@cache
def actors() -> list[Actor]:
    """actors.csv, then the actors added through feedback, each with the aliases feedback gave it."""
    listed = rows("actors.csv") + _optional_rows(ACTORS_FEEDBACK)
    extra: dict[str, list[str]] = {}
    for r in _optional_rows(ALIASES_FEEDBACK):
        extra.setdefault(r["actor_id"], []).append(r["alias"])
    return [Actor(r["actor_id"], r["name"], (*_split(r["aliases"]), *extra.get(r["actor_id"], ())),
                  r["actor_type"] or None, r["country_iso3"] or None, r["kind"], r.get("origin", ""))
            for r in listed]


@cache
def regions() -> list[Region]:
    return [Region(r["region_id"], r["name"], _split(r["aliases"]), r["kind"], _split(r["members"]), r["origin"])
            for r in rows("regions.csv")]


@cache
def watchlist_countries() -> frozenset[str]:
    """ISO3 codes of the countries the missions watch (mission hosts and partners)."""
    return frozenset(r["iso3"] for r in rows("countries_watchlist.csv"))


@cache
def demonyms() -> list[Demonym]:
    return [Demonym(r["country_iso3"], _names(r)) for r in rows("demonyms.csv")]


@cache
def places_domain() -> list[DomainPlace]:
    """places_domain.csv, then the places added through feedback, each with the aliases feedback gave it."""
    extra: dict[str, list[str]] = {}
    for r in _optional_rows(PLACE_ALIASES_FEEDBACK):
        extra.setdefault(r["place_id"], []).append(r["alias"])
    return [_place(r, extra.get(r["place_id"], ())) for r in rows("places_domain.csv") + _optional_rows(PLACES_FEEDBACK)]


def _place(r: dict[str, str], more_aliases: tuple[str, ...] | list[str] = ()) -> DomainPlace:
    return DomainPlace(r["place_id"], r["name"], (*_split(r["aliases"]), *more_aliases), r["kind"],
                       r["country_iso3"], r["admin1"] or None, float(r["lat"]), float(r["lon"]))


def reviewed_places(folder: Path) -> list[DomainPlace]:
    """places_domain.csv of ``folder`` alone: the reviewed list, without what feedback added."""
    return [_place(r) for r in rows("places_domain.csv", folder)]
