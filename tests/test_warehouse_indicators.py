"""Indicators on a small hand-made lake, checked against numbers worked out by hand.

The lake (build date 2026-11-16, a Monday of ISO week 2026-W47):
- gold in COD: one A-grade article a week in even weeks W34..W44, two in odd
  weeks W35..W45 (scores 1, 2, 1, 2 ...), then W46: two A, one B, one C, one D
  original and an E-grade wire copy of an A article;
- extortion in HTI: B-grade articles in W40 and W42; the HTI source and the
  world-wide source both fail in W43, and in W45 one fails and one is not
  crawled: those two weeks are gaps, W41, W44, W46, W47 are zeros;
- migrant smuggling in NER: a chain of wire copies of one article, and a copy
  of a document the lake does not hold;
- arms at Rubaya: M23 in W40 and W46, Wazalendo first in W46.
"""

from __future__ import annotations

import datetime as dt
import math

import duckdb
import pytest

from ocwatch.warehouse.build import build_warehouse
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)
GOLD = ("non_renewable_resource_crimes", "COD")
SOURCES = [
    {"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example", "language": "en",
     "reliability": "A", "countries": ["COD"]},
    {"id": "sb", "name": "B", "kind": "feed", "url": "https://sb.example", "language": "en",
     "reliability": "B", "countries": ["COD"]},
    {"id": "sc", "name": "C", "kind": "feed", "url": "https://sc.example", "language": "en",
     "reliability": "C", "countries": []},
    {"id": "sd", "name": "D", "kind": "feed", "url": "https://sd.example", "language": "fr",
     "reliability": "D", "countries": ["COD"]},
    {"id": "se", "name": "E", "kind": "feed", "url": "https://se.example", "language": "en",
     "reliability": "E", "countries": ["COD"]},
    {"id": "sh", "name": "H", "kind": "feed", "url": "https://sh.example", "language": "fr",
     "reliability": "B", "countries": ["HTI"]},
]


def monday(week: int) -> dt.date:
    """Monday of ISO week `week` of 2026."""
    return dt.date(2026, 11, 9) - dt.timedelta(weeks=46 - week)


def wed(week: int) -> dt.date:
    return monday(week) + dt.timedelta(days=2)


def _gold(s: SampleLake) -> None:
    for w in range(34, 47):  # sa answers every Thursday and on the build date: COD's weeks are no gaps
        s.crawl("sa", wed(w) + dt.timedelta(days=1))
    s.crawl("sa", AS_OF)
    for w in range(34, 46):
        for i in range(1 if w % 2 == 0 else 2):
            s.doc(f"g{w}-{i}", "sa", wed(w))
    s.doc("g46-a1", "sa", wed(46), partition=AS_OF)
    s.doc("g46-a2", "sa", wed(46) + dt.timedelta(days=1), partition=AS_OF)
    s.doc("g46-b", "sb", wed(46), partition=AS_OF, market_mentions=3)
    s.doc("g46-c", "sc", wed(46), partition=AS_OF)
    s.doc("g46-d", "sd", wed(46), partition=AS_OF)
    s.doc("g46-e", "se", wed(46), partition=AS_OF, near_dup_of="g46-a1")


def _haiti(s: SampleLake) -> None:
    kw = {"market": "extortion_and_protection_racketeering", "commodity": None, "country": "HTI"}
    s.doc("h40", "sh", wed(40), partition=wed(40), **kw)
    s.doc("h42", "sh", wed(42), partition=wed(42), **kw)
    for w in range(40, 48):
        day = monday(w) + dt.timedelta(days=1) if w < 47 else AS_OF
        sh = {43: "timeout", 44: "http_error", 45: "skip"}.get(w)
        sc = {43: "http_error", 45: "dns"}.get(w)
        if sh != "skip":
            s.crawl("sh", day, sh)
        s.crawl("sc", day, sc)


