"""Actors and aliases added through feedback land in reviewed reference files the next extraction reads."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocwatch.feedback import store
from ocwatch.feedback.curate import curate
from ocwatch.nlp import gate, gazetteer, patterns, pipeline
from ocwatch.nlp.analyze import DocInput, analyze
from ocwatch.reference import REFERENCE_DIR, checks, taxonomy

TEXT = "Kivu Traders smuggled gold from Kamituga to Bujumbura, and Les Lions du Kivu escorted them."


def _clear() -> None:
    # The taxonomy and the pipelines built on it are cached per process (the files never change while one runs).
    for fn in (taxonomy.actors, taxonomy.actor_types, taxonomy.places_domain, patterns.actor_terms,
               patterns.entity_info, gazetteer.domain_places, gazetteer.place_index, gazetteer.place_terms,
               gazetteer.place_names_lower,
               gate.gate, pipeline.get_nlp):
        fn.cache_clear()


@pytest.fixture
def reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the reference folder that the taxonomy (and so the extraction) reads."""
    folder = tmp_path / "reference"
    folder.mkdir()
    for csv in REFERENCE_DIR.glob("*.csv"):
        shutil.copy(csv, folder)
    monkeypatch.setattr(taxonomy, "REFERENCE_DIR", folder)
    _clear()
    yield folder
    monkeypatch.undo()
    _clear()


def _found(text: str, kind: str = "actor") -> set[str]:
    [result] = analyze([DocInput("d1", text, "en")], use_gate=False)
    return {m["entity_id"] for m in result.mentions if m["kind"] == kind}


def _actors_found(text: str) -> set[str]:
    return _found(text)


