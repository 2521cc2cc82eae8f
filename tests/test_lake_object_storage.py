"""The lake in object storage, for real: the whole demo night with OCWATCH_LAKE=s3://..., against an S3 server on loopback.

Crawl, trade, extract, build (snapshot, then views) and report run as
separate processes exactly as `ocwatch demo` runs them; only the lake's
location differs. The server is moto's standalone S3 server
(tests/support/s3server.py says why not radosgw).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import fsspec
import pytest

from ocwatch.lake.location import Lake
from ocwatch.settings import Settings, SettingsError

pytestmark = pytest.mark.slow

BUCKET = "ocwatch-lake"


@pytest.fixture(scope="module")
def s3_night(s3_server, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from ocwatch.cli import main

    fs = fsspec.filesystem("s3")
    fs.mkdir(BUCKET)
    home = tmp_path_factory.mktemp("s3home") / "home"
    lake_url = f"s3://{BUCKET}/nightly/lake"
    import os

    os.environ["OCWATCH_LAKE"] = lake_url
    try:
        assert main(["demo", "--home", str(home)]) == 0
    finally:
        os.environ.pop("OCWATCH_LAKE", None)
    return Settings.from_env(env={"OCWATCH_LAKE": lake_url}, home=home)


def _query(settings: Settings, sql: str, db: Path | None = None) -> list[tuple]:
    from ocwatch.warehouse.query import connect_read_only

    con = connect_read_only(db or settings.warehouse)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_stage_writes_its_datasets_into_the_bucket_and_nothing_into_the_data_root(s3_night: Settings) -> None:
    fs = fsspec.filesystem("s3")
    datasets = {p.rsplit("/", 1)[-1] for p in fs.ls(f"{BUCKET}/nightly/lake")}
    assert {"documents", "crawl_log", "trade_flows", "trade_log", "sentences", "mentions", "links"} <= datasets
    assert not (s3_night.home / "lake").exists()


def test_the_snapshot_warehouse_built_from_the_bucket_carries_the_demo(s3_night: Settings) -> None:
    from ocwatch.demo import expected

    facts = expected()
    ((docs,),) = _query(s3_night, "select count(*) from documents")
    assert docs >= facts["article_count"]
    ((lake,),) = _query(s3_night, "select lake from build_info")
    assert lake == f"s3://{BUCKET}/nightly/lake"
    # documents_text reads the texts back from the bucket, through the query tool's read-only connection
    ((texts,),) = _query(s3_night, "select count(*) from documents_text where text is not null")
    assert texts == docs
    spike = facts["spike"]
    assert _query(s3_night, f"""select count(*) from market_activity_weekly
        where market = '{spike["market"]}' and country_iso3 = '{spike["country_iso3"]}' and is_spike""")[0][0] >= 1


def test_a_views_mode_warehouse_reads_the_bucket_in_place(s3_night: Settings, tmp_path: Path) -> None:
    from ocwatch.stages import source_dicts
    from ocwatch.warehouse.build import build_warehouse

    db = tmp_path / "views.duckdb"
    build_warehouse(s3_night.lake, db, _demo_date(), source_dicts(_registry(s3_night)),
                    params={"lake_mode": "views"}, full=True)
    views = _query(s3_night, "select count(*) from documents", db)
    snapshot = _query(s3_night, "select count(*) from documents")
    assert views == snapshot
    kinds = dict(_query(s3_night, "select table_name, table_type from information_schema.tables "
                                  "where table_name in ('documents', 'mentions')", db))
    assert set(kinds.values()) == {"VIEW"}


def test_the_report_was_rendered_from_the_bucket_built_warehouse(s3_night: Settings) -> None:
    reports = sorted(p.name for p in s3_night.reports.iterdir())
    assert any(n.endswith(".en.html") for n in reports) and any(n.endswith(".en.pdf") for n in reports)


def test_credentials_never_reach_logs_the_lake_or_the_warehouse(s3_night: Settings) -> None:
    from tests.support.s3server import SECRET_KEY

    for path in s3_night.logs.rglob("*"):
        if path.is_file():
            assert SECRET_KEY not in path.read_text(errors="replace"), path
    assert not any(SECRET_KEY in str(v) for row in _query(s3_night, "select * from build_info") for v in row)
    assert SECRET_KEY not in repr(s3_night) and SECRET_KEY not in repr(s3_night.lake)


def test_a_url_as_data_root_is_refused_naming_the_variable() -> None:
    with pytest.raises(SettingsError, match=r"OCWATCH_HOME.*OCWATCH_LAKE"):
        Settings.from_env(env={"OCWATCH_HOME": "s3://bucket/ocw"})
    assert Lake.at("s3://bucket/prefix/").url == "s3://bucket/prefix"
    with pytest.raises(ValueError, match="mangled"):
        Lake.at("s3:/bucket/ocw/lake")


def _demo_date() -> dt.date:
    from ocwatch.demo import DEMO_DATE

    return DEMO_DATE


def _registry(settings: Settings) -> Settings:
    from dataclasses import replace

    # The demo wrote its registry beside its sites; the build needs the sources' grades.
    return replace(settings, sources=settings.home / "demo-site" / "sources.yaml")
