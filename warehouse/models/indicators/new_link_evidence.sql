-- depends: new_links, fact_documents, fact_extractions, links_reviewed
-- Every sentence that ties a new link's actor, market and place in the week the link was first seen (the first evidence and the others of that week).
-- col week: ISO week the link was first seen
-- col actor_id: actor
-- col market: criminal market
-- col place_id: place
-- col country_iso3: country of the place
-- col doc_id: document
-- col sent_idx: sentence index
-- col partition_date: lake partition of the sentence
select distinct n.week, n.actor_id, n.market, n.place_id, n.country_iso3, l.doc_id, l.sent_idx,
       l.partition_date
from new_links n
join links_reviewed l on l.actor_id = n.actor_id and l.market = n.market and l.place_id = n.place_id
     and l.counts
join fact_extractions e on e.doc_id = l.doc_id and e.partition_date = l.partition_date
join fact_documents d on d.doc_id = l.doc_id and d.week_start = n.week_start
