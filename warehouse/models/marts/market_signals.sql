-- depends: fact_market_months, trade_mirror_gaps, trade_unit_values
-- Per market, country and month: the text intensity beside the trade indicators for that market's commodities, so both sides read together. Trade figures come from the trade period equal to the month when one exists (monthly data), else from the latest annual period up to the month's year (trade_period says which): they repeat across months and must not be summed over months.
-- col market: criminal market
-- col country_iso3: country
-- col month: 'YYYY-MM'
-- col documents: documents counted for the market and country that month
-- col score: sum over distinct original documents of their source's reliability weight
-- col trade_gap_usd: sum of mirror gaps (imports_fob_usd - exports_fob_usd) on flows the country exports, for the market's HS codes; NULL when no trade data
-- col trade_gap_flows: exporter-importer flows with a positive gap (partners report more than the country declares)
-- col unit_value_flags: unit-value outliers on flows the country reports or is partner to
-- col trade_period: the trade period the trade figures come from
-- col trade_query_failed: flows whose gap is unknown because a query failed
with text_months as (
    select market, country_iso3, month, documents, score from fact_market_months
),
gaps as (
    select market, exporter_iso3 as country_iso3, period,
           sum(gap_usd) as trade_gap_usd,
           count(*) filter (where gap_usd > 0) as trade_gap_flows,
           count(*) filter (where status = 'query_failed') as trade_query_failed
    from trade_mirror_gaps where market is not null
    group by all
),
uv as (
    select market, country_iso3, period, count(*) filter (where is_outlier) as unit_value_flags
    from (select market, reporter_iso3 as country_iso3, period, is_outlier from trade_unit_values
          union all
          select market, partner_iso3, period, is_outlier from trade_unit_values)
    where market is not null
    group by all
),
trade as (
    select coalesce(g.market, u.market) as market, coalesce(g.country_iso3, u.country_iso3) as country_iso3,
           coalesce(g.period, u.period) as period, g.trade_gap_usd, g.trade_gap_flows,
           g.trade_query_failed, u.unit_value_flags
    from gaps g full join uv u using (market, country_iso3, period)
),
months as (
    select market, country_iso3, month from text_months
    union
    select market, country_iso3, period from trade where length(period) = 7
),
matched as (
    select mo.*, t.period as trade_period, t.trade_gap_usd, t.trade_gap_flows,
           t.trade_query_failed, t.unit_value_flags
    from months mo
    left join trade t on t.market = mo.market and t.country_iso3 = mo.country_iso3
         and (t.period = mo.month or (length(t.period) = 4 and t.period <= left(mo.month, 4)))
    qualify row_number() over (partition by mo.market, mo.country_iso3, mo.month
                               order by (t.period = mo.month) desc, t.period desc nulls last) = 1
)
select m.market, m.country_iso3, m.month, coalesce(tm.documents, 0)::BIGINT as documents,
       coalesce(tm.score, 0.0)::DOUBLE as score, m.trade_gap_usd::DOUBLE as trade_gap_usd,
       m.trade_gap_flows::INT as trade_gap_flows, m.unit_value_flags::INT as unit_value_flags,
       m.trade_period, m.trade_query_failed::INT as trade_query_failed
from matched m
left join text_months tm using (market, country_iso3, month)
order by m.market, m.country_iso3, m.month
