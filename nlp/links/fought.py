"""A market named as what a body fights: "l'Office central de lutte contre la traite des êtres humains", "the
Office for the Suppression of Human Trafficking", "la répression du trafic illicite des stupéfiants".

Police and customs releases name their agencies in full, and the names carry markets; the market there is
the body's mission, not an activity the sentence asserts, so it takes no actor and no place.
"""

from __future__ import annotations

from spacy.tokens import Span

from ocwatch.nlp.links.tree import noun_above

_FIGHT_NOUNS = frozenset({"fight", "suppression", "prohibition", "prevention", "repression", "lutte", "répression",
                          "prévention", "combat"})
# The links a market climbs to reach the noun of fighting: "lutte contre la traite", "fight against trafficking".
_UP = frozenset({"pobj", "prep", "nmod", "obl", "obl:arg", "compound", "amod"})


def fought_against(market: Span) -> bool:
    return noun_above(market.root, _UP, _FIGHT_NOUNS, 3)
