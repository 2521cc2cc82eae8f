"""A small lake for the feedback, alerts and export tests.

Build date 2026-11-16 (ISO week 2026-W47; the report week is W46): gold in DR
Congo twice a week from W34, M23 at Rubaya in W40, FDLR at Bisie first seen
in W46 in three sources (a new link), and an actor the NLP did not know
("unknown:kivu traders") tied to gold at Kamituga in W46.
"""

from __future__ import annotations

import datetime as dt

from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)
W46 = dt.date(2026, 11, 11)
SOURCES = [{"id": s, "name": s.upper(), "kind": "feed", "url": f"https://{s}.example", "language": "en",
            "reliability": g, "countries": ["COD"]} for s, g in (("sa", "A"), ("sb", "B"), ("sc", "C"))]
FDLR_LINK = {"doc_id": "fdlr-1", "sent_idx": 0, "actor_id": "fdlr",
             "market": "non_renewable_resource_crimes", "place_id": "domain:bisie"}


def write_lake(lake: str) -> None:
    s = SampleLake(lake)
    for week in range(14):
        day = AS_OF - dt.timedelta(days=7 * week + 5)
        for n in range(2):
            s.doc(f"g{week}-{n}", "sa" if n else "sb", day)
        s.crawl("sa", day)
        s.crawl("sb", day)
    s.doc("m23-1", "sa", AS_OF - dt.timedelta(weeks=6, days=5), actor_id="m23", place_id="domain:rubaya")
    for n, src in enumerate(("sa", "sb", "sc")):
        s.doc(f"fdlr-{n}", src, W46, actor_id="fdlr", place_id="domain:bisie", partition=AS_OF,
              text=f"FDLR fighters taxed gold at Bisie ({n}).")
    s.doc("kt-1", "sb", W46, actor_id="unknown:kivu traders", place_id="domain:kamituga", partition=AS_OF)
    s.doc("kt-2", "sc", W46, actor_id="unknown:kivu traders", place_id="domain:kamituga", partition=AS_OF)
    s.write()


