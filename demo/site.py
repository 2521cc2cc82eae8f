"""Write the demo sites to disk: every outlet's pages, feeds, sitemaps, robots.txt and the PDF report.

The generator needs each outlet's origin (feeds and sitemaps hold absolute
URLs), so the servers bind their ports first and the site is written after.
Given the same origins, it writes the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from ocwatch.demo import feeds, pages
from ocwatch.demo.outlets import OUTLETS, Outlet
from ocwatch.demo.pdf_report import build_pdf
from ocwatch.demo.schedule import Article, build_articles

Routes = dict[str, tuple[str, bytes]]  # path -> (content type, body)
HTML = "text/html; charset=utf-8"
PER_PAGE = 12
# Links on the listing that a polite crawler must not follow or cannot fetch.
DISPATCH_TRAPS = (
    ("/news/removed-story-port-au-prince-1999.html", "Removed: gang truce collapses in Port-au-Prince"),
    ("/private/editor-notes.html", "Editor's notes (staff only)"),
    ("/tag/haiti/", "More on Haiti"),
    ("/login", "Sign in to read more"),
)
CSS = "body{font-family:Georgia,serif;margin:0 auto;max-width:980px}nav ul{display:flex;gap:1em}\n"


def _article_routes(outlet: Outlet, origin: str, arts: list[Article]) -> tuple[Routes, dict[str, int]]:
    routes: Routes = {}
    faults: dict[str, int] = {}
    for i, a in enumerate(arts):
        if a.broken:
            faults[a.path] = 500
            continue
        related = [r for r in arts[:i] if r.story.theme == a.story.theme and not r.broken][-3:]
        most_read = [r for r in arts[max(0, i - 6):i] if not r.broken][:5]
        html = pages.article_page(a, outlet, origin, related, most_read)
        routes[a.path] = (HTML, html.encode())
    return routes, faults


def _listing_routes(outlet: Outlet, arts: list[Article]) -> Routes:
    """/news/ and /news/page/N/, newest first, every page linked from every page (depth 1)."""
    newest = sorted(arts, key=lambda a: (a.published, a.id), reverse=True)
    n_pages = max(1, -(-len(newest) // PER_PAGE))

    def page_url(n: int) -> str:
        return "/news/" if n == 1 else f"/news/page/{n}/"

    routes: Routes = {}
    for n in range(1, n_pages + 1):
        items = newest[(n - 1) * PER_PAGE:n * PER_PAGE]
        extra = DISPATCH_TRAPS if n == 1 else ()
        html = pages.listing_page(outlet, f"Latest news - page {n}", items, n, n_pages, page_url, extra)
        routes[page_url(n)] = (HTML, html.encode())
    routes["/tag/haiti/"] = (HTML, pages.listing_page(
        outlet, "Haiti", [a for a in newest if a.story.country == "HTI"][:PER_PAGE], 1, 1, lambda n: "/tag/haiti/").encode())
    routes["/login"] = (HTML, pages.simple_page(outlet, "Sign in", "Subscribers sign in here.").encode())
    return routes


def _route_routes(outlet: Outlet, origin: str, arts: list[Article]) -> Routes:
    """The outlet's machine-readable entry point (feed, sitemaps, listing or PDF)."""
    if outlet.route == "rss":
        return {outlet.entry_path: ("application/rss+xml; charset=utf-8", feeds.rss(outlet, origin, arts).encode())}
    if outlet.route == "atom":
        return {outlet.entry_path: ("application/atom+xml; charset=utf-8", feeds.atom(outlet, origin, arts).encode())}
    if outlet.route == "sitemap":
        live = [a for a in arts if not a.broken]
        return {p: ("application/xml", x.encode()) for p, x in feeds.sitemaps(origin, live).items()}
    if outlet.route == "listing":
        return _listing_routes(outlet, arts)
    return {outlet.entry_path: ("application/pdf", build_pdf())}


def outlet_routes(outlet: Outlet, origin: str, articles: tuple[Article, ...]) -> tuple[Routes, dict[str, int]]:
    arts = [a for a in articles if a.outlet == outlet.id]
    routes, faults = _article_routes(outlet, origin, arts)
    routes.update(_route_routes(outlet, origin, arts))
    home_items = sorted(arts, key=lambda a: (a.published, a.id), reverse=True)[:PER_PAGE]
    routes.setdefault("/", (HTML, pages.listing_page(outlet, outlet.name, home_items, 1, 1, lambda n: "/").encode()))
    if outlet.route == "pdf":
        # Markup: the one link is ours, not text from elsewhere, so it is not escaped.
        body = Markup('Read the <a href="{}">interim report of November 2026</a> (PDF).').format(outlet.entry_path)
        routes["/"] = (HTML, pages.simple_page(outlet, outlet.name, body).encode())
    routes["/robots.txt"] = ("text/plain; charset=utf-8", feeds.robots(outlet, origin).encode())
    routes["/static/site.css"] = ("text/css", CSS.encode())
    routes["/private/editor-notes.html"] = (HTML, pages.simple_page(outlet, "Editor's notes", "Internal.").encode())
    for name, title in (("about", "About us"), ("contact", "Contact"), ("privacy", "Privacy policy")):
        routes[f"/{name}.html"] = (HTML, pages.simple_page(outlet, title, outlet.tagline).encode())
    return routes, faults


def file_for(path: str) -> str:
    """Where a URL path is stored under the outlet's folder ('/news/' -> 'news/index.html')."""
    rel = path.lstrip("/")
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def generate(workdir: Path, origins: dict[str, str],
             progress: Callable[[str], None] | None = None) -> dict[str, dict]:
    """Write every outlet under workdir/sites/<outlet>/ and a manifest; returns the manifest."""
    articles = build_articles()
    manifest: dict[str, dict] = {}
    for outlet in OUTLETS:
        routes, faults = outlet_routes(outlet, origins[outlet.id].rstrip("/"), articles)
        base = workdir / "sites" / outlet.id
        entries = {}
        for path, (ctype, body) in sorted(routes.items()):
            target = base / file_for(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            entries[path] = {"file": file_for(path), "type": ctype}
        manifest[outlet.id] = {"origin": origins[outlet.id], "routes": entries, "faults": faults}
        if progress:
            progress(f"{outlet.id}: {len(entries)} files")
    (workdir / "sites" / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest
