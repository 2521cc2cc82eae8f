"""End to end: `ocwatch demo` crawls the generated demo over HTTP and the warehouse and report carry its signals."""

from __future__ import annotations

import json
import re
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


def test_no_evidence_sentence_of_the_demo_has_a_heading_or_list_number_glued_in(demo_home: Path) -> None:
    # Issue 15: quotes read "...large-scale gold smuggling. 2. Coltan and cassiterite in North Kivu The M23 has..."
    from ocwatch.demo.pdf_report import SECTIONS, TITLE
    from ocwatch.demo.schedule import build_articles
    from tests.support.glued import glued_headings

    headings = [TITLE, *(h for h, _ in SECTIONS), *{a.story.title for a in build_articles()}]
    sentences = [t for (t,) in _one(demo_home, "select text from sentences")]
    evidence = [t for (t,) in _one(demo_home, "select distinct sentence from evidence where sentence is not null")]
    assert len(sentences) > 500 and len(evidence) > 100
    assert glued_headings(sentences, headings) == []
    assert glued_headings(evidence, headings) == []
    offsets = _one(demo_home, """select count(*) from sentences s join documents_text t using (doc_id, partition_date)
                                 where substr(t.text, s.start_char + 1, s.end_char - s.start_char) <> s.text""")
    assert offsets == [(0,)]  # every sentence is text[start:end] of the stored text


def test_the_demo_reports_quotes_are_sentences_not_the_panel_reports_headings(demo_home: Path) -> None:
    import html as html_lib

    from ocwatch.demo.pdf_report import SECTIONS

    page = next((demo_home / "reports").glob("*.en.html")).read_text()
    quotes = [html_lib.unescape(q) for q in re.findall(r"<q>(.*?)</q>", page, re.S)]
    assert quotes
    assert not {h for h, _ in SECTIONS} & set(quotes)  # "1. Gold in Ituri" was the spike's third quote


def _generated_texts(week: str) -> list[tuple[str, str]]:
    """What the demo generator itself wrote in ``week``: (country, text) of each crime story it served,
    and the panel's PDF. The generator's own record, not anything the pipeline read back."""
    import datetime as dt

    from ocwatch.demo import pdf_report
    from ocwatch.demo.outlets import iso_week
    from ocwatch.demo.schedule import build_articles

    texts = [(a.story.country, " ".join((a.story.title, *a.story.paragraphs))) for a in build_articles()
             if a.story.crime and not a.broken and iso_week(a.published.astimezone(dt.UTC).date()) == week]
    pdf = " ".join(p for _, paragraphs in pdf_report.SECTIONS for p in paragraphs)
    if iso_week(pdf_report.PUBLISHED.date()) == week:
        texts.append(("COD", pdf))
    return texts


def _market_terms(market: str) -> re.Pattern:
    """Any word the reference data has for the market's commodities and activities, any language."""
    from ocwatch.reference import taxonomy

    terms = {n for item in (*taxonomy.commodities(), *taxonomy.activities()) if item.market == market
             for names in item.names.values() for n in names}
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(terms, key=len, reverse=True)), re.I)


def _generated(finding, names: list[str], texts: list[tuple[str, str]], market: re.Pattern | None = None) -> bool:
    """Some story the generator wrote that week, about the finding's country, names all of ``names``
    (and speaks of the market, when one is given)."""
    country = finding.about.get("country_iso3")
    return any(c == country and all(n in text for n in names) and (market is None or market.search(text))
               for c, text in texts)


def test_every_key_finding_of_the_demo_report_is_true_of_what_the_generator_planted(demo_home: Path) -> None:
    from ocwatch.demo import expected
    from ocwatch.report import build_report

    facts = expected()
    spike, new_link = facts["spike"], facts["new_link"]
    texts = _generated_texts(spike["week"])
    report = build_report(demo_home / "warehouse.duckdb", spike["week"])
    said = [f for f in report.findings if f.kind in ("spike", "link")]
    assert said
    for f in said:
        about = f.about
        # one plain sentence: no codes or scores; a confidence judgement in words beside it
        assert "_" not in f.text and "standard deviation" not in f.text and f.text.count(". ") == 0
        assert f.confidence.startswith("Confidence: ") and "independent source" in f.confidence
        assert all(p in f.text for p in about["places"])
        if f.kind == "spike":
            planted = (about["market"], about["country_iso3"]) == (spike["market"], spike["country_iso3"])
            # a spike is the planted one, or each place it names sits in a story of that week on the market
            terms = _market_terms(about["market"])
            assert planted or all(_generated(f, [p], texts, terms) for p in about["places"]), f.text
            assert not planted or set(about["also"]) <= set(spike["destinations"]), f.text
        else:
            actor = f.text.split(" was reported")[0]
            terms = _market_terms(about["market"])
            assert all(_generated(f, [actor, p], texts, terms) for p in about["places"]), f.text
    golds = [f for f in said if f.kind == "spike" and f.about["market"] == spike["market"]
             and f.about["country_iso3"] == spike["country_iso3"]]
    assert len(golds) == 1, "the planted spike is not a key finding"
    gold = golds[0]
    assert gold.about["commodity_id"] == spike["commodity_id"]
    assert gold.about["places"] and set(gold.about["places"]) <= set(spike["places"])
    assert int(re.search(r"(\d+) reports from", gold.text).group(1)) >= spike["articles"]
    assert gold.sources >= len(spike["outlets"])
    waz = [f for f in said if f.kind == "link" and f.about["actor_id"] == new_link["actor_id"]]
    assert len(waz) == 1, "the planted new link is not a key finding"
    assert (waz[0].about["market"], waz[0].about["commodity_id"]) == (new_link["market"], new_link["commodity_id"])
    assert new_link["place_name"] in waz[0].about["places"]


def test_the_french_demo_report_says_the_same_findings_in_french(demo_home: Path) -> None:
    from ocwatch.demo import expected
    from ocwatch.report import build_report

    week = expected()["spike"]["week"]
    en = build_report(demo_home / "warehouse.duckdb", week, "en").findings
    fr = build_report(demo_home / "warehouse.duckdb", week, "fr").findings
    assert [f.about for f in fr] == [f.about for f in en]
    assert all(f.confidence.startswith("Confiance : ") for f in fr if f.kind in ("spike", "link"))
    assert any("ont fortement augmenté cette semaine" in f.text for f in fr)
