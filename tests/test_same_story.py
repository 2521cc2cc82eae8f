"""One story, one document: the same text under another address of its source is stored and counted once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from ocwatch import stages
from ocwatch.lake.partitions import read_partition, write_partition
from ocwatch.settings import Settings
from ocwatch.spiders.documents.canonical import declared_identity, site_key
from ocwatch.spiders.history.known_urls import open_known
from ocwatch.spiders.history.lookup import Known, scan_texts
from ocwatch.spiders.history.same_text import drop_repeats
from ocwatch.spiders.history.text_key import text_key
from ocwatch.spiders.urls import doc_id

TEXT = ("Gold smuggling from Ituri to Kampala grew this month, traders in Bunia said, as armed groups "
        "taxed the roads that lead from the mines of Mongbwalu to the border. ") * 3
FETCHED = dt.datetime(2026, 11, 10, 3, tzinfo=dt.UTC)


def _doc(url: str, text: str = TEXT, source: str = "kivu") -> dict:
    return {"doc_id": doc_id(url), "url": url, "source_id": source, "text": text, "fetched_at": FETCHED,
            "content_sha256": "x", "raw_path": "r"}


def _kept(url: str) -> dict:
    return {"url": url, "source_id": "kivu", "status": 200, "error_kind": None, "error": None, "fetched_at": FETCHED}


def _nothing_earlier(source_id: str, key: str) -> Known | None:
    return None


def test_text_key_ignores_case_spacing_and_unicode_forms_but_not_words() -> None:
    assert text_key(TEXT) == text_key("  " + TEXT.upper().replace(" ", "\u00a0 \n"))
    assert text_key(TEXT) != text_key(TEXT.replace("Kampala", "Kigali"))
    assert text_key("Too short to tell two pages apart.") is None


def test_one_text_at_two_addresses_in_one_night_keeps_the_plainest_and_logs_the_other() -> None:
    amp, plain = "http://amp.kivu.example/a", "https://kivu.example/a"
    docs, logs, n = drop_repeats("kivu", [_doc(amp), _doc(plain)], [_kept(amp), _kept(plain)], _nothing_earlier)
    assert n == 1 and [d["url"] for d in docs] == [plain]
    row = next(r for r in logs if r["url"] == amp)
    assert row["error_kind"] == "duplicate" and plain in row["error"]
    assert next(r for r in logs if r["url"] == plain)["error_kind"] is None


def test_other_sources_keep_their_copies_for_the_near_duplicate_pass() -> None:
    docs, _, n = drop_repeats("wire", [_doc("https://wire.example/a", source="wire")], [], _nothing_earlier)
    assert n == 0 and len(docs) == 1


def test_a_text_stored_on_another_night_is_found_in_the_whole_history(tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    old_day = dt.date(2025, 1, 6)  # far beyond the 30-day near-duplicate window
    write_partition(lake, "documents", old_day, [_doc("https://kivu.example/2025/a")], part="kivu")
    for lookup in (open_known(lake, dt.date(2026, 11, 16)).same_text, scan_texts(lake, dt.date(2026, 11, 16))):
        found = lookup("kivu", text_key(TEXT))
        assert found is not None and found.url == "https://kivu.example/2025/a"
        assert lookup("other-source", text_key(TEXT)) is None
    # a rerun of the old date does not find its own documents; a backfill before it finds them
    assert open_known(lake, old_day).same_text("kivu", text_key(TEXT)) is None
    assert scan_texts(lake, old_day)("kivu", text_key(TEXT)) is None
    assert open_known(lake, dt.date(2024, 6, 3)).same_text("kivu", text_key(TEXT)) is not None
    moved = "https://www.kivu.example/news/moved/a"
    docs, logs, n = drop_repeats("kivu", [_doc(moved)], [_kept(moved)],
                                 open_known(lake, dt.date(2026, 11, 16)).same_text)
    assert n == 1 and docs == [] and logs[0]["error_kind"] == "duplicate"
    assert "https://kivu.example/2025/a (fetched 2026-11-10)" in logs[0]["error"]


def test_a_refetch_of_the_same_address_is_no_repeat() -> None:
    url = "https://kivu.example/a"

    def earlier(source_id: str, key: str) -> Known:
        return Known(doc_id(url), url, FETCHED, None, None)

    docs, _, n = drop_repeats("kivu", [_doc(url)], [_kept(url)], earlier)
    assert n == 0 and len(docs) == 1


@pytest.mark.parametrize(("page", "head", "identity"), [
    ("http://m.kivu.example/a?utm_source=x", b'<link rel="canonical" href="https://www.kivu.example/a">',
     "https://www.kivu.example/a"),
    ("https://kivu.example/amp/a", b"<meta property='og:url' content='/a'>", "https://kivu.example/a"),
    ("https://kivu.example/a", b'<link href="https://kivu.example/b" rel="Canonical alternate">',
     "https://kivu.example/b"),
    # another site's identity is never taken
    ("https://evil.example/a", b'<link rel="canonical" href="https://kivu.example/a">', None),
    ("https://kivu.example.evil.example/a", b'<link rel="canonical" href="https://kivu.example/a">', None),
    ("https://kivu.example/a", b'<link rel="canonical" href="javascript:alert(1)">', None),
    ("https://kivu.example/a", b"<p>no head at all</p>", None),
])
def test_a_page_declares_its_identity_only_on_its_own_site(page: str, head: bytes, identity: str | None) -> None:
    assert declared_identity(b"<html><head>" + head + b"</head><body>x</body></html>", page) == identity


def test_mirror_hosts_share_a_site_key() -> None:
    assert {site_key(u) for u in ("https://www.kivu.example/", "http://m.kivu.example:8080/",
                                  "https://amp.kivu.example/")} == {"kivu.example"}
    assert site_key("https://m.example/") == "m.example"


@pytest.mark.slow
def test_the_demo_served_twice_on_two_ports_counts_its_documents_once(tmp_path: Path) -> None:
    from ocwatch.demo import DEMO_DATE, expected, start_demo

    home = Settings.from_env(env={"OCWATCH_HOME": str(tmp_path / "home")})
    results = []
    for night, workdir in enumerate(("first", "second")):
        with start_demo(tmp_path / workdir) as demo:  # a new port for every outlet each start
            s = dataclasses.replace(home, sources=demo.sources_path)
            results.append(stages.crawl(s, DEMO_DATE + dt.timedelta(days=night)))
            ports = set(demo.site_urls.values())
        if night == 0:
            first_ports = ports
    assert ports.isdisjoint(first_ports)
    lake = home.lake.join("documents", "date={}", "*.parquet")
    with duckdb.connect() as con:
        (first,) = con.execute("select count(*) from read_parquet(?)", [lake.format(DEMO_DATE)]).fetchone()
        (total,) = con.execute("select count(*) from read_parquet(?)", [lake.format("*")]).fetchone()
    assert first >= expected()["article_count"]  # 288 here: every article, wire copy and the PDF
    assert total == first
    second = read_partition(str(home.lake), "crawl_log", DEMO_DATE + dt.timedelta(days=1)).to_pylist()
    assert sum(r["error_kind"] == "duplicate" for r in second) == first
    assert results[1].status == "ok", results[1].summary()  # repeats are answers, not failures
