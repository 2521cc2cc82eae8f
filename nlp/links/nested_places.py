"""A country named beside a place inside it, for one activity of one sentence, only locates that place;
so does a place the text names right after another to say where that one is.

"Gold mined near Kéniéba, in Mali, is sold in Bamako", "Vietnam: rhino horn is sold openly in Hai Phong",
"the network stored the cocaine in Manzanillo, Mexico": the activity happens at the town; a country row
would count it a second time, at no place more precise than the town's own row already gives (every row
carries its country, so the country's indicators lose nothing). On the development parts such country rows
were right 8 times in 71, and 113 more were rows the gold leaves optional (docs/NLP.md item 95).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

Row = dict[str, Any]

# A place the document's country was given only by its context ("context:NGA:Apapa") may be a word the
# gazetteer does not know at all; it locates nothing.
_UNSURE = "context:"


def _activity(r: Row) -> tuple:
    """Who does what in which sentence, with what status and role: a place locates another only for this."""
    return r["sent_idx"], r["actor_id"], r["market"], r.get("role"), r["status"]


def _inner_key(r: Row) -> tuple | None:
    place = r.get("place_id") or ""
    if place.startswith(("country:", _UNSURE)) or not r.get("country_iso3"):
        return None
    if r.get("place_role") not in ("site", None):
        # goods that leave through a town of the country came from the country, whatever role the parse
        # gave it: "charcoal made in Somalia is exported from Kismayo", "l'or extrait au Mali transite par Kidal"
        return None
    return *_activity(r), r["country_iso3"]


def drop_enclosing_country(links: list[Row]) -> list[Row]:
    """Drop a country where its activity happens when the same actor's same activity in the same sentence,
    with the same status, is also placed where it happens at a town of that country. A country the goods
    come from or go to stays ("cocaine shipped from Ecuador through Manzanillo": Ecuador is no locator), and
    so does a country whose town is only on the route ("charcoal made in Somalia is exported from Kismayo")
    or was given its country only by the document's context."""
    inside = {k for r in links if (k := _inner_key(r)) is not None}

    def enclosing(r: Row) -> bool:
        place = r.get("place_id") or ""
        if not place.startswith("country:") or r.get("place_role") not in ("site", None):
            return False
        return (*_activity(r), r.get("country_iso3")) in inside

    return [r for r in links if not enclosing(r)]


# The words between a place and the larger one that locates it: ", in Masisi", ", dans le territoire de Masisi",
# ", in the department of Gracias a Dios", ", dans l'ouest du Mali", ", in northern Shan State", ", à Cotonou".
# Not "near"/"près de" (a landmark beside the place may be where the activity is: "the Maroni, near
# Maripasoula"), nor "à destination de", "en provenance de" (the route goes on).
_DIVISIONS = ("territory|province|district|department|region|state|county|municipality|prefecture|"
              "territoire|département|région|état|préfecture|sous-préfecture|commune|cercle|secteur|chefferie")
_SIDES = "northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western"
_CÔTÉS = "nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|sud-ouest"
# A site noun may close the first place's name: "the Roxy market, in Adjamé", "the Ndassima mine, in Haute-Kotto".
_SITES = "market|markets|mine|mines|port|river|camp|compound|field|fields|forest|reserve|park|crossing"
_LOCATED_IN = re.compile(
    rf"^(?:\s+(?:{_SITES}))?\s*,\s*(?P<prep>in|dans|en|au|aux|à)\s+(?:(?:the|le|la|l'|l’|les)\s*)?"
    rf"(?:(?:{_SIDES})\s+)?"
    rf"(?:(?:{_CÔTÉS})\s+(?:du|de\s+la|de\s+l'|de\s+l’|des)\s*)?"
    rf"(?:(?:{_DIVISIONS})\s+(?:of|de|du|des|d'|d’)\s*(?:the\s+|la\s+|l'|l’)?)?$", re.IGNORECASE)


