"""Goods passed on by a pronoun: "diggers sell their cassiterite to traders who smuggle it to Goma", "l'or est
revendu à des négociants qui le font passer au Soudan", "sells them to armed groups in Tillabéri".

The clause that takes the goods on names them by a pronoun object, so no market word marks it; its places are
the goods' route all the same (places.py). When the clause is a relative one on somebody else (the buyers), the
actor who sold is not at its places: the traders smuggle the cassiterite to Goma, the diggers do not.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import is_word, low, prep_of

# Verbs that take goods on, beyond the verbs of a route: selling, delivering and loading them on.
_RELAY_VERBS = lx.ROUTE_VERBS | frozenset({"sell", "resell", "deliver", "load", "vendre", "revendre", "livrer",
                                           "charger", "transférer", "transborder", "transfer", "fly", "drive",
                                           "emporter", "emmener", "conduire"})
_GOODS_PRONOUNS = frozenset({"it", "them", "le", "la", "les", "l'", "l’"})
_CAUSE = frozenset({"faire"})  # "qui le font passer au Soudan": the pronoun hangs on "faire"


def _takes_a_pronoun(v: Token) -> bool:
    return any(c.dep_ in lx.OBJECT and c.pos_ == "PRON" and low(c) in _GOODS_PRONOUNS for c in v.children)


def _after_a_seizure(v: Token) -> bool:
    """"Soldiers intercepted them near Gao and sent them to Bamako": what enforcers do with what they seized."""
    return v.dep_ == "conj" and is_word(v.head, lx.ENFORCE_VERBS)


def relay_clause(t: Token) -> Token | None:
    """The verb of the clause that holds the place and takes goods on by a pronoun ("smuggle it to Goma"),
    or None. Only the place's own clause: the first verb above it decides."""
    v = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if v is None or not is_word(v, _RELAY_VERBS) or _after_a_seizure(v):
        return None
    if _takes_a_pronoun(v):
        return v
    # "le font passer": the causative's object is the goods
    if v.dep_ in ("xcomp", "ccomp") and is_word(v.head, _CAUSE) and _takes_a_pronoun(v.head):
        return v.head
    return None


def relayed_on(t: Token, fam: list[Token]) -> bool:
    """The place is in a clause that takes the activity's goods on by a pronoun and hangs within the activity's
    clauses: on its buyers ("to traders who smuggle it to Goma") or as a verb of its own ("and carry it")."""
    v = relay_clause(t)
    return v is not None and v.head.i != v.i and any(v.head.i == a.i for f in fam for a in f.subtree)


_RELATIVE_SUBJECTS = frozenset({"who", "which", "that", "qui", "lesquels", "lesquelles"})
_GIVEN_TO = frozenset({"to", "à", "au", "aux"})


def relayed_elsewhere(place: Span, actor: Span | None) -> bool:
    """The place is in a relative clause that takes the goods on and is not the actor's (``actor`` None: an
    actor the sentence refers back to): the clause of those the goods were sold to ("sells the stones to
    collectors who smuggle them into Cameroon") or of a subject of its own ("to sawmills near Brikama, where
    traders export them to China"). Not the clause of those the actor bought from ("procured rifles from
    Chadian traders, who carried them across the border": the goods came to the actor that way)."""
    v = relay_clause(place.root)
    if v is None or v.dep_ not in lx.RELATIVE | {"conj"}:
        return False
    if actor is not None and (actor.root.i in {a.i for a in v.subtree} or v.head.i in range(actor.start, actor.end)):
        return False
    subject = next((c for c in v.children if c.dep_ in lx.SUBJECT), None)
    if subject is None:
        return False
    if v.dep_ == "conj":
        # "taxes charcoal at Kismayo and the traders then ship it to Dubai": a conjoined clause of its own
        return subject.pos_ in ("NOUN", "PROPN") and (actor is None or subject.i not in range(actor.start, actor.end))
    if low(subject) in _RELATIVE_SUBJECTS:
        return prep_of(v.head) in _GIVEN_TO and not _bought_from(v.head)
    return subject.pos_ in ("NOUN", "PROPN")


# "achètent des munitions à des militaires, qui les transportent jusqu'à Fizi": "à" names the sellers
_BUY = frozenset({"buy", "purchase", "procure", "acquire", "obtain", "acheter", "racheter", "acquérir", "procurer",
                  "obtenir"})


def _bought_from(noun: Token) -> bool:
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and is_word(verb, _BUY)
