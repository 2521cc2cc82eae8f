"""A country named beside a town inside it, for the same activity of the same sentence, only locates the
town: the activity is counted once, at the town, whose row carries the country (nlp/links/nested_places.py).
A country the goods come from or go to is a place of the route in its own right and stays. So does a place
named right after another only to say where it is ("Rubaya, in Masisi territory"): the activity is at the
first."""

from __future__ import annotations

from typing import Any

import pytest

from ocwatch.nlp.links.nested_places import drop_enclosing_country, drop_locators, located_pairs
from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has


def _row(place_id: str, iso3: str, **kw: Any) -> dict[str, Any]:
    base = {"sent_idx": 0, "actor_id": None, "market": "cocaine_trade", "role": None, "status": "asserted",
            "place_id": place_id, "country_iso3": iso3, "place_role": "site"}
    return {**base, **kw}


def _places(rows: list[dict[str, Any]]) -> list[str]:
    return [r["place_id"] for r in drop_enclosing_country(rows)]


def test_a_country_beside_a_town_inside_it_is_dropped() -> None:
    assert _places([_row("country:MEX", "MEX"), _row("geonames:3996663", "MEX")]) == ["geonames:3996663"]


def test_a_country_of_another_town_stays() -> None:
    assert _places([_row("country:GTM", "GTM"), _row("geonames:3996663", "MEX")]) == [
        "country:GTM", "geonames:3996663"]


@pytest.mark.parametrize("role", ["origin", "destination", "transit"])
def test_a_country_on_the_route_stays(role: str) -> None:
    assert "country:MEX" in _places([_row("country:MEX", "MEX", place_role=role), _row("geonames:1", "MEX")])


@pytest.mark.parametrize("other", [{"sent_idx": 1}, {"actor_id": "cjng"}, {"market": "heroin_trade"},
                                   {"status": "negated"}, {"role": "enforcer"}])
def test_only_the_same_activity_of_the_same_sentence_locates_the_country(other: dict[str, Any]) -> None:
    assert "country:MEX" in _places([_row("country:MEX", "MEX"), _row("geonames:1", "MEX", **other)])


def test_a_town_known_only_from_the_documents_country_locates_nothing() -> None:
    assert "country:NGA" in _places([_row("country:NGA", "NGA"), _row("context:NGA:Idiroko", "NGA")])


@pytest.mark.slow
@pytest.mark.parametrize(("text", "lang", "market", "town", "country"), [
    ("Falsified antibiotics are sold in street markets in Port Sudan and Kassala, in Sudan.", "en",
     "trade_in_counterfeit_goods", "Kassala", "Sudan"),
    ("Des médicaments falsifiés sont vendus sur les marchés de Port-Soudan et de Kassala, au Soudan.", "fr",
     "trade_in_counterfeit_goods", "Kassala", "Soudan"),
    ("Gold mined near Kéniéba, in Mali, is sold to traders in Bamako.", "en", "non_renewable_resource_crimes",
     "Bamako", "Mali"),
])
def test_the_activity_is_counted_at_the_town_not_again_at_its_country(text: str, lang: str, market: str,
                                                                     town: str, country: str) -> None:
    keys = _counted(text, lang)
    assert _has(keys, None, market, town)
    assert not any(k[2] == country for k in keys)


def _mention(surface: str, text: str, entity_id: str, iso3: str | None) -> dict[str, Any]:
    start = text.index(surface)
    return {"kind": "location", "surface": surface, "sent_idx": 0, "start_char": start,
            "end_char": start + len(surface), "entity_id": entity_id, "country_iso3": iso3}


def _after_locators(text: str, places: list[tuple[str, str, str | None]]) -> list[str]:
    mentions = [_mention(s, text, e, c) for s, e, c in places]
    rows = [_row(e, c or "") for _, e, c in places]
    return [r["place_id"] for r in drop_locators(rows, located_pairs(text, mentions))]


@pytest.mark.parametrize("text", [
    "Coltan mined at Rubaya, in Masisi, is smuggled.",
    "Coltan mined at Rubaya, in Masisi territory, is smuggled.",
    "Le coltan extrait à Rubaya, dans le territoire de Masisi, est exporté.",
    "Le coltan extrait à Rubaya, au Masisi, est exporté.",
    "Coltan from the Rubaya mines, in northern Masisi, is smuggled.",
])
def test_a_place_named_to_say_where_another_is_is_dropped(text: str) -> None:
    assert _after_locators(text, [("Rubaya", "domain:rubaya", "COD"), ("Masisi", "domain:masisi", "COD")]) == [
        "domain:rubaya"]


@pytest.mark.parametrize("text", [
    "Coltan mined at Rubaya, near Masisi, is smuggled.",
    "Coltan mined at Rubaya and Masisi is smuggled.",
    "Le coltan arrive à Rubaya, à destination de Masisi.",
])
def test_a_place_beside_another_or_on_its_route_stays(text: str) -> None:
    assert len(_after_locators(text, [("Rubaya", "domain:rubaya", "COD"), ("Masisi", "domain:masisi", "COD")])) == 2


def test_a_place_of_another_country_locates_nothing() -> None:
    text = "Fuel is sold at Ben Gardane, in Libya."
    assert len(_after_locators(text, [("Ben Gardane", "geonames:1", "TUN"), ("Libya", "geonames:2", "LBY")])) == 2


def test_a_place_after_a_country_is_no_locator_of_it() -> None:
    text = "Diamonds from Angola, in Lunda Norte, are sold."
    assert len(_after_locators(text, [("Angola", "country:AGO", "AGO"), ("Lunda Norte", "admin1:AO-LNO", "AGO")])) == 2


