"""Twenty-eighth session: research institutes' market assessments (two development parts, Africa and the
other regions, written by two helpers), and the sanctions parts' leaders of unnamed networks. Each text is
a variant of a construction that failed on them, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from ocwatch.nlp.links.mask import masked
from tests.support.links_read import counted as _counted

pytestmark = pytest.mark.slow

COCAINE = "cocaine_trade"
RESOURCES = "non_renewable_resource_crimes"


def _actors(text: str, lang: str) -> set[str | None]:
    return {k[0] for k in _counted(text, lang)}


# Who directs, manages or pays for a network takes part in what the network does, as who runs it does.
@pytest.mark.parametrize(("text", "lang", "link"), [
    ("Jean-Pierre Kabongo, a former customs officer, finances a network that flies cocaine from Maracaibo to airstrips "
     "near Jacmel.", "en", ("Jean-Pierre Kabongo", COCAINE, "Jacmel")),
    ("According to the Panel, Ali Saleh al-Hadi directs a network of traders that brings diesel into Mukalla "
     "without inspection.", "en", ("Ali Saleh al-Hadi", RESOURCES, "Mukalla")),
    ("Selon le Groupe d'experts, Kisimba dirige un réseau de passeurs qui achemine des migrants de Gao vers "
     "Tamanrasset.", "fr", ("Kisimba", "human_smuggling", "Tamanrasset")),
])
def test_who_directs_or_finances_a_network_takes_part_in_what_it_does(text: str, lang: str, link: tuple) -> None:
    assert link in _counted(text, lang)


def test_who_finances_a_network_that_fights_a_trade_takes_no_part_in_it() -> None:
    text = "The foundation finances a network that fights cocaine trafficking in Guayaquil."
    assert not any(k[0] for k in _counted(text, "en"))


# "The militia", "the katiba", "the paramilitary" name again the band a sentence introduced with that noun.
@pytest.mark.parametrize(("text", "link"), [
    ("Joseph Ndeze, a former army officer, leads a militia known as the Kabare Lions in South Kivu. The "
     "militia sells ivory to buyers in Bukavu.", ("Kabare Lions", "fauna_crimes", "Bukavu")),
    ("Moussa Ag Hamid is a commander of the Katiba Tin-Essako, which the Panel calls a criminal outfit. "
     "Since 2023, the katiba has smuggled migrants from Gao to Tamanrasset.", ("Katiba Tin-Essako",
                                                                                "human_smuggling", "Tamanrasset")),
    ("Treasury sanctioned two firms for financing the paramilitary Liwa al-Fajr. The paramilitary controls "
     "gold mines at Kutum, in North Darfur.", ("Liwa al-Fajr", RESOURCES, "Kutum")),
])
def test_a_band_named_again_by_the_noun_it_was_given_is_that_band(text: str, link: tuple) -> None:
    assert link in _counted(text, "en")


# A bare English plural names the paragraph's goods again: "From there, shipments are concealed ...".
def test_a_bare_plural_of_shipments_names_the_paragraphs_goods_again() -> None:
    text = ("The gang known as Los Halcones smuggles cocaine from Peru through Tumbes. From there, shipments are "
            "hidden in banana containers bound for Valencia.")
    assert ("Los Halcones", COCAINE, "Valencia") in _counted(text, "en")


@pytest.mark.parametrize("text", [
    "Cocaine is sold in Lima. Shipments of maize leave Callao for Valencia every week.",
    "Cocaine is sold in Lima. Maize shipments leave Callao for Valencia every week.",
])
def test_shipments_of_their_own_goods_are_not_the_paragraphs(text: str) -> None:
    assert not any(k[2] == "Valencia" for k in _counted(text, "en"))


# "the Sakho network smuggles": with "group" put before "network" the small model read one long noun.
def test_a_name_before_its_bands_noun_is_masked_by_that_noun() -> None:
    text = "The Sakho network smuggles cocaine through Accra."
    mentions = [{"start_char": 4, "end_char": 9, "kind": "actor"}]
    out, offsets = masked({"text": text, "start_char": 0}, mentions, "en")
    assert out.startswith("The network smuggles")
    assert out[slice(*offsets[id(mentions[0])])] == "network"


@pytest.mark.parametrize("text", [
    "The Sakho network smuggles cocaine through Accra.",
    "In Ghana, the Sakho clan smuggles cocaine through Accra.",
])
def test_a_band_named_before_its_noun_is_the_subject_of_its_verb(text: str) -> None:
    assert ("Sakho", COCAINE, "Accra") in _counted(text, "en")


def test_a_band_noun_before_another_keeps_the_placeholder() -> None:
    text = "Rifles were shipped for the Kafou gang coalition."
    mentions = [{"start_char": text.index("Kafou"), "end_char": text.index("Kafou") + 5, "kind": "actor"}]
    out, _ = masked({"text": text, "start_char": 0}, mentions, "en")
    assert "the group gang coalition" in out


# "is believed to", "is said to", "is reported to": the hedge is the writer's; the subject does the deed.
@pytest.mark.parametrize(("text", "link"), [
    ("The Kastrati clan is believed to smuggle cannabis into Italy.", ("Kastrati", "cannabis_trade", "Italy")),
    ("Idrissa Koné is said by several miners to smuggle gold from Kéniéba to Dakar.",
     ("Idrissa Koné", RESOURCES, "Dakar")),
    ("The Okapi Boys gang is reported to control the smuggling of migrants through Agadez.",
     ("Okapi Boys", "human_smuggling", "Agadez")),
])
def test_a_hedged_passive_gives_its_subject_the_deed_after_to(text: str, link: tuple) -> None:
    assert link in _counted(text, "en")


def test_a_passive_that_is_no_hedge_keeps_its_subject_a_victim() -> None:
    text = "Amadou Diallo was forced to carry cocaine from Bissau to Dakar."
    assert "Amadou Diallo" not in _actors(text, "en")


# "the gang levies weekly payments": the small English model read "levies" as a noun modifier of "payments".
def test_a_bands_noun_then_a_trade_verb_read_as_a_modifier_gets_its_verb_back() -> None:
    text = "In Choloma, the Barrio Norte gang levies weekly payments on bus operators and small shops."
    assert ("Barrio Norte", "extortion_and_protection_racketeering", "Choloma") in _counted(text, "en")


# "un réseau de courtiers connu sous le nom de X, qui achète la pâte base": the band's noun and its
# complement stay, the naming words and the name go, and the relative clause is the band's.
@pytest.mark.parametrize(("text", "lang", "link"), [
    ("D'après nos sources, la cocaïne est achetée par un réseau de courtiers connu sous le nom de La Oficina "
     "del Sur, qui achète la pâte base aux producteurs du Putumayo.", "fr", ("Oficina del Sur", COCAINE, "Putumayo")),
    ("The trade is run by a network of brokers known as the Tumbes Office, which buys coca base from growers "
     "in Putumayo.", "en", ("Tumbes Office", COCAINE, "Putumayo")),
])
def test_a_band_with_a_complement_known_as_a_name_is_that_name(text: str, lang: str, link: tuple) -> None:
    assert link in _counted(text, lang)


# One of many the paragraph spoke of takes only what its own sentence says it does.
def test_one_such_band_does_not_take_the_market_the_paragraph_surveyed_before_it() -> None:
    text = ("Cocaine shipped from Colombia reaches Puerto Rico through the Dominican Republic. One such group, "
            "headed by a former navy sergeant, Ramón Peña Castillo, reportedly stores cocaine on farms near Baní.")
    found = _counted(text, "en")
    assert ("Ramón Peña Castillo", COCAINE, "Baní") in found
    assert ("Ramón Peña Castillo", COCAINE, "Puerto Rico") not in found


# "assurer" says, or provides: "assure des départs", "assure le transport de l'or" is a part in the trade.
def test_who_provides_the_trade_with_assurer_takes_part_in_it() -> None:
    text = "Selon nos interlocuteurs, le réseau de Moussa Tchidé assure l'acheminement de la cocaïne de Bissau vers Dakar."
    assert "Moussa Tchidé" in _actors(text, "fr")


def test_who_assures_that_a_trade_stopped_does_not_take_part_in_it() -> None:
    text = "Le colonel Mbala assure que le trafic d'or à Kamituga a cessé."
    assert "colonel Mbala" not in _actors(text, "fr")


# The writer's own doubt disputes the claim it reports: "but we found no evidence that it does so".
@pytest.mark.parametrize(("text", "lang"), [
    ("The Kastrati clan is frequently said to smuggle cannabis into Italy, but we found no evidence that it "
     "does so.", "en"),
    ("Fighters of the Kastrati clan are often alleged to smuggle cannabis into Italy; we found little "
     "evidence for this.", "en"),
    ("Le clan Kastrati ferait passer du cannabis en Italie, ce que nos recherches n'ont pas pu confirmer.", "fr"),
])
def test_a_claim_the_writer_could_not_confirm_is_not_counted(text: str, lang: str) -> None:
    assert not _counted(text, lang)


def test_a_claim_the_writer_confirms_is_counted() -> None:
    text = "The Kastrati clan smuggles cannabis into Italy, and our interviews confirmed it."
    assert ("Kastrati", "cannabis_trade", "Italy") in _counted(text, "en")


# "found no evidence that X": the doubt governs the clause after it; what the sentence said before stands.
def test_no_evidence_that_disputes_the_clause_after_it() -> None:
    text = "Contrary to press accounts, our researchers found no evidence that the Kastrati clan smuggles cannabis into Italy."
    assert not _counted(text, "en")


def test_no_evidence_that_leaves_the_claim_before_it_standing() -> None:
    text = ("Counterfeit antimalarial tablets landed at the port of Lomé are on sale at Katako market in Niamey, "
            "officials said, adding that they had found no evidence that licensed pharmacies were involved.")
    assert (None, "trade_in_counterfeit_goods", "Niamey") in _counted(text, "en")


def test_a_clause_after_although_stands_outside_the_writers_doubt() -> None:
    text = ("Our researchers found no evidence that the insurgents known locally as al-Shabaab profit from the heroin "
            "trade, although the group does tax illegal ruby miners near Montepuez.")
    found = _counted(text, "en")
    assert any(k[2] == "Montepuez" for k in found)
    assert not any(k[1] == "heroin_trade" for k in found)


# After the review: the readings it found false, each on a variant text.
@pytest.mark.parametrize(("text", "lang", "name"), [
    # a band of another work than the trades, led, coordinated or funded
    ("Major Sékou Camara coordinates a network of informants who helped customs seize 200 kg of cocaine at "
     "the port of Dakar.", "en", "Sékou Camara"),
    ("La procureure Awa Ndiaye coordonne un réseau d'enquêteurs qui traque le trafic de cocaïne à Dakar.", "fr",
     "Awa Ndiaye"),
    ("The Rainforest Trust funds a network of rangers that protects elephants from poachers in Dzanga.", "en",
     "Rainforest Trust"),
    # a hedged passive over a passive, or over a verb of opposing
    ("The trader Paul Mukendi is said to have been robbed of 2 kg of gold near Butembo.", "en", "Paul Mukendi"),
    ("The Mai-Mai Yakutumba are believed to oppose the illegal charcoal trade around Fizi.", "en",
     "Mai-Mai Yakutumba"),
    # "assurer" the protection against the trade, or a port's handling
    ("La MINUSCA assure la protection des sites miniers contre les groupes armés qui exploitent l'or à Bambari.",
     "fr", "MINUSCA"),
    ("La société Portek assure la manutention des conteneurs au port de Lomé, où 300 kg de cocaïne ont été saisis.",
     "fr", "Portek"),
])
def test_the_reviews_false_participants_take_no_part(text: str, lang: str, name: str) -> None:
    assert name not in _actors(text, lang)


def test_a_state_force_named_again_by_its_noun_seizes_and_does_not_traffic() -> None:
    text = ("The paramilitary Carabineros patrol the coast near Arica. The paramilitary intercepted a boat carrying "
            "cocaine off Arica on Sunday.")
    assert "Carabineros" not in _actors(text, "en")


@pytest.mark.parametrize("text", [
    "Police seized a tonne of cocaine at the port of Tema. Shipments through Takoradi resumed after the strike.",
    "The Gulf Clan exports cocaine from Turbo. Shipments through Cartagena, by contrast, carry only coffee.",
])
def test_bare_plurals_of_a_ports_traffic_are_not_the_paragraphs_goods(text: str) -> None:
    assert not any(k[2] in ("Takoradi", "Cartagena") for k in _counted(text, "en"))


def test_a_band_noun_before_a_possessive_leaves_the_name_a_possessor() -> None:
    text = "The Gallo cartel's rivals, the Ruiz gang, sell cocaine in Rosario."
    assert "Gallo" not in _actors(text, "en")


# One of many: only where the cue opens the actor's sentence, and where that sentence tells a deed of its own.
@pytest.mark.parametrize(("text", "link"), [
    ("Police raided a methamphetamine laboratory near Mazatlán. The lab, one of the largest found this year, "
     "belonged to Los Chapitos.", ("Los Chapitos", "synthetic_drug_trade", "Mazatlán")),
    ("Soldiers dismantled three cocaine laboratories near Boké last week. Among them was one run by Lansana "
     "Kouyaté, a former customs officer.", ("Lansana Kouyaté", COCAINE, "Boké")),
])
def test_one_of_many_without_a_deed_of_its_own_takes_the_deed_before(text: str, link: tuple) -> None:
    assert link in _counted(text, "en")


def test_base_paste_of_a_factory_is_no_cocaine() -> None:
    text = "Customs in Apapa seized 15 tonnes of counterfeit toothpaste made from an imported base paste."
    assert not any(k[1] == COCAINE for k in _counted(text, "en"))


# Another's doubt, or a doubt about something else, leaves the claim standing.
@pytest.mark.parametrize(("text", "link"), [
    ("The FPRC, which taxes diamond miners near Bria, said it had taken Ndélé, a claim Reuters could not "
     "independently verify.", ("FPRC", "extortion_and_protection_racketeering", "Bria")),
    ("Despite no evidence of links to armed groups, Ousmane Traoré was convicted of smuggling cocaine through "
     "Mopti.", ("Ousmane Traoré", COCAINE, "Mopti")),
    ("The panel found no evidence that officials were involved; the UPC smuggles gold from Bambari to "
     "Cameroon.", ("UPC", RESOURCES, "Cameroon")),
])
def test_a_doubt_about_something_else_leaves_the_claim_counted(text: str, link: tuple) -> None:
    assert link in _counted(text, "en")
