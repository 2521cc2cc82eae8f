"""Nineteenth session: French sentences are parsed with fr_core_news_md, and the ways it misreads a
clause are mended before roles are read (nlp/links/repair/). Each sentence here is a variant of a
construction the medium model misparsed, not one of the sentences the mends were written on."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import read as _read

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "actor", "market", "place"), [
    # the attributed source is not the root: the name after the comma is the verb's subject
    ("D'après Human Rights Watch, la CODECO exploite des puits d'or à Mongbwalu.", "CODECO",
     "non_renewable_resource_crimes", "Mongbwalu"),
    # a name right after its verb is its object
    ("La cour d'appel de Niamey a condamné Moussa Adamou pour trafic d'armes à Agadez.", "Moussa Adamou",
     "arms_trafficking", "Agadez"),
    # a coordinated clause keeps its own subject and verb
    ("Le Tren de Aragua a été affaibli à Caracas l'an dernier, mais ses hommes pratiquent toujours le racket "
     "à Santiago.", "Tren de Aragua", "extortion_and_protection_racketeering", "Santiago"),
])
def test_a_clause_the_medium_french_model_misreads_keeps_its_doer(text: str, actor: str, market: str,
                                                                  place: str) -> None:
    assert (actor, market, place) in _counted(text, "fr")


def test_a_name_after_dont_is_one_of_those_caught_with_the_migrants() -> None:
    counted = _counted("Quatre passeurs, dont Ibrahim Touré, ont été interpellés à Agadez alors qu'ils "
                       "convoyaient des migrants vers la Libye.", "fr")
    assert any(a == "Ibrahim Touré" and m == "human_smuggling" for a, m, _ in counted)


@pytest.mark.parametrize(("text", "place"), [
    ("Les douanes ont saisi 2 tonnes de cocaïne dans un hangar près de Bissau.", "Bissau"),
    ("Des chalutiers pratiquent la pêche illégale au large de Conakry.", "Conakry"),
    ("Des miliciens rackettent les creuseurs aux abords de Bunia.", "Bunia"),
])
def test_a_place_after_pres_de_or_au_large_de_is_where_not_whence(text: str, place: str) -> None:
    assert place in {p for _, _, p in _counted(text, "fr")}


def test_a_place_across_tandis_que_stays_with_its_own_clause_even_when_the_parser_splits_it() -> None:
    counted = _counted("Le JNIM prélève la zakat à Djibo, tandis que l'État islamique rançonne les éleveurs à "
                       "Ménaka.", "fr")
    assert ("JNIM", "extortion_and_protection_racketeering", "Ménaka") not in counted


def test_a_denial_by_a_subject_with_an_adjective_disputes_its_links() -> None:
    links = _read("Le groupe armé Mourchidine dément participer au trafic d'or à Kouri.", "fr").links
    named = [x for x in links if x["actor_id"] and x["market"] == "non_renewable_resource_crimes"]
    assert named and {x["status"] for x in named} == {"disputed"}


def test_the_subject_after_a_fronted_place_and_its_comma_takes_part() -> None:
    counted = _counted("Au Mali, des combattants du JNIM rackettent les commerçants à Ménaka.", "fr")
    assert ("JNIM", "extortion_and_protection_racketeering", "Ménaka") in counted


def test_a_body_that_estimates_in_its_report_that_funds_were_laundered_does_not_launder_them() -> None:
    counted = _counted("La Cellule de renseignement financier (CRF) du Gabon estime dans son rapport que des fonds "
                       "issus du braconnage ont été blanchis à Libreville.", "fr")
    assert (None, "financial_crimes", "Libreville") in counted
    assert not any(a for a, m, _ in counted if m == "financial_crimes")


def test_the_owner_of_the_goods_before_a_trailing_a_annonce_le_ministere_still_owns_them() -> None:
    counted = _counted("La gendarmerie a saisi 300 kilos d'ivoire à Ouesso dans un entrepôt appartenant à "
                       "Jean-Pierre Mabiala, un commerçant de Brazzaville, a annoncé le ministère.", "fr")
    assert ("Jean-Pierre Mabiala", "fauna_crimes", "Ouesso") in counted


@pytest.mark.parametrize(("text", "actor", "market", "place"), [
    ("La cassitérite vient de Walikale, où les Raia Mutomboki contrôlent l'extraction.", "Raia Mutomboki",
     "non_renewable_resource_crimes", "Walikale"),
    ("La MONUSCO a ouvert une enquête sur le trafic d'armes à Djugu, où des miliciens de la CODECO auraient "
     "reçu des fusils venus d'Ouganda.", "CODECO", "arms_trafficking", "Djugu"),
])
def test_who_acts_in_an_ou_clause_acts_at_the_place_before_it(text: str, actor: str, market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, "fr")
