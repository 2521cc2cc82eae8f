"""Goods named again by a pronoun (nlp/links/named_again.py): "Elles sont revendues au marché Kafira", "Much
of it is smuggled across Lake Tanganyika", "Ils arrivent d'Inde ... et repartent vers Niamey". The subject of
a passive verb of the trade, a share of it, or a plural that moves on, carries the paragraph's trade on; a
pronoun under a verb that is no trade ("Il a été attaqué", "They were arrested") and goods moved by a new
agent ("transported to Bukavu by the police") do not."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Les cigarettes de contrebande arrivent du Soudan. Elles sont revendues au marché Kafira, à Dire Daoua.",
     "fr", "illicit_trade_in_excise_goods", "Kafira"),
    ("Gold from South Kivu is traded in Uvira. Much of it is smuggled across Lake Tanganyika to Bujumbura.", "en",
     "non_renewable_resource_crimes", "Bujumbura"),
    ("Le tramadol inonde le nord du Nigeria. Ils arrivent d'Inde par conteneurs et repartent vers Niamey.", "fr",
     "synthetic_drug_trade", "Niamey"),
    ("Les faux médicaments saisis à Gulu venaient du Kenya. Selon l'Autorité, ils avaient été importés d'Ouganda.",
     "fr", "trade_in_counterfeit_goods", "Ouganda"),
])
def test_goods_named_again_by_a_pronoun_carry_the_trade_on(text: str, lang: str, market: str, place: str) -> None:
    assert has_link(counted(text, lang), None, market, place)


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Le groupe armé contrôle les mines d'or de Lodjo. Il a été attaqué à Djugu par l'armée.", "fr", "Djugu"),
    ("Police seized 200 kg of cannabis in Kisumu. They were arrested in Busia.", "en", "Busia"),
    # a new agent starts a new story
    ("Gold from South Kivu is traded in Uvira. It was then transported to Bukavu by the police.", "en", "Bukavu"),
])
def test_a_pronoun_that_is_no_goods_moved_carries_nothing_on(text: str, lang: str, place: str) -> None:
    assert not any(k[2] == place for k in counted(text, lang))
