-- depends: mentions_reviewed, links_reviewed, feedback_place_map
-- Places: the domain layer in reference/places_domain.csv (mine sites, border posts, ports; id 'domain:<id>') and the places analysts added through feedback (reference/places_feedback.csv once curated; before that, as the correction gave them), then every other place the NLP linked (geonames:, country:, admin1: ids).
-- col place_id: place id, as in mentions.entity_id (kind location) and links.place_id
-- col name: display name (for places from mentions, the surface form seen most often; ties: the first alphabetically)
-- col kind: mine_site, border_post, port... for domain places; else the id prefix: geonames, country, admin1
-- col country_iso3: ISO3 country
-- col admin1: first-level division (ISO 3166-2)
-- col lat: latitude
-- col lon: longitude
with domain as (
    select 'domain:' || place_id as place_id, name, kind, nullif(country_iso3, '') as country_iso3,
           nullif(admin1, '') as admin1, try_cast(lat as DOUBLE) as lat, try_cast(lon as DOUBLE) as lon
    from ref_places_domain
    union all
    -- added through feedback (a correction to a place no list held) and curated
    select 'domain:' || place_id, name, kind, nullif(country_iso3, ''), nullif(admin1, ''),
           try_cast(lat as DOUBLE), try_cast(lon as DOUBLE)
    from ref_places_feedback where place_id not in (select place_id from ref_places_domain)
),
corrected as (
    -- a new place a correction gave by coordinates, not yet curated (the first name, in id order)
    select right_place_id as place_id, min(name) as name, min(place_kind) as kind, min(country_iso3) as country_iso3,
           min(admin1) as admin1, min(lat) as lat, min(lon) as lon
    from feedback_place_map
    where lat is not null and right_place_id not in (select place_id from domain)
    group by right_place_id
),
seen as (
    -- mode(x order by x): the most frequent value, ties to the first in order, whatever order
    -- the rows are stored in (an incremental build stores them in another order than a full one)
    select entity_id as place_id, mode(surface order by surface) as name,
           split_part(entity_id, ':', 1) as kind, mode(country_iso3 order by country_iso3) as country_iso3,
           mode(admin1 order by admin1) as admin1,
           avg(lat) as lat, avg(lon) as lon
    from mentions_reviewed
    where kind = 'location' and entity_id is not null
      and entity_id not in (select place_id from domain) and entity_id not in (select place_id from corrected)
    group by entity_id
),
from_links as (
    select place_id, any_value(split_part(place_id, ':', -1)) as name,
           any_value(split_part(place_id, ':', 1)) as kind,
           mode(country_iso3 order by country_iso3) as country_iso3,
           mode(admin1 order by admin1) as admin1, NULL::DOUBLE as lat, NULL::DOUBLE as lon
    from links_reviewed
    where place_id not in (select place_id from domain) and place_id not in (select place_id from corrected)
      and place_id not in (select place_id from seen)
    group by place_id
)
select * from domain
union all select * from corrected
union all select * from seen
union all select * from from_links
order by place_id
