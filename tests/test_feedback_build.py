"""Analysts' feedback reaches the warehouse at the next build, and leaves it again after an undo (lake: tests/support/feedback_lake.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ocwatch.feedback import store
from ocwatch.feedback.acts import FeedbackError
from ocwatch.report.assemble import build_report
from ocwatch.warehouse.build import build_warehouse
from tests.support.feedback_lake import AS_OF, FDLR_LINK, SOURCES, write_lake


@pytest.fixture
def env(tmp_path: Path) -> dict[str, Path]:
    write_lake(str(tmp_path / "lake"))
    return {"lake": tmp_path / "lake", "db": tmp_path / "w.duckdb", "log": tmp_path / "feedback" / "acts.jsonl",
            "reports": tmp_path / "reports"}


def _build(env: dict[str, Path], full: bool = False) -> Path:
    return build_warehouse(str(env["lake"]), env["db"], AS_OF, SOURCES, feedback=env["log"], full=full)


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _fdlr_everywhere(env: dict[str, Path]) -> dict[str, object]:
    db = env["db"]
    links = _rows(db, "select actor_id, place_id, week from new_links where actor_id = 'fdlr'")
    evidence = _rows(db, "select doc_id from evidence where indicator = 'new_links' and actor_id = 'fdlr' "
                         "and doc_id = 'fdlr-1'")
    report = build_report(db, "2026-W46", "en")
    # The report's link findings and its actors table (the FDLR articles still count for gold).
    said = [f.text for f in report.findings if f.kind == "link"]
    said += [c.text for row in (report.actors.rows if report.actors else []) for c in row]
    return {"new_links": links, "evidence": evidence, "report": any("FDLR" in t for t in said)}


def _tables(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from information_schema.tables where "
                                           "table_schema = 'main' and table_type = 'BASE TABLE'").fetchall()]
        return {n: sorted(map(repr, con.execute(f'select * exclude (occurred_at) from "{n}"' if n == "errors"
                                                else f'select * from "{n}"').fetchall()))
                for n in names if n not in ("build_info", "_build_manifest")}


def test_a_link_marked_wrong_leaves_new_links_evidence_and_report_and_comes_back_after_undo(env) -> None:
    _build(env)
    before = _fdlr_everywhere(env)
    assert before["new_links"] == [("fdlr", "domain:bisie", "2026-W46")]
    assert before["evidence"] and before["report"]

    act = store.mark_link(env["log"], "ana", "FDLR left Bisie in 2024; the article is an old story",
                          verdict="wrong", **FDLR_LINK)
    # The three sources' links are three links: each marked wrong takes its own out.
    for n in (0, 2):
        store.mark_link(env["log"], "ana", "same story", verdict="wrong",
                        **{**FDLR_LINK, "doc_id": f"fdlr-{n}"})
    _build(env)
    gone = _fdlr_everywhere(env)
    assert gone == {"new_links": [], "evidence": [], "report": False}
    assert _rows(env["db"], "select count(*) from links where actor_id = 'fdlr'")[0][0] == 3  # the lake is untouched

    store.undo(env["log"], "ana", "checked again: it is this year", act_id=act["act_id"])
    _build(env)
    back = _fdlr_everywhere(env)
    assert back["new_links"] == before["new_links"] and back["report"]
    assert back["evidence"] == before["evidence"]


def test_a_mention_marked_wrong_leaves_the_market_activity(env) -> None:
    _build(env)
    week = "select documents from market_activity_weekly where market = 'non_renewable_resource_crimes' " \
           "and country_iso3 = 'COD' and week = '2026-W46'"
    before = _rows(env["db"], week)[0][0]
    assert before == 7  # two a week, three FDLR articles and two on the traders
    store.mark_mention(env["log"], "ana", "'gold' here is a football medal", doc_id="kt-1", sent_idx=0,
                       entity_id="gold", verdict="wrong")
    _build(env)
    assert _rows(env["db"], week)[0][0] == before - 1
    assert _rows(env["db"], "select count(*) from evidence where doc_id = 'kt-1'")[0][0] == 0


def test_a_merged_actor_counts_under_the_known_actor(env) -> None:
    _build(env)
    count = "select count(*) from mentions_reviewed where kind = 'actor' and entity_id = ?"
    assert _rows(env["db"], count, ["m23"])[0][0] == 1
    store.merge_actor(env["log"], "ana", "'Kivu traders' is what local radio calls M23's gold network",
                      actor_id="unknown:kivu traders", into_actor_id="m23")
    _build(env)
    assert _rows(env["db"], count, ["m23"])[0][0] == 3
    assert _rows(env["db"], count, ["unknown:kivu traders"])[0][0] == 0
    assert _rows(env["db"], "select count(*) from actors where actor_id = 'unknown:kivu traders'")[0][0] == 0
    merged = _rows(env["db"], "select actor_id, actor_type, is_known_actor from new_links "
                              "where place_id = 'domain:kamituga'")
    assert merged == [("m23", "mafia_style_groups", True)]


def test_a_promoted_actor_is_known_in_the_next_build(env) -> None:
    store.promote_actor(env["log"], "ana", "a cooperative that fronts for smugglers", actor_id="unknown:kivu traders",
                        new_actor_id="kivu_traders", name="Kivu Traders", actor_type="criminal_networks",
                        aliases=["Les commerçants du Kivu"], country_iso3="COD")
    _build(env)
    assert _rows(env["db"], "select name, actor_type, is_known from actors where actor_id = 'kivu_traders'") == [
        ("Kivu Traders", "criminal_networks", True)]
    assert _rows(env["db"], "select actor_id from new_links where place_id = 'domain:kamituga'") == [("kivu_traders",)]


def test_a_place_corrected_moves_the_document_to_the_right_country(env) -> None:
    store.correct_place(env["log"], "ana", "this Bisie is the village in Rwanda", doc_id="fdlr-2",
                        place_id="domain:bisie", right_place_id="geonames:202061", country_iso3="RWA")
    _build(env)
    assert _rows(env["db"], "select country_iso3 from fact_doc_market_country where doc_id = 'fdlr-2'") == [("RWA",)]
    assert _rows(env["db"], "select place_id, country_iso3 from links_reviewed where doc_id = 'fdlr-2'") == [
        ("geonames:202061", "RWA")]


def test_a_new_place_curated_has_its_coordinates_and_a_curated_reference_forces_the_facts_again(env, tmp_path) -> None:
    import shutil

    from ocwatch.feedback.curate import curate
    from ocwatch.reference import REFERENCE_DIR

    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    store.correct_place(env["log"], "ana", "the mine, not the town", place_id="domain:bisie",
                        right_place_id="domain:bisie_north", name="Bisie North", country_iso3="COD",
                        admin1="CD-NK", lat=-0.98, lon=27.7, place_kind="mine_site")
    build = {"feedback": env["log"], "reference_dir": reference}
    build_warehouse(str(env["lake"]), env["db"], AS_OF, SOURCES, **build)
    place = "select kind, lat, lon, name, country_iso3 from places where place_id = 'domain:bisie_north'"
    # as the correction gave it, before anyone curated it
    assert _rows(env["db"], place) == [("mine_site", -0.98, 27.7, "Bisie North", "COD")]
    assert curate(env["log"], reference).places == 1
    (reference / "places_feedback.csv").write_text(  # the reviewer moves the point before committing
        (reference / "places_feedback.csv").read_text(encoding="utf-8").replace("-0.98000", "-0.97500"),
        encoding="utf-8")
    build_warehouse(str(env["lake"]), env["db"], AS_OF, SOURCES, **build)
    assert _rows(env["db"], place) == [("mine_site", -0.975, 27.7, "Bisie North", "COD")]
    keep = "select cast(json_extract(row_counts, '$.documents_in_scope') as int) from build_info"
    assert _rows(env["db"], keep)[0][0] == _rows(env["db"], "select count(distinct doc_id) from documents")[0][0]
    assert _rows(env["db"], "select distinct place_id from links_reviewed where place_id like '%bisie%'") == [
        ("domain:bisie_north",)]


def test_a_reviewed_grade_proposal_is_kept_apart_from_the_proposal_in_force(env) -> None:
    proposal = store.propose_grade(env["log"], "ana", "dead feed", source_id="sc", grade="E")
    store.review_grade(env["log"], "adm", "agreed", act_id=proposal["act_id"], verdict="accepted")
    _build(env)
    assert _rows(env["db"], "select kind, target, verdict from feedback_active order by kind") == [
        ("propose_grade", "grade|sc", None), ("review_grade", f"review|{proposal['act_id']}", "accepted")]
    assert _rows(env["db"], "select reliability from sources where source_id = 'sc'") == [("C",)]  # never applied alone


def test_feedback_survives_a_full_rebuild_from_the_lake_and_equals_the_incremental_build(env, tmp_path) -> None:
    _build(env)
    store.mark_link(env["log"], "ana", "old story", verdict="wrong", **FDLR_LINK)
    store.merge_actor(env["log"], "ana", "same network", actor_id="unknown:kivu traders", into_actor_id="m23")
    incremental = _build(env)
    assert _rows(incremental, "select build_kind from build_info") == [("incremental",)]
    inc_tables = _tables(incremental)
    full = build_warehouse(str(env["lake"]), tmp_path / "full.duckdb", AS_OF, SOURCES, feedback=env["log"],
                           full=True)
    assert _tables(full) == inc_tables
    assert _rows(full, "select count(*) from links_reviewed where doc_id = 'fdlr-1'")[0][0] == 0


def test_a_feedback_change_forces_every_fact_to_be_computed_again(env) -> None:
    _build(env)
    _build(env)
    keep = "select cast(json_extract(row_counts, '$.documents_in_scope') as int) from build_info"
    assert _rows(env["db"], keep)[0][0] == 0  # nothing changed: every fact kept
    store.mark_mention(env["log"], "ana", "not gold", doc_id="g3-0", sent_idx=0, entity_id="gold",
                       verdict="wrong")
    _build(env)
    assert _rows(env["db"], keep)[0][0] == _rows(env["db"], "select count(distinct doc_id) from documents")[0][0]


def test_bad_acts_are_refused_naming_the_field_and_nothing_is_written(env) -> None:
    with pytest.raises(FeedbackError, match="verdict 'maybe'"):
        store.mark_link(env["log"], "ana", "?", verdict="maybe", **FDLR_LINK)
    with pytest.raises(FeedbackError, match="'nobody' is not a known actor"):
        store.merge_actor(env["log"], "ana", "?", actor_id="unknown:x", into_actor_id="nobody")
    with pytest.raises(FeedbackError, match="unknown actor type 'gang'"):
        store.promote_actor(env["log"], "ana", "?", new_actor_id="x", name="X", actor_type="gang")
    with pytest.raises(FeedbackError, match="unknown market 'gold_trade'"):
        store.mark_link(env["log"], "ana", "?", verdict="wrong", **{**FDLR_LINK, "market": "gold_trade"})
    with pytest.raises(FeedbackError, match="no feedback act 'fb-nope'"):
        store.undo(env["log"], "ana", "?", act_id="fb-nope")
    assert store.list_acts(env["log"]) == []


def test_a_damaged_log_line_is_recorded_by_the_build_and_the_other_acts_still_apply(env) -> None:
    store.mark_link(env["log"], "ana", "old story", verdict="wrong", **FDLR_LINK)
    with open(env["log"], "a", encoding="utf-8") as fh:
        fh.write("{damaged\n")
    _build(env)
    assert _rows(env["db"], "select count(*) from links_reviewed where doc_id = 'fdlr-1'")[0][0] == 0
    [(kind, error)] = _rows(env["db"], "select error_kind, error from errors where stage = 'build'")
    assert kind == "bad_feedback" and error.endswith("acts.jsonl line 2: not JSON: Expecting property name "
                                                     "enclosed in double quotes")
