"""Feedback from the workbench: analysts mark new links right or wrong, list and
undo acts, merge unknown actors; digests link to pages the workbench serves."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from ocwatch.feedback import digest, store
from ocwatch.warehouse.query import connect_read_only
from ocwatch.web import create_app
from tests.support.web_sample import AS_OF, csrf_of, hidden_fields, login

LINKS = "/evidence?indicator=new_links&actor=m23"
HOSTILE_WHY = '<script>alert("why")</script> & more'


@pytest.fixture
def app(web_warehouse, tmp_path):
    return create_app(web_warehouse, users=tmp_path / "users.sqlite", feedback_log=tmp_path / "acts.jsonl")


def _client(app, user: str, role: str) -> TestClient:
    return login(TestClient(app), user, role)


def _link_form(html: str) -> dict[str, str]:
    """The hidden fields of the first right/wrong form on the page."""
    return hidden_fields(html, "/feedback/link")


def _mark(client: TestClient, verdict: str = "wrong", why: str = "not M23 but a rival group") -> dict:
    fields = _link_form(client.get(LINKS).text)
    return client.post("/feedback/link", data={**fields, "verdict": verdict, "why": why}, follow_redirects=False)


def test_analysts_see_a_right_wrong_form_on_new_link_evidence_and_viewers_do_not(app):
    html = _client(app, "ana", "analyst").get(LINKS).text
    fields = _link_form(html)
    assert (fields["actor_id"], fields["place_id"]) == ("m23", "domain:rubaya") and fields["doc_id"]
    assert 'action="/feedback/link"' not in _client(app, "vic", "viewer").get(LINKS).text
    spike = _client(app, "adm", "admin").get("/evidence?market=non_renewable_resource_crimes&country=COD").text
    assert 'action="/feedback/link"' not in spike  # only rows that come from new links


def test_marking_a_link_records_it_for_the_signed_in_user_and_confirms(app):
    ana = _client(app, "ana", "analyst")
    r = _mark(ana)
    assert r.status_code == 303
    [act] = store.list_acts(app.state.feedback_log)
    assert (act["kind"], act["who"], act["verdict"], act["actor_id"]) == ("mark_link", "ana", "wrong", "m23")
    target = urlsplit(r.headers["location"])
    assert target.path == "/evidence" and f"fb={act['act_id']}" in target.query and "indicator=new_links" in target.query
    assert f"Feedback recorded ({act['act_id']})" in ana.get(r.headers["location"]).text


def test_a_viewer_cannot_record_feedback_even_with_a_forged_post(app):
    fields = _link_form(_client(app, "ana", "analyst").get(LINKS).text)
    vic = _client(app, "vic", "viewer")
    token = csrf_of(vic.get("/").text)
    r = vic.post("/feedback/link", data={**fields, "csrf": token, "verdict": "wrong", "why": "forged"},
                 follow_redirects=False)
    assert r.status_code == 403
    assert store.list_acts(app.state.feedback_log) == []


def test_feedback_without_the_csrf_token_is_refused(app):
    ana = _client(app, "ana", "analyst")
    fields = _link_form(ana.get(LINKS).text)
    fields.pop("csrf")
    r = ana.post("/feedback/link", data={**fields, "verdict": "wrong", "why": "no token"}, follow_redirects=False)
    assert r.status_code == 403 and "CSRF" in r.text
    assert store.list_acts(app.state.feedback_log) == []


def test_a_bad_act_is_refused_with_a_message_naming_the_field(app):
    r = _mark(_client(app, "ana", "analyst"), verdict="maybe")
    assert r.status_code == 400 and "verdict" in r.text
    assert store.list_acts(app.state.feedback_log) == []


def test_the_feedback_page_lists_acts_newest_first_escaped(app):
    ana = _client(app, "ana", "analyst")
    _mark(ana, why="first act")
    _mark(ana, verdict="right", why=HOSTILE_WHY)
    html = ana.get("/feedback").text
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert html.index("&lt;script&gt;alert(") < html.index("first act")


def test_an_analyst_undoes_own_acts_only_and_an_admin_any(app):
    ana, ben, adm = _client(app, "ana", "analyst"), _client(app, "ben", "analyst"), _client(app, "adm", "admin")
    _mark(ana)
    [act] = store.list_acts(app.state.feedback_log)
    form = f'name="act_id" value="{act["act_id"]}"'
    assert form in ana.get("/feedback").text and form in adm.get("/feedback").text
    assert form not in ben.get("/feedback").text
    r = ben.post("/feedback/undo", data={"csrf": csrf_of(ben.get("/").text), "act_id": act["act_id"]},
                 follow_redirects=False)
    assert r.status_code == 403
    r = ana.post("/feedback/undo", data={"csrf": csrf_of(ana.get("/").text), "act_id": act["act_id"]},
                 follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/feedback?fb=")
    [marked, undo] = store.list_acts(app.state.feedback_log)
    assert marked["undone_by"] == undo["act_id"] and undo["who"] == "ana"
    assert form not in adm.get("/feedback").text  # undone: nothing left to undo

    _mark(ana)
    second = store.list_acts(app.state.feedback_log, in_force_only=True)[0]
    r = adm.post("/feedback/undo", data={"csrf": csrf_of(adm.get("/").text), "act_id": second["act_id"]},
                 follow_redirects=False)
    assert r.status_code == 303
    assert store.list_acts(app.state.feedback_log, in_force_only=True) == []


def test_an_unknown_actor_is_merged_into_a_known_one_and_a_known_actor_is_not(app):
    ana = _client(app, "ana", "analyst")
    token = csrf_of(ana.get("/").text)
    r = ana.post("/feedback/merge", data={"csrf": token, "actor_id": "m23", "into_actor_id": "m23", "why": "x"},
                 follow_redirects=False)
    assert r.status_code == 400 and "reference list lacks" in r.text
    r = ana.post("/feedback/merge", data={"csrf": token, "actor_id": "unknown:M-23", "into_actor_id": "m23",
                                          "why": "a spelling of M23"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/actor?id=unknown%3AM-23&fb=")
    [act] = store.list_acts(app.state.feedback_log)
    assert (act["kind"], act["actor_id"], act["into_actor_id"], act["who"]) == ("merge_actor", "unknown:M-23", "m23", "ana")


def test_every_kind_of_digest_link_opens_a_workbench_page_with_content(app, web_warehouse):
    con = connect_read_only(web_warehouse)
    try:
        items = digest.matches(con, {}, AS_OF, "http://workbench.example/")
    finally:
        con.close()
    by_kind = {i.kind: i for i in items}
    assert set(by_kind) == {"document", "spike", "link"}
    ana = _client(app, "ana", "analyst")
    for item in by_kind.values():
        assert item.link.startswith("http://workbench.example/")
        parts = urlsplit(item.link)
        r = ana.get(f"{parts.path}?{parts.query}")
        assert r.status_code == 200, item.link
        assert "Nothing here." not in r.text, item.link


def test_the_page_of_an_unknown_actor_offers_analysts_a_merge_form(unknown_actor_warehouse, tmp_path):
    app = create_app(unknown_actor_warehouse, users=tmp_path / "u.sqlite", feedback_log=tmp_path / "acts.jsonl")
    page = "/actor?id=unknown%3AM-23"
    ana = _client(app, "ana", "analyst")
    html = ana.get(page).text
    assert 'action="/feedback/merge"' in html and 'value="unknown:M-23"' in html
    assert 'action="/feedback/merge"' not in _client(app, "vic", "viewer").get(page).text
    r = ana.post("/feedback/merge", data={"csrf": csrf_of(html), "actor_id": "unknown:M-23",
                                          "into_actor_id": "m23", "why": "a spelling of M23"})
    assert r.status_code == 200 and "Feedback recorded" in r.text


def test_the_document_page_lists_its_links_with_confidence_and_an_analyst_can_mark_a_set_aside_one_right(app):
    html = _client(app, "ana", "analyst").get("/doc?id=doubt").text
    assert "Links read in this document" in html and "set aside" in html and "0.05" in html
    fields = hidden_fields(html, "/feedback/link")
    assert (fields["doc_id"], fields["actor_id"], fields["market"]) == ("doubt", "lra", "fauna_crimes")
    ana = _client(app, "ana", "analyst")
    r = ana.post("/feedback/link", data={**fields, "csrf": csrf_of(ana.get("/doc?id=doubt").text),
                                          "verdict": "right", "why": "the LRA does sell ivory here"},
                 follow_redirects=False)
    assert r.status_code == 303
    [act] = store.list_acts(app.state.feedback_log)
    assert (act["kind"], act["verdict"], act["actor_id"], act["doc_id"]) == ("mark_link", "right", "lra", "doubt")
    viewer = _client(app, "vic", "viewer").get("/doc?id=doubt").text
    assert "set aside" in viewer and 'action="/feedback/link"' not in viewer
    counted = _client(app, "ana", "analyst").get("/doc?id=hostile").text
    assert ">counted<" in counted
