"""Whether a clause is negated: a negator on its verb ("not", "never", "pas", "ne ... plus"), a verb of
stopping whose subject or complement is the activity ("gold trading has halted", "ont cessé de taxer"), and
a negated verb of ending, which is the activity going on ("has not stopped", "n'a pas mis fin à")."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from ocwatch.nlp.gazetteer import demonym_forms
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.tree import lemma as _lemma
from ocwatch.nlp.links.tree import low as _low
from ocwatch.nlp.persons import PERSON_NOUNS


def negated(p: Token) -> bool:
    """A negator on the word: "not", "never", "pas", "jamais", "no longer", "ne ... plus"."""
    kids = list(p.children)
    lows = {_low(c) for c in kids}
    for c in kids:
        low = _low(c)
        if c.dep_ in ("neg", "advmod:neg") or (low in lx.NEGATORS and c.dep_ in ("advmod", "det", "neg", "cc:preconj")):
            return True
        if low == "longer" and any(_low(g) == "no" for g in c.children):
            return True
        if low in lx.NEG_PLUS and lows & lx.NE:
            return True
        if low in lx.NE and any(_low(w) in lx.NE_PARTNERS for w in p.doc[c.i + 1: c.i + 5]):
            return True
    return _low(p) in ("no", "aucun", "aucune") and p.dep_ == "det"


# Who is stopped is arrested: the people who do an activity, a masked name, a person ("un homme a été arrêté")
# or one named by their people ("Un Kosovar de 34 ans a été arrêté", demonym_forms).
_STOPPED_PEOPLE = lx.OFFENDER_NOUNS | lx.TRADE_PEOPLE | PLACEHOLDERS | PERSON_NOUNS


def _ends_up(p: Token) -> bool:
    return any(c.dep_ == "prt" and _low(c) == "up" for c in p.children)


# A denied end is the activity going on: "the poaching has not stopped", "n'a pas mis fin à", "ne faiblit pas".
_CEASE = lx.STOP_VERBS | frozenset({"decline", "diminish", "disappear", "subside", "abate", "slow", "wane",
                                    "diminuer", "disparaître", "reculer", "ralentir", "faiblir", "baisser"})
_END_NOUNS = frozenset({"end", "halt", "stop", "close", "standstill", "fin", "terme"})
PUT = frozenset({"put", "bring", "mettre"})
_COME = frozenset({"come", "draw", "grind"})  # "came to an end", "drew to a close", "ground to a halt"
# What ends that is no trade: "L'opération de l'armée contre la contrebande d'or a pris fin", "the inquiry into"
_NOT_THE_TRADE = frozenset({"operation", "operations", "inquiry", "investigation", "campaign", "crackdown", "ban",
                            "mission", "ceasefire", "truce", "war", "conflict", "contract", "opération", "opérations",
                            "enquête", "campagne", "interdiction", "cessez-le-feu", "trêve", "guerre",
                            "conflit", "contrat"})


def denied_end(p: Token) -> bool:
    """``p`` is a negated verb of ending whose activity goes on: "has not stopped", "did not stop the trade",
    "has not stopped taxing", "n'a pas renoncé au commerce", "n'a pas mis fin à". Not "end up", not in a
    question ("Has it not stopped?"), and not people or vehicles halting on their way ("did not stop in Bunia",
    "ne se sont pas arrêtés à Bunia") or being arrested ("n'a pas arrêté les miliciens")."""
    if not negated(p) or p.doc[-1].text == "?" or _ends_up(p):
        return False
    if _lemma(p) in PUT:  # "n'a pas mis fin à", "has not brought the trade to an end"
        return any(_low(c) in _END_NOUNS for c in p.children if c.dep_ in lx.OBJECT) or bool(_ends_to(p))
    if not (_lemma(p) in _CEASE or _low(p) in _CEASE or _comes_to_an_end(p)):
        return False
    # with an object, the object is what ends ("La police n'a pas arrêté les miliciens": not the police)
    transitive = any(c.dep_ in lx.OBJECT and c.pos_ in ("NOUN", "PROPN") and _low(c) not in _END_NOUNS
                     for c in p.children)
    return any(_an_activity_ends(c) for c in p.children if not (transitive and c.dep_ in lx.SUBJECT)
               and _low(c) not in _END_NOUNS)


def _comes_to_an_end(p: Token) -> bool:
    """An end the activity comes to: "has come to an end", "a pris fin"; not a route's end at a place ("the
    route comes to an end in Rotterdam", "prend fin à Rotterdam": where the goods arrive)."""
    ends = _ends_to(p)
    if any(_at_a_place(c) for t in (p, *ends) for c in t.children):
        return False
    if _lemma(p) in _COME:
        return bool(ends)
    return _lemma(p) == "prendre" and any(_low(c) == "fin" for c in p.children if c.dep_ in lx.OBJECT)


