"""Search: the query language, the FTS5 index built from the warehouse, highlights and facets."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from ocwatch.web import create_app
from ocwatch.web.db import Warehouse
from ocwatch.web.search import Filters, ensure_index, highlight, index_path, search
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
    return ensure_index(Warehouse(web_warehouse))


def test_the_index_is_rebuilt_only_for_a_new_build(web_warehouse, index):
    stamp = index.stat().st_mtime_ns
    assert ensure_index(Warehouse(web_warehouse)).stat().st_mtime_ns == stamp
    assert index == index_path(web_warehouse)


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


def test_a_stale_index_keeps_answering_while_a_new_one_is_built(web_warehouse, index):
    import sqlite3
    import time

    from ocwatch.web.search import INDEX_VERSION, _indexed_build

    wh = Warehouse(web_warehouse)
    current = f"{wh.built_at()}|v{INDEX_VERSION}"
    with sqlite3.connect(index) as db:  # as if the warehouse had been rebuilt since
        db.execute("update meta set value = 'an older build' where key = 'built_at'")
    assert ensure_index(wh) == index  # answers at once, from the old file
    assert search(index, "smuggling", Filters()).documents
    deadline = time.time() + 60
    while _indexed_build(index) != current and time.time() < deadline:
        time.sleep(0.2)
    assert _indexed_build(index) == current
