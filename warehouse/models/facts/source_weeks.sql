-- depends: coverage
-- One row per registered source and ISO week of the span it was meant to be crawled, plus any other week it was crawled: did the source answer that week? 'ok' = at least one document kept or one 304; 'failed' = crawled but nothing answered; 'not_crawled' = no request logged that week. The span runs from the source's first scheduled night up to the build date's week. A scheduled night is one crawled on its own date (within 3 days: a catch-up); a past date crawled later is a backfill, which adds its own week but never moves where the schedule began, so the weeks between a backfilled date and the schedule are not gaps. A source no night of which was crawled on time (the demo, a history loaded after the fact) is scheduled from its latest night. What it published before was backfilled by its first crawl, not missed.
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
nights as (
    select partition_date as date, source_id,
           min(fetched_at) < partition_date + interval 3 day as on_time
    from crawl_log group by partition_date, source_id
),
spans as (
    select n.source_id,
           date_trunc('week', coalesce(min(n.date) filter (where n.on_time), max(n.date)))::DATE as first_week
    from sources s join nights n using (source_id)
    where s.registered
    group by n.source_id
),
grid as (
    select source_id, unnest(generate_series(first_week,
           date_trunc('week', getvariable('as_of')::DATE)::DATE, interval 7 day))::DATE as week_start
    from spans
    union
    select w.source_id, w.week_start
    from weekly w join spans using (source_id)
    where w.week_start <= date_trunc('week', getvariable('as_of')::DATE)::DATE
)
select g.source_id, strftime(g.week_start, '%G-W%V') as week, g.week_start,
       case when w.source_id is null then 'not_crawled'
            when w.ok + w.not_modified > 0 then 'ok'
            else 'failed' end as status,
       coalesce(w.requests, 0) as requests, coalesce(w.failed, 0) as failed, w.error_kinds
from grid g
left join weekly w using (source_id, week_start)
order by g.source_id, g.week_start
