"""HTML of the demo sites: article pages that look like real news pages, listings, and the odd extra page.

Article pages carry the boilerplate a real outlet has (navigation, sidebars,
related links, newsletter box, footer) so that main-text extraction is tested
the way it is on the web, plus the metadata extractors read: og: tags,
article:published_time, a byline, <time datetime> and JSON-LD.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import jinja2

from ocwatch.demo.outlets import Outlet
from ocwatch.demo.schedule import Article

_BASE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ page_title }} | {{ outlet.name }}</title>
{% block meta %}{% endblock %}
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">{{ outlet.name }}</a>
  <p class="tagline">{{ outlet.tagline }}</p>
  <nav class="main-nav"><ul>
    {% for s in outlet.sections %}<li><a href="/section/{{ s | lower }}/">{{ s }}</a></li>{% endfor %}
    <li><a href="/login">{{ "Connexion" if lang == "fr" else "Sign in" }}</a></li>
  </ul></nav>
</header>
<main>
{% block main %}{% endblock %}
</main>
<footer class="site-footer">
  <ul><li><a href="/about.html">{{ "À propos" if lang == "fr" else "About us" }}</a></li>
  <li><a href="/contact.html">Contact</a></li>
  <li><a href="/privacy.html">{{ "Confidentialité" if lang == "fr" else "Privacy policy" }}</a></li></ul>
  <p>&copy; 2026 {{ outlet.name }}. {{ "Tous droits réservés." if lang == "fr" else "All rights reserved." }}</p>
</footer>
</body>
</html>
"""

_ARTICLE = """{% extends "base" %}
{% block meta %}
<link rel="canonical" href="{{ url }}">
<meta name="description" content="{{ article.story.paragraphs[0][:180] }}">
<meta name="author" content="{{ article.author }}">
<meta property="og:type" content="article">
<meta property="og:title" content="{{ article.story.title }}">
<meta property="og:url" content="{{ url }}">
<meta property="og:site_name" content="{{ outlet.name }}">
<meta property="og:locale" content="{{ 'fr_FR' if lang == 'fr' else 'en_GB' }}">
<meta property="article:published_time" content="{{ article.published.isoformat() }}">
<meta property="article:section" content="{{ article.section }}">
<script type="application/ld+json">{{ json_ld | safe }}</script>
{% endblock %}
{% block main %}
<div class="breadcrumbs"><a href="/">{{ "Accueil" if lang == "fr" else "Home" }}</a> &rsaquo; <a href="/section/{{ article.section | lower }}/">{{ article.section }}</a></div>
<article class="story">
  <h1 class="headline">{{ article.story.title }}</h1>
  <div class="byline">{{ "Par" if lang == "fr" else "By" }} <span class="author">{{ article.author }}</span>
    &middot; <time datetime="{{ article.published.isoformat() }}">{{ article.published.strftime("%d/%m/%Y %H:%M") }}</time></div>
  <div class="share"><a href="/share?s=twitter">Share</a> <a href="/share?s=whatsapp">WhatsApp</a></div>
  <div class="article-body">
  {% for p in article.story.paragraphs %}<p>{{ p }}</p>
  {% endfor %}</div>
  <div class="tags">{% for t in tags %}<a href="/tag/{{ t }}/">#{{ t }}</a> {% endfor %}</div>
</article>
<aside class="sidebar">
  <section class="most-read"><h2>{{ "Les plus lus" if lang == "fr" else "Most read" }}</h2><ol>
  {% for r in most_read %}<li><a href="{{ r.path }}">{{ r.story.title }}</a></li>{% endfor %}</ol></section>
  <section class="newsletter"><h2>Newsletter</h2>
  <p>{{ "Recevez l'essentiel de l'actualité chaque matin." if lang == "fr" else "Get the day's essential news every morning." }}</p>
  <form action="/newsletter"><input type="email" name="email"><button>OK</button></form></section>
</aside>
<section class="related"><h2>{{ "À lire aussi" if lang == "fr" else "Related stories" }}</h2><ul>
{% for r in related %}<li><a href="{{ r.path }}">{{ r.story.title }}</a></li>{% endfor %}</ul></section>
{% endblock %}
"""

_LISTING = """{% extends "base" %}
{% block main %}
<h1>{{ heading }}</h1>
<ul class="story-list">
{% for a in items %}<li class="teaser"><a href="{{ a.path }}">{{ a.story.title }}</a>
<time datetime="{{ a.published.isoformat() }}">{{ a.published.strftime("%d %b %Y") }}</time>
<p>{{ a.story.paragraphs[0][:160] }}...</p></li>
{% endfor %}
{% for href, text in extra_links %}<li class="teaser"><a href="{{ href }}">{{ text }}</a></li>
{% endfor %}</ul>
<nav class="pagination">{% for n in range(1, pages + 1) %}
<a href="{{ page_url(n) }}"{% if n == page %} class="current"{% endif %}>{{ n }}</a>{% endfor %}
{% if page < pages %}<a rel="next" href="{{ page_url(page + 1) }}">Next</a>{% endif %}</nav>
<aside class="sidebar"><a href="/tag/haiti/">#haiti</a> <a href="/tag/congo/">#congo</a> <a href="/account/">My account</a></aside>
{% endblock %}
"""

_SIMPLE = """{% extends "base" %}
{% block main %}<h1>{{ heading }}</h1><p>{{ body }}</p>{% endblock %}
"""

ENV = jinja2.Environment(
    loader=jinja2.DictLoader({"base": _BASE, "article": _ARTICLE, "listing": _LISTING, "simple": _SIMPLE}),
    autoescape=True, keep_trailing_newline=True)


def _json_ld(article: Article, outlet: Outlet, url: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.story.title,
            "datePublished": article.published.isoformat(), "inLanguage": article.language,
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": outlet.name}, "mainEntityOfPage": url}
    # "</" cannot appear inside a script element; JSON allows the escaped slash.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def article_page(article: Article, outlet: Outlet, origin: str, related: Sequence[Article],
                 most_read: Sequence[Article]) -> str:
    url = origin + article.path
    tags = [article.story.country.lower(), article.story.theme.split("_")[0]]
    return ENV.get_template("article").render(
        lang=article.language, outlet=outlet, page_title=article.story.title, article=article, url=url,
        json_ld=_json_ld(article, outlet, url), tags=tags, related=related, most_read=most_read)


def listing_page(outlet: Outlet, heading: str, items: Sequence[Article], page: int, pages: int,
                 page_url: object, extra_links: Sequence[tuple[str, str]] = ()) -> str:
    return ENV.get_template("listing").render(
        lang=outlet.language, outlet=outlet, page_title=heading, heading=heading, items=items, page=page,
        pages=pages, page_url=page_url, extra_links=extra_links)


def simple_page(outlet: Outlet, heading: str, body: str) -> str:
    return ENV.get_template("simple").render(lang=outlet.language, outlet=outlet, page_title=heading,
                                             heading=heading, body=body)
