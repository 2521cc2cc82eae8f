"""market_activity_weekly on random lakes agrees with a plain-Python reading of its definition."""

from __future__ import annotations

import datetime as dt
import math
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocwatch.warehouse.build import build_warehouse
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)
LAST_MONDAY = dt.date(2026, 11, 16)
GRADES = {"sa": ("A", 1.0), "sb": ("B", 0.8), "sd": ("D", 0.4), "sf": ("F", 0.2)}
SOURCES = [{"id": k, "name": k, "kind": "feed", "url": f"https://{k}.example", "language": "en",
            "reliability": g, "countries": []} for k, (g, _) in GRADES.items()]

doc_st = st.tuples(st.sampled_from(sorted(GRADES)), st.integers(0, 20),
                   st.sampled_from(["COD", "UGA"]), st.integers(-1, 30))


def _oracle(docs: list[tuple[str, int, str, int]]) -> dict[tuple[str, dt.date], dict]:
    """Weekly scores and z per country (one market), straight from the definitions."""
    parent = {i: (d[3] if 0 <= d[3] < i else None) for i, d in enumerate(docs)}

    def root(i: int) -> int:
        while parent[i] is not None:
            i = parent[i]
        return i

    groups: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
    for i, (_, weeks_back, country, _) in enumerate(docs):
        groups[(country, LAST_MONDAY - dt.timedelta(weeks=weeks_back))].append(i)
    out = {}
    for country in {k[0] for k in groups}:
        first = min(w for c, w in groups if c == country)
        weeks = [first + dt.timedelta(weeks=k) for k in range((LAST_MONDAY - first).days // 7 + 1)]
        scores = []
        for w in weeks:
            ids = groups.get((country, w), [])
            roots = {root(i) for i in ids}
            score = sum(GRADES[docs[r][0]][1] for r in roots)
            base = scores[-12:]
            z = None
            if len(base) >= 4:
                z = (score - statistics.mean(base)) / max(statistics.stdev(base), 0.5)
            out[(country, w)] = {"documents": len(ids), "score": score, "z": z,
                                 "independent_sources": len({docs[r][0] for r in roots})}
            scores.append(score)
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(doc_st, min_size=1, max_size=30))
def test_weekly_indicator_matches_its_definition(docs: list[tuple[str, int, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        s = SampleLake(f"{tmp}/lake")
        for i, (src, weeks_back, country, dup) in enumerate(docs):
            day = LAST_MONDAY - dt.timedelta(weeks=weeks_back)
            s.doc(f"d{i:03d}", src, day, country=country, partition=AS_OF,
                  near_dup_of=f"d{dup:03d}" if 0 <= dup < i else None)
        s.write()
        db = build_warehouse(f"{tmp}/lake", Path(tmp) / "w.duckdb", AS_OF, SOURCES)
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute("select country_iso3, week_start, documents, score, z, "
                               "independent_sources, is_spike from market_activity_weekly").fetchall()
    want = _oracle(docs)
    assert {(r[0], r[1]) for r in rows} == set(want)
    for country, week, documents, score, z, indep, spike in rows:
        w = want[(country, week)]
        assert documents == w["documents"] and indep == w["independent_sources"]
        assert math.isclose(score, w["score"], abs_tol=1e-9)
        assert (z is None) == (w["z"] is None)
        if z is not None:
            assert math.isclose(z, w["z"], rel_tol=1e-9, abs_tol=1e-9)
        assert spike == (z is not None and z >= 3 and indep >= 3)
