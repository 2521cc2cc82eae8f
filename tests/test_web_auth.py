"""The workbench's doors: login, roles, CSRF, session expiry, the proxy header, the console."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from ocwatch.warehouse.query import connect_read_only
from ocwatch.web import create_app
from ocwatch.web.store import Store, StoreError, verify_password
from tests.support.web_sample import PASSWORD, csrf_of, login

PAGES = ["/", "/trends", "/map", "/search?q=gold", "/trade", "/evidence", "/actor?id=m23",
         "/place?id=domain:rubaya", "/market?id=non_renewable_resource_crimes", "/source?id=sa",
         "/doc?id=hostile", "/console", "/users", "/export/rising.csv", "/watches", "/feedback/review", "/feedback.jsonl"]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def app(web_warehouse, tmp_path):
    return create_app(web_warehouse, users=tmp_path / "users.sqlite")


@pytest.mark.parametrize("path", PAGES)
def test_no_page_answers_without_login(app, path):
    r = TestClient(app).get(path, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=")


def test_a_wrong_password_or_unknown_user_is_refused(app):
    app.state.store.add_user("ana", "viewer", PASSWORD)
    c = TestClient(app)
    for user, password in (("ana", "wrong password"), ("nobody", PASSWORD)):
        token = csrf_of(c.get("/login").text)
        r = c.post("/login", data={"csrf": token, "user": user, "password": password}, follow_redirects=False)
        assert r.status_code == 401
    assert c.get("/", follow_redirects=False).status_code == 303


def test_login_without_its_csrf_token_is_refused(app):
    app.state.store.add_user("ana", "viewer", PASSWORD)
    c = TestClient(app)
    c.get("/login")
    r = c.post("/login", data={"csrf": "forged", "user": "ana", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    assert c.get("/", follow_redirects=False).status_code == 303


def test_login_redirect_stays_on_this_site(app):
    app.state.store.add_user("ana", "viewer", PASSWORD)
    c = TestClient(app)
    token = csrf_of(c.get("/login").text)
    r = c.post("/login", data={"csrf": token, "user": "ana", "password": PASSWORD,
                               "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_passwords_are_stored_as_scrypt_hashes(tmp_path):
    store = Store(tmp_path / "u.sqlite")
    store.add_user("ana", "admin", PASSWORD)
    import sqlite3

    stored = sqlite3.connect(tmp_path / "u.sqlite").execute("select pw_hash from users").fetchone()[0]
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert verify_password(PASSWORD, stored) and not verify_password("other password", stored)
    with pytest.raises(StoreError, match="role 'boss'"):
        store.add_user("bob", "boss", PASSWORD)
    with pytest.raises(StoreError, match="at least 8"):
        store.add_user("bob", "viewer", "short")


def test_expired_sessions_are_refused(web_warehouse, tmp_path):
    clock = Clock()
    app = create_app(web_warehouse, users=tmp_path / "u.sqlite", session_seconds=60, clock=clock)
    c = login(TestClient(app), "ana", "viewer")
    assert c.get("/", follow_redirects=False).status_code == 200
    clock.now += 61
    r = c.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_logout_ends_the_session_and_needs_the_csrf_token(app):
    c = login(TestClient(app), "ana", "viewer")
    assert c.post("/logout", data={"csrf": "forged"}, follow_redirects=False).status_code == 403
    assert c.get("/", follow_redirects=False).status_code == 200
    token = csrf_of(c.get("/").text)
    assert c.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert c.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("role,console,users,export", [
    ("viewer", 403, 403, 403), ("analyst", 403, 403, 200), ("admin", 200, 200, 200)])
def test_each_role_reaches_only_what_it_may(app, role, console, users, export):
    c = login(TestClient(app), "u", role)
    assert c.get("/console").status_code == console
    assert c.get("/users").status_code == users
    assert c.get("/export/rising.csv").status_code == export
    assert c.get("/").status_code == 200


def test_every_write_checks_the_role_before_anything_changes(app):
    c = login(TestClient(app), "ana", "analyst")
    token = csrf_of(c.get("/").text)
    r = c.post("/users", data={"csrf": token, "name": "mallory", "role": "admin", "password": PASSWORD})
    assert r.status_code == 403
    assert app.state.store.role_of("mallory") is None
    assert c.post("/console", data={"csrf": token, "sql": "select 1"}).status_code == 403


def test_a_post_without_the_csrf_token_changes_nothing(app):
    c = login(TestClient(app), "root", "admin")
    r = c.post("/users", data={"name": "mallory", "role": "admin", "password": PASSWORD})
    assert r.status_code == 403
    r = c.post("/users", data={"csrf": "x" * 43, "name": "mallory", "role": "admin", "password": PASSWORD})
    assert r.status_code == 403
    assert app.state.store.role_of("mallory") is None
    token = csrf_of(c.get("/users").text)
    assert c.post("/users", data={"csrf": token, "name": "eve", "role": "viewer", "password": PASSWORD}).status_code == 200
    assert app.state.store.role_of("eve") == "viewer"


def test_the_proxy_header_is_ignored_unless_trusted(web_warehouse, tmp_path):
    plain = create_app(web_warehouse, users=tmp_path / "u.sqlite")
    plain.state.store.add_user("ana", "analyst", PASSWORD)
    assert TestClient(plain).get("/", headers={"X-Remote-User": "ana"}, follow_redirects=False).status_code == 303
    trusted = create_app(web_warehouse, users=tmp_path / "u.sqlite", trust_header="X-Remote-User")
    c = TestClient(trusted)
    assert c.get("/", headers={"X-Remote-User": "ana"}).status_code == 200
    # a name the local store does not hold gets nothing: the role comes from the store
    assert TestClient(trusted).get("/", headers={"X-Remote-User": "ghost"}, follow_redirects=False).status_code == 303


def _console(c, sql):
    token = csrf_of(c.get("/console").text)
    return c.post("/console", data={"csrf": token, "sql": sql})


@pytest.mark.parametrize("sql", [
    "create table pwned as select 1",
    "insert into sources (source_id) values ('x')",
    "drop table sources",
    "attach '/tmp/pwned.duckdb' as p",
    "copy sources to '/tmp/pwned.csv'",
    "select * from read_csv('/etc/passwd')",
    "install httpfs",
    "set enable_external_access = true",
])
def test_the_console_cannot_change_or_read_outside_the_warehouse(app, web_warehouse, sql):
    c = login(TestClient(app), "root", "admin")
    before = web_warehouse.read_bytes()
    r = _console(c, sql)
    assert r.status_code == 200
    assert 'class="error"' in r.text
    assert web_warehouse.read_bytes() == before
    con = connect_read_only(web_warehouse)  # the app holds the file open with these settings in this process
    assert con.execute("select count(*) from information_schema.tables where table_name = 'pwned'").fetchone()[0] == 0
    con.close()


def test_the_console_answers_reads_with_a_row_limit(app):
    c = login(TestClient(app), "root", "admin")
    r = _console(c, "select range as n from range(5000)")
    assert r.status_code == 200
    assert "Only the first 1000 rows" in r.text
    assert r.text.count("<tr>") == 1001  # header and 1000 rows


def test_the_console_stops_a_long_query(web_warehouse):
    from ocwatch.warehouse.query import QueryError
    from ocwatch.web.db import Warehouse, console_query

    with pytest.raises(QueryError, match="time limit"):
        console_query(Warehouse(web_warehouse), "select count(*) from range(100000000000) a", seconds=0.5)
