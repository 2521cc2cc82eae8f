-- depends: fact_doc_market_country, fact_documents, fact_located_sentences, fact_place_sentences, new_link_evidence
-- materialized: view
-- The documents and sentences behind every indicator row, so any figure opens down to its sentences. A view: its rows are joined from narrow fact tables when read (a filter on market, country and week is pushed into them), because storing the sentence text on every row costs more at build time than the join costs per query. For a market_activity_weekly row: the sentences that placed the market's activity in the country, in every document counted for it. For a new_links row: every sentence tying the actor, market and place in the week it was first seen.
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
with activity as (
    select 'market_activity_weekly' as indicator, f.market, f.country_iso3, d.week, f.doc_id,
           ms.sent_idx, NULL::VARCHAR as actor_id, NULL::VARCHAR as place_id,
           ms.partition_date
    from fact_doc_market_country f
    join fact_documents d using (doc_id)
    -- the sentences that located the activity in the country, not every sentence naming the market
    join fact_located_sentences ms on ms.doc_id = f.doc_id and ms.market = f.market
         and ms.country_iso3 = f.country_iso3
),
links as (
    select 'new_links' as indicator, market, country_iso3, week, doc_id, sent_idx, actor_id,
           place_id, partition_date
    from new_link_evidence
),
keyed as (
    select * from activity union all select * from links
)
select k.indicator, k.market, k.country_iso3, k.week, k.doc_id, k.sent_idx, d.url, d.title,
       d.source_id, d.reliability, d.published_at, s.text as sentence, k.actor_id, k.place_id,
       d.is_original,
       k.indicator = 'new_links' or exists (
           select 1 from fact_place_sentences p
           where p.doc_id = k.doc_id and p.sent_idx = k.sent_idx
             and p.country_iso3 = k.country_iso3) as in_country
from keyed k
join fact_documents d using (doc_id)
left join sentences s on s.doc_id = k.doc_id and s.sent_idx = k.sent_idx
     and s.partition_date = k.partition_date
