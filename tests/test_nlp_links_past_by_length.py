"""A past told by how long it lasted (nlp/links/past.py): "was long produced", "a longtemps contrôlé", "in the
past", "until recently", "for decades" with a simple past close their activity's time; a present or a present
perfect ("has long served", "contrôle depuis longtemps") runs up to now and stays asserted."""

from __future__ import annotations

import pytest

from tests.support.links_read import read

pytestmark = pytest.mark.slow


def _status(text: str, lang: str, market: str, place: str) -> set[str]:
    return {x["status"] for x in read(text, lang).links if x["market"] == market and x["place_surface"] == place}


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Methamphetamine was long cooked in farmhouses around Shan State's Loilem district.", "en",
     "synthetic_drug_trade", "Loilem"),
    ("Le port de Kismayo a longtemps servi de point de départ au charbon de bois exporté vers Oman.", "fr",
     "flora_crimes", "Oman"),
    ("In the past, cannabis resin from the Rif was shipped to Spain through Tangier.", "en", "cannabis_trade",
     "Tangier"),
    ("Par le passé, l'ivoire de la Garamba était convoyé vers Khartoum par des braconniers.", "fr",
     "fauna_crimes", "Khartoum"),
    ("The coastal road until recently carried most of the cocaine bound for Dakar.", "en", "cocaine_trade",
     "Dakar"),
    ("Pendant des années, le carburant nigérian traversait la frontière par Kamba pour être revendu à Gaya.",
     "fr", "non_renewable_resource_crimes", "Gaya"),
    ("For decades, heroin from Badakhshan crossed into Tajikistan through Khorog.", "en", "heroin_trade", "Khorog"),
    # the reviews': the French "jusqu'à récemment", "pendant longtemps", an opener the parser hangs on a noun
    ("Jusqu'à récemment, des braconniers convoyaient l'ivoire vers Khartoum.", "fr", "fauna_crimes", "Khartoum"),
    ("Pendant longtemps, le carburant nigérian traversait la frontière pour être revendu à Gaya.", "fr",
     "non_renewable_resource_crimes", "Gaya"),
    ("In the past, heroin from Badakhshan was smuggled through Tajikistan; today the route carries methamphetamine "
     "to Dushanbe.", "en", "heroin_trade", "Tajikistan"),
    ("For decades, smugglers moved heroin through Khorog, a route that is now closed.", "en", "heroin_trade",
     "Khorog"),
])
def test_a_simple_past_told_by_its_length_is_history(text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"historical"}


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Kismayo has long served as a hub for charcoal smuggled to Oman.", "en", "flora_crimes", "Oman"),
    ("Les miliciens Maï-Maï contrôlent depuis longtemps les puits d'or de Gety.", "fr", "non_renewable_resource_crimes", "Gety"),
    ("For two years, smugglers moved heroin through Khorog until police arrested them last week.", "en",
     "heroin_trade", "Khorog"),
    ("For years, cocaine has been landed on the beaches near Dakar.", "en", "cocaine_trade", "Dakar"),
])
def test_a_length_that_runs_up_to_now_or_a_counted_span_is_not_history(
        text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"asserted"}


# The reviews': an opener of another clause, a trade said to go on, "as long as", "long after", a reported
# "had long", a French conditional, a comparison.
@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("In the past, the route was quiet, but last year smugglers moved heroin through Khorog.", "en",
     "heroin_trade", "Khorog"),
    ("For years, officials have known that smugglers moved heroin through Khorog.", "en", "heroin_trade",
     "Khorog"),
    ("Gangs shipped cocaine to Dakar for years and still do.", "en", "cocaine_trade", "Dakar"),
    ("Illegal gold from Madre de Dios long flowed to Lima, but it now goes through Bolivia to Dubai.", "en",
     "non_renewable_resource_crimes", "Dubai"),
    ("Smugglers moved heroin through Khorog as long as the border stayed open.", "en", "heroin_trade", "Khorog"),
    ("Longtemps après le départ de la MINUSMA, des passeurs ont convoyé de l'ivoire vers Khartoum en mars.", "fr",
     "fauna_crimes", "Khartoum"),
    ("Police said smugglers had long moved heroin through Khorog.", "en", "heroin_trade", "Khorog"),
    ("Unlike in the past, smugglers moved heroin through Khorog last year.", "en", "heroin_trade", "Khorog"),
    ("Smugglers moved heroin through Khorog all year long.", "en", "heroin_trade", "Khorog"),
])
def test_a_length_of_another_clause_or_a_trade_said_to_go_on_is_not_history(
        text: str, lang: str, market: str, place: str) -> None:
    assert _status(text, lang, market, place) == {"asserted"}

