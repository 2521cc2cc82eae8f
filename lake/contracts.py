"""Every lake dataset's schema, declared once.

Everything else derives from these declarations: the Scrapy items
(spiders/items.py), the Parquet files (lake.py), the DuckDB views
(warehouse/build.py) and the data dictionary (docs/DATA_DICTIONARY.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

UTC_TS = pa.timestamp("us", tz="UTC")


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"doc": doc})


@dataclass(frozen=True)
class Dataset:
    name: str
    doc: str
    grain: str
    schema: pa.Schema
    # Columns the warehouse snapshot leaves in the lake, read through the view <name>_<columns>:
    # the full text of every document is most of the bytes and no model reads it.
    lake_only: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        return self.schema.names

    @property
    def snapshot_schema(self) -> pa.Schema:
        """The columns the warehouse copies in (all but ``lake_only``)."""
        return pa.schema([f for f in self.schema if f.name not in self.lake_only])

    def doc_of(self, column: str) -> str:
        meta = self.schema.field(column).metadata or {}
        return meta.get(b"doc", b"").decode()


DOCUMENTS = Dataset(
    "documents",
    "Fetched documents (HTML pages and PDF reports) with their extracted text.",
    "fetched document",
    pa.schema([
        _f("doc_id", pa.string(), "sha256 of the canonical URL: the document's identity", False),
        _f("url", pa.string(), "canonical URL (scheme and host lower-cased, tracking parameters removed)", False),
        _f("source_id", pa.string(), "id of the source in the sources registry", False),
        _f("title", pa.string(), "title from the page, PDF metadata or feed"),
        _f("author", pa.string(), "author when the page or feed names one"),
        _f("published_at", UTC_TS, "publication time (page, then feed, then sitemap); NULL when unknown"),
        _f("fetched_at", UTC_TS, "when the bytes were fetched", False),
        _f("language", pa.string(), "ISO 639-1 language of the text (declared by the source or detected)"),
        _f("text", pa.string(), "main text of the article or report"),
        _f("content_type", pa.string(), "HTTP Content-Type of the response"),
        _f("content_sha256", pa.string(), "sha256 of the raw response body", False),
        _f("raw_path", pa.string(), "path of the compressed raw body under the data root's raw/ folder", False),
        _f("near_dup_of", pa.string(), "doc_id of the earlier document this one nearly duplicates (wire copies), else NULL"),
        _f("etag", pa.string(), "ETag response header, for conditional GET"),
        _f("last_modified", pa.string(), "Last-Modified response header, for conditional GET"),
        _f("simhash", pa.int64(), "64-bit SimHash of the normalised text, for near-duplicate search"),
    ]),
    lake_only=("text",),
)

CRAWL_LOG = Dataset(
    "crawl_log",
    "One row per request outcome of every crawl, successful or not.",
    "request outcome",
    pa.schema([
        _f("url", pa.string(), "requested URL", False),
        _f("source_id", pa.string(), "source the request was made for", False),
        _f("status", pa.int32(), "HTTP status; NULL when no response arrived"),
        _f("error_kind", pa.string(), "NULL when the document was kept; else a short kind: http_error, timeout, dns, refused, too_large, binary, encoding, empty, offsite, robots, not_modified, parse_error, ..."),
        _f("error", pa.string(), "human-readable error message naming the input"),
        _f("bytes", pa.int64(), "response body size in bytes"),
        _f("elapsed_ms", pa.float64(), "download time in milliseconds"),
        _f("fetched_at", UTC_TS, "when the outcome was recorded", False),
        _f("page_kind", pa.string(), "what the page read is: article or pdf (kept as a document), listing (a section, tag, index or search page of links and teasers: followed where the source follows links, never a document), feed, sitemap; NULL when no body was read"),
    ]),
)

TRADE_FLOWS = Dataset(
    "trade_flows",
    "Reported trade records from UN Comtrade (API or bulk files), one per reporter, partner, flow, HS code and period.",
    "reported trade record",
    pa.schema([
        _f("period", pa.string(), "YYYY (annual) or YYYY-MM (monthly)", False),
        _f("reporter_iso3", pa.string(), "ISO3 of the reporting country", False),
        _f("partner_iso3", pa.string(), "ISO3 of the partner country (WLD for world)", False),
        _f("flow", pa.string(), "X export, M import, RX re-export, RM re-import", False),
        _f("hs_code", pa.string(), "HS commodity code (2, 4 or 6 digits)", False),
        _f("value_usd", pa.float64(), "primary value in US dollars (FOB for exports, CIF for imports)"),
        _f("cif_usd", pa.float64(), "CIF value in US dollars when reported"),
        _f("fob_usd", pa.float64(), "FOB value in US dollars when reported"),
        _f("net_kg", pa.float64(), "net weight in kilograms"),
        _f("qty", pa.float64(), "quantity in qty_unit"),
        _f("qty_unit", pa.string(), "unit of qty"),
        _f("source", pa.string(), "comtrade-api, comtrade-bulk or another named feed", False),
        _f("fetched_at", UTC_TS, "when the record was pulled", False),
    ]),
)

TRADE_LOG = Dataset(
    "trade_log",
    "One row per trade-data query outcome, so a failed query is a known gap and never a zero.",
    "trade query outcome",
    pa.schema([
        _f("query", pa.string(), "the query (URL without the key, or bulk file name)", False),
        _f("reporter_iso3", pa.string(), "reporter asked for"),
        _f("flow", pa.string(), "flow asked for"),
        _f("hs_codes", pa.string(), "comma-separated HS codes asked for"),
        _f("period", pa.string(), "period asked for"),
        _f("status", pa.int32(), "HTTP status; NULL when no response arrived"),
        _f("error_kind", pa.string(), "NULL when the answer was used; else the kind of failure"),
        _f("error", pa.string(), "human-readable error naming the query"),
        _f("rows", pa.int64(), "records received"),
        _f("fetched_at", UTC_TS, "when the outcome was recorded", False),
    ]),
)

SENTENCES = Dataset(
    "sentences",
    "Sentences that hold at least one mention, kept so every figure can be read in context.",
    "sentence that holds a mention",
    pa.schema([
        _f("doc_id", pa.string(), "document the sentence is in", False),
        _f("sent_idx", pa.int32(), "index of the sentence in the document", False),
        _f("start_char", pa.int32(), "character offset of the sentence in documents.text", False),
        _f("end_char", pa.int32(), "end offset (exclusive)", False),
        _f("text", pa.string(), "the sentence", False),
    ]),
)

MENTIONS = Dataset(
    "mentions",
    "Entity mentions (actors, commodities and market activities, locations) linked to the taxonomy.",
    "entity mention",
    pa.schema([
        _f("doc_id", pa.string(), "document of the mention", False),
        _f("sent_idx", pa.int32(), "sentence index", False),
        _f("start_char", pa.int32(), "character offset in documents.text", False),
        _f("end_char", pa.int32(), "end offset (exclusive)", False),
        _f("surface", pa.string(), "the text as written", False),
        _f("kind", pa.string(), "actor, commodity or location", False),
        _f("entity_id", pa.string(), "taxonomy id: actor id, commodity id, activity:<id>, or place id (country:, admin1:, geonames:, domain:, or context:<ISO3>:<name> for a place no gazetteer knows, placed by the document's context); unknown:<normalized name> for an actor the model found but the reference list lacks, named:<actor type>:<slug> for an organisation the text names as one (\"the X gang\", \"la société X\")"),
        _f("market", pa.string(), "one of the 15 GI-TOC criminal market ids (commodities and activities)"),
        _f("actor_type", pa.string(), "one of the 5 GI-TOC actor types (known actors)"),
        _f("country_iso3", pa.string(), "ISO3 country of a place, or an actor's home country"),
        _f("admin1", pa.string(), "first-level division (ISO 3166-2 code) of a place"),
        _f("lat", pa.float64(), "latitude of a place"),
        _f("lon", pa.float64(), "longitude of a place"),
        _f("method", pa.string(), "how it was found: ruler, lemma, ner, ner+gazetteer, ..."),
        _f("status", pa.string(), "assertion status of the clause it stands in: asserted, negated, hypothetical, historical or disputed (NULL in parts written before statuses; read as asserted)"),
        _f("model_version", pa.string(), "spaCy pipeline name and version that produced it"),
    ]),
)

LINKS = Dataset(
    "links",
    "An actor's part in a market's activity in a place, read from the sentence's dependency parse, with its assertion status; an activity with no named participant has no actor.",
    "actor, market or commodity, and place of one activity in one sentence",
    pa.schema([
        _f("doc_id", pa.string(), "document", False),
        _f("sent_idx", pa.int32(), "sentence index", False),
        _f("actor_id", pa.string(), "actor id (or 'unknown:<name>' for an untyped actor, 'named:<type>:<slug>' for an organisation named by its noun); NULL when the sentence names none"),
        _f("actor_surface", pa.string(), "the actor's words the link was read from (the name a back-reference like 'the group' stands for); NULL with no actor, and in parts written before surfaces were kept"),
        _f("market", pa.string(), "criminal market id", False),
        _f("commodity_id", pa.string(), "commodity id; NULL for an activity with no commodity"),
        _f("place_id", pa.string(), "place id", False),
        _f("place_surface", pa.string(), "the place's words the link was read from; NULL in parts written before surfaces were kept"),
        _f("country_iso3", pa.string(), "ISO3 country of the place"),
        _f("admin1", pa.string(), "first-level division of the place"),
        _f("status", pa.string(), "asserted, negated, hypothetical, historical or disputed; only asserted links count in indicators, new links and findings (NULL in parts written before statuses; read as asserted)"),
        _f("role", pa.string(), "the actor's part: participant, victim, enforcer, investigator or author; NULL when the link has no actor. Only participants count"),
        _f("method", pa.string(), "how actor and place were tied, '<actor>/<place>': actor subject, agent, possessor, accused, buyer, seller, recipient, receiver and handler (who was sold or handed the goods, or moved them, at a later step of their way), oblique, according, coref, none, cooccurrence; place event, coref, sentence, paragraph, document_country; '/verb' when a verb of taking a cut gave the extortion market"),
        _f("place_role", pa.string(), "the place's part of the route: origin, transit, destination or site"),
        _f("confidence", pa.float64(), "the link-confidence model's probability that the text states this link (nlp/links/confidence); a link under the model's threshold is kept and does not count, unless an analyst marked it right (NULL in parts written before the model and for rules-only languages, es and pt: counts)"),
        _f("confidence_model", pa.string(), "version of the link-confidence trees that gave confidence: 'gbt-' and 12 hex digits of the SHA-256 of their model.json; `ocwatch rescore-links` brings older parts to the shipped trees (NULL where confidence is NULL)"),
    ]),
)

ERRORS = Dataset(
    "errors",
    "Inputs a stage could not use (a broken document, a bad file), named and kept so nothing is lost silently.",
    "failed input",
    pa.schema([
        _f("stage", pa.string(), "crawl, trade, extract, rescore (ocwatch rescore-links), build or report", False),
        _f("input", pa.string(), "the input that failed: URL, doc_id, file", False),
        _f("error_kind", pa.string(), "short kind of failure", False),
        _f("error", pa.string(), "human-readable message", False),
        _f("occurred_at", UTC_TS, "when", False),
    ]),
)

RUN_HEALTH = Dataset(
    "run_health",
    "How each stage of a night went: what it attempted, fetched, failed and skipped, so a quiet night is told from a dead one.",
    "night and stage",
    pa.schema([
        _f("stage", pa.string(), "crawl, trade, extract, rescore, build or report", False),
        _f("status", pa.string(), "ok, degraded (some inputs gave nothing: named in detail) or failed (the stage did not finish)", False),
        _f("attempted", pa.int64(), "inputs the stage tried: requests, trade queries, documents", False),
        _f("fetched", pa.int64(), "inputs that gave something usable", False),
        _f("failed", pa.int64(), "inputs that failed (crawl_log, trade_log or errors name each one)", False),
        _f("skipped", pa.int64(), "inputs left on purpose: robots, off-site, unchanged (304), already done", False),
        _f("detail", pa.string(), "the failed inputs and why, one per line ('source kivu-monitor: dns:12'); NULL when ok"),
        _f("occurred_at", UTC_TS, "when the stage finished", False),
    ]),
)

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (DOCUMENTS, CRAWL_LOG, TRADE_FLOWS, TRADE_LOG, SENTENCES, MENTIONS, LINKS, ERRORS, RUN_HEALTH)
}


def dataset(name: str) -> Dataset:
    try:
        return DATASETS[name]
    except KeyError:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None
