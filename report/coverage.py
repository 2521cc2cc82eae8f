"""Coverage section and method note: what was collected, what failed, and how figures are made."""

from __future__ import annotations

from ocwatch.report.data import Row
from ocwatch.report.i18n import t
from ocwatch.report.model import Cell, Table
from ocwatch.report.names import Names


def _count(value: object) -> str:
    return "" if value is None else str(value)


def sources_table(rows: list[Row], lang: str) -> Table:
    table = Table([t(lang, k) for k in ("source", "grades", "requests", "ok", "failed", "not_modified", "errors")])
    for r in rows:
        crawled = r.get("requests") is not None
        table.rows.append([Cell(f"{r.get('name') or r['source_id']} ({r['source_id']})"),
                           Cell(r.get("reliability") or "?"),
                           Cell(_count(r.get("requests")) if crawled else t(lang, "not_crawled")),
                           Cell(_count(r.get("ok"))), Cell(_count(r.get("failed"))),
                           Cell(_count(r.get("not_modified"))), Cell(r.get("error_kinds") or "")])
    return table


def gaps_table(gaps: list[Row], gap_weeks: list[Row], names: Names) -> Table:
    """Recorded coverage gaps plus market weeks the warehouse flagged as gaps, never as zeros."""
    lang = names.lang
    table = Table([t(lang, k) for k in ("source", "country", "reason")])
    for r in gaps:
        table.rows.append([Cell(r.get("source_id") or ""),
                           Cell(names.country(r["country_iso3"]) if r.get("country_iso3") else ""),
                           Cell(r.get("reason") or "")])
    for r in gap_weeks:
        table.rows.append([Cell(""), Cell(names.country(r["country_iso3"])),
                           Cell(f"{names.market(r['market'])}: {t(lang, 'gap_week')}")])
    return table


def errors_table(rows: list[Row], lang: str) -> Table:
    table = Table([t(lang, "stage"), t(lang, "errors"), t(lang, "count")])
    table.rows = [[Cell(r["stage"]), Cell(r["error_kind"]), Cell(str(r["n"]))] for r in rows]
    return table


METHOD = {
    "en": [
        "Market activity: for each criminal market (GI-TOC's 15) and country, the week's documents that mention it, each weighted by its source's Admiralty reliability (A=1.0, B=0.8, C=0.6, D=0.4, E=0.3, F=0.2); near-duplicate wire copies count once.",
        "Baseline and z-score: the mean and standard deviation of the weekly score over the preceding weeks (the number is shown); z = (score - mean) / standard deviation. A spike is a z at or above the threshold with at least two independent sources.",
        "New links: an actor, a market or commodity and a place named in one sentence for the first time in the warehouse's history.",
        "Mirror gaps: a country's declared exports of a watched HS code to a partner, against the partner's declared imports converted from CIF to FOB; a side whose query failed is shown as unknown, never as zero.",
        "Unit-value outliers: value per kilogram of a declared flow against the median for the same HS code and period, as a robust z-score (median absolute deviation).",
        "Confidence: the Admiralty reliability grades of the sources behind a claim and how many independent sources carry it. Reliability of the source, not credibility of each claim: read the evidence sentences.",
        "Gaps: weeks, sources or countries with no usable coverage are shown as gaps. Silence in the sources is not evidence of calm.",
    ],
    "fr": [
        "Activité d'un marché : pour chacun des 15 marchés criminels du GI-TOC et chaque pays, les documents de la semaine qui le mentionnent, pondérés par la cote de fiabilité (Amirauté) de leur source (A=1,0, B=0,8, C=0,6, D=0,4, E=0,3, F=0,2) ; les copies de dépêches quasi identiques comptent une fois.",
        "Référence et score z : moyenne et écart-type du score hebdomadaire sur les semaines précédentes (leur nombre est indiqué) ; z = (score - moyenne) / écart-type. Un pic est un z au-dessus du seuil porté par au moins deux sources indépendantes.",
        "Nouveaux liens : un acteur, un marché ou produit et un lieu cités dans une même phrase pour la première fois dans l'historique de l'entrepôt.",
        "Écarts miroirs : exportations déclarées par un pays pour un code SH surveillé vers un partenaire, comparées aux importations déclarées par ce partenaire ramenées de CAF à FAB ; une partie dont la requête a échoué est inconnue, jamais zéro.",
        "Valeurs unitaires aberrantes : valeur par kilogramme d'un flux déclaré comparée à la médiane du même code SH et de la même période, en score z robuste (écart absolu médian).",
        "Confiance : cotes de fiabilité (Amirauté) des sources d'une affirmation et nombre de sources indépendantes qui la portent. Il s'agit de la fiabilité de la source, pas de la crédibilité de chaque affirmation : lire les phrases citées.",
        "Lacunes : les semaines, sources ou pays sans couverture exploitable sont signalés comme lacunes. Le silence des sources n'est pas un signe de calme.",
    ],
}
