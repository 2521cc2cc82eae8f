"""Article text and metadata from raw bytes: trafilatura for HTML, pypdf for PDF.

Pure functions of (bytes, content type, URL, hints), so the crawl and
``reparse`` (rebuilding documents from raw/ without the network) give the same
result for the same bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import py3langid
import trafilatura
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from trafilatura.utils import load_html
from w3lib.encoding import html_to_unicode, read_bom

from ocwatch.spiders.documents import blocks, leadins, pagekind, pdftext

# An HTML page above this is refused (``too_large``) before parsing: a news article is well under
# 2 MB with its scripts, and extraction costs about a second per 100 KB of pathological markup.
MAX_HTML_BYTES = 5 * 1024 * 1024
# Wrapper elements nested deeper than this are unwrapped before parsing: libxml2 stops at a depth
# of 256 and the article inside would be lost. Real pages stay under 60.
MAX_WRAPPER_DEPTH = 100
_WRAPPER = re.compile(r"<(/?)(?:div|span|section|font|center|blockquote)\b[^>]*>", re.I)
# C0 controls other than tab, newline, form feed and carriage return: lxml refuses them in text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings are per-page noise
MAX_PDF_PAGES = 2000  # pages read from one PDF: a small file can declare a million pages
MAX_FUTURE = dt.timedelta(days=1)  # a published date later than the fetch plus this is not believed
MIN_TEXT_CHARS = 150  # below this an "article" is a stub, a paywall or a listing
BROKEN_ENCODING_RATIO = 0.01  # share of U+FFFD characters that means the declared charset is wrong
DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings are per-page noise


class ExtractionError(Exception):
    """A body that yields no document; ``kind`` is the crawl_log error_kind."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)

    def __reduce__(self) -> tuple:  # cross the worker-process boundary intact
        return (ExtractionError, (self.kind, str(self)))


@dataclass(frozen=True)
class Hints:
    """What a feed item or sitemap entry said about the document, used when the page is silent."""

    title: str | None = None
    author: str | None = None
    published_at: dt.datetime | None = None


@dataclass
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    published_at: dt.datetime | None = None
    language: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what was doubted and dropped, for crawl_log
    page_kind: str = "article"  # crawl_log.page_kind: article, pdf or listing (never a document)


