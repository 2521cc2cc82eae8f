"""Known URLs as a keyed index beside the lake: a crawl looks up what it finds instead of scanning history.

Scanning every earlier ``documents`` partition for known URLs cost each crawl
process time and memory in proportion to the lake's whole history (a month of
100,000-document nights is three million URLs held in a dict by every
process). The index is an SQLite file that holds, per lake part file, the
(url, doc_id, fetched_at, etag, last_modified) of its documents, keyed by URL.
Each crawl first brings it level with the lake's earlier part files (a part
added, rewritten or removed since is indexed again or dropped, by its size and
modification time), so a night pays for the parts written since the last
night, and then answers each lookup with one indexed query.

The lake stays the truth: the index is derived from it, a lookup sees only
parts dated before the run date (a rerun of an earlier date sees what that date
saw), and an index that cannot be opened or refreshed costs a scan, never a crawl.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import sqlite3
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import duckdb

from ocwatch.lake.cache import cache_dir
from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import part_files
from ocwatch.spiders.history.known import Known
from ocwatch.spiders.history.text_key import text_key

log = logging.getLogger(__name__)

INDEX_FILE = "known_urls.sqlite"
LOCK_WAIT_S = 900  # a first refresh over a long history can take minutes; other crawls wait for it
_SCHEMA = """
create table if not exists files (
    file_id integer primary key, path text unique not null, date text not null, stamp text not null);
create table if not exists versions (
    url text not null, file_id integer not null, date text not null, doc_id text not null,
    fetched_at text not null, etag text, last_modified text);
create index if not exists versions_by_url on versions (url, fetched_at);
create index if not exists versions_by_file on versions (file_id);
create table if not exists texts (
    source_id text not null, text_key text not null, file_id integer not null, date text not null,
    doc_id text not null, url text not null, fetched_at text not null);
create index if not exists texts_by_key on texts (source_id, text_key, fetched_at);
create index if not exists texts_by_file on texts (file_id);
"""


def index_path(lake: Lake) -> Path:
    """Beside a local lake; for a lake in object storage, in the per-user cache, keyed by the lake's URL."""
    lake = Lake.at(lake)
    if lake.is_local:
        return lake.local_path / "_index" / INDEX_FILE
    return cache_dir() / f"known_urls-{hashlib.sha256(lake.url.encode()).hexdigest()[:16]}.sqlite"


class KnownUrls(Mapping[str, Known]):
    """Known URLs of the parts dated before ``before``: the latest fetch of each, by canonical URL."""

    _LATEST = ("select doc_id, fetched_at, etag, last_modified from versions where url = ? and date < ? "
               "order by fetched_at desc, date desc, doc_id limit 1")

    def __init__(self, con: sqlite3.Connection, before: dt.date) -> None:
        self._con = con
        self._before = before.isoformat()

    def same_text(self, source_id: str, key: str) -> Known | None:
        """The first stored document of the source with this text key (ocwatch.spiders.history.text_key).

        Any other night counts, later ones too: a backfill of a past date does not
        store again what a later night holds. The run's own date does not (its rerun replaces it).
        """
        row = self._con.execute(
            "select doc_id, url, fetched_at from texts where source_id = ? and text_key = ? and date <> ? "
            "order by fetched_at, doc_id limit 1", (source_id, key, self._before)).fetchone()
        if row is None:
            return None
        did, url, fetched = row
        return Known(did, url, dt.datetime.fromisoformat(fetched), None, None)

    def __getitem__(self, url: str) -> Known:
        row = self._con.execute(self._LATEST, (url, self._before)).fetchone()
        if row is None:
            raise KeyError(url)
        did, fetched, etag, lm = row
        return Known(did, url, dt.datetime.fromisoformat(fetched), etag, lm)

    def __contains__(self, url: object) -> bool:
        return self._con.execute("select 1 from versions where url = ? and date < ? limit 1",
                                 (url, self._before)).fetchone() is not None

    def __len__(self) -> int:
        return self._con.execute("select count(distinct url) from versions where date < ?",
                                 (self._before,)).fetchone()[0]

    def __iter__(self) -> Iterator[str]:
        rows = self._con.execute("select distinct url from versions where date < ? order by url", (self._before,))
        return (url for (url,) in rows)


