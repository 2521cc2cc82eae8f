"""At most five findings, each one plain sentence about the world, generated from an indicator row.

Z-scores, codes and ids stay in the detail sections; a finding says what happens, where,
how many reports from how many independent sources, and how far it can be believed
(report/confidence.py).

Each kind of finding gets a turn before any kind gets a second one, so one
busy market cannot push a new armed-group link or a trade gap off the page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from itertools import zip_longest

from ocwatch.report import phrases
from ocwatch.report.confidence import confidence_text
from ocwatch.report.data import Row
from ocwatch.report.i18n import TEXT, amount, counted, money, t
from ocwatch.report.links import LinkGroup, RankedLink, group_links, is_precise
from ocwatch.report.model import Finding
from ocwatch.report.names import Names
from ocwatch.report.phrases import Where
from ocwatch.warehouse.build import DEFAULT_PARAMS

MAX_FINDINGS = 5
MAX_PLACES = 3
KIND_ORDER = ("spike", "link", "gap", "uv")


def _usual_weeks(history: list[Row], r: Row) -> list[int]:
    """Documents in the weeks the baseline was made of (the same window, gap weeks left out)."""
    first = r["week_start"] - dt.timedelta(weeks=int(DEFAULT_PARAMS["baseline_weeks"]))
    return [int(h["documents"]) for h in history
            if h["market"] == r["market"] and h["country_iso3"] == r["country_iso3"]
            and first <= h["week_start"] < r["week_start"] and not h.get("is_gap")
            and h.get("documents") is not None]


def _spike_subject(rows: list[Row], r: Row, names: Names) -> tuple[str | None, Where]:
    """The commodity most of the spike's documents name, and the places they name most."""
    half = (r.get("documents") or 0) / 2
    goods = [s for s in rows if s["kind"] == "commodity" and names.commodity_markets.get(s["entity_id"]) == r["market"]]
    commodity = goods[0]["entity_id"] if goods and goods[0]["documents"] >= half else None
    places = [s for s in rows if s["kind"] == "location"]
    precise = [s for s in places if is_precise(s["entity_id"]) and s.get("place_name")]
    chosen = [s for s in precise if s["documents"] >= max(2, precise[0]["documents"] / 2)][:MAX_PLACES] or precise[:1]
    regions = {s.get("admin1") for s in chosen}
    wide = [s for s in places if str(s["entity_id"]).startswith("admin1:")]
    region = (regions.pop() if len(regions) == 1 else None) if chosen else (wide[0]["admin1"] if wide else None)
    return commodity, Where(r["country_iso3"], tuple(s["place_name"] for s in chosen), names.region(region))


def _activity(names: Names, market: str, commodity_id: str | None) -> str:
    commodity = names.commodity(commodity_id) if commodity_id else None
    return phrases.activity(names.lang, market, names.market(market), commodity,
                            names.commodity_markets.get(commodity_id or "") == market)


def fold_spikes(spikes: list[Row], documents: list[Row] | None) -> list[tuple[Row, list[str]]]:
    """Spikes in z order, each with the countries folded into it: a spike of the same market whose
    documents are mostly those of a higher one is one development reported from two ends (gold from
    Ituri, smuggled to Kampala), so it is said once."""
    docs: dict[tuple, set[str]] = defaultdict(set)
    for d in documents or []:
        docs[(d["market"], d["country_iso3"])].add(d["doc_id"])
    kept: list[tuple[Row, list[str]]] = []
    for r in sorted(spikes, key=lambda r: -(r.get("z") or 0)):
        mine = docs[(r["market"], r["country_iso3"])]
        host = next((k for k in kept if k[0]["market"] == r["market"] and mine
                     and 2 * len(mine & docs[(r["market"], k[0]["country_iso3"])]) >= len(mine)), None)
        if host:
            host[1].append(r["country_iso3"])
        else:
            kept.append((r, []))
    return kept


def spike_findings(week_rows: list[Row], names: Names, history: list[Row] | None = None,
                   subjects: list[Row] | None = None, documents: list[Row] | None = None) -> list[Finding]:
    """One sentence per spike: what, where, how many reports against a usual week."""
    lang = names.lang
    found = []
    for r, also in fold_spikes([r for r in week_rows if r.get("is_spike")], documents):
        rows = [s for s in subjects or [] if (s["market"], s["country_iso3"]) == (r["market"], r["country_iso3"])]
        commodity, where = _spike_subject(rows, r, names)
        act = _activity(names, r["market"], None)
        n, grades = int(r.get("independent_sources") or 0), r.get("reliability_grades") or ""
        countries = phrases.join_and(lang, [phrases.country_the(lang, c) for c in also]) if also else ""
        text = t(lang, "finding_spike", activity=act if lang == "en" else phrases.de(act),
                 where=phrases.country_in(lang, r["country_iso3"]),
                 chiefly=phrases.chiefly(lang, names.commodity(commodity) if commodity else None, where),
                 reports=counted(lang, "count_reports", r.get("documents") or 0),
                 sources=counted(lang, "count_sources", n),
                 usual=phrases.usual_range(lang, _usual_weeks(history or [], r)),
                 also=t(lang, "spike_also", countries=countries) if also else "")
        found.append(Finding("spike", text, confidence_text(lang, n, grades), grades, n, {
            "market": r["market"], "country_iso3": r["country_iso3"], "commodity_id": commodity,
            "places": list(where.places), "region": where.region, "also": also}))
    return found


