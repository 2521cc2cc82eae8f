"""Findings, names and inputs of the weekly report, checked against the constructed warehouse's indicators."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from ocwatch.report import build_report, parse_week
from ocwatch.report.findings import MAX_FINDINGS, link_findings, select_findings, spike_findings
from ocwatch.report.i18n import country_name
from ocwatch.report.links import rank_links
from ocwatch.report.model import Finding, safe_href
from ocwatch.report.names import Names
from ocwatch.report.sections import actors_table
from tests.support.report_sample import WEEK


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_spike_finding_is_a_plain_sentence_with_reports_sources_and_a_usual_week(report_warehouse: Path) -> None:
    (z, grades, n, docs), = _rows(report_warehouse, f"""select z, reliability_grades, independent_sources,
        documents from market_activity_weekly where is_spike and week = '{WEEK}'""")
    usual = sorted(d for (d,) in _rows(report_warehouse, f"""select documents from market_activity_weekly
        where market = 'non_renewable_resource_crimes' and country_iso3 = 'COD' and week < '{WEEK}'
        order by week desc limit 12"""))
    spikes = [f for f in build_report(report_warehouse, WEEK).findings if f.kind == "spike"]
    assert len(spikes) == 1
    text = spikes[0].text
    assert text.startswith("Reports of illicit mining and mineral trading in the Democratic Republic of the Congo")
    assert f"rose sharply this week: {docs} reports from {n} independent sources, against {usual[2]} or {usual[8]} in a usual week." in text
    assert f"{z:.1f}" not in text and "standard deviation" not in text and "non_renewable" not in text
    assert spikes[0].grades == grades and spikes[0].sources == n
    assert spikes[0].confidence == f"Confidence: confirmed by other independent sources (1) — {n} independent sources, best grade A"


def test_new_link_finding_names_the_actor_market_and_place(report_warehouse: Path) -> None:
    (name, place), = _rows(report_warehouse, f"select distinct actor_name, place_name from new_links where week = '{WEEK}'")
    links = [f for f in build_report(report_warehouse, WEEK).findings if f.kind == "link"]
    assert len(links) == 1 and name in links[0].text and place in links[0].text


def test_largest_mirror_gap_is_a_finding_and_failed_queries_are_not(report_warehouse: Path) -> None:
    report = build_report(report_warehouse, WEEK)
    gaps = [f for f in report.findings if f.kind == "gap"]
    assert gaps and gaps[0].text == (
        "For 2025, gold imports from the Democratic Republic of the Congo declared by the United Arab Emirates "
        "(310.0 million USD) exceed the exports the Democratic Republic of the Congo declared to that country "
        "(42.0 million USD) by 258.0 million USD, after freight and insurance.")
    assert "HS" not in " ".join(f.text for f in report.findings)  # codes stay in the trade tables
    assert not any("Belgium" in f.text for f in report.findings)  # query_failed: unknown, not a finding


def test_findings_are_at_most_five_and_every_kind_gets_a_turn() -> None:
    many = {k: [Finding(k, f"{k} {i}", "", "", 1) for i in range(4)] for k in ("spike", "link", "gap", "uv")}
    chosen = select_findings(many)
    assert len(chosen) == MAX_FINDINGS
    assert {f.kind for f in chosen} == {"spike", "link", "gap", "uv"}
    assert [f.kind for f in chosen] == ["spike", "spike", "link", "gap", "uv"]


def test_quiet_week_has_no_spike_finding(report_warehouse: Path) -> None:
    report = build_report(report_warehouse, "2026-W05")
    assert not [f for f in report.findings if f.kind == "spike"]
    assert report.empty_note is None  # activity without spikes is not an empty week


def test_empty_week_says_so(report_warehouse: Path) -> None:
    report = build_report(report_warehouse, "2026-W30")
    assert report.empty_note and "2026-W30" in report.empty_note and "not evidence of calm" in report.empty_note
    assert report.markets == []


def test_french_report_generates_french_sentences(report_warehouse: Path) -> None:
    report = build_report(report_warehouse, WEEK, lang="fr")
    spike = next(f for f in report.findings if f.kind == "spike")
    assert spike.text.startswith("Les signalements de l'exploitation et du commerce illicites de minerais "
                                 "en République démocratique du Congo ont fortement augmenté cette semaine : ")
    assert "une semaine habituelle." in spike.text
    assert spike.confidence.startswith("Confiance : confirmé par d'autres sources indépendantes (1) — 3 sources")
    assert report.title.startswith("Criminalité grave")


@pytest.mark.parametrize("week", ["2026-7", "2026-W7", "2026-W54", "2025-W53", "W07-2026", "", "2026-w07"])
def test_invalid_week_is_a_value_error_naming_it(week: str) -> None:
    with pytest.raises(ValueError, match="invalid week"):
        parse_week(week)


def test_week_bounds_are_monday_to_sunday() -> None:
    start, end = parse_week("2026-W01")
    assert (start.isoformat(), end.isoformat()) == ("2025-12-29", "2026-01-04")


def test_unknown_language_is_refused(report_warehouse: Path) -> None:
    with pytest.raises(ValueError, match="invalid language 'de'"):
        build_report(report_warehouse, WEEK, lang="de")


def test_missing_warehouse_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere\.duckdb"):
        build_report(tmp_path / "nowhere.duckdb", WEEK)


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://127.0.0.1:8000/x.html", "http://127.0.0.1:8000/x.html"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), ("data:text/html,<b>x</b>", None),
    ("//evil.example/x", None), ("http://a.org/\"onmouseover=x", None), ("", None), (None, None),
    ("file:///etc/passwd", None)])
def test_only_plain_http_links_become_hrefs(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected


def test_country_names_read_naturally_in_both_languages() -> None:
    assert country_name("COD", "en") == "Democratic Republic of the Congo"
    assert country_name("UGA", "fr") == "Ouganda"
    assert country_name("ZZZ", "en") == "ZZZ"


def test_links_in_a_lake_only_weeks_deep_are_not_findings() -> None:
    row = {"actor_id": "a", "actor_name": "A", "actor_type": None, "market": "arms_trafficking",
           "place_id": "p", "place_name": "P", "country_iso3": "COD", "source_id": "s", "reliability": "B"}
    names = Names("en")
    assert link_findings(rank_links([{**row, "history_weeks": 1}], None), names) == []
    assert len(link_findings(rank_links([{**row, "history_weeks": 10}], None), names)) == 1
    assert len(link_findings(rank_links([{**row, "history_weeks": None}], None), names)) == 1


def test_links_with_known_actor_commodity_precise_place_and_more_sources_rank_first() -> None:
    base = {"market": "non_renewable_resource_crimes", "country_iso3": "COD", "reliability": "B"}
    vague = {**base, "actor_id": "unknown:panel", "actor_name": "Panel", "commodity_id": None,
             "place_id": "country:COD", "place_name": "DR Congo", "source_id": "s1"}
    sharp = {**base, "actor_id": "wazalendo", "actor_name": "Wazalendo", "commodity_id": "coltan",
             "place_id": "domain:rubaya", "place_name": "Rubaya", "source_id": "s1"}
    support = [{**sharp, "source_id": s, "reliability": g} for s, g in (("s1", "B"), ("s2", "A"))]
    ranked = rank_links([vague, sharp], support)
    assert [r.row["actor_id"] for r in ranked] == ["wazalendo", "unknown:panel"]
    assert (ranked[0].sources, ranked[0].grades) == (2, "A,B")


def test_an_actor_new_to_a_market_ranks_above_a_known_pair_at_a_new_place() -> None:
    base = {"market": "non_renewable_resource_crimes", "country_iso3": "COD", "reliability": "A",
            "commodity_id": "gold", "is_known_actor": True}
    known_pair = {**base, "actor_id": "codeco", "actor_name": "CODECO", "place_id": "domain:bunia",
                  "place_name": "Bunia", "source_id": "s1"}
    new_pair = {**base, "actor_id": "wazalendo", "actor_name": "Wazalendo", "commodity_id": "coltan",
                "place_id": "domain:rubaya", "place_name": "Rubaya", "source_id": "s2", "reliability": "C"}
    support = [{**known_pair, "source_id": f"s{i}"} for i in range(5)]
    earlier = {("codeco", "non_renewable_resource_crimes")}
    ranked = rank_links([known_pair, new_pair], support, earlier)
    assert [r.row["actor_id"] for r in ranked] == ["wazalendo", "codeco"]
    assert ranked[0].new_pair and not ranked[1].new_pair
    text = link_findings(ranked, Names("en"))[0].text
    assert text.startswith("Wazalendo was reported for the first time taking part in") and " at Rubaya (" in text


def _link(place_id: str, place: str, **extra: object) -> dict:
    return {"actor_id": "wazalendo", "actor_name": "Wazalendo", "market": "non_renewable_resource_crimes",
            "commodity_id": "coltan", "place_id": place_id, "place_name": place, "country_iso3": "COD",
            "doc_id": "d1", "source_id": "s1", "reliability": "B", **extra}


def test_a_link_finding_names_precise_places_once_with_their_region_not_the_region_again() -> None:
    names = Names("en", commodities={"coltan": "coltan"},
                  commodity_markets={"coltan": "non_renewable_resource_crimes"},
                  admin1={"domain:rubaya": "CD-NK", "domain:masisi": "CD-NK", "admin1:CD-NK": "CD-NK"},
                  seen_regions={"CD-NK": "North Kivu"})
    rows = [_link("domain:rubaya", "Rubaya"), _link("admin1:CD-NK", "North Kivu"),
            _link("domain:masisi", "Masisi", doc_id="d2", source_id="s2", reliability="A")]
    (finding,) = link_findings(rank_links(rows, None), names)
    assert finding.text == ("Wazalendo was reported for the first time taking part in illicit coltan trading at "
                            "Masisi and Rubaya (North Kivu, Democratic Republic of the Congo): 2 reports from "
                            "2 independent sources.")
    assert finding.confidence == "Confidence: probably true (2) — 2 independent sources, best grade A"


def test_each_new_link_is_one_row_of_the_actors_table_with_its_best_sentence() -> None:
    day = dt.datetime(2026, 11, 10)
    evidence = [
        _link("domain:rubaya", "Rubaya", sentence="Older, from a lesser source.", reliability="C",
              published_at=day),
        _link("domain:rubaya", "Rubaya", sentence="A long sentence from the best source, older.",
              reliability="A", published_at=day, doc_id="d2", source_id="s2"),
        _link("domain:rubaya", "Rubaya", sentence="Best source, newest, longer than the next.",
              reliability="A", published_at=day + dt.timedelta(days=2), doc_id="d3", source_id="s3"),
        _link("domain:rubaya", "Rubaya", sentence="Best source, newest.", reliability="A",
              published_at=day + dt.timedelta(days=2), doc_id="d4", source_id="s4"),
        _link("domain:masisi", "Masisi", sentence="Best source, newest.", reliability="A",
              published_at=day + dt.timedelta(days=2), doc_id="d4", source_id="s4")]
    links = [_link("domain:rubaya", "Rubaya", sentence="Older, from a lesser source.", first_seen_at=day),
             _link("domain:masisi", "Masisi", sentence="Best source, newest.", first_seen_at=day)]
    table = actors_table(rank_links(links, evidence), Names("en"))
    assert len(table.rows) == 1 and table.more == 0
    cells = [c.text for c in table.rows[0]]
    assert cells[3] == "Rubaya, Masisi (Democratic Republic of the Congo)"
    assert cells[5].startswith("4 [A,C]") and cells[6] == "Best source, newest."


def test_trade_findings_say_what_each_side_declared_in_french_too(report_warehouse: Path) -> None:
    said: dict[str, str] = {}
    for f in build_report(report_warehouse, WEEK, lang="fr").findings:
        said.setdefault(f.kind, f.text)  # the first, largest, of each kind
    assert said["gap"].startswith("Pour 2025, les importations d'or en provenance de la République démocratique "
                                  "du Congo déclarées par les Émirats arabes unis (310,0 millions USD) dépassent")
    assert said["uv"] == ("Pour 2025, les exportations d'or vers les Émirats arabes unis déclarées par l'Ouganda "
                          "sont évaluées à 6\u202f000 USD le kg, bien en dessous de la médiane de 62\u202f000 USD le kg "
                          "pour ces marchandises.")


def test_a_spike_says_what_most_reports_name_and_folds_a_spike_made_of_the_same_reports() -> None:
    names = Names("en", commodities={"gold": "gold", "coltan": "coltan"},
                  commodity_markets={"gold": "non_renewable_resource_crimes", "coltan": "non_renewable_resource_crimes"},
                  seen_regions={"CD-IT": "Ituri"})
    week_start = dt.date(2026, 11, 9)
    base = {"market": "non_renewable_resource_crimes", "week": "2026-W46", "week_start": week_start,
            "is_spike": True, "reliability_grades": "B,C"}
    spikes = [{**base, "country_iso3": "COD", "z": 9.0, "documents": 6, "independent_sources": 3},
              {**base, "country_iso3": "UGA", "z": 7.0, "documents": 4, "independent_sources": 3}]
    history = [{**base, "country_iso3": "COD", "week_start": week_start - dt.timedelta(weeks=w), "week": f"w{w}",
                "documents": w % 2 + 1, "is_gap": w == 3} for w in range(1, 14)]
    subject = {"market": "non_renewable_resource_crimes", "country_iso3": "COD"}
    subjects = [{**subject, "kind": "commodity", "entity_id": "gold", "documents": 4},
                {**subject, "kind": "commodity", "entity_id": "coltan", "documents": 2},
                {**subject, "kind": "location", "entity_id": "domain:bunia", "place_name": "Bunia",
                 "admin1": "CD-IT", "documents": 4},
                {**subject, "kind": "location", "entity_id": "domain:mongbwalu", "place_name": "Mongbwalu",
                 "admin1": "CD-IT", "documents": 2},
                {**subject, "kind": "location", "entity_id": "domain:beni", "place_name": "Beni",
                 "admin1": "CD-NK", "documents": 1}]
    docs = [{"market": base["market"], "country_iso3": c, "doc_id": d}
            for c, ids in (("COD", "abcdef"), ("UGA", "abcx")) for d in ids]
    (finding,) = spike_findings(spikes, names, history, subjects, docs)
    assert finding.text == (
        "Reports of illicit mining and mineral trading in the Democratic Republic of the Congo, chiefly gold "
        "around Bunia and Mongbwalu (Ituri), rose sharply this week: 6 reports from 3 independent sources, "
        "against 1 or 2 in a usual week; most of these reports also concern Uganda.")
    assert finding.confidence == "Confidence: probably true (2) — 3 independent sources, best grade B"
    apart = [{**d, "doc_id": d["doc_id"] + "2"} if d["country_iso3"] == "UGA" else d for d in docs]
    assert [f.about["country_iso3"] for f in spike_findings(spikes, names, history, subjects, apart)] == ["COD", "UGA"]
