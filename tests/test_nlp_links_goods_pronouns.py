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
    # a compound tense and a bare partitive "en" (the French model reads it as an expletive)
    ("Les diamants sont extraits à Bria. Des négociants libanais les ont exportés vers Anvers.", "fr", None, MINING,
     "Anvers"),
    ("Le cannabis est cultivé dans la région de Kolda. Les trafiquants en vendent à Dakar.", "fr", None,
     "cannabis_trade", "Dakar"),
    # after the source of the words, in a compound past
    ("L'héroïne arrive par boutres à Zanzibar. Selon l'ONUDC, Ali Mbarak l'a expédiée à plusieurs reprises vers "
     "Maputo.", "fr", "ali mbarak", "heroin_trade", "Maputo"),
    # arrested for what they did with it: where they took it
    ("Cocaine is landed on beaches near Pemba. Police arrested two traders who had smuggled it to Nampula.", "en",
     None, "cocaine_trade", "Nampula"),
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
    # the state by its subject along a conjunction, or by what it sends the goods for
    ("Cocaine is landed on beaches near Pemba. The navy towed the boat to Nacala and then moved it to a warehouse "
     "in Beira.", "en", "Beira"),
    ("Heroin arrives in Zanzibar by dhow. The NDLEA sent it to its laboratory in Dar es Salaam for testing.", "en",
     "Dar es Salaam"),
    # a nearer object the pronoun stands for: a vehicle, a document, money
    ("Cocaine arrives in Bissau by plane. The cartel bought a speedboat and sent it to Dakar.", "en", "Dakar"),
    ("Gold is smuggled from Misisi to Kigoma. The traders forged an export certificate and sent it to the ministry "
     "in Kinshasa.", "en", "Kinshasa"),
    # goods sold lawfully
    ("L'or de Kamituga est vendu à Bukavu. Le comptoir le vend légalement à Dubaï.", "fr", "Dubaï"),
    # a nearer thing the pronoun may stand for, named in the sentence before it; two goods it may be either
    ("Heroin is landed on the beaches of Cabo Delgado. The dhow was built in Lamu; its owner later sold it to a "
     "buyer in Zanzibar.", "en", "Zanzibar"),
    ("Heroin bound for Europe often transits Mozambique. Farmers grow maize in Tete, and cooperatives truck it to "
     "Malawi.", "en", "Malawi"),
    ("Ivory and cannabis were found together at a house in Malindi. Investigators believe Abdi Noor had bought it "
     "from Somali traders and sold it in Nairobi.", "en", "Nairobi"),
])
def test_a_pronoun_the_state_handles_or_that_names_people_money_or_other_things_takes_no_goods_on(
        text: str, lang: str, place: str) -> None:
    assert not any(k[2] == place for k in counted(text, lang))
