"""`ocwatch export socta`: a Frictionless Data Package that the Frictionless validator accepts and reads back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from frictionless import Package, validate

from ocwatch.cli import main
from ocwatch.feedback import store
from ocwatch.report.assemble import build_report
from ocwatch.report.socta import export_socta, parse_period
from ocwatch.warehouse.build import build_warehouse
from tests.support.feedback_lake import AS_OF, FDLR_LINK, SOURCES, write_lake


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("socta")
    write_lake(str(root / "lake"))
    log = root / "acts.jsonl"
    # One of FDLR's three links is wrong: the export must not carry its evidence.
    store.mark_link(log, "ana", "the sentence is about 2019", verdict="wrong", **FDLR_LINK)
    return build_warehouse(str(root / "lake"), root / "w.duckdb", AS_OF, SOURCES, feedback=log)


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_package_validates_and_reads_back_what_the_warehouse_holds(warehouse: Path, tmp_path: Path) -> None:
    first, last = parse_period("2026-W40", "2026-W46")
    path = export_socta(warehouse, tmp_path / "socta", first, last)
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    package = Package(str(path))
    names = [r.name for r in package.resources]
    assert names[:3] == ["market_activity", "new_links", "findings"] and "method" in names
    activity = package.get_resource("market_activity").read_rows()
    expected = _rows(warehouse, "select count(*) from market_activity_weekly "
                                "where week between '2026-W40' and '2026-W46'")[0][0]
    assert len(activity) == expected > 0
    assert {f.type for f in package.get_resource("market_activity").schema.fields if f.name == "z"} == {"number"}
    week46 = [r for r in activity if r["week"] == "2026-W46" and r["country_iso3"] == "COD"]
    assert week46[0]["week_start"] == dt.date(2026, 11, 9) and isinstance(week46[0]["is_spike"], bool)

    evidence = package.get_resource("evidence").read_rows()
    fdlr = [r for r in evidence if r["actor_id"] == "fdlr"]
    assert {r["doc_id"] for r in fdlr} == {"fdlr-0", "fdlr-2"}  # fdlr-1's link was marked wrong
    assert all(r["url"].startswith("https://") and r["reliability"] in "ABC" and r["sentence"] for r in fdlr)
    assert isinstance(fdlr[0]["published_at"], dt.datetime)

    sources = {r["source_id"]: r["reliability"] for r in package.get_resource("sources").read_rows()}
    assert sources == {"sa": "A", "sb": "B", "sc": "C"}
    markets = package.get_resource("markets").read_rows()
    assert len(markets) == 15
    doc = json.loads(path.read_text(encoding="utf-8"))
    described = {f["name"]: f.get("description") for f in doc["resources"][0]["schema"]["fields"]}
    assert described["score"].startswith("sum over distinct original documents")
    assert "Admiralty grade" in (path.parent / "method.md").read_text(encoding="utf-8")


def test_the_findings_are_the_reports_own(warehouse: Path, tmp_path: Path) -> None:
    path = export_socta(warehouse, tmp_path / "socta", *parse_period("2026-11-09", "2026-11-15"))
    rows = Package(str(path)).get_resource("findings").read_rows()
    said = build_report(warehouse, "2026-W46", "en").findings
    assert [(r["kind"], r["text"]) for r in rows] == [(f.kind, f.text) for f in said] and said


def test_the_command_writes_the_package_under_the_data_root(warehouse: Path, tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "warehouse.duckdb").write_bytes(warehouse.read_bytes())
    assert main(["export", "socta", "--period", "2026-W45..2026-W46", "--home", str(home)]) == 0
    assert validate(str(home / "exports" / "socta-2026-W45..2026-W46" / "datapackage.json")).valid
    assert main(["export", "socta", "--period", "2026-W46..2026-W40", "--home", str(home)]) == 1
    assert "ends before it starts" in capsys.readouterr().err


def test_the_reports_socta_section_shows_the_packages_rows_for_its_week(warehouse: Path, tmp_path: Path) -> None:
    from ocwatch.report.names import Names
    from ocwatch.report.render import render_report

    section = build_report(warehouse, "2026-W46", "en").socta
    home = tmp_path / "home"
    home.mkdir()
    (home / "warehouse.duckdb").write_bytes(warehouse.read_bytes())
    assert main(["export", "socta", "--period", section.command.split("--period ")[1], "--home", str(home)]) == 0
    package = Package(str(home / section.path))  # the command and the path the report names
    assert package.name == section.package == "ocwatch-socta-2026-11-09-2026-11-09"
    assert [r.name for r in package.resources] == section.resources

    activity = [r for r in package.get_resource("market_activity").read_rows() if (r["documents"] or 0) > 0]
    names = Names(lang="en")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names.markets = dict(con.execute("select market, label_en from markets").fetchall())
    assert sorted(row[0].text for row in section.threats.rows) == sorted({names.market(r["market"]) for r in activity})
    assert sum(int(row[2].text) for row in section.threats.rows) == sum(r["documents"] for r in activity) > 0

    links = package.get_resource("new_links").read_rows()
    evidence = [r for r in package.get_resource("evidence").read_rows() if r["indicator"] == "new_links"]
    assert len(section.links.rows) + section.links.more == len(links) > 0
    assert sum(int(row[4].text) for row in section.links.rows) == len(evidence)
    assert all(row[5].href and row[5].href.startswith("https://") for row in section.links.rows)
    gaps = package.get_resource("coverage_gaps").read_rows()
    assert len(section.gaps.rows) == len(gaps)

    paths = render_report(warehouse, tmp_path / "reports", "2026-W46", "fr")
    html = paths["html"].read_text(encoding="utf-8")
    assert 'id="socta"' in html and section.package in html and "Synthèse des menaces par marché" in html
    from pypdf import PdfReader

    pdf = " ".join(p.extract_text() for p in PdfReader(paths["pdf"]).pages)
    assert section.package in " ".join(pdf.split()).replace("- ", "-")
