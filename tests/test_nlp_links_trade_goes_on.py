"""A trade the text says goes on (nlp/links/status.py, past.py): a denied end ("the poaching has not stopped",
"has not declined", "n'a pas cessé") asserts it, where "has stopped" or "does not control" negate it; and a
clause that says it goes on now ("continuent d'être convoyés", "are back") is no history because of a year."""

from __future__ import annotations

import pytest

from tests.support.links_read import read

pytestmark = pytest.mark.slow

MINING = "non_renewable_resource_crimes"


def _status(text: str, lang: str, market: str, place: str) -> set[str]:
    return {x["status"] for x in read(text, lang).links if x["market"] == market and x["place_surface"] == place}


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Gold smuggling from Mongbwalu to Uganda has not stopped, traders said.", "en", MINING, "Uganda"),
    ("The smuggling of fuel from Nigeria into Benin has not slowed, customs officials said.", "en", MINING,
     "Benin"),
    ("Le trafic d'or vers l'Ouganda n'a pas cessé, selon des négociants de Bunia.", "fr", MINING, "Ouganda"),
    ("The trafficking of cannabis through Lomé has not stopped the government from seizing shipments.", "en",
     "cannabis_trade", "Lomé"),
])
def test_a_trade_that_has_not_stopped_or_slowed_is_asserted(text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"asserted"}


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Cocaine trafficking through Bissau has not come to an end, despite the arrests.", "en", "cocaine_trade",
     "Bissau"),
    ("La contrebande de carburant vers le Bénin n'a pas pris fin avec la fermeture de la frontière.", "fr", MINING,
     "Bénin"),
    ("Le trafic d'ivoire vers Khartoum ne cesse de croître.", "fr", "fauna_crimes", "Khartoum"),
    ("Les miliciens Maï-Maï n'ont cessé de taxer les creuseurs d'or de Misisi.", "fr",
     "extortion_and_protection_racketeering", "Misisi"),
])
def test_an_end_the_trade_has_not_come_to_or_a_lone_ne_before_cesser_asserts_it(
        text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"asserted"}


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Cocaine trafficking through Bissau has come to an end, the minister said.", "en", "cocaine_trade", "Bissau"),
    ("La contrebande de carburant vers le Bénin a pris fin l'an dernier.", "fr", MINING, "Bénin"),
])
def test_a_trade_that_came_to_an_end_is_negated(text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"negated"}


# The code review's: an operation or an inquiry that ended, a route's end at a place, "ne ... que", an end to come.
@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("L'opération de l'armée contre la contrebande d'or de Walikale vers Goma a pris fin en mars.", "fr", MINING,
     "Goma"),
    ("The cocaine smuggling route from Colombia comes to an end in Antwerp, where the drugs are unloaded.", "en",
     "cocaine_trade", "Antwerp"),
    ("Gold smuggling from Walikale to Goma will come to an end when the border is sealed.", "en", MINING, "Goma"),
    ("The army has not brought gold smuggling from Walikale to Goma to an end.", "en", MINING, "Goma"),
])
def test_an_end_of_something_else_at_a_place_or_still_to_come_leaves_the_trade_asserted(
        text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"asserted"}


def test_a_trade_that_stopped_only_then_stopped() -> None:
    text = "La contrebande d'or de Walikale vers Goma ne s'est arrêtée que l'an dernier."
    assert "asserted" not in _status(text, "fr", MINING, "Goma")


def test_a_trade_that_could_come_to_an_end_is_a_hypothesis() -> None:
    text = "Fuel smuggling near Menaka could come to an end if the border is sealed."
    assert _status(text, "en", MINING, "Menaka") == {"hypothetical"}


@pytest.mark.parametrize(("text", "place"), [
    ("Gold smuggling from Mongbwalu to Uganda has stopped, traders said.", "Uganda"),
    ("The M23 does not control the coltan trade at Rubaya.", "Rubaya"),
])
def test_a_trade_that_stopped_or_a_plain_negation_stays_negated(text: str, place: str) -> None:
    assert _status(text, "en", MINING, place) == {"negated"}


# The review's: a question, a journey's halt, "end up", an arrest, and the one who did not put an end to it.
@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Has gold smuggling from Kamituga to Burundi not stopped?", "en", "Burundi"),
    ("The smugglers did not stop in Bunia but drove the gold straight to Kampala.", "en", "Bunia"),
    ("The smuggled gold from Kamituga did not end up in Dubai, investigators found.", "en", "Dubai"),
    ("Le trafic d'or vers Dubaï n'a-t-il pas cessé ?", "fr", "Dubaï"),
])
def test_a_question_a_halt_on_the_way_or_end_up_is_no_denied_end(text: str, lang: str, place: str) -> None:
    assert "asserted" not in _status(text, lang, MINING, place)


def test_who_did_not_put_an_end_to_a_trade_or_arrest_its_men_is_not_its_doer() -> None:
    text = "Les FARDC n'ont pas mis un terme à la coupe illégale de bois dans le parc des Virunga."
    links = [x for x in read(text, "fr").links if x["market"] == "flora_crimes"]
    assert any(x["status"] == "asserted" and x["actor_surface"] is None for x in links)
    assert not any(x["status"] == "asserted" and x["actor_surface"] == "FARDC" for x in links)
    text = "La police n'a pas arrêté les miliciens Maï-Maï soupçonnés de contrebande d'or à Kasindi."
    assert not any(x["status"] == "asserted" for x in read(text, "fr").links)


# A clause that says, in the present, that its activity goes on is no history because of a year elsewhere in it.
@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Des fusils d'assaut issus des stocks de la guerre des années 1990 continuent d'être convoyés en voiture de "
     "la Bosnie-Herzégovine vers la Suède.", "fr", "arms_trafficking", "Suède"),
    ("Police cleared the camps in 2019, but illegal gold dredges are back on the Madeira river near Porto Velho.",
     "en", MINING, "Porto Velho"),
])
def test_a_trade_said_to_go_on_now_is_asserted_whatever_year_the_clause_names(text: str, lang: str, market: str,
                                                                             place: str) -> None:
    assert _status(text, lang, market, place) == {"asserted"}


@pytest.mark.parametrize(("text", "market", "place", "actor"), [
    ("In 2015, smugglers still carried gold from Kamituga to Bujumbura.", MINING, "Bujumbura", None),
    # the review's: a year on the verb that goes on, a French passé composé after a year
    ("The Akasha network remains under scrutiny for shipping heroin through Mombasa in 2014.", "heroin_trade",
     "Mombasa", "Akasha"),
    ("Charcoal burning inside Virunga National Park, once dominated by FDLR fighters, is now controlled by "
     "Nyatura militiamen around Kibumba.", "flora_crimes", "Kibumba", "FDLR"),
])
def test_a_past_still_or_a_part_that_is_over_stays_historical(text: str, market: str, place: str,
                                                              actor: str | None) -> None:
    assert {x["status"] for x in read(text, "en").links if x["market"] == market and x["place_surface"] == place
            and x["actor_surface"] == actor} == {"historical"}


def test_a_french_past_again_after_an_opening_year_stays_historical() -> None:
    text = "En 2015, les passeurs ont encore transporté de l'or de Kamituga vers Bujumbura."
    assert "asserted" not in _status(text, "fr", MINING, "Bujumbura")
