-- depends: fact_market_weeks, country_week_gaps
-- Text intensity per criminal market, country and ISO week, against the same series' previous 12 weeks. docs/INDICATORS.md gives the exact definitions. Weeks run from the first week a market and country had activity to the build date's week; a week with no documents is a zero, unless no source covering the country answered that week: then it is a gap (is_gap, measures NULL) and stays out of later baselines.
-- col market: criminal market
-- col country_iso3: country
-- col week: ISO week 'YYYY-Www' of publication
-- col week_start: Monday of the week
-- col documents: documents counted (copies included); NULL in a gap week with none
-- col mentions: mentions of the market in those documents
-- col sources: distinct sources of those documents
-- col independent_sources: distinct sources after collapsing near-duplicate chains (a copy counts for its original's source)
-- col score: sum over distinct original documents of their source's reliability weight (A=1.0 ... F=0.2); 0 in a zero week, NULL in a gap week with no documents
-- col baseline_mean: mean score over the previous 12 weeks of the series, gap weeks left out
-- col baseline_std: sample standard deviation of those scores
-- col baseline_weeks: how many weeks made the baseline (0 to 12)
-- col z: (score - baseline_mean) / greatest(baseline_std, z_std_floor = 0.5); NULL with fewer than 4 baseline weeks
-- col is_spike: z >= 3 and independent_sources >= 3
-- col is_gap: no source covering the country answered that week (see coverage_gaps)
-- col reliability_grades: grades of the original documents' sources, e.g. 'A,B,C'
with observed as (
    select * from fact_market_weeks
),
firsts as (
    select market, country_iso3, min(week_start) as first_week from observed group by all
),
series as (
    select market, country_iso3,
           unnest(generate_series(first_week,
                  date_trunc('week', getvariable('as_of')::DATE)::DATE, interval 7 day))::DATE as week_start
    from firsts
),
filled as (
    select s.market, s.country_iso3, s.week_start,
           datediff('day', DATE '1970-01-05', s.week_start) // 7 as week_idx,
           g.country_iso3 is not null as is_gap,
           case when o.documents is null and g.country_iso3 is not null then NULL
                else coalesce(o.documents, 0) end as documents,
           case when o.documents is null and g.country_iso3 is not null then NULL
                else coalesce(o.mentions, 0) end as mentions,
           case when o.documents is null and g.country_iso3 is not null then NULL
                else coalesce(o.sources, 0) end as sources,
           case when o.documents is null and g.country_iso3 is not null then NULL
                else coalesce(o.independent_sources, 0) end as independent_sources,
           case when o.documents is null and g.country_iso3 is not null then NULL
                else coalesce(o.score, 0.0) end as score,
           o.reliability_grades
    from series s
    left join observed o using (market, country_iso3, week_start)
    left join country_week_gaps g using (country_iso3, week_start)
),
baselined as (
    select *,
           avg(score) filter (where not is_gap) over w as baseline_mean,
           stddev_samp(score) filter (where not is_gap) over w as baseline_std,
           count(score) filter (where not is_gap) over w as baseline_weeks
    from filled
    window w as (partition by market, country_iso3 order by week_idx
                 range between getvariable('baseline_weeks') preceding and 1 preceding)
),
scored_z as (
    select *,
           case when baseline_weeks >= getvariable('min_baseline_weeks') and score is not null
                then (score - baseline_mean)
                     / greatest(coalesce(baseline_std, 0.0), getvariable('z_std_floor'))
           end as z
    from baselined
)
select market, country_iso3, strftime(week_start, '%G-W%V') as week, week_start,
       documents::BIGINT as documents, mentions::BIGINT as mentions, sources::BIGINT as sources,
       independent_sources::BIGINT as independent_sources, score::DOUBLE as score,
       baseline_mean::DOUBLE as baseline_mean, baseline_std::DOUBLE as baseline_std,
       baseline_weeks::INT as baseline_weeks, z::DOUBLE as z,
       coalesce(z >= getvariable('spike_z')
                and independent_sources >= getvariable('spike_min_sources'), false) as is_spike,
       is_gap, reliability_grades
from scored_z
order by market, country_iso3, week_start
