"""End to end: `ocwatch demo` crawls the generated demo over HTTP and the warehouse and report carry its signals."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from ocwatch.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo") / "home"
    assert main(["demo", "--home", str(home)]) == 0
    return home


def _one(home: Path, sql: str):
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_demo_run_keeps_every_article_of_the_demo(demo_home: Path) -> None:
    from ocwatch.demo import expected

    facts = expected()
    (count,) = _one(demo_home, "select count(*) from documents d join documents_text t using (doc_id, partition_date) "
                                 "where t.text is not null")[0]
    assert count >= facts["article_count"]


def test_query_command_answers_with_the_article_count(demo_home: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["query", "--home", str(demo_home), "--format", "json",
                 "select count(*) as n from documents"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["n"] > 150


def test_demo_spike_is_found_in_the_warehouse(demo_home: Path) -> None:
    from ocwatch.demo import expected

    spike = expected()["spike"]
    rows = _one(demo_home, f"""
        select z, independent_sources from market_activity_weekly
        where is_spike and market = '{spike["market"]}' and country_iso3 = '{spike["country_iso3"]}'
          and week = '{spike["week"]}'""")
    assert rows, "the demo's spike week is not flagged"


def test_demo_new_link_is_found_in_the_warehouse(demo_home: Path) -> None:
    from ocwatch.demo import expected

    link = expected()["new_link"]
    rows = _one(demo_home, f"""
        select actor_id, market from new_links
        where actor_id = '{link["actor_id"]}' and market = '{link["market"]}'""")
    assert rows


def test_demo_trade_gap_is_found(demo_home: Path) -> None:
    rows = _one(demo_home, """
        select status from trade_mirror_gaps
        where hs_code like '7108%' and exporter_iso3 = 'COD' and gap_usd > 0""")
    assert rows


def test_demo_report_is_written_in_html_and_pdf(demo_home: Path) -> None:
    reports = sorted(p.name for p in (demo_home / "reports").iterdir())
    assert any(n.endswith(".html") for n in reports) and any(n.endswith(".pdf") for n in reports)
    html = next((demo_home / "reports").glob("*.html")).read_text()
    assert "<script" not in html.lower()
    # The demo's new armed-group link must reach leadership, not just the warehouse.
    assert "Wazalendo" in html


def test_readme_queries_run_on_the_demo_warehouse(demo_home: Path) -> None:
    from ocwatch.warehouse.query import run_query

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    block = readme.split("## Questions analysts ask", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    statements = [s.strip() for s in block.split(";") if s.strip().replace("-", "").strip()]
    assert len(statements) >= 4
    for sql in statements:
        assert run_query(demo_home / "warehouse.duckdb", sql)
