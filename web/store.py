"""Local accounts and sessions: a small SQLite file beside the warehouse.

Passwords are hashed with scrypt (hashlib, a memory-hard KDF); a session is a
random token whose sha256 is stored, so a copy of the file lets nobody log in.
Each session carries its own CSRF token, checked on every POST.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

ROLES = ("viewer", "analyst", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}
SESSION_SECONDS = 8 * 3600
# scrypt parameters: 2^14 rounds, 16 MiB of memory; about 50 ms a login here.
_N, _R, _P = 2**14, 8, 1

_SCHEMA = """
create table if not exists users (
  name text primary key, role text not null, pw_hash text not null, created_at real not null);
create table if not exists sessions (
  token_sha256 text primary key, user text not null references users(name) on delete cascade,
  csrf text not null, created_at real not null, expires_at real not null);
"""


class StoreError(ValueError):
    """A bad user name, role or password, named in the message."""


@dataclass(frozen=True)
class Session:
    user: str
    role: str
    csrf: str
    expires_at: float

    def may(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, key = stored.split("$")
    except ValueError:
        return False
    if kind != "scrypt":
        return False
    got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                         dklen=len(key) // 2)
    return hmac.compare_digest(got.hex(), key)


# A real hash to compare against when the user does not exist, so a login takes
# as long for a wrong name as for a wrong password.
_DUMMY = hash_password(secrets.token_hex(8))


class Store:
    """Users and sessions in one SQLite file (the only file the web app writes)."""

    def __init__(self, path: Path, session_seconds: int = SESSION_SECONDS,
                 clock: callable = time.time) -> None:  # type: ignore[valid-type]
        self.path = Path(path)
        self.session_seconds = session_seconds
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(_SCHEMA)

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.execute("pragma foreign_keys = on")
        return db

    def add_user(self, name: str, role: str, password: str) -> None:
        name = name.strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise StoreError(f"user name {name!r}: 1 to 64 characters, no spaces")
        if role not in ROLES:
            raise StoreError(f"role {role!r}: use one of {', '.join(ROLES)}")
        if len(password) < 8:
            raise StoreError(f"password for {name!r}: at least 8 characters")
        with self._db() as db:
            db.execute("insert into users values (?, ?, ?, ?) on conflict(name) do update set "
                       "role = excluded.role, pw_hash = excluded.pw_hash",
                       (name, role, hash_password(password), self.clock()))
            db.execute("delete from sessions where user = ?", (name,))

    def users(self) -> list[tuple[str, str]]:
        with self._db() as db:
            return db.execute("select name, role from users order by name").fetchall()

    def role_of(self, name: str) -> str | None:
        with self._db() as db:
            row = db.execute("select role from users where name = ?", (name,)).fetchone()
        return row[0] if row else None

    def check_password(self, name: str, password: str) -> bool:
        with self._db() as db:
            row = db.execute("select pw_hash from users where name = ?", (name,)).fetchone()
        ok = verify_password(password, row[0] if row else _DUMMY)
        return ok and row is not None

    def open_session(self, name: str) -> str:
        """A new session for a user; returns the token for the cookie."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self._db() as db:
            db.execute("delete from sessions where expires_at < ?", (now,))
            db.execute("insert into sessions values (?, ?, ?, ?, ?)",
                       (_sha(token), name, secrets.token_urlsafe(32), now, now + self.session_seconds))
        return token

    def session(self, token: str | None) -> Session | None:
        if not token:
            return None
        with self._db() as db:
            row = db.execute("select s.user, u.role, s.csrf, s.expires_at from sessions s "
                             "join users u on u.name = s.user where s.token_sha256 = ?",
                             (_sha(token),)).fetchone()
        if row is None or row[3] <= self.clock():
            return None
        return Session(*row)

    def close_session(self, token: str | None) -> None:
        if token:
            with self._db() as db:
                db.execute("delete from sessions where token_sha256 = ?", (_sha(token),))


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
