"""Analysts add to the reference data from the workbench: promote an unknown name,
correct a place, propose a source's grade (an admin reviews it); and the feedback
list's filters. Each write needs an analyst (or admin) and the session's CSRF token."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from ocwatch.feedback import store
from ocwatch.web import create_app
from tests.support.web_sample import csrf_of, hidden_fields, login

UNKNOWN = "/actor?id=unknown%3AM-23"
HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def app(unknown_actor_warehouse, tmp_path):
    return create_app(unknown_actor_warehouse, users=tmp_path / "u.sqlite", feedback_log=tmp_path / "acts.jsonl")


@pytest.fixture
def web_app(web_warehouse, tmp_path):
    return create_app(web_warehouse, users=tmp_path / "u.sqlite", feedback_log=tmp_path / "acts.jsonl")


def _client(app, user: str, role: str) -> TestClient:
    return login(TestClient(app), user, role)


def _post(client: TestClient, page: str, action: str, **fields: str):
    html = client.get(page).text
    return client.post(action, data={**hidden_fields(html, action), **fields}, follow_redirects=False)


def test_an_analyst_promotes_an_unknown_name_to_a_new_actor_with_type_and_aliases(app):
    ana = _client(app, "ana", "analyst")
    html = ana.get(UNKNOWN).text
    assert 'action="/feedback/promote"' in html and 'value="criminal_networks"' in html
    r = _post(ana, UNKNOWN, "/feedback/promote", name="Mouvement du 23 mars bis", actor_type="criminal_networks",
              aliases="M-23 bis; M23b", country_iso3="cod", why="a splinter group")
    assert r.status_code == 303 and r.headers["location"].startswith("/actor?id=unknown%3AM-23&fb=")
    [act] = store.list_acts(app.state.feedback_log)
    assert (act["kind"], act["actor_id"], act["into_actor_id"], act["who"]) == (
        "promote_actor", "unknown:M-23", "mouvement_du_23_mars_bis", "ana")
    assert (act["actor_type"], act["aliases"], act["country_iso3"]) == ("criminal_networks", "M-23 bis;M23b", "COD")


def test_promotion_is_refused_to_viewers_without_csrf_and_with_a_bad_type(app):
    html = _client(app, "ana", "analyst").get(UNKNOWN).text
    fields = {**hidden_fields(html, "/feedback/promote"), "name": "X", "actor_type": "criminal_networks", "why": "y"}
    assert 'action="/feedback/promote"' not in _client(app, "vic", "viewer").get(UNKNOWN).text
    vic = _client(app, "vic", "viewer")
    assert vic.post("/feedback/promote", data={**fields, "csrf": csrf_of(vic.get("/").text)}).status_code == 403
    ana = _client(app, "ana", "analyst")
    assert ana.post("/feedback/promote", data={**fields, "csrf": "forged"}).status_code == 403
    r = _post(ana, UNKNOWN, "/feedback/promote", name="X", actor_type="gangsters", why="y")
    assert r.status_code == 400 and "unknown actor type 'gangsters'" in r.text
    assert store.list_acts(app.state.feedback_log) == []


def test_a_place_is_corrected_to_a_reference_place_whose_country_and_division_come_from_the_list(web_app):
    ana = _client(web_app, "ana", "analyst")
    page = "/place?id=domain:rubaya&doc=hostile"
    html = ana.get(page).text
    assert 'value="domain:bisie"' in html and 'value="hostile"' in html
    r = _post(ana, page, "/feedback/place", doc_id="hostile", right_place_id="domain:bisie", why="Bisie, not Rubaya")
    assert r.status_code == 303 and r.headers["location"].startswith("/place?id=domain%3Arubaya&fb=")
    [act] = store.list_acts(web_app.state.feedback_log)
    assert (act["place_id"], act["right_place_id"], act["country_iso3"], act["admin1"], act["doc_id"]) == (
        "domain:rubaya", "domain:bisie", "COD", "CD-NK", "hostile")
    assert act["name"] == "Rubaya" and act["lat"] is None


def test_a_place_is_corrected_to_a_new_place_given_by_coordinates_and_country(web_app):
    ana = _client(web_app, "ana", "analyst")
    r = _post(ana, "/place?id=domain:rubaya", "/feedback/place", new_name="Nyabibwe mine", lat="-1.98",
              lon="28.93", country_iso3="cod", admin1="cd-sk", place_kind="mine_site", why="the cassiterite mine")
    assert r.status_code == 303
    [act] = store.list_acts(web_app.state.feedback_log)
    assert (act["right_place_id"], act["name"], act["lat"], act["lon"], act["country_iso3"], act["admin1"],
            act["place_kind"], act["doc_id"]) == ("domain:nyabibwe_mine", "Nyabibwe mine", -1.98, 28.93, "COD",
                                                  "CD-SK", "mine_site", None)


@pytest.mark.parametrize(("fields", "named"), [
    ({"new_name": "Somewhere", "lat": "north", "lon": "28", "country_iso3": "COD"}, "latitude 'north'"),
    ({"new_name": "Somewhere", "lat": "95", "lon": "28", "country_iso3": "COD", "place_kind": "town"}, "lat 95.0"),
    ({"new_name": "Somewhere", "lat": "1", "lon": "28", "country_iso3": "", "place_kind": "town"}, "country_iso3"),
    ({"new_name": "Bisie", "lat": "1", "lon": "28", "country_iso3": "COD", "place_kind": "town"}, "already a reference"),
    ({"right_place_id": "domain:atlantis"}, "not a reference place"),
    ({}, "give the right place"),
])
def test_a_bad_place_correction_is_refused_naming_what_is_wrong(web_app, fields, named):
    r = _post(_client(web_app, "ana", "analyst"), "/place?id=domain:rubaya", "/feedback/place", why="w", **fields)
    assert r.status_code == 400 and named in r.text
    assert store.list_acts(web_app.state.feedback_log) == []


def test_a_grade_proposal_is_reviewed_by_an_admin_and_only_once(web_app):
    ana, adm = _client(web_app, "ana", "analyst"), _client(web_app, "adm", "admin")
    assert 'action="/feedback/grade"' not in _client(web_app, "vic", "viewer").get("/source?id=sd").text
    r = _post(ana, "/source?id=sd", "/feedback/grade", grade="E", why=HOSTILE)
    assert r.status_code == 303 and r.headers["location"].startswith("/source?id=sd&fb=")
    [proposal] = store.list_acts(web_app.state.feedback_log)
    assert ana.get("/feedback/review", follow_redirects=False).status_code == 403
    html = adm.get("/feedback/review").text
    assert "&lt;script&gt;alert(" in html and HOSTILE not in html
    assert ana.post("/feedback/review/grade", data={"csrf": csrf_of(ana.get("/").text), "act_id": proposal["act_id"],
                                                    "verdict": "accepted", "why": "me"}).status_code == 403
    r = _post(adm, "/feedback/review", "/feedback/review/grade", verdict="accepted", why="times out every night")
    assert r.status_code == 303
    [review] = store.review(web_app.state.feedback_log)["grade_proposals"]
    assert (review["review"]["verdict"], review["review"]["who"]) == ("accepted", "adm")
    assert 'action="/feedback/review/grade"' not in adm.get("/feedback/review").text
    r = adm.post("/feedback/review/grade", data={"csrf": csrf_of(adm.get("/").text), "act_id": proposal["act_id"],
                                                 "verdict": "rejected", "why": "changed my mind"})
    assert r.status_code == 400 and "already reviewed" in r.text


def test_the_feedback_list_filters_by_kind_person_status_and_words(web_app):
    ana, ben = _client(web_app, "ana", "analyst"), _client(web_app, "ben", "analyst")
    _post(ana, "/source?id=sd", "/feedback/grade", grade="E", why="dead feed")
    _post(ben, "/source?id=sa", "/feedback/grade", grade="B", why="one slip")
    first = store.list_acts(web_app.state.feedback_log)[0]
    store.undo(web_app.state.feedback_log, "ana", "mistake", act_id=first["act_id"])
    assert "one slip" in ana.get("/feedback?who=ben").text and "dead feed" not in ana.get("/feedback?who=ben").text
    undone = ana.get("/feedback?status=undone").text
    assert "dead feed" in undone and "one slip" not in undone
    assert "one slip" in ana.get("/feedback?status=in_force").text
    assert "dead feed" not in ana.get("/feedback?kind=undo").text and "mistake" in ana.get("/feedback?kind=undo").text
    assert "dead feed" not in ana.get("/feedback?q=slip").text
    assert "one slip" not in ana.get("/feedback?from=2999-01-01").text
    assert "Statut" in ana.get("/feedback?lang=fr").text


def test_the_listed_acts_export_as_json_lines_that_import_elsewhere(web_app, tmp_path):
    ana = _client(web_app, "ana", "analyst")
    _post(ana, "/source?id=sd", "/feedback/grade", grade="E", why=HOSTILE)
    _post(ana, "/place?id=domain:rubaya", "/feedback/place", right_place_id="domain:bisie", why="Bisie")
    assert 'href="/feedback.jsonl?kind=propose_grade"' in ana.get("/feedback?kind=propose_grade").text
    r = ana.get("/feedback.jsonl?kind=propose_grade")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    [line] = r.text.splitlines()
    assert '"kind": "propose_grade"' in line and "undone_by" not in line
    elsewhere = tmp_path / "elsewhere.jsonl"
    result = store.import_acts(elsewhere, ana.get("/feedback.jsonl").text.splitlines())
    assert (result.added, result.errors) == (2, [])
    assert store.list_acts(elsewhere) == store.list_acts(web_app.state.feedback_log)
    assert _client(web_app, "vic", "viewer").get("/feedback.jsonl").status_code == 403
