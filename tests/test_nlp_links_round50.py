"""Fiftieth session: a country named as a currency's ("US dollars", "dollars US", "Zimbabwe dollars") is no place
where anything happens; the Gulf Clan's French and English names are the Gulf Clan; goods under "their" after a
band are the band's; a band "also known as" a name acts under it; a person arrested is caught, not ceasing; the
peoples the first list left out are no actors; a person introduced by their people and age is a person. Each text
is a variant of a construction that failed on the development parts, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import mentioned, read

pytestmark = pytest.mark.slow


def _asserted_doers(text: str, lang: str, places: tuple[str, ...]) -> set[str | None]:
    return {x["actor_surface"] for x in read(text, lang).links
            if x["place_surface"] in places and x["status"] == "asserted"}


@pytest.mark.parametrize(("text", "lang", "currency_of"), [
    ("Bulawayo Minerals buys gold from small-scale miners with undeclared US dollars and flies it to Dubai.", "en",
     "US"),
    ("Le comptoir paie en dollars US les creuseurs de Kamituga et revend l'or à Kampala.", "fr", "US"),
    ("The syndicate paid 300 Zimbabwe dollars a gram to diggers near Mutare.", "en", "Zimbabwe"),
])
def test_a_country_named_as_a_currencys_is_no_place(text: str, lang: str, currency_of: str) -> None:
    places = mentioned(text, "location", lang)
    assert currency_of not in places
    assert places  # the places of the deal are still read


def test_a_country_beside_a_currency_word_in_another_sense_is_still_a_place() -> None:
    assert "US" in mentioned("The firm flies the gold to the US and banks the dollars in Dubai.", "location", "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("Le groupe armé, qui se fait appeler Armée gaitaniste de Colombie, contrôle le passage vers le Darién.", "fr"),
    ("Migrants pay the Gaitanist Army of Colombia for the crossing from Necoclí into the Darién.", "en"),
])
def test_the_gulf_clans_own_name_in_french_and_english_is_the_gulf_clan_not_colombia(text: str, lang: str) -> None:
    mentions = read(text, lang).mentions
    assert any(m["kind"] == "actor" and m["entity_id"].startswith("gulf_clan") for m in mentions)
    assert "Colombie" not in {m["surface"] for m in mentions if m["kind"] == "location"}
    assert "Colombia" not in {m["surface"] for m in mentions if m["kind"] == "location"}


@pytest.mark.parametrize(("text", "lang", "band", "place"), [
    ("Dans le Nord-Ouest, les combattants du Front de libération du Manyu (FLM) rançonnent les commerçants de Kumba. "
     "Une partie de leurs armes arrive du Nigeria par des pistes près d'Ekok.", "fr", "Front de libération du Manyu "
     "(FLM)", "Ekok"),
    ("Fighters of the Manyu Liberation Front tax traders in Kumba. Most of their rifles come from Nigeria along "
     "forest tracks near Ekok.", "en", "Manyu Liberation Front", "Ekok"),
])
def test_their_goods_after_a_band_are_the_bands(text: str, lang: str, band: str, place: str) -> None:
    doers = _asserted_doers(text, lang, (place,))
    assert doers and all(d and d in band for d in doers)  # the band, by its name or its acronym


def test_their_kidnappers_after_a_band_are_the_victims_not_the_bands() -> None:
    links = read("Le gang Grand Ravine contrôle le tronçon de Martissant. Dimanche, deux religieuses ont été enlevées "
                 "à Carrefour-Feuilles ; leurs ravisseurs réclament 500 000 dollars.", "fr").links
    assert "Grand Ravine" not in {x["actor_surface"] for x in links if x["place_surface"] == "Carrefour-Feuilles"}


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("The Clan del Golfo taxes migrants in Necoclí. The group, also known as the Autodefensas Gaitanistas de "
     "Colombia, ships cocaine from the same beaches toward Colón.", "en", "Autodefensas Gaitanistas de Colombia"),
    ("Fishermen in Kismayo pay the Jubba Coast Guard for every catch. The militia, also known as the Badbaado "
     "Brigade, ships charcoal from the same beaches toward Hamriyah.", "en", "Badbaado Brigade"),
])
def test_a_band_also_known_as_a_name_acts_under_that_name(text: str, lang: str, name: str) -> None:
    assert name in _asserted_doers(text, lang, ("Colón", "Hamriyah"))


@pytest.mark.parametrize("text", [
    "Un homme, Abdou Diallo, a été arrêté à Rosso avec 40 kilos de cannabis.",
    "Un Nigérian, Chukwudi Eze, a été arrêté à Cotonou avec deux kilos de cocaïne.",
])
def test_a_person_arrested_is_caught_not_ceasing(text: str) -> None:
    result = read(text, "fr")
    assert {m["status"] for m in result.mentions if m["kind"] == "actor"} == {"asserted"}
    assert {x["status"] for x in result.links} <= {"asserted"}


@pytest.mark.parametrize(("text", "lang", "people"), [
    ("A 34-year-old Kosovar, Driton Shala, was arrested in Dragash with six kilos of heroin he had collected in "
     "Kukës.", "en", "Kosovar"),
    ("Le Kosovar a transporté l'héroïne de Kukës à Pristina.", "fr", "Kosovar"),
])
def test_a_people_named_for_the_countries_the_first_list_left_out_is_no_actor(text: str, lang: str,
                                                                               people: str) -> None:
    result = read(text, lang)
    assert people not in {m["surface"] for m in result.mentions if m["kind"] == "actor"}
    assert people not in {x["actor_surface"] for x in result.links}
    assert any(x["market"] == "heroin_trade" for x in result.links)  # the deed is still read


@pytest.mark.parametrize(("text", "name"), [
    ("Un Kosovar de 34 ans, Driton Shala, transportait six kilos d'héroïne de Kukës à Pristina.", "Driton Shala"),
    ("Un Albanais de 29 ans, Ardit Hoxha, convoyait la cocaïne de Durrës à Bari.", "Ardit Hoxha"),
])
def test_a_person_introduced_by_their_people_and_age_is_a_person(text: str, name: str) -> None:
    assert name in mentioned(text, "actor", "fr")
