-- One row per run date and source: what the crawl asked and got, from crawl_log.
-- col date: run date (the crawl_log partition)
-- col source_id: source crawled
-- col requests: request outcomes logged
-- col ok: documents kept (error_kind NULL)
-- col failed: outcomes with an error other than not_modified or duplicate
-- col not_modified: conditional requests answered 304, and pages whose text the source had already given (duplicate): the source answered, nothing new
-- col error_kinds: failed outcomes by kind, 'kind:count' comma-separated, most frequent first
with kinds as (
    select partition_date, source_id, error_kind, count(*) as n
    from crawl_log where error_kind is not null and error_kind not in ('not_modified', 'duplicate')
    group by all
),
kind_list as (
    select partition_date, source_id,
           string_agg(error_kind || ':' || n, ',' order by n desc, error_kind) as error_kinds
    from kinds group by all
)
select c.partition_date as date, c.source_id, count(*) as requests,
       count(*) filter (where c.error_kind is null) as ok,
       count(*) filter (where c.error_kind is not null and c.error_kind not in ('not_modified', 'duplicate')) as failed,
       count(*) filter (where c.error_kind in ('not_modified', 'duplicate')) as not_modified,
       any_value(k.error_kinds) as error_kinds
from crawl_log c
left join kind_list k using (partition_date, source_id)
group by c.partition_date, c.source_id
order by date, source_id
