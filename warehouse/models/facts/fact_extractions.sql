-- depends: fact_documents
-- materialized: incremental
-- incremental_delete: doc_id in (select doc_id from _doc_scope)
-- The lake partition whose NLP output counts for each document: the latest one that holds mentions for it (a re-extracted document is not counted twice). Incremental: only the documents in _doc_scope are computed; the previous build's rows of the others stay (warehouse/incremental_facts.py).
-- col doc_id: document id
-- col partition_date: partition of mentions, sentences and links to use for it
select doc_id, max(partition_date) as partition_date
from mentions
where doc_id in (select doc_id from fact_documents) and doc_id in (select doc_id from _doc_scope)
group by doc_id
