"""Thirtieth session: cuts taken by armed groups that the parse loses. Each text is a variant of a
construction that failed on the development parts, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

pytestmark = pytest.mark.slow

EXTORTION = "extortion_and_protection_racketeering"



# fr_core_news_md loses the subject of a levy verb after an inserted phrase ("contrôlent depuis mars les
# puits ... et prélèvent"): the nearest group named before the verb takes the cut (at Kalehe: the territory
# named after it only says where Kalehe is, nlp/links/nested_places.py).
def test_a_levy_verb_the_parse_left_without_a_taker_is_the_group_named_before_it() -> None:
    keys = _counted("À Kalehe, dans le territoire de Bunyakiri, les combattants des Raia Mutomboki contrôlent "
                    "depuis mars les puits d'or et prélèvent une taxe d'environ deux grammes par équipe, selon la "
                    "société civile.", "fr")
    assert _has(keys, "Raia Mutomboki", EXTORTION, "Kalehe")


def test_a_body_that_reports_is_never_the_taker_of_a_levy_the_parse_lost() -> None:
    keys = _counted("Selon Global Witness, à Rubaya, dans le territoire de Masisi, des hommes contrôlent depuis "
                    "avril les puits de coltan et prélèvent une taxe de sept dollars par kilo.", "fr")
    assert not any(k[0] and "Global Witness" in k[0] for k in keys)


# "charges traffickers 200,000 pesos": the English model reads "charges" as a noun and the payers as the verb,
# and a charge that asks money was read as a court's charge (an enforcer's).
@pytest.mark.parametrize(("text", "link"), [
    ("The Clan del Golfo's Pacific bloc charges smugglers 300,000 pesos for every kilo of cocaine that leaves "
     "the port of Buenaventura, the navy said.", ("Clan del Golfo", "cocaine_trade", "Buenaventura")),
    ("The CJNG charges traffickers $100 for every kilo of methamphetamine that crosses the border at Tijuana, "
     "officials said.", ("CJNG", "synthetic_drug_trade", "Tijuana")),
    ("The ELN's Eastern Front charges ranchers a monthly fee near Arauquita, residents said.",
     ("ELN", EXTORTION, "Arauquita")),
])
def test_a_band_that_charges_a_sum_on_the_goods_takes_part_in_their_trade(text: str, link: tuple) -> None:
    assert _has(_counted(text, "en"), *link)


def test_a_sum_charged_to_diggers_says_nothing_of_who_sells_the_stones() -> None:
    keys = _counted("Fishermen in Bria say fighters of the FPRC now charge every digger 10,000 CFA francs a week "
                    "at the mining sites around Ndele, and that the stones leave for Sudan through Birao.", "en")
    assert _has(keys, "FPRC", EXTORTION, "Ndele")
    assert not any(k[0] == "FPRC" and k[1] == "non_renewable_resource_crimes" for k in keys)


def test_a_court_charge_with_a_crime_and_a_sum_is_still_no_cut() -> None:
    keys = _counted("The Mexican prosecutor charged the Sinaloa Cartel's local boss with smuggling $2 million worth "
                    "of cocaine through Culiacán.", "en")
    assert _has(keys, "Sinaloa Cartel", "cocaine_trade", "Culiacán")
    assert not any(k[1] == EXTORTION for k in keys)


def test_a_band_that_charges_each_sack_takes_a_cut_on_that_trade() -> None:
    keys = _counted("Fighters of the Nyatura militia charge each sack of charcoal at their barrier in Kibumba, "
                    "rangers say.", "en")
    assert _has(keys, "Nyatura", EXTORTION, "Kibumba")
    assert _has(keys, "Nyatura", "flora_crimes", "Kibumba")


def test_what_a_smuggler_charges_migrants_for_the_journey_is_a_fare_not_a_cut() -> None:
    keys = _counted("A network run by a Tunisian man known as Abu Salim charges migrants between €2,000 and €4,000 "
                    "to take them from Sfax to Lampedusa, prosecutors said.", "en")
    assert not any(k[1] == EXTORTION for k in keys)


# The review's false readings, each mended at its cause and tested on a variant.
@pytest.mark.parametrize(("text", "lang"), [
    ("The FDLR burned twelve houses in Kibirizi in May; charcoal traders in Rutshuru are taxed at every barrier.",
     "en"),
    ("Les transporteurs, déjà victimes des attaques des ADF, sont taxés à chaque barrière entre Beni et Kasindi.",
     "fr"),
    ("A lawyer for the CJNG charged $200,000 in fees to defend its leader in Guadalajara.", "en"),
])
def test_a_levy_with_a_subject_of_its_own_takes_no_group_named_before_it(text: str, lang: str) -> None:
    assert not any(k[0] and k[1] == EXTORTION for k in _counted(text, lang))


@pytest.mark.parametrize("text", [
    "The PNC charges lorry drivers a fine of 30,000 francs for overloading in Uvira.",
    "The court in Medellín charged each Clan del Golfo defendant a bail of 2 million pesos.",
    "The Gulf Clan charges Haitians up to $500 to cross from Necoclí to Acandí.",
])
def test_a_fine_bail_or_a_fare_is_no_cut(text: str) -> None:
    assert not any(k[1] == EXTORTION for k in _counted(text, "en"))
