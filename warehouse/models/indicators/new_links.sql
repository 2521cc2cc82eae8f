-- depends: actors, places, fact_documents, fact_extractions, links_reviewed
-- Actor, market and place combinations (asserted links whose actor is a participant: not a victim, an enforcer, an investigator or an author), each on the ISO week it was first seen, with its first evidence (earliest document, then sentence). "New this week" = the rows whose week is this week. history_weeks tells how much lake history lay before: a link 'new' in the lake's first week says little.
-- col week: ISO week the combination was first seen
-- col week_start: Monday of that week
-- col actor_id: actor (reference id, or 'unknown:<name>')
-- col actor_name: actor's name
-- col actor_type: GI-TOC actor type; NULL for unknown actors
-- col market: criminal market
-- col commodity_id: commodity of the first evidence sentence; NULL for an activity with no commodity
-- col place_id: place
-- col place_name: place's name
-- col country_iso3: country of the place
-- col first_seen_at: time (UTC) of the first document holding the combination
-- col doc_id: that document
-- col url: its URL
-- col source_id: its source
-- col reliability: its source's grade
-- col sentence: the sentence that ties actor, market and place
-- col sent_idx: the sentence's index in the document
-- col history_weeks: ISO weeks of lake history before first_seen_at's week
-- col is_known_actor: true when the actor is in the reviewed reference list
with l as (
    select l.*, d.event_at, d.week, d.week_start, d.url, d.source_id, d.reliability
    from links_reviewed l
    join fact_extractions e using (doc_id, partition_date)
    join fact_documents d using (doc_id)
    where l.actor_id is not null
      -- only an asserted part in the activity is a link: not a victim, the police who seized, a denial,
      -- nor a reading the link-confidence model does not trust (links_reviewed.counts)
      and l.counts
),
firsts as (
    select * from l
    qualify row_number() over (partition by actor_id, market, place_id
                               order by event_at, doc_id, sent_idx, commodity_id nulls last) = 1
),
lake_start as (select min(week_start) as first_week from fact_documents)
select f.week, f.week_start, f.actor_id, coalesce(a.name, f.actor_id) as actor_name,
       a.actor_type, f.market, f.commodity_id, f.place_id, coalesce(p.name, f.place_id) as place_name,
       coalesce(f.country_iso3, p.country_iso3) as country_iso3, f.event_at as first_seen_at,
       f.doc_id, f.url, f.source_id, f.reliability, s.text as sentence, f.sent_idx,
       (datediff('day', ls.first_week, f.week_start) // 7)::INT as history_weeks,
       coalesce(a.is_known, false) as is_known_actor
from firsts f
cross join lake_start ls
left join actors a on a.actor_id = f.actor_id
left join places p on p.place_id = f.place_id
left join sentences s on s.doc_id = f.doc_id and s.sent_idx = f.sent_idx
     and s.partition_date = f.partition_date
order by f.week_start, f.market, f.actor_id, f.place_id
