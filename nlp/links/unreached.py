"""Places an activity never reached, though a clause names them: where goods were only to go, and where a
job was only promised.

"the cigarettes were to be sold in Romania", "le bois devait être acheminé jusqu'au port de Banjul": the
gold's conventions call a plan hypothetical and an intended destination optional. "recruited in Benin City
with promises of salon work in Bamako", "attirées par de fausses offres d'emploi à Nairobi": the town of
the promised job is the lure, not where the women were exploited. Such a place is read as a hypothetical's
(status.py); who was to receive the goods, and where they came from, are not.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import is_word
from ocwatch.nlp.links.tree import lemma as _lemma
from ocwatch.nlp.links.tree import low as _low

# What "was to" and "devait" also say that is no plan: "was to become", "was to blame", "devaient provenir de"
# (must have come from), "devaient payer chaque semaine" (were made to pay), "devait être stocké" (must have been).
_NOT_PLANNED = frozenset({"become", "blame", "come", "originate", "pay", "store", "remain", "devenir", "provenir",
                          "venir", "payer", "verser", "stocker", "rester", "be", "être"})


_WAS = frozenset({"was", "were", "is", "are"})  # "were to be sold", "are to be shipped"
# a habit or a rule, not a plan: "chaque semaine, les trafiquants devaient passer par Agadez"
_HABIT = frozenset({"chaque", "tous", "toutes", "souvent", "régulièrement", "habituellement", "généralement"})


def _to_be_done(below: Token) -> bool:
    return _lemma(below) not in _NOT_PLANNED and any(g.dep_ == "aux" and _low(g) == "to" for g in below.children)


def planned(p: Token, below: Token | None) -> bool:
    """Where goods were to go, a plan the seizure stopped or the text does not say was carried out: "the
    cigarettes were to be sold in Romania", "were supposed to be delivered", "le bois devait être acheminé
    jusqu'au port de Banjul", "allait être expédié", "étaient censés être livrés". Only a place's: who was to
    receive them is still their network ("devait être livrée à Lumière Distribution"). Not an obligation ("les
    camions doivent payer une taxe"), nor "bound for", "destined for"."""
    if below is None or below.dep_ != "xcomp" or below.pos_ not in ("VERB", "AUX") or _lemma(below) in _NOT_PLANNED:
        return False  # the goods themselves were bought or made ("bought in Transnistria, were to be sold")
    if _lemma(p) == "be" and _low(p) in _WAS:
        return _to_be_done(below)
    if _lemma(p) in ("suppose", "set", "due") and any(_low(w) in _WAS for w in (*p.children, p.head)):
        return _to_be_done(below)
    if "Imp" not in p.morph.get("Tense"):
        return _low(p) in ("censé", "censée", "censés", "censées")
    if _lemma(p) == "aller":  # "allait être expédié"; "allaient vendre l'or à Bunia" chaque semaine is a habit
        return any(c.dep_ == "aux:pass" for c in below.children)
    return _lemma(p) == "devoir" and not any(_low(w) in _HABIT for w in p.sent)


_LEAVE = frozenset({"leave", "quit", "quitter"})


def _from_there(t: Token) -> bool:
    """A place the goods were to leave from is where they were ("was to be shipped from the port of Pemba",
    "devait partir depuis Mombasa, où il a été saisi"), not where they were to go."""
    while True:  # up from "the port of Pemba", "le port de Mombasa" to the port
        if t.dep_ == "pobj" and _low(t.head) == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head
        elif t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "case" and _low(c) in ("de", "d'", "du") for c in t.children):
            t = t.head
        else:
            break
    if t.dep_ == "pobj" and (_low(t.head) == "from" or (_low(t.head) == "of" and _low(t.head.head) == "out")):
        return True  # "from the port of Pemba", "out of Kenya"
    if t.dep_ in ("dobj", "obj") and _lemma(t.head) in _LEAVE:
        return True  # "devait quitter le port de Mombasa pour Hanoï"
    return any(c.dep_ == "case" and _low(c) in ("depuis", "de", "d'", "du", "hors") for c in t.children) and \
        t.head.pos_ in ("VERB", "AUX")


# A job, or an offer of one, that lured the people trafficked: its town is the lure's.
_JOBS = frozenset({"job", "work", "employment", "position", "post", "emploi", "travail", "poste", "boulot", "embauche"})
_PROMISES = frozenset({"promise", "offer", "promesse", "offre", "promettre", "proposer", "proposition"})
_WHERE = frozenset({"where", "où"})


def _noun_above(t: Token) -> Token | None:
    """The noun a place hangs on through its preposition: "jobs in Bangkok", "emploi de coiffeuse à Bamako"."""
    head = t.head.head if t.dep_ == "pobj" else t.head if t.dep_ in ("nmod", "obl", "obl:mod") else None
    return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None


def _said_to_happen_there(t: Token, noun: Token) -> bool:
    """A "where" clause on the town or the job, or a "there" after it, says what happened there: "offers of
    construction work in Johannesburg, where they were housed in a locked compound", "un emploi à Luanda, où
    elles ont été exploitées", "un emploi à Bamako et y ont été prostituées"."""
    if any(c.dep_ in lx.RELATIVE and any(_low(w) in _WHERE for w in c.subtree)
           for x in (t, noun, *(a for a in noun.ancestors if a.pos_ == "NOUN")) for c in x.children):
        return True
    # "... un emploi à Bamako et y ont été prostituées", "... in Bamako, and there she sold them"
    later = t.doc[t.i + 1: t.sent.end]
    return any((_low(w) == "y" and _low(t.doc[w.i - 1]) != "il") or (_low(w) == "there" and w.dep_ == "advmod")
               for w in later)


def _a_job(noun: Token) -> bool:
    """The noun is a job, or an offer or promise of one ("offers of customer-service jobs", "job offers"); an
    offer of anything else ("cheap offers in Zuwara", "offres de traversée à Sfax") is the trade itself."""
    if is_word(noun, _JOBS):
        return True
    under = [*noun.children, *(g for c in noun.children if c.dep_ in ("prep", "nmod") for g in c.children)]
    return any(is_word(c, _JOBS) for c in under)


def promised(t: Token) -> bool:
    """The place names where a promised or offered job was: "promises of salon work in Bamako", "offers of
    customer-service jobs in Bangkok", "fake job offers in Bangkok", "la promesse d'un emploi de coiffeuse
    à Dakar"."""
    noun = _noun_above(t)
    if noun is None or not _a_job(noun) or _said_to_happen_there(t, noun):
        return False
    if is_word(noun, _PROMISES) or any(_lemma(c) in _PROMISES for c in noun.children):
        return True
    # up from the job to what promised it, through "of"/"de" or as the verb's object
    up = [noun.head, noun.head.head] if noun.head.pos_ == "ADP" or _low(noun.head) in ("of", "de", "d'") else [noun.head]
    return any(is_word(u, _PROMISES) for u in up)


def _own_clause(path: list[Token]) -> list[Token]:
    """The path up to a conjoined verb: "was to be shipped to Vietnam but was seized in Mombasa" seized the
    ivory at Mombasa, whatever the first verb planned."""
    cut = next((i for i, w in enumerate(path) if w.dep_ == "conj" and w.pos_ in ("VERB", "AUX")), None)
    return path if cut is None else path[: cut + 1]


def unreached(t: Token, path: list[Token]) -> bool:
    """A place the activity never reached: a plan's destination or a promised job's town."""
    return promised(t) or (not _from_there(t) and any(planned(p, below) for below, p in pairwise(_own_clause(path))))
