"""NLP rules without the statistical models: taxonomy, matching, gate, routing, links."""

from __future__ import annotations

import pytest
import spacy

import ocwatch.nlp.components  # noqa: F401  (registers the factories)
from ocwatch.nlp import forms, gate
from ocwatch.nlp.analyze import segments
from ocwatch.nlp.lang import route
from ocwatch.nlp.rows import dominant_country, link_rows, resolve_context
from ocwatch.reference import checks, taxonomy

MARKETS = {
    "human_trafficking", "human_smuggling", "extortion_and_protection_racketeering", "arms_trafficking",
    "trade_in_counterfeit_goods", "illicit_trade_in_excise_goods", "flora_crimes", "fauna_crimes",
    "non_renewable_resource_crimes", "heroin_trade", "cocaine_trade", "cannabis_trade",
    "synthetic_drug_trade", "cyber_dependent_crimes", "financial_crimes",
}


def _blank(lang: str) -> spacy.language.Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ocw_markets")
    nlp.add_pipe("ocw_places", config={"city_rules": False})
    nlp.add_pipe("ocw_actors")
    return nlp


def _found(nlp: spacy.language.Language, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    return {(s.label_, s.text, s.kb_id_) for s in doc.spans["ocw"]}


def test_markets_are_exactly_the_fifteen_gitoc_ids() -> None:
    assert {m.market for m in taxonomy.markets()} == MARKETS


def test_reference_data_is_consistent() -> None:
    assert checks.check_taxonomy() == []


def test_demo_actors_and_places_are_in_the_reference_data() -> None:
    names = {n for a in taxonomy.actors() for n in a.all_names}
    for actor in ("M23", "ADF", "CODECO", "FDLR", "Raia Mutomboki", "Wazalendo", "Zaire militia", "FARDC",
                  "Viv Ansanm", "400 Mawozo", "Gran Grif", "JNIM", "Wagner", "Africa Corps", "3R", "UPC",
                  "ISWAP", "Al-Shabaab", "Tren de Aragua", "Gulf Clan", "CJNG"):
        assert actor in names, actor
    places = {n for p in taxonomy.places_domain() for n in p.all_names}
    for place in ("Bisie", "Rubaya", "Mongbwalu", "Kamituga", "Goma-Gisenyi", "Mahagi", "Virunga", "Bunia"):
        assert place in places, place


def test_inflected_activities_match_in_english() -> None:
    found = _found(_blank("en"), "The gang extorts traders. They extorted miners and ran the smuggling of migrants.")
    assert ("commodity", "extorts", "activity:extortion") in found
    assert ("commodity", "extorted", "activity:extortion") in found
    assert ("commodity", "smuggling of migrants", "activity:human_smuggling") in found


def test_french_activities_and_commodities_match() -> None:
    found = _found(_blank("fr"), "La milice rançonne les creuseurs. Le trafic d'armes finance l'achat de l'or.")
    assert ("commodity", "rançonne", "activity:extortion") in found
    assert ("commodity", "trafic d'armes", "arms") in found
    assert ("commodity", "or", "gold") in found


def test_french_conjunction_or_is_not_gold() -> None:
    found = _found(_blank("fr"), "Or, les patrouilles ont cessé.")
    assert not any(kb == "gold" for _, _, kb in found)


def test_known_actors_match_names_aliases_and_acronyms() -> None:
    found = _found(_blank("en"), "M23 and the Allied Democratic Forces clashed; Tren de Aragua expanded.")
    assert {("actor", "M23", "m23"), ("actor", "Allied Democratic Forces", "adf"),
            ("actor", "Tren de Aragua", "tren_de_aragua")} <= found


def test_known_actor_wins_over_a_place_inside_its_name() -> None:
    found = _found(_blank("en"), "Tren de Aragua runs extortion rings.")
    assert not any(kind == "location" for kind, _, _ in found)


def test_domain_places_and_countries_are_linked() -> None:
    found = _found(_blank("en"), "Coltan from Rubaya crosses into Rwanda at Goma-Gisenyi.")
    assert {("location", "Rubaya", "domain:rubaya"), ("location", "Rwanda", "country:RWA"),
            ("location", "Goma-Gisenyi", "domain:goma_gisenyi")} <= found


def test_gate_passes_crime_text_and_stops_ordinary_news() -> None:
    assert gate.is_relevant("Militias extorted miners near the border.", "en")
    assert gate.is_relevant("Les braconniers ont tué trois éléphants.", "fr")
    assert not gate.is_relevant("The central bank left interest rates unchanged on Tuesday.", "en")


def test_gate_needs_a_whole_phrase_not_one_common_word_of_it() -> None:
    # "good", "force", "financial", "trade" are words of taxonomy phrases, not news about crime.
    assert not gate.is_relevant("A good second half: the team's financial force and trade talks.", "en")
    assert gate.is_relevant("Police seized counterfeit goods and arrested two smugglers of migrants.", "en")
    assert gate.is_relevant("They were smuggling migrants.", "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("At the checkpoint the gunmen stop every minibus and demand 3,000 gourdes from the driver.", "en"),
    ("Les hommes armés réclament 1 500 francs à chaque passager.", "fr"),
    ("They demanded US$50 from each trader.", "en"), ("Ils exigent 1.500 francs.", "fr")])
def test_gate_passes_a_demanded_sum_the_matcher_reads_as_extortion(text: str, lang: str) -> None:
    assert gate.is_relevant(text, lang)


