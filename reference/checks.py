"""Checks of the reference data and of the files analysts' feedback adds beside it.

Run by the tests and by ``ocwatch feedback curate`` before a curated file
replaces the one in reference/: each problem names its file, row and id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ocwatch.reference import taxonomy
from ocwatch.reference.names import fold
from ocwatch.reference.taxonomy import (
    ACTOR_ID,
    ACTORS_FEEDBACK,
    ALIASES_FEEDBACK,
    FEEDBACK_PLACE_KINDS,
    PLACE_ALIASES_FEEDBACK,
    PLACES_FEEDBACK,
    activities,
    actor_types,
    actors,
    commodities,
    market_ids,
    places_domain,
    regions,
    rows,
)


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
    problems += _names_shared()
    for region in regions():
        if not region.members or not all(len(m) == 3 and m.isupper() for m in region.members):
            problems.append(f"regions.csv: {region.region_id}: members must be ISO3 codes, got {region.members!r}")
        if not region.origin:
            problems.append(f"regions.csv: {region.region_id}: no origin")
    problems += _goods_in_place_names()
    # the folder is looked up when called: tests and curation point the taxonomy at a copy
    return problems + check_feedback_files(taxonomy.REFERENCE_DIR, known_types)


def _name_key(name: str) -> str:
    # as the matcher reads a name: an acronym by its letters, any other name without case or accents
    return name if not any(ch.islower() for ch in name) else fold(name)


def _names_shared() -> list[str]:
    """A name or alias must name one actor: one written for two rivals (the Kavač and Škaljari clans
    under one row, or an alias given to two rows) merges their links in every indicator."""
    owners: dict[str, set[str]] = {}
    for actor in actors():
        for name in actor.all_names:
            owners.setdefault(_name_key(name), set()).add(actor.actor_id)
    return [f"actors.csv: the name {key!r} names {' and '.join(sorted(ids))}; give it to one actor"
            for key, ids in sorted(owners.items()) if len(ids) > 1]


def _goods_in_place_names() -> list[str]:
    """A place's name must not hold a commodity's: the matcher gives the whole name to the place, and the
    goods it names ("Jebel Amer gold mines") would be lost to every link."""
    goods = sorted({n.lower() for c in commodities() for names in c.names.values() for n in names if len(n) > 2})
    out = []
    for p in places_domain():
        for name in p.all_names:
            words = " " + name.lower().replace("'", "' ").replace("’", "’ ") + " "
            hit = next((g for g in goods if f" {g} " in words and g != name.lower()), None)
            if hit:
                out.append(f"places_domain.csv: {p.place_id}: the name {name!r} holds the commodity {hit!r}; "
                           "name the place alone (the goods are found on their own)")
    return out


def _check_unique(file: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    return [f"{file}: duplicate id {i!r}" for i in dupes]


def _feedback_row_problems(row: dict[str, str], where: str, key: str, taken: set[str], noun: str) -> list[str]:
    """What every row feedback adds needs: a new well-formed id, a name, origin 'feedback'."""
    out = []
    if not ACTOR_ID.match(row.get(key) or ""):
        out.append(f"{where}: {key} must be lower-case letters, digits, '_' or '-'")
    elif row[key] in taken:
        out.append(f"{where}: {key} is already {noun}")
    return out + _filled_by_feedback(row, where, "name")


def _filled_by_feedback(row: dict[str, str], where: str, field: str) -> list[str]:
    """A row feedback wrote: ``field`` given, origin 'feedback'."""
    out = [f"{where}: {field} is empty"] if not row.get(field) else []
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
    taken = {r[key] for r in rows(base, folder)}
    noun, problems = key.removesuffix("_id"), []
    if (folder / added).is_file():
        for n, r in enumerate(rows(added, folder), start=2):
            problems += row_problems(r, f"{added}: row {n} ({r.get(key) or 'no id'})", taken)
            taken.add(r.get(key) or "")
    if (folder / aliases).is_file():
        for n, r in enumerate(rows(aliases, folder), start=2):
            where = f"{aliases}: row {n} ({r.get(key) or 'no id'})"
            if r.get(key) not in taken:
                problems.append(f"{where}: no {noun} {r.get(key)!r} in {base} or {added}")
            problems += _filled_by_feedback(r, where, "alias")
    return problems
