-- depends: fact_doc_market_country, fact_documents
-- materialized: incremental
-- incremental_delete: month in (select month from _touched_months)
-- Text activity per criminal market, country and month that had any: the text side of market_signals. Incremental like fact_market_weeks, by month (_touched_months).
-- col market: criminal market
-- col country_iso3: country
-- col month: 'YYYY-MM'
-- col documents: documents counting for the market and country that month
-- col score: sum over distinct originals of their source's reliability weight
with counted as (
    select f.market, f.country_iso3, d.month, d.root_doc_id, d.root_weight
    from fact_doc_market_country f join fact_documents d using (doc_id)
    where d.month in (select month from _touched_months)
),
text_months as (
    select market, country_iso3, month, count(*) as documents  -- one row a document
    from counted group by all
),
text_scores as (
    select market, country_iso3, month, sum(root_weight::DECIMAL(18, 6))::DOUBLE as score  -- exact: order-free
    from (select distinct market, country_iso3, month, hash(root_doc_id), root_weight from counted)
    group by all
)
select m.market, m.country_iso3, m.month, m.documents::BIGINT as documents, s.score
from text_months m
join text_scores s using (market, country_iso3, month)
