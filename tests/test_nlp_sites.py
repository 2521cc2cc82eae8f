"""Entity classes of the fourth round (docs/NLP.md): places no list names, found by a site or
locative construction; the longest place name; towns the model tags as people; activity
phrases (demanded sums, forced prostitution, wildlife parts, fake drugs, passage fees).

The components run on a blank pipeline; the model's entities, where they matter, are set
by hand as the model would set them. Sentences are written for these tests.
"""

from __future__ import annotations

from tests.support.blank_nlp import run as _run


def _kinds(mentions: list[dict]) -> dict[str, str]:
    return {m["surface"]: m["kind"] for m in mentions}


def _ids(mentions: list[dict]) -> dict[str, str]:
    return {m["surface"]: m["entity_id"] for m in mentions}


def test_a_name_before_a_site_noun_is_a_place_in_the_documents_country() -> None:
    ids = _ids(_run("en", "Traders in Uganda buy smuggled gold at the Kwabanga market and the Ndorobi fields."))
    assert ids["Kwabanga"] == "context:UGA:Kwabanga" and ids["Ndorobi"] == "context:UGA:Ndorobi"


def test_a_name_after_a_site_noun_and_of_is_a_place() -> None:
    en = _ids(_run("en", "In Croatia, cocaine was unloaded at the port of Kostrena."))
    fr = _ids(_run("fr", "En Haïti, le gang rançonne les marchandes du marché de Lilavois et le site aurifère de Zoumba."))
    assert en["Kostrena"] == "context:HRV:Kostrena"
    assert fr["Lilavois"] == "context:HTI:Lilavois" and fr["Zoumba"] == "context:HTI:Zoumba"


def test_a_site_name_drops_its_national_words() -> None:
    ids = _ids(_run("fr", "Au Bénin, des braconniers tuent des lions dans le parc national de la Kwendi."))
    assert ids.get("Kwendi") == "context:BEN:Kwendi"


def test_a_locative_word_places_a_name_the_model_left_untagged() -> None:
    en = _ids(_run("en", "In Kenya, smugglers truck cannabis from Kwanjiri and sell it near Mbolowa."))
    fr = _ids(_run("fr", "Au Mali, des hommes armés rançonnent les bergers à Kwanassa et dans le Tadiakou."))
    assert {"Kwanjiri", "Mbolowa"} <= set(en) and {"Kwanassa", "Tadiakou"} <= set(fr)


def test_no_place_from_publications_months_peoples_titles_or_a_sale_to_someone() -> None:
    en = _kinds(_run("en", "In Kenya, officials said in May, according to Daily Mwangaza, that Congolese traders "
                           "sold rifles to Kabangu at the National Road."))
    fr = _kinds(_run("fr", "Au Mali, selon Le Matinal, des Touaregs ont parlé en Mars au Président Kwadjo."))
    assert not any(k == "location" for s, k in en.items() if s not in ("Kenya",))
    assert not any(k == "location" for s, k in fr.items() if s not in ("Mali",))


def test_a_name_the_model_tagged_a_person_after_at_or_depuis_is_a_place_not_an_actor() -> None:
    en = _kinds(_run("en", "In Sudan, militias move rifles across the border at Kwatemma.", (("Kwatemma", "PERSON"),)))
    fr = _kinds(_run("fr", "Au Niger, le tramadol arrive depuis Birni Kwalla.", (("Birni Kwalla", "PER"),)))
    assert en["Kwatemma"] == "location" and fr["Birni Kwalla"] == "location"


def test_the_longest_place_name_wins_a_city_over_its_country() -> None:
    ids = _ids(_run("en", "Girls recruited in Benin City and in Guatemala City were trafficked."))
    assert ids["Benin City"].startswith("geonames:") and ids["Guatemala City"].startswith("geonames:")
    assert "Benin" not in ids and "Guatemala" not in ids


def test_demanding_a_sum_is_extortion_charging_a_price_is_not() -> None:
    en = _ids(_run("en", "Gunmen demand up to 3,000 naira from every driver and demanded $50 per bus."))
    fr = _ids(_run("fr", "Les miliciens exigent 1 000 francs CFA par camion et réclament 200 gourdes."))
    plain = _ids(_run("en", "Farmers charge 20 dollars a bag for maize."))
    assert set(en.values()) == {"activity:extortion"} and len(en) == 2
    assert set(fr.values()) == {"activity:extortion"} and len(fr) == 2
    assert not plain


def test_forced_or_coerced_prostitution_is_human_trafficking() -> None:
    en = _ids(_run("en", "The women were coerced into prostitution and sexually exploited."))
    fr = _ids(_run("fr", "Les mineures sont forcées à se prostituer, puis exploitées sexuellement."))
    assert set(en.values()) == set(fr.values()) == {"activity:human_trafficking"}


def test_wildlife_parts_and_their_traffickers_are_fauna_crimes() -> None:
    en = _ids(_run("en", "Police found leopard skins and a rhino horn."))
    fr = _ids(_run("fr", "Deux trafiquants de peaux de léopard ont été arrêtés."))
    assert set(en.values()) == set(fr.values()) == {"activity:poaching"}


def test_fake_and_counterfeit_drugs_are_counterfeit_medicines() -> None:
    en = _ids(_run("en", "Fake antimalarial drugs and counterfeit drugs flood the stalls."))
    fr = _ids(_run("fr", "Des médicaments falsifiés et des faux antipaludéens sont vendus."))
    assert set(en.values()) == set(fr.values()) == {"counterfeit_medicines"}


def test_passage_fees_levied_are_extortion() -> None:
    fr = _ids(_run("fr", "Les rebelles prélevaient des droits de passage sur chaque moto."))
    en = _ids(_run("en", "Soldiers collect passage fees and protection fees from traders."))
    assert set(fr.values()) == set(en.values()) == {"activity:extortion"}


def test_handing_over_a_share_is_extortion() -> None:
    en = _ids(_run("en", "Militiamen force diggers to hand over a share of the ore."))
    fr = _ids(_run("fr", "Les miliciens exigent une part de la production."))
    assert set(en.values()) == set(fr.values()) == {"activity:extortion"}


def test_an_army_named_by_its_demonym_is_an_actor_its_troops_are_not() -> None:
    en = _run("en", "Officers of the Chadian army and Ugandan troops sold rifles.")
    fr = _run("fr", "Des officiers de l'armée tchadienne vendent des fusils.")
    actors = {m["surface"]: m["entity_id"] for m in [*en, *fr] if m["kind"] == "actor"}
    assert actors == {"Chadian army": "unknown:chadian army", "armée tchadienne": "unknown:chadian army"}


def test_a_listed_army_keeps_its_own_id() -> None:
    rows = _run("fr", "L'armée malienne et la Nigerian army patrouillent.")
    assert {m["entity_id"] for m in rows if m["kind"] == "actor"} == {"fama", "nigerian_army"}
