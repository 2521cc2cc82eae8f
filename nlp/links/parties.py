"""Parties to an activity that are not its subject: owners, principals, whom the goods are for, buyers,
sellers and receivers, payees, and the conjunct verb a subject does the activity with.

Read on held-out part f, written by someone who did not know the rules: the owner of the site or
the goods ("a laboratory that officials attributed to X", "a warehouse that belonged to X",
"un entrepôt appartenant à X"), the one it is done for ("pour le compte de X", "on behalf of X"),
the one goods are handed or sold to ("handed to members of X", "revendues à X"), and the one a cut
is paid to ("paid X a weekly contribution", "pay rebels of X for protection") take part in it. The goods
may reach them down the verbs after their own clause (goods_steps.py): "transitent par Kidal avant d'être
revendues à X", "rifles that they had bought from X", "has reached elements of X".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import PERSON_NOUNS
from ocwatch.nlp.links.goods_steps import (
    BUY,
    RUN_VERBS,
    SELL,
    carries_goods,
    goods_are_subject,
    goods_chain,
)
from ocwatch.nlp.links.route_parts import before_de
from ocwatch.nlp.links.tree import (
    clause_head,
    family,
    in_event,
    is_word,
    low,
    prep_of,
    reaches,
    shares_subject,
)

# Verbs that give a site or goods an owner: "belonged to X", "attributed to X", "appartenant à X".
OWN_VERBS = frozenset({"belong", "attribute", "ascribe", "appartenir", "appartenant", "attribuer", "attribué",
                       "attribués", "attribuée", "attribuées", "imputer", "imputé"})
_TO = frozenset({"to", "à", "au", "aux"})
_SELLER_PREPS = frozenset({"from", "à", "auprès"})
_BUYER_PREPS = frozenset({"to", "à", "au", "aux", "for", "pour"})
_FOR_PREPS = frozenset({"for", "pour"})
_DESTINED = frozenset({"mean", "meant", "destine", "destined", "intend", "intended", "destiner", "destiné",
                       "destinée", "destinés", "destinées"})
# "a problem for the police", "remains a threat to the army": a quality the goods have for the name, no trade
_ATTRIBUTE_VERBS = frozenset({"be", "become", "remain", "represent", "constitute", "pose", "prove", "seem",
                              "être", "devenir", "rester", "représenter", "constituer", "poser", "sembler"})
# Goods that reach a name are in its hands: "ammunition has reached elements of the White Army".
_REACH = frozenset({"reach", "atteindre"})
_NOT_GOODS = lx.ACTIVITY_NOUNS | lx.VIOLENCE_NOUNS | {"kidnapping", "kidnappings", "abduction", "abductions",
                                                      "enlèvement", "enlèvements", "wave", "vague"}
# "pour le compte de X", "on behalf of X", "au profit de X": the activity is done for X.
BEHALF_NOUNS = frozenset({"behalf", "compte", "profit", "benefit"})
_BEHALF_PREPS = frozenset({"on", "pour", "au", "à", "for"})
# Handing goods over: the one they go to receives them ("handed to members of X", "remises à X").
HAND_VERBS = frozenset({"hand", "pass", "transfer", "ship", "send", "remettre", "remis", "remises", "transférer",
                        "expédier", "envoyer", "acheminer"})


def _verb_of(h: Token) -> Token:
    """The word a prepositional phrase hangs on ("to X" -> its verb)."""
    return h.head.head if h.dep_ == "pobj" and h.head.i != h.i else h.head


def _noun_above(v: Token) -> Token | None:
    """The noun a participle or relative clause (through a verb of saying) qualifies: "a warehouse that
    they said belonged to X" -> warehouse."""
    for _ in range(4):
        if v.dep_ in ("xcomp", "ccomp", "conj") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ in (*lx.RELATIVE, "acl", "amod") and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        return None
    return None


def owner(h: Token, m: Token) -> bool:
    """The actor owns the site or the goods the activity is about: the noun the ownership clause
    qualifies stands in the activity's clause, or is the activity."""
    v = _verb_of(h)
    if prep_of(h) not in _TO or not is_word(v, OWN_VERBS):
        return False
    noun = _noun_above(v)
    if noun is None or is_word(noun, PERSON_NOUNS):  # "men believed to belong to X": members (roles._member)
        return False
    return (noun.i in (m.i, m.head.i) or in_event(m, clause_head(noun)))


def principal(h: Token, m: Token) -> bool:
    """"un réseau qui faisait passer des munitions pour le compte de X": the activity is done for X."""
    return is_word(h, BEHALF_NOUNS) and prep_of(h) in _BEHALF_PREPS and in_event(m, clause_head(h))


def recipient(h: Token, m: Token) -> str | None:
    """Goods sold or handed to the actor: "recipient" in the activity's clause ("les armes étaient revendues à
    X"); "receiver", placed at that step only, in a "where" clause on the activity's place ("shipped to Y, where
    they were handed to X") or down the verbs the goods go through after their clause (goods_steps.py)."""
    v = _verb_of(h)
    if prep_of(h) not in _TO or not is_word(v, SELL | HAND_VERBS) or v.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    if in_event(m, v):
        return "recipient"
    where = v.dep_ in lx.RELATIVE and any(low(c) in ("where", "où") for c in v.children)
    return "receiver" if (where and v.head.i != v.i and in_event(m, clause_head(v.head))) or carries_goods(m, v) \
        else None


