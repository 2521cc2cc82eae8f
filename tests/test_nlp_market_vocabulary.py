"""Markets named in the words of analytical, UN and NGO reports, not only of news.

Terms that research institutes, panels of experts and NGOs use for a market ("IUU fishing",
"arms diversion", "precursor chemicals", "domestic servitude") were missed, so a report's
findings named no market; terms that name no GI-TOC market on their own ("drug trafficking",
"corruption", "piracy") stay unmatched.
"""

from __future__ import annotations

import pytest
import spacy

import ocwatch.nlp.components  # noqa: F401  (registers the factories)
from ocwatch.reference import taxonomy


def _markets(lang: str, text: str) -> set[str]:
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ocw_markets")
    market_of = {f"activity:{a.activity_id}": a.market for a in taxonomy.activities()}
    market_of |= {c.commodity_id: c.market for c in taxonomy.commodities()}
    doc = nlp(text)
    return {market_of[s.kb_id_] for s in doc.spans["ocw"] if s.label_ == "commodity"}


@pytest.mark.parametrize(("lang", "term", "market"), [
    ("en", "IUU fishing", "fauna_crimes"),
    ("en", "illegal, unreported and unregulated fishing", "fauna_crimes"),
    ("fr", "la pêche illicite, non déclarée et non réglementée", "fauna_crimes"),
    ("fr", "la criminalité liée aux espèces sauvages", "fauna_crimes"),
    ("en", "sea cucumbers", "fauna_crimes"),
    ("en", "organ trafficking", "human_trafficking"),
    ("fr", "le trafic d'organes", "human_trafficking"),
    ("en", "domestic servitude", "human_trafficking"),
    ("fr", "l'exploitation par le travail", "human_trafficking"),
    ("en", "precursor chemicals", "synthetic_drug_trade"),
    ("fr", "les précurseurs chimiques", "synthetic_drug_trade"),
    ("en", "tapentadol", "synthetic_drug_trade"),
    ("en", "coca cultivation", "cocaine_trade"),
    ("fr", "la culture de la coca", "cocaine_trade"),
    ("en", "illegal levies", "extortion_and_protection_racketeering"),
    ("fr", "l'économie de protection", "extortion_and_protection_racketeering"),
    ("en", "hostage-taking", "extortion_and_protection_racketeering"),
    ("fr", "les rapts", "extortion_and_protection_racketeering"),
    ("en", "arms diversion", "arms_trafficking"),
    ("en", "the diversion of weapons", "arms_trafficking"),
    ("fr", "le raffinage illégal", "non_renewable_resource_crimes"),
    ("fr", "le soutage illégal", "non_renewable_resource_crimes"),
    ("fr", "l'or illégal", "non_renewable_resource_crimes"),
    ("en", "trade misinvoicing", "financial_crimes"),
    ("en", "a Ponzi scheme", "financial_crimes"),
    ("fr", "le détournement de deniers publics", "financial_crimes"),
    ("en", "falsified medical products", "trade_in_counterfeit_goods"),
    ("en", "cheap whites", "illicit_trade_in_excise_goods"),
])
def test_a_report_s_name_for_a_market_is_found(lang: str, term: str, market: str) -> None:
    assert market in _markets(lang, f"{term} .")


@pytest.mark.parametrize(("lang", "term"), [
    ("en", "drug trafficking"), ("en", "corruption"), ("en", "piracy"), ("en", "irregular migration"),
    ("fr", "le trafic de drogue"), ("fr", "la corruption"), ("fr", "la migration irrégulière"),
    ("en", "legal fishing"), ("fr", "la pêche artisanale"),
])
def test_words_that_name_no_single_market_match_none(lang: str, term: str) -> None:
    assert _markets(lang, f"{term} .") == set()


@pytest.mark.parametrize("text", [
    "Les diamants de Carnot continuent de sortir du pays en fraude vers Garoua-Boulaï.",
    "Des cartons de cigarettes entrent chaque nuit en fraude depuis Arua.",
    "Le carburant traverse le lac Tanganyika en fraude, de nuit, depuis Uvira.",
    "Une partie des pierres est sortie du pays en fraude.",
    "Les cigarettes arrivent en fraude au port de Lomé.",
])
def test_en_fraude_as_an_adverb_is_smuggling_not_fraud(text: str) -> None:
    assert "financial_crimes" not in _markets("fr", text)


@pytest.mark.parametrize("text", ["Un réseau spécialisé en fraude bancaire a été démantelé à Abidjan.",
                                  "Un réseau spécialisé en fraude, basé à Abidjan, a été démantelé.",
                                  "Il est poursuivi en fraude sur les marchés publics de Bouaké."])
def test_fraud_named_as_a_noun_stays_fraud(text: str) -> None:
    assert "financial_crimes" in _markets("fr", text)
