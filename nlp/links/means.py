"""Who charters the means the goods travel by: the aircraft, dhows or barges.

"Gold is flown to Bangui on aircraft chartered by Midas Ressources", "l'or est transporté à bord d'avions
affrétés par X": the one who charters the means takes part in the trade that uses them.
"""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import in_event, is_word, low, prep_of

# Chartering only ("run by", "rented by" are attribution.CUES'): owners, escorts and hirers of the means are also shipping lines, rangers and aid agencies
# ("containers owned by MSC", "trucks escorted by UWA rangers", "flights organised by the IOM").
_AGENT_PREPS = frozenset({"by", "par"})
_CONVOYS = frozenset({"convoy", "convoys", "shipment", "shipments", "cargo", "cargoes", "flight", "flights",
                      "convoi", "convois", "cargaison", "cargaisons"})
# Up from the means to the verb it serves, through prepositional phrases only.
_PHRASE_DEPS = frozenset({"pobj", "prep", "obl", "obl:mod", "obl:arg", "nmod"})


def _holding_verb(h: Token) -> Token | None:
    """The participle of chartering whose agent the name's head is."""
    v = h.head.head if h.dep_ == "pobj" else h.head
    prep = prep_of(h) or (low(h.head) if h.dep_ == "pobj" else "")
    if v.dep_ not in ("acl", "amod") or v.i == h.i:
        return None
    if (prep in _AGENT_PREPS or h.dep_ == "obl:agent") and is_word(v, lx.CHARTER_VERBS):
        return v
    return None


def holds_means(h: Token, m: Token) -> bool:
    """The name at ``h`` charters what the activity at ``m`` moves by: the noun the
    participle qualifies is the goods' own phrase or hangs in the activity's clause."""
    v = _holding_verb(h)
    if v is None:
        return False
    means = v.head
    if not is_word(means, lx.CARRIER_NOUNS | _CONVOYS) or means.i == m.i:
        return False  # a camp or a site chartered by nobody: only what the goods travel in
    if any(a.i == means.i for a in m.ancestors) and means.i < m.i:
        return True  # "a shipment of gold, chartered by X": the goods' own phrase
    verb = means
    for _ in range(4):  # "flown to Bangui on aircraft chartered by X": the parser may hang it on the place
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in _PHRASE_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and in_event(m, verb)
