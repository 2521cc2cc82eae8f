"""A small real warehouse for the workbench's tests: built by the real build from a
hand-made lake (tests/support/sample_lake.py), with a spike, a new link, trade
gaps, a failing source and documents whose titles, sentences and URLs are hostile."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from ocwatch.lake.partitions import write_partition
from ocwatch.warehouse.build import build_warehouse
from ocwatch.warehouse.search_index import build_search_index
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)
SPIKE_WEEK = "2026-W46"
GOLD = "non_renewable_resource_crimes"
HOSTILE_TITLE = '<script>alert("title")</script>Gold & "rush"'
HOSTILE_SENTENCE = 'Gold from Rubaya <img src=x onerror=alert(1)> reached Goma via M23 <script>alert(2)</script>.'
HOSTILE_URL = "javascript:alert(document.cookie)"
HOSTILE_RAW = b'<html><body onload="alert(3)"><script>alert(4)</script><a href="javascript:alert(5)">x</a></body></html>'

SOURCES = [
    {"id": s, "name": f"Source {s}", "kind": "feed", "url": f"https://{s}.example", "language": lang,
     "reliability": grade, "countries": ["COD"]}
    for s, grade, lang in (("sa", "A", "en"), ("sb", "B", "en"), ("sc", "C", "fr"), ("sd", "D", "en"))
] + [{"id": "evil", "name": '<script>alert("src")</script>', "kind": "feed", "url": "javascript:alert(6)",
      "language": "en", "reliability": "E", "countries": ["COD"]}]


def _wed(week: int) -> dt.date:
    return dt.date(2026, 11, 11) - dt.timedelta(weeks=46 - week)


def _set(s: SampleLake, doc_id: str, dataset: str = "documents", **values: object) -> None:
    for (name, _day, _part), rows in s.rows.items():
        for row in rows:
            if name == dataset and row["doc_id"] == doc_id:
                row.update(values)


def build(root: Path) -> Path:
    """Build the sample warehouse under ``root``; returns its path (lake and raw/ beside it)."""
    s = SampleLake(str(root / "lake"))
    for w in range(34, 46):  # a quiet gold baseline: one document a week
        s.doc(f"g{w}", "sa", _wed(w), text=f"Week {w}: artisanal gold traded quietly in Ituri.")
    for src in ("sa", "sb", "sc", "sd"):  # the spike: four independent sources in week 46
        for i in range(3):
            s.doc(f"g46-{src}-{i}", src, _wed(46), partition=AS_OF,
                  text=f"Gold smuggling surged near Bunia, says report {src}{i}.")
    s.doc("hostile", "evil", _wed(46), partition=AS_OF, actor_id="m23", place_id="domain:rubaya",
          text=HOSTILE_SENTENCE)
    _set(s, "hostile", title=HOSTILE_TITLE, url=HOSTILE_URL, language="fr")
    s.doc("m23-old", "sb", _wed(40), market="arms_trafficking", commodity="arms", actor_id="m23",
          place_id="domain:rubaya", text="M23 moved arms through Rubaya in October.")
    # a link the confidence model does not trust: set aside on the document page, no new link
    s.doc("doubt", "sb", _wed(40), market="fauna_crimes", commodity="ivory", country="CAF", actor_id="lra",
          status="asserted", role="participant", confidence=0.05,
          text="Poachers near Zemio were said to sell ivory; the LRA was named by a rival.")
    for doc in ("hostile", "m23-old"):  # the NLP places Rubaya in North Kivu
        _set(s, doc, "links", admin1="CD-NK")
    for w, day in ((44, _wed(44)), (45, _wed(45)), (46, _wed(46)), (47, AS_OF)):
        s.crawl("sa", day)
        s.crawl("sd", day, "timeout" if w >= 45 else None, requests=2)
    s.write()
    _trade(str(root / "lake"))
    raw = root / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "hostile.gz").write_bytes(gzip.compress(HOSTILE_RAW))
    db = build_warehouse(str(root / "lake"), root / "warehouse.duckdb", AS_OF, SOURCES)
    build_search_index(db)  # as the build stage does after the models
    return db


def _trade(lake: str) -> None:
    now = dt.datetime(2026, 11, 10, tzinfo=dt.UTC)
    base = {"hs_code": "7108", "source": "comtrade-api", "fetched_at": now, "period": "2025"}
    rows = [
        {**base, "reporter_iso3": "COD", "partner_iso3": "UGA", "flow": "X", "value_usd": 1.0e6, "net_kg": 30.0},
        {**base, "reporter_iso3": "UGA", "partner_iso3": "COD", "flow": "M", "value_usd": 9.0e6, "net_kg": 150.0},
        {**base, "reporter_iso3": "RWA", "partner_iso3": "ARE", "flow": "X", "value_usd": 5.0e6, "net_kg": 80.0},
        {**base, "reporter_iso3": "UGA", "partner_iso3": "ARE", "flow": "X", "value_usd": 6.0e6, "net_kg": 100.0},
        {**base, "reporter_iso3": "BDI", "partner_iso3": "ARE", "flow": "X", "value_usd": 4.0e6, "net_kg": 70.0},
        {**base, "reporter_iso3": "TZA", "partner_iso3": "ARE", "flow": "X", "value_usd": 9.0e4, "net_kg": 900.0},
    ]
    write_partition(lake, "trade_flows", AS_OF, rows, part="comtrade-api")


PASSWORD = "correct horse battery"


def login(client, user: str, role: str, password: str = PASSWORD):
    """Add ``user`` with ``role`` to the app's store and log the client in through the real form."""
    import re

    client.app.state.store.add_user(user, role, password)
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"csrf": token, "user": user, "password": password, "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


def csrf_of(html: str) -> str:
    import re

    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def hidden_fields(html: str, action: str) -> dict[str, str]:
    """The hidden fields of the first POST form on the page whose action is ``action``."""
    import html as html_lib
    import re

    form = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', html, flags=re.S)
    assert form, f"no form posting to {action}"
    found = re.findall(r'<input type="hidden" name="([a-z_0-9]+)" value="([^"]*)"', form.group(0))
    return {k: html_lib.unescape(v) for k, v in found}
