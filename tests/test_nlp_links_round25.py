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


def test_goods_delivered_to_a_laboratory_or_a_state_force_give_it_no_part() -> None:
    # the review: "delivered to" made its receiver a recipient of the trade; the rule is withdrawn
    for text in ("The seized cocaine was flown to Nairobi and delivered to the Government Chemist for analysis.",
                 "The 40 rifles were bought in Florida and delivered to the Haitian National Police under a legal "
                 "contract."):
        assert not [k for k in _counted(text, "en") if k[0]]


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
    text = ("Dans le Soum, les combattants du JNIM prélèvent la zakat sur les éleveurs de Djibo et leur vendent des "
            "armes, ont rapporté à Human Rights Watch des habitants réfugiés à Kaya.")
    links = _counted(text, "fr")
    assert ("JNIM", EXTORTION, "Djibo") in links
    assert ("JNIM", EXTORTION, "Kaya") not in links


SMUGGLING = "human_smuggling"


@pytest.mark.parametrize(("text", "lang"), [
    ("La société Corsica Ferries organise des traversées vers Bastia pour 60 euros par personne depuis Toulon.", "fr"),
    ("Un navire de l'ONG SOS Méditerranée transportant des migrants secourus au large de la Libye a accosté à "
     "Catane.", "fr"),
])
def test_ferries_and_rescue_ships_smuggle_nobody(text: str, lang: str) -> None:
    # the review: the session's crossing and "transportant" patterns fired on them; both are withdrawn
    assert SMUGGLING not in markets(text, lang)


def test_a_fisherman_known_by_a_nickname_is_a_person() -> None:
    doc = read("La police a arrêté un pêcheur de Chebba surnommé « Bilel Zarzis » pour trafic de migrants.", "fr")
    assert "Bilel Zarzis" in {m["surface"] for m in doc.mentions if m["kind"] == "actor"}


def test_a_town_off_which_boats_are_stopped_is_a_place() -> None:
    doc = read("Coast guard units intercepted two boats carrying migrants off Zuwara on Saturday.", "en")
    assert ("location", "Zuwara") in {(m["kind"], m["surface"]) for m in doc.mentions}


@pytest.mark.parametrize(("text", "lang", "kept", "dropped"), [
    ("Coast guard units intercepted a boat carrying 60 migrants near Sabratha and returned them to a detention "
     "centre in Misrata.", "en", "Sabratha", "Misrata"),
    ("La marine a intercepté au large de Dakar une pirogue chargée de migrants, puis les a rapatriés vers "
     "Saint-Louis.", "fr", "Dakar", "Saint-Louis"),
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



# False readings the review found on ordinary sentences, mended at their cause
def test_a_consignee_that_is_no_firm_is_not_the_importer() -> None:
    text = ("Customs officers in Mombasa seized 200 kilograms of heroin hidden in a container of rice on Monday. "
            "Officials said a separate shipment of food aid was consigned to UNICEF.")
    assert not [k for k in _counted(text, "en") if k[0] == "UNICEF"]


@pytest.mark.parametrize("text", [
    "Police arrested John Kamau in Mombasa on suspicion of killing a heroin trafficker.",
    "Police arrested Juan Pérez in Cali on charges of killing a cocaine trafficker in Buenaventura.",
])
def test_a_suspicion_of_killing_a_trafficker_charges_no_part_in_the_trade(text: str) -> None:
    assert not [k for k in _counted(text, "en") if k[0]]


@pytest.mark.parametrize(("text", "lang"), [
    ("La douane a saisi 500 kilos d'écailles de pangolin à Douala. Au marché de Youpwé, les poissonnières "
     "retirent les écailles avant de vendre le poisson.", "fr"),
    ("Rangers seized 20 rhino horns in Kruger. In Hoedspruit, farmers said the horns of their cattle had been "
     "painted to deter thieves from Acornhoek.", "en"),
    ("Police in Medellín seized 300 kilograms of cocaine. The coffee federation says its members sell 50 kilos "
     "each to cooperatives in Armenia.", "en"),
])
def test_fish_scales_cattle_horns_and_coffee_weights_are_not_the_seized_goods(text: str, lang: str) -> None:
    places = {k[2] for k in _counted(text, lang)}
    assert not places & {"Youpwé", "Acornhoek", "Hoedspruit", "Armenia"}


def test_who_refuse_to_pay_the_group_pay_it_nothing() -> None:
    text = ("Al-Shabaab taxes charcoal from Kismayo. The Somali Chamber of Commerce said its members refuse to pay "
            "the group at checkpoints near Jilib.")
    assert not [k for k in _counted(text, "en") if k[1] == EXTORTION]


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Selon la police, la Katiba Macina confie l'or extrait à Kéniéba à des commerçants de Bamako.", "fr",
     "Katiba Macina", "non_renewable_resource_crimes", "Kéniéba"),
    ("Witness Joseph Kony testified that he sold ivory in Kafia Kingi.", "en", "Joseph Kony", FAUNA, "Kafia Kingi"),
])
def test_entrusting_or_testifying_to_one_s_own_trade_keeps_it(
        text: str, lang: str, actor: str, market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


def test_money_intended_for_buying_weapons_is_still_a_plan() -> None:
    text = ("The two million dollars had been intended for buying weapons for the Wagner Group in Bangui, but the "
            "deal collapsed before any arms were bought.")
    assert not _counted(text, "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("La police a arrêté à Lomé deux journalistes qui tentaient d'enquêter sur le trafic de cocaïne.", "fr"),
    ("Police arrested three activists in Bukavu who were trying to expose coltan smuggling to Rwanda.", "en"),
])
def test_trying_to_investigate_or_expose_a_trade_is_no_attempt_at_it(text: str, lang: str) -> None:
    assert not _counted(text, lang)


def test_an_earlier_attempt_did_not_happen_where_the_arrest_was() -> None:
    text = "Police arrested in Nairobi two men who had tried to sell ivory in Arusha the previous year."
    assert "Nairobi" not in {k[2] for k in _counted(text, "en")}


def test_a_state_navy_s_cocaine_operation_is_no_business() -> None:
    text = "The Royal Navy cocaine operation in the Caribbean seized 1 tonne near Barbados."
    assert not [k for k in _counted(text, "en") if k[0]]
