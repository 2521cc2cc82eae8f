"""Who holds the site the goods come from, said other than with "by": "M23-held mines", "UWSA-controlled
factories", "the Jebel Amer mines, which the RSF have controlled since 2017".

roles.py reads "a mine controlled by the RSF" as the RSF's site (the holder takes part in what comes out
of it, or, for a state force, is only named); these are the same claim in two other shapes, so they are
read the same way.
"""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import is_word, low

# Holding a site by force or running it. Not owning: "Gécamines-owned concessions" are robbed, not run
# by thieves, and a company's concession is no armed group's site.
_HELD = frozenset({"control", "controlled", "hold", "held", "run", "operate", "operated", "occupy", "occupied",
                   "contrôler", "tenir", "occuper"})
_WHICH = frozenset({"which", "that", "que", "qu'", "qu’", "dont"})


def hyphen_holder(h: Token) -> Token | None:
    """The participle a name is the first half of ("M23-held mines": held), as if the name were its
    agent; None otherwise."""
    v = h.head
    if h.dep_ not in ("npadvmod", "compound", "nmod") or v.i != h.i + 2 or h.doc[h.i + 1].text != "-":
        return None
    return v if is_word(v, _HELD) and v.dep_ in ("amod", "acl", "compound") else None


def relative_holder(h: Token) -> Token | None:
    """The site noun whose relative clause the name is the subject of, holding it ("the mines, which the
    RSF have controlled since 2017": mines); None otherwise."""
    v = h.head
    if h.dep_ not in lx.SUBJECT or v.dep_ not in lx.RELATIVE or v.head.i == v.i or not is_word(v, _HELD):
        return None
    if not any(c.dep_ in lx.OBJECT and low(c) in _WHICH for c in v.children):
        return None
    return v.head