def _use_wal(con: sqlite3.Connection) -> None:
    """WAL, so lookups go on while another crawl refreshes; switched once, by whichever crawl gets there first."""
    for _ in range(50):
        try:
            if con.execute("pragma journal_mode").fetchone()[0] == "wal":
                return
            con.execute("pragma journal_mode = wal")
        except sqlite3.OperationalError:  # another crawl is switching it or writing: look again
            time.sleep(0.1)
    raise sqlite3.OperationalError("could not switch the known-URL index to WAL mode")


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=LOCK_WAIT_S, isolation_level=None)
    try:
        _use_wal(con)
        con.execute("pragma synchronous = normal")
        con.execute("begin immediate")  # waits its turn (busy timeout) like a refresh
        _forget_parts_indexed_without_texts(con)
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                con.execute(statement)
        con.execute("commit")
    except BaseException:
        con.close()
        raise
    return con


def _forget_parts_indexed_without_texts(con: sqlite3.Connection) -> None:
    """An index made before the texts table: its parts are indexed again, texts and all, by the next refresh."""
    tables = {name for (name,) in con.execute("select name from sqlite_master where type = 'table'")}
    if "files" in tables and "texts" not in tables:
        con.execute("delete from versions")
        con.execute("delete from files")


def _rows_of(lake: Lake, path: str) -> list[tuple]:
    """(url, doc_id, fetched_at, etag, last_modified, source_id, text key) of a documents part."""
    with lake.duckdb() as con:
        rows = con.execute("""
            select url, doc_id, strftime(timezone('UTC', fetched_at), '%Y-%m-%dT%H:%M:%S.%f+00:00'),
                   etag, last_modified, source_id, text
            from read_parquet(?) where url is not null and doc_id is not null and fetched_at is not null""",
                           [path]).fetchall()
    return [(*r[:6], text_key(r[6])) for r in rows]


def refresh(con: sqlite3.Connection, lake: Lake, day: dt.date) -> tuple[int, int]:
    """Bring the index level with the lake's document parts dated before ``day``; (parts added, dropped)."""
    # Lake.at spells each path one way, whatever the caller's working folder: a path
    # indexed under another spelling would look removed and be read again.
    lake = Lake.at(lake)
    wanted = part_files(lake, "documents", day - dt.timedelta(days=1))
    con.execute("begin immediate")  # one refresher at a time; the others then find nothing to do
    try:
        have = {p: (fid, stamp) for fid, p, stamp in con.execute(
            "select file_id, path, stamp from files where date < ?", (day.isoformat(),))}
        gone = [fid for p, (fid, stamp) in have.items() if wanted.get(p) != stamp]
        for fid in gone:
            con.execute("delete from versions where file_id = ?", (fid,))
            con.execute("delete from texts where file_id = ?", (fid,))
            con.execute("delete from files where file_id = ?", (fid,))
        added = [p for p, stamp in wanted.items() if have.get(p, (None, None))[1] != stamp]
        for p in added:
            date = Path(p).parent.name.removeprefix("date=")
            fid = con.execute("insert into files (path, date, stamp) values (?, ?, ?)",
                              (p, date, wanted[p])).lastrowid
            rows = _rows_of(lake, p)
            con.executemany("insert into versions values (?, ?, ?, ?, ?, ?, ?)",
                            [(u, fid, date, d, f, e, m) for u, d, f, e, m, _, _ in rows])
            con.executemany("insert into texts values (?, ?, ?, ?, ?, ?, ?)",
                            [(s, k, fid, date, d, u, f) for u, d, f, _, _, s, k in rows if k and s])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return len(added), len(gone)


def open_known(lake: Lake, date: dt.date) -> KnownUrls:
    """The refreshed index for a run of ``date``; raises sqlite3.Error or OSError when it cannot be had."""
    day = date
    con = _connect(index_path(lake))
    try:
        added, dropped = refresh(con, lake, day)
    except BaseException:
        con.close()
        raise
    if added or dropped:
        log.info("known-URL index: %d part files indexed, %d dropped", added, dropped)
    return KnownUrls(con, day)


def index_night(lake: Lake, date: dt.date) -> int:
    """Index a night's parts once its near-duplicate pass has rewritten them, so the next crawl starts ready.

    Returns the part files indexed; an index that cannot be had is only logged
    (the next crawl refreshes it, or scans).
    """
    day = date
    try:
        con = _connect(index_path(lake))
        try:
            return refresh(con, lake, day + dt.timedelta(days=1))[0]
        finally:
            con.close()
    except (sqlite3.Error, OSError, duckdb.Error) as exc:
        log.warning("known-URL index %s not refreshed for %s (%s): the next crawl will", index_path(lake), day, exc)
        return 0
