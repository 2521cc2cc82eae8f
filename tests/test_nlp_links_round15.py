"""Fifteenth round, read on part r once it was spent (dev_r): a verb the small English parser reads as a
compound of the noun after it; a place whose name holds goods' names (checked on the reference data); a
portfolio ("ministère de la Santé") and an airport code ("OMS" for Omsk) are no places; "autour de X" places
X; a name an organisation noun introduces wins over a site noun after it; members claiming a group act for
it; companies under more legal forms; trafficking, smuggling and timber words the lists lacked."""

from __future__ import annotations

import pytest

from ocwatch.reference import checks
from tests.support.links_read import counted as _counted
from tests.support.links_read import read as _result

pytestmark = pytest.mark.slow


def test_a_verb_the_parser_read_as_a_compound_of_its_object_is_read_as_the_verb() -> None:
    counted = _counted("Al-Shabaab taxes cigarettes smuggled across the Kenyan border at Dhobley, the UN panel said.")
    assert ("Al-Shabaab", "extortion_and_protection_racketeering", "Dhobley") in counted
    assert ("Al-Shabaab", "illicit_trade_in_excise_goods", "Dhobley") in counted


def test_goods_named_inside_a_sites_name_stay_goods() -> None:
    text = ("The Rapid Support Forces have turned the Jebel Amer gold mines in North Darfur into a war chest, "
            "smuggling the metal through Chad to buyers in the United Arab Emirates.")
    counted = _counted(text)
    assert {("Rapid Support Forces", "non_renewable_resource_crimes", p) for p in ("Jebel Amer", "Chad")} <= counted
    assert checks.check_taxonomy() == []  # no place name of the reference data holds a commodity's


@pytest.mark.parametrize(("text", "lang", "not_place"), [
    ("Des pirates ont chiffré lundi les serveurs du ministère colombien de la Santé, à Bogotá.", "fr", "Santé"),
    ("Des comprimés de tramadol se vendent à Cotonou, a constaté l'Organisation mondiale de la santé (OMS).",
     "fr", "OMS"),
])
def test_a_portfolio_or_an_airport_code_is_no_place(text: str, lang: str, not_place: str) -> None:
    assert not_place not in {m["surface"] for m in _result(text, lang).mentions if m["kind"] == "location"}


def test_places_around_which_a_group_takes_its_cut_are_places() -> None:
    text = ("Dans le nord-ouest de la Centrafrique, les combattants du groupe 3R rançonnent les éleveurs "
            "transhumants autour de Koui et de Bocaranga.")
    places = {p for a, m, p in _counted(text, "fr") if a == "3R"}
    assert {"Koui", "Bocaranga"} <= places


def test_a_company_named_by_its_noun_wins_over_a_site_noun_in_its_name() -> None:
    text = "La société chinoise Wan Peng Forest exploite l'afrormosia dans le territoire de Bumba."
    assert ("Wan Peng Forest", "flora_crimes", "Bumba") in _counted(text, "fr")


def test_men_claiming_a_group_act_for_it() -> None:
    text = "Des pirates se réclamant du groupe RansomHub ont chiffré lundi les serveurs de la mairie de Bogotá."
    assert ("RansomHub", "cyber_dependent_crimes", "Bogotá") in _counted(text, "fr")


@pytest.mark.parametrize(("text", "lang", "market"), [
    ("Le Tren de Aragua exploite sexuellement des femmes vénézuéliennes à Lima.", "fr", "human_trafficking"),
    ("Le gang Baz Pilate recrute de force des enfants dans les quartiers de Croix-des-Bouquets.", "fr",
     "human_trafficking"),
    ("In Abéché, smugglers charge up to $800 a head to drive them across the desert to Kufra.", "en",
     "human_smuggling"),
    ("At Reynosa the cartel charges each migrant a crossing fee.", "en", "human_smuggling"),
])
def test_trafficking_and_smuggling_told_in_words_the_lists_lacked(text: str, lang: str, market: str) -> None:
    assert market in {m["market"] for m in _result(text, lang).mentions if m["kind"] == "commodity"}


def test_a_name_before_the_legal_forms_of_other_countries_is_a_company() -> None:
    text = "The factory's owner, Balkan Tobacco d.o.o., says it sells only to licensed distributors in Banja Luka."
    mentions = _result(text).mentions
    assert any(m["kind"] == "actor" and m["entity_id"] == "named:private_sector_actors:balkan-tobacco" for m in mentions)
    assert "Balkan" not in {m["surface"] for m in mentions if m["kind"] == "location"}
