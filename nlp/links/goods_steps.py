"""The verbs the goods go through, and who had them for one step of their way.

The activity's goods stand in one clause; the verbs after it may take them on without naming them again: a
conjoined or subordinate verb with no subject of its own ("trucked from Uganda and sold to X", "transitent par
Kidal avant d'être revendues à X"), a relative clause on them ("rifles that they had bought from X"), a
where-clause they are the subject of ("to Puglia, where it is bought by clans of X"). Who buys, sells, receives
or handles them there (parties.py, roles.py) takes part at that step's places only, not along the whole route.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import goods_words as gw
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import nearest_verb
from ocwatch.nlp.links.relay import goods_subject, opens_on_where
from ocwatch.nlp.links.route_parts import place_role
from ocwatch.nlp.links.tree import clause_head, in_event, is_word, low

SELL = frozenset({"sell", "supply", "deliver", "provide", "give", "vendre", "livrer", "fournir", "revendre",
                  "céder", "revendu", "revendus", "revendues", "vendu", "vendus", "vendues", "livré", "livrées"})
BUY = frozenset({"buy", "purchase", "acheter", "racheter"})
# Running a party that does the activity: "shops run by the Kings Romans group sell pangolin scales".
RUN_VERBS = lx.CONTROL_VERBS | frozenset({"lead", "led", "diriger", "dirigé", "dirigés", "dirigée", "dirigées",
                                          "tenu", "tenus", "contrôlé", "contrôlés", "géré", "gérés"})
# Who had the goods for one step of their way: sold to, bought from, handed to, or the agent of a later step
TRADED = frozenset({"buyer", "seller", "receiver", "handler"})

_COLLECT = frozenset({"collect", "receive", "distribute", "recevoir", "distribuer", "collecter"})
# What ends a chain of verbs the goods go down: what was done to them after a seizure, a report or an inquiry
_CHAIN_STOPS = lx.ENFORCE_VERBS | lx.REPORT_VERBS | lx.INVESTIGATE_VERBS
# Goods taken by enforcers ("the seized cocaine was flown to Nairobi and delivered to the Government Chemist"):
# the small models give the participle as an adjective, its own lemma
_SEIZED = _CHAIN_STOPS | frozenset({"seized", "intercepted", "confiscated", "recovered", "saisi", "saisie", "saisis",
                                    "saisies", "confisqué", "confisquée", "confisqués", "confisquées", "intercepté",
                                    "interceptée", "interceptés", "interceptées", "récupéré", "récupérée",
                                    "récupérés", "récupérées"})
# Verbs of running or holding a thing, no step of the goods' way
_HOLDING = RUN_VERBS | frozenset({"man", "manned", "staff", "staffed", "guard", "guarded", "garder", "gardé",
                                  "gardés"})
# A share of the goods, subject of the clause that sells it: "où une partie est revendue aux combattants"
_SHARE = frozenset({"part", "some", "most", "much", "partie", "plupart", "certains", "certaines"})
_WITHOUT = frozenset({"without", "sans"})


def carries_goods(m: Token, v: Token) -> bool:
    """The verb takes the activity's goods: in their clause, conjoined or subordinate to it, a relative
    clause on them, or a where-clause they are the subject of."""
    return in_event(m, v) or goods_chain(m, v) or (v.dep_ in lx.RELATIVE and v.head.i == m.i) or \
        _goods_where(m, v)


def goods_chain(m: Token, v: Token) -> bool:
    """A verb with no subject of its own under the goods' clause, by conjunction or subordination, whose subject
    it shares are the goods or whose object names them again: "transitent par Kidal avant d'être revendues à X",
    "was carried to Bunia and sold to X", "making rifles and selling them to X"; not "Dirigé par X, le réseau
    achète les écailles" (the network is led), nor "checkpoints manned by X" hung on the verb. Not what was
    done after a seizure, nor a verb taking other goods."""
    objects = [c for c in v.children if c.dep_ in ("dobj", "obj")]
    if is_word(v, _HOLDING) or any(c.dep_ in ("amod", "acl") and is_word(c, _SEIZED) for c in m.children) or any(
            c.pos_ != "PRON" and c.i != m.i and low(c) not in gw.COMMODITY_ANAPHORS for c in objects):
        return False
    for a in verbs_above(v):
        if is_word(a, _CHAIN_STOPS):
            return False
        if in_event(m, a):
            return bool(objects) or _goods_are_subject(m, a)
    return False


def _goods_are_subject(m: Token, v: Token) -> bool:
    subject = next((c for c in v.children if c.dep_ in lx.SUBJECT), None)
    return subject is not None and (subject.i == m.i or any(a.i == subject.i for a in m.ancestors))


def _goods_where(m: Token, v: Token) -> bool:
    """A where-clause on a place of the goods' clause, the goods or a share of them its subject: "vers
    Tillabéri, où une partie est revendue aux combattants de X"."""
    if not opens_on_where(v) or v.head.i == v.i:
        return False
    subject = next((c for c in v.children if c.dep_ in lx.SUBJECT), None)
    if subject is None or not (goods_subject(subject) or low(subject) in _SHARE or _taken_pronoun(subject)):
        return False
    return in_event(m, clause_head(v.head))


