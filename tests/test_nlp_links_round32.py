"""Thirty-second session: migrant smuggling told by who moves people or organises crossings, people trafficked,
money named again after its crime, a people's name before a noun. Each text is a variant of a construction that
failed on the development parts, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has
from tests.support.links_read import markets as _markets
from tests.support.links_read import mentioned
from tests.support.links_read import read as _read

pytestmark = pytest.mark.slow

SMUGGLING = "human_smuggling"


# Moving people, even at a rate, is what agencies do too (the review): only the words of smuggling tell it.
def test_people_moved_by_an_agency_or_the_army_are_no_smuggling() -> None:
    assert SMUGGLING not in _markets("The army moved about 4,000 people from the camp near Kassala last year.")
    assert SMUGGLING not in _markets("UNHCR moves about 300 people a week from Agadez to its transit centre in "
                                     "Niamey.")


def test_a_raid_on_migrants_is_no_smuggling() -> None:
    assert SMUGGLING not in _markets("Gunmen carried out a night raid on migrants sleeping near the market in Sebha.")


def test_the_coast_guard_taking_migrants_ashore_smuggles_nobody() -> None:
    assert SMUGGLING not in _markets("The coast guard took 60 migrants to Lampedusa after their boat capsized.")


# Crossings and the migrants' transfer that smugglers organise are smuggling; a ferry's or the IOM's are not.
@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Selon la garde nationale, des passeurs dirigés par Salah Ben Amor organisaient des traversées vers Lampedusa "
     "depuis Mahdia.", "fr", "Lampedusa"),
    ("Des passeurs établis à Koufra organisent le transfert des migrants depuis Agadez vers la côte libyenne.", "fr",
     "Agadez"),
    ("Prosecutors say smugglers led by Arben Hoxha organised crossings of the Adriatic from Vlorë for Kurdish "
     "families.", "en", "Vlorë"),
])
def test_who_organises_the_crossing_smuggles(text: str, lang: str, place: str) -> None:
    assert any(k[1] == SMUGGLING and k[2] == place for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("La banque organise le transfert des fonds vers Dakar chaque mois.", "fr"),
    ("The ministry organised a trip to Dubai for the football team.", "en"),
    ("The ferry company organises crossings to Bastia from Toulon for 60 euros a person.", "en"),
    ("A network of travel agencies in Tamanrasset organised crossings of the desert for tourists.", "en"),
    ("L'OIM a organisé le transfert des migrants vers un centre d'accueil à Agadez.", "fr"),
    ("La mairie a organisé les départs des bus scolaires vers Tunis.", "fr"),
])
def test_a_transfer_of_money_or_a_trip_is_no_smuggling(text: str, lang: str) -> None:
    assert SMUGGLING not in _markets(text, lang)


# Migrants driven by smugglers are smuggled; taken by the police or ambulance drivers, they are not.
def test_migrants_driven_by_smugglers_are_smuggled() -> None:
    keys = _counted("Les migrants rassemblés à Skopje sont conduits en minibus jusqu'à Tabanovce par des passeurs "
                    "qui travaillent pour le clan Kastrati.", "fr")
    assert any(k[1] == SMUGGLING and k[2] == "Tabanovce" for k in keys)


def test_injured_migrants_taken_to_hospital_by_ambulance_drivers_are_not_smuggled() -> None:
    assert SMUGGLING not in _markets("The injured migrants were taken to hospital in Almería by ambulance drivers.")


def test_migrants_taken_to_a_centre_by_the_police_are_not_smuggled() -> None:
    assert SMUGGLING not in _markets("Les migrants interceptés à Skopje ont été conduits au centre de Vinojug par "
                                     "la police.", "fr")


TRAFFICKING = "human_trafficking"


# People trafficked in the passive, and "victimes de traite", name trafficking; goods trafficked name their own.
def test_people_trafficked_in_the_passive_are_trafficking() -> None:
    keys = _counted("Nepali women are trafficked to brothels in Kolkata, police said.", "en")
    assert _has(keys, None, TRAFFICKING, "Kolkata")


def test_people_no_one_trafficked_are_no_trafficking() -> None:
    assert TRAFFICKING not in _markets("Officials said no women were trafficked through the border post at Birgunj "
                                       "last year.")


def test_goods_trafficked_in_the_passive_are_the_goods_market() -> None:
    assert _markets("Cocaine is trafficked through Lomé by sea.") == {"cocaine_trade"}


def test_victims_of_trafficking_in_french_name_trafficking() -> None:
    assert TRAFFICKING in _markets("Des fillettes victimes de traite travaillent comme domestiques à Cotonou.", "fr")


FINANCIAL = "financial_crimes"


def _market_words(text: str, lang: str) -> dict[str, str]:
    return {m["surface"]: m["market"] for m in _read(text, lang).mentions if m["kind"] == "commodity"}


# The money of a crime told the sentence before, named again with "the", is laundered where it goes.
def test_the_money_of_a_crime_told_before_is_laundered_where_it_goes() -> None:
    words = _market_words("Prosecutors say the Kovač clan smuggled cocaine through the port of Bar. The money was "
                          "routed through accounts in Cyprus.", "en")
    assert words.get("routed") == FINANCIAL


def test_embezzled_money_in_french_transits_through_accounts() -> None:
    words = _market_words("Le parquet accuse un ancien directeur de la douane d'avoir détourné des recettes. "
                          "L'argent transitait ensuite par des comptes à Monaco.", "fr")
    assert words.get("transitait") == FINANCIAL


def test_lawful_money_told_after_the_crime_and_money_recovered_are_no_laundering() -> None:
    words = _market_words("The cartel laundered millions through car dealers in Culiacán. Separately, the state oil "
                          "company reported record profits. The proceeds were invested in government bonds and "
                          "deposited in banks in Mexico City.", "en")
    assert "invested" not in words and "deposited" not in words
    words = _market_words("The court convicted the former governor of fraud. It ordered that the money be "
                          "transferred into the accounts of the state treasury.", "en")
    assert "transferred" not in words


def test_a_charity_s_money_moved_to_accounts_is_no_laundering() -> None:
    assert FINANCIAL not in _markets("The charity raised funds for flood victims in Sindh. The money was "
                                     "transferred to accounts in Karachi.")


# A region named as its people is, before a common noun, the people's adjective.
def _places(text: str) -> set[str]:
    return mentioned(text, "location")


def test_a_people_s_name_before_a_noun_is_no_region() -> None:
    assert "Somali" not in _places("Boats leave Bosaso every week, run by a network of Somali and Yemeni smugglers.")
    assert "Somali" not in _places("Somali traders buy goats in Galkayo.")


def test_the_region_named_with_its_noun_or_a_function_word_and_a_country_are_still_places() -> None:
    assert "Somali" in _places("Drought has hit the Somali region of Ethiopia hard this year.")
    assert "Somali" in _places("Al-Shabaab collected illegal taxes in Somali and Oromia last year.")
    assert "Philippines" in _places("Syndicates traffic methamphetamine through the Philippines in fishing boats.")


# The money of a band's crime, moved with no agent, is moved by the band.
def test_the_money_a_band_raised_is_moved_by_the_band() -> None:
    keys = _counted("The Sahel Lions militia collected about $2 million last year from 'taxes' on gold diggers in "
                    "Kidal, according to a local researcher. Much of the money is moved through hawala agents to "
                    "accounts in Dubai, the researcher says.", "en")
    assert _has(keys, "Sahel Lions", FINANCIAL, "Dubai")


def test_money_moved_by_a_named_agent_is_not_the_band_s_doing() -> None:
    keys = _counted("The Sahel Lions militia collected about $2 million last year from 'taxes' on gold diggers in "
                    "Kidal. The money was later moved to accounts in Dubai by a Malian broker, Ousmane Traoré.", "en")
    assert not _has(keys, "Sahel Lions", FINANCIAL, "Dubai")


def test_a_bank_that_froze_the_accounts_does_not_move_the_money() -> None:
    keys = _counted("The Camorra laundered drug money through pizzerias in Naples. Standard Bank froze the accounts. "
                    "The funds were moved to accounts in Malta.", "en")
    assert not any(k[0] and "Standard Bank" in k[0] for k in keys)
