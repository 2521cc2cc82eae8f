"""Goods a sentence names again by a pronoun alone (nlp/links/goods_pronouns.py): "then trucks it to
Johannesburg", "le font passer au Burundi", "en écoule plusieurs tonnes vers Bouaké" take the paragraph's goods on,
by whoever sends them; the state's handling of a seizure, people and money named by a pronoun do not."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

MINING = "non_renewable_resource_crimes"


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Cocaine is landed on beaches near Pemba. The Cabo Norte network then trucks it to Johannesburg.", "en",
     "cabo norte", "cocaine_trade", "Johannesburg"),
    ("Rangers found poached ivory near Garamba. The traders ship it through Aru to Kampala.", "en", None,
     "fauna_crimes", "Kampala"),
    ("Les creuseurs de Kamituga vendent leur or à des négociants. Ceux-ci le font passer au Burundi par Uvira.", "fr",
     None, MINING, "Uvira"),
    ("Des médicaments contrefaits circulent à Abidjan. Un grossiste, Ibrahim Koné, en écoule chaque mois plusieurs "
     "tonnes vers Bouaké.", "fr", "ibrahim kone", "trade_in_counterfeit_goods", "Bouaké"),
])
def test_goods_named_again_by_a_pronoun_go_where_they_are_sent(text: str, lang: str, actor: str | None, market: str,
                                                               place: str) -> None:
    keys = {(a and a.lower().replace("é", "e"), m, p) for a, m, p in counted(text, lang)}
    assert has_link(keys, actor, market, place)


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Cocaine is landed on beaches near Pemba. Police seized it and flew it to Maputo.", "en", "Maputo"),
    ("Heroin arrives in Zanzibar by dhow. Customs officers sent it back to the laboratory in Dar es Salaam for "
     "testing.", "en", "Dar es Salaam"),
    # people and money named by a pronoun are not goods: "moves them" after migrants, "sends them" after proceeds
    ("Gold from Misisi is sold to smugglers who recruit young men in Uvira. The network moves them to Bujumbura.",
     "en", "Bujumbura"),
    ("Gold from Misisi is smuggled to Kigoma and its proceeds laundered in Dubai. The network then sends them to "
     "banks in Mauritius.", "en", "Mauritius"),
])
def test_a_pronoun_the_state_handles_or_that_names_people_or_money_takes_no_goods_on(text: str, lang: str,
                                                                                    place: str) -> None:
    assert not any(k[1] == MINING or (k[2] == place and k[1] in ("cocaine_trade", "heroin_trade"))
                   for k in counted(text, lang) if k[2] == place)
