"""Labels and generated sentences in English and French.

Every string a reader sees comes from here, so a French report has no English
left in it except what the sources themselves wrote.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

LANGS = ("en", "fr")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Serious and Organized Crime: weekly trend report",
        "week": "Week {week} ({start} to {end})",
        "built_from": "Built from the warehouse {db} (read-only).",
        "summary": "1. Key findings",
        "markets": "2. Criminal markets",
        "actors": "3. Actors: new links",
        "geography": "4. Geography",
        "trade": "5. Trade statistics",
        "coverage": "6. Coverage and gaps",
        "method": "7. Method",
        "empty_week": "No activity was recorded for week {week}. This is not evidence of calm: read the coverage section to see what was and was not collected.",
        "no_findings": "No indicator crossed its threshold this week.",
        "no_data": "No data for this section in the warehouse.",
        "no_activity": "No market activity recorded this week: see the coverage section before reading this as calm.",
        "confidence": "Confidence: {judgement} ({level}) — {sources}, best grade {grade}",
        "count_reports": "{n} reports", "one_count_reports": "1 report",
        "count_sources": "{n} independent sources", "one_count_sources": "1 independent source",
        "basis_trade": "Basis: UN Comtrade declarations ({sides})",
        "count_sides": "{n} reporting sides", "one_count_sides": "1 reporting side",
        "finding_spike": "Reports of {activity} {where}{chiefly} rose sharply this week: {reports} from {sources}, against {usual} in a usual week{also}.",
        "spike_also": "; most of these reports also concern {countries}",
        "finding_link": "{actor} was reported for the first time taking part in {activity} {where}: {reports} from {sources}.",
        "finding_gap_more_imports": "For {period}, {commodity} imports from {exporter} declared by {importer} ({imports}) exceed the exports {exporter} declared to that country ({exports}) by {gap}, after freight and insurance.",
        "finding_gap_more_exports": "For {period}, {commodity} exports to {importer} declared by {exporter} ({exports}) exceed the imports {importer} declared from that country ({imports}) by {gap}, after freight and insurance.",
        "finding_gap_no_exports": "For {period}, {commodity} imports from {exporter} declared by {importer} ({imports}) have no matching exports declared by {exporter}.",
        "finding_gap_no_imports": "For {period}, {commodity} exports to {importer} declared by {exporter} ({exports}) have no matching imports declared by {importer}.",
        "finding_uv": "For {period}, {commodity} {flow}{partner} declared by {reporter} were valued at {uv} USD per kg, far {side} the median of {median} USD per kg for these goods.",
        "flow_X": "exports", "flow_M": "imports", "flow_RX": "re-exports", "flow_RM": "re-imports",
        "partner_out": " to {country}", "partner_in": " from {country}", "below": "below", "above": "above",
        "score": "Score", "baseline": "Baseline (mean ± 2 sd)", "z": "z-score",
        "documents": "Documents", "sources": "Sources", "independent": "Independent sources",
        "grades": "Reliability grades", "grade": "reliability grade", "evidence": "Evidence", "source": "Source",
        "spike": "spike", "gap_week": "gap (no coverage)", "no_evidence": "No evidence sentence stored.",
        "actor": "Actor", "actor_type": "Actor type", "market": "Market", "commodity": "Commodity",
        "place": "Place", "country": "Country", "first_seen": "First seen", "sentence": "Sentence",
        "no_links": "No new actor, market and place link this week.",
        "active_markets": "Markets with activity",
        "mirror_gaps": "Largest mirror gaps", "uv_outliers": "Unit-value outliers",
        "exporter": "Exporter", "importer": "Importer", "period": "Period", "status": "Status",
        "exports": "Declared exports (USD)", "imports": "Declared imports (USD)", "gap": "Gap (USD)",
        "reporter": "Reporter", "partner": "Partner", "flow": "Flow", "unit_value": "USD/kg",
        "median": "Median USD/kg", "robust_z": "Robust z",
        "requests": "Requests", "ok": "OK", "failed": "Failed", "not_modified": "Not modified",
        "errors": "Error kinds", "not_crawled": "not crawled this week",
        "gaps": "Gaps (read as unknown, not as zero)", "reason": "Reason",
        "silence": "Silence is not calm: a week or country listed here had no usable coverage, so a zero in it means unknown.",
        "no_gaps": "No coverage gap recorded this week.",
        "stage_errors": "Inputs that could not be used", "stage": "Stage", "count": "Count",
        "chart_trade": "Largest mirror gaps (million USD)",
        "page": "Page {n}",
        "untyped": "untyped actor",
        "coverage_window": "Crawls and inputs recorded from {start} to {end}: a night's crawl collects the previous day.",
        "more_rows": "{n} more row(s) in the warehouse, left out here to keep the report short.",
    },
    "fr": {
        "title": "Criminalité grave et organisée : rapport hebdomadaire de tendances",
        "week": "Semaine {week} (du {start} au {end})",
        "built_from": "Établi à partir de l'entrepôt {db} (lecture seule).",
        "summary": "1. Constats principaux",
        "markets": "2. Marchés criminels",
        "actors": "3. Acteurs : nouveaux liens",
        "geography": "4. Géographie",
        "trade": "5. Statistiques commerciales",
        "coverage": "6. Couverture et lacunes",
        "method": "7. Méthode",
        "empty_week": "Aucune activité n'a été enregistrée pour la semaine {week}. Ce n'est pas un signe de calme : voir la section couverture pour ce qui a été collecté ou non.",
        "no_findings": "Aucun indicateur n'a franchi son seuil cette semaine.",
        "no_data": "Aucune donnée pour cette section dans l'entrepôt.",
        "no_activity": "Aucune activité de marché enregistrée cette semaine : voir la section couverture avant d'y lire un calme.",
        "confidence": "Confiance : {judgement} ({level}) — {sources}, meilleure cote {grade}",
        "count_reports": "{n} signalements", "one_count_reports": "1 signalement",
        "count_sources": "{n} sources indépendantes", "one_count_sources": "1 source indépendante",
        "basis_trade": "Base : déclarations UN Comtrade ({sides})",
        "count_sides": "{n} parties déclarantes", "one_count_sides": "1 partie déclarante",
        "finding_spike": "Les signalements {activity} {where}{chiefly} ont fortement augmenté cette semaine : {reports} provenant de {sources}, contre {usual} une semaine habituelle{also}.",
        "spike_also": " ; la plupart de ces signalements concernent aussi {countries}",
        "finding_link": "{actor} a été signalé pour la première fois comme participant {activity} {where} : {reports} provenant de {sources}.",
        "finding_gap_more_imports": "Pour {period}, les importations {commodity} en provenance {exporter_de} déclarées par {importer} ({imports}) dépassent de {gap} les exportations déclarées par {exporter} vers ce pays ({exports}), fret et assurance déduits.",
        "finding_gap_more_exports": "Pour {period}, les exportations {commodity} vers {importer} déclarées par {exporter} ({exports}) dépassent de {gap} les importations déclarées par {importer} en provenance de ce pays ({imports}), fret et assurance déduits.",
        "finding_gap_no_exports": "Pour {period}, les importations {commodity} en provenance {exporter_de} déclarées par {importer} ({imports}) n'ont aucune contrepartie dans les exportations déclarées par {exporter}.",
        "finding_gap_no_imports": "Pour {period}, les exportations {commodity} vers {importer} déclarées par {exporter} ({exports}) n'ont aucune contrepartie dans les importations déclarées par {importer}.",
        "finding_uv": "Pour {period}, les {flow} {commodity}{partner} déclarées par {reporter} sont évaluées à {uv} USD le kg, bien {side} de la médiane de {median} USD le kg pour ces marchandises.",
        "flow_X": "exportations", "flow_M": "importations", "flow_RX": "réexportations", "flow_RM": "réimportations",
        "partner_out": " vers {country}", "partner_in": " en provenance {country}", "below": "en dessous", "above": "au-dessus",
        "score": "Score", "baseline": "Référence (moyenne ± 2 é.-t.)", "z": "Score z",
        "documents": "Documents", "sources": "Sources", "independent": "Sources indépendantes",
        "grades": "Cotes de fiabilité", "grade": "cote de fiabilité", "evidence": "Éléments de preuve", "source": "Source",
        "spike": "pic", "gap_week": "lacune (pas de couverture)", "no_evidence": "Aucune phrase de preuve enregistrée.",
        "actor": "Acteur", "actor_type": "Type d'acteur", "market": "Marché", "commodity": "Produit",
        "place": "Lieu", "country": "Pays", "first_seen": "Première mention", "sentence": "Phrase",
        "no_links": "Aucun nouveau lien acteur, marché et lieu cette semaine.",
        "active_markets": "Marchés actifs",
        "mirror_gaps": "Principaux écarts miroirs", "uv_outliers": "Valeurs unitaires aberrantes",
        "exporter": "Exportateur", "importer": "Importateur", "period": "Période", "status": "Statut",
        "exports": "Exportations déclarées (USD)", "imports": "Importations déclarées (USD)", "gap": "Écart (USD)",
        "reporter": "Déclarant", "partner": "Partenaire", "flow": "Flux", "unit_value": "USD/kg",
        "median": "Médiane USD/kg", "robust_z": "z robuste",
        "requests": "Requêtes", "ok": "Réussies", "failed": "Échecs", "not_modified": "Inchangées",
        "errors": "Types d'erreur", "not_crawled": "non collectée cette semaine",
        "gaps": "Lacunes (à lire comme inconnu, pas comme zéro)", "reason": "Motif",
        "silence": "Le silence n'est pas le calme : une semaine ou un pays listé ici n'a pas eu de couverture exploitable, un zéro y signifie inconnu.",
        "no_gaps": "Aucune lacune de couverture enregistrée cette semaine.",
        "stage_errors": "Entrées inutilisables", "stage": "Étape", "count": "Nombre",
        "chart_trade": "Principaux écarts miroirs (millions USD)",
        "page": "Page {n}",
        "untyped": "acteur non typé",
        "coverage_window": "Collectes et entrées enregistrées du {start} au {end} : la collecte d'une nuit porte sur la veille.",
        "more_rows": "{n} autre(s) ligne(s) dans l'entrepôt, omise(s) ici pour garder le rapport court.",
    },
}

STATUS = {
    "en": {"both_reported": "both reported", "exports_unreported": "exports not reported",
           "imports_unreported": "imports not reported", "query_failed": "query failed: unknown"},
    "fr": {"both_reported": "déclaré des deux côtés", "exports_unreported": "exportations non déclarées",
           "imports_unreported": "importations non déclarées", "query_failed": "requête échouée : inconnu"},
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"invalid language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang


def t(lang: str, key: str, **values: object) -> str:
    text = TEXT[lang][key]
    return text.format(**values) if values else text


def counted(lang: str, key: str, n: int) -> str:
    """'3 reports', '1 report': the key's text, or its one_ form for exactly one."""
    return t(lang, key if n != 1 else f"one_{key}", n=n)


