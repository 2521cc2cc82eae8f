"""Goods a report names again by what they are packed in or by their kind (nlp/links/named_again.py):
"the bales are flown out", "les bidons sont stockés à Mora", "les animaux sont acheminés vers Toliara".
Each carries on the trade the paragraph spoke of last; a pack of other goods ("the sacks of maize"), a
kind that is not its market's ("the animals" after cocaine) and a pack after a trade in people do not."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

CANNABIS, FUEL, FAUNA = "cannabis_trade", "non_renewable_resource_crimes", "fauna_crimes"


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Cannabis is grown around Kigulube. The bales are flown out on small planes and sold in Bukavu.", "en",
     CANNABIS, "Bukavu"),
    ("Le carburant de contrebande venu du Nigeria inonde l'Extrême-Nord. Les bidons sont stockés à Mora avant "
     "d'être revendus.", "fr", FUEL, "Mora"),
    ("La police a saisi du chanvre indien à Kpalimé. Les sacs sont vendus à Goma.", "fr", CANNABIS, "Goma"),
    ("Customs found cocaine in a container at Matadi. The container had arrived from Santos.", "en",
     "cocaine_trade", "Santos"),
    # where goods "end up" is where they arrive, not an activity that ended
    ("Fishermen also smuggle cigarettes to Senegal. The packages end up in Dakar.", "en",
     "illicit_trade_in_excise_goods", "Dakar"),
])
def test_goods_named_again_by_their_pack_carry_the_trade_on(text: str, lang: str, market: str, place: str) -> None:
    assert has_link(counted(text, lang), None, market, place)


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Le trafic de tortues radiées s'est maintenu. Les animaux sont acheminés par la route vers Toliara.", "fr",
     FAUNA, "Toliara"),
    ("Police seized hashish in Tangier. The resin had been loaded in Nador.", "en", CANNABIS, "Nador"),
    ("La police a saisi du cannabis à Kpalimé. L'herbe est vendue à Kinshasa.", "fr", CANNABIS, "Kinshasa"),
    ("Opium poppy is grown in Badakhshan. The harvest is smuggled to Tajikistan.", "en", "heroin_trade",
     "Tajikistan"),
    ("Les militaires ont découvert des raffineries de pétrole illégales. Le brut est acheminé vers Cotonou.",
     "fr", FUEL, "Cotonou"),
])
def test_goods_named_again_by_their_kind_carry_their_own_trade_on(text: str, lang: str, market: str,
                                                                   place: str) -> None:
    assert has_link(counted(text, lang), None, market, place)


def test_wildlife_parts_described_by_a_participle_still_name_the_goods_again() -> None:
    text = ("Le braconnage des pangolins s'intensifie dans l'Est du Cameroun. Les écailles, achetées à des "
            "chasseurs des environs de Lomié, sont revendues à Douala.")
    assert has_link(counted(text, "fr"), None, FAUNA, "Douala")


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    # a pack of goods of its own
    ("Police seized cannabis in Kiwanja. The sacks of maize were sold in Goma.", "en", CANNABIS, "Goma"),
    ("La police a saisi de la cocaïne à Matadi. Les caisses de bière venaient de Kinshasa.", "fr",
     "cocaine_trade", "Kinshasa"),
    # a kind that is not the market's goods
    ("Police seized cocaine in Matadi. The animals were taken to Kinshasa.", "en", "cocaine_trade", "Kinshasa"),
    # a pack after a trade in people holds goods, not people
    ("Chinese workers were trafficked to Prato and forced to work. The bags were sold in Florence.", "en",
     "human_trafficking", "Florence"),
])
def test_a_pack_or_kind_that_is_not_the_paragraphs_goods_carries_nothing_on(text: str, lang: str, market: str,
                                                                           place: str) -> None:
    assert not any(k[1] == market and k[2] == place for k in counted(text, lang))


# The code review's findings, mended at their cause
@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Poachers traffic parrots through Douala. Volunteers released the birds in Limbe.", "en", "Limbe"),
    ("The Taliban taxed opium poppy in Helmand. Drought ruined the harvest in Kandahar.", "en", "Kandahar"),
    ("Police seized cocaine at Matadi. The boxes were distributed to flood victims in Kinshasa.", "en", "Kinshasa"),
    ("Police seized cocaine at Antwerp. The containers carrying bananas were shipped to Rotterdam.", "en",
     "Rotterdam"),
    ("La police a saisi du cannabis à Kpalimé. Les sacs contenant du maïs sont vendus à Lomé.", "fr", "Lomé"),
    ("Le braconnage des pangolins s'intensifie. Les peaux synthétiques viennent de Chine.", "fr", "Chine"),
    ("Le trafic d'ivoire persiste au Congo. Les animaux sont protégés dans le parc d'Odzala.", "fr", "Odzala"),
    ("Customs seized fake medicines in Lomé. These products are popular in Accra.", "en", "Accra"),
])
def test_a_pack_or_kind_not_traded_or_holding_other_goods_carries_nothing_on(text: str, lang: str,
                                                                            place: str) -> None:
    assert not any(k[2] == place for k in counted(text, lang))


def test_a_word_of_other_goods_does_not_hide_the_goods_named_again_after_it() -> None:
    text = "Police seized cocaine at Matadi. The sacks of cement hid the drugs, which were taken to Kinshasa."
    assert has_link(counted(text, "en"), None, "cocaine_trade", "Kinshasa")
