"""A goods word that closes a name the model found is the name's, not the goods: cigarettes sold as
"Sahara Gold" or "Royal Gold" are no gold (nlp/market_mentions.py, ``_in_a_name``). A goods word in a
headline's capitals or at a sentence's start is still the goods."""

from __future__ import annotations

import pytest

from tests.support.links_read import markets

pytestmark = pytest.mark.slow
GOLD = "non_renewable_resource_crimes"


@pytest.mark.parametrize(("text", "lang"), [
    ("Selon une étude, des cigarettes de la marque Sahara Gold entrent au Burkina Faso par Dakola.", "fr"),
    ("Les cigarettes Royal Gold, fabriquées à Kampala, entrent en contrebande au Soudan du Sud par Nimule.", "fr"),
    ("Customs seized 300 cartons of Marlboro Gold and other untaxed cigarettes at Beitbridge.", "en"),
])
def test_a_cigarette_brand_ending_on_gold_is_no_gold(text: str, lang: str) -> None:
    found = markets(text, lang)
    assert "illicit_trade_in_excise_goods" in found
    assert GOLD not in found


@pytest.mark.parametrize("text", ["M23 Rebels Tax Coltan at Rubaya.",
                                  "Gold from Mongbwalu is smuggled to Kampala by the CODECO militia."])
def test_goods_in_a_headline_or_opening_a_sentence_stay_goods(text: str) -> None:
    assert GOLD in markets(text)
