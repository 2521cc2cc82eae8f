"""Analysts' access: read-only queries as a table, CSV or JSON; errors in one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ocwatch.warehouse.build import build_warehouse
from ocwatch.warehouse.query import QueryError, run_query
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("q")
    s = SampleLake(str(root / "lake"))
    s.doc("d1", "sa", dt.date(2026, 11, 11), actor_id="m23", place_id="domain:rubaya",
          commodity="coltan", text="M23 taxes coltan at Rubaya, \"Nord-Kivu\".")
    s.write()
    sources = [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example",
                "language": "en", "reliability": "A", "countries": ["COD"]}]
    return build_warehouse(str(root / "lake"), root / "w.duckdb", AS_OF, sources)


def test_table_format_aligns_columns_and_counts_rows(db: Path) -> None:
    out = run_query(db, "select doc_id, source_id from documents")
    lines = out.splitlines()
    assert lines[0].split() == ["doc_id", "|", "source_id"]
    assert "d1" in lines[2] and lines[-1] == "(1 row)"


def test_json_format_gives_records_with_iso_times(db: Path) -> None:
    rows = json.loads(run_query(db, "select doc_id, published_at, countries from documents, sources",
                                fmt="json"))
    assert rows == [{"doc_id": "d1", "published_at": "2026-11-11T12:00:00+00:00",
                     "countries": ["COD"]}]


def test_csv_format_quotes_sentences(db: Path) -> None:
    out = run_query(db, "select actor_id, sentence from new_links", fmt="csv")
    assert out.splitlines() == ["actor_id,sentence",
                                'm23,"M23 taxes coltan at Rubaya, ""Nord-Kivu""."']


def test_queries_cannot_write_the_warehouse(db: Path) -> None:
    with pytest.raises(QueryError, match="read-only"):
        run_query(db, "delete from documents")
    assert "1 row" in run_query(db, "select * from documents")


def test_queries_cannot_reach_files_outside_the_warehouse(db: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError):
        run_query(db, f"copy (select 1) to '{tmp_path / 'x.csv'}'")
    assert not (tmp_path / "x.csv").exists()


def test_errors_are_one_line_and_name_the_problem(db: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError) as err:
        run_query(db, "select nope from documents")
    assert "\n" not in str(err.value) and "nope" in str(err.value)
    with pytest.raises(QueryError, match="no warehouse"):
        run_query(tmp_path / "missing.duckdb", "select 1")
    with pytest.raises(QueryError, match="unknown format"):
        run_query(db, "select 1", fmt="xml")


def test_readme_questions_run(db: Path) -> None:
    for sql in (
        "select market, week, score, baseline_mean, z, independent_sources from market_activity_weekly "
        "where country_iso3 = 'COD' and is_spike order by week desc, z desc",
        "select week, actor_name, place_name, url, sentence from new_links where commodity_id = 'gold'",
        "select exporter_iso3, importer_iso3, period, exports_fob_usd, imports_fob_usd, gap_usd, status "
        "from trade_mirror_gaps where hs_code like '7108%' order by abs(gap_usd) desc nulls last limit 10",
        "select url, reliability, published_at, sentence from evidence "
        "where market = 'non_renewable_resource_crimes' and country_iso3 = 'COD'",
    ):
        assert run_query(db, sql).endswith(")")


def test_example_queries_in_the_indicator_doc_run(db: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "INDICATORS.md").read_text()
    block = doc.split("```sql", 1)[1].split("```", 1)[0]
    statements = [s for s in block.split(";") if s.strip() and not all(
        line.strip().startswith("--") or not line.strip() for line in s.splitlines())]
    assert len(statements) >= 6
    for sql in statements:
        assert run_query(db, sql).endswith(")")


def test_a_warehouse_viewing_its_lake_reads_the_lake_and_nothing_else(tmp_path: Path) -> None:
    s = SampleLake(str(tmp_path / "lake"))
    s.doc("d1", "sa", dt.date(2026, 11, 11))
    s.write()
    db = build_warehouse(str(tmp_path / "lake"), tmp_path / "v.duckdb", AS_OF, [],
                         params={"lake_mode": "views"})
    assert json.loads(run_query(db, "select count(*) as n from mentions", fmt="json")) == [{"n": 2}]
    with pytest.raises(QueryError):
        run_query(db, "select * from read_csv('/etc/passwd')")


def test_a_snapshot_reads_document_texts_from_its_lake_and_cannot_write_there(db: Path) -> None:
    rows = json.loads(run_query(db, "select doc_id, text from documents_text", fmt="json"))
    assert rows == [{"doc_id": "d1", "text": "M23 taxes coltan at Rubaya, \"Nord-Kivu\"."}]
    lake = db.parent / "lake"
    with pytest.raises(QueryError):
        run_query(db, f"copy (select 1) to '{lake / 'x.csv'}'")
    assert not (lake / "x.csv").exists()
    with pytest.raises(QueryError):
        run_query(db, "select * from read_csv('/etc/passwd')")
