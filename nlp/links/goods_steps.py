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
from ocwatch.nlp.links.tree import clause_head, in_event, is_word, low, prep_of

SELL = frozenset({"sell", "supply", "deliver", "provide", "give", "vendre", "livrer", "fournir", "revendre",
                  "céder", "revendu", "revendus", "revendues", "vendu", "vendus", "vendues", "livré", "livrées"})
BUY = frozenset({"buy", "purchase", "acheter", "racheter"})
# Running a party that does the activity: "shops run by the Kings Romans group sell pangolin scales".
RUN_VERBS = lx.CONTROL_VERBS | frozenset({"lead", "led", "diriger", "dirigé", "dirigés", "dirigée", "dirigées",
                                          "tenu", "tenus", "contrôlé", "contrôlés", "géré", "gérés"})
# Who had the goods for one step of their way: sold to, bought from, handed to, or the agent of a later step
TRADED = frozenset({"buyer", "seller", "receiver", "handler"})

_COLLECT = frozenset({"collect", "distribute", "distribuer", "collecter"})
_PEOPLE = lx.TRADE_PEOPLE | lx.OFFENDER_NOUNS
# What ends a chain of verbs the goods go down: what was done to them after a seizure, a report or an inquiry
_CHAIN_STOPS = lx.ENFORCE_VERBS | lx.REPORT_VERBS | lx.INVESTIGATE_VERBS
# Goods taken by enforcers ("the seized cocaine was flown to Nairobi and delivered to the Government Chemist"):
# the small models give the participle as an adjective, its own lemma
_SEIZED = _CHAIN_STOPS | frozenset({"seized", "intercepted", "confiscated", "recovered", "impound", "impounded",
                                    "saisi", "saisie", "saisis", "saisies", "confisqué", "confisquée", "confisqués",
                                    "confisquées", "intercepté", "interceptée", "interceptés", "interceptées",
                                    "récupéré", "récupérée", "récupérés", "récupérées", "retenir", "retenu", "retenue",
                                    "retenus", "retenues", "arraisonner", "arraisonné", "arraisonnée", "arraisonnés",
                                    "arraisonnées"})
# Verbs of running or holding a thing, no step of the goods' way
_HOLDING = RUN_VERBS | frozenset({"man", "manned", "staff", "staffed", "guard", "guarded", "garder", "gardé",
                                  "gardés"})
# A share of the goods, subject of the clause that sells it: "où une partie est revendue aux combattants"
_SHARE = frozenset({"part", "some", "most", "much", "partie", "plupart", "certains", "certaines"})
_WITHOUT = frozenset({"without", "sans"})
_TO = frozenset({"à", "au", "aux"})


def carries_goods(m: Token, v: Token) -> bool:
    """The verb takes the activity's goods: in their clause, or, unless they were seized or the verb runs or
    holds something or enforces, conjoined or subordinate to it, a relative clause on them, or a where-clause
    they are the subject of."""
    if in_event(m, v):
        return True
    if is_word(v, _HOLDING | _CHAIN_STOPS) or _seized(m):
        return False
    return goods_chain(m, v) or (v.dep_ in lx.RELATIVE and v.head.i == m.i) or _goods_where(m, v)


def _seized(m: Token) -> bool:
    """Goods taken by enforcers: "the seized cocaine", "les armes retenues à Kousseri", "the weapons, which had
    been seized at Kousseri", "une cargaison d'armes saisie"."""
    nouns = [m, m.head] if m.dep_ in ("nmod", "pobj") and m.head.i != m.i else [m]
    if m.dep_ == "pobj" and m.head.head.i != m.head.i:
        nouns.append(m.head.head)  # "a cargo of weapons seized"
    return any(c.dep_ in ("amod", "acl", *lx.RELATIVE) and is_word(c, _SEIZED) for n in nouns for c in n.children)


def goods_chain(m: Token, v: Token) -> bool:
    """A verb with no subject of its own under the goods' clause, by conjunction or subordination, whose subject
    it shares are the goods or whose object names them again: "transitent par Kidal avant d'être revendues à X",
    "was carried to Bunia and sold to X", "making rifles and selling them to X"; not "Dirigé par X, le réseau
    achète les écailles" (the network is led). Not a verb taking other goods, nor one under an enforcement."""
    objects = [c for c in v.children if c.dep_ in ("dobj", "obj")]
    if any(c.pos_ != "PRON" and c.i != m.i and low(c) not in gw.COMMODITY_ANAPHORS for c in objects):
        return False
    for a in verbs_above(v):
        if is_word(a, _CHAIN_STOPS):
            return False
        if in_event(m, a):
            return bool(objects) or goods_are_subject(m, a)
    return False


def goods_are_subject(m: Token, v: Token) -> bool:
    """The verb's subject is the goods, or a pack or share of them ("ammunition of Sudanese make", "une
    cargaison d'armes"); not the people who carry them ("smugglers carrying gold", "les trafiquants d'or")."""
    subject = next((c for c in v.children if c.dep_ in lx.SUBJECT), None)
    if subject is None or is_word(m, _PEOPLE):  # the market named by its dealers ("les trafiquants d'or")
        return False
    return subject.i == m.i or (any(a.i == subject.i for a in m.ancestors) and not is_word(subject, _PEOPLE))


