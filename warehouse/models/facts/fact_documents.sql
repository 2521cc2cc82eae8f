-- depends: sources
-- materialized: incremental
-- incremental_delete: doc_id in (select doc_id from _doc_scope)
-- One row per document as of the build date (its latest crawl), with its ISO week, its source's grade, and the original it copies. A document's time is published_at, or fetched_at when the page gave no date; documents dated after the build date are left out. near_dup_of chains are followed to their first document (the root): a wire copy counts for its root's source only. Incremental: only the documents in _doc_scope are computed here, the previous build's other rows stay in the table, and their roots are read from _fact_documents_kept (both made by warehouse/incremental_facts.py; a full build scopes every document and keeps none).
-- col doc_id: document id (sha256 of the canonical URL)
-- col source_id: source that published it
-- col url: canonical URL
-- col title: title
-- col published_at: publication time (UTC); NULL when unknown
-- col fetched_at: fetch time (UTC)
-- col event_at: published_at, or fetched_at when published_at is NULL: the time every indicator uses
-- col week: ISO week of event_at, 'YYYY-Www'
-- col week_start: Monday of that ISO week
-- col month: 'YYYY-MM' of event_at
-- col reliability: grade of the document's source
-- col weight: reliability weight of the document's source
-- col near_dup_of: the document this one nearly duplicates, as recorded by the crawler
-- col root_doc_id: first document of the near-duplicate chain (itself when it is no copy)
-- col root_source_id: source of the root document
-- col root_reliability: grade of the root's source
-- col root_weight: reliability weight of the root's source: the weight the document adds to a score
-- col is_original: true when the document is its own root (not a copy)
-- col partition_date: the lake partition the row comes from
with recursive latest as (
    select doc_id, source_id, url, title, published_at, fetched_at, near_dup_of, partition_date,
           timezone('UTC', coalesce(published_at, fetched_at)) as event_at
    from documents
    where doc_id in (select doc_id from _doc_scope)
    -- source_id last: a page two sources fetched at the same instant still has one deterministic row
    qualify row_number() over (partition by doc_id order by partition_date desc, fetched_at desc, source_id) = 1
),
in_window as (
    select * from latest where event_at < getvariable('as_of')::DATE + interval 1 day
),
kept as (
    select doc_id, root_doc_id, source_id from _fact_documents_kept
),
chain(doc_id, root_doc_id, depth) as (
    -- walk down from documents that copy nothing known; a cycle is never reached from a root
    select doc_id, doc_id, 0 from in_window
    where near_dup_of is null or near_dup_of = doc_id
       or (near_dup_of not in (select doc_id from in_window) and near_dup_of not in (select doc_id from kept))
    union all
    -- or from a kept document, whose root is already known
    select d.doc_id, k.root_doc_id, 0 from in_window d join kept k on d.near_dup_of = k.doc_id
    where d.near_dup_of <> d.doc_id
    union all
    select d.doc_id, c.root_doc_id, c.depth + 1
    from in_window d join chain c on d.near_dup_of = c.doc_id
    where d.near_dup_of <> d.doc_id and c.depth < 50
),
roots as (
    select doc_id, min(root_doc_id) as root_doc_id from chain group by doc_id
),
known as (
    select doc_id, source_id from in_window union all select doc_id, source_id from kept
),
computed as (
    select d.doc_id, d.source_id, d.url, d.title,
           timezone('UTC', d.published_at) as published_at, timezone('UTC', d.fetched_at) as fetched_at,
           d.event_at, strftime(d.event_at, '%G-W%V') as week,
           date_trunc('week', d.event_at)::DATE as week_start, strftime(d.event_at, '%Y-%m') as month,
           s.reliability, s.reliability_weight as weight, d.near_dup_of,
           coalesce(r.root_doc_id, d.doc_id) as root_doc_id,
           coalesce(rd.source_id, d.source_id) as root_source_id,
           coalesce(rs.reliability, s.reliability) as root_reliability,
           coalesce(rs.reliability_weight, s.reliability_weight) as root_weight,
           coalesce(r.root_doc_id, d.doc_id) = d.doc_id as is_original,
           d.partition_date
    from in_window d
    join sources s on s.source_id = d.source_id
    left join roots r on r.doc_id = d.doc_id
    left join known rd on rd.doc_id = r.root_doc_id
    left join sources rs on rs.source_id = rd.source_id
)
select * from computed