def located_pairs(text: str, mentions: list[Row]) -> set[tuple[int, str, str]]:
    """(sentence, place, the place it locates) for each place the text names right after another only to
    say where that one is."""
    places = sorted((m for m in mentions if m["kind"] == "location"), key=lambda m: m["start_char"])
    out = set()
    for a, b in itertools.pairwise(places):
        if a["sent_idx"] != b["sent_idx"] or not a.get("entity_id") or not b.get("entity_id"):
            continue  # a place no gazetteer resolved locates nothing and is located by nothing
        if a["entity_id"].startswith("country:") or a["entity_id"] == b["entity_id"]:
            # a country is located by nothing; "à Fizi, dans le territoire de Fizi": the town and its territory
            # are one row
            continue
        if a.get("country_iso3") and b.get("country_iso3") and a["country_iso3"] != b["country_iso3"]:
            continue
        between = text[a["end_char"]: b["start_char"]]
        gap = _LOCATED_IN.match(between)
        if (gap and not _listed(text, a, b, gap.group("prep"))) or _division_named(text, a, b, between):
            out.add((b["sent_idx"], b["entity_id"], a["entity_id"]))
    return out


_DIVISION_BEFORE = re.compile(rf"^\s*[,(]\s*(?:(?:the|la|le|l'|l’)\s*)?(?:{_DIVISIONS})\s+(?:of|de|du|des|d'|d’)\s*"
                              r"(?:the\s+|la\s+|l'|l’)?$", re.IGNORECASE)
_DIVISION_WORD = re.compile(rf"(?:{_DIVISIONS})", re.IGNORECASE)
_DIVISION_AFTER = re.compile(rf"\s+(?:{_DIVISIONS})\b", re.IGNORECASE)


def _division_named(text: str, a: Row, b: Row, between: str) -> bool:
    """A division named with no preposition, after a comma or in brackets: "Martissant, commune de
    Port-au-Prince", "Djibo (province du Soum)", "Baga, Borno State", "Misisi (Fizi territory)". With a
    bare comma the first must be no division itself ("Borno State, Yobe State and ..." is a list)."""
    if _DIVISION_BEFORE.match(between):
        return True
    if not re.fullmatch(r"\s*[,(]\s*", between) or (a.get("entity_id") or "").startswith("admin1:"):
        return False
    words = b["surface"].split()
    return (bool(words) and _DIVISION_WORD.fullmatch(words[-1]) is not None) or \
        _DIVISION_AFTER.match(text, b["end_char"]) is not None


_PREP_BEFORE = re.compile(r"(,\s*)?\b(in|dans|en|au|aux|à)\s+(?:(?:the|le|la|l'|l’|les)\s*)?$", re.IGNORECASE)
# After the second place, the list goes on: ", in Uvira", ", and in Uvira", " and Uvira", " et à Uvira".
# (the next place's capital is what tells "and Uvira" from "and smuggled", so only the words ignore case)
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?i:in|dans|en|au|aux|à)\s|,?\s*(?i:and|et|or|ou)\s+"
                           r"(?:(?i:in|dans|en|au|aux|à)\s+)?(?:(?i:the|le|la|l'|l’)\s*)?[A-ZÀ-Ý])")


def _listed(text: str, a: Row, b: Row, prep: str) -> bool:
    """"in Goma, in Bukavu and in Uvira", "in Goma, in Bukavu, in Uvira": places in a list, each with the
    same word, locate none of the others. It is a list when it goes on after the second place or had begun
    before the first ("mined in Rubaya, in Masisi, is smuggled" does neither)."""
    before = _PREP_BEFORE.search(text[max(0, a["start_char"] - 14): a["start_char"]])
    if before is None or before.group(2).lower() != prep.lower():
        return False
    return before.group(1) is not None or _LIST_GOES_ON.match(text, b["end_char"]) is not None


def drop_locators(links: list[Row], pairs: set[tuple[int, str, str]]) -> list[Row]:
    """Drop the place that only locates another ("coltan mined at Rubaya, in Masisi territory", "les sites
    de Kouri Bougoudi, dans le Tibesti") when the same actor's same activity in that sentence, with the same
    status, is placed at the other. The gold's conventions call the containing place optional ("the most
    specific place"); on the development parts the rows this drops were wrong 44 times, optional 84 times
    and right once. ``pairs``: the document's located_pairs."""
    located: dict[tuple[int, str], set[str]] = {}
    for sent_idx, place, inner in pairs:
        located.setdefault((sent_idx, place), set()).add(inner)
    if not located:
        return links
    placed = {(_activity(r), r["place_id"]) for r in links}
    return [r for r in links if not any((_activity(r), inner) in placed
                                        for inner in located.get((r["sent_idx"], r["place_id"]), ()))]
