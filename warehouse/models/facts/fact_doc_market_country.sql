-- depends: fact_documents, fact_extractions
-- One row per document, market and country the document counts for: it has a mention with that market, and a place mention in that country or a link with that country.
-- col doc_id: document id
-- col market: criminal market
-- col country_iso3: country
-- col mentions: mentions of that market in the document
-- col source_id: the document's source
-- col week: ISO week of the document
-- col week_start: Monday of that week
-- col month: 'YYYY-MM' of the document
-- col root_doc_id: original of a near-duplicate chain
-- col root_source_id: source of that original
-- col root_reliability: grade of the original's source
-- col root_weight: weight of the original's source
-- col is_original: false for a copy
with m as (
    select m.* from mentions m join fact_extractions e using (doc_id, partition_date)
),
l as (
    select l.* from links l join fact_extractions e using (doc_id, partition_date)
),
market_mentions as (
    select doc_id, market, count(*) as mentions
    from m where market is not null
    group by doc_id, market
),
doc_countries as (
    select doc_id, country_iso3 from m where kind = 'location' and country_iso3 is not null
    union
    select doc_id, country_iso3 from l where country_iso3 is not null
)
select mm.doc_id, mm.market, dc.country_iso3, mm.mentions, d.source_id, d.week, d.week_start,
       d.month, d.root_doc_id, d.root_source_id, d.root_reliability, d.root_weight, d.is_original
from market_mentions mm
join doc_countries dc using (doc_id)
join fact_documents d using (doc_id)
