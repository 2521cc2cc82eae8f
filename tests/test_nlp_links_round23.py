"""Twenty-third session: companies named again, people's origins and names that hold a place word. Each
sentence is a variant of a construction that failed on the development parts, not the paragraph it
failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import read

pytestmark = pytest.mark.slow

FLORA = "flora_crimes"
MINING = "non_renewable_resource_crimes"


def _places(text: str, lang: str) -> set[str]:
    return {m["surface"] for m in read(text, lang).mentions if m["kind"] == "location"}


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    # a legal form says the name is a company's: "the company" is that name again
    ("LIMA — Auditors say Forestal Amazonas SAC felled cedar inside a protected reserve. The company then "
     "shipped the timber to Callao by river and road.", "en", "Forestal Amazonas SAC", "Callao"),
    # named with the noun itself, then again as "l'entreprise"
    ("BUKAVU — La société Kivu Bois Précieux abat illégalement des essences protégées près de Shabunda. "
     "L'entreprise fait ensuite transporter les grumes jusqu'à Uvira.", "fr", "Kivu Bois Précieux", "Uvira"),
])
def test_a_company_named_again_by_what_it_is_keeps_its_name(text: str, lang: str, actor: str,
                                                             place: str) -> None:
    assert (actor, FLORA, place) in _counted(text, lang)


def test_the_company_refers_to_no_armed_group() -> None:
    text = ("BENI — ADF fighters cut mahogany near Eringeti, residents said. The company that bought the "
            "logs in Butembo was not named.")
    assert not [k for k in _counted(text, "en") if k[0] == "ADF" and k[2] == "Butembo"]


@pytest.mark.parametrize(("text", "lang", "gone"), [
    # a number of people said as a noun, and every country of the list after "venus de"
    ("À Kouri Bougoudi, des centaines de creuseurs venus du Niger, du Soudan et du Tchad extraient l'or "
     "sans permis.", "fr", {"Niger", "Soudan", "Tchad"}),
    ("Thousands of illegal gold miners from Ghana and Burkina Faso dig the pits at Kenieba.", "en",
     {"Ghana", "Burkina Faso"}),
])
def test_where_the_diggers_come_from_is_not_where_they_dig(text: str, lang: str, gone: set[str]) -> None:
    places = {k[2] for k in _counted(text, lang) if k[1] == MINING}
    assert places and not places & gone


def test_goods_that_come_from_a_list_of_countries_keep_them() -> None:
    text = "Le carburant venu du Nigeria et du Bénin est revendu en contrebande à Zinder."
    assert {"Nigeria", "Zinder"} <= {k[2] for k in _counted(text, "fr") if k[1] == MINING}


@pytest.mark.parametrize(("text", "lang", "word"), [
    ("Les agents des Eaux et Forêts ont saisi 40 grumes de bois rouge près de Sédhiou.", "fr", "Eaux"),
    ("Le ministère des Forêts et de la Faune a saisi 300 kilos d'ivoire à Bertoua.", "fr", "Faune"),
    ("Customs seized 800 cartons of 'Sahara Gold' cigarettes near Mandera.", "en", "Sahara"),
    ("Des cartouches de la marque Sahel Blue circulent sans timbre fiscal à Niamey.", "fr", "Sahel"),
    ("The rifles came from a Somali National Army depot in Baidoa.", "en", "Somali"),
])
def test_a_place_word_inside_an_office_brand_or_army_name_is_no_place(text: str, lang: str, word: str) -> None:
    assert word not in _places(text, lang)


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Ivory poached in Garamba National Park is sold in Kampala.", "en", "Garamba National Park"),
    ("Les conteneurs de bois de rose ont quitté le Port autonome de Kribi vers la Chine.", "fr", "Kribi"),
    ("Poachers killed two rhinos in the Kruger National Park, in South Africa, on Sunday.", "en", "Kruger"),
])
def test_site_names_built_the_same_way_stay_places(text: str, lang: str, place: str) -> None:
    assert any(place in p for p in _places(text, lang))
