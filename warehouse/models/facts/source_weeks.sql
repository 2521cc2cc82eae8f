-- depends: coverage
-- One row per registered source and ISO week, from the week of its first crawl up to the build date's week: did the source answer that week? 'ok' = at least one document kept or one 304; 'failed' = crawled but nothing answered; 'not_crawled' = no request logged that week. Weeks before a source's first crawl are not here: what it published then was backfilled by the first crawl, not missed.
-- col source_id: registered source
-- col week: ISO week 'YYYY-Www'
-- col week_start: Monday of the week
-- col status: ok, failed or not_crawled
-- col requests: requests logged that week
-- col failed: failed outcomes that week
-- col error_kinds: failed outcomes by kind ('kind:count', comma-separated)
with weekly as (
    select source_id, date_trunc('week', date)::DATE as week_start, sum(requests) as requests,
           sum(ok) as ok, sum(not_modified) as not_modified, sum(failed) as failed,
           string_agg(error_kinds, ',' order by date) as error_kinds
    from coverage group by all
),
spans as (
    select s.source_id, min(w.week_start) as first_week
    from sources s join weekly w using (source_id)
    where s.registered
    group by s.source_id
),
grid as (
    select source_id, unnest(generate_series(first_week,
           date_trunc('week', getvariable('as_of')::DATE)::DATE, interval 7 day))::DATE as week_start
    from spans
)
select g.source_id, strftime(g.week_start, '%G-W%V') as week, g.week_start,
       case when w.source_id is null then 'not_crawled'
            when w.ok + w.not_modified > 0 then 'ok'
            else 'failed' end as status,
       coalesce(w.requests, 0) as requests, coalesce(w.failed, 0) as failed, w.error_kinds
from grid g
left join weekly w using (source_id, week_start)
order by g.source_id, g.week_start
