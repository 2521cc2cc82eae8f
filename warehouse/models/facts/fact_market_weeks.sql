-- depends: fact_doc_market_country, fact_documents
-- materialized: incremental
-- incremental_delete: week_start in (select week_start from _touched_weeks)
-- Text activity per criminal market, country and ISO week that had any: the observed side of market_activity_weekly, which adds the empty weeks, gaps and baselines. Incremental: only the weeks holding a document the build touched (before or after) are computed again (_touched_weeks, warehouse/incremental_facts.py); every other week's documents are the same, so its row is too.
-- col market: criminal market
-- col country_iso3: country
-- col week_start: Monday of the ISO week
-- col documents: documents counting for the market and country that week
-- col mentions: market mentions in them
-- col sources: distinct sources of those documents
-- col independent_sources: distinct sources of their originals (a wire copy counts for its root's source)
-- col score: sum over distinct originals of their source's reliability weight
-- col reliability_grades: the originals' grades, comma-separated
with counted as (
    select f.market, f.country_iso3, f.mentions, d.source_id, d.week_start,
           d.root_doc_id, d.root_source_id, d.root_weight, d.root_reliability
    from fact_doc_market_country f join fact_documents d using (doc_id)
    where d.week_start in (select week_start from _touched_weeks)
),
observed as (
    -- a fact row is one (document, market, country): count(*) counts distinct documents
    select market, country_iso3, week_start, count(*) as documents,
           sum(mentions)::BIGINT as mentions, count(distinct source_id) as sources,
           count(distinct root_source_id) as independent_sources
    from counted
    group by all
),
originals as (
    -- distinct on the 64-bit hash of the root id: the same set, far cheaper than on the text
    select distinct market, country_iso3, week_start, hash(root_doc_id) as root_key, root_weight,
           root_reliability
    from counted
),
scored as (
    -- summed as decimals: a sum of doubles depends on the order rows arrive in, and a flat
    -- baseline's standard deviation then came out 0 or 1e-17 from one build to the next
    select market, country_iso3, week_start, sum(root_weight::DECIMAL(18, 6))::DOUBLE as score,
           string_agg(distinct root_reliability, ',' order by root_reliability) as reliability_grades
    from originals group by all
)
select o.market, o.country_iso3, o.week_start, o.documents::BIGINT as documents, o.mentions,
       o.sources::BIGINT as sources, o.independent_sources::BIGINT as independent_sources,
       sc.score, sc.reliability_grades
from observed o
join scored sc using (market, country_iso3, week_start)
