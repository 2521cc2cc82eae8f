"""Fifteenth round, read on part r once it was spent (dev_r): a verb the small English parser reads as a
compound of the noun after it (and, since the sixteenth session, as the head of a noun phrase); a place whose name holds goods' names (checked on the reference data); a
portfolio ("ministère de la Santé") and an airport code ("OMS" for Omsk) are no places; "autour de X" places
X; a name an organisation noun introduces wins over a site noun after it; members claiming a group act for
it; companies under more legal forms; trafficking, smuggling and timber words the lists lacked."""

from __future__ import annotations

import pytest

from ocwatch.reference import checks
from tests.support.links_read import counted as _counted
from tests.support.links_read import markets as _markets
from tests.support.links_read import read as _result

pytestmark = pytest.mark.slow


def test_a_verb_the_parser_read_as_a_compound_of_its_object_is_read_as_the_verb() -> None:
    counted = _counted("Al-Shabaab taxes cigarettes smuggled across the Kenyan border at Dhobley, the UN panel said.")
    assert ("Al-Shabaab", "extortion_and_protection_racketeering", "Dhobley") in counted
    assert ("Al-Shabaab", "illicit_trade_in_excise_goods", "Dhobley") in counted



@pytest.mark.parametrize("text", ["The M23 taxes coltan in Rubaya.", "The ADF taxes gold in Beni, residents say."])
def test_a_verb_the_parser_read_as_the_head_of_a_noun_phrase_is_read_as_the_verb(text: str) -> None:
    # "The group taxes coltan": the parser made "taxes" a noun with "group" its compound and "coltan" an
    # adjective, so the actor was lost (the sixteenth session's check of the scorer on one sentence)
    actor, place = ("M23", "Rubaya") if "M23" in text else ("ADF", "Beni")
    counted = _counted(text)
    assert {(actor, m, place) for m in ("non_renewable_resource_crimes", "extortion_and_protection_racketeering")} \
        <= counted
    assert (None, "non_renewable_resource_crimes", place) not in counted



@pytest.mark.parametrize(("text", "actor", "place"), [
    ("Le M23 fait passer le coltan de Rubaya vers le Rwanda.", "M23", "Rubaya"),
    ("La CPC fait passer l'or de Ndassima vers le Cameroun.", "CPC", "Ndassima")])
def test_whoever_makes_the_goods_cross_takes_part(text: str, actor: str, place: str) -> None:
    # "fait" tagged a noun, then mended into the subject of "passer": the group did nothing
    assert (actor, "non_renewable_resource_crimes", place) in _counted(text, "fr")



@pytest.mark.parametrize("text", ["Les creuseurs se font extorquer de l'or par les FDLR à Walikale.",
                                  "Les creuseurs se sont fait extorquer de l'or par les FDLR à Walikale."])
def test_a_reflexive_causative_is_a_passive_and_its_agent_no_victim(text: str) -> None:
    assert not any(x["actor_surface"] == "FDLR" and x["role"] == "victim" for x in _result(text, "fr").links)

def test_where_goods_are_made_to_come_from_stays_their_place() -> None:
    # "venir du Bénin" is the origin of the rifles the traffickers bring, not of the traffickers
    text = "Le gang achète ses fusils à des trafiquants qui les font venir du Bénin."
    assert (None, "arms_trafficking", "Bénin") in _counted(text, "fr")

@pytest.mark.parametrize("text", ["Income taxes rose in Kinshasa.", "The group's taxes on coltan rose in Rubaya."])
def test_taxes_that_are_a_noun_stay_a_noun(text: str) -> None:
    from ocwatch.nlp.links.repair import repair
    from ocwatch.nlp.pipeline import get_parser

    doc = repair(get_parser("en")(text), "en")
    assert [t.dep_ for t in doc if t.text == "taxes"] == ["nsubj"]


def test_goods_named_inside_a_sites_name_stay_goods() -> None:
    text = ("The Rapid Support Forces have turned the Jebel Amer gold mines in North Darfur into a war chest, "
            "smuggling the metal through Chad to buyers in the United Arab Emirates.")
    counted = _counted(text)
    assert {("Rapid Support Forces", "non_renewable_resource_crimes", p) for p in ("Jebel Amer", "Chad")} <= counted
    assert checks.check_taxonomy() == []  # no place name of the reference data holds a commodity's