def test_gate_stops_a_demand_and_a_sum_in_different_sentences() -> None:
    assert not gate.is_relevant("Unions demand higher wages for teachers.", "en")
    assert not gate.is_relevant("Unions demand higher wages. The budget is 5 billion dollars.", "en")


def test_gate_reads_everyday_words_only_with_their_telling_neighbour() -> None:
    assert gate.is_relevant("À Bunia, des négociants achètent l'or de l'Ituri.", "fr")
    assert not gate.is_relevant("Or, le conseil municipal a voté le budget des écoles.", "fr")


def test_gate_opens_on_a_known_criminal_actor_but_not_on_a_un_body() -> None:
    assert gate.is_relevant("M23 fighters entered the town.", "en")
    assert not gate.is_relevant("m23 is a postcode, not an armed group.", "en")
    assert not gate.is_relevant("MONUSCO and the United Nations held a press conference.", "en")


def test_word_families_reach_irregular_forms_but_not_homonyms() -> None:
    fr = forms.forms("enlevé", "fr")
    assert {"enlèvent", "enlevait", "enlevés"} <= fr
    assert "armée" not in forms.forms("armes", "fr")  # the army is not the weapons
    assert "but" not in forms.forms("bois", "fr")  # "boire" is not timber
    assert {"smuggled", "smuggling", "smuggles"} <= forms.forms("smuggle", "en")


def test_a_lake_named_after_a_country_is_not_the_country() -> None:
    found = _found(_blank("en"), "ISWAP taxes fishermen around Lake Chad. Chad closed the border.")
    assert [text for kind, text, kb in found if kb == "country:TCD"] == ["Chad"]
    assert len([1 for kind, _, kb in found if kb == "country:TCD"]) == 1


def _loc(sent: int, surface: str, entity: str, iso3: str | None) -> dict:
    return {"sent_idx": sent, "kind": "location", "surface": surface, "entity_id": entity,
            "country_iso3": iso3, "actor_type": None, "admin1": None, "market": None}


def test_unknown_village_takes_the_country_of_its_document() -> None:
    pending = _loc(0, "Fataki", "context::Fataki", None)
    _, ms = resolve_context([], [pending, _loc(1, "Bunia", "domain:bunia", "COD")])
    assert (ms[0]["entity_id"], ms[0]["country_iso3"]) == ("context:COD:Fataki", "COD")


def test_unknown_village_takes_its_known_actors_country_else_is_dropped() -> None:
    actor = {**_loc(0, "CODECO", "codeco", "COD"), "kind": "actor", "actor_type": "mafia_style_groups"}
    _, ms = resolve_context([], [actor, _loc(0, "Fataki", "context::Fataki", None)])
    assert ms[1]["country_iso3"] == "COD"
    sentences = [{"sent_idx": 0}, {"sent_idx": 3}]
    kept, ms = resolve_context(sentences, [_loc(3, "Fataki", "context::Fataki", None)])
    assert ms == [] and kept == []


def test_declared_language_is_trusted_and_auto_is_detected() -> None:
    assert route("fr-FR", "Armed groups extort miners.") == "fr"
    assert route("auto", "Les groupes armés rançonnent les mineurs artisanaux du territoire.") == "fr"
    assert route(None, "El Tren de Aragua cobra extorsiones a comerciantes en Bogotá.") == "es"


def test_spanish_text_gets_rules_only_extraction() -> None:
    nlp = _blank("es")
    found = _found(nlp, "El Clan del Golfo controla la extorsión y el tráfico de cocaína en Colombia.")
    assert ("actor", "Clan del Golfo", "gulf_clan") in found
    assert ("commodity", "extorsión", "activity:extortion") in found
    assert ("location", "Colombia", "country:COL") in found


def _m(sent: int, kind: str, entity: str, market: str | None = None, iso3: str | None = None) -> dict:
    return {"sent_idx": sent, "kind": kind, "entity_id": entity, "market": market,
            "country_iso3": iso3, "admin1": None}


def test_links_cross_actor_market_and_place_in_a_sentence() -> None:
    ms = [_m(0, "actor", "m23"), _m(0, "commodity", "coltan", "non_renewable_resource_crimes"),
          _m(0, "location", "domain:rubaya", iso3="COD"), _m(0, "location", "country:RWA", iso3="RWA")]
    links = link_rows(ms)
    assert {(lk["actor_id"], lk["commodity_id"], lk["place_id"]) for lk in links} == {
        ("m23", "coltan", "domain:rubaya"), ("m23", "coltan", "country:RWA")}


def test_market_without_place_goes_to_the_dominant_country() -> None:
    ms = [_m(0, "location", "domain:bunia", iso3="COD"), _m(0, "location", "domain:goma", iso3="COD"),
          _m(1, "commodity", "activity:extortion", "extortion_and_protection_racketeering")]
    assert dominant_country(ms) == "COD"
    (link,) = link_rows(ms)
    assert link == {"sent_idx": 1, "actor_id": None, "market": "extortion_and_protection_racketeering",
                    "commodity_id": None, "place_id": "country:COD", "country_iso3": "COD", "admin1": None}


def test_long_texts_are_cut_at_paragraph_breaks_and_keep_offsets() -> None:
    text = ("word " * 30 + "\n\n") * 50
    parts = segments(text, limit=500)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 500 for _, p in parts)
    assert all(text[off: off + len(p)] == p for off, p in parts)
