"""At most five findings, each one sentence generated from an indicator row.

Each kind of finding gets a turn before any kind gets a second one, so one
busy market cannot push a new armed-group link or a trade gap off the page.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import zip_longest

from ocwatch.report.data import Row
from ocwatch.report.i18n import STATUS, amount, money, num, t
from ocwatch.report.links import RankedLink
from ocwatch.report.model import Finding
from ocwatch.report.names import Names

MAX_FINDINGS = 5
KIND_ORDER = ("spike", "link", "gap", "uv")


def _confidence(lang: str, grades: str, n: int) -> str:
    return t(lang, "confidence", grades=grades or "?", n=n)


def spike_findings(week_rows: list[Row], names: Names, week: str) -> list[Finding]:
    lang = names.lang
    spikes = sorted((r for r in week_rows if r.get("is_spike")), key=lambda r: -(r.get("z") or 0))
    return [Finding("spike", t(
        lang, "finding_spike", market=names.market(r["market"]), country=names.country(r["country_iso3"]),
        score=num(r["score"], lang), week=week, z=num(r["z"], lang),
        weeks=r.get("baseline_weeks") or 0, mean=num(r["baseline_mean"], lang)),
        _confidence(lang, r.get("reliability_grades") or "", r.get("independent_sources") or 0),
        r.get("reliability_grades") or "", int(r.get("independent_sources") or 0)) for r in spikes]


def _places(rows: list[Row], names: Names) -> str:
    """'Mongbwalu, Bunia (DR Congo); Kampala (Uganda)': each country named once."""
    by_country: dict[str, list[str]] = {}
    for r in rows:
        by_country.setdefault(names.country(r.get("country_iso3")), []).append(r.get("place_name") or "?")
    return "; ".join(f"{', '.join(places)} ({country})" for country, places in by_country.items())


def link_findings(links: list[RankedLink], names: Names, max_places: int = 3) -> list[Finding]:
    """One finding per actor and market (links already ranked), naming its best places."""
    lang = names.lang
    groups: dict[tuple, list[RankedLink]] = {}
    for link in links:
        if link.is_new:
            groups.setdefault((link.row["actor_id"], link.row["market"]), []).append(link)
    found = []
    for group in groups.values():
        r = group[0].row
        places = _places([g.row for g in group[:max_places]], names)
        grades = ",".join(sorted({x for g in group for x in g.grades.split(",") if x}))
        n = max(g.sources for g in group)  # at least this many sources carry one of the links
        text = t(lang, "finding_link", actor=r.get("actor_name") or r["actor_id"],
                 actor_type=names.actor_type(r.get("actor_type")),
                 market=names.market(r["market"]) + (
                     f" ({names.commodity(r['commodity_id'])})" if r.get("commodity_id") else ""),
                 places=places)
        found.append(Finding("link", text, _confidence(lang, grades, n), grades, n))
    return found


def gap_findings(gaps: list[Row], names: Names) -> list[Finding]:
    lang = names.lang
    found = []
    for r in gaps:
        if r.get("status") == "query_failed" or r.get("gap_usd") is None:
            continue  # an unknown side is a coverage matter, not a finding
        values = {"commodity": names.commodity(r.get("commodity_id"), r["hs_code"]),
                  "hs": r["hs_code"], "exporter": names.country(r["exporter_iso3"]),
                  "importer": names.country(r["importer_iso3"]), "period": r["period"],
                  "gap": money(r["gap_usd"], lang)}
        if r["status"] == "both_reported":
            ratio = r.get("gap_ratio")
            text = t(lang, "finding_gap", ratio=f"{num(100 * ratio, lang, 0)} %" if ratio is not None
                     else "n/a", **values)
            sides = 2
        else:
            text = t(lang, "finding_gap_unreported", status=STATUS[lang].get(r["status"], r["status"]),
                     **values)
            sides = 1
        found.append(Finding("gap", text, t(lang, "basis_trade", n=sides), "", sides))
    return found


def uv_findings(outliers: list[Row], names: Names) -> list[Finding]:
    lang = names.lang
    return [Finding("uv", t(
        lang, "finding_uv", commodity=names.commodity(r.get("commodity_id"), r["hs_code"]),
        hs=r["hs_code"], reporter=names.country(r["reporter_iso3"]), period=r["period"],
        uv=amount(r["unit_value_usd_per_kg"], lang), median=amount(r["median_unit_value"], lang),
        z=num(r["robust_z"], lang)), t(lang, "basis_trade", n=1), "", 1) for r in outliers]


def select_findings(candidates: dict[str, list[Finding]], limit: int = MAX_FINDINGS) -> list[Finding]:
    """Round-robin over kinds, then grouped in kind order for reading."""
    chosen: list[Finding] = []
    for round_ in zip_longest(*(candidates.get(k, []) for k in KIND_ORDER)):
        chosen.extend(f for f in round_ if f is not None)
    chosen = sorted(chosen[:limit], key=lambda f: KIND_ORDER.index(f.kind))
    # Sentences may open with a commodity name ("gold ..."): capitalise for reading.
    return [replace(f, text=f.text[:1].upper() + f.text[1:]) for f in chosen]
