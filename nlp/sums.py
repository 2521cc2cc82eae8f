"""Demanded sums of money, an extortion phrase that no fixed list can hold.

"stop every bus and demand 5,000 gourdes", "exige 500 gourdes de chaque
marchande", "réclament 2 000 francs CFA par camion", "demanded $200": a verb of
demanding followed by an amount is extortion whatever the amount. A token
Matcher on lower-case words and ``like_num`` does it in one pass, with no
phrase per number. "Charge" is left out: traders charge prices.
"""

from __future__ import annotations

from spacy.vocab import Vocab

from ocwatch.nlp import config
from ocwatch.nlp.anchored import AnchoredMatcher

ENTITY = "activity:extortion"


def demanded_sums(vocab: Vocab, lang: str) -> AnchoredMatcher | None:
    """A Matcher of "<demand verb> [up to] <number> <currency>" and "<demand verb> $<number>"."""
    verbs = list(config.DEMAND_MONEY_VERBS.get(lang, ()))
    if not verbs:
        return None
    verb = {"LOWER": {"IN": verbs}}
    lead = {"LOWER": {"IN": sorted(config.SUM_LEAD_WORDS)}, "OP": "*"}
    number = {"LIKE_NUM": True, "OP": "+"}
    currency = {"LOWER": {"IN": sorted(config.CURRENCY_WORDS)}}
    matcher = AnchoredMatcher(vocab)
    matcher.add(ENTITY, [
        # "demand 2,000 Congolese francs", "exigent des millions de nairas"
        [verb, lead, number, {"IS_ALPHA": True, "IS_LOWER": False, "OP": "?"}, currency],
        [verb, lead, {"LOWER": {"IN": sorted(config.CURRENCY_SIGNS)}}, number],
        [verb, {"IS_PUNCT": False, "OP": "{0,3}"}, {"LOWER": {"IN": ["millions", "milliers", "thousands"]}},
         {"LOWER": {"IN": ["of", "de", "d'"]}}, currency],
    ])
    return matcher
