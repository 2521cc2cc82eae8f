-- Actors: the reviewed list in reference/actors.csv, then actors the NLP found but the list does not hold ('unknown:<name>', no type).
-- col actor_id: actor id, as in mentions.entity_id and links.actor_id
-- col name: display name (for unknown actors, the surface form seen most often)
-- col actor_type: GI-TOC actor type; NULL for unknown actors
-- col country_iso3: home country
-- col aliases: other names, ';'-separated
-- col kind: armed_group, criminal_network, company, ... from the reference file
-- col is_known: true when the actor is in the reviewed reference list
with known as (
    select actor_id, name, nullif(actor_type, '') as actor_type,
           nullif(country_iso3, '') as country_iso3, aliases, kind, true as is_known
    from ref_actors
),
seen as (
    -- mode(x order by x): the most frequent value, ties to the first in order, whatever order
    -- the rows are stored in (an incremental build stores them in another order than a full one)
    select entity_id as actor_id, mode(surface order by surface) as name,
           mode(actor_type order by actor_type) as actor_type,
           mode(country_iso3 order by country_iso3) as country_iso3, NULL::VARCHAR as aliases,
           NULL::VARCHAR as kind, false as is_known
    from mentions
    where kind = 'actor' and entity_id is not null
      and entity_id not in (select actor_id from known)
    group by entity_id
),
from_links as (
    -- links may name an actor that no mention row carries an id for
    select distinct actor_id, replace(actor_id, 'unknown:', '') as name, NULL::VARCHAR as actor_type,
           NULL::VARCHAR as country_iso3, NULL::VARCHAR as aliases, NULL::VARCHAR as kind,
           false as is_known
    from links
    where actor_id is not null
      and actor_id not in (select actor_id from known)
      and actor_id not in (select actor_id from seen)
)
select * from known
union all select * from seen
union all select * from from_links
order by actor_id
