-- Unit values: US dollars per kilogram of each reported flow, and how far each sits from
-- the median for its HS code and period across all reporters, as a robust z-score on the
-- log unit value: z = 0.6745 * (ln uv - median) / MAD. Logs because prices spread
-- multiplicatively; median and MAD because the outliers we look for would drag a mean.
-- Values are compared as reported (exports FOB, imports CIF): the ~6% CIF margin is
-- small beside the spreads that mark mis-invoicing. A z-score needs at least 3 priced
-- flows and a non-zero MAD; otherwise it is NULL and the flow is not flagged.
-- col hs_code: watched HS code (ref_hs_watchlist)
-- col commodity_id: commodity of the code
-- col market: GI-TOC criminal market of the commodity
-- col reporter_iso3: reporting country
-- col partner_iso3: partner country
-- col flow: X export or M import
-- col period: YYYY or YYYY-MM
-- col value_usd: reported value (FOB for exports, CIF for imports)
-- col net_kg: reported net weight
-- col unit_value_usd_per_kg: value_usd / net_kg; NULL without a positive value and weight
-- col median_unit_value: exp(median ln unit value) for the HS code and period, across all reporters
-- col robust_z: 0.6745 * (ln uv - median ln uv) / MAD; NULL with fewer than 3 priced flows or MAD 0
-- col is_outlier: abs(robust_z) > uv_z_threshold (default 3.5)
WITH params AS (
    SELECT coalesce(getvariable('uv_z_threshold'), 3.5)::DOUBLE AS threshold
),
latest AS (
    SELECT * FROM fact_trade_watched
),
priced AS (
    SELECT *,
           CASE WHEN value_usd > 0 AND net_kg > 0 THEN value_usd / net_kg END AS uv,
           CASE WHEN value_usd > 0 AND net_kg > 0 THEN ln(value_usd / net_kg) END AS log_uv
    FROM latest
),
centre AS (
    SELECT hs_code, period, median(log_uv) AS med, count(log_uv) AS n
    FROM priced GROUP BY hs_code, period
),
spread AS (
    SELECT p.hs_code, p.period, median(abs(p.log_uv - c.med)) AS mad
    FROM priced AS p JOIN centre AS c USING (hs_code, period)
    GROUP BY p.hs_code, p.period
),
scored AS (
    SELECT p.*, exp(c.med) AS median_unit_value,
           CASE WHEN c.n >= 3 AND s.mad > 0 THEN 0.6745 * (p.log_uv - c.med) / s.mad END AS robust_z
    FROM priced AS p
    JOIN centre AS c USING (hs_code, period)
    JOIN spread AS s USING (hs_code, period)
)
SELECT hs_code, commodity_id, market, reporter_iso3, partner_iso3, flow, period,
       value_usd, net_kg, uv AS unit_value_usd_per_kg, median_unit_value, robust_z,
       coalesce(abs(robust_z) > params.threshold, false) AS is_outlier
FROM scored, params
ORDER BY hs_code, period, reporter_iso3, partner_iso3, flow
