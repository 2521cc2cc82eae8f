"""A synthetic news corpus at scale, served from a local HTTP server, for the scale benchmark.

Nothing is held in memory per document: a page is generated on request from
its index with a generator seeded by (seed, index), so 100,000 documents cost
no more memory than ten, and two servers with the same seed serve the same
bytes. Most documents are ordinary news; a few percent are about crime and use
the taxonomy's own terms (read from warehouse/reference, never copied here),
so extraction has real work to find. Sources are split by language (English
and French) and each has a sitemap index of sitemaps of at most 50,000 URLs.

Night 2 serves the same documents plus ``new_share`` new ones (new URLs in the
sitemaps); unchanged documents answer 304 to conditional GETs.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
import math
import random
import threading
from collections import Counter
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from functools import cached_property
from http.server import BaseHTTPRequestHandler

import yaml

from ocwatch.demo.httpserver import LocalHTTPServer, RouteHandler
from ocwatch.reference import REFERENCE_DIR

REFERENCE = REFERENCE_DIR
SITEMAP_MAX = 50_000  # the sitemaps protocol's limit per file


def _names(file: str, *columns: str) -> list[str]:
    """Every name (split on ';') in the given columns of a reference CSV."""
    with open(REFERENCE / file, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [n.strip() for r in rows for c in columns for n in (r.get(c) or "").split(";") if n.strip()]


@dataclass(frozen=True)
class Doc:
    index: int
    source: int
    language: str
    crime: bool
    words: int
    published: dt.datetime
    slug: str
    copy_of: int | None = None  # a wire copy carries another outlet's story word for word

    @property
    def etag(self) -> str:
        return f'"d{self.index:x}-v1"'


@dataclass
class ScaleCorpus:
    """The corpus of one night: ``docs`` base documents, plus new ones on night 2."""

    docs: int
    night_date: dt.date
    seed: int = 7
    sources: int = 10
    french_sources: int = 3
    crime_share: float = 0.04
    wire_share: float = 0.01
    new_share: float = 0.02
    night: int = 1
    sitemap_size: int = SITEMAP_MAX

    @property
    def new_docs(self) -> int:
        return math.ceil(self.docs * self.new_share)

    @property
    def total(self) -> int:
        """Documents served tonight."""
        return self.docs + (self.new_docs if self.night >= 2 else 0)

    def source_id(self, k: int) -> str:
        return f"scale-{k:02d}"

    def language_of(self, k: int) -> str:
        return "fr" if k >= self.sources - self.french_sources else "en"

    def _is_wire(self, i: int) -> bool:
        return random.Random(self.seed * 31 + i).random() < self.wire_share

    def doc(self, i: int) -> Doc:
        rng = random.Random(self.seed * 1_000_003 + i)
        k = i % self.sources
        # Base documents were published in the fortnight before night 1; new ones the day of night 2.
        base = dt.datetime.combine(self.night_date, dt.time(), tzinfo=dt.UTC)
        if i < self.docs:
            published = base - dt.timedelta(seconds=rng.randrange(1, 14 * 86400))
        else:
            published = base + dt.timedelta(seconds=rng.randrange(1, 20 * 3600))
        words = int(min(1200, max(300, rng.lognormvariate(math.log(600), 0.4))))
        crime = rng.random() < self.crime_share
        slug = "-".join(rng.choice(SLUG_WORDS) for _ in range(4))
        lang = self.language_of(k)
        if k > 0 and self.language_of(k - 1) == lang and self._is_wire(i) and not self._is_wire(i - 1):
            # The neighbour outlet ran the story first; the copy follows within hours.
            orig = self.doc(i - 1)
            late = dt.timedelta(minutes=rng.randrange(30, 180))
            return Doc(i, k, lang, orig.crime, orig.words, orig.published + late, slug, i - 1)
        return Doc(i, k, lang, crime, words, published, slug)

    def url_path(self, d: Doc) -> str:
        p = d.published
        return f"/s{d.source}/{p:%Y/%m/%d}/{d.slug}-{d.index}.html"

    def doc_indices(self, k: int) -> range:
        """Indices of source k's documents tonight (sources take every n-th document)."""
        return range(k, self.total, self.sources)

    @cached_property
    def terms(self) -> dict[str, dict[str, list[str]]]:
        """Taxonomy terms by kind and language, read from the reference CSVs."""
        actors = _names("actors.csv", "name", "aliases")
        return {
            "en": {"commodity": _names("commodities.csv", "names_en"),
                   "activity": _names("activities.csv", "names_en"), "actor": actors,
                   "place": _names("places_domain.csv", "name")},
            "fr": {"commodity": _names("commodities.csv", "names_fr"),
                   "activity": _names("activities.csv", "names_fr"), "actor": actors,
                   "place": _names("places_domain.csv", "name")},
        }

    def story_rng(self, d: Doc) -> random.Random:
        """The generator a page's text is drawn from: a wire copy's is its original's."""
        story = d if d.copy_of is None else self.doc(d.copy_of)
        return random.Random(self.seed * 7_919 + story.index)

    def page(self, i: int) -> bytes:
        d = self.doc(i)
        terms = self.terms[d.language] if d.crime else None
        return render_page(d, self.story_rng(d), self.url_path(d), terms).encode("utf-8")

    def sitemap_index(self, k: int, base_url: str) -> bytes:
        n = math.ceil(len(self.doc_indices(k)) / self.sitemap_size)
        locs = "".join(f"<sitemap><loc>{base_url}/s{k}/sitemap-{j}.xml</loc></sitemap>"
                       for j in range(n))
        return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>').encode()

    def sitemap(self, k: int, j: int, base_url: str) -> bytes:
        idx = self.doc_indices(k)[j * self.sitemap_size:(j + 1) * self.sitemap_size]
        parts = ['<?xml version="1.0" encoding="UTF-8"?>'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        for i in idx:
            d = self.doc(i)
            parts.append(f"<url><loc>{base_url}{self.url_path(d)}</loc>"
                         f"<lastmod>{d.published.isoformat()}</lastmod></url>")
        parts.append("</urlset>")
        return "\n".join(parts).encode()

    def sources_yaml(self, base_url: str, concurrency: int = 4) -> str:
        """A sources registry for the corpus's sites (local, so allow_private).

        Every outlet here is one Python server: ten sources crawled side by
        side at 16 requests each kept 160 connections open on it, and its
        threads starved some answers past the 30 s download timeout. Real
        outlets are separate sites; 4 a source keeps the whole night's 40 in
        flight within what this one server answers.
        """
        entries = [{
            "id": self.source_id(k), "name": f"Scale outlet {k}", "kind": "sitemap",
            "url": f"{base_url}/s{k}/sitemap_index.xml", "language": self.language_of(k),
            "reliability": "C", "countries": ["COD"], "allow_private": True,
            # A source's share of a big night is past the crawler's default
            # 2,000-page safety cap: lift it, or the benchmark measures the cap.
            "crawl": {"delay": 0, "concurrency": concurrency,
                      "max_pages": 2 * self.total // self.sources + 100},
        } for k in range(self.sources)]
        return yaml.safe_dump({"sources": entries}, sort_keys=False, allow_unicode=True)


@dataclass
class ScaleServer:
    """A threaded keep-alive HTTP server on 127.0.0.1 for a ScaleCorpus; counts what it served."""

    corpus: ScaleCorpus
    port: int = 0  # 0: any free port; a fixed one lets a kept data root be crawled again
    counts: Counter = field(default_factory=Counter)
    httpd: LocalHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def count(self, key: str) -> None:
        with self._lock:
            self.counts[key] += 1

    def start(self) -> ScaleServer:
        # Build the word lists and terms before the first request: dozens of server threads
        # would otherwise all miss the (unlocked) caches at once and build them side by side.
        for lang in ("en", "fr"):
            _vocabulary(lang)
        _ = self.corpus.terms
        self.httpd = LocalHTTPServer(("127.0.0.1", self.port), _handler_for(self))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()

    def __enter__(self) -> ScaleServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _not_modified(handler: BaseHTTPRequestHandler, d: Doc) -> bool:
    if handler.headers.get("If-None-Match") == d.etag:
        return True
    since = handler.headers.get("If-Modified-Since")
    if not since:
        return False
    try:
        return parsedate_to_datetime(since) >= d.published.replace(microsecond=0)
    except (TypeError, ValueError):
        return False  # an unreadable date is no proof the copy is current


def _route(server: ScaleServer, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
    c, path = server.corpus, handler.path.split("?")[0]
    parts = path.strip("/").split("/")
    if path == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
    if len(parts) == 2 and parts[0][1:].isdigit() and parts[1].startswith("sitemap"):
        server.count("sitemap")
        k = int(parts[0][1:])
        if parts[1] == "sitemap_index.xml":
            return 200, {"Content-Type": "application/xml"}, c.sitemap_index(k, server.url)
        j = int(parts[1].removeprefix("sitemap-").removesuffix(".xml") or 0)
        return 200, {"Content-Type": "application/xml"}, c.sitemap(k, j, server.url)
    index = index_of(path)
    if index is None or index >= c.total or c.url_path(c.doc(index)) != path:
        server.count("not_found")
        return 404, {"Content-Type": "text/plain"}, b"not found"
    d = c.doc(index)
    headers = {"ETag": d.etag, "Last-Modified": format_datetime(d.published, usegmt=True)}
    if _not_modified(handler, d):
        server.count("page_304")
        return 304, headers, b""
    server.count("page_200")
    return 200, {**headers, "Content-Type": "text/html; charset=utf-8"}, c.page(index)


def _handler_for(server: ScaleServer) -> type[BaseHTTPRequestHandler]:
    class Handler(RouteHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: a connection per page would dominate the run

        def route(self) -> tuple[int, dict[str, str], bytes]:
            return _route(server, self)

    return Handler


# --- Text: ordinary news with the odd crime story, in English and French ---------------------

SLUG_WORDS = ["council", "market", "river", "budget", "school", "season", "road", "harvest",
              "vote", "health", "port", "festival", "rain", "union", "bank", "court", "village"]
_FILL = {
    "city": ["Kinshasa", "Nairobi", "Kampala", "Lubumbashi", "Kigali", "Dakar", "Abidjan",
             "Paris", "Brussels", "Mbandaka", "Kisangani", "Matadi", "Goma", "Bukavu"],
    "person": ["Jean Mukendi", "Grace Achieng", "Pierre Lumbala", "Aline Uwase", "Samuel Okello",
               "Marie Kabila", "Joseph Ndongo", "Fatou Diallo", "David Mensah", "Claire Ilunga"],
    "org": ["the central bank", "the health ministry", "the electoral commission", "the teachers' union",
            "the World Bank", "the city council", "the national football federation", "UNICEF"],
    "topic": ["road repairs", "the school calendar", "bread prices", "the rainy season", "vaccination",
              "electricity tariffs", "the national budget", "mobile banking", "the harvest"],
}
_FILL_FR = {
    "topic": ["la réfection des routes", "le calendrier scolaire", "les prix du marché", "la saison des pluies",
              "la vaccination", "les tarifs de l'électricité", "le budget national", "la récolte"],
    "org": ["la banque centrale", "le ministère de la santé", "la commission électorale", "le syndicat des enseignants",
            "la Banque mondiale", "le conseil municipal", "la fédération de football", "l'UNICEF"],
}
_NEWS = {
    "en": ["Officials in {city} said {day} that {topic} would remain a priority for the coming months.",
           "{person}, a spokesperson for {org}, told reporters that {num} people attended the meeting.",
           "The announcement follows weeks of debate about {topic} among residents of {city}.",
           "Prices rose by {pct} percent last month, according to figures published by {org}.",
           "Local traders welcomed the decision, although some said it came too late.",
           "The match ended in a draw after a late goal in front of {num} supporters in {city}.",
           "Heavy rain disrupted traffic across {city}, and several schools closed early.",
           "{org} plans to publish a full report on {topic} before the end of the year.",
           "Residents interviewed in the market said they hoped for lower prices before the holidays.",
           "The programme, funded in part by {org}, will reach {num} households in the province."],
    "fr": ["Les autorités de {city} ont indiqué {day} que {topic} resterait une priorité.",
           "{person}, porte-parole de {org}, a déclaré que {num} personnes ont participé à la réunion.",
           "Cette annonce intervient après des semaines de débat sur {topic} à {city}.",
           "Les prix ont augmenté de {pct} pour cent le mois dernier, selon {org}.",
           "Les commerçants ont salué la décision, même si certains la jugent tardive.",
           "Le match s'est terminé sur un score nul devant {num} supporters à {city}.",
           "De fortes pluies ont perturbé la circulation à {city} et plusieurs écoles ont fermé.",
           "{org} prévoit de publier un rapport complet sur {topic} avant la fin de l'année.",
           "Les habitants rencontrés au marché espèrent une baisse des prix avant les fêtes.",
           "Le programme, financé en partie par {org}, touchera {num} ménages de la province."],
}
_CRIME = {
    "en": ["{actor} fighters were accused of {activity} around {place}, according to local officials.",
           "Traders in {place} said {commodity} was smuggled across the border under the control of {actor}.",
           "A UN report found that {actor} earned money from {commodity} taken from sites near {place}.",
           "Police in {place} seized {commodity} and arrested suspects linked to {activity}.",
           "Civil society groups in {place} denounced {activity} by members of {actor}."],
    "fr": ["Des combattants du {actor} sont accusés de {activity} autour de {place}, selon des sources locales.",
           "Des commerçants de {place} affirment que le {commodity} passe la frontière sous le contrôle du {actor}.",
           "Un rapport de l'ONU indique que le {actor} tire profit du {commodity} extrait près de {place}.",
           "La police de {place} a saisi du {commodity} et arrêté des suspects liés à {activity}.",
           "La société civile de {place} dénonce {activity} par des éléments du {actor}."],
}
# Most sentences are words drawn at their real frequency in English or French news-like text
# (wordfreq's lists). A small made-up vocabulary would make every page share word shingles,
# so SimHash prints would crowd together (hundreds of neighbours within 12 bits of each page,
# where real news has none: docs/SCALE.md) and the benchmark would time an artefact.
VOCABULARY = 30_000


@functools.cache
def _vocabulary(lang: str) -> tuple[list[str], list[float]]:
    """The language's most frequent words with cumulative weights, for ``random.choices``.

    Words that alone make a page relevant to the NLP gate (gold, cocaine,
    extortion, an armed group's name...) are left out: drawn at random they
    would put 40% of ordinary pages through extraction, where the corpus means
    ``crime_share`` of them to be about crime.
    """
    import wordfreq

    from ocwatch.nlp import gate

    # Elision stubs (l, d, qu) are not words of their own in running text.
    words = [w for w in wordfreq.top_n_list(lang, VOCABULARY)
             if w.isalpha() and (len(w) > 1 or w in "aày") and not gate.is_relevant(w, lang)]
    return words, list(itertools.accumulate(wordfreq.word_frequency(w, lang) for w in words))


def _free_sentence(rng: random.Random, lang: str, city: str) -> str:
    words, cum = _vocabulary(lang)
    drawn = rng.choices(words, cum_weights=cum, k=rng.randrange(8, 28))
    drawn.insert(rng.randrange(1, len(drawn)), city)
    drawn[0] = drawn[0].capitalize()
    return " ".join(drawn) + "."


_DAYS = {"en": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday"],
         "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]}


def _sentence(rng: random.Random, lang: str, terms: dict[str, list[str]] | None) -> str:
    fills = {k: rng.choice(v) for k, v in _FILL.items()}
    if lang == "fr":
        fills.update({k: rng.choice(v) for k, v in _FILL_FR.items()})
    sep = "\u202f" if lang == "fr" else ","  # French groups thousands with a narrow space
    fills.update(day=rng.choice(_DAYS[lang]), num=f"{rng.randrange(20, 20000):,}".replace(",", sep),
                 pct=str(rng.randrange(2, 19)))
    if terms is not None and rng.random() < 0.3:
        fills.update({k: rng.choice(v) for k, v in terms.items()})
        return rng.choice(_CRIME[lang]).format(**fills)
    if rng.random() < 0.85:  # stock sentences repeated across pages would make them look alike
        return _free_sentence(rng, lang, fills["city"])
    return rng.choice(_NEWS[lang]).format(**fills)


def _paragraphs(rng: random.Random, d: Doc, terms: dict[str, list[str]] | None) -> list[str]:
    paragraphs: list[str] = []
    words = 0
    while words < d.words:
        para = " ".join(_sentence(rng, d.language, terms) for _ in range(rng.randrange(2, 6)))
        paragraphs.append(para)
        words += para.count(" ") + 1
    return paragraphs


def render_page(d: Doc, rng: random.Random, path: str, terms: dict[str, list[str]] | None) -> str:
    """A news page like a real outlet's: navigation, article, related links, footer."""
    paras = _paragraphs(rng, d, terms)
    title = paras[0].split(". ")[0][:90]
    author = rng.choice(_FILL["person"])
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    related = "".join(f'<li><a href="/s{d.source}/related/{w}.html">{w.title()} news</a></li>'
                      for w in rng.sample(SLUG_WORDS, 5))
    return (f'<!doctype html><html lang="{d.language}"><head><meta charset="utf-8">'
            f"<title>{title} | Outlet {d.source}</title>"
            f'<meta name="author" content="{author}">'
            f'<meta property="article:published_time" content="{d.published.isoformat()}">'
            f'<link rel="canonical" href="{path}"></head><body>'
            f'<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> '
            f'<a href="/economy">Economy</a> <a href="/sport">Sport</a></nav></header>'
            f'<main><article><h1>{title}</h1><p class="byline">{author}, '
            f"{d.published:%d %B %Y}</p>\n{body}\n</article>"
            f"<aside><h3>Related</h3><ul>{related}</ul></aside></main>"
            f"<footer><p>© Outlet {d.source}. All rights reserved. Contact | Privacy | Terms</p>"
            f"</footer></body></html>")


def index_of(path: str) -> int | None:
    """The document index at the end of a page path (``.../<slug>-<index>.html``), else None."""
    if not path.endswith(".html"):
        return None
    tail = path.rsplit("-", 1)[-1].removesuffix(".html")
    return int(tail) if tail.isdigit() else None
