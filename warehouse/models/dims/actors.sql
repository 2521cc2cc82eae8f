-- depends: mentions_reviewed, links_reviewed, feedback_active
-- Actors: the reviewed list in reference/actors.csv, the actors analysts added through feedback (reference/actors_feedback.csv once curated, and promotions not yet curated), then actors the NLP found but the list does not hold ('unknown:<name>', no type).
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
curated as (
    -- added through feedback and curated into reference/actors_feedback.csv
    select actor_id, name, nullif(actor_type, '') as actor_type,
           nullif(country_iso3, '') as country_iso3, aliases, kind, true as is_known
    from ref_actors_feedback where actor_id not in (select actor_id from ref_actors)
),
promoted as (
    -- promoted by an analyst since the last curation: known from the next build on
    select into_actor_id as actor_id, name, nullif(actor_type, '') as actor_type,
           nullif(country_iso3, '') as country_iso3, aliases, 'feedback' as kind, true as is_known
    from feedback_active
    where kind = 'promote_actor' and into_actor_id not in (select actor_id from ref_actors)
      and into_actor_id not in (select actor_id from curated)
),
reviewed as (
    select * from known union all select * from curated union all select * from promoted
),
seen as (
    -- mode(x order by x): the most frequent value, ties to the first in order, whatever order
    -- the rows are stored in (an incremental build stores them in another order than a full one)
    select entity_id as actor_id, mode(surface order by surface) as name,
           mode(actor_type order by actor_type) as actor_type,
           mode(country_iso3 order by country_iso3) as country_iso3, NULL::VARCHAR as aliases,
           NULL::VARCHAR as kind, false as is_known
    from mentions_reviewed
    where kind = 'actor' and entity_id is not null
      and entity_id not in (select actor_id from reviewed)
    group by entity_id
),
from_links as (
    -- links may name an actor that no mention row carries an id for
    select distinct actor_id, replace(actor_id, 'unknown:', '') as name, NULL::VARCHAR as actor_type,
           NULL::VARCHAR as country_iso3, NULL::VARCHAR as aliases, NULL::VARCHAR as kind,
           false as is_known
    from links_reviewed
    where actor_id is not null
      and actor_id not in (select actor_id from reviewed)
      and actor_id not in (select actor_id from seen)
)
select * from reviewed
union all select * from seen
union all select * from from_links
order by actor_id
