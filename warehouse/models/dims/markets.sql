-- The 15 criminal markets of the Global Organized Crime Index (GI-TOC), from reference/markets.csv.
-- col market: market id (snake_case), the key every indicator uses
-- col label_en: English label
-- col label_fr: French label
-- col group: GI-TOC group: people, trade, environment, drugs, financial
select market, label_en, label_fr, "group"
from ref_markets
order by market
