-- Commodities with their market and HS codes, from reference/commodities.csv.
-- col commodity_id: commodity id, as in mentions.entity_id and links.commodity_id
-- col market: the criminal market the commodity belongs to
-- col hs_codes: HS codes as written in the reference file, ';'-separated (empty when none exists)
-- col names_en: English names, ';'-separated
-- col names_fr: French names, ';'-separated
-- col hs_code_list: the HS codes as a list, for joins with trade tables
select commodity_id, market, coalesce(hs_codes, '') as hs_codes, names_en, names_fr,
       list_filter(string_split(coalesce(hs_codes, ''), ';'), lambda c: c <> '') as hs_code_list
from ref_commodities
order by commodity_id
