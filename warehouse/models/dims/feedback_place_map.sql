-- depends: feedback_active
-- Places analysts said were wrongly resolved, with the right one: in one document, or in every document when doc_id is NULL (a document's own correction wins over an everywhere one).
-- col doc_id: the document; NULL for every document
-- col place_id: the place id as extracted
-- col right_place_id: the right place
-- col country_iso3: country of the right place
-- col admin1: first-level division of the right place
-- col name: the place's name as written; for a new place, its name
-- col lat: a new place's latitude (NULL for a listed place)
-- col lon: a new place's longitude
-- col place_kind: a new place's kind
select doc_id, place_id, right_place_id, country_iso3, admin1, name, lat, lon, place_kind
from feedback_active
where kind = 'correct_place'
