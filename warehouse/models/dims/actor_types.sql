-- The 5 GI-TOC criminal actor types, from reference/actor_types.csv.
-- col actor_type: actor type id
-- col label_en: English label
-- col label_fr: French label
select actor_type, label_en, label_fr
from ref_actor_types
order by actor_type
