"""Twenty-third session: companies named again, people's origins and names that hold a place word. Each
sentence is a variant of a construction that failed on the development parts, not the paragraph it
failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import mentioned, read

pytestmark = pytest.mark.slow

FLORA = "flora_crimes"
MINING = "non_renewable_resource_crimes"


def _places(text: str, lang: str) -> set[str]:
    return mentioned(text, "location", lang)


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


def test_a_name_the_model_runs_across_the_dateline_dash_is_no_actor() -> None:
    doc = read("BUKAVU — La société Kivu Bois abat des arbres protégés près de Shabunda.", "fr")
    assert not [m for m in doc.mentions if m["kind"] == "actor" and "—" in m["surface"]]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    # the actor's own word that it had no part, without a verb of denial
    ("NYALA — Gold from the Sungo pits is flown to Dubai by the Hamdan Brigade, traders say. The Hamdan Brigade "
     "told reporters that it earns no revenue from the gold trade.", "en", "Hamdan Brigade"),
    ("MOPTI — Le Front de l'Azawad taxe les convois de cannabis à Ber, selon des transporteurs. Le Front de "
     "l'Azawad affirme n'avoir jamais perçu de taxe sur ce commerce.", "fr", "Front de l'Azawad"),
    # a denial that names the group by its kind of group again
    ("POPAYÁN — Les dissidents du front Jaime Martínez contrôlent les laboratoires de cocaïne de Suárez, selon "
     "le Défenseur du peuple. Le front dément tout lien avec le narcotrafic.", "fr", "Jaime Martínez"),
])
def test_an_actors_own_word_that_it_had_no_part_disputes_its_links(text: str, lang: str, actor: str) -> None:
    ours = [x for x in read(text, lang).links if actor in (x["actor_surface"] or "")]
    assert ours and all(x["status"] != "asserted" for x in ours)


def test_a_witness_saying_nobody_else_was_paid_disputes_nothing() -> None:
    text = ("BRIA — UPC fighters collect a fee on every motorbike at the Ndassima checkpoint, drivers said. The "
            "drivers told reporters that they had never seen soldiers at the checkpoint.")
    assert ("UPC", "extortion_and_protection_racketeering", "Ndassima") in _counted(text, "en")


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("UVIRA — Les Maï-Maï Kapopo Ngomba taxent l'or extrait à Lubichako, selon des creuseurs.", "fr",
     "Maï-Maï Kapopo Ngomba"),
    ("MASISI — The Nyatura Kivu Ebenezer faction taxes charcoal on the road to Sake, drivers say.", "en",
     "Nyatura Kivu Ebenezer"),
])
def test_a_faction_named_after_its_movement_keeps_its_whole_name(text: str, lang: str, name: str) -> None:
    assert name in mentioned(text, "actor", lang)


def test_an_acronym_does_not_swallow_the_name_of_another_body() -> None:
    doc = read("The UN Security Council has banned charcoal exports from Kismayo since 2012.", "en")
    assert not [m for m in doc.mentions if m["kind"] == "actor" and m["surface"].startswith("UN ")]


def test_an_armed_group_that_stops_boats_takes_part_in_the_racket() -> None:
    text = "BARAKA — Fighters of the Mai-Mai Yakutumba stop boats near Kalundja and demand payments from crews."
    assert any(k[0] and "Yakutumba" in k[0] and k[2] == "Kalundja" for k in _counted(text, "en"))


def test_smuggled_en_fraude_is_no_financial_crime() -> None:
    text = "BUNIA — Des négociants écoulent en fraude l'or de Mongbwalu vers l'Ouganda, selon des creuseurs."
    assert "financial_crimes" not in {k[1] for k in _counted(text, "fr")}


@pytest.mark.parametrize("text", [
    "Rangers found three rhinos near Ol Jogi with their horns hacked off.",
    "Two herders were hacked to death near Bokoro, police said.",
])
def test_a_blade_that_hacks_is_no_cyber_attack(text: str) -> None:
    assert "cyber_dependent_crimes" not in {m["market"] for m in read(text, "en").mentions if m["kind"] == "commodity"}


def test_hackers_who_hacked_into_a_port_still_attack_it() -> None:
    doc = read("Hackers hacked into the systems of the port of Mombasa last week.", "en")
    assert "cyber_dependent_crimes" in {m["market"] for m in doc.mentions if m["kind"] == "commodity"}


def test_he_after_an_arrest_is_the_one_arrested() -> None:
    text = ("Police arrested a trader, John Okello, with 40 kg of ivory in Arua on Monday. According to "
            "investigators, he bought the tusks from poachers in Garamba.")
    assert any(k[0] == "John Okello" and k[2] == "Garamba" for k in _counted(text, "en"))


def test_who_arrests_is_not_who_il_is_next() -> None:
    text = ("EBOLOWA — Les agents du ministère de l'Environnement ont arrêté jeudi à Mbalmayo un chasseur, Paul "
            "Essomba, en possession de six pattes d'éléphant. Selon l'ONG, il s'approvisionnait auprès de "
            "braconniers opérant près de Djoum et revendait la marchandise à Yaoundé.")
    assert not any(k[0] and "ministère" in k[0] for k in _counted(text, "fr"))


@pytest.mark.parametrize(("text", "lang", "company"), [
    # a company by its legal form, with the joiners of Spanish and Portuguese names
    ("LIMA — Inspectors say cedar felled in the Sierra del Divisor reserve was sold to Aserradero del Ucayali SAC "
     "in Pucallpa.", "en", "Aserradero del Ucayali SAC"),
    ("MAPUTO — Selon la police, la société Transportes da Beira Lda a fait passer de la cocaïne par le port de "
     "Beira.", "fr", "Transportes da Beira Lda"),
])
def test_a_company_keeps_its_name_up_to_its_legal_form(text: str, lang: str, company: str) -> None:
    assert company in {m["surface"] for m in read(text, lang).mentions if m["kind"] == "actor"}


def test_cedar_is_timber_and_cedros_a_town() -> None:
    assert "flora_crimes" in {m["market"] for m in read("Cedar logged in the reserve was sold in Pucallpa.",
                                                         "en").mentions if m["kind"] == "commodity"}
    doc = read("Women are taken by pirogue to Cedros, in Trinidad, and forced to work in bars.", "en")
    assert "flora_crimes" not in {m["market"] for m in doc.mentions if m["kind"] == "commodity"}


def test_a_company_that_refutes_the_accusations_disputes_them() -> None:
    text = ("PUCALLPA — Selon une ONG, l'exportateur Maderas del Sur SAC a expédié du bois coupé illégalement vers la "
            "Chine. L'entreprise réfute ces accusations.")
    ours = [x for x in read(text, "fr").links if "Maderas" in (x["actor_surface"] or "")]
    assert ours and all(x["status"] != "asserted" for x in ours)


EXT = "extortion_and_protection_racketeering"


def test_a_cut_is_not_taken_where_the_goods_are_going() -> None:
    text = ("MAIDUGURI — ISWAP fighters take a levy on every load of dried fish sent from Baga to the markets of "
            "Maiduguri, fishermen said.")
    places = {k[2] for k in _counted(text, "en") if k[1] == EXT}
    assert "Maiduguri" not in places


def test_a_toll_on_the_road_to_a_town_is_taken_on_that_road() -> None:
    text = "HAITI — The Kraze Baryè gang charges tolls on the road to Mirebalais, drivers said."
    assert any(k[1] == EXT and k[2] == "Mirebalais" for k in _counted(text, "en"))


def test_where_a_company_is_registered_is_not_where_it_trades() -> None:
    text = ("JUBA — Gold dug at Kapoeta is bought by agents of Nile Crest Minerals, a Kampala-registered firm, and "
            "flown to Dubai, the monitors said.")
    assert "Kampala" not in {k[2] for k in _counted(text, "en")}


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Les creuseurs travaillent sur les placers de Kintinian, dans le cercle de Siguiri, en Guinée.", "fr",
     "Kintinian"),
    ("Des centaines de migrants attendent dans les oliveraies de Sidi Mansour, près de Sfax, en Tunisie.", "fr",
     "Sidi Mansour"),
    ("Gold from the Ouaddaï is sold in Am Timan and carried on to Sudan.", "en", "Am Timan"),
])
def test_a_mining_camp_or_an_orchard_names_its_place(text: str, lang: str, place: str) -> None:
    assert place in _places(text, lang)


def test_a_year_that_names_another_event_dates_only_that_event() -> None:
    text = ("SKOPJE — Prosecutors charged 12 members of the Black Eagles gang with smuggling heroin from Turkey to "
            "Skopje and with the 2023 killing of a police officer.")
    assert any(k[0] and "Black Eagles" in k[0] and k[2] == "Skopje" for k in _counted(text, "en"))


def test_a_past_year_of_the_deed_still_makes_it_history() -> None:
    text = "SKOPJE — In 2019 the Tetovo clan smuggled heroin from Turkey to Skopje, prosecutors said."
    assert not any(k[0] and "Tetovo" in k[0] for k in _counted(text, "en"))


@pytest.mark.parametrize(("text", "found", "not_found"), [
    ("Les motos chargées d'essence entrent au Bénin par Igolo, selon les douaniers.", "Igolo", None),
    ("Le passeur a été dénoncé par Moussa, un habitant de Zinder, au Niger.", None, "Moussa"),
])
def test_par_names_a_place_only_after_a_crossing(text: str, found: str | None, not_found: str | None) -> None:
    places = _places(text, "fr")
    assert (found is None or found in places) and (not_found is None or not_found not in places)


# A review ran this session's rules on ordinary sentences; the false readings it confirmed, mended:
@pytest.mark.parametrize(("text", "lang", "wrong"), [
    # "the company" after a company introduced with no name is that one
    ("Sahel Trading SA denied the allegations. Investigators pointed to a Lebanese firm whose name was withheld. "
     "The company flew gold from Bamako to Dubai.", "en", "Sahel Trading SA"),
    # a group that detains someone is still whom "they" tells of next
    ("M23 rebels detained a trader, Jean Bosco Habimana, in Rubaya on Monday. They then seized his coltan and "
     "sold it in Goma.", "en", "Jean Bosco Habimana"),
])
def test_a_reference_back_keeps_to_whom_the_text_points(text: str, lang: str, wrong: str) -> None:
    assert not any(k[0] == wrong for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang", "actor"), [
    # a promise not to stop is no denial, nor are defectors speaking for the group
    ("Al-Shabaab collects taxes on charcoal in Jamaame. Al-Shabaab said in a statement it would not stop taxing "
     "the charcoal trade.", "en", "Al-Shabaab"),
    ("The FDLR taxes charcoal in Rutshuru. FDLR defectors told the Panel that the group also sells charcoal in "
     "Goma, not only in Rutshuru.", "en", "FDLR"),
    # "the rebels" who deny are not the officers named last
    ("FARDC officers sell timber in Beni, while ADF fighters attack villages nearby. The rebels deny any role in "
     "the timber trade.", "en", "FARDC"),
])
def test_what_is_no_denial_leaves_the_link_asserted(text: str, lang: str, actor: str) -> None:
    assert any(k[0] == actor for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Taliban fighters stopped opium smugglers at the border near Spin Boldak.", "en"),
    ("Des miliciens de la CODECO ont fouillé des camions à Mongbwalu, à la recherche d'armes.", "fr"),
])
def test_stopping_smugglers_or_searching_for_arms_is_no_racket(text: str, lang: str) -> None:
    assert not any(k[0] and k[1] == EXT for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang", "market"), [
    ("North Korean operatives used hacking to steal $600 million from an exchange in Singapore.", "en",
     "cyber_dependent_crimes"),
    ("Un réseau spécialisé en fraude bancaire a été démantelé à Abidjan.", "fr", "financial_crimes"),
])
def test_the_idioms_leave_the_plain_words_their_market(text: str, lang: str, market: str) -> None:
    assert market in {m["market"] for m in read(text, lang).mentions if m["kind"] == "commodity"}


def test_a_faction_name_stops_at_a_place() -> None:
    doc = read("Police said Tren de Aragua Chile cells extort shopkeepers in Santiago.", "en")
    assert "Chile" in _places("Police said Tren de Aragua Chile cells extort shopkeepers in Santiago.", "en")
    assert "Tren de Aragua" in {m["surface"] for m in doc.mentions if m["kind"] == "actor"}


def test_a_cut_taken_at_the_market_the_payers_come_to_is_taken_there() -> None:
    text = "Gang members extort a fee from every trader who brings goods to the Dantokpa market in Cotonou."
    assert any(k[1] == EXT and k[2] == "Dantokpa" for k in _counted(text, "en"))


def test_a_report_year_still_dates_what_the_report_told() -> None:
    text = "According to a 2018 UN report, the FDLR taxed charcoal in Rutshuru."
    assert not any(k[0] == "FDLR" for k in _counted(text, "en"))


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Des braconniers ont été arrêtés à Moabi, dans la Nyanga, avec quatre défenses d'ivoire.", "fr", "Moabi"),
    ("Les orpailleurs exploitent l'or dans la Réserve partielle de faune de Pama, au Burkina Faso.", "fr", "Pama"),
])
def test_a_town_named_like_a_tree_or_in_a_reserve_stays_a_place(text: str, lang: str, place: str) -> None:
    assert any(place in p for p in _places(text, lang))


def test_a_private_is_no_company() -> None:
    doc = read("Kenya Army Pte Joseph Kamau was arrested at Mombasa with ivory hidden in his bag.", "en")
    assert not [m for m in doc.mentions if m["kind"] == "actor" and m["surface"].endswith("Pte")]
