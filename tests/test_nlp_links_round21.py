"""Twenty-first session: classes read on the development parts (o to za among them). Each sentence is a
variant of a construction that failed there, not the paragraph it failed in."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from ocwatch.nlp import acronym_pairs
from ocwatch.nlp.links.paragraph import drop_lost_actor, one_doer
from tests.support.links_read import counted as _counted
from tests.support.links_read import read

pytestmark = pytest.mark.slow

EXT = "extortion_and_protection_racketeering"


@pytest.mark.parametrize(("text", "actor", "place"), [
    # fr_core_news_md makes the fronted place the root and hangs the verb, tagged an adjective and left
    # unlemmatised ("contrôlent"), on it: the verb is the root again, and "où ils" in its clause is the group
    ("Dans la province du Soum, les combattants de l'État islamique au Sahel (EIS) contrôlent désormais les "
     "sites d'orpaillage autour de Djibo, où ils prélèvent une taxe sur chaque puits.", "EIS", "Djibo"),
    ("Dans le cercle de Ménaka, les combattants du Mouvement pour le salut de l'Azawad (MSA) contrôlent "
     "désormais les marchés autour d'Anderamboukane, où ils prélèvent une taxe sur chaque camion.", "MSA",
     "Anderamboukane"),
])
def test_a_french_verb_hung_on_a_fronted_place_is_the_root_again(text: str, actor: str, place: str) -> None:
    assert (actor, EXT, place) in _counted(text, "fr")


def test_an_acronym_spelled_out_once_names_its_group_wherever_it_is_used_again() -> None:
    text = ("Dans le Haut-Mbomou, les hommes du Front de Résistance du Mbomou (FRM) et ceux d'autres milices se "
            "partagent les barrières. À Bakouma, le FRM prélève 2 000 francs CFA par moto.")
    res = read(text, "fr")
    frm = [m for m in res.mentions if m["kind"] == "actor" and m["surface"] == "FRM"]
    named = next(m for m in res.mentions if m["kind"] == "actor" and m["surface"].startswith("Front de Résistance"))
    assert len(frm) == 2 and {m["entity_id"] for m in frm} == {named["entity_id"]}
    assert ("FRM", EXT, "Bakouma") in _counted(text, "fr")


def test_a_bare_acronym_the_text_never_spells_out_is_not_spread() -> None:
    # a model's guess ("cartes SIM" tagged once as an organisation) names no group elsewhere
    doc = spacy.blank("fr")("Un réseau clonait des cartes SIM à Kampala ; les cartes SIM volées partaient à Nakawa")
    first = Span(doc, 5, 6, label="actor", kb_id="unknown:sim")
    actors, added = acronym_pairs.paired(doc, [first])
    assert actors == [first] and added == []


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Customs officers seized 900 kilograms of ivory in a container at the port of Mombasa on Monday. The "
     "consignee, a trading firm called Kilindini Export Ltd, had received two similar containers since May.",
     "en", "Kilindini Export Ltd", "fauna_crimes", "Mombasa"),
    ("La gendarmerie a saisi samedi deux tonnes de cannabis à Cinkassé, dans un camion venu de Kumasi. Selon "
     "les enquêteurs, la cargaison appartenait à un réseau dirigé par un commerçant ghanéen, Kofi Boateng.",
     "fr", "Kofi Boateng", "cannabis_trade", "Cinkassé"),
])
def test_the_consignee_or_the_network_owner_a_later_sentence_names_takes_part_in_the_deed(
        text: str, lang: str, actor: str, market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


def test_a_firm_named_after_the_deed_that_says_it_did_not_know_is_disputed() -> None:
    text = ("Police found 1.4 tonnes of cocaine hidden among bananas at the port of Posorja on Sunday. The "
            "exporter, Frutas del Sur S.A., said the container had been loaded without its knowledge.")
    assert not any(actor and actor.startswith("Frutas") for actor, _, _ in _counted(text, "en"))


def test_a_man_named_after_the_deed_only_as_arrested_is_no_suspect() -> None:
    # the arrest alone names nobody: on the development parts the one arrested was the deed's doer one
    # time in three (he seldom did its whole route)
    text = ("Customs officers seized 300 kilograms of pangolin scales at Ikom on Friday, bound for Lagos. A "
            "trader, Emeka Nwafor, was arrested at the scene.")
    assert not any(actor == "Emeka Nwafor" for actor, _, _ in _counted(text, "en"))


def _row(sent: int, actor: str | None, market: str, place: str) -> dict:
    return {"sent_idx": sent, "actor_id": actor, "actor_surface": actor, "market": market, "place_id": place,
            "place_surface": place, "status": "asserted", "role": "participant" if actor else None,
            "method": ("subject" if actor else "none") + "/event"}


def test_an_activity_a_sentence_places_with_no_doer_is_its_one_named_doers() -> None:
    coke = "cocaine_trade"
    rows = [_row(0, "clan Kavač", coke, "Bar"), _row(0, None, coke, "Santos"), _row(1, None, coke, "Serbia")]
    out = {(r["actor_id"], r["place_id"]) for r in drop_lost_actor(one_doer(rows), {0: 0, 1: 0})}
    # the same sentence's doer takes Santos (its actorless copy dropped); the next sentence's keeps no doer
    assert out == {("clan Kavač", "Bar"), ("clan Kavač", "Santos"), (None, "Serbia")}


def test_two_named_doers_of_a_market_leave_its_activity_without_one() -> None:
    coke = "cocaine_trade"
    rows = [_row(0, "Los Lobos", coke, "Guayaquil"), _row(0, "Los Choneros", coke, "Manta"),
            _row(0, None, coke, "Posorja")]
    assert (None, "Posorja") in {(r["actor_id"], r["place_id"]) for r in one_doer(rows)}
