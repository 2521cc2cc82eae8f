"""Short clauses whose subject the small parsers lose (nlp/links/repair/): the doer of "X smuggles cocaine to
Y", "Groupe fait passer", "A trader named X exports", "Police said X ships" is the one named, not nobody."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link, read

pytestmark = pytest.mark.slow

COCAINE, GOLD, IVORY = "cocaine_trade", "non_renewable_resource_crimes", "fauna_crimes"


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    # a present verb read as a noun compound between the name and the goods
    ("Hamid Bako smuggles cocaine to Bissau.", "en", "Hamid Bako", COCAINE, "Bissau"),
    ("The Sinaloa Cartel smuggles cocaine to Rotterdam.", "en", "Sinaloa Cartel", COCAINE, "Rotterdam"),
    # a name with no article before a causative "fait", left unattached by the French parser
    ("Moussa Traoré fait passer de l'or vers Bamako.", "fr", "Moussa Traoré", GOLD, "Bamako"),
    ("Selon la police, Idrissa Sow a fait passer de la cocaïne par Dakar.", "fr", "Idrissa Sow", COCAINE, "Dakar"),
    # a noun, the participle that names it, the name, then the verb
    ("A dealer named Peter Mwangi sells ivory in Mombasa.", "en", "Peter Mwangi", IVORY, "Mombasa"),
    ("A broker known as Bongo Kamau exports gold through Kampala.", "en", "Bongo Kamau", GOLD, "Kampala"),
    ("A trader called Omar Jallow smuggled gold to Dubai last year.", "en", "Omar Jallow", GOLD, "Dubai"),
    ("Un négociant surnommé Gros Bébé contrôle le commerce d'or à Mongbwalu.", "fr", "Gros Bébé", GOLD,
     "Mongbwalu"),
    ("Un commerçant nommé Issa Diarra a fait passer de l'or vers Kayes.", "fr", "Issa Diarra", GOLD, "Kayes"),
    # a name after a verb of saying or believing, its verb read as a noun
    ("Police said Tunde Bakare ships gold to Lagos.", "en", "Tunde Bakare", GOLD, "Lagos"),
    ("Investigators believe Felix Otieno smuggles cocaine to Mombasa.", "en", "Felix Otieno", COCAINE, "Mombasa"),
    # a verb made the subject of the goods after it
    ("The ADF reportedly ships ivory to Kampala every month.", "en", "ADF", IVORY, "Kampala"),
])
def test_the_named_subject_of_a_misparsed_short_clause_is_its_doer(
        text: str, lang: str, actor: str, market: str, place: str) -> None:
    assert has_link(counted(text, lang), actor, market, place)


def test_a_clause_under_a_later_report_verb_takes_the_named_trader_as_subject() -> None:
    # the naming phrase's noun is the subject of "says" as parsed: the verb takes its place as the report's
    # clause, and the report's own verb is not made the trade verb's dependent (the tree stays a tree)
    text = "A trader called Musa Bangura ships gold to Dubai, the report says."
    assert has_link(counted(text), "Musa Bangura", GOLD, "Dubai")


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    # read right already: the participle's noun is the verb's subject
    ("Police raided a depot in Abidjan where a trader named Kofi Boateng repackaged fake cocaine for export "
     "to Accra.", "en", "Kofi Boateng", COCAINE, "Accra"),
])
def test_a_naming_phrase_read_right_is_left_as_parsed(text: str, lang: str, actor: str, market: str,
                                                     place: str) -> None:
    assert has_link(counted(text, lang), actor, market, place)


@pytest.mark.parametrize(("text", "lang", "who"), [
    # the named one is the object of a preposition, not the clause's subject: the network does the charging
    ("A network run by an Afghan man known as Kaka Jan charges migrants €3,000 to cross from Bihać into "
     "Croatia.", "en", "Kaka Jan"),
    # a participle with no object after the name is the name's own ("based in"), not the clause's verb
    ("A smuggler called Yaya Sanogo based in Sikasso was arrested with gold bound for Bamako.", "en",
     "Yaya Sanogo"),
])
def test_a_name_that_is_not_the_clause_subject_is_not_made_its_doer(text: str, lang: str, who: str) -> None:
    assert not [x for x in read(text, lang).links if x.get("actor_surface") == who and x["role"] == "participant"
                and x["status"] == "asserted" and x.get("method", "").startswith("subject")]
