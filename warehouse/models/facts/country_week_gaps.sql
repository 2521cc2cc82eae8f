-- depends: source_weeks, fact_doc_market_country
-- One row per country and ISO week in which no registered source covering the country answered: every covering source failed or was not crawled that week. A source covers a country when its countries list holds it, or when the list is empty. Only weeks after the covering sources' first crawl can be gaps.
-- col country_iso3: country
-- col week_start: Monday of the gap week
-- col covering_sources: registered sources covering the country
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
    select c.country_iso3, w.week_start, count(*) as bad,
           count(*) filter (where w.status = 'failed') as failed
    from cover c join source_weeks w using (source_id)
    where w.status <> 'ok'
    group by all
),
n_cover as (
    select country_iso3, count(*) as n from cover group by all
)
select p.country_iso3, p.week_start, n.n as covering_sources, p.failed as failed_sources
from per_week p join n_cover n using (country_iso3)
where p.bad = n.n
order by p.country_iso3, p.week_start
