"""The indexed copies the evidence and entity pages read agree with the warehouse itself."""

from __future__ import annotations

import pytest

from ocwatch.warehouse.query import connect_read_only
from ocwatch.warehouse.search_index import index_path
from ocwatch.web import lookup
from tests.support.web_sample import GOLD, SPIKE_WEEK


@pytest.fixture(scope="module")
def both(web_warehouse):
    con = connect_read_only(web_warehouse)  # the app holds the file open with these settings in this process
    yield con, index_path(web_warehouse)
    con.close()


def _rows(t, cols):
    return sorted(tuple(str(r[t.columns.index(c)]) for c in cols) for r in t.rows)


@pytest.mark.parametrize("where,params", [
    ({"market": GOLD, "country": "COD", "week": SPIKE_WEEK}, None),
    ({"indicator": "new_links", "actor": "m23"}, None),
])
def test_evidence_equals_the_warehouse_view(both, where, params):
    con, index = both
    got = lookup.evidence(index, where)
    cond = " and ".join(f"{ {'country': 'country_iso3', 'actor': 'actor_id'}.get(k, k)} = '{v}'" for k, v in where.items())
    if "indicator" not in where:
        cond += " and indicator = 'market_activity_weekly'"
    cur = con.execute(f"select doc_id, sent_idx, sentence, is_original::INT, in_country::INT from evidence where {cond}")
    want = sorted(tuple(str(v) for v in r) for r in cur.fetchall())
    assert want and _rows(got, ["doc_id", "sent_idx", "sentence", "is_original", "in_country"]) == want


def test_actor_mentions_and_links_equal_the_warehouse(both):
    con, index = both
    got = lookup.mention_evidence(index, "actor", "m23")
    want = con.execute("""select distinct m.doc_id, m.sent_idx, s.text from mentions m
                          join sentences s using (doc_id, sent_idx, partition_date)
                          where m.kind = 'actor' and m.entity_id = 'm23'""").fetchall()
    assert _rows(got, ["doc_id", "sent_idx", "sentence"]) == sorted(tuple(map(str, r)) for r in want)
    markets = lookup.entity_markets(index, "m23")
    want = con.execute("select market, count(distinct doc_id) from links_reviewed where actor_id = 'm23' and counts "
                       "group by 1").fetchall()
    assert _rows(markets, ["market", "documents"]) == sorted(tuple(map(str, r)) for r in want)


def test_admin1_activity_counts_the_weeks_documents_against_the_weeks_before(both):
    _con, index = both
    got = lookup.admin1_week(index, "2026-11-09")  # Monday of 2026-W46
    assert got.rows == [(GOLD, "COD", "CD-NK", 1, 0.0)]
    earlier = lookup.admin1_week(index, "2026-10-05")  # 2026-W41: the arms link of W40 is before it
    assert earlier.rows == []
    later = lookup.admin1_week(index, "2026-09-28")  # 2026-W40 itself
    assert later.rows == [("arms_trafficking", "COD", "CD-NK", 1, 0.0)]


def test_a_markets_actors_and_a_sources_documents_equal_the_warehouse(both):
    con, index = both
    for market in (GOLD, "arms_trafficking"):
        want = con.execute("""select l.actor_id, count(distinct l.doc_id) from links_reviewed l
                              join fact_extractions x using (doc_id, partition_date)
                              where l.market = ? and l.actor_id is not null and l.counts group by 1""",
                           [market]).fetchall()
        assert want and _rows(lookup.market_actors(index, market), ["actor_id", "documents"]) == sorted(
            tuple(map(str, r)) for r in want)
    got = lookup.source_documents(index, "sb")
    want = con.execute("select doc_id from fact_documents where source_id = 'sb'").fetchall()
    assert sorted(r[1] for r in got.rows) == sorted(r[0] for r in want)
    assert [r[0] for r in got.rows] == sorted((r[0] for r in got.rows), reverse=True)  # newest first


def test_a_link_that_does_not_count_makes_no_actors_market_or_place_on_the_workbench(both):
    con, index = both
    # the sample's LRA ivory link is in the lake, set aside by the confidence model (0.05)
    assert con.execute("select counts from links_reviewed where actor_id = 'lra'").fetchall() == [(False,)]
    assert lookup.entity_markets(index, "lra").rows == []
    assert lookup.actor_places(index, "lra").rows == []
    assert all(r[0] != "lra" for r in lookup.market_actors(index, "fauna_crimes").rows)


# The filtered trend's rules written once more, in DuckDB over the warehouse's facts: the oracle.
_TREND_ORACLE = """
    with docs as (
      select m.market, m.country_iso3, f.week, f.week_start, f.root_doc_id, f.root_weight, f.root_source_id, f.doc_id
      from fact_doc_market_country m join fact_documents f using (doc_id) where m.market = ? and {cond}),
    weekly as (
      select market, country_iso3, week_start, count(distinct doc_id) documents,
             count(distinct root_source_id) independent_sources,
             (select sum(w) from (select distinct d2.root_doc_id, d2.root_weight w from docs d2
                where d2.country_iso3 = docs.country_iso3 and d2.week_start = docs.week_start)) score
      from docs group by market, country_iso3, week_start),
    based as (
      select *, avg(score) over w mean, stddev_samp(score) over w std, count(*) over w n
      from weekly window w as (partition by market, country_iso3 order by week_start
                               range between interval 84 day preceding and interval 1 day preceding))
    select country_iso3, week_start::VARCHAR, documents, independent_sources, round(score, 6), round(mean, 6),
           round(std, 6), round(case when n >= 4 then (score - mean) / greatest(coalesce(std, 0), 0.5) end, 6)
    from based order by country_iso3, week_start"""


@pytest.mark.parametrize("filters,cond", [
    ({"source": "sa"}, "f.source_id = 'sa'"),
    ({"grade": "B"}, "f.root_reliability = 'B'"),
    ({"language": "en", "country": "COD"}, "m.country_iso3 = 'COD' and f.doc_id in "
                                           "(select doc_id from documents where language = 'en')"),
])
def test_a_filtered_trend_follows_the_indicators_rules(both, filters, cond):
    from ocwatch.web.lookup_trends import filtered_series

    con, index = both
    want = con.execute(_TREND_ORACLE.format(cond=cond), [GOLD]).fetchall()
    got = filtered_series(index, {"market": GOLD, **filters}).dicts()
    r6 = lambda v: None if v is None else round(v, 6)  # noqa: E731
    assert want and [(r["country_iso3"], r["week_start"].isoformat(), r["documents"], r["independent_sources"],
                      r6(r["score"]), r6(r["baseline_mean"]), r6(r["baseline_std"]), r6(r["z"])) for r in got] == want