def _parse_text(value: str) -> dt.datetime | None:
    value = value.strip()
    try:  # ISO 8601 / W3C datetime: pages, sitemaps, Atom, JSON Feed
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:  # RFC 822: RSS pubDate, Last-Modified
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def parse_when(value: object) -> dt.datetime | None:
    """Any date or timestamp (ISO, RFC 822, datetime) as an aware UTC datetime; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        when: dt.datetime | None = value
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day)
    else:
        when = _parse_text(str(value))
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    try:
        return when.astimezone(dt.UTC)
    except OverflowError:  # 9999-12-31T23:59-05:00 and the like: a hostile or broken date, not a crash
        return None


def _head(body: bytes) -> tuple[bytes, bool]:
    """The first 4 KB as ASCII-compatible bytes (a UTF-16 or UTF-32 page decoded by its BOM), and
    whether they read as text: a stray NUL or two is damage, a binary file is full of controls."""
    encoding, bom = read_bom(body[:4096])
    head = body[:4096]
    if encoding is not None:
        head = head[len(bom):].decode(encoding, errors="ignore").encode("utf-8", errors="ignore")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return head, controls <= max(2, len(head) // 100)


def sniff_kind(body: bytes, content_type: str | None) -> str:
    """'pdf', 'html' or 'binary', from the bytes first and the declared type second."""
    head, textual = _head(body)
    head = head[:1024].lstrip().lower()
    ctype = (content_type or "").split(";")[0].strip().lower()
    if body.startswith(b"%PDF") or ctype == "application/pdf":
        return "pdf"
    if ctype in HTML_TYPES or head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html" if textual else "binary"
    return "binary"


def detect_language(text: str) -> str | None:
    if not text.strip():
        return None
    lang, _score = py3langid.classify(text[:3000])  # a few paragraphs decide it; more costs time
    return lang


def decode_html(body: bytes, content_type: str | None) -> str:
    """Unicode text of an HTML body; a mis-declared charset is an ExtractionError('encoding')."""
    encoding, text = html_to_unicode(content_type, body)
    bad = text.count("\ufffd")
    if bad and bad / max(len(text), 1) > BROKEN_ENCODING_RATIO:
        raise ExtractionError("encoding", f"{bad} undecodable characters as {encoding}")
    return _CONTROLS.sub("", text)


def _published(page: dt.datetime | None, hint: dt.datetime | None) -> dt.datetime | None:
    # The page's date wins, but it often carries no time: a feed timestamp on the same day is more precise.
    if page is None:
        return hint
    if hint is not None and hint.date() == page.date():
        return hint
    return page


def flatten_wrappers(html: str, limit: int = MAX_WRAPPER_DEPTH) -> str:
    """``html`` with wrapper tags (div, span, section, ...) deeper than ``limit`` removed, text kept."""
    depth, last, out = 0, 0, []
    for m in _WRAPPER.finditer(html):
        if m.group(1):  # a closing tag closes the innermost wrapper
            depth = max(depth - 1, 0)
            drop = depth >= limit
        else:
            drop = depth >= limit
            depth += 1
        if drop:
            out.append(html[last:m.start()])
            last = m.end()
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _paragraphs(doc: Any, html: str) -> list[str]:
    if doc is None:
        return []
    if doc.body is None:
        return [line.strip() for line in (doc.text or "").splitlines() if line.strip()]
    paras = blocks.paragraphs(doc.body)
    if len(paras) == 1 and len(doc.body) == 1:  # trafilatura's whole-page fallback: one flat paragraph
        page = load_html(flatten_wrappers(html))
        if page is not None and page.find("body") is not None:
            return blocks.realign(paras[0], blocks.paragraphs(page.find("body")))
    return paras


def extract_html(html: str, url: str | None) -> Extracted:
    """Text with a blank line between blocks, and whether the page is an article or a listing."""
    tree = load_html(flatten_wrappers(html))
    if tree is None:
        return Extracted(text="")
    teasers = pagekind.teaser_items(tree)
    features = pagekind.page_features(tree, teasers, url)  # before extraction, which prunes the tree
    leads = leadins.page_leadins(tree)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                      date_extraction_params=DATE_PARAMS)
    paras = leadins.split(_paragraphs(doc, html), leads)
    features.prose_chars = pagekind.own_prose(paras, features.teaser_texts)
    kind = pagekind.classify(features)
    out = Extracted(text=blocks.join_paragraphs(paras), page_kind=kind)
    if kind == pagekind.LISTING:
        out.notes.append(f"listing page, not an article: {features.summary()}")
    if doc is not None:
        out.title, out.author = doc.title or None, doc.author or None
        out.published_at = parse_when(doc.date)
    return out


def extract_pdf(body: bytes) -> Extracted:
    try:
        reader = PdfReader(io.BytesIO(body))
        count = len(reader.pages)
        pages = [pdftext.page_lines(reader.pages[i]) for i in range(min(count, MAX_PDF_PAGES))]
        text = blocks.join_paragraphs(pdftext.paragraphs(pages))
        meta = reader.metadata
    except FileNotDecryptedError:
        raise ExtractionError("encrypted", "encrypted PDF: its text needs a password") from None
    except Exception as exc:  # pypdf raises many types on broken files; all mean the same here
        raise ExtractionError("parse_error", f"unreadable PDF: {type(exc).__name__}: {exc}") from None
    title = (meta.title if meta else None) or None
    author = (meta.author if meta else None) or None
    try:
        created = meta.creation_date if meta else None
    except Exception:  # a malformed date string in the metadata is not worth losing the text for
        created = None
    out = Extracted(text=text, title=title, author=author, published_at=parse_when(created), page_kind="pdf")
    if count > MAX_PDF_PAGES:
        out.notes.append(f"PDF of {count} pages: only the first {MAX_PDF_PAGES} were read")
    return out


def _believable(when: dt.datetime | None, not_after: dt.datetime | None, what: str,
                notes: list[str]) -> dt.datetime | None:
    # A date after the fetch would put the document in a week that has not happened, where no
    # indicator looks for it: the date is dropped (the fetch time stands in) and the drop noted.
    if when is None or not_after is None or when <= not_after + MAX_FUTURE:
        return when
    notes.append(f"{what} date {when.isoformat()} is after the fetch; ignored")
    return None


def extract_document(body: bytes, content_type: str | None, url: str | None,
                     language: str = "auto", hints: Hints | None = None,
                     not_after: dt.datetime | None = None) -> Extracted:
    """The document in a response body; ExtractionError(kind) when there is none.

    ``not_after`` (the fetch time) makes later publication dates, the page's or the hint's,
    count as unknown; reparse passes the original fetch time so it gives the same answer.
    """
    hints = hints or Hints()
    kind = sniff_kind(body, content_type)
    if kind == "binary":
        raise ExtractionError("binary", f"not HTML or PDF (Content-Type {content_type!r})")
    if kind == "html" and len(body) > MAX_HTML_BYTES:
        raise ExtractionError("too_large", f"HTML page of {len(body)} bytes: more than the "
                                           f"{MAX_HTML_BYTES} extraction reads")
    out = extract_pdf(body) if kind == "pdf" else extract_html(decode_html(body, content_type), url)
    if len(out.text) < MIN_TEXT_CHARS:
        raise ExtractionError("empty", f"no article text ({len(out.text)} characters extracted)")
    out.title = out.title or hints.title or (out.text.splitlines()[0][:200] if kind == "pdf" else None)
    out.author = out.author or hints.author
    page_date = _believable(out.published_at, not_after, "page", out.notes)
    hint_date = _believable(hints.published_at, not_after, "index", out.notes)
    out.published_at = _published(page_date, hint_date)
    out.language = language if language != "auto" else detect_language(out.text)
    return out
