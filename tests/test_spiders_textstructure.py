"""Only articles are documents, and the stored text keeps the document's paragraphs (issue 15, items 1 and 2)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from ocwatch.demo.pdf_report import SECTIONS, build_pdf
from ocwatch.lake.partitions import read_partition, write_partition
from ocwatch.spiders.documents import pdftext
from ocwatch.spiders.documents.pagekind import LISTING
from ocwatch.spiders.documents.parse import extract_document
from ocwatch.spiders.documents.reparse import reparse_documents
from ocwatch.spiders.rawstore import store_raw
from tests.test_spiders_crawl import crawl, docs, entry, registry

DAY = dt.date(2026, 6, 10)  # the crawl helpers' default run date
STORY = ("Armed men stopped the trucks on the road to Mongbwalu before dawn and demanded a fee for every "
         "bag of ore, drivers said. ")
TEASERS = [f"Story number {i}: gold traders in Bunia face new checkpoints" for i in range(12)]


def article_html(related: list[str] = TEASERS[:6]) -> str:
    items = "".join(f'<li><a href="/news/story-{i}.html">{t}</a></li>' for i, t in enumerate(related))
    return f"""<!DOCTYPE html><html><head><title>Checkpoints on the gold road</title>
<meta property="og:type" content="article"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/section/africa/">Africa</a></li></ul></nav>
<article><h1>Checkpoints on the gold road</h1>
<p>{STORY * 3}</p>
<h2>A new tax</h2>
<p>{STORY * 2}</p>
<ol><li>The first checkpoint is at the river.</li><li>The second is at the market.</li></ol>
</article>
<section class="related"><h2>Related stories</h2><ul>{items}</ul></section>
</body></html>"""


def listing_html(n: int = 12) -> str:
    items = "".join(f'<li class="teaser"><a href="/news/story-{i}.html">{t}</a>'
                    f'<time datetime="2026-11-0{i % 9 + 1}">0{i % 9 + 1} Nov 2026</time>'
                    f"<p>{STORY[:160]}...</p></li>" for i, t in enumerate(TEASERS[:n]))
    return f"""<!DOCTYPE html><html><head><title>Latest news - page 1</title></head><body>
