"""Forty-ninth session: a name set off by commas after the common noun it names ("a local gunsmith, Daouda
Hamadou, had been making rifles") is read through that noun, not masked as "group" in the middle of the noun
phrase. Each text is a variant of a construction that failed on the development parts, not the paragraph it
failed in."""

from __future__ import annotations

import pytest

from ocwatch.nlp.links.mask import masked
from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

pytestmark = pytest.mark.slow


def _masked(text: str, names: list[tuple[str, str]], lang: str = "en") -> tuple[str, list[str]]:
    mentions = [{"start_char": text.index(n), "end_char": text.index(n) + len(n), "kind": k} for n, k in names]
    out, offsets = masked({"text": text, "start_char": 0}, mentions, lang)
    return out, [out[slice(*offsets[id(m)])] for m in mentions]


@pytest.mark.parametrize(("text", "names", "lang", "want", "actors"), [
    ("Police said a local blacksmith, Ousmane Bello, had been making pistols.", ["Ousmane Bello"], "en",
     "Police said a local blacksmith had been making pistols.", ["local blacksmith"]),
    ("Les deux autres personnes visées, Ali Kolo et Bukar Tijani, transfèrent les fonds.",
     ["Ali Kolo", "Bukar Tijani"], "fr", "Les deux autres personnes visées transfèrent les fonds.",
     ["deux autres personnes visées", "deux autres personnes visées"]),
    ("Customs said the importer's agent, Dube Traders, a Durban firm, moved the shoes.", ["Dube Traders"], "en",
     "Customs said the importer's agent, a Durban firm, moved the shoes.", ["importer's agent"]),
])
def test_a_name_apposed_to_its_noun_goes_and_the_noun_is_the_actor(text: str, names: list[str], lang: str,
                                                                   want: str, actors: list[str]) -> None:
    out, got = _masked(text, [(n, "actor") for n in names], lang)
    assert out == want
    assert got == actors


@pytest.mark.parametrize(("text", "name", "lang"), [
    ("a group led by a former militant, Ebiye Owei, taps the pipeline", "Ebiye Owei", "en"),  # the leader's band
    ("un réseau dont le fournisseur, Fidy Rakoto, a été arrêté", "Fidy Rakoto", "fr"),
    ("the smugglers told Kivu Gold, which buys coltan, to wait", "Kivu Gold", "en"),  # no noun before the name
    ("a buyer, Kivu Gold said, took the coltan", "Kivu Gold", "en"),  # no comma after it
])
def test_a_name_not_set_off_after_its_own_noun_is_masked_as_before(text: str, name: str, lang: str) -> None:
    _, got = _masked(text, [(name, "actor")], lang)
    assert got[0].lower() in ("group", "groupe")


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Gendarmes searched a forge in the town of Mora, where they said a local blacksmith, Ousmane Bello, had been "
     "making pistols and selling them to bandits.", "en", "Ousmane Bello", "arms_trafficking", "Mora"),
    ("Selon l'OFAC, les deux autres personnes désignées, Ali Kolo et Bukar Tijani, blanchissent l'argent de la "
     "drogue par des bureaux de change à Kano.", "fr", "Bukar Tijani", "financial_crimes", "Kano"),
    ("Fake antimalarial tablets in copies of a known brand's boxes have turned up in pharmacies in Bria. "
     "Inspectors traced the boxes to a Cameroonian wholesaler, Paul Ngono Essomba, who ships them by truck "
     "through Garoua-Boulaï.", "en", "Paul Ngono Essomba", "trade_in_counterfeit_goods", "Garoua-Boulaï"),
])
def test_the_named_doer_apposed_to_a_common_noun_gets_the_activity(text: str, lang: str, actor: str, market: str,
                                                                  place: str) -> None:
    assert _has(_counted(text, lang), actor, market, place)


@pytest.mark.parametrize(("text", "lang"), [
    ("The driver, Juma Otieno, told police he had refused to carry the heroin to Mombasa.", "en"),
    ("Le chauffeur, Juma Otieno, a déclaré aux policiers qu'il avait refusé de transporter l'héroïne jusqu'à "
     "Mombasa.", "fr"),
    ("Fishermen in Lamu said they declined to move the heroin to Mombasa.", "en"),
])
def test_a_deed_someone_refused_to_do_is_not_counted(text: str, lang: str) -> None:
    assert not any(k[1] == "heroin_trade" for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Traders who refuse to pay the fee to the M23 at Rubaya are beaten.", "en"),
    ("Les commerçants qui refusent de payer la taxe au M23 à Rubaya sont battus.", "fr"),
])
def test_a_cut_someone_refuses_to_pay_is_still_demanded(text: str, lang: str) -> None:
    assert _has(_counted(text, lang), "M23", "extortion_and_protection_racketeering", "Rubaya")
