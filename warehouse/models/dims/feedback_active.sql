-- Analysts' feedback in force (ocwatch.feedback; the log loaded as feedback_acts): every act not undone and not replaced by a later act on the same target (a link marked wrong, then right, is right). Undo acts themselves are left out.
-- col act_id: id of the act
-- col kind: mark_mention, mark_link, merge_actor, promote_actor, correct_place, propose_grade or review_grade
-- col target: what the act is about; a later act on the same target replaces an earlier one
-- col who: the analyst
-- col at: when the act was recorded (UTC)
-- col why: the analyst's reason
-- col verdict: mark_mention, mark_link: right or wrong; review_grade: accepted or rejected
-- col doc_id: document of the mention or link; correct_place: the document (NULL: every document)
-- col sent_idx: sentence of the mention or link
-- col entity_id: mark_mention: the mention's entity id as extracted
-- col actor_id: mark_link: the link's actor; merge_actor, promote_actor: the unknown actor
-- col market: mark_link: the link's market
-- col place_id: mark_link: the link's place; correct_place: the wrong place
-- col into_actor_id: merge_actor: the known actor; promote_actor: the new actor's id
-- col name: promote_actor: the new actor's name; correct_place: the place's name as written (a new place's name)
-- col actor_type: promote_actor: GI-TOC actor type
-- col aliases: promote_actor: other names, ';'-separated
-- col country_iso3: promote_actor: home country; correct_place: country of the right place
-- col admin1: correct_place: first-level division of the right place
-- col right_place_id: correct_place: the right place
-- col lat: correct_place to a new place: its latitude
-- col lon: correct_place to a new place: its longitude
-- col place_kind: correct_place to a new place: town, mine_site, border_post, port or protected_area
-- col source_id: propose_grade: the source
-- col grade: propose_grade: the proposed Admiralty grade (a proposal: sources.yaml is changed by review)
with undone as (
    select target_act_id as act_id from feedback_acts where kind = 'undo' and target_act_id is not null
),
live as (
    select *,
           case kind
               when 'mark_mention' then concat_ws('|', 'mention', doc_id, sent_idx, entity_id)
               when 'mark_link' then concat_ws('|', 'link', doc_id, sent_idx, coalesce(actor_id, ''), market, place_id)
               when 'merge_actor' then 'actor|' || actor_id
               when 'promote_actor' then 'actor|' || coalesce(actor_id, 'new:' || into_actor_id)
               when 'correct_place' then concat_ws('|', 'place', coalesce(doc_id, '*'), place_id)
               when 'propose_grade' then 'grade|' || source_id
               when 'review_grade' then 'review|' || target_act_id
           end as target
    from feedback_acts
    where kind <> 'undo' and act_id not in (select act_id from undone)
)
select act_id, kind, target, who, "at", why, verdict, doc_id, sent_idx, entity_id, actor_id, market,
       place_id, into_actor_id, name, actor_type, aliases, country_iso3, admin1, right_place_id,
       lat, lon, place_kind, source_id, grade
from live
qualify row_number() over (partition by target order by "at" desc, act_id desc) = 1
order by "at", act_id
