-- depends: fact_extractions, mentions_reviewed
-- materialized: incremental
-- incremental_delete: doc_id in (select doc_id from _doc_scope)
-- One row per sentence and market it mentions as asserted (not negated, hypothetical, historical or disputed) (the document's current extraction only): the sentences the evidence of market_activity_weekly is made of. Incremental: only the documents in _doc_scope are computed; the previous build's rows of the others stay (warehouse/incremental_facts.py).
-- col doc_id: document id
-- col sent_idx: sentence index
-- col market: criminal market mentioned in the sentence
-- col partition_date: lake partition of the sentence
select m.doc_id, m.sent_idx, m.market, m.partition_date
from (select distinct doc_id, partition_date, sent_idx, market from mentions_reviewed
      where market is not null and doc_id in (select doc_id from _doc_scope)
        and coalesce(status, 'asserted') = 'asserted') m
join fact_extractions e using (doc_id, partition_date)
