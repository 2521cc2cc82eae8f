"""Twenty-second session: levies and trafficking told in words the rules did not read. Each sentence is
a variant of a construction that failed on the development parts, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import read

pytestmark = pytest.mark.slow

EXT = "extortion_and_protection_racketeering"
HT = "human_trafficking"


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    # fr_core_news_md tags "taxent" a noun, with a subject and an object: the verb all the same
    ("GOMA — Les Nyatura taxent le charbon de bois à Kibumba, selon des transporteurs.", "fr", "Nyatura",
     "Kibumba"),
    # the English model hangs "tax" after "still" on the plural noun after it
    ("GAO, Mali — Fighters of the Azawad Liberation Front burned two lorries last week and still tax traders "
     "on the road near Bourem.", "en", "Azawad Liberation Front", "Bourem"),
    # a levy whose name qualifies the noun taken ("« droits de passage »" read as "passage")
    ("In Bria and along the road to Ouadda, fighters of the Front Populaire pour la Renaissance de "
     "Centrafrique (FPRC) still collect \"droits de passage\" from herders.", "en",
     "Front Populaire pour la Renaissance de Centrafrique", "Ouadda"),
    # a sum asked of each payer, whatever the object
    ("HAITI — The Kraze Baryè gang charges drivers on Route Nationale 3 up to 2,000 gourdes per trip, "
     "transporters said.", "en", "Kraze Baryè", "Route Nationale 3"),
    # a tax instituted, and "impôt"
    ("BUNIA — Les miliciens de la CODECO ont instauré une taxe de 3 dollars par sac sur l'or extrait à "
     "Mongbwalu, selon la société civile.", "fr", "CODECO", "Mongbwalu"),
])
def test_a_levy_told_in_other_words_is_extortion_by_whoever_takes_it(text: str, lang: str, actor: str,
                                                                      place: str) -> None:
    assert (actor, EXT, place) in _counted(text, lang)


def test_a_smugglers_fare_a_head_is_no_levy() -> None:
    text = ("AGADEZ, Niger — Drivers load pickups with migrants at the bus station of Agadez and leave for "
            "Dirkou, charging about 250,000 CFA francs a head.")
    assert not [k for k in _counted(text, "en") if k[1] == EXT]


def test_tax_collectors_stay_a_noun() -> None:
    doc = read("BENI — Tax collectors from the province were seen in Oicha on Monday.", "en")
    assert not [x for x in doc.links if x["market"] == EXT]


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("KINSHASA — Des enfants travaillent dans les puits de cassitérite de Nyabibwe, dans le territoire de "
     "Kalehe, dénonce une ONG congolaise.", "fr", "Nyabibwe"),
    ("BANGKOK — Thai police said 140 foreigners freed from a compound near Myawaddy had been forced to run "
     "romance scams aimed at victims in Europe.", "en", "Myawaddy"),
    ("TRIPOLI — Près de Misrata, des migrants soudanais travaillent sans salaire dans des fermes, enfermés "
     "la nuit, selon une ONG libyenne.", "fr", "Misrata"),
    ("JUBA — Women abducted in raids near Bor were later sold as wives in Pibor, the commission said.", "en",
     "Pibor"),
])
def test_people_made_to_work_unpaid_or_sold_are_trafficked(text: str, lang: str, place: str) -> None:
    assert (None, HT, place) in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("BUNIA — L'or extrait par les jeunes creuseurs de Mongbwalu est vendu à des trafiquants à Bunia, selon la "
     "société civile.", "fr"),
    ("GOMA — Des milliers de déplacés ont été contraints de se réfugier à Goma après l'attaque.", "fr"),
    ("BOR — Herders in Bor were forced to sell their cattle after the floods, the UN said.", "en"),
    ("BENI — Save the Children staff working in Beni distributed food, the agency said.", "en"),
    ("KALEHE — Two children were killed when a mine exploded near Kalehe on Monday.", "en"),
    ("JUBA — Teachers in Bor have worked for eight months without salaries, the union said.", "en"),
    ("GOMA — Traders in Goma keep their earnings in mobile-money accounts, a survey found.", "en"),
])
def test_goods_sold_distress_sales_flight_and_unpaid_civil_servants_are_no_trafficking(text: str,
                                                                                     lang: str) -> None:
    assert HT not in {m["market"] for m in read(text, lang).mentions if m["kind"] == "commodity"}


FIN = "financial_crimes"


@pytest.mark.parametrize(("text", "lang", "place"), [
    # scams named with their kinds joined ("romance and investment scams"), or bare
    ("ACCRA — In Kasoa, members of a local network ran romance and business-email-compromise scams against "
     "pensioners abroad, police said.", "en", "Kasoa"),
    ("DAKAR — À Thiès, de jeunes brouteurs montaient des arnaques visant des retraités européens, selon la "
     "police.", "fr", "Thiès"),
    # criminal money moved into accounts
    ("NAIROBI — The stolen funds were then wired to accounts in Kampala and withdrawn in cash, detectives "
     "said.", "en", "Kampala"),
    ("MOGADISCIO — Les fonds extorqués aux commerçants transitent par des comptes ouverts à Hargeisa, selon "
     "le rapport.", "fr", "Hargeisa"),
])
def test_scams_and_criminal_money_moved_into_accounts_are_financial_crimes(text: str, lang: str,
                                                                           place: str) -> None:
    assert any(k[1] == FIN and k[2] == place for k in _counted(text, lang))


def test_aid_money_moved_into_accounts_is_no_laundering() -> None:
    text = "JUBA — The agency said funds were transferred to the accounts of 4,000 households in Bor last month."
    assert not [k for k in _counted(text, "en") if k[1] == FIN]


@pytest.mark.parametrize(("text", "lang", "not_a_place"), [
    ("BAMENDA — Des séparatistes ont enlevé six enseignants à Batibo, rapporte le journal The Guardian Post.",
     "fr", "The Guardian"),
    ("KAYA — Les gendarmes ont saisi 300 kg de cannabis à Kongoussi, rapporte le quotidien régional Le Pays "
     "du Centre-Est.", "fr", "Centre-Est"),
    ("CAP-HAÏTIEN — Gunmen kidnapped two doctors of the Hôpital Sainte-Croix near Limonade on Sunday.", "en",
     "Sainte-Croix"),
    ("AGADEZ — Migrants pay up to 500,000 CFA francs to be taken to Dirkou, said a researcher at Abdou "
     "Moumouni University.", "en", "Abdou Moumouni University"),
    ("KISMAYO — Cigarettes are trucked to Dhobley and into Kenya, the Nairobi daily The Coast Star reported.",
     "en", "Nairobi"),
    ("NYALA — Fighters of the Sahel Falcons militia have taken over the Um Kuku gold field.", "en", "Sahel"),
])
def test_a_place_word_inside_a_newspaper_school_hospital_or_group_name_is_no_place(
        text: str, lang: str, not_a_place: str) -> None:
    assert not_a_place not in {m["surface"] for m in read(text, lang).mentions if m["kind"] == "location"}


def test_a_country_before_an_adverb_daily_stays_a_place() -> None:
    text = "BUSIA — Traders say sugar is smuggled from Kenya into Uganda daily on bicycles."
    assert "Uganda" in {m["surface"] for m in read(text, "en").mentions if m["kind"] == "location"}


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    # masked as "group", the name after "convicted" made "A jury convicted group of smuggling" a noun phrase
    ("A jury convicted accountant Kofi Mensah on Friday of laundering £3 million through shell companies in "
     "Malta.", "en", "Kofi Mensah", FIN, "Malta"),
    ("A court in Mombasa sentenced Hassan Omari to ten years for smuggling ivory from Tanga to Haiphong.", "en",
     "Hassan Omari", "fauna_crimes", "Tanga"),
])
def test_a_person_convicted_or_sentenced_for_a_deed_takes_part_in_it(text: str, lang: str, actor: str,
                                                                      market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("GOMA, DR Congo — Charcoal makers are felling trees near Kibirizi without permits, rangers say. The crews are "
     "paid by a trading firm, Kivu Makala Ltd, according to the rangers.", "en", "Kivu Makala Ltd", "flora_crimes",
     "Kibirizi"),
    ("TIJUANA — Des passeurs ont fait traverser la frontière à quarante migrants près de Tecate mardi. Selon le "
     "parquet, ils étaient payés par le cartel de Sinaloa.", "fr", "cartel de Sinaloa", "human_smuggling",
     "Tecate"),
])
def test_whom_the_hands_are_paid_or_hired_by_takes_part_in_their_deed(text: str, lang: str, actor: str,
                                                                          market: str, place: str) -> None:
    assert (actor, market, place) in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang", "village", "iso3"), [
    ("RUTSHURU — Charcoal makers are felling trees near Kibirizi without permits, rangers say.", "en",
     "Kibirizi", "COD"),
    ("Kindu – Des creuseurs travaillent sans permis près de Kalungwe, selon la société civile.", "fr",
     "Kalungwe", "COD"),
])
def test_a_village_in_a_story_that_names_no_country_takes_the_country_of_its_dateline(
        text: str, lang: str, village: str, iso3: str) -> None:
    places = {m["surface"]: m["country_iso3"] for m in read(text, lang).mentions if m["kind"] == "location"}
    assert places.get(village) == iso3 and "RUTSHURU" not in places and "Kindu" not in places


def test_a_village_in_a_story_with_no_country_and_no_dateline_is_still_dropped() -> None:
    text = "Charcoal makers are felling trees near Kibirizi without permits, rangers say."
    assert not [m for m in read(text, "en").mentions if m["kind"] == "location"]


@pytest.mark.parametrize(("text", "lang", "market"), [
    ("NDLEA officers burned two tonnes of Indian hemp near Ikare on Monday.", "en", "cannabis_trade"),
    ("La police a saisi 80 kg de chanvre indien à Kikwit.", "fr", "cannabis_trade"),
    ("Customs at Durrës found forty kilos of opiates in a lorry of tomatoes.", "en", "heroin_trade"),
    ("Police in Lomé raided a shop selling knock-off Nike trainers.", "en", "trade_in_counterfeit_goods"),
    ("Au marché de Gikomba, des sacs imitant des marques italiennes sont vendus au grand jour.", "fr",
     "trade_in_counterfeit_goods"),
    ("À Kaga-Bandoro, les commerçants versent une « contribution sécuritaire » aux miliciens.", "fr",
     "extortion_and_protection_racketeering"),
    ("Trawlers were fishing without a licence off Boké, the navy said.", "en", "fauna_crimes"),
    ("Youths tapped the pipeline near Ughelli and loaded the crude onto barges.", "en",
     "non_renewable_resource_crimes"),
    ("Hackers carried out a SIM swap on customers of a bank in Kisumu.", "en", "cyber_dependent_crimes"),
    ("Des enfants restavèks sont exploités à Delmas, selon l'ONG.", "fr", "human_trafficking"),
])
def test_practitioners_words_for_a_market_are_read(text: str, lang: str, market: str) -> None:
    assert market in {m["market"] for m in read(text, lang).mentions if m["kind"] == "commodity"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Officials at the ministry in Goma were accused of taking bribes at the border post.", "en"),
    ("Le détournement de la rivière a inondé les champs près de Kalehe.", "fr"),
])
def test_bribes_and_a_diverted_river_are_no_financial_crime(text: str, lang: str) -> None:
    assert "financial_crimes" not in {m["market"] for m in read(text, lang).mentions}
