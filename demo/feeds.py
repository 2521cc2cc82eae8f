"""Machine-readable routes to the articles: RSS 2.0, Atom 1.0, XML sitemaps and a sitemap index, robots.txt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from email.utils import format_datetime

import jinja2

from ocwatch.demo.outlets import DEMO_DATE, Outlet
from ocwatch.demo.schedule import Article

_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{{ outlet.name }}</title>
<link>{{ origin }}/</link>
<atom:link href="{{ origin }}{{ outlet.entry_path }}" rel="self" type="application/rss+xml"/>
<description>{{ outlet.tagline }}</description>
<language>{{ outlet.language }}</language>
<lastBuildDate>{{ build_date }}</lastBuildDate>
{% for a in items %}<item>
<title>{{ a.story.title }}</title>
<link>{{ origin }}{{ a.path }}?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">{{ outlet.id }}-{{ a.id }}</guid>
<pubDate>{{ rfc822(a.published) }}</pubDate>
<dc:creator>{{ a.author }}</dc:creator>
<category>{{ a.section }}</category>
<description>{{ a.story.paragraphs[0] }}</description>
</item>
{% endfor %}</channel>
</rss>
"""

_ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ outlet.language }}">
<title>{{ outlet.name }}</title>
<subtitle>{{ outlet.tagline }}</subtitle>
<id>tag:{{ outlet.id }}.demo,2026:feed</id>
<link rel="self" href="{{ origin }}{{ outlet.entry_path }}"/>
<link rel="alternate" href="{{ origin }}/"/>
<updated>{{ updated }}</updated>
{% for a in items %}<entry>
<title>{{ a.story.title }}</title>
<id>tag:{{ outlet.id }}.demo,2026:article-{{ a.id }}</id>
<link rel="alternate" type="text/html" href="{{ origin }}{{ a.path }}"/>
<published>{{ a.published.isoformat() }}</published>
<updated>{{ a.published.isoformat() }}</updated>
<author><name>{{ a.author }}</name></author>
<category term="{{ a.section }}"/>
<summary>{{ a.story.paragraphs[0] }}</summary>
</entry>
{% endfor %}</feed>
"""

_URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{% for loc, lastmod in urls %}<url><loc>{{ origin }}{{ loc }}</loc><lastmod>{{ lastmod }}</lastmod></url>
{% endfor %}</urlset>
"""

_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{% for loc, lastmod in maps %}<sitemap><loc>{{ origin }}{{ loc }}</loc><lastmod>{{ lastmod }}</lastmod></sitemap>
{% endfor %}</sitemapindex>
"""

ENV = jinja2.Environment(loader=jinja2.DictLoader({"rss": _RSS, "atom": _ATOM, "urlset": _URLSET,
                                                   "index": _INDEX}),
                         autoescape=True, keep_trailing_newline=True)
# Feeds are built "now" = the last moment before the run date, never the wall clock.
BUILD_TIME = dt.datetime.combine(DEMO_DATE, dt.time(0, 0), tzinfo=dt.UTC) - dt.timedelta(minutes=5)


def _newest_first(items: Sequence[Article]) -> list[Article]:
    return sorted(items, key=lambda a: (a.published.astimezone(dt.UTC), a.id), reverse=True)


def rss(outlet: Outlet, origin: str, items: Sequence[Article]) -> str:
    return ENV.get_template("rss").render(outlet=outlet, origin=origin, items=_newest_first(items),
                                          build_date=format_datetime(BUILD_TIME), rfc822=format_datetime)


def atom(outlet: Outlet, origin: str, items: Sequence[Article]) -> str:
    return ENV.get_template("atom").render(outlet=outlet, origin=origin, items=_newest_first(items),
                                           updated=BUILD_TIME.isoformat())


def sitemaps(origin: str, items: Sequence[Article]) -> dict[str, str]:
    """A sitemap per month and the index pointing at them: path -> XML."""
    months: dict[str, list[Article]] = {}
    for a in sorted(items, key=lambda a: (a.published, a.id)):
        months.setdefault(f"{a.published:%Y-%m}", []).append(a)
    out: dict[str, str] = {}
    index = []
    for month, arts in months.items():
        path = f"/sitemaps/articles-{month}.xml"
        urls = [(a.path, a.published.isoformat()) for a in arts]
        out[path] = ENV.get_template("urlset").render(origin=origin, urls=urls)
        index.append((path, max(a.published for a in arts).isoformat()))
    out["/sitemap_index.xml"] = ENV.get_template("index").render(origin=origin, maps=index)
    return out


def robots(outlet: Outlet, origin: str) -> str:
    lines = ["User-agent: *", *(f"Disallow: {p}" for p in outlet.robots_disallow), ""]
    if outlet.route == "sitemap":
        lines.append(f"Sitemap: {origin}/sitemap_index.xml")
    return "\n".join(lines) + "\n"
