"""Search: the query language, the FTS5 index built from the warehouse, highlights and facets."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from starlette.testclient import TestClient

from ocwatch.warehouse.search_index import (
    build_search_index,
    index_path,
    index_stamp,
    indexed_build,
)
from ocwatch.web import create_app
from ocwatch.web.db import Warehouse
from ocwatch.web.search import Filters, highlight, search
from ocwatch.web.search_query import SearchSyntaxError, parse
from tests.support.web_sample import GOLD, login


@pytest.mark.parametrize("query,expected", [
    ("gold", '"gold"'),
    ("gold smuggling", '"gold" AND "smuggling"'),
    ('"armed group" gold', '"armed group" AND "gold"'),
    ("gold OR diamonds", '("gold" OR "diamonds")'),
    ("gold -football", '("gold") NOT ("football")'),
    ('gold NEAR(x y) col:z *', '"gold" AND "NEAR(x" AND "y)" AND "col:z"'),
    ('say "he said ""hi', '"say" AND "he said" AND "hi"'),
])
def test_the_query_language_becomes_quoted_fts5_terms(query, expected):
    assert parse(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "-gold", "OR", '""', "- * ( )"])
def test_a_query_with_nothing_to_find_is_refused_by_name(query):
    with pytest.raises(SearchSyntaxError, match="at least one word"):
        parse(query)


@pytest.fixture(scope="module")
def index(web_warehouse):
    return index_path(web_warehouse)


def test_the_index_sits_beside_the_warehouse_stamped_with_its_build(web_warehouse, index):
    assert index == web_warehouse.with_name("search.sqlite")
    assert indexed_build(index) == index_stamp(Warehouse(web_warehouse).built_at())


def test_words_phrases_or_and_exclusion_find_the_right_documents(index):
    ids = lambda q, **f: {d["doc_id"] for d in search(index, q, Filters(**f)).documents}  # noqa: E731
    assert len(ids("smuggling")) == 12
    assert ids('"moved arms"') == {"m23-old"}
    assert ids("quietly -Week") == set()
    assert ids("Rubaya OR Bunia") >= {"hostile", "m23-old", "g46-sa-0"}
    assert ids("smuggling", source="sb") == {"g46-sb-0", "g46-sb-1", "g46-sb-2"}
    assert ids("gold", actor="m23") == {"hostile"}
    assert ids("gold", language="fr") == {"hostile"}
    assert ids("gold", date_to="2026-09-01") == {"g34", "g35"}


def test_facets_count_the_matches(index):
    res = search(index, "gold", Filters())
    assert dict(res.facets["market"])[GOLD] == res.total
    assert dict(res.facets["source"])["sb"] == 3


def test_highlights_mark_matches_and_escape_the_text():
    html = str(highlight('<b>\ue000gold\ue001</b> & "x"'))
    assert html == "&lt;b&gt;<mark>gold</mark>&lt;/b&gt; &amp; &#34;x&#34;"


def test_search_page_shows_highlighted_hits_and_facet_links(web_warehouse, tmp_path):
    c = login(TestClient(create_app(web_warehouse, users=tmp_path / "u.sqlite")), "v", "viewer")
    html = c.get("/search?q=smuggling").text
    assert "<mark>smuggling</mark>" in html
    assert "/search?q=smuggling&amp;source=sb" in html
    assert "12 result(s)" in html
    bad = c.get("/search?q=-gold").text
    assert 'class="error"' in bad


def test_results_come_newest_first_or_by_relevance(index):
    newest = [d["doc_id"] for d in search(index, "quietly", Filters()).documents]
    assert newest == [f"g{w}" for w in range(45, 33, -1)]
    ranked = search(index, "Rubaya OR quietly", Filters(), sort="relevance").documents
    assert {d["doc_id"] for d in ranked} >= {"hostile", "m23-old", "g34"}


def test_accents_do_not_matter(index):
    assert search(index, "negociants OR bunia", Filters()).documents
    assert {d["doc_id"] for d in search(index, "Büniä", Filters()).documents} == {
        d["doc_id"] for d in search(index, "bunia", Filters()).documents}


def _copy(web_warehouse, folder):
    """The sample warehouse and its index in a folder of their own, for a test that changes them."""
    folder.mkdir()
    for name in ("warehouse.duckdb", "search.sqlite"):
        shutil.copyfile(web_warehouse.with_name(name), folder / name)
    return folder / "warehouse.duckdb"


def test_a_stale_index_keeps_answering_and_every_page_says_so(web_warehouse, tmp_path):
    db = _copy(web_warehouse, tmp_path / "stale")
    with sqlite3.connect(index_path(db)) as con:  # as if the warehouse had been rebuilt since
        con.execute("update meta set value = 'an older build' where key = 'built_at'")
    c = login(TestClient(create_app(db, users=tmp_path / "u.sqlite")), "v", "viewer")
    page = c.get("/search?q=smuggling")
    assert page.status_code == 200 and "<mark>smuggling</mark>" in page.text
    assert "search index is from an earlier build" in page.text and "ocwatch index" in page.text
    assert indexed_build(index_path(db)) == "an older build"  # serving never rebuilds it


def test_without_an_index_pages_that_need_it_answer_503_naming_the_command(web_warehouse, tmp_path):
    db = _copy(web_warehouse, tmp_path / "none")
    index_path(db).unlink()
    c = login(TestClient(create_app(db, users=tmp_path / "u.sqlite")), "v", "viewer")
    for path in ("/search?q=gold", "/evidence?market=x", "/actor?id=m23", "/doc?id=hostile"):
        page = c.get(path)
        assert page.status_code == 503, path
        assert f"no search index at {index_path(db)}" in page.text and "ocwatch index" in page.text
    home = c.get("/")
    assert home.status_code == 200 and "The search index is missing" in home.text
    assert not index_path(db).exists()  # serving never builds it


def test_a_failed_index_build_keeps_the_previous_index_and_leaves_no_temp_file(web_warehouse, tmp_path,
                                                                            monkeypatch):
    from ocwatch.warehouse import search_index

    db = _copy(web_warehouse, tmp_path / "fail")
    before = index_path(db).read_bytes()

    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search_index, "_load_sentences", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build_search_index(db)
    assert index_path(db).read_bytes() == before
    assert [p.name for p in db.parent.iterdir() if p.name.startswith(".")] == []