def num(value: float | int | None, lang: str, digits: int = 1) -> str:
    """A number for a sentence: thousands grouped, French decimal comma."""
    if value is None:
        return "n/a"
    text = f"{value:,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def amount(value: float | None, lang: str) -> str:
    """A unit value: cents for cheap goods (timber), none for gold."""
    if value is None:
        return "n/a"
    return num(value, lang, 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0)


def money(value: float | None, lang: str) -> str:
    """USD for a sentence: millions spelled out, so nobody counts zeros."""
    if value is None:
        return "n/a"
    if abs(value) >= 1e6:
        unit = "million" if lang == "en" else "millions"
        return f"{num(value / 1e6, lang)} {unit} USD"
    return f"{num(value, lang, 0)} USD"


@cache
def _fr_countries() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # a pycountry without locales: fall back to English names
        return gettext.NullTranslations()


def country_name(iso3: str | None, lang: str) -> str:
    """Country name from ISO3; the code itself when unknown (never an empty string)."""
    if not iso3:
        return "?"
    country = pycountry.countries.get(alpha_3=iso3.upper())
    if country is None:
        return iso3
    name = _fr_countries().gettext(country.name) if lang == "fr" else (
        getattr(country, "common_name", None) or country.name)
    return _natural_order(name)


def _natural_order(name: str) -> str:
    # ISO names put the qualifier last ("Congo, The Democratic Republic of the"),
    # which reads badly in a sentence: turn it round.
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    tail = tail[4:] if tail.startswith("The ") else tail
    joiner = "" if tail.endswith("'") else " "
    return f"{tail}{joiner}{head}"
