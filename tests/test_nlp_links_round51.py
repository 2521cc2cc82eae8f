"""Fifty-first session: migrants paying a named band, paying to cross or before being guided across, and a
price a person to take them, are migrant smuggling by whoever is paid or charges; whoever police arrested with
the goods on them takes part, as in the passive; the hands a boss pays or hires do its deed; who runs the route
the goods go by takes part; payments a band demands or extracts, and a bare sum paid to it every week or month,
are a cut. Each text is a variant of a construction that failed on the development parts, not the paragraph it
failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import read

pytestmark = pytest.mark.slow


def _doers_of(text: str, market: str, place: str) -> set[str | None]:
    return {x["actor_surface"] for x in read(text, "en").links
            if x["market"] == market and x["place_surface"] == place and x["status"] == "asserted"
            and x["role"] in (None, "participant")}


@pytest.mark.parametrize(("text", "band", "place"), [
    ("Haitian migrants waiting in Tapachula were made to pay the Sinaloa Cartel (CDS) $2,000 each before being "
     "taken over the river to Ciudad Hidalgo.", "Sinaloa Cartel", "Tapachula"),
    ("Migrants in Necoclí pay the Gulf Clan up to 300 dollars each to cross the Darién Gap.", "Gulf Clan",
     "Necoclí"),
    ("Migrants from Agadez pay the same smugglers to take them to Sebha.", None, "Agadez"),
])
def test_migrants_paying_to_be_taken_across_is_smuggling_by_whoever_is_paid(text: str, band: str | None,
                                                                            place: str) -> None:
    assert band in _doers_of(text, "human_smuggling", place)


def test_a_price_a_person_to_take_migrants_is_smuggling_by_whoever_charges() -> None:
    text = ("Drivers working for a ring that migrants call 'El Tren' charge 500 dollars a person to take them from "
            "Tapachula to the US border.")
    assert _doers_of(text, "human_smuggling", "Tapachula") & {"El Tren", "Tren"}


@pytest.mark.parametrize("text", [
    "Relief workers in Necoclí say the town's hotels pay the Gulf Clan a monthly fee.",
    "The IOM paid the bus company to take refugees from Necoclí to Medellín.",
])
def test_a_payment_with_no_migrant_paying_is_no_smuggling(text: str) -> None:
    assert not {x for x in read(text, "en").links if x["market"] == "human_smuggling"}


@pytest.mark.parametrize(("text", "place"), [
    ("MOMBASA - Police arrested a Kenyan man, Joseph Kamau Mwangi, at Moi International Airport with 3 kilograms of "
     "heroin.", "Moi International Airport"),
    ("MOMBASA - Anti-narcotics officers intercepted a trader, Joseph Kamau Mwangi, near Malindi with 40 kilograms of "
     "cannabis in his car.", "Malindi"),
])
def test_whoever_police_arrested_with_the_goods_takes_part_as_in_the_passive(text: str, place: str) -> None:
    assert {x["actor_surface"] for x in read(text, "en").links
            if x["place_surface"] == place and x["role"] == "participant"} == {"Joseph Kamau Mwangi"}


def test_whoever_police_arrested_with_help_is_not_caught_with_goods() -> None:
    text = ("MOMBASA - Police arrested a Kenyan man, Joseph Kamau Mwangi, at Moi International Airport with the help "
            "of a sniffer dog after heroin was found in a suitcase.")
    assert not {x["actor_surface"] for x in read(text, "en").links if x["role"] == "participant"} - {None}


@pytest.mark.parametrize(("text", "boss", "place"), [
    ("Loggers paid by Maderas del Sur, a timber trader based in Pucallpa, are felling cedar trees inside the Sierra "
     "del Divisor reserve, a two-year investigation by Global Witness found.", "Maderas del Sur", "Sierra del Divisor"),
    ("Drivers employed by Sahel Fret International carry the cigarettes from Agadez to Tamanrasset, a study by the "
     "Small Arms Survey found.", "Sahel Fret International", "Agadez"),
])
def test_the_hands_a_boss_pays_or_hires_do_its_deed_as_those_working_for_it(text: str, boss: str, place: str) -> None:
    # the boss is read as the subject of its hands' verb, as "collectors working for X" are, not only named nearby
    assert any(x["actor_surface"] == boss and x["place_surface"] == place and x["role"] == "participant"
               and x["method"].startswith("subject/") for x in read(text, "en").links)


@pytest.mark.parametrize(("text", "band", "market", "place"), [
    ("Cocaine moves from Tumaco to Buenaventura along a route controlled by the Comandos de la Frontera.",
     "Comandos de la Frontera", "cocaine_trade", "Tumaco"),
    ("Timber is trucked from Yei to Kaya on a road run by the SPLA-IO.", "SPLA-IO", "flora_crimes", "Yei"),
])
def test_who_runs_the_route_the_goods_go_by_takes_part(text: str, band: str, market: str, place: str) -> None:
    assert band in _doers_of(text, market, place)


def test_who_patrols_the_route_the_goods_go_by_is_no_participant() -> None:
    text = "Cocaine moves from Tumaco to Buenaventura along a road patrolled by the Colombian navy."
    assert _doers_of(text, "cocaine_trade", "Tumaco") <= {None}


@pytest.mark.parametrize(("text", "band", "place"), [
    ("Fighters of the Kata Kata militia demand a weekly payment from each shop in Bunia.", "Kata Kata", "Bunia"),
    ("Al-Shabaab extracts monthly payments from shopkeepers in Hamar Weyne.", "Al-Shabaab", "Hamar Weyne"),
])
def test_payments_a_band_demands_or_extracts_are_a_cut_with_no_market_word(text: str, band: str, place: str) -> None:
    assert band in _doers_of(text, "extortion_and_protection_racketeering", place)


def test_payments_a_firm_collects_are_no_cut() -> None:
    text = "Mukuru Telecom collects payments from customers in Kampala every month."
    assert not read(text, "en").links


def test_a_bare_sum_paid_every_week_to_a_band_is_a_cut_with_no_market_word() -> None:
    text = "Bus drivers in Croix-des-Bouquets pay a weekly amount to the 400 Mawozo gang."
    assert "400 Mawozo" in _doers_of(text, "extortion_and_protection_racketeering", "Croix-des-Bouquets")


def test_a_monthly_rent_to_a_landlord_is_no_cut() -> None:
    assert not read("Shopkeepers in Goma pay a monthly rent to their landlord, Kivu Properties.", "en").links
