"""A denied end is the activity going on (nlp/links/status.py): "the poaching has not stopped", "has not
declined", "n'a pas cessé" assert the trade, where "has stopped" or "does not control" negate it."""

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
