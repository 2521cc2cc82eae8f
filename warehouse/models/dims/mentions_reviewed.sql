-- depends: feedback_active, feedback_actor_map, feedback_place_map
-- materialized: view
-- The mentions with analysts' feedback applied, what every model reads instead of the lake's mentions: a mention marked wrong is left out; an actor merged or promoted counts under its new id; a place corrected takes the right place's id and country (its coordinates become NULL). found_entity_id keeps the id as extracted. A view: the feedback tables are small, and the facts filter it by document.
-- col doc_id: document of the mention
-- col sent_idx: sentence index
-- col start_char: character offset in documents.text
-- col end_char: end offset (exclusive)
-- col surface: the text as written
-- col kind: actor, commodity or location
-- col entity_id: taxonomy id after feedback
-- col market: criminal market (commodities and activities)
-- col actor_type: GI-TOC actor type (after a merge or promotion: the known actor's)
-- col country_iso3: ISO3 country of a place (after a correction: the right place's), or an actor's home country
-- col admin1: first-level division of a place
-- col lat: latitude of a place; NULL for a corrected place
-- col lon: longitude of a place; NULL for a corrected place
-- col method: how it was found
-- col status: assertion status: asserted, negated, hypothetical, historical or disputed
-- col model_version: pipeline that produced it
-- col partition_date: lake partition of the mention
-- col found_entity_id: entity id as extracted, before feedback
with fixed as (
    select m.*, am.from_id is not null as actor_mapped, am.to_id, am.actor_type as to_actor_type,
           am.country_iso3 as to_country_iso3,
           coalesce(pd.place_id, pa.place_id) is not null as place_fixed,
           coalesce(pd.right_place_id, pa.right_place_id) as right_place_id,
           case when pd.place_id is not null then pd.country_iso3 else pa.country_iso3 end as right_country_iso3,
           case when pd.place_id is not null then pd.admin1 else pa.admin1 end as right_admin1
    from mentions m
    left join feedback_actor_map am on m.kind = 'actor' and am.from_id = m.entity_id
    left join feedback_place_map pd on m.kind = 'location' and pd.doc_id = m.doc_id and pd.place_id = m.entity_id
    left join feedback_place_map pa on m.kind = 'location' and pa.doc_id is null and pa.place_id = m.entity_id
    where not exists (
        select 1 from feedback_active w
        where w.kind = 'mark_mention' and w.verdict = 'wrong' and w.doc_id = m.doc_id
          and w.sent_idx = m.sent_idx and w.entity_id = m.entity_id)
)
-- every column of the lake's mentions (those added later too), the feedback ones replaced
select * exclude (actor_mapped, to_id, to_actor_type, to_country_iso3, place_fixed, right_place_id,
                  right_country_iso3, right_admin1)
         replace (
       case when actor_mapped then to_id when place_fixed then right_place_id else entity_id end as entity_id,
       case when actor_mapped then to_actor_type else actor_type end as actor_type,
       case when actor_mapped then coalesce(to_country_iso3, country_iso3)
            when place_fixed then right_country_iso3 else country_iso3 end as country_iso3,
       case when place_fixed then right_admin1 else admin1 end as admin1,
       case when place_fixed then NULL else lat end as lat,
       case when place_fixed then NULL else lon end as lon),
       entity_id as found_entity_id
from fixed
