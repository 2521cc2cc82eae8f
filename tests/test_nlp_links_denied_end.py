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
