"""Users, their watches, and what was sent to them: one SQLite file in the data root.

A watch is a saved search: any of a market, a country (ISO3) or an admin1
code (ISO 3166-2), an actor id, and words (in the search box's language,
ocwatch.feedback.query_terms); every field given must match. The
alerts (ocwatch.feedback.alerts) read it after each nightly build. SQLite
because the workbench and the nightly task write it at the same time, and
its primary keys are what make a digest go out at most once per person,
channel and build.

A webhook URL is a secret (whoever holds it can post to the channel): it is
stored here, sent only to its own host, and never logged or shown back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ocwatch.feedback.query_terms import split

SCHEMA = """
create table if not exists users (
    user_id text primary key, name text, email text, webhook_url text);
create table if not exists watches (
    watch_id text primary key, user_id text not null references users(user_id), name text not null,
    market text, country_iso3 text, admin1 text, actor_id text, words text,
    created_at text not null, active integer not null default 1);
create table if not exists digests (
    user_id text not null, build_id text not null, subject text not null,
    mail_body text not null, hook_body text not null,
    items integer not null, created_at text not null, primary key (user_id, build_id));
create table if not exists digest_items (
    user_id text not null, item_key text not null, build_id text not null,
    primary key (user_id, item_key));
create table if not exists sent_log (
    user_id text not null, channel text not null, build_id text not null, status text not null,
    attempts integer not null, error text, updated_at text not null,
    primary key (user_id, channel, build_id));
"""
WATCH_FIELDS = ("market", "country_iso3", "admin1", "actor_id", "words")


class WatchError(ValueError):
    """A watch or user that cannot be stored; the message names the field."""


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    con.row_factory = sqlite3.Row
    try:
        con.execute("pragma journal_mode=wal")
        con.executescript(SCHEMA)
        yield con
    finally:
        con.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def set_user(path: Path, user_id: str, *, name: str | None = None, email: str | None = None,
             webhook_url: str | None = None) -> None:
    """Create or update a user's name and channels (email address, incoming-webhook URL)."""
    if not user_id or not user_id.strip():
        raise WatchError("user: user_id is required")
    if email is not None and "@" not in email:
        raise WatchError(f"user {user_id}: email {email!r} is not an address")
    if webhook_url is not None and not webhook_url.startswith(("https://", "http://")):
        raise WatchError(f"user {user_id}: the webhook URL must be http(s)")
    with connect(path) as con:
        con.execute("insert into users (user_id, name, email, webhook_url) values (?, ?, ?, ?) "
                    "on conflict (user_id) do update set name = coalesce(excluded.name, name), "
                    "email = coalesce(excluded.email, email), "
                    "webhook_url = coalesce(excluded.webhook_url, webhook_url)",
                    [user_id, name, email, webhook_url])


def users(path: Path) -> list[dict[str, Any]]:
    """Every user, with ``has_webhook`` instead of the secret URL (safe to show)."""
    with connect(path) as con:
        return [{"user_id": r["user_id"], "name": r["name"], "email": r["email"],
                 "has_webhook": bool(r["webhook_url"])} for r in con.execute("select * from users order by 1")]


def add_watch(path: Path, user_id: str, name: str, **fields: str | None) -> dict[str, Any]:
    """Save a watch for a user; at least one of market, country_iso3, admin1, actor_id, words."""
    unknown = sorted(set(fields) - set(WATCH_FIELDS))
    if unknown:
        raise WatchError(f"watch {name!r}: unknown field(s) {', '.join(unknown)}")
    given = {k: v.strip() for k, v in fields.items() if v is not None and v.strip()}
    if not given:
        raise WatchError(f"watch {name!r}: give at least one of {', '.join(WATCH_FIELDS)}")
    if "words" in given and not split(given["words"]).groups:
        raise WatchError(f"watch {name!r}: words {given['words']!r} hold nothing to look for")
    if "country_iso3" in given and (len(given["country_iso3"]) != 3 or not given["country_iso3"].isalpha()):
        raise WatchError(f"watch {name!r}: country {given['country_iso3']!r} must be an ISO3 code")
    watch = {"watch_id": "w-" + uuid.uuid4().hex[:12], "user_id": user_id, "name": name,
             **{k: given.get(k) for k in WATCH_FIELDS}, "created_at": _now(), "active": 1}
    if "country_iso3" in given:
        watch["country_iso3"] = given["country_iso3"].upper()
    with connect(path) as con:
        if not con.execute("select 1 from users where user_id = ?", [user_id]).fetchone():
            raise WatchError(f"watch {name!r}: no user {user_id!r} (set_user first)")
        cols = ", ".join(watch)
        con.execute(f"insert into watches ({cols}) values ({', '.join('?' * len(watch))})", list(watch.values()))
    return watch


def remove_watch(path: Path, watch_id: str, user_id: str | None = None) -> bool:
    """Stop a watch (kept, inactive, so the digests that named it still make sense); given
    ``user_id``, only that user's own watch. False when there was none to stop."""
    sql = "update watches set active = 0 where watch_id = ? and active = 1"
    with connect(path) as con:
        if user_id is None:
            return con.execute(sql, [watch_id]).rowcount == 1
        return con.execute(sql + " and user_id = ?", [watch_id, user_id]).rowcount == 1


def watches(path: Path, user_id: str | None = None) -> list[dict[str, Any]]:
    with connect(path) as con:
        sql = "select * from watches where active = 1" + (" and user_id = ?" if user_id else "")
        return [dict(r) for r in con.execute(sql + " order by user_id, created_at", [user_id] if user_id else [])]


def deliveries(path: Path, user_id: str) -> list[dict[str, Any]]:
    """A user's digests, newest build first, each channel's outcome with it (safe to show: no address)."""
    with connect(path) as con:
        return [dict(r) for r in con.execute(
            "select d.build_id, d.subject, d.items, d.created_at, s.channel, s.status, s.attempts, s.error, "
            "s.updated_at from digests d left join sent_log s using (user_id, build_id) where d.user_id = ? "
            "order by d.build_id desc, s.channel", [user_id])]


def sent_log(path: Path, build_id: str | None = None) -> list[dict[str, Any]]:
    """What was sent, failed or is being sent, by user, channel and build."""
    with connect(path) as con:
        sql = "select * from sent_log" + (" where build_id = ?" if build_id else "")
        return [dict(r) for r in con.execute(sql + " order by build_id, user_id, channel",
                                             [build_id] if build_id else [])]
