-- depends: feedback_active
-- Actor ids analysts replaced: an unknown actor merged into a known one, or promoted to a new actor. Mentions and links of from_id count under to_id (mentions_reviewed, links_reviewed).
-- col from_id: the actor id as extracted ('unknown:<name>')
-- col to_id: the actor it counts as
-- col actor_type: GI-TOC type of to_id (from the promotion, or the reference lists)
-- col country_iso3: home country of to_id
with reference as (
    select actor_id, nullif(actor_type, '') as actor_type, nullif(country_iso3, '') as country_iso3
    from ref_actors
    union all
    select actor_id, nullif(actor_type, '') as actor_type, nullif(country_iso3, '') as country_iso3
    from ref_actors_feedback where actor_id not in (select actor_id from ref_actors)
    union all
    -- merged into an actor promoted since the last curation
    select into_actor_id, actor_type, country_iso3 from feedback_active
    where kind = 'promote_actor' and into_actor_id not in (select actor_id from ref_actors)
      and into_actor_id not in (select actor_id from ref_actors_feedback)
)
select f.actor_id as from_id, f.into_actor_id as to_id,
       coalesce(nullif(f.actor_type, ''), r.actor_type) as actor_type,
       coalesce(nullif(f.country_iso3, ''), r.country_iso3) as country_iso3
from feedback_active f
left join reference r on r.actor_id = f.into_actor_id
where f.kind in ('merge_actor', 'promote_actor') and f.actor_id is not null
  and f.actor_id <> f.into_actor_id
