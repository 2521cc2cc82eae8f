"""Seventeenth session, on the development parts: trafficking told by children recruited and by
migrants held until their relatives pay; smuggling told by a sum paid to a smuggler or for the
crossing; a band the text says is called something acts under that name; a panel is never the
armed group a later sentence refers back to."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import markets as _markets

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("In the Central African Republic, the Lim militia recruited at least 46 children in Kowone.", "en", "Lim",
     "Kowone"),
    ("Au Soudan, les Forces de soutien rapide ont enrôlé de force des garçons dans les camps de Hamidiya.", "fr",
     "Forces de soutien rapide", "Hamidiya"),
])
def test_children_recruited_by_a_group_are_trafficking_by_that_group(text: str, lang: str, actor: str,
                                                                      place: str) -> None:
    assert (actor, "human_trafficking", place) in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Eritrean migrants held in warehouses in Kufra are beaten until their relatives pay ransoms.", "en"),
    ("À Bani Walid, des migrants sont séquestrés jusqu'à ce que leurs familles versent une rançon.", "fr"),
])
def test_migrants_held_until_their_relatives_pay_are_trafficking(text: str, lang: str) -> None:
    assert "human_trafficking" in _markets(text, lang)


def test_a_trader_held_until_his_family_pays_is_a_kidnapping_not_trafficking() -> None:
    markets = _markets("Gang members held the businessman in Croix-des-Bouquets until his family paid a ransom.", "en")
    assert "human_trafficking" not in markets and "extortion_and_protection_racketeering" in markets


@pytest.mark.parametrize(("text", "lang"), [
    ("Survivors told IOM they had paid $4,500 each to a smuggler in Tobruk for the trip to Crete.", "en"),
    ("The Eritrean asylum-seekers had each paid $3,000 to a people-smuggler in Khartoum.", "en"),
    ("Migrants heading for the Darién Gap pay up to $1,000 each for boat crossings from Necoclí.", "en"),
    ("Les migrants avaient payé 1 500 dinars à un réseau pour rejoindre Lampedusa depuis Sfax.", "fr"),
])
def test_a_sum_paid_to_a_smuggler_or_for_a_migrants_crossing_is_smuggling(text: str, lang: str) -> None:
    assert "human_smuggling" in _markets(text, lang)


@pytest.mark.parametrize("text", [
    "Truck drivers pay 500 dollars for passage through the checkpoint at Mambasa.",
    "Traders paid 200 dollars to a network of customs agents in Kasindi.",
    # a review helper's sentences
    "Fans paid tribute to the Coyotes before the game in Phoenix.",
    "Police paid informants to infiltrate the smugglers operating around Agadez.",
    "The IOM paid for the journey home of 300 migrants from Tripoli to Lagos.",
    "Refugees in Kakuma pay about $10 a month for a place in the community school.",
    "UNHCR paid $2 million to a network of local NGOs that support refugees in Juba.",
])
def test_a_fee_for_passage_with_no_migrant_paying_it_is_no_smuggling(text: str) -> None:
    assert "human_smuggling" not in _markets(text, "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("UNICEF enrolled 5,000 children in primary schools across Borno State last year.", "en"),
    ("Chelsea recruited two teenagers from its academy in Cobham for the first team.", "en"),
    ("Les écoles de Goma ont enrôlé des milliers d'enfants déplacés cette année.", "fr"),
    ("Refugees were held at the transit centre in Agadez until relatives arrived to collect them.", "en"),
])
def test_children_enrolled_by_schools_and_migrants_held_with_no_payment_are_no_trafficking(text: str,
                                                                                           lang: str) -> None:
    assert "human_trafficking" not in _markets(text, lang)


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("Des dizaines d'enfants ont été enrôlés par les Maï-Maï à Lubero, au Nord-Kivu.", "fr", "Maï-Maï", "Lubero"),
    ("The UN verified the recruitment of 120 children by CODECO in Djugu.", "en", "CODECO", "Djugu"),
])
def test_children_recruited_by_a_named_group_are_its_trafficking(text: str, lang: str, actor: str, place: str) -> None:
    assert (actor, "human_trafficking", place) in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("MINUSCA documented that an armed group calling itself the Forces Révolutionnaires du Lim recruited at least "
     "46 children in the villages of Kowone and Ndim, in the Central African Republic.", "en",
     "Forces Révolutionnaires du Lim", "human_trafficking", "Kowone"),
    ("Selon la police, le groupe, qui se fait appeler « Team Ndiaga », a piraté des comptes de la plateforme Wave "
     "à Thiès, au Sénégal.", "fr", "Team Ndiaga", "cyber_dependent_crimes", "Thiès"),
])
def test_a_band_said_to_be_called_a_name_acts_under_that_name(text: str, lang: str, actor: str, market: str,
                                                              place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


def test_a_panel_is_never_the_armed_group_a_later_sentence_refers_back_to() -> None:
    text = ("12. The Panel of Experts obtained bank records showing that the Kivu Lions militia received payments "
            "from senders in Kampala and Goma. 13. Two defectors told the Panel that the money bought ammunition "
            "from soldiers in Beni. 14. The Panel also documented that the armed group forcibly recruited at least "
            "20 boys from Mutwanga; some were made to carry looted goods.")
    counted = _counted(text)
    assert ("Kivu Lions", "human_trafficking", "Mutwanga") in counted
    assert not any(a == "Panel of Experts" for a, _, _ in counted)


@pytest.mark.parametrize(("text", "market", "place"), [
    ("The FDLR also tax fishermen at Vitshumbi, on Lake Edward.", "extortion_and_protection_racketeering", "Vitshumbi"),
    ("In Goma, the FDLR still control charcoal kilns near Rugari.", "flora_crimes", "Rugari")])
def test_a_name_before_a_plural_verb_is_masked_as_groups_so_the_verb_stays_a_verb(text: str, market: str,
                                                                                  place: str) -> None:
    # with "group" in the name's place, "group also tax fishermen" parsed as one noun phrase: no taker
    assert ("FDLR", market, place) in _counted(text)


def test_a_un_body_a_clause_makes_a_subject_of_the_trade_is_its_source_not_a_participant() -> None:
    text = ("112. The Panel of Experts received credible reports that mounted poachers from the Sudan, travelling in "
            "groups of 15 to 30 and armed with military rifles, killed at least 19 elephants in the Chinko reserve "
            "during the dry season.")
    assert not any(a == "Panel of Experts" for a, _, _ in _counted(text))
