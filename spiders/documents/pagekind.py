"""Is an HTML page an article, or a listing of other stories (section, tag, index, search, home page)?

A listing has many links to other pages, each in a repeated block (a teaser:
a headline link, perhaps a date and the first lines of the story), and little
prose of its own. An article may carry such blocks too (related stories, most
read), but it also has paragraphs of its own. So the decision weighs the
page's own prose (what extraction kept, minus whatever lies inside a teaser)
against its teasers, and the page's own declarations (og:type, JSON-LD type,
the number of <article> elements, pagination) move the bar. The URL shape is
a weak hint only: a CMS calls its pages anything.

Measured on real pages (docs/CRAWLING.md, "Page kinds"): no article of the
trafilatura set or of the 181-page Article Extraction Benchmark is refused.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

ARTICLE, LISTING = "article", "listing"
MIN_TEASERS = 3  # repeated link blocks of one shape; a related-stories box has as many, so prose decides
HEADLINE_WORDS = 3  # a teaser's link reads as a headline: at least this many words
HEADLINE_SHARE = 0.2  # ... and holds this share of the teaser's text (a link inside a paragraph does not)
# Own prose (characters) below which a page with MIN_TEASERS teasers is a listing ...
PROSE_BAR = 300
PROSE_BAR_HINTED = 600  # ... when the page also paginates, has many <article>s or says CollectionPage
PROSE_BAR_ARTICLE = 150  # ... when it declares itself an article (og:type, JSON-LD): almost no prose at all
TEASER_SHARE = 0.5  # and its prose is under this share of its teasers' text
MANY_ARTICLES = 3  # <article> elements: one is a story, many are teaser cards
ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                           "blogposting", "report", "opinionnewsarticle", "backgroundnewsarticle",
                           "scholarlyarticle", "techarticle", "liveblogposting"})
# WebSite and WebPage are in most articles' JSON-LD graphs too (Yoast and the like): they say nothing.
COLLECTION_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "blog", "profilepage"})
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# URL shapes of collections: a taxonomy word as a path segment, a page or search parameter, the
# site root, or a one-word section path ("/news/", "/africa/"); an article's slug has hyphens or digits.
_LISTING_URL = re.compile(r"/(tags?|topics?|category|categories|section|sections|rubriques?|themes?|"
                          r"keywords?|search|archives?|page)(/|$)|[?&](page|p|s|q|tag|cat)=|"
                          r"^/?$|^(/[a-z]+){1,2}/?(index\.\w+)?$", re.I)
# Page-number links: "?page=3", "/page/3/", "&p=3".
_PAGE_HREF = re.compile(r"(/page/|[?&](page|p|pg|start|offset)=)\d+", re.I)
_WORD = re.compile(r"\w+")


@dataclass
class PageSignals:
    teasers: int = 0  # items of the largest repeated block of headline links
    teaser_chars: int = 0
    prose_chars: int = 0  # extracted text outside any teaser
    links: int = 0
    articles: int = 0  # <article> elements
    og_type: str | None = None
    ld_types: set[str] = field(default_factory=set)
    teaser_texts: list[str] = field(default_factory=list, repr=False)
    paginated: bool = False
    listing_url: bool = False

    def summary(self) -> str:
        hints = [h for h, on in (("pagination", self.paginated), ("listing-like URL", self.listing_url)) if on]
        declared = ", ".join(filter(None, [f"og:type {self.og_type}" if self.og_type else "",
                                           *(f"JSON-LD {t}" for t in sorted(self.ld_types))]))
        parts = [f"{self.teasers} teasers", f"{self.prose_chars} characters of its own prose",
                 f"{self.links} links", f"{self.articles} <article> elements"]
        return "; ".join(parts + ([declared] if declared else []) + hints)


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _signature(el: etree._Element) -> tuple[str, str]:
    # Teaser cards of one list share tag and class; numbers in classes (item-3, odd/even) vary.
    cls = " ".join(sorted(re.sub(r"\d+", "", c) for c in (el.get("class") or "").split()
                          if c not in ("odd", "even", "first", "last", "active")))
    return str(el.tag), cls


def _headline_link(el: etree._Element) -> bool:
    """A link that reads as a headline and is a good part of the block (not a link inside prose)."""
    longest = max((_text(a) for a in el.iter("a") if a.get("href")), key=len, default="")
    if len(_WORD.findall(longest)) < HEADLINE_WORDS:
        return False
    return len(longest) >= HEADLINE_SHARE * len(_text(el))


def teaser_items(root: etree._Element) -> list[etree._Element]:
    """The items of the largest group of same-shaped siblings that each hold a headline link."""
    best: list[etree._Element] = []
    for parent in root.iter():
        if not isinstance(parent.tag, str) or parent.tag in SKIP or len(parent) < MIN_TEASERS // 2:
            continue
        groups: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str) and _headline_link(child):
                groups[_signature(child)].append(child)
        for items in groups.values():
            if len(items) > len(best):
                best = items
    return best if len(best) >= 2 else []


def _ld_types(root: etree._Element) -> set[str]:
    types: set[str] = set()
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        types.update(_types_in(data))
    return types


def _types_in(data: object, depth: int = 0) -> Iterable[str]:
    # Only the top of each JSON-LD object says what the page is; a nested Person or Organization does not.
    if depth > 2:
        return
    if isinstance(data, list):
        for d in data:
            yield from _types_in(d, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        for t in kind if isinstance(kind, list) else [kind]:
            if isinstance(t, str):
                yield t.lower()
        if "@graph" in data:
            yield from _types_in(data["@graph"], depth + 1)


def _paginated(root: etree._Element) -> bool:
    """Numbered pages: links to page N, or two or more links that are bare page numbers.

    rel=next/prev alone is not enough: a blog post links its neighbours that way.
    """
    numbers = 0
    for a in root.iter("a"):
        href = a.get("href") or ""
        if _PAGE_HREF.search(href):
            return True
        text = _text(a)
        numbers += text.isdigit() and len(text) <= 3 and text in href
    return numbers >= 2


def _og_type(root: etree._Element) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:type":
            return (meta.get("content") or "").strip().lower() or None
    return None


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def own_prose(paragraphs: list[str], teaser_texts: list[str]) -> int:
    """Characters of extracted text that no teaser holds (by word 3-grams: extraction re-flows text)."""
    held: set[tuple[str, ...]] = set()
    for t in teaser_texts:
        held |= _shingles(t)
    total = 0.0
    for p in paragraphs:
        grams = _shingles(p)
        total += len(p) * (1 - len(grams & held) / len(grams)) if grams else 0
    return int(total)


def page_features(root: etree._Element, items: list[etree._Element], url: str | None) -> PageSignals:
    """What the page says about itself; ``prose_chars`` is left for after extraction (``own_prose``)."""
    teaser_texts = [_text(i) for i in items]
    return PageSignals(
        teasers=len(items), teaser_chars=sum(map(len, teaser_texts)), teaser_texts=teaser_texts,
        links=sum(1 for a in root.iter("a") if a.get("href")), articles=sum(1 for _ in root.iter("article")),
        og_type=_og_type(root), ld_types=_ld_types(root), paginated=_paginated(root),
        listing_url=_listing_url(url))


def _listing_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return bool(_LISTING_URL.search(parts.path + ("?" + parts.query if parts.query else "")))


def prose_bar(s: PageSignals) -> int:
    """How much own prose a page with many teasers needs to count as an article."""
    declared_article = s.og_type == "article" or bool(s.ld_types & ARTICLE_TYPES)
    declared_listing = bool(s.ld_types & COLLECTION_TYPES)
    if declared_article and not declared_listing:
        return PROSE_BAR_ARTICLE
    hinted = s.paginated or s.articles >= MANY_ARTICLES or bool(s.ld_types & COLLECTION_TYPES)
    bar = PROSE_BAR_HINTED if hinted else PROSE_BAR
    return bar + (50 if s.listing_url else 0)  # the URL only nudges


def classify(s: PageSignals) -> str:
    # Both: little prose of its own, and less of it than half of what the teasers hold (a short post with a
    # "recent posts" box has more of its own).
    if s.teasers >= MIN_TEASERS and s.prose_chars < min(prose_bar(s), TEASER_SHARE * s.teaser_chars):
        return LISTING
    return ARTICLE