@pytest.mark.parametrize(("text", "lang", "not_place"), [
    ("Des pirates ont chiffré lundi les serveurs du ministère colombien de la Santé, à Bogotá.", "fr", "Santé"),
    ("Des comprimés de tramadol se vendent à Cotonou, a constaté l'Organisation mondiale de la santé (OMS).",
     "fr", "OMS"),
])
def test_a_portfolio_or_an_airport_code_is_no_place(text: str, lang: str, not_place: str) -> None:
    assert not_place not in {m["surface"] for m in _result(text, lang).mentions if m["kind"] == "location"}


def test_places_around_which_a_group_takes_its_cut_are_places() -> None:
    text = ("Dans le nord-ouest de la Centrafrique, les combattants du groupe 3R rançonnent les éleveurs "
            "transhumants autour de Koui et de Bocaranga.")
    places = {p for a, m, p in _counted(text, "fr") if a == "3R"}
    assert {"Koui", "Bocaranga"} <= places


def test_a_company_named_by_its_noun_wins_over_a_site_noun_in_its_name() -> None:
    text = "La société chinoise Wan Peng Forest exploite l'afrormosia dans le territoire de Bumba."
    assert ("Wan Peng Forest", "flora_crimes", "Bumba") in _counted(text, "fr")


def test_men_claiming_a_group_act_for_it() -> None:
    text = "Des pirates se réclamant du groupe RansomHub ont chiffré lundi les serveurs de la mairie de Bogotá."
    assert ("RansomHub", "cyber_dependent_crimes", "Bogotá") in _counted(text, "fr")


@pytest.mark.parametrize(("text", "lang", "market"), [
    ("Le Tren de Aragua exploite sexuellement des femmes vénézuéliennes à Lima.", "fr", "human_trafficking"),
    ("Le gang Baz Pilate recrute de force des enfants dans les quartiers de Croix-des-Bouquets.", "fr",
     "human_trafficking"),
    ("In Abéché, smugglers charge up to $800 a head to drive them across the desert to Kufra.", "en",
     "human_smuggling"),
    ("At Reynosa the cartel charges each migrant a crossing fee.", "en", "human_smuggling"),
])
def test_trafficking_and_smuggling_told_in_words_the_lists_lacked(text: str, lang: str, market: str) -> None:
    assert market in _markets(text, lang)


def test_a_name_before_the_legal_forms_of_other_countries_is_a_company() -> None:
    text = "The factory's owner, Balkan Tobacco d.o.o., says it sells only to licensed distributors in Banja Luka."
    mentions = _result(text).mentions
    assert any(m["kind"] == "actor" and m["entity_id"] == "named:private_sector_actors:balkan-tobacco" for m in mentions)
    assert "Balkan" not in {m["surface"] for m in mentions if m["kind"] == "location"}


# A review of rounds fourteen and fifteen found these readings overreaching; each is narrowed.
@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Les camions transportant des armes de contrebande roulaient en direction de Maroua.", "fr", "Maroua"),
    ("Gold smuggled from Kalait is sold in Abéché, traders say.", "en", "Abéché"),
])
def test_a_town_after_direction_or_in_a_list_of_the_route_stays_a_place(text: str, lang: str, place: str) -> None:
    assert place in {m["surface"] for m in _result(text, lang).mentions if m["kind"] == "location"}


@pytest.mark.parametrize(("text", "town", "wrong"), [
    ("Gold is laundered through buyers in Santarem, Brazilian police said.", "Santarem", "admin1:PT-14"),
    ("Police in Concepcion, Chile, seized 2 tonnes of cocaine.", "Concepcion", "admin1:PY-1"),
])
def test_a_town_beats_a_foreign_division_written_without_its_accents(text: str, town: str, wrong: str) -> None:
    ids = {m["entity_id"] for m in _result(text).mentions if m["surface"] == town}
    assert ids and wrong not in ids


def test_a_plural_possessive_refers_back_only_by_its_noun() -> None:
    text = ("Global Witness investigated Glencore's suppliers in Kolwezi. Their cobalt comes from artisanal miners in "
            "Kasulo.")
    assert not any(a == "Global Witness" for a, _, _ in _counted(text))


