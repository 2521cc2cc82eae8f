"""The known-URL index: the same answers as a scan of the lake, at the cost of what changed since."""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from pathlib import Path

from ocwatch.lake.partitions import part_path, write_partition
from ocwatch.spiders.history.known_urls import index_path, open_known
from ocwatch.spiders.history.lookup import load_history, scan_known

D0, D1, D2, D3 = (dt.date(2026, 6, 8) + dt.timedelta(days=i) for i in range(4))


def _doc(key: str, day: dt.date, hour: int, etag: str | None = None, source: str = "s") -> dict:
    return {"doc_id": f"{key}{day.day}".ljust(64, "0"), "url": f"https://example.org/{key}", "source_id": source,
            "text": f"text of {key}", "fetched_at": dt.datetime.combine(day, dt.time(hour), dt.UTC),
            "content_sha256": "0" * 64, "raw_path": "00/x.gz", "etag": etag,
            "last_modified": f"{day:%a, %d %b %Y} {hour:02d}:00:00 GMT"}


def _lake(tmp_path: Path) -> str:
    lake = str(tmp_path / "lake")
    write_partition(lake, "documents", D0, [_doc("a", D0, 9, '"a0"'), _doc("b", D0, 10)], part="s")
    write_partition(lake, "documents", D1, [_doc("a", D1, 8, '"a1"'), _doc("c", D1, 7)], part="s")
    write_partition(lake, "documents", D1, [_doc("d", D1, 6, source="t")], part="t")
    write_partition(lake, "documents", D2, [_doc("e", D2, 5)], part="s")
    return lake


def _answers(known) -> dict:
    return {url: known[url] for url in sorted(known)}


def test_index_answers_as_a_scan_of_the_earlier_partitions_does(tmp_path):
    lake = _lake(tmp_path)
    for day in (D0, D1, D2, D3):
        known = open_known(lake, day)
        assert _answers(known) == scan_known(lake, day), day
    assert open_known(lake, D3)["https://example.org/a"].etag == '"a1"'  # the latest fetch wins
    assert "https://example.org/zzz" not in open_known(lake, D3)
    assert open_known(lake, D3).get("https://example.org/zzz") is None


def test_rerun_of_an_earlier_date_sees_only_what_that_date_saw(tmp_path):
    lake = _lake(tmp_path)
    open_known(lake, D3)  # a later night indexed everything first
    rerun = open_known(lake, D1)
    assert sorted(rerun) == ["https://example.org/a", "https://example.org/b"]
    assert rerun["https://example.org/a"].etag == '"a0"'


def test_refresh_indexes_only_parts_written_since_and_follows_rewrites_and_removals(tmp_path, caplog):
    lake = _lake(tmp_path)
    caplog.set_level(logging.INFO, logger="ocwatch.spiders.history.known_urls")
    open_known(lake, D3)
    assert "4 part files indexed, 0 dropped" in caplog.text
    caplog.clear()  # whether the first call's line shows depends on logging set up by earlier tests
    open_known(lake, D3)
    assert "indexed" not in caplog.text  # nothing changed: nothing read again
    write_partition(lake, "documents", D1, [_doc("c", D1, 7, '"c-new"')], part="s")  # a rerun of D1
    os.remove(part_path(lake, "documents", D1, part="t"))
    known = open_known(lake, D3)
    assert "1 part files indexed, 2 dropped" in caplog.text
    assert _answers(known) == scan_known(lake, D3)
    assert "https://example.org/d" not in known
    assert known["https://example.org/c"].etag == '"c-new"'


def test_unusable_index_costs_a_scan_not_the_crawl(tmp_path, caplog):
    lake = _lake(tmp_path)
    path = index_path(lake)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database\x00" * 100)
    history = load_history(lake, D3)
    assert history.known == scan_known(lake, D3)
    assert str(path) in caplog.text and "scanning the lake's history instead" in caplog.text


def _open_and_count(lake: str) -> int:
    return len(open_known(lake, D3))


def test_crawls_starting_together_refresh_the_index_once_and_agree(tmp_path):
    lake = _lake(tmp_path)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        counts = pool.map(_open_and_count, [lake] * 3)
    assert counts == [5, 5, 5]
    import sqlite3

    with sqlite3.connect(index_path(lake)) as con:
        assert con.execute("select count(*) from files").fetchone()[0] == 4
        assert con.execute("select count(*) from versions").fetchone()[0] == 6


def test_dedup_indexes_its_night_so_the_next_crawl_reads_nothing_again(tmp_path, capsys):
    import json

    from ocwatch.processes.crawl import main
    from ocwatch.spiders.history.known_urls import _connect, refresh

    lake = _lake(tmp_path)
    assert main(["dedup", "--date", D2.isoformat(), "--lake", lake]) == 0
    assert json.loads(capsys.readouterr().out)["parts_indexed"] == 4
    con = _connect(index_path(lake))
    assert refresh(con, lake, D3) == (0, 0)


def test_a_lake_named_by_a_relative_path_is_not_indexed_twice(tmp_path, monkeypatch):
    from ocwatch.spiders.history.known_urls import _connect, refresh

    lake = _lake(tmp_path)
    open_known(lake, D3)
    monkeypatch.chdir(tmp_path)
    assert refresh(_connect(index_path("lake")), "lake", D3) == (0, 0)