def _niger(s: SampleLake) -> None:
    kw = {"market": "human_smuggling", "commodity": None, "country": "NER"}
    s.doc("n1", "sa", wed(44), partition=AS_OF, **kw)
    s.doc("n2", "sb", wed(44), partition=AS_OF, near_dup_of="n1", **kw)
    s.doc("n3", "sc", wed(44), partition=AS_OF, near_dup_of="n2", **kw)
    s.doc("n4", "sd", wed(44), partition=AS_OF, near_dup_of="not-in-lake", **kw)


def _links(s: SampleLake) -> None:
    # arms, so that these articles stay out of the gold series above
    kw = {"market": "arms_trafficking", "commodity": "arms", "country": "COD",
          "place_id": "domain:rubaya", "partition": AS_OF}
    s.doc("r40", "sb", wed(40), actor_id="m23", **kw)
    s.doc("r46", "sb", wed(46), actor_id="m23", **kw)
    s.doc("w46-late", "sc", wed(46) + dt.timedelta(days=2), actor_id="wazalendo", **kw)
    s.doc("w46-early", "sd", wed(46), actor_id="wazalendo", **kw)


@pytest.fixture(scope="module", params=["snapshot", "views"])
def wh(request: pytest.FixtureRequest,
       tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """The hand-made lake built twice: copied into the warehouse, and viewed in place."""
    root = tmp_path_factory.mktemp("wh")
    s = SampleLake(str(root / "lake"))
    for part in (_gold, _haiti, _niger, _links):
        part(s)
    # a re-crawl of an old article in a later partition counts once; a future date not at all
    s.doc("g34-0", "sa", wed(34), partition=AS_OF, fetched=AS_OF)
    s.doc("future", "sa", AS_OF + dt.timedelta(days=10), partition=AS_OF)
    s.write()
    path = build_warehouse(str(root / "lake"), root / "w.duckdb", AS_OF, SOURCES,
                           params={"lake_mode": request.param})
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def row(con: duckdb.DuckDBPyConnection, market: str, country: str, week: int) -> dict:
    cur = con.execute("select * from market_activity_weekly where market = ? and country_iso3 = ? "
                      "and week = ?", [market, country, f"2026-W{week:02d}"])
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, rows
    return dict(zip(cols, rows[0], strict=True))


def test_market_activity_weekly_columns_follow_the_contract(wh) -> None:
    cols = [r[0] for r in wh.execute("describe market_activity_weekly").fetchall()]
    assert cols[:16] == ["market", "country_iso3", "week", "week_start", "documents", "mentions",
                         "sources", "independent_sources", "score", "baseline_mean",
                         "baseline_std", "baseline_weeks", "z", "is_spike", "is_gap",
                         "reliability_grades"]


def test_spike_week_score_baseline_and_z(wh) -> None:
    r = row(wh, *GOLD, 46)
    # originals: A + A + B + C + D = 1.0 + 1.0 + 0.8 + 0.6 + 0.4; the E copy adds nothing
    assert r["score"] == pytest.approx(3.8)
    assert (r["documents"], r["sources"], r["independent_sources"]) == (6, 5, 4)
    assert r["mentions"] == 8  # 1 + 1 + 3 + 1 + 1 + 1
    # baseline W34..W45: six weeks of 1.0 and six of 2.0
    assert r["baseline_weeks"] == 12
    assert r["baseline_mean"] == pytest.approx(1.5)
    assert r["baseline_std"] == pytest.approx(math.sqrt(12 * 0.25 / 11))
    assert r["z"] == pytest.approx((3.8 - 1.5) / math.sqrt(3 / 11))
    assert r["is_spike"] and not r["is_gap"]
    assert r["reliability_grades"] == "A,B,C,D"


def test_ordinary_week_is_no_spike(wh) -> None:
    r = row(wh, *GOLD, 45)
    assert r["score"] == pytest.approx(2.0) and r["independent_sources"] == 1
    # baseline W34..W44 (series starts in W34): 1,2,1,2,1,2,1,2,1,2,1
    vals = [1.0, 2.0] * 5 + [1.0]
    mean = sum(vals) / 11
    std = math.sqrt(sum((v - mean) ** 2 for v in vals) / 10)
    assert r["baseline_weeks"] == 11
    assert r["baseline_mean"] == pytest.approx(mean)
    assert r["z"] == pytest.approx((2.0 - mean) / std)
    assert not r["is_spike"]


def test_z_needs_four_baseline_weeks(wh) -> None:
    assert row(wh, *GOLD, 34)["baseline_weeks"] == 0
    assert row(wh, *GOLD, 37)["z"] is None  # 3 baseline weeks
    r = row(wh, *GOLD, 38)  # baseline 1, 2, 1, 2 -> mean 1.5, std sqrt(1/3)
    assert r["baseline_weeks"] == 4
    assert r["z"] == pytest.approx((1.0 - 1.5) / math.sqrt(1 / 3))


def test_week_after_spike_is_a_zero_with_the_spike_in_its_baseline(wh) -> None:
    r = row(wh, *GOLD, 47)
    assert (r["documents"], r["score"], r["is_gap"]) == (0, 0.0, False)
    vals = [2.0, 1.0] * 5 + [2.0, 3.8]  # W35..W46
    mean = sum(vals) / 12
    assert r["baseline_mean"] == pytest.approx(mean)


def test_zero_weeks_count_and_gap_weeks_are_not_zeros(wh) -> None:
    m = "extortion_and_protection_racketeering"
    got = {w: row(wh, m, "HTI", w) for w in range(40, 48)}
    assert [got[w]["score"] for w in range(40, 48)] == [
        pytest.approx(0.8), 0.0, pytest.approx(0.8), None, 0.0, None, 0.0, 0.0]
    assert [w for w in got if got[w]["is_gap"]] == [43, 45]
    assert got[43]["documents"] is None and got[41]["documents"] == 0
    # W47's baseline: W40, W41, W42, W44, W46 (gaps W43, W45 left out): 0.8, 0, 0.8, 0, 0
    r = got[47]
    assert r["baseline_weeks"] == 5
    assert r["baseline_mean"] == pytest.approx(0.32)
    assert r["baseline_std"] == pytest.approx(math.sqrt(0.192))
    assert r["z"] == pytest.approx((0 - 0.32) / 0.5)  # std below the 0.5 floor


def test_series_starts_at_first_activity(wh) -> None:
    (first,) = wh.execute("select min(week) from market_activity_weekly "
                          "where country_iso3 = 'HTI'").fetchall()[0]
    assert first == "2026-W40"


def test_coverage_gaps_name_the_silent_sources(wh) -> None:
    rows = wh.execute("select week, source_id, country_iso3, reason, country_gap from coverage_gaps "
                      "order by week, source_id").fetchall()
    assert rows == [
        ("2026-W43", "sc", None, "crawl_failed (http_error:1)", False),
        ("2026-W43", "sh", "HTI", "crawl_failed (timeout:1)", True),
        ("2026-W44", "sh", "HTI", "crawl_failed (http_error:1)", False),
        ("2026-W45", "sc", None, "crawl_failed (dns:1)", False),
        ("2026-W45", "sh", "HTI", "not_crawled", True),
    ]


def test_coverage_counts_requests_per_run_date(wh) -> None:
    rows = wh.execute("select source_id, requests, ok, failed, error_kinds from coverage "
                      "where date = ?", [monday(43) + dt.timedelta(days=1)]).fetchall()
    assert sorted(rows) == [("sc", 1, 0, 1, "http_error:1"), ("sh", 1, 0, 1, "timeout:1")]


def test_wire_copy_chains_count_as_one_independent_source(wh) -> None:
    r = row(wh, "human_smuggling", "NER", 44)
    # n1 (A), its copy n2 (B), n2's copy n3 (C): one original; n4 copies a missing doc: its own
    assert (r["documents"], r["sources"], r["independent_sources"]) == (4, 4, 2)
    assert r["score"] == pytest.approx(1.0 + 0.4)
    assert r["reliability_grades"] == "A,D"


def test_recrawled_and_future_documents(wh) -> None:
    assert row(wh, *GOLD, 34)["documents"] == 1
    assert wh.execute("select count(*) from fact_documents where doc_id = 'future'").fetchall() == [(0,)]


def test_new_links_are_first_sightings_with_first_evidence(wh) -> None:
    rows = wh.execute("select week, actor_id, market, commodity_id, place_id, doc_id, source_id, "
                      "reliability, history_weeks from new_links order by week, actor_id").fetchall()
    assert rows == [
        ("2026-W40", "m23", "arms_trafficking", "arms", "domain:rubaya", "r40", "sb", "B", 6),
        ("2026-W46", "wazalendo", "arms_trafficking", "arms", "domain:rubaya", "w46-early", "sd",
         "D", 12),
    ]
    (name, place, sentence) = wh.execute(
        "select actor_name, place_name, sentence from new_links where actor_id = 'wazalendo'").fetchall()[0]
    assert place == "Rubaya" and "wazalendo" in sentence and name


def test_evidence_opens_every_spike_down_to_its_sentences(wh) -> None:
    docs = wh.execute("select doc_id, is_original, reliability, url, sentence from evidence "
                      "where indicator = 'market_activity_weekly' and market = ? and country_iso3 = ? "
                      "and week = '2026-W46' order by doc_id", list(GOLD)).fetchall()
    gold_docs = [d for d in docs if d[0].startswith("g46")]
    assert [d[0] for d in gold_docs] == ["g46-a1", "g46-a2", "g46-b", "g46-c", "g46-d", "g46-e"]
    assert [d[1] for d in gold_docs] == [True] * 5 + [False]
    assert all(d[3].startswith("https://") and d[4] for d in docs)


def test_evidence_of_a_new_link_holds_each_sentence_of_its_week(wh) -> None:
    docs = wh.execute("select doc_id from evidence where indicator = 'new_links' "
                      "and actor_id = 'wazalendo' order by doc_id").fetchall()
    assert docs == [("w46-early",), ("w46-late",)]


def test_sources_dimension_weights(wh) -> None:
    rows = dict(wh.execute("select reliability, reliability_weight from sources").fetchall())
    assert rows == {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.3}


def test_every_table_of_the_contract_exists(wh) -> None:
    tables = {r[0] for r in wh.execute("select table_name from information_schema.tables").fetchall()}
    assert {"markets", "actor_types", "commodities", "actors", "places", "sources", "documents",
            "crawl_log", "trade_flows", "trade_log", "sentences", "mentions", "links", "errors",
            "market_activity_weekly", "new_links", "market_signals", "evidence",
            "trade_mirror_gaps", "trade_unit_values", "coverage", "coverage_gaps"} <= tables
    cols = [r[0] for r in wh.execute("describe documents").fetchall()]
    assert cols[-1] == "partition_date"


def test_market_signals_put_text_by_month(wh) -> None:
    rows = wh.execute("select month, documents, score, trade_gap_usd from market_signals "
                      "where market = ? and country_iso3 = ? and month = '2026-11'", list(GOLD)).fetchall()
    # November 2026: W45 (Nov 4, two A articles) and W46 (six documents, score 3.8)
    assert rows[0][1] == 2 + 6
    assert rows[0][2] == pytest.approx(2.0 + 3.8)
    assert rows[0][3] is None


def test_weekly_activity_agrees_with_an_independent_pandas_computation(tmp_path) -> None:
    """The benchmark's check, small: the SQL models (built, and run alone from Parquet) against pandas."""
    from bench.bench_warehouse import AS_OF as BENCH_AS_OF
    from bench.bench_warehouse import _check, duckdb_weekly, generate, pandas_weekly, sources

    lake = str(tmp_path / "lake")
    generate(lake, 20_000)
    db = build_warehouse(lake, tmp_path / "w.duckdb", BENCH_AS_OF, sources())
    with duckdb.connect(str(db), read_only=True) as con:
        built = con.execute("select market, country_iso3, week_start, score, z from market_activity_weekly").df()
    expected = pandas_weekly(lake)
    _check(built, expected)
    assert duckdb_weekly(lake) == len(expected) > 100
