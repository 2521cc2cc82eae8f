"""Goods a sentence names again by a pronoun alone: "The Cabo Norte network then trucks it to Johannesburg",
"the brothers ship them to Yemen by dhow", "des négociants le font passer au Soudan", "un grossiste en écoulerait
plusieurs tonnes vers Bouaké".

The sentence names no market, so no market word marks its clause; the pronoun is the paragraph's last goods when
it is the object of a verb that sends, sells or carries goods on (relay.py reads the same pronouns within one
sentence). The pronoun stands for the market as "the ore" does (named_again.py). Not read: a French clitic the parser takes
for an article before a noun ("la société les achemine vers Douala" comes out as "les achemine", a noun phrase).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import nearest_verb
from ocwatch.nlp.links.tree import is_word, low
from ocwatch.nlp.links.victims_again import STOPPERS

_PRONOUNS = frozenset({"it", "them", "le", "la", "les", "l'", "en"})
_PLURAL = frozenset({"them", "les"})
# Verbs that send, sell or carry goods on; not "take", "drive", "bring", "conduire", "emmener", which take people
# ("police drove them to Kampala") as often as goods.
_SENT_ON = frozenset({"ship", "truck", "smuggle", "export", "re-export", "sell", "resell", "deliver", "transport",
                      "fly", "move", "send", "route", "traffic", "supply", "carry", "launder", "refine",
                      "acheminer", "transporter", "expédier", "exporter", "réexporter", "vendre", "revendre",
                      "écouler", "livrer", "convoyer", "envoyer", "transférer", "passer", "fournir", "blanchir"})

# Who handles seized goods: those who move people without trafficking them (victims_again.py), customs, inquirers.
_STATE = STOPPERS | {"customs", "douane", "douaniers", "investigators", "enquêteurs"}


def goods_pronoun(doc: Doc, goods: str) -> Token | None:
    """The first pronoun object of a verb that sends goods on, done by somebody other than the state; "them" and
    "les" only after goods named in the plural ("the network moves them" after gold is the men it recruited)."""
    plural = goods.lower().rstrip().endswith(("s", "x"))
    return next((t for t in doc if _sent_on(t) and (plural or low(t) not in _PLURAL)), None)


def _sent_on(t: Token) -> bool:
    # the French model tags the partitive clitic of "en écoule plusieurs tonnes" as a preposition
    if low(t) not in _PRONOUNS or t.dep_ not in lx.OBJECT or (t.pos_ != "PRON" and low(t) != "en"):
        return False
    v = nearest_verb(t.head) if t.head.pos_ not in ("VERB", "AUX") else t.head
    if v is None or not is_word(v, _SENT_ON):
        return False
    # "seized it and flew it to Kinshasa", "customs officers sent it back to the laboratory": the state's
    # handling of a seizure
    return not any(is_word(a, lx.ENFORCE_VERBS) for a in (v, *v.children, *v.ancestors)) and not any(
        c.dep_ in lx.SUBJECT and low(c) in _STATE for c in v.children)
