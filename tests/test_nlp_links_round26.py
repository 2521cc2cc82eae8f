"""Twenty-sixth session: newspapers' crime desks and enforcement agencies' own releases (two development
parts, written by two helpers). Each sentence is a variant of a construction that failed on them, not the
paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import markets

pytestmark = pytest.mark.slow

ARMS, GOLD, IVORY = "arms_trafficking", "non_renewable_resource_crimes", "fauna_crimes"


def _actors(text: str, lang: str) -> set[str | None]:
    return {k[0] for k in _counted(text, lang)}


# Who tells investigators what they did themselves takes part in it.
@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Moussa Diallo told police he had smuggled the gold from Kenieba to Bamako.", "en",
     "Moussa Diallo", GOLD, "Kenieba"),
    ("The couple, Rivo Rakoto and his wife Fara, told customs officers they had bought the ivory in "
     "Mahajanga.", "en", "Rivo Rakoto", IVORY, "Mahajanga"),
    ("Le chauffeur, Amadou Sow, a expliqué aux gendarmes qu'il avait acheté l'ivoire à Kédougou.", "fr",
     "Amadou Sow", IVORY, "Kédougou"),
])
def test_who_tells_investigators_of_their_own_deed_takes_part(
        text: str, lang: str, actor: str, market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    # the pronoun is not the speaker's number: another's deed
    ("Moussa Diallo told police they had smuggled the gold from Kenieba to Bamako.", "en", "Moussa Diallo"),
    ("Le maire, Amadou Sow, a expliqué aux journalistes qu'ils avaient acheté l'ivoire à Kédougou.", "fr",
     "Amadou Sow"),
    # what the speaker saw others do
    ("Moussa Diallo told police he had seen soldiers smuggle the gold from Kenieba to Bamako.", "en",
     "Moussa Diallo"),
])
def test_who_tells_of_others_deeds_takes_no_part(text: str, lang: str, speaker: str) -> None:
    assert speaker not in _actors(text, lang)


# A subject pair after an attribution: the English parser reads the first name as a second source.
@pytest.mark.parametrize(("text", "actor"), [
    ("According to the indictment, Omar Haddad and his brother smuggled 40 rifles from Miami to Haiti.",
     "Omar Haddad"),
    ("According to court documents, Luis Ferreira, 51, and his associates bought 60 pistols in Texas and "
     "shipped them to Port-au-Prince.", "Luis Ferreira"),
])
def test_a_subject_pair_after_an_attribution_takes_part(text: str, actor: str) -> None:
    assert actor in _actors(text, "en")


# Where a person lives or comes from is said of the person, not where the deed was done.
@pytest.mark.parametrize(("text", "lang", "home"), [
    ("Le chef présumé, Nguyen Van Long, 41 ans, domicilié à Créteil, a été mis en examen pour traite des "
     "êtres humains.", "fr", "Créteil"),
    ("Kevin Lam, 36, of Flushing, smuggled elephant ivory through Newark airport.", "en", "Flushing"),
    ("The driver, a resident of Rawa, was carrying Captagon pills across the al-Qaim crossing.", "en", "Rawa"),
    ("A Vilnius resident smuggled cigarettes into the Šalčininkai district.", "en", "Vilnius"),
])
def test_where_a_person_lives_is_not_where_the_deed_was_done(text: str, lang: str, home: str) -> None:
    assert not [k for k in _counted(text, lang) if k[2] == home]


@pytest.mark.parametrize(("text", "place"), [
    # where shell companies are registered is where the money is laundered
    ("The clan laundered the proceeds through shell companies registered in Cyprus.", "Cyprus"),
    # a park's name, not a nationality
    ("Poachers from Mozambique shot 11 rhinos in the Kruger National Park this year, rangers said.", "Kruger"),
])
def test_a_place_that_only_looks_like_a_home_stays_the_deed_s(text: str, place: str) -> None:
    assert [k for k in _counted(text, "en") if k[2] == place]


# A firm goods were consigned to is their importer, whatever its name ends on or an apposition says.
@pytest.mark.parametrize(("text", "firm"), [
    ("Customs found 800,000 tramadol tablets at Tema port. The shipment had been loaded in Karachi and was "
     "consigned to Adansi Global Ventures.", "Adansi Global Ventures"),
    ("Customs found 800,000 tramadol tablets at Tema port. The shipment had been loaded in Karachi and was "
     "consigned to Kofi Mensah Brothers, an importer in Kumasi.", "Kofi Mensah Brothers"),
])
def test_a_firm_the_goods_were_consigned_to_takes_part(text: str, firm: str) -> None:
    assert (firm, "synthetic_drug_trade", "Karachi") in _counted(text, "en")


# The band's head named after its deeds takes them.
@pytest.mark.parametrize(("text", "lang", "head", "market", "place"), [
    ("Border guards detained six members of a gang that stored smuggled cigarettes in barns at Ignalina. The "
     "gang's leader, Tomas Vaitkus, has been charged.", "en", "Tomas Vaitkus", "illicit_trade_in_excise_goods",
     "Ignalina"),
    ("Les policiers ont démantelé un réseau qui cultivait du cannabis dans des hangars de Mirabel. Le "
     "dirigeant présumé, Marc Tremblay, 47 ans, fait face à des accusations de trafic de stupéfiants.", "fr",
     "Marc Tremblay", "cannabis_trade", "Mirabel"),
])
def test_the_band_s_head_named_after_its_deeds_takes_them(
        text: str, lang: str, head: str, market: str, place: str) -> None:
    assert (head, market, place) in _counted(text, lang)


def test_a_word_of_drugs_in_the_attributing_sentence_keeps_its_own_rows() -> None:
    # "anti-narcotics" names drugs, whichever: the sentence still names one market, so its own rows are the network's
    text = ("Heroin from Pakistan is landed by dhows at night in the creeks of Malindi and sold through a network "
            "run by the Odhiambo brothers, who also supply dealers in Arusha, the anti-narcotics unit said.")
    assert ("Odhiambo", "heroin_trade", "Malindi") in _counted(text, "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("Le réseau recrutait de jeunes femmes à Benin City et les contraignait à se prostituer à Paris.", "fr"),
    ("The gang forces the women into prostitution in Lagos.", "en"),
])
def test_forcing_into_prostitution_told_as_it_goes_on_is_trafficking(text: str, lang: str) -> None:
    assert "human_trafficking" in markets(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Gendarmes seized 186,000 pregabalin capsules at Maradi.", "en"),
    ("Police seized 40,000 psychotropic pills hidden in a lorry at Kano.", "en"),
    ("Les gendarmes ont saisi 42 000 comprimés psychotropes à Oujda.", "fr"),
])
def test_pregabalin_and_psychotropic_pills_are_synthetic_drugs(text: str, lang: str) -> None:
    assert "synthetic_drug_trade" in markets(text, lang)


@pytest.mark.parametrize("firm", ["Importadora Pacífico Global", "Maderera Río Tamaya", "Frutera Costa Verde"])
def test_a_spanish_firm_named_by_its_trade_is_an_actor(firm: str) -> None:
    text = f"The counterfeit shoes had been imported from Shenzhen by {firm}."
    assert (firm, "trade_in_counterfeit_goods", "Shenzhen") in _counted(text, "en")


# An agency's name carries the market it fights: no activity there.
@pytest.mark.parametrize(("text", "lang"), [
    ("L'Office central de lutte contre la traite des êtres humains a ouvert un bureau à Lyon.", "fr"),
    ("L'Office central pour la répression de la traite des êtres humains (OCRTEH) a arrêté un homme à Lyon.", "fr"),
    ("The Office for the Suppression of Human Trafficking opened a branch in Lyon.", "en"),
])
def test_a_market_an_agency_fights_is_no_activity(text: str, lang: str) -> None:
    assert not [k for k in _counted(text, lang) if k[1] == "human_trafficking"]


def test_the_trade_a_fighting_agency_seized_is_still_an_activity() -> None:
    text = ("L'Office central de lutte contre la traite des êtres humains a démantelé à Lyon un réseau qui "
            "contraignait des femmes à se prostituer.")
    assert [k for k in _counted(text, "fr") if k[1] == "human_trafficking" and k[2] == "Lyon"]


def test_who_recruited_the_carrier_named_after_a_singular_cue_takes_the_cargo() -> None:
    text = ("Les gendarmes ont saisi 400 kilos de cannabis sur une vedette à Mtsamboro. Le pilote a déclaré avoir "
            "été recruté par un commerçant de Domoni, Said Ahmed.")
    assert ("Said Ahmed", "cannabis_trade", "Mtsamboro") in _counted(text, "fr")


@pytest.mark.parametrize(("text", "lang", "person", "market", "place"), [
    # a part in the case right after a definite article, the name after it
    ("The driver, Valdemar Pinto, 52, said he had picked up the cigarettes at a landing near Salto del Guairá.",
     "en", "Valdemar Pinto", "illicit_trade_in_excise_goods", "Salto del Guairá"),
    # a smuggler introduced by his trade, a relative clause on the name saying what he does
    ("Selon les enquêteurs, la marchandise appartenait à un contrebandier originaire de Thala, Nabil Hammami, "
     "qui écoule l'essence le long de la route nationale 17.", "fr", "Nabil Hammami",
     "non_renewable_resource_crimes", "route nationale 17"),
])
def test_a_person_named_after_their_part_in_the_case_takes_part(
        text: str, lang: str, person: str, market: str, place: str) -> None:
    assert (person, market, place) in _counted(text, lang)


def test_a_definite_noun_that_is_no_part_in_a_case_names_no_person() -> None:
    # "The border, Lake Kivu," is no person: only nouns of a part in a case introduce one
    text = "The border, Lake Kivu and the hills around it are crossed by smugglers carrying coltan to Gisenyi."
    assert "Lake Kivu" not in _actors(text, "en")


@pytest.mark.parametrize(("text", "body"), [
    ("The crew of the Coast Guard cutter Resolute offloaded 9,000 pounds of cocaine at Port Everglades.",
     "Coast Guard"),
    ("The Directorate General of Law Enforcement has named the director of PT Hutan Jaya as a suspect in the "
     "illegal logging of merbau in Fakfak.", "Directorate General of Law Enforcement"),
])
def test_an_enforcement_body_is_never_a_trafficker(text: str, body: str) -> None:
    assert not [k for k in _counted(text, "en") if k[0] and body.startswith(k[0])]


def test_the_cut_an_enforcement_body_takes_is_its_own() -> None:
    # customs are an enforcement body by name (kinds.enforcement_body); what they extort is still theirs
    text = "Officers of the Congolese Customs Service extort 5,000 francs from every truck at the Bunagana crossing."
    assert ("Congolese Customs Service", "extortion_and_protection_racketeering", "Bunagana") in _counted(text, "en")


@pytest.mark.parametrize(("text", "asserted"), [
    ("The Bou Hamra clan had been preparing to move ten tonnes of hashish to the port of Tripoli.", False),
    ("Le clan Bou Hamra se préparait à acheminer dix tonnes de haschich vers le port de Tripoli.", False),
    ("The Bou Hamra clan prepared the hashish in Tripoli.", True),
])
def test_getting_ready_to_move_goods_is_a_plan(text: str, asserted: bool) -> None:
    lang = "fr" if text.startswith("Le ") else "en"
    assert bool([k for k in _counted(text, lang) if k[2] == "Tripoli"]) is asserted


@pytest.mark.parametrize(("text", "lang", "owner", "place"), [
    ("Police raided a warehouse in Lomé belonging to Kara Pharma Distribution, where 12 tonnes of counterfeit "
     "antimalarials were found.", "en", "Kara Pharma Distribution", "Lomé"),
    ("Les gendarmes ont saisi 3 tonnes de médicaments contrefaits dans un entrepôt de Bimbo appartenant à un "
     "grossiste, les Établissements Ndoumba.", "fr", "Établissements Ndoumba", "Bimbo"),
])
def test_whom_the_premises_belong_to_takes_the_goods_found_there(text: str, lang: str, owner: str, place: str) -> None:
    assert (owner, "trade_in_counterfeit_goods", place) in _counted(text, lang)


# The review after the scoring: sentences each rule misread, mended at their cause.
@pytest.mark.parametrize(("text", "lang", "name"), [
    ("The witness, Maria Lopez, told police she had refused to smuggle cocaine through Santos port.", "en",
     "Maria Lopez"),
    ("Le suspect, Moussa Keita, a déclaré aux gendarmes qu'il avait refusé de transporter le cannabis à Kayes.",
     "fr", "Moussa Keita"),
    ("Defence lawyer John Mensah told the court he had carried the cocaine through Accra only because his family "
     "was threatened.", "en", "John Mensah"),
    ("According to the prosecutor, Maria Lopez and her sister were kidnapped by cocaine traffickers in Cali.", "en",
     "Maria Lopez"),
    ("Les gendarmes ont saisi 50 kilos d'héroïne à Dakar. Le chef du réseau des ONG antidrogue, Mamadou Ba, a "
     "salué l'opération.", "fr", "Mamadou Ba"),
    ("Les gendarmes ont saisi 50 kilos d'héroïne à Dakar. Le dirigeant présumé de l'ONG Jeunesse Propre, Mamadou "
     "Ba, a salué l'opération.", "fr", "Jeunesse Propre"),
    ("Police seized 30 kilograms of heroin in Peshawar. The vehicle belonging to Khyber Transport Ltd had been "
     "stolen a week earlier.", "en", "Khyber Transport Ltd"),
    ("La cocaïne a été saisie au port d'Abidjan. Le chauffeur, payé par la société Ivoire Logistique, a été "
     "relâché faute de preuves.", "fr", "Ivoire Logistique"),
    ("Inversiones Caribe was the victim of extortion by the gang in Barranquilla.", "en", "Inversiones Caribe"),
])
def test_a_name_the_new_rules_misread_takes_no_part(text: str, lang: str, name: str) -> None:
    assert name not in _actors(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Selon l'ONG, la misère contraignait les familles à mendier à Dakar.", "fr"),
    ("Poverty forces children into begging in Dakar, UNICEF said.", "en"),
    ("Le règlement obligeait les commerçants à travailler avec des fournisseurs agréés à Dakar.", "fr"),
])
def test_what_poverty_or_a_rule_forces_is_no_trafficking(text: str, lang: str) -> None:
    assert "human_trafficking" not in markets(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The hospital in Cairo treats patients with psychotropic drugs.", "en"),
    ("Les psychotropes prescrits par les psychiatres de Dakar sont remboursés.", "fr"),
])
def test_medicines_named_as_a_class_are_no_drug_trade(text: str, lang: str) -> None:
    assert "synthetic_drug_trade" not in markets(text, lang)


@pytest.mark.parametrize(("text", "lang", "kept"), [
    # a place the payers live in is where they pay; goods come from where they are "originaire"
    ("Families living in Cité Soleil pay weekly fees to the G9 gang, the UN said.", "en", "Cité Soleil"),
    ("Les commerçants habitant à Goma paient une taxe au M23.", "fr", "Goma"),
    ("Le cannabis, originaire du Maroc, transitait par Algeciras avant d'être saisi à Lyon.", "fr", "Maroc"),
    # a fight over a trade is no fight against it
    ("The fight over cocaine trafficking routes in Guayaquil between Los Choneros and Los Lobos left ten dead.", "en",
     "Guayaquil"),
    ("Los Choneros et Los Lobos se livrent une lutte pour le trafic de cocaïne à Guayaquil.", "fr", "Guayaquil"),
    # the police and the gendarmerie can be parties; a clearing firm is no customs
    ("A unit of the Honduran National Police moved cocaine for the Cachiros cartel through Olancho, prosecutors "
     "said.", "en", "Olancho"),
    ("Speedy Customs Clearing Ltd smuggled tramadol through Lagos port, the NDLEA said.", "en", "Lagos"),
    ("La Gendarmerie nationale centrafricaine achète des diamants aux creuseurs de Carnot, selon les experts.", "fr",
     "Carnot"),
    # caught as they got ready: no plan
    ("Police arrested the men in Rotterdam as they prepared to unload 200 kilograms of cocaine.", "en", "Rotterdam"),
    ("Arrêtés à Kribi, les trafiquants se préparaient à charger 300 kilos de cocaïne.", "fr", "Kribi"),
])
def test_a_place_the_new_rules_took_away_is_kept(text: str, lang: str, kept: str) -> None:
    assert [k for k in _counted(text, lang) if k[2] == kept]
