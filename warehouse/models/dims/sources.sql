-- Sources: the registry passed to the build, with the weight of their Admiralty reliability grade; sources seen in the lake but no longer registered get grade F.
-- col source_id: source id from the registry (sources.yaml)
-- col name: source name
-- col kind: feed, sitemap, listing or document (comtrade for trade pulls)
-- col url: entry URL
-- col language: declared language
-- col reliability: Admiralty source-reliability grade A (completely reliable) to F (cannot be judged)
-- col reliability_weight: A=1.0, B=0.8, C=0.6, D=0.4, E=0.3, F=0.2: the weight of one document in the activity score
-- col countries: ISO3 countries the source covers; empty list = covers every country
-- col registered: true when the source is in the current registry
with weights(grade, weight) as (
    values ('A', 1.0), ('B', 0.8), ('C', 0.6), ('D', 0.4), ('E', 0.3), ('F', 0.2)
),
registered as (
    select source_id, name, kind, url, language,
           case when reliability in ('A', 'B', 'C', 'D', 'E', 'F') then reliability else 'F' end as reliability,
           coalesce(countries, []::VARCHAR[]) as countries, true as registered
    from ref_sources
    qualify row_number() over (partition by source_id order by name) = 1
),
unregistered as (
    select distinct source_id, source_id as name, NULL::VARCHAR as kind, NULL::VARCHAR as url,
           NULL::VARCHAR as language, 'F' as reliability, []::VARCHAR[] as countries,
           false as registered
    from (select source_id from documents union select source_id from crawl_log)
    where source_id not in (select source_id from registered)
),
all_sources as (
    select * from registered union all select * from unregistered
)
select s.source_id, s.name, s.kind, s.url, s.language, s.reliability,
       w.weight::DOUBLE as reliability_weight, s.countries, s.registered
from all_sources s
join weights w on w.grade = s.reliability
order by s.source_id
