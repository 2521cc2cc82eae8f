"""render_report on a constructed warehouse: files, links into the lake, escaping, empty weeks, missing tables."""

from __future__ import annotations

import copy
import hashlib
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ocwatch.report import build_report, render_report
from ocwatch.report.html import render_html
from ocwatch.report.model import Report, safe_href
from tests.support.report_sample import WEEK, build_sample_warehouse

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
                "section", "ol", "ul", "li", "span", "div", "dl", "dt", "dd", "img", "q", "a",
                "table", "thead", "tbody", "tr", "th", "td"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def rendered(report_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return render_report(report_warehouse, tmp_path_factory.mktemp("reports"), WEEK)


def test_report_is_written_as_html_and_pdf_named_by_week_and_language(rendered: dict[str, Path]) -> None:
    assert rendered["html"].name == f"{WEEK}.en.html" and rendered["pdf"].name == f"{WEEK}.en.pdf"
    assert rendered["pdf"].read_bytes().startswith(b"%PDF")
    assert not list(rendered["html"].parent.glob(".*.tmp"))


def test_every_evidence_link_points_to_a_document_in_the_lake(rendered: dict[str, Path],
                                                             report_warehouse: Path) -> None:
    lake = report_warehouse.parent / "lake"
    with duckdb.connect() as con:
        urls = {u for (u,) in con.execute(
            f"select url from read_parquet('{lake}/documents/date=*/*.parquet')").fetchall()}
    hrefs = [a["href"] for tag, a in _tags(rendered["html"].read_text()) if tag == "a"]
    assert hrefs and set(hrefs) <= urls
    annots = [a.get_object()["/A"]["/URI"] for page in PdfReader(rendered["pdf"]).pages
              for a in page.get("/Annots", []) if "/A" in a.get_object()]
    assert annots and set(annots) <= urls


def test_hostile_titles_and_sentences_are_shown_as_text(rendered: dict[str, Path]) -> None:
    html = rendered["html"].read_text()
    assert "<script" not in html.lower() and "onerror" not in {k for _, a in _tags(html) for k in a}
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;Gold &lt;b&gt;rush&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    for tag, attrs in _tags(html):
        assert tag in ALLOWED_TAGS
        assert not any(k.startswith("on") for k in attrs)
        if tag == "img":
            assert (attrs["src"] or "").startswith("data:image/png;base64,")  # opens offline, alone
    pdf_text = _words(" ".join(p.extract_text() for p in PdfReader(rendered["pdf"]).pages))
    assert "<script>alert" in pdf_text  # in the PDF it is plain text, as written


def test_pdf_says_what_the_html_says(rendered: dict[str, Path], report_warehouse: Path) -> None:
    report = build_report(report_warehouse, WEEK)
    pdf_text = _words(" ".join(p.extract_text() for p in PdfReader(rendered["pdf"]).pages))
    html = rendered["html"].read_text()
    assert len(report.findings) == 5
    for f in report.findings:
        assert _words(f.text) in pdf_text
        assert f.text.replace("'", "&#39;") in html


def test_rendering_leaves_the_warehouse_untouched(report_warehouse: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(report_warehouse.read_bytes()).hexdigest()
    render_report(report_warehouse, tmp_path, WEEK, lang="fr")
    assert hashlib.sha256(report_warehouse.read_bytes()).hexdigest() == before


def test_french_report_has_french_labels(report_warehouse: Path, tmp_path: Path) -> None:
    paths = render_report(report_warehouse, tmp_path, WEEK, lang="fr")
    html = paths["html"].read_text()
    assert paths["html"].name == f"{WEEK}.fr.html" and '<html lang="fr">' in html
    assert "Constats principaux" in html and "Le silence n&#39;est pas le calme" in html


def test_empty_week_report_says_so(report_warehouse: Path, tmp_path: Path) -> None:
    paths = render_report(report_warehouse, tmp_path, "2026-W30")
    html = paths["html"].read_text()
    assert 'id="empty-week"' in html and "No activity was recorded for week 2026-W30" in html
    assert "No activity was recorded" in _words(PdfReader(paths["pdf"]).pages[0].extract_text())


def test_missing_trade_tables_say_no_data(tmp_path: Path) -> None:
    db = build_sample_warehouse(tmp_path / "w.duckdb", tmp_path / "lake", with_trade=False)
    report = build_report(db, WEEK)
    assert report.trade_gaps is None and report.trade_outliers is None
    assert not [f for f in report.findings if f.kind in ("gap", "uv")]
    html = render_report(db, tmp_path / "out", WEEK)["html"].read_text()
    trade = html.split('id="trade"')[1].split("</section>")[0]
    assert trade.count("No data for this section") == 2


def test_a_view_over_a_vanished_lake_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    db = build_sample_warehouse(tmp_path / "w.duckdb", tmp_path / "lake")
    shutil.rmtree(tmp_path / "lake" / "errors")
    report = build_report(db, WEEK)
    assert report.stage_errors is None and any(p.startswith("errors:") for p in report.problems)
    assert render_report(db, tmp_path / "out", WEEK)["pdf"].is_file()


def test_failed_render_keeps_the_previous_report(report_warehouse: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    paths = render_report(report_warehouse, tmp_path, WEEK)
    good = paths["html"].read_bytes()

    def broken(_report: object) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr("ocwatch.report.render.render_pdf", broken)
    with pytest.raises(RuntimeError):
        render_report(report_warehouse, tmp_path, WEEK)
    assert paths["html"].read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths.values())


def test_invalid_week_fails_before_anything_is_written(report_warehouse: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'2026-W99'"):
        render_report(report_warehouse, tmp_path / "out", "2026-W99")
    assert not (tmp_path / "out").exists()


def _base_report(db: Path) -> Report:
    # Built once: hypothesis calls the property many times on the same warehouse.
    if "report" not in _CACHE:
        _CACHE["report"] = build_report(db, WEEK)
        _CACHE["tags"] = len(_tags(render_html(_CACHE["report"])))
    return copy.deepcopy(_CACHE["report"])


_CACHE: dict = {}


@settings(max_examples=min(40, settings().max_examples))
@given(title=st.text(alphabet=st.sampled_from('<>&"\'/=ab scriptonerrJavSa:()'), max_size=60))
def test_any_title_adds_no_markup(report_warehouse: Path, title: str) -> None:
    report = _base_report(report_warehouse)
    block = report.markets[0]
    block.evidence[0] = replace(block.evidence[0], title=title, sentence=title)
    assert len(_tags(render_html(report))) == _CACHE["tags"]


def test_a_script_url_is_shown_as_text_not_as_a_link(report_warehouse: Path) -> None:
    report = _base_report(report_warehouse)
    url = "javascript:alert(document.cookie)"
    block = report.markets[0]
    block.evidence[0] = replace(block.evidence[0], url=url, href=safe_href(url))
    html = render_html(report)
    assert "javascript:" not in " ".join(a.get("href") or "" for _, a in _tags(html))
    assert "javascript:alert(document.cookie)" in html  # still visible, as text


def test_coverage_counts_the_nights_that_collected_the_week(report_warehouse: Path) -> None:
    report = build_report(report_warehouse, WEEK)
    rows = {r[0].text: [c.text for c in r] for r in report.coverage.rows}
    # 6 failed requests a night, Tuesday to the next Monday (the night that collects Sunday).
    assert rows["Great Lakes News (lakes-news)"][4] == "42"
    assert rows["Border Wire (border-wire)"][2] == "not crawled this week"
    assert "2026-02-10 to 2026-02-16" in report.coverage_window
    gaps = [[c.text for c in r] for r in report.coverage_gaps.rows]
    assert ["lakes-news", "Rwanda", "all requests failed (timeout)"] in gaps
    assert ["", "Rwanda", "Non-renewable resource crimes: gap (no coverage)"] in gaps


def test_titles_in_any_script_do_not_break_the_pdf(report_warehouse: Path) -> None:
    from ocwatch.report.pdf import render_pdf

    report = _base_report(report_warehouse)
    block = report.markets[0]
    block.evidence[0] = replace(block.evidence[0], title="Крым 北京 مرحبا \u202e 🙂", sentence="a\x00b\x1bc")
    assert render_pdf(report).startswith(b"%PDF")
