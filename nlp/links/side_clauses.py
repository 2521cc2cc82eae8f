"""Places in a clause beside the activity's own that still hold it: a relative clause on the goods or their
dealers ("yaba tablets that are trucked to Tachileik"), on the ground its doer holds ("Gran Grif, which
controls the Artibonite valley, collects tolls"), or where the payers of a cut cross ("tax every truck that
passes through Kaya"). places.event_places reads them."""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import ancestors_and_self, is_word, low, prep_of, subject_of

# Nouns of a site a commodity can name: "sur les sites d'orpaillage de Sadiola", "in the mining camps of".
SITE_NOUNS = frozenset({"site", "sites", "camp", "camps", "mine", "mines", "pit", "pits", "field", "fields",
                         "puits", "chantier", "chantiers", "carrière", "carrières", "gisement", "gisements"})


def clause_on_goods(t: Token, m: Token) -> bool:
    """A place in a relative clause on the goods or on their dealers is where they are traded: "leur
    ivoire, qu'ils revendent ensuite à Nyala", "trafiquants de diamants qui opéraient entre Carnot et
    ..."; not a clause of arrest, report or inquiry ("qui ont été arrêtés à Bangui")."""
    for a in ancestors_and_self(t):
        if a.dep_ not in lx.RELATIVE:
            continue
        if is_word(a, lx.ENFORCE_VERBS | lx.REPORT_VERBS | lx.INVESTIGATE_VERBS):
            return False
        dealers = m.head.i != m.i and is_word(m.head, lx.OFFENDER_NOUNS | lx.TRADE_PEOPLE)
        return a.head.i == m.i or (dealers and a.head.i == m.head.i) or a.head.i == _goods_noun(m).i or \
            _moved_after(a, m)
    return False


# Verbs of holding ground: "which controls the Artibonite valley", "qui tient le poste d'In-Khalil".
_HOLD_GROUND = frozenset({"control", "hold", "occupy", "run", "contrôler", "tenir", "occuper"})


def doers_ground(t: Token, fam: list[Token]) -> bool:
    """"Gran Grif, which controls much of the Artibonite valley, also collects tolls": a place in a relative
    clause of holding ground on the activity's subject (or on a noun in apposition to it: "the FPJ, an armed
    group that occupies the Ndassima pits") is where its doer acts."""
    clause = next((a for a in ancestors_and_self(t) if a.dep_ in lx.RELATIVE), None)
    if clause is None or not is_word(clause, _HOLD_GROUND):
        return False
    ante = clause.head
    subjects = {s.i for s in map(subject_of, fam) if s is not None}
    return ante.i in subjects or (ante.dep_ == "appos" and ante.head.i in subjects)


def _goods_noun(m: Token) -> Token:
    """The noun whose goods the market word names: "yaba tablets", "shipments of cocaine", "des sacs de
    charbon" (a clause on the noun is on the goods: "that are trucked to Tachileik", "qui sont acheminés
    vers Goma"); else the word itself."""
    if m.dep_ == "compound" and m.head.pos_ == "NOUN":
        return m.head
    if prep_of(m) == "of" and m.head.head.pos_ == "NOUN":
        return m.head.head
    if m.dep_ == "nmod" and m.head.pos_ == "NOUN" and prep_of(m) in lx.FRENCH_OF:
        return m.head
    return m


# Where the payers of a cut cross is where it is taken: "prélèvent une taxe sur chaque troupeau qui franchit
# la frontière à Besson", "tax every truck that passes through Kaya".
_CROSSING = frozenset({"cross", "pass", "enter", "use", "leave", "franchir", "traverser", "passer", "entrer", "emprunter",
                       "quitter", "sortir"})
_NOT_WHERE_CROSSED = frozenset({"to", "from", "towards", "toward", "into", "for", "de", "du", "des", "d'", "depuis",
                                "vers", "jusqu'à", "pour"})


def payers_crossing(t: Token, m: Token) -> bool:
    """A place in a clause of crossing on what a verb of taking a cut is taken on."""
    # "the mines of Rubaya", "la barrière de Kaga-Bandoro": "de" on a noun names the site, not where from
    of_a_site = prep_of(t) in lx.FRENCH_OF and t.head.pos_ == "NOUN"
    if m.pos_ not in ("VERB", "AUX") or (prep_of(t) in _NOT_WHERE_CROSSED and not of_a_site):
        return False  # "passes through Baraka on its way to Uvira", "enters Somalia from Kenya"
    path = list(ancestors_and_self(t))
    # the crossing's own place, not one a later verb names ("qui quittent le port pour rejoindre X")
    crossing = next((a for a in path if a.pos_ in ("VERB", "AUX")), None)
    if crossing is None or not is_word(crossing, _CROSSING):
        return False
    above = path[path.index(crossing) + 1:]
    return any(_levied_on(a, m) for a in above)


def _levied_on(a: Token, m: Token) -> bool:
    """What the cut is laid on: the verb's own noun ("tax every truck"), or the noun after a preposition on
    the verb or on what it takes ("a fee on every truck", "200,000 pesos for every kilo", "une taxe sur
    chaque troupeau")."""
    if a.pos_ != "NOUN" or a.dep_ in lx.SUBJECT:
        return False
    h = a.head.head if a.dep_ == "pobj" else a.head
    return h.i == m.i or (h.dep_ in lx.OBJECT and h.head.i == m.i and a.dep_ not in lx.OBJECT)


_WHICH_SUBJECTS = frozenset({"which", "that", "qui"})


def _moved_after(clause: Token, m: Token) -> bool:
    """"gold from the Jebel Amer mines in North Darfur, which is smuggled through Chad": a clause of moving
    goods whose relative subject the parser hangs on the place after the goods. A place is not smuggled:
    the clause is the goods'."""
    ante = clause.head
    return ante.i > m.i and ante.pos_ == "PROPN" and is_word(clause, lx.ROUTE_VERBS) and any(
        c.dep_ in lx.SUBJECT and low(c) in _WHICH_SUBJECTS for c in clause.children) and not any(
        t.pos_ == "NOUN" and not is_word(t, SITE_NOUNS) for t in ante.doc[m.i + 1: ante.i])
