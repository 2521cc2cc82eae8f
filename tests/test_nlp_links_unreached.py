"""Places an activity never reached (nlp/links/unreached.py). Where goods were only to go is a plan, not a
place of their trade: "were to be sold in Romania", "devait être expédié vers Hong Kong"; the town of a
promised job is the lure, not where the people were exploited. The gold's convention calls a plan a
hypothetical and an intended destination optional; neither is what happened. Where the goods were bought,
cut or were to leave from, and where they were headed ("bound for"), stay; so does what a group exacts
("must pay"), and "was to become" says what happened."""

from __future__ import annotations

import pytest

from tests.support.links_read import read

pytestmark = pytest.mark.slow


def _status(text: str, lang: str, place: str) -> set[str]:
    return {x["status"] for x in read(text, lang).links if x["place_surface"] == place}


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("The cigarettes, bought duty-free in Transnistria, were to be sold in Romania without excise stamps.", "en",
     "Romania"),
    ("Police said the ivory was to be shipped from Mombasa to Hai Phong.", "en", "Hai Phong"),
    ("Le bois de rose, coupé dans la forêt de Masoala, devait être expédié vers Hong Kong.", "fr", "Hong Kong"),
    ("The rifles were supposed to be delivered to an armed group in Bangui.", "en", "Bangui"),
    ("L'ivoire saisi à Lusaka allait être expédié vers Hanoï.", "fr", "Hanoï"),
    ("Les fusils étaient censés être livrés à Bangui.", "fr", "Bangui"),
    ("The ivory was due to be shipped to Hai Phong.", "en", "Hai Phong"),
    ("The cigarettes are to be sold in Romania without excise stamps.", "en", "Romania"),
])
def test_where_goods_were_only_to_go_is_a_plan(text: str, lang: str, place: str) -> None:
    assert _status(text, lang, place) == {"hypothetical"}


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("The cigarettes, bought duty-free in Transnistria, were to be sold in Romania without excise stamps.", "en",
     "Transnistria"),
    ("Le bois de rose, coupé dans la forêt de Masoala, devait être expédié vers Hong Kong.", "fr", "Masoala"),
    ("Police seized 2 tonnes of cocaine in a container bound for Rotterdam at the port of Guayaquil.", "en",
     "Rotterdam"),
    ("L'ivoire saisi à Lusaka allait être expédié vers Hanoï.", "fr", "Lusaka"),
    # where the goods were to leave from is where they were
    ("The ivory, collected from poachers in northern Mozambique, was to be shipped to Vietnam from the port of "
     "Pemba.", "en", "Pemba"),
    ("Le bois de rose devait partir depuis le port de Mombasa vers la Chine.", "fr", "port de Mombasa"),
    ("The ivory was to be smuggled out of Kenya to Vietnam.", "en", "Kenya"),
    ("L'ivoire devait quitter le port de Mombasa pour Hanoï.", "fr", "port de Mombasa"),
    # a conjoined verb says what did happen
    ("The ivory was to be shipped to Vietnam but was seized in Mombasa by customs officers.", "en", "Mombasa"),
    # a habit, not a plan
    ("Chaque semaine, les trafiquants du CODECO allaient vendre l'or à Bunia.", "fr", "Bunia"),
    # "was to become" says what it became, no plan
    ("Kismayo, where the charcoal trade resumed in March, was to become the main port for charcoal smuggled to "
     "Oman.", "en", "Oman"),
])
def test_where_goods_came_from_or_were_headed_is_asserted(text: str, lang: str, place: str) -> None:
    assert _status(text, lang, place) == {"asserted"}


def test_who_goods_were_to_be_delivered_to_is_still_their_network() -> None:
    text = ("Les douaniers ont découvert au port de Dakar 50 000 paquets de cigarettes de contrebande. "
            "La marchandise devait être livrée à une société de Thiès, Baobab Négoce.")
    assert any(x["actor_surface"] == "Baobab Négoce" and x["place_surface"] == "Dakar" and x["status"] == "asserted"
               for x in read(text, "fr").links)


@pytest.mark.parametrize("text", ["Officials warned that jihadist groups can easily move weapons through Mali.",
                                  "Experts said the rifles must have been smuggled through Mali by the Katiba Macina."])
def test_what_a_group_can_do_or_must_have_done_is_still_a_hypothetical(text: str) -> None:
    assert _status(text, "en", "Mali") == {"hypothetical"}


def test_what_a_group_exacts_is_asserted() -> None:
    links = read("Every truck carrying charcoal must pay the FDLR a fee at Kibati.").links
    assert any(x["actor_surface"] == "FDLR" and x["market"] == "extortion_and_protection_racketeering"
               and x["status"] == "asserted" for x in links)


@pytest.mark.parametrize(("text", "lang", "lure", "site"), [
    ("At the Kobada-Dioula camp, nine Nigerian women said a woman they called Madam Joy had recruited them in "
     "Benin City with promises of salon work in Bamako, then sold them to a bar owner in the camp.", "en",
     "Bamako", "Benin City"),
    ("Forty-one Ethiopians freed from a compound in Shwe Kokko told police they had been recruited in Addis Ababa "
     "with offers of customer-service jobs in Bangkok, then driven across the border.", "en", "Bangkok",
     "Addis Ababa"),
    ("De jeunes Nigérianes recrutées à Benin City sous la promesse d'un emploi de coiffeuse à Bamako ont été "
     "contraintes à se prostituer sur des sites d'orpaillage de Kangaba.", "fr", "Bamako", "Kangaba"),
])
def test_the_town_of_a_promised_job_is_a_lure(text: str, lang: str, lure: str, site: str) -> None:
    assert _status(text, lang, lure) == {"hypothetical"}
    assert _status(text, lang, site) == {"asserted"}


def test_where_the_lured_were_exploited_stays() -> None:
    text = ("Blessing Osagie lured young women from Benin City with promises of hairdressing jobs and forced them "
            "into prostitution in Castel Volturno.")
    assert _status(text, "en", "Castel Volturno") == {"asserted"}


@pytest.mark.parametrize(("text", "lang", "town"), [
    ("Thirty Malawian men recruited in Lilongwe with offers of construction work in Johannesburg, where they were "
     "housed in a locked compound, were forced to work without pay.", "en", "Johannesburg"),
    ("Des Congolaises recrutées à Kinshasa sous la promesse d'un emploi de domestique à Luanda, où elles ont été "
     "exploitées sans salaire, ont été rapatriées.", "fr", "Luanda"),
    ("Des Nigérianes recrutées à Benin City avec la promesse d'un emploi à Bamako et y ont été prostituées.", "fr",
     "Bamako"),
    # an offer of the crossing is the smuggling itself, no lure
    ("Des passeurs proposent des offres de traversée à Sfax pour 2 000 dinars par migrant.", "fr", "Sfax"),
])
def test_a_promised_town_where_the_text_says_it_happened_stays(text: str, lang: str, town: str) -> None:
    assert _status(text, lang, town) == {"asserted"}