def _goods_where(m: Token, v: Token) -> bool:
    """A where-clause on a place of the goods' clause, the goods its subject ("to Puglia, where it is bought by
    clans of X"), or a share of them or "they", for a verb of the trade: "vers Tillabéri, où une partie est
    revendue aux combattants de X", "where they were collected by members of X"."""
    if not opens_on_where(v) or v.head.i == v.i:
        return False
    subject = next((c for c in v.children if c.dep_ in lx.SUBJECT), None)
    if subject is None:
        return False
    share = (low(subject) in _SHARE or _passive_they(subject)) and is_word(v, BUY | SELL | _COLLECT)
    return (goods_subject(subject) or share) and in_event(m, clause_head(v.head))


def _passive_they(subject: Token) -> bool:
    """"they" as a passive subject: what is bought, sold or collected (people too, where people are the trade;
    not "received", said of people as often)."""
    return low(subject) in ("they", "ils", "elles") and subject.dep_ in lx.PASSIVE_SUBJECT


def traded_there(how: str, actor: Span, place: Span, places: list[Span], m: Token) -> bool:
    """The one the goods were sold or handed to, or bought from, is where that happened, not all along the
    goods' route ("trucked from Uganda across the border at Nimule and sold to the White Army in Nyirol": the
    White Army at Nyirol): a place in the verb's phrase, where the goods went just before it when that phrase
    names none ("carried to Bunia and sold to X"; the agent of a later step, as often the goods' exporter, at
    both: "trucked to Dakar and shipped to China by X"), or the place a where-clause on the way is on.
    ``places``: the sentence's places; ``m``: the activity's word."""
    if how not in TRADED:
        return True
    v = nearest_verb(actor.root)
    # past the participle of the name's own phrase: "revendus par un réseau dirigé par X, à Bouaké"
    while v is not None and v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN") and v.head.i != v.i:
        v = nearest_verb(v.head)
    if v is None:
        return True
    own = _own_phrase(v, how, m)
    if place.root.i in own:
        return True
    chain = [v, *verbs_above(v)]
    verb = nearest_verb(place.root)
    named_own = any(_on_the_verb(p, v) for p in places if p.root.i in own)
    went_to = verb is not None and any(a.i == verb.i for a in chain) and _goes_to(place, verb)
    return (went_to and (how == "handler" or not named_own)) or any(
        opens_on_where(a) and _before_where(a, place) for a in chain)


def _goes_to(place: Span, verb: Token) -> bool:
    """The goods went to the place: a destination, or French "à" after a verb of the route ("acheminées à Mora
    avant d'être revendues", where "à" alone says nothing of the route's part)."""
    return place_role(place.root) == "destination" or (prep_of(place.root) in _TO and is_word(verb, lx.ROUTE_VERBS))


def _on_the_verb(place: Span, v: Token) -> bool:
    """The place hangs on the step's verb itself, not on a clause of its own inside the phrase ("sold to the
    sawmill X, which exports it to Mexico")."""
    verb = nearest_verb(place.root)
    return verb is not None and verb.i == v.i


def _own_phrase(v: Token, how: str, m: Token) -> set[int]:
    """The tokens of the step's own phrase: not the goods' own ("weapons smuggled through Libya have reached
    fighters of X": Libya is their earlier way), nor, for a seller, a verb conjoined after the sale ("bought
    from officers of the FARDC in Goma and exported through Gisenyi": the buyers export)."""
    skip = [c for c in v.children if (c.dep_ in lx.SUBJECT and any(t.i == m.i for t in c.subtree)) or (
        how == "seller" and c.dep_ == "conj")]
    out = {t.i for t in v.subtree}
    for c in skip:
        out -= {t.i for t in c.subtree}
    return out


def verbs_above(v: Token) -> list[Token]:
    """The verbs a subjectless verb hangs on by conjunction or subordination, as goods_chain climbs them."""
    out, a = [], v
    for _ in range(4):
        if a.head.i == a.i or any(c.dep_ in lx.SUBJECT or low(c) in _WITHOUT for c in a.children):
            break  # "sont exploitées sans permis par X": what was not done is no step
        if _after_a_preposition(a):  # "before being sold to X": the English parse hangs the clause on "before"
            if low(a.head) in _WITHOUT:
                break
            a = a.head.head
        elif a.dep_ == "conj" and a.head.pos_ not in ("VERB", "AUX"):
            # "franchissent la passe puis transitent": the small French parse hangs the second verb on the object
            a = nearest_verb(a.head) or a.head
        elif a.dep_ in ("conj", "advcl", "xcomp") or (a.dep_ == "acl" and a.head.pos_ in ("VERB", "AUX")):
            # "des munitions venues du Soudan transitent par": the French parse makes the verb a clause on the verb
            a = a.head
        else:
            break
        out.append(a)
    return out


def _after_a_preposition(a: Token) -> bool:
    """A clause the English parse hangs on a preposition of the verb before: "before being sold", "after being
    loaded"."""
    return a.dep_ == "pcomp" and a.head.pos_ == "ADP" and a.head.head.pos_ in ("VERB", "AUX") and \
        a.head.head.i != a.head.i


def _before_where(v: Token, place: Span) -> bool:
    """The place the where-clause is on: its head, or (as the French parse hangs "où" on the main verb) the
    place right before "où"."""
    if v.head.i in range(place.start, place.end):
        return True
    start = min(t.i for t in v.subtree)
    return 0 <= start - place.end <= 1
