"""After a build: one digest per person of what their watches caught, by email and by webhook.

For each user with watches, the items of the build (ocwatch.feedback.digest)
not in any earlier digest of theirs make one digest, stored with the build
id (the build's as-of date) before anything is sent, so every channel and
every retry sends the same text. Each (user, channel, build) is sent at most
once: the sent-log row is claimed (``sending``) before the attempt, then
marked ``sent`` or ``failed`` with the attempts and the error. A failed one
is tried again by the next ``send_alerts`` of the same build; one left
``sending`` by a killed run is reported, never resent, because it may have
gone out. Logs name users and channels, never an address's secret.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ocwatch.feedback.deliver import (
    DeliveryError,
    SmtpConfig,
    post_webhook,
    send_email,
    with_retries,
)
from ocwatch.feedback.digest import Item, matches
from ocwatch.feedback.watches import connect, watches

log = logging.getLogger("ocwatch.alerts")


@dataclass
class AlertReport:
    build_id: str
    digests: int = 0
    sent: list[str] = field(default_factory=list)  # "user/channel"
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already sent, or left sending by a killed run


def _slack_safe(text: str) -> str:
    # Web text in a webhook message: &, < and > are control characters in Slack and Mattermost markup.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _body(build_id: str, sections: list[tuple[dict, list[Item]]], for_webhook: bool) -> str:
    esc = _slack_safe if for_webhook else (lambda t: t)
    lines = [f"ocwatch: what your watches caught in build {build_id}"]
    for watch, items in sections:
        lines += ["", f"Watch \"{esc(watch['name'])}\":"]
        for it in items:
            lines.append(f"- {esc(it.text)}: {it.link}" + (f" (source: {esc(it.source_url)})" if it.source_url else ""))
    return "\n".join(lines)


def _compose(con: sqlite3.Connection, wh: duckdb.DuckDBPyConnection, user: str, user_watches: list[dict],
             as_of: dt.date, build_id: str, base: str) -> sqlite3.Row | None:
    """The user's digest of this build: the stored one, or a new one stored with its items."""
    stored = con.execute("select * from digests where user_id = ? and build_id = ?", [user, build_id]).fetchone()
    if stored:
        return stored
    seen = {r[0] for r in con.execute("select item_key from digest_items where user_id = ?", [user])}
    sections, keys = [], []
    for watch in user_watches:
        fresh = [it for it in matches(wh, watch, as_of, base) if it.key not in seen and it.key not in keys]
        keys += [it.key for it in fresh]
        if fresh:
            sections.append((watch, fresh))
    if not sections:
        return None
    subject = f"ocwatch: {len(keys)} new item(s) for your watches (build {build_id})"
    con.execute("begin immediate")
    con.execute("insert into digests values (?, ?, ?, ?, ?, ?, ?)",
                [user, build_id, subject, _body(build_id, sections, False), _body(build_id, sections, True),
                 len(keys), dt.datetime.now(dt.UTC).isoformat()])
    con.executemany("insert or ignore into digest_items values (?, ?, ?)", [(user, k, build_id) for k in keys])
    con.execute("commit")
    return con.execute("select * from digests where user_id = ? and build_id = ?", [user, build_id]).fetchone()


def _claim(con: sqlite3.Connection, user: str, channel: str, build_id: str) -> bool:
    """Take (user, channel, build) for sending; False when it was sent or is being sent."""
    con.execute("begin immediate")
    row = con.execute("select status from sent_log where user_id = ? and channel = ? and build_id = ?",
                      [user, channel, build_id]).fetchone()
    ok = row is None or row["status"] == "failed"
    if ok:
        con.execute("insert or replace into sent_log values (?, ?, ?, 'sending', "
                    "coalesce((select attempts from sent_log where user_id = ? and channel = ? and build_id = ?), 0), "
                    "NULL, ?)", [user, channel, build_id, user, channel, build_id, dt.datetime.now(dt.UTC).isoformat()])
    con.execute("commit")
    return ok


def _record(con: sqlite3.Connection, user: str, channel: str, build_id: str, tries: int, error: str | None) -> None:
    con.execute("update sent_log set status = ?, attempts = attempts + ?, error = ?, updated_at = ? "
                "where user_id = ? and channel = ? and build_id = ?",
                ["failed" if error else "sent", tries, error, dt.datetime.now(dt.UTC).isoformat(),
                 user, channel, build_id])


def _no_smtp() -> None:
    raise DeliveryError("email: no SMTP server configured (OCWATCH_SMTP_HOST)")


def _channels(user_row: sqlite3.Row, smtp: SmtpConfig | None, digest: sqlite3.Row) -> dict:
    out = {}
    if user_row["email"] and smtp is not None:
        out["email"] = lambda: send_email(smtp, user_row["email"], digest["subject"], digest["mail_body"])
    elif user_row["email"]:
        out["email"] = _no_smtp
    if user_row["webhook_url"]:
        out["webhook"] = lambda: post_webhook(user_row["webhook_url"], digest["subject"] + "\n" + digest["hook_body"])
    return out


def _build_date(wh: duckdb.DuckDBPyConnection, as_of: dt.date) -> str:
    built = wh.execute("select as_of from build_info").fetchone()[0]
    if built != as_of:
        raise DeliveryError(f"the warehouse is built as of {built}, not {as_of}: build that date first")
    return as_of.isoformat()


def send_alerts(warehouse: Path, alerts_db: Path, as_of: dt.date, *, smtp: SmtpConfig | None,
                workbench_url: str, attempts: int = 3, backoff: float = 2.0) -> AlertReport:
    """Send each watching user the digest of the build as of ``as_of``; returns what happened."""
    all_watches = watches(alerts_db)
    if not all_watches:  # nobody watches anything: no need for the warehouse
        return AlertReport(as_of.isoformat())
    with duckdb.connect(str(warehouse), read_only=True) as wh, connect(alerts_db) as con:
        report = AlertReport(_build_date(wh, as_of))
        for user in sorted({w["user_id"] for w in all_watches}):
            digest = _compose(con, wh, user, [w for w in all_watches if w["user_id"] == user],
                              as_of, report.build_id, workbench_url)
            if digest is None:
                continue
            report.digests += 1
            user_row = con.execute("select * from users where user_id = ?", [user]).fetchone()
            for channel, send in _channels(user_row, smtp, digest).items():
                who = f"{user}/{channel}"
                if not _claim(con, user, channel, report.build_id):
                    report.skipped.append(who)
                    continue
                tries, error = with_retries(send, attempts, backoff)
                _record(con, user, channel, report.build_id, tries, error)
                if error:
                    log.warning("alerts: digest for %s by %s failed after %d attempt(s): %s", user, channel, tries, error)
                    report.failed.append(who)
                else:
                    log.info("alerts: digest for %s sent by %s (build %s)", user, channel, report.build_id)
                    report.sent.append(who)
    return report
