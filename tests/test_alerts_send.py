"""Alert digests after a build, against a local SMTP server (STARTTLS, login) and local webhook receivers."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import json
import logging
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ocwatch.cli import main
from ocwatch.feedback import store, watches
from ocwatch.feedback.alerts import send_alerts
from ocwatch.feedback.deliver import SmtpConfig
from ocwatch.settings import Settings
from ocwatch.warehouse.build import build_warehouse
from tests.support.feedback_lake import AS_OF, FDLR_LINK, SOURCES, write_lake

PASSWORD = "pa55-w0rd-never-logged"
TOKEN = "T0KEN-secret-path"
WORKBENCH = "https://workbench.example/ocw"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], str]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg["Subject"] + "\n" + msg.get_content()))
        return "250 OK"


def _login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"ocw" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[tuple[SmtpConfig, Mailbox]]:
    cert, key = _certificate(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    box, port = Mailbox(), _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, tls_context=tls, require_starttls=True,
                            authenticator=_login, auth_require_tls=True)
    controller.start()
    try:
        yield SmtpConfig("127.0.0.1", port, "ocw", PASSWORD, "alerts@ocwatch.example", cert, timeout=10), box
    finally:
        controller.stop()


class Receiver:
    """Incoming webhooks: /ok/<token> answers 200, /fail/<token> always 500, /flaky/<token> 500 once."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, dict]] = []
        self.flaky_failures = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.posts.append((self.path, body))
                fail = self.path.startswith("/fail") or (self.path.startswith("/flaky") and receiver.flaky_failures < 1)
                if self.path.startswith("/flaky") and fail:
                    receiver.flaky_failures += 1
                self.send_response(500 if fail else 200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def to(self, path: str) -> list[dict]:
        return [body for p, body in self.posts if p.startswith(path)]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.server.shutdown()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    write_lake(str(tmp_path / "lake"))
    return build_warehouse(str(tmp_path / "lake"), tmp_path / "w.duckdb", AS_OF, SOURCES)


def _users(db: Path, receiver: Receiver) -> None:
    watches.set_user(db, "ana", name="Ana", email="ana@un.example", webhook_url=f"{receiver.url}/ok/{TOKEN}")
    watches.set_user(db, "ben", name="Ben", webhook_url=f"{receiver.url}/fail/{TOKEN}")
    watches.set_user(db, "cy", name="Cy", email="cy@un.example", webhook_url=f"{receiver.url}/flaky/{TOKEN}")
    watches.add_watch(db, "ana", "gold in DRC", market="non_renewable_resource_crimes", country_iso3="COD")
    watches.add_watch(db, "ana", "FDLR", actor_id="fdlr")  # overlaps the first: one digest, each item once
    watches.add_watch(db, "ben", "FDLR", actor_id="fdlr")
    watches.add_watch(db, "cy", "Bisie", words="taxed gold at bisie")
    watches.set_user(db, "dee", email="dee@un.example")
    watches.add_watch(db, "dee", "Haiti", country_iso3="HTI")  # nothing this build: no digest


def test_one_digest_per_person_per_build_by_email_and_webhook(warehouse, smtp, receiver, tmp_path, caplog) -> None:
    cfg, box = smtp
    db = tmp_path / "alerts.sqlite"
    _users(db, receiver)
    caplog.set_level(logging.DEBUG)
    first = send_alerts(warehouse, db, AS_OF, smtp=cfg, workbench_url=WORKBENCH, attempts=3, backoff=0.01)
    assert first.digests == 3
    assert sorted(first.sent) == ["ana/email", "ana/webhook", "cy/email", "cy/webhook"]
    assert first.failed == ["ben/webhook"]

    [(_, mail)] = [m for m in box.messages if m[0] == ["ana@un.example"]]
    assert "FDLR" in mail and f"{WORKBENCH}/evidence?indicator=new_links" in mail and f"{WORKBENCH}/doc?id=fdlr-0" in mail
    assert mail.count("doc?id=fdlr-0") == 1  # caught by both of ana's watches, listed once
    [hook] = receiver.to("/ok")
    assert set(hook) == {"text"} and "FDLR" in hook["text"]
    assert len(receiver.to("/fail")) == 3  # retried, then recorded
    assert len(receiver.to("/flaky")) == 2  # failed once, sent on the retry

    log = {(r["user_id"], r["channel"]): r for r in watches.sent_log(db, AS_OF.isoformat())}
    assert (log["ben", "webhook"]["status"], log["ben", "webhook"]["attempts"]) == ("failed", 3)
    assert log["ben", "webhook"]["error"] == "webhook answered HTTP 500"
    assert (log["cy", "webhook"]["status"], log["cy", "webhook"]["attempts"]) == ("sent", 2)

    again = send_alerts(warehouse, db, AS_OF, smtp=cfg, workbench_url=WORKBENCH, attempts=2, backoff=0.01)
    assert sorted(again.skipped) == ["ana/email", "ana/webhook", "cy/email", "cy/webhook"]
    assert again.failed == ["ben/webhook"]  # a failed one is tried again, and recorded again
    assert len(box.messages) == 2 and len(receiver.to("/ok")) == 1 and len(receiver.to("/fail")) == 5
    assert {r["attempts"] for r in watches.sent_log(db) if r["user_id"] == "ben"} == {5}

    assert PASSWORD not in caplog.text and TOKEN not in caplog.text
    assert "ben by webhook failed after 3 attempt(s)" in caplog.text


def test_the_next_build_sends_only_what_is_new_and_respects_feedback(warehouse, smtp, receiver, tmp_path) -> None:
    cfg, box = smtp
    db = tmp_path / "alerts.sqlite"
    watches.set_user(db, "ana", email="ana@un.example")
    watches.add_watch(db, "ana", "FDLR", actor_id="fdlr")
    send_alerts(warehouse, db, AS_OF, smtp=cfg, workbench_url=WORKBENCH, backoff=0.01)
    assert len(box.messages) == 1
    # The next night: nothing new about FDLR, so no digest at all.
    nxt = AS_OF + dt.timedelta(days=1)
    build_warehouse(str(tmp_path / "lake"), warehouse, nxt, SOURCES)
    report = send_alerts(warehouse, db, nxt, smtp=cfg, workbench_url=WORKBENCH, backoff=0.01)
    assert report.digests == 0 and len(box.messages) == 1


def test_a_link_marked_wrong_is_not_alerted(warehouse, smtp, receiver, tmp_path) -> None:
    cfg, box = smtp
    log = tmp_path / "acts.jsonl"
    for n in range(3):
        store.mark_link(log, "ana", "old story", verdict="wrong", **{**FDLR_LINK, "doc_id": f"fdlr-{n}"})
    build_warehouse(str(tmp_path / "lake"), warehouse, AS_OF, SOURCES, feedback=log)
    db = tmp_path / "alerts.sqlite"
    watches.set_user(db, "ana", email="ana@un.example")
    watches.add_watch(db, "ana", "FDLR", actor_id="fdlr")
    send_alerts(warehouse, db, AS_OF, smtp=cfg, workbench_url=WORKBENCH, backoff=0.01)
    [(_, mail)] = box.messages
    assert "New link" not in mail and "doc?id=fdlr-0" in mail  # the documents still name FDLR


def test_alerts_refuse_a_warehouse_built_for_another_date(warehouse, tmp_path) -> None:
    db = tmp_path / "alerts.sqlite"
    watches.set_user(db, "ana", email="ana@un.example")
    watches.add_watch(db, "ana", "FDLR", actor_id="fdlr")
    with pytest.raises(RuntimeError, match="built as of 2026-11-16, not 2026-11-20"):
        send_alerts(warehouse, db, dt.date(2026, 11, 20), smtp=None, workbench_url=WORKBENCH)


def test_the_command_sends_after_the_build_and_records_a_missing_mail_server(warehouse, receiver, tmp_path,
                                                                            capsys) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "warehouse.duckdb").write_bytes(warehouse.read_bytes())
    assert main(["alerts", "user", "ana", "--home", str(home), "--email", "ana@un.example",
                 "--webhook-url", f"{receiver.url}/ok/{TOKEN}"]) == 0
    assert main(["alerts", "watch", "ana", "FDLR", "--home", str(home), "--actor", "fdlr"]) == 0
    capsys.readouterr()
    assert main(["alerts", "send", "--date", "2026-11-16", "--home", str(home)]) == 1  # no SMTP server set
    assert "alerts: FAILED (digest for ana/email failed" in capsys.readouterr().out
    assert len(receiver.to("/ok")) == 1
    log = {r["channel"]: r for r in watches.sent_log(home / "alerts" / "alerts.sqlite")}
    assert log["email"]["error"] == "email: no SMTP server configured (OCWATCH_SMTP_HOST)"
    assert log["webhook"]["status"] == "sent"


def test_the_smtp_password_stays_out_of_the_settings_repr() -> None:
    settings = Settings.from_env({"OCWATCH_SMTP_HOST": "mail.example", "OCWATCH_SMTP_PASSWORD": PASSWORD,
                                  "OCWATCH_SMTP_PORT": "2525"})
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_password) == ("mail.example", 2525, PASSWORD)
    assert PASSWORD not in repr(settings)
    assert PASSWORD not in repr(SmtpConfig("mail.example", password=PASSWORD))


def test_watch_words_match_whatever_the_case_and_accents_as_the_search_does() -> None:
    import duckdb

    from ocwatch.feedback.digest import words_sql

    con = duckdb.connect()
    con.execute("create table s as select * from (values ('Les négociants de Rubaya'), ('Coltan à Goma')) t(text)")
    for words, expected in (("negociants", ["Les négociants de Rubaya"]), ("NÉGOCIANTS", ["Les négociants de Rubaya"]),
                            ('"coltan a goma"', ["Coltan à Goma"]), ("rubaya -negociants", [])):
        conds, params = words_sql(words, "contains(strip_accents(lower(text)), {t})")
        assert [r[0] for r in con.execute(f"select text from s where {' and '.join(conds)}", params).fetchall()] \
            == expected, words