def _wheres(group: LinkGroup, names: Names) -> list[Where]:
    """The group's places, one Where per country; a division named when its places share one."""
    by_country: dict[str | None, list[Row]] = {}
    for r in group.places(MAX_PLACES):
        by_country.setdefault(r.get("country_iso3"), []).append(r)
    wheres = []
    for iso3, rows in by_country.items():
        precise = [r for r in rows if is_precise(r.get("place_id"))]
        regions = {names.admin1.get(r.get("place_id")) for r in precise or rows}
        region = names.region(regions.pop()) if len(regions) == 1 else None
        wheres.append(Where(iso3, tuple(r.get("place_name") or "?" for r in precise), region))
    return wheres


def link_findings(links: list[RankedLink], names: Names) -> list[Finding]:
    """One finding per actor and market (links already ranked), naming its best places."""
    lang = names.lang
    found = []
    for group in group_links(links, new_only=True):
        r = group.row
        act = _activity(names, r["market"], r.get("commodity_id"))
        wheres = _wheres(group, names)
        text = t(lang, "finding_link", actor=r.get("actor_name") or r["actor_id"],
                 activity=act if lang == "en" else phrases.a(act),
                 where=phrases.join_and(lang, [w.phrase(lang, near=False) for w in wheres]),
                 reports=counted(lang, "count_reports", group.documents),
                 sources=counted(lang, "count_sources", group.sources))
        found.append(Finding("link", text, confidence_text(lang, group.sources, group.grades), group.grades,
                             group.sources, {"actor_id": r["actor_id"], "market": r["market"],
                                             "commodity_id": r.get("commodity_id"),
                                             "country_iso3": r.get("country_iso3"),
                                             "places": [p for w in wheres for p in w.places]}))
    return found


def _country(names: Names, iso3: str | None, de: bool = False) -> str:
    """A country as the object of a trade sentence: 'the United Arab Emirates', 'l'Ouganda', 'de l'Ouganda'."""
    the = phrases.country_the(names.lang, iso3)
    return phrases.de(the) if de and names.lang == "fr" else the


def _goods(names: Names, r: Row) -> str:
    name = names.commodity(r.get("commodity_id"), r["hs_code"])
    name = name if name.startswith("HS ") else name.lower()
    return phrases.de(name) if names.lang == "fr" else name


GAP_TEXT = {"exports_unreported": "finding_gap_no_exports", "imports_unreported": "finding_gap_no_imports"}


def gap_findings(gaps: list[Row], names: Names) -> list[Finding]:
    """Where two countries' declarations of one trade disagree, said as what each declared."""
    lang = names.lang
    found = []
    for r in gaps:
        if r.get("status") == "query_failed" or r.get("gap_usd") is None:
            continue  # an unknown side is a coverage matter, not a finding
        key = GAP_TEXT.get(r["status"]) or (
            "finding_gap_more_imports" if r["gap_usd"] >= 0 else "finding_gap_more_exports")
        text = t(lang, key, commodity=_goods(names, r), period=r["period"],
                 exporter=_country(names, r["exporter_iso3"]), exporter_de=_country(names, r["exporter_iso3"], True),
                 importer=_country(names, r["importer_iso3"]), gap=money(abs(r["gap_usd"]), lang),
                 exports=money(r.get("exports_fob_usd"), lang), imports=money(r.get("imports_cif_usd"), lang))
        sides = 2 if r["status"] == "both_reported" else 1
        found.append(Finding("gap", text, t(lang, "basis_trade", sides=counted(lang, "count_sides", sides)),
                             "", sides, {"hs_code": r["hs_code"], "exporter_iso3": r["exporter_iso3"],
                                         "importer_iso3": r["importer_iso3"], "period": r["period"]}))
    return found


def _partner(names: Names, r: Row) -> str:
    iso3 = r.get("partner_iso3")
    if not iso3 or iso3 == "WLD":  # the world as partner says nothing a reader needs
        return ""
    key = "partner_in" if str(r.get("flow")).endswith("M") else "partner_out"
    return t(names.lang, key, country=_country(names, iso3, de=key == "partner_in"))


def uv_findings(outliers: list[Row], names: Names) -> list[Finding]:
    """A declared flow priced far from what every reporter declares for the same goods."""
    lang = names.lang
    return [Finding("uv", t(
        lang, "finding_uv", commodity=_goods(names, r), period=r["period"],
        flow=t(lang, f"flow_{r['flow']}") if f"flow_{r['flow']}" in TEXT[lang] else r["flow"],
        partner=_partner(names, r), reporter=_country(names, r["reporter_iso3"]),
        uv=amount(r["unit_value_usd_per_kg"], lang), median=amount(r["median_unit_value"], lang),
        side=t(lang, "below" if (r.get("robust_z") or 0) < 0 else "above")),
        t(lang, "basis_trade", sides=counted(lang, "count_sides", 1)), "", 1,
        {"hs_code": r["hs_code"], "reporter_iso3": r["reporter_iso3"], "period": r["period"]}) for r in outliers]


def select_findings(candidates: dict[str, list[Finding]], limit: int = MAX_FINDINGS) -> list[Finding]:
    """Round-robin over kinds, then grouped in kind order for reading."""
    chosen: list[Finding] = []
    for round_ in zip_longest(*(candidates.get(k, []) for k in KIND_ORDER)):
        chosen.extend(f for f in round_ if f is not None)
    chosen = sorted(chosen[:limit], key=lambda f: KIND_ORDER.index(f.kind))
    # Sentences may open with a commodity name ("gold ..."): capitalise for reading.
    return [replace(f, text=f.text[:1].upper() + f.text[1:]) for f in chosen]
