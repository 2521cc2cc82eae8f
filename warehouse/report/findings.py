"""At most five findings, each one sentence generated from an indicator row.

Each kind of finding gets a turn before any kind gets a second one, so one
busy market cannot push a new armed-group link or a trade gap off the page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import zip_longest

from warehouse.report.data import Row
from warehouse.report.i18n import STATUS, money, num, t
from warehouse.report.model import Finding
from warehouse.report.names import Names

MAX_FINDINGS = 5
# A link first seen in a lake only a few weeks deep is new to the lake, not to the world.
MIN_HISTORY_WEEKS = 4
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


def link_findings(links: list[Row], names: Names) -> list[Finding]:
    """One finding per actor, market and place, however many sentences back it."""
    lang = names.lang
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for r in links:
        history = r.get("history_weeks")
        if history is not None and history < MIN_HISTORY_WEEKS:
            continue
        groups[(r["actor_id"], r["market"], r["place_id"])].append(r)
    found = []
    for rows in groups.values():
        first = rows[0]
        grades = ",".join(sorted({r["reliability"] for r in rows if r.get("reliability")}))
        n = len({r["source_id"] for r in rows if r.get("source_id")})
        text = t(lang, "finding_link", actor=first.get("actor_name") or first["actor_id"],
                 actor_type=names.actor_type(first.get("actor_type")),
                 market=names.market(first["market"]), place=first.get("place_name") or "?",
                 country=names.country(first.get("country_iso3")))
        found.append(Finding("link", text, _confidence(lang, grades, n), grades, n))
    # Best-sourced links first.
    return sorted(found, key=lambda f: (-f.sources, f.grades))


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
        uv=num(r["unit_value_usd_per_kg"], lang, 0), median=num(r["median_unit_value"], lang, 0),
        z=num(r["robust_z"], lang)), t(lang, "basis_trade", n=1), "", 1) for r in outliers]


def select_findings(candidates: dict[str, list[Finding]], limit: int = MAX_FINDINGS) -> list[Finding]:
    """Round-robin over kinds, then grouped in kind order for reading."""
    chosen: list[Finding] = []
    for round_ in zip_longest(*(candidates.get(k, []) for k in KIND_ORDER)):
        chosen.extend(f for f in round_ if f is not None)
    chosen = sorted(chosen[:limit], key=lambda f: KIND_ORDER.index(f.kind))
    # Sentences may open with a commodity name ("gold ..."): capitalise for reading.
    return [replace(f, text=f.text[:1].upper() + f.text[1:]) for f in chosen]
