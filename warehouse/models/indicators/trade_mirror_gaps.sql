-- Mirror statistics (Global Financial Integrity's method): what an exporter says it
-- shipped against what the importer says it received, per HS code, country pair and
-- period. Imports are valued CIF, exports FOB, so imports are brought to FOB with the
-- CIF/FOB factor before the gap is taken. A side with no record is "unreported" only
-- when its query was answered; when the query failed it is "query_failed" (a gap in our
-- knowledge, never a zero); pairs whose missing side was never asked are left out.
-- col hs_code: watched HS code (ref_hs_watchlist)
-- col commodity_id: commodity of the code
-- col market: GI-TOC criminal market of the commodity
-- col exporter_iso3: exporting country
-- col importer_iso3: importing country
-- col period: YYYY or YYYY-MM
-- col exports_fob_usd: the exporter's declared exports to the importer (FOB); NULL when not reported
-- col imports_cif_usd: the importer's declared imports from the exporter (CIF); NULL when not reported
-- col imports_fob_usd: imports_cif_usd / cif_fob_factor (default 1.06)
-- col gap_usd: imports_fob_usd - exports_fob_usd, an unreported side counting 0; NULL when a query failed
-- col gap_ratio: gap_usd / exports_fob_usd; NULL where exports are 0 or missing
-- col exports_kg: net weight declared by the exporter
-- col imports_kg: net weight declared by the importer
-- col gap_kg: imports_kg - exports_kg, as gap_usd
-- col status: both_reported, exports_unreported, imports_unreported or query_failed
WITH params AS (
    SELECT coalesce(getvariable('cif_fob_factor'), 1.06)::DOUBLE AS cif_fob
),
latest AS (
    SELECT * FROM fact_trade_watched
),
exports AS (
    SELECT hs_code, commodity_id, market, reporter_iso3 AS exporter_iso3,
           partner_iso3 AS importer_iso3, period,
           coalesce(fob_usd, value_usd) AS exports_fob_usd, net_kg AS exports_kg
    FROM latest WHERE flow = 'X'
),
imports AS (
    SELECT hs_code, commodity_id, market, partner_iso3 AS exporter_iso3,
           reporter_iso3 AS importer_iso3, period,
           coalesce(cif_usd, value_usd) AS imports_cif_usd, net_kg AS imports_kg
    FROM latest WHERE flow = 'M'
),
asked_periods AS (
    SELECT reporter_iso3, flow, trim(unnest(string_split(period, ','))) AS period,
           hs_codes, error_kind, fetched_at
    FROM trade_log WHERE reporter_iso3 IS NOT NULL AND flow IS NOT NULL
),
asked AS (
    SELECT reporter_iso3, flow, period, trim(unnest(string_split(hs_codes, ','))) AS hs_code,
           error_kind, fetched_at
    FROM asked_periods
),
side_state AS (
    -- The latest outcome of every (reporter, flow, period, code) ever asked for.
    SELECT reporter_iso3, flow, period, hs_code, error_kind IS NULL AS answered
    FROM asked
    QUALIFY row_number() OVER (
        PARTITION BY reporter_iso3, flow, period, hs_code ORDER BY fetched_at DESC) = 1
),
pairs AS (
    SELECT coalesce(e.hs_code, i.hs_code) AS hs_code,
           coalesce(e.commodity_id, i.commodity_id) AS commodity_id,
           coalesce(e.market, i.market) AS market,
           coalesce(e.exporter_iso3, i.exporter_iso3) AS exporter_iso3,
           coalesce(e.importer_iso3, i.importer_iso3) AS importer_iso3,
           coalesce(e.period, i.period) AS period,
           e.exports_fob_usd, e.exports_kg, i.imports_cif_usd, i.imports_kg,
           e.hs_code IS NOT NULL AS has_exports, i.hs_code IS NOT NULL AS has_imports
    FROM exports AS e FULL OUTER JOIN imports AS i
      ON e.hs_code = i.hs_code AND e.exporter_iso3 = i.exporter_iso3
     AND e.importer_iso3 = i.importer_iso3 AND e.period = i.period
),
with_status AS (
    SELECT p.*,
           CASE
               WHEN has_exports AND has_imports THEN 'both_reported'
               WHEN has_imports AND sx.answered THEN 'exports_unreported'
               WHEN has_exports AND sm.answered THEN 'imports_unreported'
               WHEN has_imports AND NOT sx.answered THEN 'query_failed'
               WHEN has_exports AND NOT sm.answered THEN 'query_failed'
           END AS status
    FROM pairs AS p
    LEFT JOIN side_state AS sx
      ON sx.reporter_iso3 = p.exporter_iso3 AND sx.flow = 'X'
     AND sx.period = p.period AND sx.hs_code = p.hs_code
    LEFT JOIN side_state AS sm
      ON sm.reporter_iso3 = p.importer_iso3 AND sm.flow = 'M'
     AND sm.period = p.period AND sm.hs_code = p.hs_code
),
valued AS (
    SELECT w.*, w.imports_cif_usd / params.cif_fob AS imports_fob_usd,
           -- An answered side with no record counts as nothing declared; a failed one stays unknown.
           CASE WHEN status = 'exports_unreported' THEN 0.0 ELSE exports_fob_usd END AS x_usd,
           CASE WHEN status = 'imports_unreported' THEN 0.0 ELSE imports_cif_usd / params.cif_fob END AS m_usd,
           CASE WHEN status = 'exports_unreported' THEN 0.0 ELSE exports_kg END AS x_kg,
           CASE WHEN status = 'imports_unreported' THEN 0.0 ELSE imports_kg END AS m_kg
    FROM with_status AS w, params
    WHERE status IS NOT NULL
)
SELECT hs_code, commodity_id, market, exporter_iso3, importer_iso3, period,
       exports_fob_usd, imports_cif_usd, imports_fob_usd,
       CASE WHEN status = 'query_failed' THEN NULL ELSE m_usd - x_usd END AS gap_usd,
       CASE WHEN status = 'query_failed' OR exports_fob_usd IS NULL OR exports_fob_usd = 0 THEN NULL
            ELSE (m_usd - x_usd) / exports_fob_usd END AS gap_ratio,
       exports_kg, imports_kg,
       CASE WHEN status = 'query_failed' THEN NULL ELSE m_kg - x_kg END AS gap_kg,
       status
FROM valued
ORDER BY hs_code, exporter_iso3, importer_iso3, period