def test_the_locator_stays_for_an_activity_not_placed_at_the_first_place() -> None:
    text = "Coltan mined at Rubaya, in Masisi, is smuggled."
    mentions = [_mention("Rubaya", text, "domain:rubaya", "COD"), _mention("Masisi", text, "domain:masisi", "COD")]
    rows = [_row("domain:rubaya", "COD"), _row("domain:masisi", "COD", market="extortion_and_protection_racketeering")]
    assert len(drop_locators(rows, located_pairs(text, mentions))) == 2


@pytest.mark.slow
@pytest.mark.parametrize(("text", "lang", "market", "site", "locator"), [
    ("Cocaine is landed at Brus Laguna, in the department of Gracias a Dios, and flown to Guatemala.", "en",
     "cocaine_trade", "Brus Laguna", "Gracias a Dios"),
    ("Coltan mined at Rubaya, in Masisi, is smuggled to Gisenyi.", "en", "non_renewable_resource_crimes", "Rubaya",
     "Masisi"),
    ("Le M23 taxe le coltan extrait à Rubaya, dans le territoire de Masisi.", "fr", "non_renewable_resource_crimes",
     "Rubaya", "Masisi"),
    ("Des armes venues de Libye sont revendues à Kouri Bougoudi, dans le Tibesti, et à Faya.", "fr",
     "arms_trafficking", "Kouri Bougoudi", "Tibesti"),
])
def test_the_activity_is_counted_where_it_is_not_again_where_that_place_lies(
        text: str, lang: str, market: str, site: str, locator: str) -> None:
    keys = _counted(text, lang)
    assert any(k[1] == market and k[2] == site for k in keys)
    assert not any(k[2] == locator for k in keys)


# The review's findings (thirty-fifth session): goods leaving through a town came from its country; places in
# a list locate none of the others; a town and its namesake territory are one place; a division named with no
# preposition still locates.
@pytest.mark.parametrize("role", ["origin", "transit", "destination"])
def test_a_town_on_the_route_locates_no_country(role: str) -> None:
    assert "country:SOM" in _places([_row("country:SOM", "SOM"), _row("geonames:1", "SOM", place_role=role)])


@pytest.mark.parametrize("text", [
    "Cassiterite is sold in Goma, in Bukavu and in Uvira.",
    "Cassiterite is sold in Goma, in Bukavu, and in Uvira.",
    "Cassiterite is sold in Goma, in Bukavu and Uvira.",
    "Cassiterite is sold in Goma, in Bukavu, in Uvira.",
    "La cassitérite est vendue à Goma, à Bukavu et à Uvira.",
])
def test_places_in_a_list_locate_none_of_the_others(text: str) -> None:
    places = [("Goma", "domain:goma", "COD"), ("Bukavu", "domain:bukavu", "COD"), ("Uvira", "domain:uvira", "COD")]
    assert len(_after_locators(text, places)) == 3


def test_a_town_and_its_namesake_territory_are_one_place() -> None:
    text = "L'or est extrait à Fizi, dans le territoire de Fizi."
    first, second = _mention("Fizi", text, "domain:fizi", "COD"), _mention("Fizi", text, "domain:fizi", "COD")
    second["start_char"], second["end_char"] = text.rindex("Fizi"), text.rindex("Fizi") + 4
    assert drop_locators([_row("domain:fizi", "COD")], located_pairs(text, [first, second])) == [_row("domain:fizi", "COD")]


@pytest.mark.parametrize("text", [
    "Gangs extort drivers at Martissant, commune de Masisi.",
    "Gangs extort drivers at Martissant (Masisi territory).",
    "Gangs extort drivers at Martissant, Masisi territory.",
    "Gangs extort drivers at Martissant, Masisi State.",
])
def test_a_division_named_without_a_preposition_locates_the_place_before_it(text: str) -> None:
    assert _after_locators(text, [("Martissant", "geonames:1", "COD"), ("Masisi", "domain:masisi", "COD")]) == [
        "geonames:1"]


def test_a_bare_comma_between_two_divisions_is_a_list() -> None:
    text = "Bandits extort herders in Zamfara, Sokoto State and Katsina."
    assert len(_after_locators(text, [("Zamfara", "admin1:NG-ZA", "NGA"), ("Sokoto", "admin1:NG-SO", "NGA")])) == 2


@pytest.mark.slow
@pytest.mark.parametrize(("text", "lang", "origin"), [
    ("Charcoal made in Somalia is exported from Kismayo to Oman.", "en", "Somalia"),
    ("L'or extrait au Mali transite par Kidal avant d'être vendu à Dubaï.", "fr", "Mali"),
])
def test_the_country_goods_come_from_stays_beside_the_town_they_leave_by(text: str, lang: str, origin: str) -> None:
    assert any(k[2] == origin for k in _counted(text, lang))


@pytest.mark.slow
@pytest.mark.parametrize("text", ["The FDLR sells charcoal in Goma, in Bukavu and in Uvira.",
                                  "The FDLR sells charcoal in Goma, in Bukavu, and in Uvira.",
                                  "The FDLR sells charcoal in Goma, in Bukavu, in Uvira."])
def test_a_list_of_towns_keeps_every_town(text: str) -> None:
    keys = _counted(text)
    assert {"Goma", "Bukavu", "Uvira"} <= {k[2] for k in keys}


def test_a_place_no_gazetteer_resolved_locates_nothing() -> None:
    text = "Coltan mined at Rubaya, in Masisi, is smuggled."
    assert len(_after_locators(text, [("Rubaya", "", "COD"), ("Masisi", "domain:masisi", "COD")])) == 2


def test_a_division_word_inside_a_name_is_no_division() -> None:
    text = "Gangs extort drivers at Martissant, Upstate."
    assert len(_after_locators(text, [("Martissant", "geonames:1", "COD"), ("Upstate", "domain:up", "COD")])) == 2
