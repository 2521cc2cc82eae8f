"""Twenty-ninth session: human-rights and investigative NGOs' reports (two development parts, Africa and the
other regions, written by two helpers). Each text is a variant of a construction that failed on them or on
the older investigative part, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted

pytestmark = pytest.mark.slow

RESOURCES = "non_renewable_resource_crimes"


def _actors(text: str, lang: str) -> set[str | None]:
    return {k[0] for k in _counted(text, lang)}


# "a ring that investigators call X", "le réseau, que les habitants appellent « X »": a naming verb with its
# own subject names the band as "known as" does.
@pytest.mark.parametrize(("text", "lang", "link"), [
    ("Porters carry the gold for a ring that traders in Uvira call the Kalundu office, which smuggles it "
     "across Lake Tanganyika to Kigoma.", "en", ("Kalundu", RESOURCES, "Kigoma")),
    ("The report describes a network it calls Los Caminantes, which moves migrants from Agadez to Sebha by "
     "truck.", "en", ("Los Caminantes", "human_smuggling", "Sebha")),
    ("Le réseau, que les habitants appellent « Les Faucons du Nord », achemine des migrants d'Agadez vers "
     "Sebha.", "fr", ("Faucons du Nord", "human_smuggling", "Sebha")),
])
def test_a_band_that_someone_calls_a_name_is_that_name(text: str, lang: str, link: tuple) -> None:
    actor, market, place = link
    assert any(actor in (k[0] or "") and k[1] == market and k[2] == place for k in _counted(text, lang))


@pytest.mark.parametrize("text", [
    "The militia called Kabila a traitor and smuggled gold to Kigoma.",
    "The gang that residents call dangerous smuggles gold to Kigoma.",
])
def test_a_naming_verb_without_a_name_after_it_names_no_band(text: str) -> None:
    assert _actors(text, "en") <= {None}


def test_the_scorer_names_a_spelt_out_name_by_its_acronym_too() -> None:
    from ocwatch.nlp.links.score import analyze_records, counted, matches

    record = {"id": "a", "lang": "en", "text": (
        "Diggers told us that fighters of the Coalition des Patriotes de Lodjo (CPL), an armed group, control "
        "the gold pit at Mongbwalu and take two grams of gold from each team.")}
    keys = counted(analyze_records([record])["a"].links)
    assert any(matches(k, ("cpl", "non_renewable_resource_crimes", "mongbwalu")) for k in keys)


# The hands a boss hires act for it: "loggers working for X cut", "guides working for a network charge".
@pytest.mark.parametrize(("text", "link"), [
    ("In the Selous reserve, hunters working for Juma Seif have killed 40 elephants and carried the ivory to "
     "Dar es Salaam.", ("Juma Seif", "fauna_crimes", "Dar es Salaam")),
    ("Crews working for Karpatlis Timber illegally fell beech near Rakhiv.", ("Karpatlis Timber", "flora_crimes",
                                                                              "Rakhiv")),
])
def test_the_crews_a_boss_hires_act_for_it(text: str, link: tuple) -> None:
    assert link in _counted(text, "en")


def test_porters_robbed_take_their_employer_into_no_trade() -> None:
    text = "Porters working for Kivu Mining were robbed of their gold near Walikale."
    assert "Kivu Mining" not in _actors(text, "en")


# A person NGOs name by past or rank in apposition: "a group led by a former militant, X, taps the pipeline".
@pytest.mark.parametrize(("text", "lang", "link"), [
    ("A syndicate led by a former militant, Tamuno Alagoa-Briggs, taps the pipeline near Bille and sells the "
     "stolen crude in Port Harcourt.", "en", ("Tamuno Alagoa-Briggs", RESOURCES, "Port Harcourt")),
    ("Un réseau dirigé par un ancien officier, Petru Munteanu, achemine des pistolets de Transnistrie jusqu'à "
     "Chișinău.", "fr", ("Petru Munteanu", "arms_trafficking", "Chișinău")),
])
def test_a_person_named_by_past_or_rank_leads_the_band(text: str, lang: str, link: tuple) -> None:
    assert link in _counted(text, lang)


# "que nous avons pu interroger": "pouvoir" in the perfect tells what was done, and the fronted source's
# relative clause no longer swallows the subject after the comma.
def test_what_the_writer_was_able_to_do_is_no_hypothesis() -> None:
    text = ("Selon des témoins que nous avons pu interroger à Sinaloa, le cartel Los Halcones fabrique du "
            "fentanyl à Badiraguato.")
    assert ("Los Halcones", "synthetic_drug_trade", "Badiraguato") in _counted(text, "fr")


def test_what_could_have_been_done_stays_a_hypothesis() -> None:
    text = "Selon des témoins, le cartel Los Halcones aurait pu fabriquer du fentanyl à Badiraguato."
    assert "Los Halcones" not in _actors(text, "fr")


# "ce sont les X, une milice locale, qui contrôlent": the clause after "qui" is what the clefted band does.
def test_a_clefted_band_does_what_its_qui_clause_says() -> None:
    text = ("Aujourd'hui, ce sont les Faucons de la Mbari, une milice locale, qui contrôlent les chantiers de "
            "diamant de Bria.")
    assert any(k[0] and "Mbari" in k[0] and k[2] == "Bria" for k in _counted(text, "fr"))


# A firm's own word that it had no part, after the paragraph named it: "The company said it exports only
# species allowed by law", "n'importe que des produits enregistrés"; the firm named again without its legal form.
@pytest.mark.parametrize(("text", "lang", "firm"), [
    ("Shark fins are exported from Puntarenas to Hong Kong through a plant owned by Pesquera Marlin Azul, "
     "according to customs data. The company said it exports only species allowed by law.", "en",
     "Pesquera Marlin Azul"),
    ("Selon un ancien employé, Kurdi Pharma Trading importe à Erbil des anticancéreux contrefaits. "
     "L'entreprise affirme n'importer que des produits enregistrés.", "fr", "Kurdi Pharma Trading"),
    ("Customs data show that Minerales del Norte C.A. smuggled 2 tonnes of gold to Istanbul. Minerales del "
     "Norte denied exporting any gold without authorisation.", "en", "Minerales del Norte C.A."),
])
def test_a_firms_own_denial_disputes_its_part(text: str, lang: str, firm: str) -> None:
    assert firm not in _actors(text, lang)


# Spanish bands by their noun: "Autodefensas del Darién", and numbered gangs and fronts: "Pandilla 26".
@pytest.mark.parametrize(("text", "actor", "place"), [
    ("In Turbo, every boatman pays a monthly 'vacuna' of two million pesos to the Autodefensas del Atrato, "
     "according to residents.", "Autodefensas del Atrato", "Turbo"),
    ("In Choloma, each bus route pays a weekly 'war tax' to Pandilla 33, drivers told us.", "Pandilla 33",
     "Choloma"),
])
def test_a_spanish_bands_noun_names_it_with_its_words_or_number(text: str, actor: str, place: str) -> None:
    assert (actor, "extortion_and_protection_racketeering", place) in _counted(text, "en")


def test_a_numbered_front_needs_fighters_in_its_sentence() -> None:
    from tests.support.links_read import read

    text = "The Frente 21 de Mayo won the vote in Montevideo."
    assert not [m for m in read(text, "en").mentions if m["kind"] == "actor" and "frente-21" in m["entity_id"]]


# "The group's men charge": the members named by the band's noun in the possessive are that band's, as
# "its men" and "the group" already were; the band's noun may come in an apposition ("X, an armed group").
def test_the_bands_men_named_by_its_noun_act_for_the_band() -> None:
    text = ("Roads around Djibo are held by fighters of Katiba Dawla, an armed group. Traders told us that the "
            "group's men charge a levy on every truck of smuggled fuel from Niger.")
    assert any(k[0] == "Katiba Dawla" and k[2] == "Niger" for k in _counted(text, "en"))


def test_a_bare_plural_of_stones_or_bladders_names_the_paragraphs_goods() -> None:
    text = ("Fishermen sell totoaba swim bladders to a cell based in San Felipe. From Tijuana the bladders are "
            "flown to Hong Kong.")
    assert (None, "fauna_crimes", "Hong Kong") in _counted(text, "en")


# A person the witnesses name themselves: "a businessman they knew as X", "a dealer they named as X".
@pytest.mark.parametrize(("text", "link"), [
    ("The women described a network run by a Lagos businessman they knew as Chief Emeka Obi, which smuggles "
     "cocaine from São Paulo to Lagos.", ("Chief Emeka Obi", "cocaine_trade", "São Paulo")),
    ("Scouts told us that a dealer they named as Salum Mrisho buys ivory from poachers in Tunduru.",
     ("Salum Mrisho", "fauna_crimes", "Tunduru")),
])
def test_a_person_the_witnesses_name_takes_part_in_what_he_does(text: str, link: tuple) -> None:
    assert link in _counted(text, "en")


def test_a_name_they_call_someone_else_is_no_person_of_the_trade() -> None:
    text = "Traders told us that they called Goma's mayor a friend, but that cobalt leaves through Kasumbalesa."
    assert "Goma" not in {k[0] for k in _counted(text, "en")}


# A name before a noun of a place is that place's, not a band's: "the Las Claritas mining area", "the X pit".
def test_a_name_before_a_noun_of_place_is_no_actor() -> None:
    from tests.support.links_read import read

    mentions = read("Gold from the Kalimbi pit is smuggled to Kigali.", "en").mentions
    assert not [m for m in mentions if m["kind"] == "actor" and "Kalimbi" in m["surface"]]


def test_a_firm_named_again_without_its_legal_form_is_the_same_firm() -> None:
    from tests.support.links_read import read

    text = ("Customs data show that a Lima trader, Oro Andino Export S.A.C., shipped 900 kilograms of smuggled gold "
            "to Dubai. Oro Andino Export told us it buys only from licensed miners.")
    mentions = [m for m in read(text, "en").mentions if m["kind"] == "actor"]
    assert len({m["entity_id"] for m in mentions if m["surface"].startswith("Oro Andino")}) == 1
    assert "Oro Andino Export S.A.C." not in _actors(text, "en")