def goods_for(h: Token, v: Token, m: Token) -> bool:
    """The goods are for the name: "pressed fentanyl pills for a faction of the Sinaloa Cartel", "weapons meant for
    the Gran Grif gang", "la cargaison était destinée au gang" (an obl:arg, read as an object), "achetées en Floride
    et destinées au gang"; not "a problem for the police" ("for" must hang on the verb or the goods)."""
    prep = prep_of(h)
    if h.dep_ in lx.OBJECT and v.i == h.head.i:
        return (is_word(v, _DESTINED) and prep in lx.PAYEE_PREPS and in_event(m, v)) or (
            not _of_someone(h) and (supplied(v, m) or supplied_after(h, v, m)))
    if prep in lx.PAYEE_PREPS and is_word(v, _DESTINED) and h.head.head.i == v.i and shares_subject(m, v):
        return True
    if not in_event(m, v) or is_word(v, lx.REPORT_VERBS | lx.ENFORCE_VERBS | lx.INVESTIGATE_VERBS):
        return False
    on = h.head.head if h.dep_ == "pobj" else h.head
    return (prep in _FOR_PREPS or (prep in lx.PAYEE_PREPS and is_word(v, _DESTINED))) and \
        on.i in (v.i, m.i, m.head.i) and not is_word(v, _ATTRIBUTE_VERBS)


# Verbs whose object is who gets the goods: "supply the FDLR with ammunition", "pour ravitailler les FSR".
_SUPPLY = frozenset({"supply", "resupply", "arm", "equip", "ravitailler", "approvisionner", "armer", "équiper"})


def supplied(v: Token, m: Token) -> bool:
    """The object of a verb of supplying gets the goods of its clause, or of the clause it is the purpose of
    ("trucks loaded with ammunition cross at Adré to supply the RSF")."""
    if not is_word(v, _SUPPLY):
        return False
    return in_event(m, v) or (v.dep_ in ("advcl", "xcomp") and v.head.i != v.i and in_event(m, v.head))


def _of_someone(h: Token) -> bool:
    """A noun the name only qualifies: "approvisionner les stations informelles de Ben Guerdane" supplies the
    stations, not whoever the town's name was taken for."""
    return h.pos_ == "NOUN" and any(c.dep_ in ("nmod", "prep") and (prep_of(c) in lx.FRENCH_OF or low(c) == "of")
                                    for c in h.children)


def supplied_after(h: Token, v: Token, m: Token) -> bool:
    """"franchissent la frontière pour ravitailler les FSR": the French parser reads the infinitive as a
    noun beside the object, which it hangs on the main verb; the object right after the infinitive is its."""
    before = h.doc[h.left_edge.i - 1] if h.left_edge.i > 0 else None
    return before is not None and before.head.i == v.i and is_word(before, _SUPPLY) and in_event(m, v)


def trade_party(h: Token, v: Token, m: Token) -> str | None:
    """"buyer" when the goods are sold to the name, "seller" when bought from it, else None."""
    prep = "auprès" if _aupres(h) else prep_of(h)
    if prep in _BUYER_PREPS and is_word(v, SELL):
        kind = "buyer"
    elif prep in _SELLER_PREPS and is_word(v, BUY):
        kind = "seller"
    else:
        return None
    return kind if carries_goods(m, v) else None


def _aupres(h: Token) -> bool:
    """"achetées auprès de soldats": the French parse hangs "auprès" on the verb and leaves "de" to the noun."""
    before = before_de(h)
    return before is not None and before.lower_ == "auprès"


def reached(h: Token, m: Token, actor: Token) -> bool:
    """The goods reach the members of a name, the object of "reach" ("has reached elements of the White Army"):
    the goods its subject, or the subject it shares down a chain. Not the name itself, as often a town ("reach
    Ber"), nor an activity ("the wave of kidnappings has reached members of the Red Cross"), nor those who
    carry the goods ("smugglers carrying gold reached fighters of the M23")."""
    v = h.head
    if h.dep_ not in lx.OBJECT or v.i == h.i or not is_word(v, _REACH) or h.i == actor.i or \
            is_word(m, _NOT_GOODS) or not carries_goods(m, v):
        return False
    return goods_are_subject(m, v) or goods_chain(m, v)


def controller(h: Token, m: Token) -> bool:
    """The agent of a participle of running or leading on the activity's subject: who runs the shops,
    the network or the boats that do it."""
    v = _verb_of(h)
    if prep_of(h) not in ("by", "par") and h.head.dep_ != "agent":
        return False
    if v.dep_ not in ("acl", "amod") or not is_word(v, RUN_VERBS) or v.head.dep_ not in lx.SUBJECT:
        return False
    return in_event(m, v.head.head)


def payee(h: Token, pay: Token) -> bool:
    """The one paid: "paid X a contribution" (dative), "pay rebels of X for protection" (object)."""
    return h.head.i == pay.i and h.dep_ in lx.OBJECT | {"dative"}


def own_conjunct(v: Token, m: Token) -> Token:
    """The conjunct verb sharing v's subject whose clause holds the activity: "X charges shopkeepers a
    fee and hides cocaine in containers" is read on "hides", not on "charges"."""
    best = v
    for f in family(v):
        if f.i != v.i and f.dep_ == "conj" and (m.i == f.i or reaches(m, f)) and any(
                a.i == best.i for a in f.ancestors):
            best = f
    return best


def other_party(actor: Span, h: Token, market: Span) -> tuple[str, str] | None:
    """(role, method) when the actor is the principal, recipient, receiver or controller of the activity, or the
    goods reached it, else None."""
    m = market.root
    how = "principal" if principal(h, m) else recipient(h, m) or ("controller" if controller(h, m) else None)
    if how is None and reached(h, m, actor.root):
        how = "receiver"
    return ("participant", how) if how else None
