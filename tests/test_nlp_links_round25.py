"""Twenty-fifth session: police, customs and INTERPOL releases and the wire copy built on them. Each
sentence is a variant of a construction that failed on the development parts, not the paragraph it
failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import markets, read

pytestmark = pytest.mark.slow

COCAINE = "cocaine_trade"


@pytest.mark.parametrize(("text", "lang"), [
    ("Omar Diallo, a trader who coordinates the reception of cocaine shipments in Bissau, was arrested.", "en"),
    ("Omar Diallo, qui coordonnait l'acheminement de la cocaïne vers Bissau, a été arrêté.", "fr"),
])
def test_who_coordinates_the_shipments_takes_part(text: str, lang: str) -> None:
    assert ("Omar Diallo", COCAINE, "Bissau") in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang", "chief"), [
    ("The police chief, Ali Sow, who coordinates the fight against cocaine trafficking in Bissau, spoke.", "en",
     "Ali Sow"),
    ("Le commissaire Diouf, qui coordonne la lutte contre le trafic de cocaïne à Bissau, a parlé.", "fr",
     "commissaire Diouf"),
])
def test_who_coordinates_the_fight_against_a_trade_takes_no_part(text: str, lang: str, chief: str) -> None:
    assert not [k for k in _counted(text, lang) if k[0] == chief]


# an arrest's charge said on a noun of suspicion, or by a participle of accusing on the arrest
_ARRESTED_ON_SUSPICION = [
    ("Police arrested Ilir Dervishi on suspicion of smuggling cocaine from Ecuador.", "en",
     "Ilir Dervishi", COCAINE, "Ecuador"),
    ("Spanish police detained four members of the Castaño clan on Tuesday on charges of trafficking cocaine "
     "through Algeciras.", "en", "Castaño", COCAINE, "Algeciras"),
    ("Police in Tirana arrested six members of the Dervishi clan, accusing them of smuggling cocaine from "
     "Ecuador.", "en", "Dervishi", COCAINE, "Ecuador"),
    # the deed charged keeps its own places, though a verb of accusing stands over it
    ("Police in Tirana arrested six members of the Dervishi clan, accusing them of organising cocaine "
     "shipments to the port of Antwerp.", "en", "Dervishi", COCAINE, "Antwerp"),
]


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), _ARRESTED_ON_SUSPICION)
def test_who_is_arrested_on_suspicion_of_a_trade_takes_part(
        text: str, lang: str, actor: str, market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


def test_an_arrest_on_suspicion_of_another_deed_says_nothing_of_the_trade() -> None:
    text = ("Police arrested Ilir Dervishi on suspicion of murdering a journalist who had exposed cocaine "
            "smuggling through Durrës.")
    assert not [k for k in _counted(text, "en") if k[0] == "Ilir Dervishi"]


COUNTERFEIT = "trade_in_counterfeit_goods"


# the firm the seized goods were consigned to, named in the next sentence, is their importer
@pytest.mark.parametrize(("text", "lang", "firm", "place"), [
    ("Customs at the port of Bar seized 30,000 counterfeit watches shipped from Xiamen. The goods had been "
     "consigned to a Podgorica wholesaler, Adriatik Distribution, whose manager was questioned.", "en",
     "Adriatik Distribution", "Xiamen"),
    ("Les douaniers de Marseille ont saisi 80 000 paires de baskets contrefaites arrivées de Ningbo. La "
     "marchandise devait être livrée à une société de Vitrolles, Provence Import, dont le gérant a été "
     "entendu.", "fr", "Provence Import", "Ningbo"),
])
def test_the_consignee_of_seized_goods_takes_part(text: str, lang: str, firm: str, place: str) -> None:
    assert (firm, COUNTERFEIT, place) in _counted(text, lang)


ARMS = "arms_trafficking"
TIMBER = "flora_crimes"


def test_the_gang_the_bought_weapons_are_delivered_to_takes_part() -> None:
    text = ("The rifles were bought at gun shops in Texas by straw purchasers and delivered to the Village de "
            "Dieu gang in Port-au-Prince, prosecutors say.")
    assert [k for k in _counted(text, "en") if k[0] and "Village de Dieu" in k[0] and k[1] == ARMS
            and k[2] == "Port-au-Prince"]


def test_a_conjoined_verb_with_its_own_subject_does_not_share_the_goods() -> None:
    # the gang is the subject of its own clause: the police delivered nothing to it
    text = "The rifles were seized in Miami and the police delivered a warning to the Village de Dieu gang."
    assert not [k for k in _counted(text, "en") if k[0] and "Village de Dieu" in k[0]]


@pytest.mark.parametrize(("text", "lang", "ngo"), [
    ("Du teck abattu illégalement est acheminé par camions vers Mombasa, selon une enquête publiée mardi par "
     "l'ONG Forest Watch.", "fr", "Forest Watch"),
    ("Teak felled illegally is trucked to Mombasa, according to a report published on Tuesday by the NGO "
     "Forest Watch.", "en", "Forest Watch"),
])
def test_the_ngo_that_published_the_report_on_a_day_is_its_author(text: str, lang: str, ngo: str) -> None:
    links = _counted(text, lang)
    assert not [k for k in links if k[0] == ngo]
    assert (None, TIMBER, "Mombasa") in links


def test_a_person_named_again_by_surname_is_one_candidate_for_the_activity() -> None:
    # the cue of the first sentence ("led by") is not the cue of "Mr Tombe" in the next, and "Mr Tombe" is
    # "John Lado Tombe": one candidate, not two that leave the activity without its doer
    text = ("Rifles bought in Uganda's Karamoja region are reaching cattle camps in Jonglei through Pibor, South "
            "Sudan's Ministry of Interior said on Monday, blaming a network led by a former army captain, John "
            "Lado Tombe. Mr Tombe, who was arrested in Bor on Sunday, is accused of bringing in more than 600 "
            "weapons since January.")
    assert ("John Lado Tombe", ARMS, "Pibor") in _counted(text, "en")


CYBER = "cyber_dependent_crimes"


def test_the_name_of_a_ransomware_operation_runs_it() -> None:
    text = ("Police detained two men suspected of running the GreyFox ransomware operation from a rented flat "
            "in Odesa.")
    assert [k for k in _counted(text, "en") if k[0] == "GreyFox" and k[1] == CYBER and k[2] == "Odesa"]


def test_a_police_force_s_cocaine_operation_is_no_part_in_the_trade() -> None:
    text = "Europol's cocaine operation in Antwerp led to 40 arrests."
    assert not [k for k in _counted(text, "en") if k[0] == "Europol"]


HEROIN = "heroin_trade"


@pytest.mark.parametrize(("text", "lang"), [
    ("Douze personnes ont été interpellées à Lille dans une enquête sur un trafic d'héroïne venu de Rotterdam. "
     "Selon les enquêteurs, la famille Haddad écoulait jusqu'à trois kilos par semaine à Tourcoing.", "fr"),
    ("Police seized heroin shipped from Rotterdam. Investigators say the Haddad family sold about three kilos "
     "a week in Tourcoing.", "en"),
])
def test_a_weight_sold_with_no_goods_named_is_of_the_goods_spoken_of(text: str, lang: str) -> None:
    assert [k for k in _counted(text, lang) if k[0] and "Haddad" in k[0] and k[1] == HEROIN and k[2] == "Tourcoing"]


def test_a_weight_of_other_goods_is_their_own() -> None:
    text = ("Police seized heroin shipped from Rotterdam. The Haddad family sold three kilos of saffron a week "
            "in Tourcoing.")
    assert not [k for k in _counted(text, "en") if k[0] and "Haddad" in k[0] and k[1] == HEROIN]


EXTORTION = "extortion_and_protection_racketeering"


def test_where_the_witnesses_who_tell_it_fled_is_not_where_the_cut_is_taken() -> None:
    text = ("Dans le Soum, les combattants du JNIM prélèvent la zakat sur les éleveurs de Djibo, ont raconté à "
            "l'AFP des déplacés réfugiés à Kaya.")
    links = _counted(text, "fr")
    assert ("JNIM", EXTORTION, "Djibo") in links
    assert ("JNIM", EXTORTION, "Kaya") not in links


SMUGGLING = "human_smuggling"


@pytest.mark.parametrize(("text", "lang"), [
    ("The network charged Eritrean, Somali and Sudanese migrants up to 900 dollars each to guide them across "
     "the desert to Kufra.", "en"),
    ("Le réseau organisait des traversées vers Lampedusa pour 4 000 dinars par passager.", "fr"),
])
def test_crossings_sold_by_the_head_are_migrant_smuggling(text: str, lang: str) -> None:
    assert SMUGGLING in markets(text, lang)


def test_a_ferry_company_organising_crossings_smuggles_nobody() -> None:
    assert SMUGGLING not in markets("La compagnie organise des traversées vers Lampedusa tous les jours.", "fr")


def test_a_fisherman_known_by_a_nickname_is_a_person() -> None:
    doc = read("La police a arrêté un pêcheur de Chebba surnommé « Bilel Zarzis » pour trafic de migrants.", "fr")
    assert "Bilel Zarzis" in {m["surface"] for m in doc.mentions if m["kind"] == "actor"}


def test_a_town_off_which_boats_are_stopped_is_a_place() -> None:
    doc = read("Coast guard units intercepted two boats carrying migrants off Zuwara on Saturday.", "en")
    assert ("location", "Zuwara") in {(m["kind"], m["surface"]) for m in doc.mentions}


@pytest.mark.parametrize(("text", "lang", "kept", "dropped"), [
    ("Coast guard units intercepted a boat carrying 60 migrants near Sabratha and returned them to a detention "
     "centre in Misrata.", "en", "Sabratha", "Misrata"),
    ("La marine a intercepté au large de Dakar une pirogue transportant 80 migrants, puis les a transférés dans "
     "un centre de Saint-Louis.", "fr", "Dakar", "Saint-Louis"),
])
def test_where_the_enforcers_take_people_afterwards_is_no_place_of_the_trade(
        text: str, lang: str, kept: str, dropped: str) -> None:
    places = {k[2] for k in _counted(text, lang) if k[1] == SMUGGLING}
    assert kept in places
    assert dropped not in places


def test_what_a_raided_depot_was_used_for_happens_where_the_depot_is() -> None:
    text = ("Police raided a warehouse in the Treichville market of Abidjan where a trader named Moussa Traoré "
            "repackaged fake antibiotics.")
    assert ("Moussa Traoré", COUNTERFEIT, "Treichville") in _counted(text, "en")


@pytest.mark.parametrize(("text", "lang", "label", "seized"), [
    ("Police seized fake antimalarials in boxes labelled as made in India at the port of Tema.", "en", "India",
     "Tema"),
    ("Des faux médicaments étiquetés comme fabriqués en Inde ont été saisis à Lomé.", "fr", "Inde", "Lomé"),
])
def test_where_a_false_label_says_goods_were_made_is_no_place_of_the_trade(
        text: str, lang: str, label: str, seized: str) -> None:
    places = {k[2] for k in _counted(text, lang) if k[1] == COUNTERFEIT}
    assert seized in places
    assert label not in places


FAUNA = "fauna_crimes"


@pytest.mark.parametrize(("text", "lang", "arrest"), [
    ("Les gardes ont arrêté à Ouesso trois hommes qui tentaient de vendre 30 kilos d'ivoire.", "fr", "Ouesso"),
    ("Rangers arrested in Ouesso three men who were trying to sell 30 kilograms of ivory.", "en", "Ouesso"),
])
def test_an_attempt_caught_by_an_arrest_happened_where_the_arrest_was(text: str, lang: str, arrest: str) -> None:
    assert (None, FAUNA, arrest) in _counted(text, lang)


def test_an_attempt_still_to_come_stays_hypothetical() -> None:
    assert not _counted("Le réseau tentera de vendre l'ivoire à Ouesso le mois prochain.", "fr")


def test_who_the_payers_pay_at_checkpoints_takes_the_cut() -> None:
    text = ("The ISWAP faction taxes dried fish sent from Baga. Traders carrying the cartons pay the group at "
            "checkpoints near Monguno, the report found.")
    assert [k for k in _counted(text, "en") if k[0] and "ISWAP" in k[0] and k[1] == EXTORTION and k[2] == "Monguno"]


def test_payers_who_pay_a_fee_to_nobody_named_give_no_one_a_cut() -> None:
    text = "Traders pay a fee at checkpoints near Monguno, the report found."
    assert not [k for k in _counted(text, "en") if k[0]]


def test_the_country_of_a_navy_is_no_place_of_the_trade() -> None:
    text = "The US Navy intercepted a dhow carrying rifles off the coast of Somalia."
    assert "US" not in {k[2] for k in _counted(text, "en")}


def test_goods_intended_for_a_group_are_its_in_fact_not_in_plan() -> None:
    text = "Investigators said the rifles seized in Bosaso had been intended for the Houthis in Yemen."
    assert ("Houthis", ARMS, "Yemen") in _counted(text, "en")


@pytest.mark.parametrize(("text", "lang", "origin"), [
    ("Customs seized pangolin scales in Lagos. The scales are believed to have come from Gabon.", "en", "Gabon"),
    ("Les gardes ont saisi des écailles de pangolin à Ouesso. Les écailles venaient du Gabon.", "fr", "Gabon"),
    ("Police seized rhino horn in Maputo. The horns had come from Kruger.", "en", "Kruger"),
])
def test_wildlife_parts_named_again_carry_the_trade_on(text: str, lang: str, origin: str) -> None:
    assert (None, FAUNA, origin) in _counted(text, lang)


CANNABIS = "cannabis_trade"


def test_the_driver_named_after_his_nationality_is_who_carried_the_load() -> None:
    text = ("La police a intercepté mardi à Kasumbalesa un camion transportant 900 kilos de cannabis. Le chauffeur, "
            "un Zambien nommé Joseph Mwale, a déclaré que la cargaison venait de Ndola.")
    assert ("Joseph Mwale", CANNABIS, "Kasumbalesa") in _counted(text, "fr")


TRAFFICKING = "human_trafficking"


def test_the_town_across_the_river_only_locates_the_compound() -> None:
    text = ("Police said 90 people had been freed from a compound in Shwe Kokko, across the river from Mae Sot, "
            "where they had been held and forced to run investment scams.")
    places = {k[2] for k in _counted(text, "en") if k[1] == TRAFFICKING}
    assert "Shwe Kokko" in places
    assert "Mae Sot" not in places
