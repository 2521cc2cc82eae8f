"""A market named as what a body fights: "l'Office central de lutte contre la traite des êtres humains", "the
Office for the Suppression of Human Trafficking", "la répression du trafic illicite des stupéfiants".

Police and customs releases name their agencies in full, and the names carry markets; the market there is
the body's mission, not an activity the sentence asserts, so it takes no actor and no place.
"""

from __future__ import annotations

from spacy.tokens import Span

from ocwatch.nlp.links.tree import is_word, prep_of

# A fight against a trade, not one over it ("the fight over cocaine routes", "une lutte pour le trafic"): the
# struggle nouns take "against"/"contre", the nouns of suppressing take "of"/"de".
_STRUGGLE = frozenset({"fight", "lutte", "combat"})
_SUPPRESS = frozenset({"suppression", "prohibition", "prevention", "repression", "répression", "prévention"})
_AGAINST = frozenset({"against", "contre"})
_OF = frozenset({"of", "de", "du", "des", "d'", "d’"})
# The links a market climbs to reach the noun of fighting: "lutte contre la traite", "fight against trafficking".
_UP = frozenset({"pobj", "prep", "nmod", "obl", "obl:arg", "compound", "amod"})


def fought_against(market: Span) -> bool:
    t, prep = market.root, ""
    for _ in range(3):
        if t.dep_ not in _UP or t.head.i == t.i:
            return False
        prep = prep or prep_of(t)
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and ((is_word(t, _STRUGGLE) and prep in _AGAINST) or
                                            (is_word(t, _SUPPRESS) and prep in _OF)):
            return True
    return False
