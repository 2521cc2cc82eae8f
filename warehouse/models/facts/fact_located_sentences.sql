-- depends: fact_extractions, mentions_reviewed, links_reviewed
-- materialized: incremental
-- incremental_delete: doc_id in (select doc_id from _doc_scope)
-- One row per sentence that places a market's activity in a country: a link that counts with that market and country (asserted, no actor or an actor taking part, trusted by the link-confidence model or marked right), or an asserted mention of the market in a sentence that names a place in the country, unless the link-confidence model set aside every reading of that market there. A document counts for a country only through these sentences (fact_doc_market_country), and they are the evidence shown for it: a document that names Uganda in passing while it reports extortion in Ituri does not count for Uganda. Incremental: only the documents in _doc_scope are computed; the previous build's rows of the others stay (warehouse/incremental_facts.py).
-- col doc_id: document id
-- col sent_idx: sentence index
-- col market: criminal market located by the sentence
-- col country_iso3: country the sentence locates it in
-- col partition_date: lake partition of the sentence
with market_mentions as (
    select distinct doc_id, partition_date, sent_idx, market from mentions_reviewed
    where market is not null and doc_id in (select doc_id from _doc_scope)
      and coalesce(status, 'asserted') = 'asserted'
),
places as (
    select distinct doc_id, partition_date, sent_idx, country_iso3 from mentions_reviewed
    where kind = 'location' and country_iso3 is not null and doc_id in (select doc_id from _doc_scope)
),
-- a sentence whose only readings of the market there were set aside by the link-confidence model: its
-- mentions do not bring back what the model took away
set_aside as (
    select doc_id, partition_date, sent_idx, market, country_iso3 from links_reviewed
    where country_iso3 is not null and doc_id in (select doc_id from _doc_scope)
    group by all having bool_or(set_aside) and not bool_or(counts)
),
by_mention as (
    select mm.doc_id, mm.partition_date, mm.sent_idx, mm.market, p.country_iso3
    from market_mentions mm join places p using (doc_id, partition_date, sent_idx)
    where not exists (select 1 from set_aside s
                      where s.doc_id = mm.doc_id and s.partition_date = mm.partition_date
                        and s.sent_idx = mm.sent_idx and s.market = mm.market and s.country_iso3 = p.country_iso3)
),
by_link as (
    select doc_id, partition_date, sent_idx, market, country_iso3 from links_reviewed
    where country_iso3 is not null and doc_id in (select doc_id from _doc_scope)
      and counts
),
located as (
    select * from by_mention union select * from by_link
)
select l.doc_id, l.sent_idx, l.market, l.country_iso3, l.partition_date
from located l
join fact_extractions e using (doc_id, partition_date)
