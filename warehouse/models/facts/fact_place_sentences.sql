-- depends: fact_extractions, mentions_reviewed
-- materialized: incremental
-- incremental_delete: doc_id in (select doc_id from _doc_scope)
-- One row per sentence and country of a place it names (the document's current extraction only). Incremental: only the documents in _doc_scope are computed; the previous build's rows of the others stay (warehouse/incremental_facts.py).
-- col doc_id: document id
-- col sent_idx: sentence index
-- col country_iso3: country of a place named in the sentence
select m.doc_id, m.sent_idx, m.country_iso3
from (select distinct doc_id, partition_date, sent_idx, country_iso3 from mentions_reviewed
      where kind = 'location' and country_iso3 is not null
        and doc_id in (select doc_id from _doc_scope)) m
join fact_extractions e using (doc_id, partition_date)
