"""Loaders for the reference taxonomy in reference/*.csv.

The CSV files are reviewed like code; these loaders are the one place that
parses them, so nlp/ (pattern building), warehouse/build (reference tables)
and reports all read the same rows. Every loader returns frozen dataclasses
and is cached: the files do not change while a process runs.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ocwatch.reference import REFERENCE_DIR

LANGS = ("en", "fr", "es", "pt")
_ACTOR_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")


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


# Added by analysts through feedback and curated by ocwatch.feedback.curate: reviewed like the rest.
ACTORS_FEEDBACK = "actors_feedback.csv"
ALIASES_FEEDBACK = "aliases_feedback.csv"
PLACES_FEEDBACK = "places_feedback.csv"
PLACE_ALIASES_FEEDBACK = "place_aliases_feedback.csv"
# Kinds of place an analyst may add (those of places_domain.csv, regions and divisions aside).
FEEDBACK_PLACE_KINDS = ("town", "mine_site", "border_post", "port", "protected_area")


def _optional_rows(name: str) -> list[dict[str, str]]:
    return _rows(name) if (REFERENCE_DIR / name).is_file() else []


@cache
def actors() -> list[Actor]:
    """actors.csv, then the actors added through feedback, each with the aliases feedback gave it."""
    rows = _rows("actors.csv") + _optional_rows(ACTORS_FEEDBACK)
    extra: dict[str, list[str]] = {}
    for r in _optional_rows(ALIASES_FEEDBACK):
        extra.setdefault(r["actor_id"], []).append(r["alias"])
    return [Actor(r["actor_id"], r["name"], (*_split(r["aliases"]), *extra.get(r["actor_id"], ())),
                  r["actor_type"] or None, r["country_iso3"] or None, r["kind"], r.get("origin", ""))
            for r in rows]


@cache
def regions() -> list[Region]:
    return [Region(r["region_id"], r["name"], _split(r["aliases"]), r["kind"], _split(r["members"]), r["origin"])
            for r in _rows("regions.csv")]


@cache
@cache
def watchlist_countries() -> frozenset[str]:
    """ISO3 codes of the countries the missions watch (mission hosts and partners)."""
    return frozenset(r["iso3"] for r in _rows("countries_watchlist.csv"))


def demonyms() -> list[Demonym]:
    return [Demonym(r["country_iso3"], _names(r)) for r in _rows("demonyms.csv")]


@cache
def places_domain() -> list[DomainPlace]:
    """places_domain.csv, then the places added through feedback, each with the aliases feedback gave it."""
    extra: dict[str, list[str]] = {}
    for r in _optional_rows(PLACE_ALIASES_FEEDBACK):
        extra.setdefault(r["place_id"], []).append(r["alias"])
    return [_place(r, extra.get(r["place_id"], ())) for r in _rows("places_domain.csv") + _optional_rows(PLACES_FEEDBACK)]


def _place(r: dict[str, str], more_aliases: tuple[str, ...] | list[str] = ()) -> DomainPlace:
    return DomainPlace(r["place_id"], r["name"], (*_split(r["aliases"]), *more_aliases), r["kind"],
                       r["country_iso3"], r["admin1"] or None, float(r["lat"]), float(r["lon"]))


def reviewed_places(folder: Path) -> list[DomainPlace]:
    """places_domain.csv of ``folder`` alone: the reviewed list, without what feedback added."""
    return [_place(r) for r in _rows("places_domain.csv", folder)]


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
    return problems + check_feedback_files(REFERENCE_DIR, known_types)


def _check_unique(file: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    return [f"{file}: duplicate id {i!r}" for i in dupes]


def _feedback_row_problems(row: dict[str, str], where: str, key: str, taken: set[str], noun: str) -> list[str]:
    """What every row feedback adds needs: a new well-formed id, a name, origin 'feedback'."""
    out = []
    if not _ACTOR_ID.match(row.get(key) or ""):
        out.append(f"{where}: {key} must be lower-case letters, digits, '_' or '-'")
    elif row[key] in taken:
        out.append(f"{where}: {key} is already {noun}")
    if not row.get("name"):
        out.append(f"{where}: name is empty")
    if row.get("origin") != "feedback":
        out.append(f"{where}: origin must be 'feedback', not {row.get('origin')!r}")
    return out


def _feedback_actor_problems(row: dict[str, str], where: str, known_types: set[str],
                             taken: set[str]) -> list[str]:
    out = _feedback_row_problems(row, where, "actor_id", taken, "an actor")
    if row.get("actor_type") not in known_types:
        out.append(f"{where}: unknown actor type {row.get('actor_type')!r}")
    return out


def check_feedback_files(folder: Path, known_types: set[str] | None = None) -> list[str]:
    """Problems in the files feedback adds to ``folder`` (actors, aliases, places and
    place aliases), each naming its file, row and id."""
    known_types = known_types if known_types is not None else {t.actor_type for t in actor_types()}

    def actor_row(row: dict[str, str], where: str, taken: set[str]) -> list[str]:
        return _feedback_actor_problems(row, where, known_types, taken)

    return (_check_pair(folder, "actors.csv", ACTORS_FEEDBACK, ALIASES_FEEDBACK, "actor_id", actor_row)
            + _check_pair(folder, "places_domain.csv", PLACES_FEEDBACK, PLACE_ALIASES_FEEDBACK, "place_id",
                          _feedback_place_problems))


def _coordinate(value: str | None, bound: int) -> bool:
    try:
        return -bound <= float(value or "") <= bound
    except ValueError:
        return False


def _feedback_place_problems(row: dict[str, str], where: str, taken: set[str]) -> list[str]:
    out = _feedback_row_problems(row, where, "place_id", taken, "a place")
    if row.get("kind") not in FEEDBACK_PLACE_KINDS:
        out.append(f"{where}: kind {row.get('kind')!r} must be one of {', '.join(FEEDBACK_PLACE_KINDS)}")
    if not re.match(r"^[A-Z]{3}$", row.get("country_iso3") or ""):
        out.append(f"{where}: country {row.get('country_iso3')!r} must be an ISO3 code")
    for key, bound in (("lat", 90), ("lon", 180)):
        if not _coordinate(row.get(key), bound):
            out.append(f"{where}: {key} {row.get(key)!r} must be a number from -{bound} to {bound}")
    return out


RowCheck = Callable[[dict[str, str], str, set[str]], list[str]]


def _check_pair(folder: Path, base: str, added: str, aliases: str, key: str, row_problems: RowCheck) -> list[str]:
    """Rows feedback ``added`` beside the reviewed ``base`` file, and ``aliases`` naming either."""
    taken = {r[key] for r in _rows(base, folder)}
    noun, problems = key.removesuffix("_id"), []
    if (folder / added).is_file():
        for n, r in enumerate(_rows(added, folder), start=2):
            problems += row_problems(r, f"{added}: row {n} ({r.get(key) or 'no id'})", taken)
            taken.add(r.get(key) or "")
    if (folder / aliases).is_file():
        for n, r in enumerate(_rows(aliases, folder), start=2):
            where = f"{aliases}: row {n} ({r.get(key) or 'no id'})"
            if r.get(key) not in taken:
                problems.append(f"{where}: no {noun} {r.get(key)!r} in {base} or {added}")
            if not r.get("alias"):
                problems.append(f"{where}: alias is empty")
            if r.get("origin") != "feedback":
                problems.append(f"{where}: origin must be 'feedback', not {r.get('origin')!r}")
    return problems
