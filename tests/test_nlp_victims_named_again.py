"""The people a trafficking or smuggling story is about, named again in a sentence that names no market
(nlp/links/victims_again.py): "The girls had been taken through Niamey", "Les victimes étaient recrutées à
Lomé", "moving the workers to farms near Tarhuna". Their route and where they were recruited are the trade's
places; their rescue, their care and an arrest are not, and a smuggling story's migrants "recruited" are no
trafficking the story told."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

TRAFFICKING, SMUGGLING = "human_trafficking", "human_smuggling"


@pytest.mark.parametrize(("text", "lang", "market", "place"), [
    ("Young Nigerian women are forced into prostitution at mining camps near Sadiola. The women had been "
     "taken through Niamey and Bamako by road.", "en", TRAFFICKING, "Niamey"),
    ("Des adolescentes béninoises sont contraintes à la prostitution à Libreville. Les victimes étaient "
     "recrutées à Lomé et acheminées par bateau.", "fr", TRAFFICKING, "Lomé"),
    ("Des fillettes sont contraintes de travailler comme domestiques à Abidjan. Elles avaient été recrutées à "
     "Korhogo par une intermédiaire.", "fr", TRAFFICKING, "Korhogo"),
    ("Hundreds of migrants are forced to work without pay on farms in Libya. Brokers in Agadez recruit them "
     "before moving the workers to farms near Tarhuna.", "en", TRAFFICKING, "Tarhuna"),
    ("Smugglers charge each migrant 2,000 dinars for the crossing from Zuwara. They keep the migrants in "
     "warehouses outside Sabratha for weeks.", "en", SMUGGLING, "Sabratha"),
    ("Un réseau de traite des êtres humains exploitait des femmes à Lyon. Plusieurs des femmes avaient été "
     "recrutées à Benin City.", "fr", TRAFFICKING, "Benin City"),
    # a pronoun in a simple passive, a verb of the trade conjoined after the one the victims hang on
    ("Young Ghanaian girls are forced into prostitution in Abidjan. They are recruited in Kumasi by a woman "
     "known as Auntie Ama.", "en", TRAFFICKING, "Kumasi"),
    # a pronoun in a passive whose agent is of the trade
    ("Des fillettes sont contraintes de travailler comme domestiques à Cotonou. Elles sont envoyées à Lagos par "
     "des intermédiaires.", "fr", TRAFFICKING, "Lagos"),
    ("Des ouvriers népalais sont soumis au travail forcé dans des usines de Doha. Les ouvriers étaient logés dans "
     "des dortoirs puis transportés chaque jour jusqu'à Al Wakrah.", "fr", TRAFFICKING, "Al Wakrah"),
])
def test_victims_named_again_carry_the_trade_to_their_route(text: str, lang: str, market: str, place: str) -> None:
    assert any(k[1] == market and k[2] == place for k in counted(text, lang))


def test_victims_moved_by_a_named_network_are_that_networks() -> None:
    text = ("Des jeunes femmes sont contraintes de se prostituer dans des bars de Kayes. Les victimes sont "
            "acheminées par car via Cotonou par un réseau dirigé par une femme surnommée Mama Esther.")
    assert has_link(counted(text, "fr"), "Mama Esther", TRAFFICKING, "Cotonou")


def test_victims_recruited_by_an_unnamed_agency_take_no_doer_from_the_paragraph() -> None:
    text = ("The Karen Border Guard Force forced some 400 workers to run online scams in compounds in Myawaddy. "
            "Some of the victims had been recruited in Yangon by travel agencies.")
    keys = counted(text)
    assert has_link(keys, None, TRAFFICKING, "Yangon")
    assert not has_link(keys, "Karen", TRAFFICKING, "Yangon")


def test_victims_recruited_with_no_agent_are_the_paragraphs_one_doers() -> None:
    text = ("The Karen Border Guard Force forced some 400 workers to run online scams in compounds in Myawaddy. "
            "Some of the victims had been recruited in Yangon.")
    assert has_link(counted(text), "Karen Border Guard Force", TRAFFICKING, "Yangon")


@pytest.mark.parametrize(("text", "lang", "place"), [
    # their rescue, their care, custody
    ("Young women are forced into prostitution in Kayes. The women were taken to a shelter in Bamako.", "en",
     "Bamako"),
    ("Des passeurs font traverser des migrants depuis Anjouan. Les passagers ont été conduits au centre de "
     "rétention de Pamandzi.", "fr", "Pamandzi"),
    ("Migrants paid smugglers for the crossing to Lampedusa. The migrants were taken by the coast guard to a "
     "reception centre in Pozzallo.", "en", "Pozzallo"),
    # the traffickers, not the victims: a pronoun under a verb also done to those arrested, the police's
    # or social workers' doing, a prison
    ("Three suspected human traffickers were arrested in Kano on Monday. They were transferred to Abuja on "
     "Tuesday.", "en", "Abuja"),
    ("Police arrested three men for trafficking women in Lagos. Officers took them to Abuja.", "en", "Abuja"),
    ("Three suspected human traffickers were arrested in Kano. They were transferred to Abuja by police.", "en",
     "Abuja"),
    ("Women from Edo State are trafficked to Italy by a network based in Lagos. They were driven back to Benin "
     "City by an anti-trafficking unit.", "en", "Benin City"),
    ("Un réseau de traite exploitait des femmes à Lyon. Des policiers les ont conduites à Marseille.", "fr",
     "Marseille"),
    ("A gang trafficked girls from Benin to Nigeria. Social workers later drove the girls back to Cotonou.",
     "en", "Cotonou"),
    ("A gang smuggled migrants across the Channel from Calais. They were sent to Belmarsh prison in London.",
     "en", "London"),
    # what enforcers did: the victims' verb hangs on a verb of enforcement
    ("Boys are forced to dig gold at the Fourou pits. Police intercepted a minibus in Zégoua that was carrying "
     "eleven boys.", "en", "Zégoua"),
])
def test_victims_rescued_cared_for_or_intercepted_place_no_trade(text: str, lang: str, place: str) -> None:
    assert not any(k[2] == place for k in counted(text, lang))


def test_women_recruited_after_a_smuggling_story_start_no_smuggling_there() -> None:
    text = ("Smugglers charge migrants 400 dollars each to drive them from Renk to Juba. A network also "
            "recruits young women in Malakal.")
    assert not any(k[1] == SMUGGLING and k[2] == "Malakal" for k in counted(text))


def test_a_trafficking_word_in_a_name_starts_no_story_for_the_victims() -> None:
    text = ("The Treasury designated a Kurdish smuggling network under the Global Migration and Trafficking in "
            "Persons sanctions regime. The network moves them through Turkey and the Balkans.")
    assert not any(k[1] == TRAFFICKING and k[2] in ("Turkey", "Balkans") for k in counted(text))
