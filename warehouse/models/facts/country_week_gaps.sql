-- depends: source_weeks, fact_doc_market_country
-- One row per country and ISO week in which no registered source covering the country answered: every covering source meant to be crawled that week (in its source_weeks span) failed or was not crawled. A source covers a country when its countries list holds it, or when the list is empty. A week no covering source was meant to crawl is no gap.
-- col country_iso3: country
-- col week_start: Monday of the gap week
-- col covering_sources: registered sources covering the country and meant to be crawled that week
-- col failed_sources: of those, how many failed (the rest were not crawled)
with countries as (
    select distinct country_iso3 from fact_doc_market_country
    union select distinct unnest(countries) from sources where registered
),
cover as (
    select c.country_iso3, s.source_id
    from countries c join sources s
      on s.registered and (len(s.countries) = 0 or list_contains(s.countries, c.country_iso3))
),
per_week as (
    -- only the sources meant to be crawled that week (a row in source_weeks) count: one
    -- added later, or a week only a backfill reached, cannot make or hide a gap
    select c.country_iso3, w.week_start, count(*) as n,
           count(*) filter (where w.status <> 'ok') as bad,
           count(*) filter (where w.status = 'failed') as failed
    from cover c join source_weeks w using (source_id)
    group by all
)
select country_iso3, week_start, n as covering_sources, failed as failed_sources
from per_week
where bad = n
order by country_iso3, week_start