def _at_a_place(c: Token) -> bool:
    return c.dep_ in ("prep", "obl", "obl:mod") and (c.pos_ == "PROPN" or any(
        g.pos_ == "PROPN" for g in c.children if g.dep_ == "pobj"))


def _ends_to(p: Token) -> list[Token]:
    """The end nouns the verb goes "to": "came to an end", "brought the trade to a halt"."""
    return [g for c in p.children if _low(c) == "to" for g in c.children if _low(g) in _END_NOUNS]


_MOVERS = frozenset({"convoy", "convoys", "convoyeurs", "driver", "drivers", "chauffeurs", "truck", "trucks",
                     "lorries", "camions", "boat", "boats", "bateaux", "pirogues", "vessel", "vessels", "navire",
                     # armed men stopped are arrested ("n'a pas arrêté les miliciens")
                     "fighters", "militiamen", "rebels", "soldiers", "combattants", "miliciens", "rebelles", "soldats"})


def _an_activity_ends(c: Token) -> bool:
    """What the verb of ending ends is an activity: a verb after it ("stopped taxing", "cessé de taxer", "from
    selling"), or a noun that names no people, vehicle or place as its subject, object or "à" complement."""
    if c.dep_ in ("xcomp", "pcomp") and c.pos_ == "VERB":
        return True
    if c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.pos_ == "VERB" for g in c.children):
        return True
    # ("renoncé au commerce", not "arrêtés à Bunia")
    framed = c.dep_ in lx.SUBJECT or c.dep_ in lx.OBJECT or (c.pos_ == "NOUN" and c.dep_.startswith("obl") and any(
        _low(k) in ("à", "au", "aux") for k in c.children if k.dep_ == "case"))
    return framed and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_ and _low(c) not in _STOPPED_PEOPLE | _MOVERS | \
        lx.PAYER_PEOPLE and not any(k.pos_ == "PROPN" for k in c.children if k.dep_ in ("flat", "appos"))


def stopped(path: list[Token]) -> bool:
    """The activity is the subject of a verb of stopping with no object ("gold trading has halted"), or
    what somebody stopped doing ("stopped taxing", "ont cessé de taxer", "has come to an end", "a pris fin"):
    not going on any more. A lone "ne" says the opposite: "ne cesse de croître" never stops."""
    for below, p in list(pairwise(path))[:2]:  # the activity's own word or its head
        ends = _comes_to_an_end(p)
        if not (_lemma(p) in lx.STOP_VERBS or ends) or _ends_up(p):
            continue  # "the packages end up in Dakar": where they arrive, not an end
        if _ne_alone(p) or _not_yet(p) or _low(below) in _NOT_THE_TRADE:
            continue  # "ne cesse de croître"; "will come to an end"; the operation against the trade ended
        if below.dep_ in lx.PASSIVE_SUBJECT and (_low(below) in _STOPPED_PEOPLE or _low(below) in demonym_forms()):
            continue  # "un passeur a été arrêté", "Group was stopped at the border": caught, not ceased
        # "a pris fin l'an dernier": "fin" and "an" are no objects of an ending
        if below.dep_ in lx.SUBJECT and (ends or not any(c.dep_ in lx.OBJECT for c in p.children)):
            return True
        if below.dep_ == "xcomp" and below.pos_ == "VERB":
            return True
    return False


def _ne_alone(p: Token) -> bool:
    """A "ne" with no second half: "ne cesse de", "n'a cessé de" (never stopped). "ne ... que" is no such
    "ne": "ne s'est arrêtée que l'an dernier" did stop."""
    doc = p.doc
    return any(_low(c) in lx.NE for c in p.children) and not negated(p) and not any(
        _low(w) in ("que", "qu'") for w in doc[p.i + 1: p.i + 8])


_FUTURE = lx.MODALS | {"will", "shall"}


def _not_yet(p: Token) -> bool:
    """An end that could come or is still to come is no stop: "could come to an end if the border is sealed",
    "will come to an end", "prendra fin avec la paix", "is coming to an end"."""
    return p.tag_ == "VBG" or "Fut" in p.morph.get("Tense") or any(
        _lemma(c) in _FUTURE for c in p.children if c.dep_.startswith("aux"))
