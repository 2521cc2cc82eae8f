"""Forty-eighth session: a place named only to locate the one before it ("around Pont-Sondé, in the Artibonite
department") is not where a later sentence that names no place of its own happens, whether or not the first
sentence was parsed. Each text is a variant of a construction that failed on the development parts, not the
paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has
from tests.support.links_read import read

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang", "container"), [
    ("Gran Grif has occupied the farms around Pont-Sondé, in the Artibonite department, for a year. Its men kidnap "
     "travellers on the road for ransom.", "en", "Artibonite department"),
    ("Depuis un an, Gran Grif occupe les champs autour de Pont-Sondé, dans le département de l'Artibonite. Ses "
     "hommes enlèvent des voyageurs contre rançon.", "fr", "département de l'Artibonite"),
    ("Gran Grif has occupied the farms around Pont-Sondé (Artibonite department) for a year. Its men kidnap "
     "travellers on the road for ransom.", "en", "Artibonite department"),
])
def test_a_later_sentence_happens_at_the_place_located_not_at_its_locator(text: str, lang: str,
                                                                         container: str) -> None:
    keys = _counted(text, lang)
    assert _has(keys, "Gran Grif", "extortion_and_protection_racketeering", "Pont-Sondé")
    assert not any(k[2] == container for k in keys)


def test_a_place_named_alone_stays_where_a_later_sentence_happens() -> None:
    keys = _counted("Gran Grif has occupied the Artibonite department for a year. Its men kidnap travellers on "
                    "the road for ransom.")
    assert _has(keys, "Gran Grif", "extortion_and_protection_racketeering", "Artibonite department")


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("Al-Shabaab charges a fee on every truck that passes through Afgooye.", "en", "Al-Shabaab", "Afgooye"),
    ("The ELN charges traffickers 200,000 pesos for every kilo of cocaine that crosses the river near Arauquita.",
     "en", "ELN", "Arauquita"),
    ("The M23 levies a tax on every bag of coltan that leaves the mines at Rubaya.", "en", "M23", "Rubaya"),
    ("Les Wazalendo prélèvent une taxe sur chaque sac de cassitérite qui sort des puits de Nyabibwe.", "fr",
     "Wazalendo", "Nyabibwe"),
])
def test_a_cut_laid_on_what_crosses_a_place_is_taken_there(text: str, lang: str, actor: str, place: str) -> None:
    links = read(text, lang).links
    assert any(x["market"] == "extortion_and_protection_racketeering" and x["actor_surface"] == actor
               and x["place_surface"] == place and x["method"].split("/")[1] == "event" for x in links), links


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("La coalition impose un « droit de passage » aux camions qui quittent le port de Saint-Marc pour rejoindre "
     "Croix-des-Bouquets.", "fr", "Croix-des-Bouquets"),
    ("Selon l'ONG, la KIA prélève une taxe sur chaque camion de concentré qui franchit la frontière au poste de "
     "Kanpaiti, d'où le minerai est acheminé vers des usines dans le Jiangxi.", "fr", "Jiangxi"),
])
def test_where_the_taxed_goods_go_next_is_not_where_the_cut_is_taken(text: str, lang: str, place: str) -> None:
    assert not any(x["market"] == "extortion_and_protection_racketeering" and x["place_surface"] == place
                   and x["method"].split("/")[1] == "event" for x in read(text, lang).links)


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("Du faux whisky a été saisi mardi à Akwa. La marchandise, importée de Lagos par la société Global Import Sarl, "
     "était destinée aux bars de Yaoundé.", "fr", "Global Import Sarl", "Lagos"),
    ("Des défenses d'éléphant ont été saisies à Douala. L'ivoire, acheminé depuis Yokadouma par la société Trans-Bois "
     "Export, devait partir pour Lomé.", "fr", "Trans-Bois Export", "Yokadouma"),
])
def test_the_agent_of_a_participle_on_goods_named_again_takes_part(text: str, lang: str, actor: str,
                                                                    place: str) -> None:
    keys = _counted(text, lang)
    assert any(k[0] and actor in k[0] and k[2] == place for k in keys), keys


@pytest.mark.parametrize(("text", "actor", "place"), [
    ("Lwin Brothers Trading, which sources say buys pangolin scales from poachers in Assam, is based in Tamu.",
     "Lwin Brothers Trading", "Assam"),
    ("Residents named a local businessman, Kwabena Mensah, who they said bought smuggled gold at night in Dunkwa.",
     "Kwabena Mensah", "Dunkwa"),
])
def test_a_relative_pronoun_under_a_verb_of_saying_is_the_subject_of_what_is_said(text: str, actor: str,
                                                                                   place: str) -> None:
    assert any(k[0] == actor and k[2] == place for k in _counted(text, "en"))


def test_a_said_clause_after_a_second_name_is_not_the_first_names() -> None:
    keys = _counted("Rosewood logs illegally cut in the north are leaving the port of Bissau. The report names a "
                    "Bissau-Guinean exporter, Tchuda Import-Export, and its Chinese partner, Hengxin Timber, which it "
                    "says buys the logs at the roadside near Mansabá.")
    assert not any(k[0] == "Tchuda Import-Export" and k[2] == "Mansabá" for k in keys)


@pytest.mark.parametrize("text", [
    "ISWAP taxes fish traders on the shores near Kukawa.",
    "JAS abducts fishermen around Baga, while its rival ISWAP taxes fish traders on the shores near Kukawa.",
])
def test_a_trade_verb_read_as_the_subject_of_a_payers_modifier_read_as_a_verb_is_the_verb(text: str) -> None:
    # "taxes" read as a noun, the subject of "fish" read as a verb whose object is "traders"
    assert _has(_counted(text), "ISWAP", "extortion_and_protection_racketeering", "Kukawa")


@pytest.mark.parametrize(("text", "lang"), [
    ("Residents accuse the CODECO, whose elements levy fees on gold diggers around Mongbwalu.", "en"),
    ("Les habitants accusent la CODECO, dont les combattants taxent chaque creuseur à Mongbwalu.", "fr"),
])
def test_the_members_of_a_listed_band_in_a_relative_clause_act_for_it(text: str, lang: str) -> None:
    # the band's name is masked as "group" before parsing, which a body that reports is too
    assert _has(_counted(text, lang), "CODECO", "extortion_and_protection_racketeering", "Mongbwalu")


def test_the_members_of_a_body_that_reports_are_not_its_doers() -> None:
    keys = _counted("Amnesty International, dont les membres ont rencontré des victimes de la traite à Agadez, "
                    "publie un rapport.", "fr")
    assert not any(k[0] and "Amnesty" in k[0] for k in keys)


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("Trucks loaded with fuel and ammunition cross the border at Adré every night to supply the Rapid Support Forces "
     "in Darfur.", "en", "Rapid Support Forces", "Adré"),
    ("Des camions chargés de carburant et de munitions franchissent chaque nuit la frontière à Adré pour ravitailler "
     "les Forces de soutien rapide (FSR) au Darfour.", "fr", "Forces de soutien rapide", "Adré"),
    ("Smugglers supply the FDLR with ammunition bought in Uvira.", "en", "FDLR", "Uvira"),
])
def test_whom_a_verb_of_supplying_supplies_gets_the_goods(text: str, lang: str, actor: str, place: str) -> None:
    assert _has(_counted(text, lang), actor, "arms_trafficking", place)


def test_the_owner_named_after_what_is_supplied_gets_nothing() -> None:
    keys = _counted("Des pick-up chargés de bidons d'essence de contrebande passent la frontière à Ras Jedir pour "
                    "approvisionner les stations informelles de Ben Guerdane.", "fr")
    assert not any(k[0] for k in keys), keys


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Les passeurs, basés à Domoni et à Mutsamudu, facturent entre 300 et 1 000 euros la traversée vers Mayotte.",
     "fr", "Mutsamudu"),
    ("The smugglers, who are based in Zuwara, ferry migrants to Lampedusa.", "en", "Zuwara"),
])
def test_where_smugglers_are_based_is_where_they_run_the_trade(text: str, lang: str, place: str) -> None:
    assert _has(_counted(text, lang), None, "human_smuggling", place)


def test_a_buyers_seat_is_still_no_place_of_the_trade() -> None:
    keys = _counted("A trading house based in Kampala buys gold smuggled from Mongbwalu.")
    assert not any(k[2] == "Kampala" for k in keys), keys
