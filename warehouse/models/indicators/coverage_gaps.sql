-- depends: source_weeks, country_week_gaps
-- One row per ISO week, registered source and country it covers, for weeks the source did not answer: silence there is not calm. country_iso3 is NULL for a source that covers every country. country_gap is true when no covering source answered that week (the week is a gap in market_activity_weekly).
-- col week: ISO week 'YYYY-Www'
-- col source_id: source that did not answer
-- col country_iso3: country the source covers; NULL = every country
-- col reason: 'crawl_failed (kind:count,...)' or 'not_crawled'
-- col week_start: Monday of the week
-- col country_gap: true when every source covering the country was silent that week
with silent as (
    select w.week, w.week_start, w.source_id, s.countries,
           case when w.status = 'failed' then 'crawl_failed (' || coalesce(w.error_kinds, '') || ')'
                else 'not_crawled' end as reason
    from source_weeks w join sources s using (source_id)
    where w.status <> 'ok'
),
expanded as (
    select week, week_start, source_id, unnest(countries) as country_iso3, reason
    from silent where len(countries) > 0
    union all
    select week, week_start, source_id, NULL, reason from silent where len(countries) = 0
)
select e.week, e.source_id, e.country_iso3, e.reason, e.week_start,
       g.country_iso3 is not null as country_gap
from expanded e
left join country_week_gaps g using (country_iso3, week_start)
order by e.week_start, e.source_id, e.country_iso3
