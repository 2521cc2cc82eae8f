-- depends: fact_documents, fact_extractions, fact_located_sentences, mentions_reviewed
-- materialized: incremental
-- incremental_delete: doc_id in (select doc_id from _doc_scope)
-- One row per document, market and country the document counts for: a sentence of it places the market's activity in the country (fact_located_sentences), not merely a place named anywhere in the document. Kept narrow (join fact_documents for the document's week, source and original): at ten million mentions, storing the document's attributes on every row would cost more than joining them back. Incremental: only the documents in _doc_scope are computed; the previous build's rows of the others stay (warehouse/incremental_facts.py).
-- col doc_id: document id
-- col market: criminal market
-- col country_iso3: country
-- col mentions: mentions of that market in the document
with market_mentions as (
    -- aggregate before joining: the joins then run on a fraction of the mention rows
    select doc_id, partition_date, market, count(*) as mentions
    from mentions_reviewed where market is not null and doc_id in (select doc_id from _doc_scope)
      and coalesce(status, 'asserted') = 'asserted'  -- a negated or hypothetical mention counts for nothing
    group by all
),
located as (
    select distinct doc_id, partition_date, market, country_iso3 from fact_located_sentences
    where doc_id in (select doc_id from _doc_scope)
)
select mm.doc_id, mm.market, l.country_iso3, mm.mentions
from market_mentions mm
join fact_extractions e using (doc_id, partition_date)
join located l using (doc_id, partition_date, market)
where mm.doc_id in (select doc_id from fact_documents)
