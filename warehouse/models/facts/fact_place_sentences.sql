-- depends: fact_extractions
-- One row per sentence and country of a place it names (the document's current extraction only).
-- col doc_id: document id
-- col sent_idx: sentence index
-- col country_iso3: country of a place named in the sentence
select m.doc_id, m.sent_idx, m.country_iso3
from (select distinct doc_id, partition_date, sent_idx, country_iso3 from mentions
      where kind = 'location' and country_iso3 is not null) m
join fact_extractions e using (doc_id, partition_date)