def _taken_pronoun(subject: Token) -> bool:
    """"where they were collected by members of X", "où elles sont achetées par X": "they" is what a passive
    verb of buying, selling or collecting takes (people too, where people are the trade)."""
    return low(subject) in ("they", "ils", "elles") and subject.dep_ in lx.PASSIVE_SUBJECT and \
        is_word(subject.head, BUY | SELL | _COLLECT)


# Who had the goods for one step of their way: sold to, bought from, handed to, or the agent of a later step
TRADED = frozenset({"buyer", "seller", "receiver", "handler"})


def traded_there(how: str, actor: Span, place: Span) -> bool:
    """The one the goods were sold or handed to, or bought from, is where that happened, not all along the
    goods' route ("trucked from Uganda across the border at Nimule and sold to the White Army in Nyirol": the
    White Army at Nyirol): a place in the verb's phrase, where the goods went before it ("carried to Bunia
    and sold to X"), or the place a where-clause on the way is on."""
    if how not in TRADED:
        return True
    v = nearest_verb(actor.root)
    # past the participle of the name's own phrase: "revendus par un réseau dirigé par X, à Bouaké"
    while v is not None and v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN") and v.head.i != v.i:
        v = nearest_verb(v.head)
    if v is None:
        return True
    if any(t.i == place.root.i for t in v.subtree):
        return True
    chain = [v, *verbs_above(v)]
    went_to = place_role(place.root) == "destination" and nearest_verb(place.root) in chain
    return went_to or any(opens_on_where(a) and _before_where(a, place) for a in chain)


def verbs_above(v: Token) -> list[Token]:
    """The verbs a subjectless verb hangs on by conjunction or subordination, as goods_chain climbs them."""
    out, a = [], v
    for _ in range(4):
        # "des munitions venues du Soudan transitent par": the small French parse makes the verb a clause on the
        # verb before
        clause = a.dep_ in ("conj", "advcl", "xcomp") or (a.dep_ == "acl" and a.head.pos_ in ("VERB", "AUX"))
        if any(c.dep_ in lx.SUBJECT for c in a.children) or not clause or a.head.i == a.i or \
                any(low(c) in _WITHOUT for c in a.children):
            break  # "sont exploitées sans permis par X": what was not done is no step
        # "franchissent la passe puis transitent": the small French parse hangs the second verb on the object
        a = a.head if a.dep_ != "conj" or a.head.pos_ in ("VERB", "AUX") else nearest_verb(a.head) or a.head
        out.append(a)
    return out


def _before_where(v: Token, place: Span) -> bool:
    """The place the where-clause is on: its head, or (as the French parse hangs "où" on the main verb) the
    place right before "où"."""
    if v.head.i in range(place.start, place.end):
        return True
    start = min(t.i for t in v.subtree)
    return 0 <= start - place.end <= 1
