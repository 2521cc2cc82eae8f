"""The weekly report's SOCTA section: the week's part of the partner package, in its structure.

A Serious and Organized Crime Threat Assessment shared with partners (UNODC,
INTERPOL, the WCO) reads the package ``ocwatch export socta`` writes. This
section shows the same rows for the report's week, read with the export's own
table filters (``socta_tables``): the threat summary by market
(``market_activity``), actors and their new links with the evidence behind
each (``new_links``, ``evidence``), and the coverage gaps (``coverage_gaps``);
each heading names its table, and the section names the package and the
command that writes it, so a partner and the report cite the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from ocwatch.report.data import Row, WarehouseReader
from ocwatch.report.i18n import num
from ocwatch.report.model import Cell, SoctaSection, Table, squash
from ocwatch.report.names import Names
from ocwatch.report.socta_tables import folder_name, package_name, period_filter, resource_names
from ocwatch.report.weeks import parse_week

MAX_LINKS = 15
RESOURCES = {"socta_threats": "market_activity.csv", "socta_links": "new_links.csv, evidence.csv",
             "socta_gaps": "coverage_gaps.csv"}
LABELS = {
    "en": {"socta": "Annex: SOCTA tables (partner package)",
           "socta_intro": "The tables below are this week's rows of the partner package {package}, which "
                          "{command} writes to {path} (under the data root), with the method and the taxonomy.",
           "socta_threats": "Threat summary by market", "socta_links": "Actors and new links, with evidence",
           "socta_gaps": "Coverage gaps", "socta_resources": "Tables in the package: {names}.",
           "market": "Market", "countries": "Countries with activity", "documents": "Documents",
           "spikes": "Spikes", "max_z": "Highest z", "grades": "Reliability grades", "actor": "Actor",
           "actor_type": "Actor type", "place": "Place", "evidence": "Evidence sentences",
           "sentence": "First sentence (source, grade)", "source": "Source", "country": "Country",
           "reason": "Reason", "country_gap": "Whole country silent", "every": "every country",
           "yes": "yes", "no": "no"},
    "fr": {"socta": "Annexe : tableaux SOCTA (paquet pour les partenaires)",
           "socta_intro": "Les tableaux ci-dessous sont les lignes de cette semaine du paquet {package}, que "
                          "{command} écrit dans {path} (sous la racine des données), avec la méthode et la "
                          "taxonomie.",
           "socta_threats": "Synthèse des menaces par marché",
           "socta_links": "Acteurs et nouveaux liens, avec leurs éléments de preuve",
           "socta_gaps": "Lacunes de couverture", "socta_resources": "Tableaux du paquet : {names}.",
           "market": "Marché", "countries": "Pays avec activité", "documents": "Documents", "spikes": "Pics",
           "max_z": "z le plus élevé", "grades": "Cotes de fiabilité", "actor": "Acteur",
           "actor_type": "Type d’acteur", "place": "Lieu", "evidence": "Phrases de preuve",
           "sentence": "Première phrase (source, cote)", "source": "Source", "country": "Pays",
           "reason": "Raison", "country_gap": "Pays entier silencieux", "every": "tous les pays",
           "yes": "oui", "no": "non"},
}


def _rows(db: WarehouseReader, name: str, week: str) -> list[Row] | None:
    monday = parse_week(week)[0]
    table, where, order = period_filter(name, monday, monday)
    return db.rows((table,), f'select * from "{table}" where {where} order by {order}')


def threats_table(rows: list[Row], names: Names, L: dict[str, str]) -> Table:
    """One row a market active in the week: where, how much, spikes, the sources' grades."""
    by_market: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if (r.get("documents") or 0) > 0:
            by_market[r["market"]].append(r)
    table = Table([L[k] for k in ("market", "countries", "documents", "spikes", "max_z", "grades")])
    for market, group in sorted(by_market.items(), key=lambda kv: -sum(r["documents"] for r in kv[1])):
        zs = [r["z"] for r in group if r.get("z") is not None]
        grades = sorted({g for r in group for g in (r.get("reliability_grades") or "").split(",") if g})
        table.rows.append([
            Cell(names.market(market)), Cell(", ".join(sorted(names.country(r["country_iso3"]) for r in group))),
            Cell(str(sum(r["documents"] for r in group))),
            Cell(", ".join(names.country(r["country_iso3"]) for r in group if r.get("is_spike")) or "–"),
            Cell(num(max(zs), names.lang) if zs else "n/a"), Cell(",".join(grades) or "?")])
    return table