<nav><ul><li><a href="/">Home</a></li></ul></nav><h1>Latest news - page 1</h1>
<ul class="story-list">{items}</ul>
<nav class="pagination"><a href="/news/">1</a><a href="/news/page/2/">2</a>
<a rel="next" href="/news/page/2/">Next</a></nav></body></html>"""


def test_html_blocks_become_blank_line_separated_paragraphs():
    out = extract_document(article_html().encode(), "text/html", "https://example.org/news/gold-road.html", "en")
    # Headings (h1, h2) and list items are paragraphs of their own, never glued to the next one.
    assert out.text.split("\n\n") == [
        "Checkpoints on the gold road", (STORY * 3).strip(), "A new tax", (STORY * 2).strip(),
        "The first checkpoint is at the river.", "The second is at the market."]
    assert out.page_kind == "article"


def test_related_stories_and_teasers_never_enter_the_article_text():
    out = extract_document(article_html().encode(), "text/html", "https://example.org/news/gold-road.html", "en")
    assert "Story number" not in out.text and "Related stories" not in out.text


def test_a_listing_of_teasers_is_a_listing_with_its_reasons_and_an_article_with_a_box_is_not():
    listing = extract_document(listing_html().encode(), "text/html", "https://example.org/news/", "en")
    assert listing.page_kind == LISTING
    assert "12 teasers" in listing.notes[0]
    article = extract_document(article_html(TEASERS).encode(), "text/html",
                               "https://example.org/news/gold-road.html", "en")
    assert article.page_kind == "article"  # twelve related links do not outweigh its own prose


def _real_pages(corpus: Path) -> list[tuple[str, bytes, str | None]]:
    pages = [(p.name, p.read_bytes(), None) for p in sorted((corpus / "news_html" / "trafilatura").glob("*.html"))]
    aeb = corpus / "news_html" / "scrapinghub_aeb"
    for key, item in json.loads((aeb / "ground-truth.json").read_text()).items():
        pages.append((key, gzip.decompress((aeb / "html" / f"{key}.html.gz").read_bytes()), item["url"]))
    return pages


@pytest.mark.corpus
@pytest.mark.slow
def test_no_real_article_is_refused_and_real_listing_pages_are_caught(corpus):
    refused = []
    for name, body, url in _real_pages(corpus):
        if extract_document(body, "text/html", url, "en").page_kind == LISTING:
            refused.append(name)
    assert refused == []  # 199 articles: 18 trafilatura pages and the 181 of the extraction benchmark
    listings = sorted((corpus / "feeds" / "the_deep" / "raw").glob("*.html"))
    kinds = {p.name: extract_document(p.read_bytes(), "text/html", None, "en").page_kind for p in listings}
    assert len(kinds) == 3 and set(kinds.values()) == {LISTING}, kinds


@pytest.mark.slow
def test_a_listing_page_reached_as_a_link_is_logged_followed_and_never_a_document(http_server, tmp_path):
    http_server.add("/news/", listing_html(6))
    http_server.add("/news/page/2/", listing_html(6).replace("story-", "older-"))
    for i in range(6):
        for stem in ("story", "older"):
            http_server.add(f"/news/{stem}-{i}.html", article_html().replace("gold road", f"{stem} {i}"))
    rules = "follow: {allow: ['/news/'], max_depth: 2}"
    reg = registry(tmp_path, entry("lst", "listing", f"{http_server.url}/news/page/2/", rules))
    assert crawl(reg, "lst", tmp_path).returncode == 0
    stored = {d["url"].removeprefix(http_server.url) for d in docs(tmp_path, "lst")}
    assert "/news/" not in stored  # page 2 links back to page 1 as a plain link: now seen to be a listing
    assert {f"/news/story-{i}.html" for i in range(6)} <= stored  # reached only through /news/
    log = read_partition(str(tmp_path / "lake"), "crawl_log", DAY, part="lst").to_pylist()
    first = [r for r in log if r["url"].endswith("/news/")]
    assert [(r["page_kind"], r["error_kind"]) for r in first] == [(LISTING, None)]
    assert "teasers" in first[0]["error"]
    assert {r["page_kind"] for r in log if r["url"].endswith(".html")} == {"article"}


def test_reparse_takes_a_stored_listing_out_of_documents_and_records_it(tmp_path):
    lake, raw = str(tmp_path / "lake"), str(tmp_path / "raw")
    rows = []
    for name, html in (("listing", listing_html()), ("article", article_html())):
        sha, rel = store_raw(raw, html.encode())
        rows.append({"doc_id": name * 4, "url": f"https://example.org/{name}", "source_id": "s",
                     "fetched_at": dt.datetime(2026, 6, 10, tzinfo=dt.UTC), "text": "old", "language": "en",
                     "content_type": "text/html", "content_sha256": sha, "raw_path": rel})
    write_partition(lake, "documents", DAY, rows, part="s")
    assert reparse_documents(lake, raw, DAY) == 1
    kept = read_partition(lake, "documents", DAY).to_pylist()
    assert [r["url"] for r in kept] == ["https://example.org/article"] and "\n\n" in kept[0]["text"]
    errors = read_partition(lake, "errors", DAY).to_pylist()
    assert [(e["input"], e["error_kind"]) for e in errors] == [("https://example.org/listing", "not_article")]


def _panel_paragraphs() -> list[str]:
    return extract_document(build_pdf(), "application/pdf", "http://x/report.pdf").text.split("\n\n")


def test_pdf_numbered_headings_and_paragraphs_are_separate_and_running_footers_dropped():
    paras = _panel_paragraphs()
    for heading, body in SECTIONS:
        i = paras.index(heading)  # "4. Recommendations" is a paragraph of its own
        assert paras[i + 1: i + 1 + len(body)] == list(body)  # each paragraph whole, in order, unwrapped
    assert not [p for p in paras if "page 2" in p]  # the footer repeated on every page is gone


def test_pdf_line_gaps_fonts_cells_and_hyphens(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in ("A paragraph that the layout wraps over two lines because it is long, and keeps going on "
                 "and on, well past the right margin of the page.", "A second paragraph after a gap."):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.cell(50, 6, "Gold")
    pdf.cell(50, 6, "7108")
    pdf.cell(50, 6, "1,231.3", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "Figure 3: Gold exports by month", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "Text under the figure.", new_x="LMARGIN", new_y="NEXT")
    pages = [pdftext.page_lines(p) for p in PdfReader(io.BytesIO(bytes(pdf.output()))).pages]
    paras = pdftext.paragraphs(pages)
    assert paras[0].startswith("A paragraph that the layout wraps") and paras[0].endswith("the page.")
    assert paras[1:] == ["A second paragraph after a gap.", "Gold", "7108", "1,231.3",
                         "Figure 3: Gold exports by month", "Text under the figure."]
    assert pdftext.join_lines("large-scale smug-", "gling") == "large-scale smuggling"
    assert pdftext.join_lines("DR Congo and", "Congo-Brazzaville") == "DR Congo and Congo-Brazzaville"


def test_pypdf_visitor_chunks_are_its_text_so_only_geometry_is_ours():
    for page in PdfReader(io.BytesIO(build_pdf())).pages:
        chunks: list[str] = []
        text = page.extract_text(visitor_text=lambda t, *_, into=chunks: into.append(t))
        assert "".join(chunks) == text
