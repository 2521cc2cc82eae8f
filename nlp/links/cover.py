"""Goods named as the cover other goods were hidden in: "cocaine hidden in a container of timber", "cachée
dans des sacs de charbon", "concealed in timber containers", "pills hidden in the fuel tank of a lorry".

Seizure reports name what smugglers hid their load in, and the small models find a market in it (timber,
charcoal, fuel); that market is the disguise, not a trade the sentence asserts, so it takes no actor and no
place. The goods that were hidden are named again in such a sentence ("the drug had arrived from Brazil
hidden in a container of timber") and stay the paragraph's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import is_word, lemma, low

# Verbs of hiding (lemmas, and the French participles the small model may leave unlemmatised).
_HIDE = frozenset({"hide", "conceal", "stash", "secrete", "pack", "tuck", "stuff", "cacher", "dissimuler", "planquer",
                   "caché", "cachée", "cachés", "cachées", "dissimulé", "dissimulée", "dissimulés", "dissimulées"})
# Verbs of passing goods off as others: "cocaine disguised as charcoal", "de la cocaïne camouflée en charbon".
_POSE = frozenset({"disguise", "camouflage", "camoufler", "déguiser", "maquiller", "camouflé", "camouflée",
                   "camouflés", "camouflées", "maquillé", "maquillée", "maquillés", "maquillées"})
_AS = frozenset({"as", "comme", "en"})
# Goods mixed with others to pass unseen: "cannabis mixed with charcoal", "la cocaïne mélangée à du charbon".
_MIX = frozenset({"mix", "mélanger", "mêler", "mélangé", "mélangée", "mélangés", "mélangées"})
_WITH = frozenset({"with", "avec", "à", "au", "aux"})
# What the goods were hidden in, under or among; not "hidden by", "hidden from", "hidden for". "au", "aux" for
# "au fond de", "au milieu des"; the nouns for "à l'intérieur de", "au fond de", "au milieu de".
_INSIDE = frozenset({"in", "inside", "into", "within", "under", "beneath", "underneath", "among", "amongst", "behind",
                     "dans", "sous", "parmi", "derrière", "au", "aux"})
_INSIDE_NOUNS = frozenset({"intérieur", "fond", "milieu"})
# The links a market climbs to reach the verb of hiding: "in a container of timber", "dans des sacs de charbon",
# "in timber containers", "in the fuel tank".
_UP = frozenset({"pobj", "prep", "nmod", "obl", "obl:mod", "obl:arg", "compound", "amod", "conj"})
_STEPS = 6
# A cover phrase that names a site or a trade is no load of goods: "weapons hidden in a cocaine laboratory", "les
# camps de charbon", "hides behind the charcoal trade"; goods called illegal are a trade of their own.
_SITES = frozenset({"laboratory", "laboratories", "lab", "labs", "mine", "mines", "camp", "camps", "concession",
                    "concessions", "plantation", "plantations", "farm", "farms", "depot", "depots", "warehouse",
                    "warehouses", "field", "fields", "site", "sites", "laboratoire", "laboratoires",
                    "entrepôt", "entrepôts", "dépôt", "dépôts", "champ", "champs", "chantier", "chantiers"})
_ILLEGAL = frozenset({"illegal", "illegally", "illicit", "contraband", "smuggled", "poached", "illégal", "illégale",
                      "illégaux", "illégales", "illicite", "illicites", "illégalement", "contrebande"})
_SELF = frozenset({"se", "s'", "themselves", "itself", "himself"})


def hides_other_goods(market: Span) -> bool:
    """The market is named in the phrase other goods were hidden in, passed off as or mixed with (the phrase of a
    verb that hides goods, not people), and the phrase names no site, trade or goods of a trade of their own."""
    t = market.root
    for _ in range(_STEPS):
        if t.dep_ not in _UP or t.head.i == t.i:
            return False
        if _own_trade(t):
            return False
        words = _phrase_words(t.head)
        # the French model tags "dissimulés" after "étaient" as an adjective, and an auxiliary may head the clause
        if words and t.head.pos_ in ("VERB", "ADJ", "AUX"):
            # "des conteneurs dans lesquels des fusils étaient dissimulés": the container, not the cover
            return _inside(t, words) is not None and t.pos_ != "PRON" and _hides_goods(t.head)
        if _right_after_hiding(t):
            return True
        t = t.head
    return False


def _own_trade(t: Token) -> bool:
    """The phrase names a site or a trade, calls the goods illegal, or says somebody trades them ("the charcoal
    they export", "les mines d'or qu'ils contrôlent")."""
    return low(t) in _SITES | lx.ACTIVITY_NOUNS or any(
        low(c) in _ILLEGAL or c.dep_ in lx.RELATIVE for c in t.children)


def _hides_goods(verb: Token) -> bool:
    """Goods are hidden, not people: "fighters hide in the charcoal camps", "ils se cachent dans"."""
    if any(low(c) in _SELF for c in verb.children):
        return False
    # a past participle hides goods even where the small model gives it a subject ("pills hidden in" as a clause)
    participle = "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    kids = {c.dep_ for c in verb.children}
    return participle or bool(kids & {"dobj", "obj"}) or not kids & lx.SUBJECT


def _phrase_words(v: Token) -> frozenset[str]:
    """The words that open the cover's phrase under a verb: in/dans after hiding, as/en after a disguise (in too),
    "passed off as", "faire passer pour", with/à after mixing; none under any other verb."""
    if is_word(v, _HIDE):
        return _INSIDE
    if is_word(v, _POSE):
        return _AS | _INSIDE
    if is_word(v, _MIX):
        return _WITH
    if lemma(v) == "pass" and any(low(c) == "off" for c in v.children):
        return frozenset({"as"})
    return frozenset({"pour"}) if lemma(v) == "passer" else frozenset()


def _inside(t: Token, words: frozenset[str] = _INSIDE) -> Token | None:
    """The word that says the goods lay in, under or among the phrase (or passed for it): its English
    preposition or French case; "à l'intérieur de" by its noun."""
    if t.dep_ == "prep":
        return t if low(t) in words else None
    if low(t) in _INSIDE_NOUNS and "dans" in words:
        return next((c for c in t.children if c.dep_ == "case"), None)
    return next((c for c in t.children if c.dep_ == "case" and low(c) in words), None)


def _right_after_hiding(t: Token) -> bool:
    """"de la cocaïne cachée dans des sacs de charbon", "camouflée en charbon", the phrase hung on "saisi" or on the
    goods by the parser: a phrase of lying in (or passing for) that opens right after the verb is the cover."""
    word = _inside(t, _INSIDE | _AS | _WITH)
    return word is not None and word.i > 0 and low(word) in _phrase_words(word.doc[word.i - 1])