def links_table(links: list[Row], evidence: list[Row], names: Names, L: dict[str, str]) -> Table:
    """Each new link with how many evidence sentences stand behind it, and the first of them."""
    behind: dict[tuple, list[Row]] = defaultdict(list)
    for e in evidence:
        if e.get("indicator") == "new_links":
            behind[(e.get("actor_id"), e["market"], e.get("place_id"), e["week"])].append(e)
    table = Table([L[k] for k in ("actor", "actor_type", "market", "place", "evidence", "sentence")])
    for r in links[:MAX_LINKS]:
        ev = behind[(r["actor_id"], r["market"], r["place_id"], r["week"])]
        first = ev[0] if ev else r
        table.rows.append([
            Cell(r.get("actor_name") or r["actor_id"]), Cell(names.actor_type(r.get("actor_type"))),
            Cell(names.market(r["market"])),
            Cell(f"{r.get('place_name') or '?'} ({names.country(r.get('country_iso3'))})"), Cell(str(len(ev))),
            Cell.link(f"“{squash(first.get('sentence'))}” ({first.get('source_id') or '?'}, "
                      f"{first.get('reliability') or '?'})", first.get("url"))])
    table.more = max(0, len(links) - MAX_LINKS)
    return table


def gaps_table(rows: list[Row], names: Names, L: dict[str, str]) -> Table:
    table = Table([L[k] for k in ("source", "country", "reason", "country_gap")])
    for r in rows:
        table.rows.append([Cell(r.get("source_id") or "?"),
                           Cell(names.country(r["country_iso3"]) if r.get("country_iso3") else L["every"]),
                           Cell(r.get("reason") or "?"), Cell(L["yes"] if r.get("country_gap") else L["no"])])
    return table


def socta_section(db: WarehouseReader, week: str, names: Names) -> SoctaSection:
    """The section for ``week``: the package that holds it, and its rows of the package's tables."""
    L = LABELS[names.lang]
    monday = parse_week(week)[0]
    package = package_name(monday, monday)
    command = f"ocwatch export socta --period {week}..{week}"
    path = f"exports/{folder_name(week, week)}/datapackage.json"
    labels = {**L, "socta_intro": L["socta_intro"].format(package=package, command=command, path=path),
              "socta_resources": L["socta_resources"].format(names=", ".join(resource_names()))}
    for key, files in RESOURCES.items():  # each heading names the package's tables it shows
        labels[key] = f"{L[key]} ({files})"
    section = SoctaSection(labels, package, command, path, resource_names())
    activity = _rows(db, "market_activity", week)
    section.threats = None if activity is None else threats_table(activity, names, L)
    links = _rows(db, "new_links", week)
    if links is not None:
        section.links = links_table(links, _rows(db, "evidence", week) or [], names, L)
    gaps = _rows(db, "coverage_gaps", week)
    section.gaps = None if gaps is None else gaps_table(gaps, names, L)
    return section


class PdfWriter(Protocol):
    """What the section needs of report.pdf's ReportPDF (which imports this module)."""

    def heading(self, text: str, size: float = 13, keep: float = 0) -> None: ...

    def para(self, text: str, size: float = 9.5, style: str = "", link: str | None = None) -> None: ...

    def data_table(self, tbl: Table | None, no_data: str, widths: tuple[int, ...] | None = None) -> None: ...


def to_pdf(pdf: PdfWriter, section: SoctaSection | None, no_data: str) -> None:
    """The section in the PDF, saying what the HTML says."""
    if section is None:
        return
    L = section.labels
    pdf.heading(L["socta"])
    pdf.para(L["socta_intro"], size=8.5)
    for key, table, widths in (("socta_threats", section.threats, (24, 30, 10, 16, 8, 12)),
                               ("socta_links", section.links, (14, 12, 14, 14, 8, 38)),
                               ("socta_gaps", section.gaps, (20, 20, 40, 20))):
        pdf.heading(L[key], size=10)
        pdf.data_table(table, no_data, widths)
    pdf.para(L["socta_resources"], size=8)