@pytest.mark.parametrize(("text", "lang"), [
    ("Des éléments de la DGSN ont saisi de l'or à Bunia.", "fr"),
    ("PDP militants smuggled gold from Bunia.", "en"),
])
def test_police_units_and_party_members_do_not_make_an_acronym_an_armed_group(text: str, lang: str) -> None:
    assert not any(m["entity_id"].startswith("named:mafia_style_groups:") for m in _result(text, lang).mentions)


@pytest.mark.parametrize(("text", "lang", "not_company"), [
    ("Yesterday Ruby Mining Ltd exported gold from Kampala.", "en", "Yesterday"),
    ("Rwandan Kivu Gold SARL buys coltan in Goma.", "en", "Rwandan"),
    ("The Kenyan AG Justin Muturi said gold was smuggled through Busia.", "en", "Kenyan"),
    ("Police in Cape Town SA seized abalone bound for Hong Kong.", "en", "Cape Town"),
])
def test_a_company_name_stops_at_peoples_times_and_towns(text: str, lang: str, not_company: str) -> None:
    companies = [m["surface"] for m in _result(text, lang).mentions if m["entity_id"].startswith(
        "named:private_sector_actors:")]
    assert not any(not_company in c for c in companies)


def test_a_name_joined_by_de_is_one_company() -> None:
    mentions = _result("La Société Minière de Bisunzu SARL exploite le coltan à Rubaya.", "fr").mentions
    assert "Société Minière de Bisunzu SARL" in {m["surface"] for m in mentions if m["kind"] == "actor"}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Des jeunes réclamant le départ de la MONUSCO ont pillé un dépôt de carburant à Goma.", "fr", "MONUSCO"),
    ("Smugglers from Maradi told UNODC researchers they pay customs officers to let fuel through to Kano.",
     "en", "UNODC"),
    ("Gunmen stopped a lorry of cigarettes near Maradi and killed the driver, Ali Musa, before fleeing.", "en",
     "Ali Musa"),
    ("MONUSCO's weapons were later found with the ADF in Beni.", "en", "MONUSCO"),
])
def test_a_demand_a_source_a_victim_and_a_peace_operations_lost_weapons_take_no_part(
        text: str, lang: str, actor: str) -> None:
    assert not any(a == actor for a, _, _ in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Police at the Beitbridge checkpoint charge each passenger R200 to let them through.", "en"),
    ("Bus companies in Harare charge each passenger $30 for the trip to Johannesburg.", "en"),
    ("Smugglers charge 20,000 CFA each to get motorbikes across to Nigeria from Maradi.", "en"),
    ("The junta forcibly recruits young men under the conscription law in Yangon.", "en"),
    ("Les FARDC recrutent de force des jeunes à Goma.", "fr"),
])
def test_fares_goods_and_conscription_are_no_smuggling_or_trafficking(text: str, lang: str) -> None:
    markets = _markets(text, lang)
    assert not markets & {"human_smuggling", "human_trafficking"}


def test_a_lawyer_reporting_a_court_refusal_disputes_nothing() -> None:
    text = ("Police seized 2 tonnes of cocaine in a warehouse in Durban rented by a trader, Sipho Dlamini. Mr. Dlamini's "
            "lawyer said the court had denied him bail.")
    assert any(a == "Sipho Dlamini" for a, _, _ in _counted(text))


@pytest.mark.parametrize(("text", "lang"), [
    ("Ruby Princess passengers were quarantined in Sydney.", "en"),
    ("A fire caused by lithium batteries destroyed a warehouse in Lagos.", "en"),
])
def test_capitalised_names_and_batteries_are_no_mining_goods(text: str, lang: str) -> None:
    assert not any(m["market"] == "non_renewable_resource_crimes" for m in _result(text, lang).mentions
                   if m["kind"] == "commodity")


def test_goods_from_a_park_came_from_it() -> None:
    links = _result("Du bois de rose en provenance du parc Masoala a été saisi à Antalaha.", "fr").links
    assert {x["place_role"] for x in links if x["place_surface"] and "Masoala" in x["place_surface"]} == {"origin"}
