"""Fiftieth session: a country named as a currency's ("US dollars", "dollars US", "Zimbabwe dollars") is no place
where anything happens. Each text is a variant of a construction that failed on the development parts, not the
paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import read

pytestmark = pytest.mark.slow


def _places(text: str, lang: str) -> set[str]:
    return {m["surface"] for m in read(text, lang).mentions if m["kind"] == "location"}


@pytest.mark.parametrize(("text", "lang", "currency_of"), [
    ("Bulawayo Minerals buys gold from small-scale miners with undeclared US dollars and flies it to Dubai.", "en",
     "US"),
    ("Le comptoir paie en dollars US les creuseurs de Kamituga et revend l'or à Kampala.", "fr", "US"),
    ("The syndicate paid 300 Zimbabwe dollars a gram to diggers near Mutare.", "en", "Zimbabwe"),
])
def test_a_country_named_as_a_currencys_is_no_place(text: str, lang: str, currency_of: str) -> None:
    places = _places(text, lang)
    assert currency_of not in places
    assert places  # the places of the deal are still read


def test_a_country_beside_a_currency_word_in_another_sense_is_still_a_place() -> None:
    assert "US" in _places("The firm flies the gold to the US and banks the dollars in Dubai.", "en")


def _statuses(text: str, lang: str, market: str) -> set[str]:
    return {x["status"] for x in read(text, lang).links if x["market"] == market and x["actor_surface"]}


@pytest.mark.parametrize(("text", "lang"), [
    ("Traders in Bouar said the Front des Éleveurs Unis (FEU) taxes every herd crossing its zone. An official told us that "
     "the group receives rifles from Cameroon through Garoua-Boulaï. In a radio interview, the FEU's leader, who "
     "calls himself General Ousmane Bida, denied that his men obtain rifles across the border, saying they fight "
     "with what they take from the enemy.", "en"),
    ("Selon des commerçants de Bouar, le Front des éleveurs unis (FEU) reçoit des fusils du Cameroun par Garoua-Boulaï. "
     "Dans un entretien à la radio, le chef du FEU, qui se fait appeler général Ousmane Bida, a nié que ses "
     "hommes obtiennent des fusils de l'autre côté de la frontière, affirmant qu'ils se battent avec ce qu'ils "
     "prennent à l'ennemi.", "fr"),
])
def test_a_denial_with_an_aside_on_its_speaker_disputes_the_deed_it_names(text: str, lang: str) -> None:
    assert _statuses(text, lang, "arms_trafficking") == {"disputed"}