def test_a_promoted_actor_and_a_merged_alias_are_found_by_the_next_extraction(reference: Path,
                                                                             tmp_path: Path) -> None:
    before = _actors_found(TEXT)
    assert "kivu_traders" not in before and "m23" not in before
    log = tmp_path / "acts.jsonl"
    store.promote_actor(log, "ana", "a trading cooperative fronting for smugglers", actor_id="unknown:kivu traders",
                        new_actor_id="kivu_traders", name="Kivu Traders", actor_type="criminal_networks",
                        aliases=["Commerçants du Kivu"], country_iso3="COD")
    store.merge_actor(log, "ana", "local name of an M23 escort unit", actor_id="unknown:lions du kivu",
                      into_actor_id="m23")
    result = curate(log, reference)
    assert (result.actors, result.aliases, result.problems) == (1, 1, [])
    assert checks.check_taxonomy() == []
    rows = (reference / "actors_feedback.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "actor_id,name,aliases,actor_type,country_iso3,kind,origin,act_id"
    assert rows[1].startswith("kivu_traders,Kivu Traders,Commerçants du Kivu,criminal_networks,COD,feedback,feedback,fb-")

    _clear()  # a new extraction process
    after = _actors_found(TEXT)
    assert {"kivu_traders", "m23"} <= after


def test_curation_refuses_a_bad_row_naming_it_and_writes_the_good_ones(reference: Path, tmp_path: Path) -> None:
    log = tmp_path / "acts.jsonl"
    store.promote_actor(log, "ana", "new group", new_actor_id="kivu_traders", name="Kivu Traders",
                        actor_type="criminal_networks")
    store.promote_actor(log, "ana", "clash with the list", new_actor_id="m23", name="M23 again",
                        actor_type="mafia_style_groups")
    result = curate(log, reference)
    assert result.actors == 1
    assert len(result.problems) == 1
    assert "(m23) refused: actor_id is already an actor" in result.problems[0]
    assert "m23" not in (reference / "actors_feedback.csv").read_text(encoding="utf-8")


def test_the_taxonomy_check_names_a_bad_row_an_engineer_typed(reference: Path) -> None:
    (reference / "actors_feedback.csv").write_text(
        "actor_id,name,aliases,actor_type,country_iso3,kind,origin,act_id\n"
        "ok_one,OK,,criminal_networks,COD,feedback,feedback,fb-1\n"
        "Bad Id,Bad,,gangsters,COD,feedback,by hand,fb-2\n", encoding="utf-8")
    (reference / "aliases_feedback.csv").write_text(
        "actor_id,alias,origin,act_id\nnobody,Someone,feedback,fb-3\n", encoding="utf-8")
    problems = checks.check_taxonomy()
    assert "actors_feedback.csv: row 3 (Bad Id): actor_id must be lower-case letters, digits, '_' or '-'" in problems
    assert "actors_feedback.csv: row 3 (Bad Id): unknown actor type 'gangsters'" in problems
    assert "actors_feedback.csv: row 3 (Bad Id): origin must be 'feedback', not 'by hand'" in problems
    assert any(p.startswith("aliases_feedback.csv: row 2 (nobody): no actor 'nobody'") for p in problems)
    assert not any("ok_one" in p for p in problems)


PLACE_TEXT = "Traders carried cassiterite from Nyabibwe Hill and from Gakombe to Bukavu."


def test_a_new_place_and_a_place_alias_are_found_by_the_next_extraction(reference: Path, tmp_path: Path) -> None:
    before = _found(PLACE_TEXT, "location")
    assert "domain:nyabibwe_hill" not in before and "domain:bisie" not in before
    log = tmp_path / "acts.jsonl"
    store.correct_place(log, "ana", "the cassiterite site, not the town", place_id="geonames:1",
                        right_place_id="domain:nyabibwe_hill", name="Nyabibwe Hill", country_iso3="COD",
                        admin1="CD-SK", lat=-1.98, lon=28.93, place_kind="mine_site")
    store.correct_place(log, "ana", "local name of the Bisie site", place_id="context:COD:Gakombe",
                        right_place_id="domain:bisie", name="Gakombe", country_iso3="COD", admin1="CD-NK")
    store.correct_place(log, "ana", "one document's reading only", place_id="country:RWA", doc_id="d9",
                        right_place_id="domain:rubaya", name="Rwanda", country_iso3="COD")
    store.correct_place(log, "ana", "a city known only by its id", place_id="geonames:202061",
                        right_place_id="domain:kamituga", name="202061", country_iso3="COD")
    result = curate(log, reference)
    assert (result.places, result.place_aliases, result.problems) == (1, 1, [])
    assert checks.check_taxonomy() == []
    places = (reference / "places_feedback.csv").read_text(encoding="utf-8").splitlines()
    assert places[0] == "place_id,name,aliases,kind,country_iso3,admin1,lat,lon,origin,act_id"
    assert places[1].startswith("nyabibwe_hill,Nyabibwe Hill,,mine_site,COD,CD-SK,-1.98000,28.93000,feedback,fb-")
    aliases = (reference / "place_aliases_feedback.csv").read_text(encoding="utf-8").splitlines()
    assert len(aliases) == 2 and aliases[1].startswith("bisie,Gakombe,feedback,fb-")

    _clear()  # a new extraction process
    after = _found(PLACE_TEXT, "location")
    assert {"domain:nyabibwe_hill", "domain:bisie"} <= after
    assert curate(log, reference).place_aliases == 1  # curating again gives the same files


def test_the_taxonomy_check_names_a_bad_place_row(reference: Path) -> None:
    (reference / "places_feedback.csv").write_text(
        "place_id,name,aliases,kind,country_iso3,admin1,lat,lon,origin,act_id\n"
        "good_mine,Good,,mine_site,COD,CD-SK,-1.5,28.9,feedback,fb-1\n"
        "rubaya,Rubaya again,,volcano,Congo,,95,28.9,feedback,fb-2\n", encoding="utf-8")
    (reference / "place_aliases_feedback.csv").write_text(
        "place_id,alias,origin,act_id\natlantis,Lost City,feedback,fb-3\ngood_mine,,by hand,fb-4\n",
        encoding="utf-8")
    problems = checks.check_taxonomy()
    assert "places_feedback.csv: row 3 (rubaya): place_id is already a place" in problems
    assert any(p.startswith("places_feedback.csv: row 3 (rubaya): kind 'volcano' must be one of") for p in problems)
    assert "places_feedback.csv: row 3 (rubaya): country 'Congo' must be an ISO3 code" in problems
    assert "places_feedback.csv: row 3 (rubaya): lat '95' must be a number from -90 to 90" in problems
    assert any(p.startswith("place_aliases_feedback.csv: row 2 (atlantis): no place 'atlantis'") for p in problems)
    assert "place_aliases_feedback.csv: row 3 (good_mine): alias is empty" in problems
    assert "place_aliases_feedback.csv: row 3 (good_mine): origin must be 'feedback', not 'by hand'" in problems
    assert not any("good_mine" in p for p in problems if p.startswith("places_feedback.csv"))


def test_curation_refuses_a_new_place_the_check_rejects_naming_it(reference: Path, tmp_path: Path) -> None:
    log = tmp_path / "acts.jsonl"
    store.correct_place(log, "ana", "a border post", place_id="geonames:2", right_place_id="domain:new_post",
                        name="New Post", country_iso3="COD", lat=0.5, lon=29.5, place_kind="border_post")
    (reference / "places_domain.csv").write_text(
        (reference / "places_domain.csv").read_text(encoding="utf-8")
        + "new_post,New Post,,border_post,COD,,0.5,29.5\n", encoding="utf-8")  # listed since, by hand
    result = curate(log, reference)
    assert result.places == 0
    assert len(result.problems) == 1 and "(new_post) refused: place_id is already a place" in result.problems[0]


def test_an_organisation_named_by_construction_merged_into_a_listed_actor_is_found_as_it_next_time(
        reference: Path, tmp_path: Path) -> None:
    text = "Gunmen of the Zorbek Vanu gang tax every lorry of charcoal on the road out of Goma."
    assert _actors_found(text) == {"named:mafia_style_groups:zorbek-vanu"}
    log = tmp_path / "acts.jsonl"
    store.merge_actor(log, "ana", "a wing of the M23 under another name",
                      actor_id="named:mafia_style_groups:zorbek-vanu", into_actor_id="m23")
    result = curate(log, reference)
    assert (result.aliases, result.problems) == (1, [])
    rows = (reference / "aliases_feedback.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("m23,zorbek vanu,feedback,fb-")
    _clear()  # a new extraction process
    assert "m23" in _actors_found(text)
