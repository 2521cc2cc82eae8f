"""Who takes part, read from the parse (thirteenth round): whom the goods are for, who seized a town or a
mine, who controls the site the goods come from, what a speaker says they do themselves; and two status
readings: an accusation denied in its own sentence, "used X to do" as a deed, not a habit."""

from __future__ import annotations

import pytest

from ocwatch.nlp.analyze import DocInput, analyze

pytestmark = pytest.mark.slow


def _links(text: str, lang: str = "en") -> list[dict]:
    (res,) = analyze([DocInput("t", text, lang)], use_gate=False)
    return res.links


def _roles(text: str, actor: str, lang: str = "en") -> set[tuple[str, str]]:
    return {(x["role"], x["status"]) for x in _links(text, lang) if x["actor_id"] and actor in x["actor_id"]}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Eleven people pressed fentanyl pills in laboratories in Culiacán for a faction of the Sinaloa Cartel.",
     "en", "sinaloa"),
    ("Marines dismantled a laboratory near Cosalá that produced methamphetamine for Los Chapitos.", "en", "chapitos"),
    ("The weapons smuggled through Port-de-Paix were meant for the Gran Grif gang.", "en", "gran"),
    ("La cargaison d'armes saisie à Varreux était destinée au gang Kraze Baryè.", "fr", "kraze"),
    ("Les armes étaient destinées aux combattants du FPRC à Birao.", "fr", "fprc"),
])
def test_whom_the_goods_are_for_takes_part(text: str, lang: str, actor: str) -> None:
    links = [x for x in _links(text, lang) if x["actor_id"] and actor in x["actor_id"]]
    assert links and {(x["role"], x["method"].split("/")[0]) for x in links} == {("participant", "recipient")}


def test_seizing_a_mine_is_taking_it_and_seizing_goods_is_enforcement() -> None:
    assert _roles("Fighters of the CODECO militia have seized the gold pits at Mabanga.", "codeco") == \
        {("participant", "asserted")}
    assert _roles("The FARDC seized two tonnes of coltan at Goma on Monday.", "fardc") == {("enforcer", "asserted")}


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("Gold from Jebel Amer in North Darfur, a mine controlled by the Rapid Support Forces, is flown out of Nyala.",
     "en", "rsf", "Nyala"),
    ("Timber from the Yei forests, an area controlled by the SSPDF, is trucked to Kaya.", "en", "sspdf", "Kaya"),
])
def test_who_controls_the_site_the_goods_come_from_takes_part_along_their_route(
        text: str, lang: str, actor: str, place: str) -> None:
    counted = {(x["actor_id"], x["place_surface"]) for x in _links(text, lang)
               if x["role"] == "participant" and x["status"] == "asserted"}
    assert any(actor in (a or "") and p == place for a, p in counted), counted


def test_what_a_speaker_says_they_do_themselves_decides_their_role() -> None:
    assert _roles("Moussa Ali claims to sell gold from Mongbwalu in Kampala.", "moussa") == {("participant", "asserted")}
    # the reporter of a deed of others stays its source, the accused of an accusation its doer
    assert "participant" not in {r for r, _ in _roles(
        "Le Groupe d'experts affirme avoir documenté la contrebande d'or de Mongbwalu vers Kampala.", "groupe", "fr")}
    assert _roles("La MONUSCO accuse le M23 de faire passer de l'or vers Gisenyi.", "monusco", "fr") == \
        {("author", "asserted")}


def test_an_accusation_denied_in_its_own_sentence_leaves_the_sentence_before_asserted() -> None:
    links = _links("The ring used taxi drivers to move migrants from Bihać to the forest near Šturlić. "
                   "Croatian police have been accused by Amnesty International of pushing migrants back at the "
                   "same crossings, an allegation Zagreb denies.")
    first = [x for x in links if x["sent_idx"] == 0]
    assert first and {x["status"] for x in first} == {"asserted"}  # nor historical: "used X to", not "used to"
    again = _links("The M23 smuggles coltan from Rubaya to Gisenyi. Kigali has denied the accusations.")
    assert {x["status"] for x in again} == {"disputed"}


def test_used_to_is_a_past_habit() -> None:
    links = _links("The FDLR used to sell charcoal in Goma.")
    assert links and {x["status"] for x in links} == {"historical"}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Cocaine trafficking through Guayaquil has become a deadly problem for the Haitian National Police.", "en", "pnh"),
    ("Le trafic de coltan à Rubaya représente un défi majeur pour les FARDC.", "fr", "fardc"),
])
def test_a_problem_for_someone_makes_them_no_recipient(text: str, lang: str, actor: str) -> None:
    assert "participant" not in {r for r, _ in _roles(text, actor, lang)}


@pytest.mark.parametrize(("text", "actor", "role"), [
    ("The FARDC seized the mining town of Rubaya from the M23 on Monday, ending its coltan taxes.", "fardc", None),
    ("The Colombian army seized a cocaine processing site near Tumaco.", "army", "enforcer"),
    ("Gold smuggled from Mongbwalu, a town controlled by the FARDC, is sold in Kampala.", "fardc", None),
])
def test_a_state_force_taking_or_holding_a_place_takes_no_part(text: str, actor: str, role: str | None) -> None:
    links = [x for x in _links(text) if x["actor_id"] and actor in x["actor_id"]]
    assert all(x["role"] != "participant" for x in links)
    if role:
        assert {x["role"] for x in links} == {role}


def test_protecting_miners_is_not_mining() -> None:
    assert "participant" not in {r for r, _ in _roles(
        "Le M23 assure protéger les creuseurs de Rubaya contre les trafiquants de coltan.", "m23", "fr")}


def test_a_denial_of_the_alleged_trade_still_disputes_the_sentence_before() -> None:
    links = _links("The M23 taxes coltan at Rubaya, UN experts say. A spokesman for the group said the alleged "
                   "trafficking was a fabrication and denied it.")
    assert {x["status"] for x in links if x["actor_id"] == "m23"} == {"disputed"}


def test_boats_used_to_smuggle_migrants_are_used_now() -> None:
    links = _links("Fishing boats are used to smuggle migrants from Libya to Lampedusa.")
    assert links and {x["status"] for x in links} == {"asserted"}
