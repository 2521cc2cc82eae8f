-- One row per watched trade record: the newest report of each (period, reporter, partner, flow, HS code) across partitions (revisions replace, never add), exports and imports only, bilateral only (no world partner, no self-trade), with the code's commodity and market.
-- col period: YYYY or YYYY-MM
-- col reporter_iso3: reporting country
-- col partner_iso3: partner country
-- col flow: X export or M import
-- col hs_code: watched HS code (ref_hs_watchlist)
-- col value_usd: primary value (FOB for exports, CIF for imports)
-- col cif_usd: CIF value when reported
-- col fob_usd: FOB value when reported
-- col net_kg: net weight in kilograms
-- col commodity_id: commodity of the code
-- col market: GI-TOC criminal market of the commodity
WITH watch AS (
    -- CSV loaders may read 0507 as 507: an HS code has an even number of digits.
    SELECT CASE WHEN length(h) % 2 = 1 THEN '0' || h ELSE h END AS hs_code, commodity_id, market
    FROM (SELECT CAST(hs_code AS VARCHAR) AS h, commodity_id, market FROM ref_hs_watchlist)
)
SELECT f.period, f.reporter_iso3, f.partner_iso3, f.flow, f.hs_code,
       f.value_usd, f.cif_usd, f.fob_usd, f.net_kg, w.commodity_id, w.market
FROM trade_flows AS f JOIN watch AS w USING (hs_code)
WHERE f.flow IN ('X', 'M') AND f.partner_iso3 <> 'WLD' AND f.partner_iso3 <> f.reporter_iso3
QUALIFY row_number() OVER (
    PARTITION BY f.period, f.reporter_iso3, f.partner_iso3, f.flow, f.hs_code
    ORDER BY f.partition_date DESC, f.fetched_at DESC) = 1
