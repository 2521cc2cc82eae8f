"""Goods named as the cover other goods were hidden in: "cocaine hidden in a container of timber", "cachée
dans des sacs de charbon", "concealed in timber containers", "pills hidden in the fuel tank of a lorry".

Seizure reports name what smugglers hid their load in, and the small models find a market in it (timber,
charcoal, fuel); that market is the disguise, not a trade the sentence asserts, so it takes no actor and no
place. The goods that were hidden are named again in such a sentence ("the drug had arrived from Brazil
hidden in a container of timber") and stay the paragraph's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links.tree import is_word, low

# Verbs of hiding (lemmas, and the French participles the small model may leave unlemmatised).
_HIDE = frozenset({"hide", "conceal", "stash", "secrete", "cacher", "dissimuler", "planquer", "caché", "cachée",
                   "cachés", "cachées", "dissimulé", "dissimulée", "dissimulés", "dissimulées"})
# Verbs of passing goods off as others: "cocaine disguised as charcoal", "de la cocaïne camouflée en charbon".
_POSE = frozenset({"disguise", "camouflage", "camoufler", "déguiser", "maquiller", "camouflé", "camouflée",
                   "camouflés", "camouflées", "maquillé", "maquillée", "maquillés", "maquillées"})
_AS = frozenset({"as", "comme", "en"})
# What the goods were hidden in, under or among; not "hidden by", "hidden from", "hidden for".
_INSIDE = frozenset({"in", "inside", "into", "within", "under", "beneath", "underneath", "among", "amongst", "behind",
                     "dans", "sous", "parmi", "derrière", "au", "aux"})
# The links a market climbs to reach the verb of hiding: "in a container of timber", "dans des sacs de charbon",
# "in timber containers", "in the fuel tank".
_UP = frozenset({"pobj", "prep", "nmod", "obl", "obl:mod", "obl:arg", "compound", "amod", "conj"})
_STEPS = 6


def hides_other_goods(market: Span) -> bool:
    t = market.root
    for _ in range(_STEPS):
        if t.dep_ not in _UP or t.head.i == t.i:
            return False
        if is_word(t.head, _HIDE | _POSE) and t.head.pos_ in ("VERB", "ADJ", "AUX"):
            # "des conteneurs dans lesquels des fusils étaient dissimulés": the container, not the cover
            return _inside(t, _AS if is_word(t.head, _POSE) else _INSIDE) is not None and t.pos_ != "PRON"
        if _right_after_hiding(t):
            return True
        t = t.head
    return False


def _inside(t: Token, words: frozenset[str] = _INSIDE) -> Token | None:
    """The word that says the goods lay in, under or among the phrase (or passed for it): its English
    preposition or French case."""
    if t.dep_ == "prep":
        return t if low(t) in words else None
    return next((c for c in t.children if c.dep_ == "case" and low(c) in words), None)


def _right_after_hiding(t: Token) -> bool:
    """"de la cocaïne cachée dans des sacs de charbon", "camouflée en charbon", the phrase hung on "saisi" or on the
    goods by the parser: a phrase of lying in (or passing for) that opens right after the verb is the cover."""
    word = _inside(t, _INSIDE | _AS)
    if word is None or word.i == 0:
        return False
    verb = word.doc[word.i - 1]
    return (is_word(verb, _HIDE) and low(word) in _INSIDE) or (is_word(verb, _POSE) and low(word) in _AS)
