"""Goods named as the cover other goods were hidden in (nlp/links/cover.py): the timber, charcoal or fuel a
load was hidden in or passed off as is no trade of its own, and "the drug" or "the cargo" named next are the
hidden goods, not the cover."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted

pytestmark = pytest.mark.slow

FLORA = "flora_crimes"
MINING = "non_renewable_resource_crimes"


@pytest.mark.parametrize(("text", "lang", "cover", "hidden", "place"), [
    ("The cocaine arrived in Abidjan from Brazil hidden in a container of timber.", "en", FLORA, "cocaine_trade",
     "Brazil"),
    ("Rangers say the ivory was concealed in timber containers bound for Haiphong.", "en", FLORA, "fauna_crimes",
     "Haiphong"),
    ("Border guards found Captagon pills hidden in the fuel tank of a lorry entering from Syria.", "en", MINING,
     "synthetic_drug_trade", "Syria"),
    ("Police found heroin stashed under bags of charcoal in a truck in Mombasa.", "en", FLORA, "heroin_trade",
     "Mombasa"),
    ("Cocaine disguised as charcoal briquettes was shipped from Santos to Antwerp.", "en", FLORA, "cocaine_trade",
     "Antwerp"),
    ("La cocaïne était dissimulée dans une cargaison de bois en provenance du Brésil.", "fr", FLORA, "cocaine_trade",
     "Brésil"),
    ("Les douaniers ont saisi de la cocaïne cachée dans des sacs de charbon à Abidjan.", "fr", FLORA,
     "cocaine_trade", "Abidjan"),
    ("De la cocaïne camouflée en charbon de bois a été expédiée de Santos vers Anvers.", "fr", FLORA,
     "cocaine_trade", "Anvers"),
    # stuffed, packed or mixed in to pass unseen
    ("Heroin stuffed into sacks of charcoal was seized in Mombasa.", "en", FLORA, "heroin_trade", "Mombasa"),
    ("Cocaine mixed with charcoal was shipped from Colombia to Spain.", "en", FLORA, "cocaine_trade", "Spain"),
    ("De l'héroïne mélangée à du charbon a été saisie à Mombasa.", "fr", FLORA, "heroin_trade", "Mombasa"),
])
def test_goods_a_load_was_hidden_in_or_passed_off_as_are_no_trade(text: str, lang: str, cover: str, hidden: str,
                                                                  place: str) -> None:
    keys = counted(text, lang)
    assert not any(k[1] == cover for k in keys)
    assert any(k[1] == hidden and k[2] == place for k in keys)


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Customs in Mombasa found cocaine hidden in sacks of charcoal. The drug was bound for Dubai.", "en", "Dubai"),
    ("Customs in Mombasa found cocaine hidden in sacks of charcoal. The cargo had come from Kismayo.", "en",
     "Kismayo"),
    ("Police found 1.2 tonnes of cocaine in a warehouse in San-Pédro. The prosecutor said the drug had arrived "
     "from Brazil hidden in a container of timber.", "en", "Brazil"),
])
def test_the_goods_named_after_a_cover_are_the_hidden_goods(text: str, lang: str, place: str) -> None:
    keys = counted(text, lang)
    assert any(k[1] == "cocaine_trade" and k[2] == place for k in keys)
    assert not any(k[1] == FLORA for k in keys)


def test_the_drugs_named_again_are_no_wildlife_seized_before() -> None:
    keys = counted("Police seized ivory in Mombasa. The drugs were hidden in sacks of charcoal bound for Dubai.")
    assert not any(k[2] == "Dubai" for k in keys)


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    # the cover's own market when it is the goods hidden
    ("Charcoal burned in Virunga is hidden in trucks bound for Goma.", "en", FLORA, "Goma"),
    ("Traders in Goma sell charcoal hidden from rangers in Virunga.", "en", FLORA, "Goma"),
    # the container the goods were hidden in is no cover of goods named in it
    ("Un transitaire a expédié des conteneurs vers Cap-Haïtien dans lesquels des fusils étaient dissimulés sous des "
     "vêtements usagés.", "fr", "arms_trafficking", "Cap-Haïtien"),
    ("Smugglers hid gold bars under the seats of a bus travelling from Bunia to Kampala.", "en", MINING, "Kampala"),
    # people who hide are no load: the camps they hide in are the trade's
    ("FDLR fighters hide in the charcoal camps of the Virunga park near Goma.", "en", FLORA, "Goma"),
    ("Les combattants des FDLR se cachent dans les camps de charbon du parc des Virunga.", "fr", FLORA,
     "parc des Virunga"),
    # a site or a trade named in the phrase, goods a band trades itself
    ("Police found weapons hidden in a cocaine laboratory run by the Clan del Golfo in Antioquia.", "en",
     "cocaine_trade", "Antioquia"),
    ("Al-Shabaab militants hide weapons in the charcoal they export from Kismayo to Dubai.", "en", FLORA, "Dubai"),
])
def test_goods_that_are_themselves_hidden_keep_their_trade(text: str, lang: str, market: str, place: str) -> None:
    assert any(k[1] == market and k[2] == place for k in counted(text, lang))
