"""Real feed items (ReliefWeb RSS from ../shared/corpus) as evidence: their markup stays text."""

from __future__ import annotations

import io
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from defusedxml import ElementTree
from pypdf import PdfReader

from ocwatch.report import build_report
from ocwatch.report.html import render_html
from ocwatch.report.model import safe_href
from ocwatch.report.pdf import render_pdf
from tests.support.report_sample import WEEK

pytestmark = pytest.mark.corpus

FEED = "feeds/the_deep/raw/rss_feed_mock_data__RSS_FEED_MOCK_DATA_RAW.xml"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.imgs: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a.get("src") or "")
        if tag == "a":
            self.hrefs.append(a.get("href") or "")


def _items(corpus: Path, count: int = 6) -> list[tuple[str, str, str]]:
    root = ElementTree.parse(corpus / FEED).getroot()
    return [(it.findtext("title") or "", it.findtext("link") or "", it.findtext("description") or "")
            for it in list(root.iter("item"))[:count]]


def test_real_feed_markup_is_shown_as_text_in_html_and_pdf(corpus: Path, report_warehouse: Path) -> None:
    items = _items(corpus)
    assert any("<img" in desc for _, _, desc in items)  # the feed really carries markup
    report = build_report(report_warehouse, WEEK)
    block = report.markets[0]
    template = block.evidence[0]
    block.evidence = [replace(template, title=title, url=link, href=safe_href(link), sentence=desc)
                      for title, link, desc in items]
    parsed = _Collect()
    parsed.feed(render_html(report))
    assert all(src.startswith("data:image/png;base64,") for src in parsed.imgs)
    assert {link for _, link, _ in items} <= set(parsed.hrefs)
    pages = PdfReader(io.BytesIO(render_pdf(report))).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert " ".join(items[0][0].split()) in text
