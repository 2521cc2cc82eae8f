"""An analyst's own watches from the workbench: saved from a search or an entity
page, listed, deleted (only one's own), and the alert digests recorded for them;
the webhook URL is taken in and never shown back."""

from __future__ import annotations

import shutil

import pytest
from starlette.testclient import TestClient

from ocwatch.feedback import watches
from ocwatch.feedback.alerts import send_alerts
from ocwatch.web import create_app
from tests.support.web_sample import AS_OF, GOLD, csrf_of, hidden_fields, login

SECRET_HOOK = "https://hooks.example/services/T000/B000/very-secret-token"


@pytest.fixture
def app(web_warehouse, tmp_path):
    return create_app(web_warehouse, users=tmp_path / "u.sqlite", feedback_log=tmp_path / "acts.jsonl",
                      alerts_db=tmp_path / "alerts.sqlite")


def _client(app, user: str, role: str) -> TestClient:
    return login(TestClient(app), user, role)


def _save(client: TestClient, page: str, **fields: str):
    html = client.get(page).text
    return client.post("/watches/add", data={**hidden_fields(html, "/watches/add"), **fields},
                       follow_redirects=False)


def test_a_search_is_saved_as_a_watch_with_its_words_and_filters(app):
    ana = _client(app, "ana", "analyst")
    r = _save(ana, f"/search?q=smuggling&market={GOLD}", name="gold smuggling")
    assert r.status_code == 303 and r.headers["location"].startswith("/watches?saved=w-")
    [w] = watches.watches(app.state.alerts_db, "ana")
    assert (w["name"], w["words"], w["market"], w["actor_id"]) == ("gold smuggling", "smuggling", GOLD, None)
    html = ana.get(r.headers["location"]).text
    assert "gold smuggling" in html and "Watch saved" in html


@pytest.mark.parametrize(("page", "field", "value"), [
    ("/actor?id=m23", "actor_id", "m23"), (f"/market?id={GOLD}", "market", GOLD),
    ("/place?id=domain:rubaya", "admin1", "CD-NK")])
def test_an_entity_page_saves_a_watch_on_its_entity(app, page, field, value):
    ana = _client(app, "ana", "analyst")
    assert _save(ana, page).status_code == 303
    [w] = watches.watches(app.state.alerts_db, "ana")
    assert w[field] == value and w["name"] == value


def test_each_user_sees_and_deletes_only_their_own_watches(app):
    ana, ben = _client(app, "ana", "analyst"), _client(app, "ben", "analyst")
    _save(ana, "/actor?id=m23", name="ana's M23")
    [w] = watches.watches(app.state.alerts_db)
    assert "ana&#39;s M23" in ana.get("/watches").text and "M23" not in ben.get("/watches").text.split("<main>")[1]
    r = ben.post("/watches/delete", data={"csrf": csrf_of(ben.get("/").text), "watch_id": w["watch_id"]})
    assert r.status_code == 404 and watches.watches(app.state.alerts_db, "ana")
    r = ana.post("/watches/delete", data={"csrf": csrf_of(ana.get("/").text), "watch_id": w["watch_id"]},
                 follow_redirects=False)
    assert r.status_code == 303 and watches.watches(app.state.alerts_db) == []


def test_watch_writes_need_an_analyst_and_the_csrf_token(app):
    vic = _client(app, "vic", "viewer")
    assert vic.get("/watches").status_code == 200
    assert 'action="/watches/add"' not in vic.get("/actor?id=m23").text
    token = csrf_of(vic.get("/").text)
    assert vic.post("/watches/add", data={"csrf": token, "actor_id": "m23"}).status_code == 403
    ana = _client(app, "ana", "analyst")
    assert ana.post("/watches/add", data={"actor_id": "m23"}).status_code == 403
    r = ana.post("/watches/add", data={"csrf": csrf_of(ana.get("/").text), "country_iso3": "Congo"})
    assert r.status_code == 400 and "must be an ISO3 code" in r.text
    assert watches.watches(app.state.alerts_db) == []
    assert TestClient(app).get("/watches", follow_redirects=False).status_code == 303


def test_the_digests_sent_for_a_users_watches_are_listed_and_the_webhook_stays_secret(app, tmp_path):
    ana = _client(app, "ana", "analyst")
    _save(ana, "/actor?id=m23", name="<b>M23</b> watch")
    r = ana.post("/watches/channels", data={"csrf": csrf_of(ana.get("/").text), "email": "ana@example.org",
                                            "webhook_url": SECRET_HOOK}, follow_redirects=False)
    assert r.status_code == 303
    # No SMTP server and an unreachable webhook: both fail, are recorded, and show on the page.
    # The nightly task is another process; here it reads a copy, since one process cannot open
    # the file the workbench holds read-only with another DuckDB configuration.
    night = shutil.copy(app.state.warehouse.path, tmp_path / "night.duckdb")
    report = send_alerts(night, app.state.alerts_db, AS_OF, smtp=None,
                         workbench_url="http://wb.example/", attempts=1, backoff=0)
    assert report.digests == 1 and sorted(report.failed) == ["ana/email", "ana/webhook"]
    html = ana.get("/watches").text
    assert "ana@example.org" in html and "no SMTP server configured" in html and AS_OF.isoformat() in html
    assert "very-secret-token" not in html and "hooks.example" not in html
    assert "&lt;b&gt;M23&lt;/b&gt; watch" in html
    assert "Résumés d’alertes" in ana.get("/watches?lang=fr").text


def test_a_saved_search_catches_the_documents_the_search_finds(app, tmp_path):
    import re

    from ocwatch.feedback import digest
    from ocwatch.warehouse.query import connect_read_only

    query = "Goma OR surged -sb0"
    ana = _client(app, "ana", "analyst")
    found = set(re.findall(r'class="hit" href="/doc\?id=([^"&]+)', ana.get(f"/search?q={query}").text))
    assert "hostile" in found and "g46-sb-0" not in found and len(found) == 12
    _save(ana, f"/search?q={query}")
    [w] = watches.watches(app.state.alerts_db, "ana")
    night = shutil.copy(app.state.warehouse.path, tmp_path / "night.duckdb")
    con = connect_read_only(night)
    try:
        items = digest.matches(con, w, AS_OF, "http://wb.example/")
    finally:
        con.close()
    assert {i.key.removeprefix("doc:") for i in items if i.kind == "document"} == found
    r = ana.post("/watches/add", data={"csrf": csrf_of(ana.get("/").text), "words": '-gold "" OR'})
    assert r.status_code == 400 and "nothing to look for" in r.text
