"""A market named only as where money came from: "cocaine profits", "des fonds issus du trafic de cocaïne".

The sentence tells what was done with the money (laundered through real estate in Marbella, blanchis aux
Almadies), not where the drugs were traded: the places are the laundering's, and the drug market takes none.
"""

from __future__ import annotations

from spacy.tokens import Span

from ocwatch.nlp.links.tree import noun_above

PROCEEDS_NOUNS = frozenset({"proceeds", "profit", "profits", "funds", "money", "earnings", "fonds", "bénéfice",
                            "bénéfices", "argent"})
# The links a commodity climbs to reach the money it qualifies: "cocaine profits", "proceeds of",
# "fonds issus du trafic de".
_UP = frozenset({"compound", "nmod", "pobj", "prep", "amod", "acl", "obl", "obl:mod", "obl:arg", "nmod:poss"})


def only_names_proceeds(market: Span) -> bool:
    return noun_above(market.root, _UP, PROCEEDS_NOUNS, 5)
