"""Forty-ninth session: "the network" of a later sentence is the one who leads it when the band has no name of
its own ("a gang led by X ... the gang smuggles"), even where another name came between; a trade verb mended
from a noun takes the verb's lemma; a plural relative clause on joined names is each one's; a masked name is no
noun naming the name beside it. Each text is a variant of a construction that failed on the development parts,
not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import read

pytestmark = pytest.mark.slow


def _doers(text: str, lang: str, place: str) -> set[str | None]:
    return {x["actor_surface"] for x in read(text, lang).links
            if x["place_surface"] == place and x["status"] == "asserted" and x["role"] in (None, "participant")}


@pytest.mark.parametrize(("text", "lang", "leader", "other"), [
    ("Miners in Kwekwe said a gang led by Tendai Ncube, whom they call 'Bhiza', takes a share of every bag of ore. "
     "A miner said the gang also buys gold from unlicensed diggers and smuggles it to dealers in Harare.", "en",
     "Tendai Ncube", None),
    ("Miners in Kwekwe said a gang led by Tendai Ncube took a share of every bag of ore until the police detained "
     "Farai Dube, a local buyer. A miner said the gang still smuggles the gold to dealers in Harare.", "en",
     "Tendai Ncube", "Farai Dube"),
])
def test_the_band_named_again_is_its_leaders_when_it_has_no_name(text: str, lang: str, leader: str,
                                                                 other: str | None) -> None:
    doers = _doers(text, lang, "Harare")
    assert leader in doers
    assert other not in doers


def test_a_band_with_a_name_of_its_own_stays_the_band_named_again() -> None:
    doers = _doers("Le gang 5 Segonn, dirigé par Izo, contrôle Village de Dieu. Le gang fait venir des armes de "
                   "Floride par Saint-Marc.", "fr", "Saint-Marc")
    assert "5 Segonn" in doers
    assert "Izo" not in doers


def test_a_trade_verb_mended_from_a_noun_takes_its_verbs_lemma() -> None:
    # "taxes" read as the noun ("taxis") and mended to the verb kept the noun's lemma, so no levy was read
    text = "The Gulf Clan's Pacific Front taxes traffickers 300 dollars for every kilo of cocaine in Tumaco."
    links = read(text, "en").links
    assert any(x["actor_surface"] == "Pacific Front" and x["market"] == "extortion_and_protection_racketeering"
               and x["place_surface"] == "Tumaco" and x["role"] == "participant" for x in links), links


def _named_at(text: str, place: str) -> set[str | None]:
    return {x["actor_surface"] for x in read(text, "en").links if x["place_surface"] == place
            and x["role"] == "participant" and x["status"] == "asserted"}


def test_a_plural_relative_clause_on_joined_names_is_each_ones() -> None:
    # the parser hangs "who ship" on the last name; the plural verb says both ship
    doers = _named_at("The trade is financed by Kismayo businessmen, among them Ali Hassan and his cousin Omar "
                      "Hassan, who ship the charcoal by dhow to Dubai.", "Dubai")
    assert {"Ali Hassan", "Omar Hassan"} <= doers


def test_a_singular_relative_clause_after_joined_names_is_the_last_ones() -> None:
    doers = _named_at("The trade is financed by Kismayo businessmen, among them Ali Hassan and his cousin Omar "
                      "Hassan, who ships the charcoal by dhow to Dubai.", "Dubai")
    assert "Omar Hassan" in doers and "Ali Hassan" not in doers


def test_a_name_masked_next_to_another_gives_it_no_noun() -> None:
    # "led by Vitel Innocent, alias Homme": the alias masked as "group" made "group" a noun naming the leader,
    # so "The group" of the next sentence was him, not the gang
    text = ("PORT-AU-PRINCE, 2 May - Gunmen of the Kraze Baryè gang led by Vitel Innocent, alias Homme, have set up "
            "checkpoints near Tabarre where they charge drivers up to 2,000 gourdes per trip, a rights group said. "
            "The group receives rifles shipped from Miami through the port of Saint-Marc, the report says.")
    doers = {x["actor_surface"] for x in read(text, "en").links
             if x["market"] == "arms_trafficking" and x["place_surface"] == "Miami"}
    assert doers == {"Kraze Baryè"}
