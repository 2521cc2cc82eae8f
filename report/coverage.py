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
        "Baseline and z-score: the mean and standard deviation of the weekly score over the preceding weeks (the number is shown); z = (score - mean) / standard deviation. A spike is a z of 3 or more with at least three independent sources. A finding compares the week's reports with a usual week: the middle half of the baseline weeks' report counts.",
        "New links: an actor reported taking part in a market's activity (not as victim, enforcer, investigator or author, and not in a negated, hypothetical, historical or disputed statement) at a place, for the first time in the warehouse's history. Each actor and market is shown once, with its best sentence: asserted, best source grade, most recent, shortest.",
        "Mirror gaps: a country's declared exports of a watched HS code to a partner, against the partner's declared imports converted from CIF to FOB; a side whose query failed is shown as unknown, never as zero.",
        "Unit-value outliers: value per kilogram of a declared flow against the median for the same HS code and period, as a robust z-score (median absolute deviation).",
        "Confidence: a judgement on the Admiralty credibility scale from the number of independent sources (a wire copy counts for its original's source) and their best reliability grade. Best grade A: 1 source possibly true (3), 2 probably true (2), 3 or more confirmed by other independent sources (1). Best grade B: possibly true (3), probably true (2), probably true (2). Best grade C: doubtful (4), possibly true (3), probably true (2). Best grade D or E: doubtful (4), doubtful (4), possibly true (3). Grade F or none: cannot be judged (6). Improbable (5) needs an analyst who knows the contradicting information: read the evidence sentences.",
        "Gaps: weeks, sources or countries with no usable coverage are shown as gaps. Silence in the sources is not evidence of calm.",
    ],
    "fr": [
        "Activité d'un marché : pour chacun des 15 marchés criminels du GI-TOC et chaque pays, les documents de la semaine qui le mentionnent, pondérés par la cote de fiabilité (Amirauté) de leur source (A=1,0, B=0,8, C=0,6, D=0,4, E=0,3, F=0,2) ; les copies de dépêches quasi identiques comptent une fois.",
        "Référence et score z : moyenne et écart-type du score hebdomadaire sur les semaines précédentes (leur nombre est indiqué) ; z = (score - moyenne) / écart-type. Un pic est un z d'au moins 3 porté par au moins trois sources indépendantes. Un constat compare les signalements de la semaine à ceux d'une semaine habituelle : la moitié centrale des semaines de référence.",
        "Nouveaux liens : un acteur signalé comme participant à l'activité d'un marché (ni victime, ni force de l'ordre, ni enquêteur, ni auteur, et pas dans une phrase niée, hypothétique, historique ou contestée) en un lieu, pour la première fois dans l'historique de l'entrepôt. Chaque acteur et marché figure une fois, avec sa meilleure phrase : affirmée, de la source la mieux cotée, la plus récente, la plus courte.",
        "Écarts miroirs : exportations déclarées par un pays pour un code SH surveillé vers un partenaire, comparées aux importations déclarées par ce partenaire ramenées de CAF à FAB ; une partie dont la requête a échoué est inconnue, jamais zéro.",
        "Valeurs unitaires aberrantes : valeur par kilogramme d'un flux déclaré comparée à la médiane du même code SH et de la même période, en score z robuste (écart absolu médian).",
        "Confiance : un jugement sur l'échelle de crédibilité de l'Amirauté, tiré du nombre de sources indépendantes (une copie de dépêche compte pour la source de l'original) et de leur meilleure cote. Meilleure cote A : 1 source possiblement vrai (3), 2 probablement vrai (2), 3 ou plus confirmé par d'autres sources indépendantes (1). Cote B : possiblement vrai (3), probablement vrai (2), probablement vrai (2). Cote C : douteux (4), possiblement vrai (3), probablement vrai (2). Cote D ou E : douteux (4), douteux (4), possiblement vrai (3). Cote F ou aucune : impossible à évaluer (6). Improbable (5) demande un analyste qui connaît l'information contraire : lire les phrases citées.",
        "Lacunes : les semaines, sources ou pays sans couverture exploitable sont signalés comme lacunes. Le silence des sources n'est pas un signe de calme.",
    ],
}
