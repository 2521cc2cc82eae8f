-- depends: feedback_active, feedback_actor_map, feedback_place_map
-- materialized: view
-- The links with analysts' feedback applied, what every model reads instead of the lake's links: a link marked wrong is left out, and so is a link whose actor, place or commodity mention in that sentence was marked wrong; a merged or promoted actor takes its new id, a corrected place the right one. found_actor_id and found_place_id keep the ids as extracted. counts says whether indicators, new links and findings count the link: asserted, a participant or no actor, and a confidence at or above the link-confidence threshold (0.25, ocwatch.nlp.links.confidence.THRESHOLD) or marked right by an analyst.
-- col doc_id: document
-- col sent_idx: sentence index
-- col actor_id: actor after feedback; NULL when the sentence names none
-- col actor_surface: the actor's words the link was read from; NULL with no actor and in parts written before surfaces were kept
-- col market: criminal market
-- col commodity_id: commodity; NULL for an activity with no commodity
-- col place_id: place after feedback
-- col place_surface: the place's words the link was read from; NULL in parts written before surfaces were kept
-- col country_iso3: country of the place (after a correction: the right place's)
-- col admin1: first-level division of the place
-- col status: asserted, negated, hypothetical, historical or disputed
-- col role: the actor's part: participant, victim, enforcer, ...
-- col method: how actor and place were tied
-- col place_role: the place's part of the route
-- col partition_date: lake partition of the link
-- col found_actor_id: actor id as extracted
-- col found_place_id: place id as extracted
-- col confidence: the link-confidence model's probability that the text states the link; NULL before the model
-- col confidence_model: version of the link-confidence trees that gave the confidence; NULL before the model
-- col counts: true when indicators, new links and findings count the link
-- col set_aside: true when the link would count but the confidence model does not trust it (and no analyst marked it right): its sentence then locates no market activity through its mentions either
with mapped as (
    -- every column of the lake's links (those added later too), the feedback ones replaced
    select l.* replace (
               coalesce(am.to_id, l.actor_id) as actor_id,
               coalesce(pd.right_place_id, pa.right_place_id, l.place_id) as place_id,
               case when pd.place_id is not null then pd.country_iso3
                    when pa.place_id is not null then pa.country_iso3 else l.country_iso3 end as country_iso3,
               case when pd.place_id is not null then pd.admin1
                    when pa.place_id is not null then pa.admin1 else l.admin1 end as admin1),
           l.actor_id as found_actor_id, l.place_id as found_place_id
    from links l
    left join feedback_actor_map am on am.from_id = l.actor_id
    left join feedback_place_map pd on pd.doc_id = l.doc_id and pd.place_id = l.place_id
    left join feedback_place_map pa on pa.doc_id is null and pa.place_id = l.place_id
),
marked as (
    -- an analyst's verdicts on the link, read once; they may have seen it before or after a merge or a
    -- place correction
    select r.*, coalesce(v.marked_right, false) as marked_right, coalesce(v.marked_wrong, false) as marked_wrong
    from mapped r,
    lateral (
        select bool_or(w.verdict = 'right') as marked_right, bool_or(w.verdict = 'wrong') as marked_wrong
        from feedback_active w
        where w.kind = 'mark_link' and w.doc_id = r.doc_id and w.sent_idx = r.sent_idx and w.market = r.market
          and (w.actor_id is not distinct from r.actor_id or w.actor_id is not distinct from r.found_actor_id)
          and (w.place_id = r.place_id or w.place_id = r.found_place_id)) v
),
judged as (
    select r.*,
           coalesce(r.status, 'asserted') = 'asserted'
           and (r.actor_id is null or coalesce(r.role, 'participant') = 'participant') as asserted_part,
           -- the threshold is ocwatch.nlp.links.confidence.THRESHOLD (a test keeps the two equal)
           coalesce(r.confidence, 1.0) >= 0.25 or r.marked_right as trusted
    from marked r
)
select r.* exclude (asserted_part, trusted, marked_right, marked_wrong), r.asserted_part and r.trusted as counts,
       r.asserted_part and not r.trusted as set_aside
from judged r
where not r.marked_wrong
  and not exists (
    select 1 from feedback_active w
    where w.kind = 'mark_mention' and w.verdict = 'wrong' and w.doc_id = r.doc_id
      and w.sent_idx = r.sent_idx
      and (w.entity_id = r.found_actor_id or w.entity_id = r.found_place_id or w.entity_id = r.commodity_id))
