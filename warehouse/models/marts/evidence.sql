-- depends: market_activity_weekly, new_links, fact_doc_market_country
-- The documents and sentences behind every indicator row, so any figure opens down to its sentences. For a market_activity_weekly row: every sentence mentioning the market in every document counted for it. For a new_links row: every sentence tying the actor, market and place in the week it was first seen.
-- col indicator: market_activity_weekly or new_links
-- col market: criminal market of the indicator row
-- col country_iso3: country of the indicator row
-- col week: ISO week of the indicator row
-- col doc_id: document
-- col sent_idx: sentence index in the document
-- col url: document URL
-- col title: document title
-- col source_id: document's source
-- col reliability: source's grade
-- col published_at: publication time (UTC); NULL when the page gave none
-- col sentence: the sentence
-- col actor_id: for new_links rows, the actor; else NULL
-- col place_id: for new_links rows, the place; else NULL
-- col is_original: false when the document is a near-duplicate copy (it adds nothing to the score)
-- col in_country: true when the sentence itself names a place in the country
with m as (
    select m.* from mentions m join fact_extractions e using (doc_id, partition_date)
),
market_sents as (
    select distinct doc_id, sent_idx, market from m where market is not null
),
country_sents as (
    select distinct doc_id, sent_idx, country_iso3 from m
    where kind = 'location' and country_iso3 is not null
),
sents as (
    select s.doc_id, s.sent_idx, s.text
    from sentences s join fact_extractions e using (doc_id, partition_date)
),
activity as (
    select 'market_activity_weekly' as indicator, f.market, f.country_iso3, f.week, f.doc_id,
           ms.sent_idx, NULL::VARCHAR as actor_id, NULL::VARCHAR as place_id, f.is_original,
           cs.doc_id is not null as in_country
    from fact_doc_market_country f
    join market_sents ms on ms.doc_id = f.doc_id and ms.market = f.market
    left join country_sents cs on cs.doc_id = f.doc_id and cs.sent_idx = ms.sent_idx
         and cs.country_iso3 = f.country_iso3
),
link_rows as (
    select distinct 'new_links' as indicator, n.market, n.country_iso3, n.week, l.doc_id,
           l.sent_idx, n.actor_id, n.place_id, d.is_original, true as in_country
    from new_links n
    join links l on l.actor_id = n.actor_id and l.market = n.market and l.place_id = n.place_id
    join fact_extractions e on e.doc_id = l.doc_id and e.partition_date = l.partition_date
    join fact_documents d on d.doc_id = l.doc_id and d.week_start = n.week_start
),
rows as (
    select * from activity union all select * from link_rows
)
select r.indicator, r.market, r.country_iso3, r.week, r.doc_id, r.sent_idx, d.url, d.title,
       d.source_id, d.reliability, d.published_at, s.text as sentence, r.actor_id, r.place_id,
       r.is_original, r.in_country
from rows r
join fact_documents d using (doc_id)
left join sents s on s.doc_id = r.doc_id and s.sent_idx = r.sent_idx
